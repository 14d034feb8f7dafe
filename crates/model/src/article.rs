//! Topic articles: the summary shown in lists and the full document with its rendered body.

use serde::{Deserialize, Serialize};

use crate::Date;

/// What lists show of an article (no body), one entry of an articles index page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleSummary {
    pub slug: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    pub date: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<Date>,
    #[serde(default)]
    pub topics: Vec<String>,
    /// Minutes to read what every reader can read: for a paid article, the free preview only
    /// (paid words would tell free readers how long the paid part is).
    pub reading_minutes: u32,
    /// One or two plain-text sentences.
    pub summary: String,
    /// The cover image, shown on the article and its featured card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cover: Option<Image>,
    /// Set when some or all of the body is for paid subscribers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paid: Option<PaidAccess>,
}

/// Which part of an article is for which tier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaidAccess {
    pub tier: String,
    /// True when a free preview comes before the paywall; false when the whole body is paid.
    pub preview: bool,
}

/// An image with its size, so the page reserves its space before it loads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Image {
    /// Relative to the site's base (`data/images/…`).
    pub src: String,
    pub alt: String,
    pub width: u32,
    pub height: u32,
}

/// A whole article: its summary plus the body as sanitized HTML rendered by `press`.
/// The summary is nested (not `#[serde(flatten)]`): flattening costs wasm size and hides the
/// path of a bad field in decode errors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub schema: u32,
    pub meta: ArticleSummary,
    /// The free part of the body (empty when the whole article is paid).
    pub body_html: String,
    /// The rest of the body, sealed: a [`crate::paywall::PaidBody`] as JSON.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paid_body: Option<crate::paywall::Sealed>,
    /// The free body's `##`/`###` headings, for the table of contents.
    #[serde(default)]
    pub toc: Vec<TocEntry>,
    /// The next older article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<ArticleLink>,
    /// The next newer article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<ArticleLink>,
}

/// One heading of an article's table of contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TocEntry {
    pub id: String,
    pub text: String,
    /// 2 or 3.
    pub level: u8,
}

/// A link to another article (previous / next).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleLink {
    pub slug: String,
    pub title: String,
}

/// The archive's order: newest first, equal dates by title.
pub fn newest_first(a: &ArticleSummary, b: &ArticleSummary) -> std::cmp::Ordering {
    b.date.cmp(&a.date).then_with(|| a.title.cmp(&b.title))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(slug: &str, date: &str) -> ArticleSummary {
        ArticleSummary {
            slug: slug.into(),
            title: slug.to_uppercase(),
            subtitle: None,
            date: Date::parse(date).unwrap(),
            updated: None,
            topics: vec![],
            reading_minutes: 3,
            summary: "s".into(),
            cover: None,
            paid: None,
        }
    }

    #[test]
    fn newest_first_with_stable_ties() {
        let mut items = [
            summary("b", "2026-01-01"),
            summary("c", "2026-03-01"),
            summary("a", "2026-01-01"),
        ];
        items.sort_by(newest_first);
        let slugs: Vec<_> = items.iter().map(|i| i.slug.as_str()).collect();
        assert_eq!(slugs, ["c", "a", "b"]);
    }

    #[test]
    fn article_json_nests_its_summary() {
        let article = Article {
            schema: 1,
            meta: summary("x", "2026-02-02"),
            body_html: "<p>b</p>".into(),
            paid_body: None,
            toc: vec![],
            previous: None,
            next: None,
        };
        let json = serde_json::to_value(&article).unwrap();
        assert_eq!(json["meta"]["slug"], "x");
        assert_eq!(json["body_html"], "<p>b</p>");
        assert!(json["meta"].get("subtitle").is_none());
        let back: Article = serde_json::from_value(json).unwrap();
        assert_eq!(back, article);
    }
}
