//! RSS 2.0 and Atom feeds of the newest articles, written at build time. Feeds carry the
//! article's summary, never its body, so they stay small (and, once paid articles exist, carry
//! only what is free).

use sb_model::{Article, Date, SiteConfig};

use crate::static_pages::escape;

/// How many articles the feeds carry.
pub const FEED_ITEMS: usize = 20;

/// One article as both feeds show it, its text already escaped.
struct FeedItem {
    title: String,
    url: String,
    summary: String,
    published: Date,
    updated: Date,
    topics: Vec<String>,
}

/// The newest [`FEED_ITEMS`] articles (`articles` are newest first).
fn feed_items(config: &SiteConfig, articles: &[Article]) -> Vec<FeedItem> {
    articles
        .iter()
        .take(FEED_ITEMS)
        .map(|a| FeedItem {
            title: escape(&a.meta.title),
            url: escape(&format!("{}articles/{}", config.base_url, a.meta.slug)),
            summary: escape(&a.meta.summary),
            published: a.meta.date,
            updated: a.meta.updated.unwrap_or(a.meta.date),
            topics: a.meta.topics.iter().map(|t| escape(t)).collect(),
        })
        .collect()
}

/// When the newest article last changed.
fn last_updated(articles: &[Article]) -> Option<Date> {
    articles
        .first()
        .map(|a| a.meta.updated.unwrap_or(a.meta.date))
}

/// `feed.xml`: RSS 2.0. `articles` are newest first.
pub fn rss(config: &SiteConfig, articles: &[Article]) -> String {
    let items: String = feed_items(config, articles)
        .into_iter()
        .map(|i| {
            let categories: String =
                i.topics.iter().map(|t| format!("      <category>{t}</category>\n")).collect();
            format!(
                "    <item>\n      <title>{}</title>\n      <link>{}</link>\n      <guid isPermaLink=\"true\">{}</guid>\n      <pubDate>{}</pubDate>\n      <description>{}</description>\n{categories}    </item>\n",
                i.title,
                i.url,
                i.url,
                i.published.rfc2822(),
                i.summary,
            )
        })
        .collect();
    let last = last_updated(articles)
        .map(Date::rfc2822)
        .unwrap_or_default();
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n  <channel>\n    <title>{}</title>\n    <link>{}</link>\n    <description>{}</description>\n    <language>en</language>\n    <lastBuildDate>{last}</lastBuildDate>\n    <atom:link href=\"{}feed.xml\" rel=\"self\" type=\"application/rss+xml\"/>\n{items}  </channel>\n</rss>\n",
        escape(&config.title),
        escape(&config.base_url),
        escape(&config.description),
        escape(&config.base_url),
    )
}

/// `atom.xml`: Atom 1.0. `articles` are newest first.
pub fn atom(config: &SiteConfig, articles: &[Article]) -> String {
    let entries: String = feed_items(config, articles)
        .into_iter()
        .map(|i| {
            let categories: String =
                i.topics.iter().map(|t| format!("    <category term=\"{t}\"/>\n")).collect();
            format!(
                "  <entry>\n    <title>{}</title>\n    <link href=\"{}\"/>\n    <id>{}</id>\n    <published>{}</published>\n    <updated>{}</updated>\n    <summary>{}</summary>\n{categories}  </entry>\n",
                i.title,
                i.url,
                i.url,
                i.published.rfc3339(),
                i.updated.rfc3339(),
                i.summary,
            )
        })
        .collect();
    let updated = last_updated(articles)
        .map(Date::rfc3339)
        .unwrap_or_default();
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n  <title>{}</title>\n  <subtitle>{}</subtitle>\n  <link href=\"{}\"/>\n  <link href=\"{}atom.xml\" rel=\"self\"/>\n  <id>{}</id>\n  <updated>{updated}</updated>\n  <author><name>{}</name></author>\n{entries}</feed>\n",
        escape(&config.title),
        escape(&config.tagline),
        escape(&config.base_url),
        escape(&config.base_url),
        escape(&config.base_url),
        escape(&config.author.name),
    )
}
