//! One article as a free reader sees it (`src/pages/article.rs`, `article_extras.rs`): header,
//! share links, cover, table of contents, the free body, the locked notice for the paid rest,
//! previous / next.

use sb_model::paths::{self, page};
use sb_model::text::{escape_html, percent_encode};
use sb_model::Article;

use super::cards::{article_meta, locked_notice, save_button};
use super::{anchor_links, date_time, href, link, Page};
use crate::content::Site;
use crate::publish::static_pages::img_tag;

/// Articles with at least this many headings get a table of contents (as in the app).
const TOC_MIN_HEADINGS: usize = 3;

pub fn page(site: &Site, a: &Article) -> Page {
    let meta = &a.meta;
    let route = page::article(&meta.slug);
    let path = page::relative(&route);
    let config = &site.config;
    let subtitle = meta.subtitle.as_ref().map_or(String::new(), |s| {
        format!("<p class=\"subtitle\">{}</p>", escape_html(s))
    });
    let updated = meta.updated.map_or(String::new(), |u| {
        format!("<p class=\"meta\">Updated {}</p>", date_time(u))
    });
    let cover = meta.cover.as_ref().map_or(String::new(), |c| {
        img_tag(c, &c.alt, "class=\"cover\" decoding=\"async\"")
    });
    let toc = if a.toc.len() >= TOC_MIN_HEADINGS {
        let items: String = a
            .toc
            .iter()
            .map(|t| {
                format!(
                    "<li class=\"toc-level-{}\"><a href=\"{}#{}\">{}</a></li>",
                    t.level,
                    escape_html(&href(path)),
                    escape_html(&t.id),
                    escape_html(&t.text)
                )
            })
            .collect();
        format!("<nav class=\"toc\" aria-label=\"Contents\"><p class=\"toc-title\">Contents</p><ul>{items}</ul></nav>")
    } else {
        String::new()
    };
    let whole_paid = meta.paid.as_ref().is_some_and(|p| !p.preview);
    let lead = if whole_paid {
        format!("<p class=\"lead\">{}</p>", escape_html(&meta.summary))
    } else {
        String::new()
    };
    // The documents hold only the free part; press sanitized it when it rendered the Markdown.
    let body = if a.body_html.is_empty() {
        String::new()
    } else {
        format!(
            "<div class=\"prose\">{}</div>",
            anchor_links(&a.body_html, path)
        )
    };
    let locked = meta.paid.as_ref().map_or(String::new(), |p| {
        let what = if whole_paid {
            "This article is"
        } else {
            "The rest of this article is"
        };
        locked_notice(config, what, &p.tier)
    });
    let main = format!(
        "<article class=\"article\"><header class=\"article-header\"><h1>{}</h1>{subtitle}{}{updated}\
         <div class=\"article-actions\">{}{}</div></header>\
         {cover}{toc}{lead}{body}{locked}{}</article><p class=\"back-link\">{}</p>",
        escape_html(&meta.title),
        article_meta(meta),
        share_links(&page::url(&config.base_url, &route), &meta.title),
        save_button(),
        prev_next(a),
        link(&page::articles(), "", "← All articles"),
    );
    let mut page = Page::new(path, &meta.title, &meta.summary)
        .data([paths::article(&meta.slug)])
        .main(main)
        .on_request(meta.paid.is_some());
    page.published = Some(meta.date);
    page
}

fn share_links(url: &str, title: &str) -> String {
    let (t, u) = (percent_encode(title), percent_encode(url));
    let x = format!("https://x.com/intent/post?text={t}&url={u}");
    let linkedin = format!("https://www.linkedin.com/sharing/share-offsite/?url={u}");
    let mail = format!("mailto:?subject={t}&body={u}");
    format!(
        "<div class=\"share\" role=\"group\" aria-label=\"Share this article\">\
         <button type=\"button\" class=\"button share-copy\">Copy link</button>\
         <a class=\"button\" href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\">Share on X</a>\
         <a class=\"button\" href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\">LinkedIn</a>\
         <a class=\"button\" href=\"{}\">Email</a></div>",
        escape_html(&x),
        escape_html(&linkedin),
        escape_html(&mail)
    )
}

fn prev_next(a: &Article) -> String {
    let one = |l: &sb_model::article::ArticleLink, rel: &str, label: &str| {
        format!(
            "<a href=\"{}\" rel=\"{rel}\" class=\"{rel}\"><span class=\"prev-next-label\">{label}</span><span class=\"prev-next-title\">{}</span></a>",
            escape_html(&href(&page::article(&l.slug))),
            escape_html(&l.title)
        )
    };
    if a.previous.is_none() && a.next.is_none() {
        return String::new();
    }
    format!(
        "<nav class=\"prev-next\" aria-label=\"More articles\">{}{}</nav>",
        a.previous
            .as_ref()
            .map_or(String::new(), |p| one(p, "prev", "← Previous")),
        a.next
            .as_ref()
            .map_or(String::new(), |n| one(n, "next", "Next →")),
    )
}
