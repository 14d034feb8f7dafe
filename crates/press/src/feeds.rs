//! RSS 2.0 and Atom feeds of the newest articles, written at build time. Feeds carry the
//! article's summary, never its body, so they stay small (and, once paid articles exist, carry
//! only what is free).

use sb_model::{Article, SiteConfig};

use crate::static_pages::escape;

/// How many articles the feeds carry.
pub const FEED_ITEMS: usize = 20;

fn article_url(config: &SiteConfig, slug: &str) -> String {
    format!("{}articles/{slug}", config.base_url)
}

/// `feed.xml`: RSS 2.0. `articles` are newest first.
pub fn rss(config: &SiteConfig, articles: &[Article]) -> String {
    let mut items = String::new();
    for a in articles.iter().take(FEED_ITEMS) {
        let url = article_url(config, &a.meta.slug);
        let categories: String = a
            .meta
            .topics
            .iter()
            .map(|t| format!("      <category>{}</category>\n", escape(t)))
            .collect();
        items.push_str(&format!(
            "    <item>\n      <title>{}</title>\n      <link>{}</link>\n      <guid isPermaLink=\"true\">{}</guid>\n      <pubDate>{}</pubDate>\n      <description>{}</description>\n{categories}    </item>\n",
            escape(&a.meta.title),
            escape(&url),
            escape(&url),
            a.meta.date.rfc2822(),
            escape(&a.meta.summary),
        ));
    }
    let last = articles
        .first()
        .map(|a| a.meta.updated.unwrap_or(a.meta.date).rfc2822())
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
    let mut entries = String::new();
    for a in articles.iter().take(FEED_ITEMS) {
        let url = article_url(config, &a.meta.slug);
        let categories: String = a
            .meta
            .topics
            .iter()
            .map(|t| format!("    <category term=\"{}\"/>\n", escape(t)))
            .collect();
        entries.push_str(&format!(
            "  <entry>\n    <title>{}</title>\n    <link href=\"{}\"/>\n    <id>{}</id>\n    <published>{}</published>\n    <updated>{}</updated>\n    <summary>{}</summary>\n{categories}  </entry>\n",
            escape(&a.meta.title),
            escape(&url),
            escape(&url),
            a.meta.date.rfc3339(),
            a.meta.updated.unwrap_or(a.meta.date).rfc3339(),
            escape(&a.meta.summary),
        ));
    }
    let updated = articles
        .first()
        .map(|a| a.meta.updated.unwrap_or(a.meta.date).rfc3339())
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
