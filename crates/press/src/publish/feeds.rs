//! RSS 2.0 and Atom feeds of the newest articles and weekly lists, written at build time for
//! readers who never run the app. A free article's item carries its whole body; a paid one
//! only its free preview and a link to continue; a week its intro and free entries, with the
//! paid ones only counted. The feeds are built from the free documents, which hold no paid text
//! (see [`crate::paid`]). Relative links and images are made absolute so feed readers load them.

use std::borrow::Cow;

use ammonia::{Url, UrlRelative, UrlRelativeEvaluate};
use sb_model::paths::page;
use sb_model::text::{escape_html, xml_char};
use sb_model::{Article, Date, SiteConfig, Week};

use crate::publish::static_pages::img_tag;
use crate::render::markdown;

/// How many items (articles and weeks together) the feeds carry.
pub const FEED_ITEMS: usize = 20;

/// One article or week as both feeds show it (text not yet escaped).
struct FeedItem {
    title: String,
    url: String,
    summary: String,
    /// Sanitized HTML with absolute URLs.
    content: String,
    published: Date,
    updated: Date,
    categories: Vec<String>,
}

/// Resolves a relative `href`/`src` of an item: `#id` against the item's page, `/path` and
/// `data/…` against the site's base (the app's routes and files live under it).
struct Absolute {
    base: Url,
    page: Url,
}

impl<'a> UrlRelativeEvaluate<'a> for Absolute {
    fn evaluate<'url>(&self, url: &'url str) -> Option<Cow<'url, str>> {
        let joined = match url.as_bytes() {
            [b'#', ..] => self.page.join(url),
            [b'/', b'/', ..] => self.base.join(url),
            [b'/', ..] => self.base.join(&url[1..]),
            _ => self.base.join(url),
        };
        joined.ok().map(|u| Cow::Owned(u.into()))
    }
}

/// `html` sanitized with the site's policy, every relative URL made absolute for `page`.
fn absolute(html: &str, base: &str, page: &str) -> String {
    let mut policy = markdown::sanitizer();
    if let (Ok(base), Ok(page)) = (Url::parse(base), Url::parse(page)) {
        policy.url_relative(UrlRelative::Custom(Box::new(Absolute { base, page })));
    }
    policy.clean(html).to_string()
}

/// What the feeds say of a paid article beyond its preview: who it is for and where to read on.
fn continue_notice(config: &SiteConfig, article: &Article, url: &str) -> String {
    let Some(paid) = &article.meta.paid else {
        return String::new();
    };
    let audience = escape_html(&config.tier_name(&paid.tier));
    let link = format!("<a href=\"{}\">continue reading</a>", escape_html(url));
    if paid.preview {
        format!("<p>This article continues for {audience}: {link}</p>")
    } else {
        format!(
            "<p>{}</p>\n<p>This article is for {audience}: {link}</p>",
            escape_html(&article.meta.summary)
        )
    }
}

fn article_item(config: &SiteConfig, a: &Article) -> FeedItem {
    let url = page::url(&config.base_url, &page::article(&a.meta.slug));
    let cover = a.meta.cover.as_ref().map_or_else(String::new, |c| {
        format!("<p>{}</p>\n", img_tag(c, &c.alt, ""))
    });
    // `body_html` is the free part only: all of a free article, the preview of a paid one.
    let html = format!("{cover}{}{}", a.body_html, continue_notice(config, a, &url));
    FeedItem {
        title: a.meta.title.clone(),
        content: absolute(&html, &config.base_url, &url),
        url,
        summary: a.meta.summary.clone(),
        published: a.meta.date,
        updated: a.meta.updated.unwrap_or(a.meta.date),
        categories: a.meta.topics.clone(),
    }
}

/// Who a week's paid entries are for. The free document does not say which tier they are
/// sealed for, so this is the site's tier when it declares one.
fn week_audience(config: &SiteConfig) -> String {
    match config.tiers.as_slice() {
        [only] => only.name.clone(),
        _ => "paid subscribers".into(),
    }
}

fn week_item(config: &SiteConfig, w: &Week) -> FeedItem {
    let url = page::url(&config.base_url, &page::week(&w.meta.slug));
    let mut html = w.intro_html.clone();
    for section in w.sections.iter().filter(|s| !s.entries.is_empty()) {
        html += &format!("\n<h2>{}</h2>\n<ul>\n", escape_html(&section.title));
        for e in &section.entries {
            html += &format!(
                "<li><p><a href=\"{}\">{}</a> · {} · {}</p>\n<p>{}</p>\n{}</li>\n",
                escape_html(&e.url),
                escape_html(&e.title),
                escape_html(&e.source),
                e.kind.label(),
                escape_html(&e.summary),
                e.commentary_html,
            );
        }
        html += "</ul>";
    }
    let paid = w.meta.paid_count;
    if paid > 0 {
        let resources = if paid == 1 { "resource" } else { "resources" };
        html += &format!(
            "\n<p>{paid} more {resources} for {}: <a href=\"{}\">see the list</a></p>",
            escape_html(&week_audience(config)),
            escape_html(&url)
        );
    }
    FeedItem {
        title: w.meta.title.clone(),
        content: absolute(&html, &config.base_url, &url),
        url,
        summary: w.meta.summary.clone(),
        published: w.meta.date,
        updated: w.meta.date,
        categories: Vec::new(),
    }
}

/// The newest [`FEED_ITEMS`] articles and weeks together, newest first (an article before a
/// week of the same day). `articles` and `weeks` are newest first.
fn feed_items(config: &SiteConfig, articles: &[Article], weeks: &[Week]) -> Vec<FeedItem> {
    let mut items: Vec<FeedItem> = articles
        .iter()
        .take(FEED_ITEMS)
        .map(|a| article_item(config, a))
        .chain(weeks.iter().take(FEED_ITEMS).map(|w| week_item(config, w)))
        .collect();
    items.sort_by_key(|i| std::cmp::Reverse(i.published));
    items.truncate(FEED_ITEMS);
    items
}

/// When the newest item last changed.
fn last_updated(items: &[FeedItem]) -> Option<Date> {
    items.iter().map(|i| i.updated).max()
}

/// `html` inside a CDATA section; a `]]>` in it is split across two sections.
fn cdata(html: &str) -> String {
    let html: String = html.chars().filter(|&c| xml_char(c)).collect();
    format!("<![CDATA[{}]]>", html.replace("]]>", "]]]]><![CDATA[>"))
}

/// `feed.xml`: RSS 2.0 with the full free HTML in `content:encoded`. `articles` and `weeks` are
/// newest first.
pub fn rss(config: &SiteConfig, articles: &[Article], weeks: &[Week]) -> String {
    let items = feed_items(config, articles, weeks);
    let entries: String = items
        .iter()
        .map(|i| {
            let categories: String = i
                .categories
                .iter()
                .map(|t| format!("      <category>{}</category>\n", escape_html(t)))
                .collect();
            let url = escape_html(&i.url);
            format!(
                "    <item>\n      <title>{}</title>\n      <link>{url}</link>\n      <guid isPermaLink=\"true\">{url}</guid>\n      <pubDate>{}</pubDate>\n      <description>{}</description>\n      <content:encoded>{}</content:encoded>\n{categories}    </item>\n",
                escape_html(&i.title),
                i.published.rfc2822(),
                // RSS reads a description as HTML: the plain-text summary is escaped for HTML,
                // then for XML, so `<b>` in a summary shows as text.
                escape_html(&escape_html(&i.summary)),
                cdata(&i.content),
            )
        })
        .collect();
    let last = last_updated(&items).map(Date::rfc2822).unwrap_or_default();
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n  <channel>\n    <title>{}</title>\n    <link>{}</link>\n    <description>{}</description>\n    <language>en</language>\n    <lastBuildDate>{last}</lastBuildDate>\n    <atom:link href=\"{}feed.xml\" rel=\"self\" type=\"application/rss+xml\"/>\n{entries}  </channel>\n</rss>\n",
        escape_html(&config.title),
        escape_html(&config.base_url),
        escape_html(&config.description),
        escape_html(&config.base_url),
    )
}

/// `atom.xml`: Atom 1.0 with the full free HTML in `content`. `articles` and `weeks` are newest
/// first.
pub fn atom(config: &SiteConfig, articles: &[Article], weeks: &[Week]) -> String {
    let items = feed_items(config, articles, weeks);
    let entries: String = items
        .iter()
        .map(|i| {
            let categories: String = i
                .categories
                .iter()
                .map(|t| format!("    <category term=\"{}\"/>\n", escape_html(t)))
                .collect();
            let url = escape_html(&i.url);
            format!(
                "  <entry>\n    <title>{}</title>\n    <link href=\"{url}\"/>\n    <id>{url}</id>\n    <published>{}</published>\n    <updated>{}</updated>\n    <summary>{}</summary>\n    <content type=\"html\">{}</content>\n{categories}  </entry>\n",
                escape_html(&i.title),
                i.published.rfc3339(),
                i.updated.rfc3339(),
                escape_html(&i.summary),
                escape_html(&i.content),
            )
        })
        .collect();
    let updated = last_updated(&items).map(Date::rfc3339).unwrap_or_default();
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n  <title>{}</title>\n  <subtitle>{}</subtitle>\n  <link href=\"{}\"/>\n  <link href=\"{}atom.xml\" rel=\"self\"/>\n  <id>{}</id>\n  <updated>{updated}</updated>\n  <author><name>{}</name></author>\n{entries}</feed>\n",
        escape_html(&config.title),
        escape_html(&config.tagline),
        escape_html(&config.base_url),
        escape_html(&config.base_url),
        escape_html(&config.base_url),
        escape_html(&config.author.name),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cdata_splits_its_end_marker() {
        assert_eq!(
            cdata("a]]>b"),
            "<![CDATA[a]]]]><![CDATA[>b]]>",
            "the text reads back as a]]>b"
        );
    }

    #[test]
    fn relative_urls_become_absolute() {
        let html = absolute(
            "<p><a href=\"#notes\">n</a> <a href=\"/weekly/w\">w</a> <a href=\"https://e.x/\">e</a> <img src=\"data/images/a.svg\" alt=\"\"></p>",
            "https://s.x/news/",
            "https://s.x/news/articles/a",
        );
        for url in [
            "href=\"https://s.x/news/articles/a#notes\"",
            "href=\"https://s.x/news/weekly/w\"",
            "href=\"https://e.x/\"",
            "src=\"https://s.x/news/data/images/a.svg\"",
        ] {
            assert!(html.contains(url), "{url} in {html}");
        }
    }
}
