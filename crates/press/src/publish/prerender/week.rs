//! One week's reading list as a free reader sees it (`src/pages/week.rs`): the intro, the free
//! entries of each section, how many more each section holds, and the locked notice. Paid
//! entries are only counted here, never shown.

use sb_model::paths::{self, page};
use sb_model::text::escape_html;
use sb_model::{Week, WeekEntry};

use super::cards::{locked_notice, save_button};
use super::{anchor_links, date_time, link, Page};
use crate::content::Site;

fn entry(e: &WeekEntry) -> String {
    let commentary = if e.commentary_html.is_empty() {
        String::new()
    } else {
        format!(
            "<div class=\"entry-commentary prose\">{}</div>",
            e.commentary_html
        )
    };
    format!(
        "<li class=\"entry\" id=\"{}\"><p class=\"entry-head\"><span class=\"badge badge-{}\">{}</span>\
         <a class=\"entry-title\" href=\"{}\" rel=\"noopener noreferrer\" target=\"_blank\">{}</a></p>\
         <p class=\"entry-source\">{}</p><p class=\"entry-summary\">{}</p>{commentary}</li>",
        escape_html(&e.id),
        e.kind.label().to_lowercase(),
        e.kind.label(),
        escape_html(&e.url),
        escape_html(&e.title),
        escape_html(&e.source),
        escape_html(&e.summary),
    )
}

/// How many of `tiers` there are per tier, in the order tiers first appear.
fn by_tier<'a>(tiers: impl Iterator<Item = &'a str>) -> Vec<(&'a str, usize)> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for tier in tiers {
        match counts.iter_mut().find(|(t, _)| *t == tier) {
            Some((_, n)) => *n += 1,
            None => counts.push((tier, 1)),
        }
    }
    counts
}

fn resources(n: usize) -> String {
    if n == 1 {
        "1 more resource".into()
    } else {
        format!("{n} more resources")
    }
}

pub fn page(site: &Site, w: &Week) -> Page {
    let config = &site.config;
    let route = page::week(&w.meta.slug);
    let path = page::relative(&route);
    // Per section, the tier of each paid entry (their text stays sealed).
    let paid: Vec<Vec<&str>> = site
        .paid
        .weeks
        .get(&w.meta.slug)
        .map_or_else(Vec::new, |s| {
            s.iter()
                .map(|units| units.iter().map(|u| u.tier.as_str()).collect())
                .collect()
        });
    let all = by_tier(paid.iter().flatten().copied());
    let count = format!(" · {} resources", w.meta.entry_count)
        + &match all.as_slice() {
            [] => String::new(),
            [(tier, _)] => format!(" + {} for {}", w.meta.paid_count, config.tier_name(tier)),
            _ => format!(" + {} paid", w.meta.paid_count),
        };
    let sections: String = w
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let entries: String = s.entries.iter().map(entry).collect();
            let locked: Vec<String> = by_tier(paid.get(i).into_iter().flatten().copied())
                .into_iter()
                .map(|(tier, n)| format!("{n} more in this section for {}", config.tier_name(tier)))
                .collect();
            let locked = if locked.is_empty() {
                String::new()
            } else {
                format!("<p class=\"section-locked\">{}</p>", escape_html(&locked.join("; ")))
            };
            format!(
                "<section class=\"week-section\"><h2>{}</h2><ul class=\"entries\">{entries}</ul>{locked}</section>",
                escape_html(&s.title)
            )
        })
        .collect();
    let notices: String = all
        .iter()
        .map(|(tier, n)| locked_notice(config, &resources(*n), tier))
        .collect();
    let main = format!(
        "<article class=\"week\"><header class=\"article-header\"><h1>{}</h1><p class=\"meta\">{}{}</p>{}</header>\
         <div class=\"prose\">{}</div>{sections}{notices}</article><p class=\"back-link\">{}</p>",
        escape_html(&w.meta.title),
        date_time(w.meta.date),
        escape_html(&count),
        save_button(),
        anchor_links(&w.intro_html, path),
        link(&page::weekly(), "", "← All weekly lists"),
    );
    Page::new(path, &w.meta.title, &w.meta.summary)
        .data([paths::week(&w.meta.slug)])
        .main(main)
        .on_request(!all.is_empty())
}
