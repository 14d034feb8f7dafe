//! Articles and weeks as the lists show them (`src/components/cards.rs`), the pager
//! (`src/components/pager.rs`, with plain `…/page/<n>` links) and the locked notice
//! (`src/components/paywall.rs`).

use sb_model::paths::page;
use sb_model::text::escape_html;
use sb_model::{ArticleSummary, SiteConfig, WeekSummary};

use super::{date_time, link};
use crate::publish::static_pages::img_tag;

/// Date · N min read (or preview) · badge · topics.
pub fn article_meta(a: &ArticleSummary) -> String {
    let minutes = match &a.paid {
        None => format!("{} min read", a.reading_minutes),
        Some(p) if p.preview => format!("{} min preview", a.reading_minutes),
        Some(_) => String::new(),
    };
    let badge = a.paid.as_ref().map_or(String::new(), |p| {
        format!(
            "{}<span class=\"badge badge-paid\">{}</span>",
            if p.preview { " · " } else { "" },
            if p.preview { "Free preview" } else { "Paid" }
        )
    });
    let topics = if a.topics.is_empty() {
        String::new()
    } else {
        let links: String = a
            .topics
            .iter()
            .map(|t| link(&page::topic(t), " class=\"topic\"", &t.replace('-', " ")))
            .collect();
        format!(" · <span class=\"topics\">{links}</span>")
    };
    format!(
        "<p class=\"meta\">{} · {}{badge}{topics}</p>",
        date_time(a.date),
        escape_html(&minutes)
    )
}

fn card_title(path: &str, title: &str, nested: bool) -> String {
    let h = if nested { "h3" } else { "h2" };
    format!("<{h} class=\"card-title\">{}</{h}>", link(path, "", title))
}

pub fn article_card(a: &ArticleSummary, featured: bool, nested: bool) -> String {
    let cover = a
        .cover
        .as_ref()
        .filter(|_| featured)
        .map_or(String::new(), |c| {
            img_tag(
                c,
                "",
                "class=\"card-cover\" loading=\"lazy\" decoding=\"async\"",
            )
        });
    let subtitle = a.subtitle.as_ref().map_or(String::new(), |s| {
        format!("<p class=\"card-subtitle\">{}</p>", escape_html(s))
    });
    format!(
        "<article class=\"card{}\">{cover}{}{subtitle}{}<p class=\"card-summary\">{}</p></article>",
        if featured { " card-featured" } else { "" },
        card_title(&page::article(&a.slug), &a.title, nested),
        article_meta(a),
        escape_html(&a.summary)
    )
}

pub fn week_card(w: &WeekSummary, nested: bool) -> String {
    let paid = if w.paid_count > 0 {
        format!(" + {} paid", w.paid_count)
    } else {
        String::new()
    };
    format!(
        "<article class=\"card\">{}<p class=\"meta\">{} · {} resources{paid}</p><p class=\"card-summary\">{}</p></article>",
        card_title(&page::week(&w.slug), &w.title, nested),
        date_time(w.date),
        w.entry_count,
        escape_html(&w.summary)
    )
}

/// Newer / Page N of M / Older, linking the pages' own paths.
pub fn pager(base: &str, current: u32, total_pages: u32) -> String {
    if total_pages <= 1 {
        return String::new();
    }
    let prev = if current > 1 {
        link(
            &page::index_page(base, current - 1),
            " rel=\"prev\"",
            "← Newer",
        )
    } else {
        String::new()
    };
    let next = if current < total_pages {
        link(
            &page::index_page(base, current + 1),
            " rel=\"next\"",
            "Older →",
        )
    } else {
        String::new()
    };
    format!(
        "<nav class=\"pager\" aria-label=\"Pages\">{prev}<span class=\"pager-status\">Page {current} of {total_pages}</span>{next}</nav>"
    )
}

/// "<what> for paid subscribers." with Subscribe and "I have a key", as a free reader sees it.
pub fn locked_notice(config: &SiteConfig, what: &str, tier: &str) -> String {
    format!(
        "<section class=\"paywall\" aria-label=\"For subscribers\"><p class=\"paywall-lead\">{}</p>\
         <p class=\"paywall-actions\"><a class=\"button button-primary\" href=\"{}\" rel=\"noopener noreferrer\">Subscribe</a>{}</p></section>",
        escape_html(&format!("{what} for {}.", config.tier_name(tier))),
        escape_html(&config.subscribe_url),
        link(&page::unlock(), " class=\"button\"", "I have a key"),
    )
}

/// "Save for offline" as the app shows it on an article or a week (src/offline/save_button.rs),
/// but not pressed either way: only the app can ask the worker whether the page is saved. A
/// press starts the app, which presses its own button unless the page is saved already
/// (boot.template.js).
pub fn save_button() -> &'static str {
    "<div class=\"save-offline\"><button type=\"button\" class=\"button\"><span class=\"save-offline-mark\" aria-hidden=\"true\"></span>Save for offline</button><span class=\"save-offline-status\" role=\"status\"></span></div>"
}
