//! The site configuration document (`site.json`): names, links and the author's facts that the
//! shell and the About page show.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SiteConfig {
    pub schema: u32,
    pub title: String,
    pub tagline: String,
    pub description: String,
    /// Canonical public URL of the site, e.g. `https://example.com/newsletter/`.
    pub base_url: String,
    pub author: Author,
    /// Where readers subscribe.
    pub subscribe_url: String,
    /// Where the community chat lives.
    pub chat_url: String,
    /// The words of the links to `subscribe_url` that invite readers in (the home page's button,
    /// the About and unlock pages); [`DEFAULT_SUBSCRIBE_LABEL`] when site.toml has none.
    #[serde(default = "default_subscribe_label")]
    pub subscribe_label: String,
    /// The words of the About page's link to `chat_url`; [`DEFAULT_CHAT_LABEL`] when site.toml
    /// has none.
    #[serde(default = "default_chat_label")]
    pub chat_label: String,
    pub sign_off: String,
    /// The author's other channels, shown in the footer and on the About page.
    #[serde(default)]
    pub links: Vec<SiteLink>,
    /// Items per index page (archive, topics, weekly lists).
    #[serde(default = "default_page_size")]
    pub page_size: u32,
    /// The paid tiers content can be sealed for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<Tier>,
    /// Where the road map's relative links (`road_maps/x.md`) point: its repository's file URL,
    /// ending in `/` (`roadmap_repo` in site.toml).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roadmap_repo: Option<String>,
    /// The home page's words (`[home]` in site.toml).
    #[serde(default)]
    pub home: HomeText,
    /// The About page's words (`[about]` in site.toml).
    #[serde(default)]
    pub about: AboutText,
}

/// The publisher's words on the home page. Markdown in site.toml, sanitized HTML here.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HomeText {
    /// The hero's heading, also the page's title.
    pub title: String,
    /// The introduction under it (inline HTML).
    pub intro_html: String,
    /// The road map card's heading and text (inline HTML; empty: no text).
    pub roadmap_title: String,
    #[serde(default)]
    pub roadmap_html: String,
}

/// The publisher's words on the About page; the author, links and sign-off come from the rest
/// of the config.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AboutText {
    /// The page's heading.
    pub title: String,
    /// The lead paragraph (inline HTML).
    pub lead_html: String,
    /// The heading over the offers (shown when there are offers).
    #[serde(default)]
    pub offers_title: String,
    #[serde(default)]
    pub offers: Vec<Offer>,
}

/// One thing the newsletter offers, as the About page lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Offer {
    pub title: String,
    /// Inline HTML.
    pub text_html: String,
    /// A page of the site to follow, after the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<OfferLink>,
}

/// A link to a page of the site (`/articles`), with its label.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfferLink {
    pub path: String,
    pub label: String,
}

/// A subscription tier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tier {
    /// The slug used in front matter, keys and unlock links (`paid`).
    pub id: String,
    /// Who it is for, as the locked notices say it: "for paid subscribers".
    pub name: String,
}

impl SiteConfig {
    /// The readers a tier is for, "paid subscribers"; the id when the tier is not declared.
    pub fn tier_name(&self, id: &str) -> String {
        self.tiers
            .iter()
            .find(|t| t.id == id)
            .map_or_else(|| format!("{id} subscribers"), |t| t.name.clone())
    }
}

/// `subscribe_label` when the publisher sets none (and in a site.json written before it).
pub const DEFAULT_SUBSCRIBE_LABEL: &str = "Subscribe";

/// `chat_label` when the publisher sets none (and in a site.json written before it).
pub const DEFAULT_CHAT_LABEL: &str = "Join the community chat";

fn default_subscribe_label() -> String {
    DEFAULT_SUBSCRIBE_LABEL.to_string()
}

fn default_chat_label() -> String {
    DEFAULT_CHAT_LABEL.to_string()
}

fn default_page_size() -> u32 {
    crate::paging::PAGE_SIZE as u32
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Author {
    pub name: String,
    pub role: String,
    /// A sanitized HTML paragraph or two about the author.
    pub bio_html: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SiteLink {
    pub label: String,
    pub url: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLDER: &str = r#"{"schema":1,"title":"T","tagline":"Tag","description":"D",
        "base_url":"https://e.x/","author":{"name":"A","role":"R","bio_html":"<p>B</p>"},
        "subscribe_url":"https://e.x/s","chat_url":"https://e.x/c","sign_off":"Bye"}"#;

    #[test]
    fn a_site_json_without_labels_decodes_with_the_defaults() {
        let c: SiteConfig = crate::decode::decode_document(OLDER).unwrap();
        assert_eq!(c.subscribe_label, "Subscribe");
        assert_eq!(c.chat_label, "Join the community chat");
    }

    #[test]
    fn labels_round_trip() {
        let mut c: SiteConfig = crate::decode::decode_document(OLDER).unwrap();
        c.subscribe_label = "Join on Ghost".into();
        c.chat_label = "Our Discord".into();
        let json = serde_json::to_string(&c).unwrap();
        let back: SiteConfig = crate::decode::decode_document(&json).unwrap();
        assert_eq!(back, c);
    }
}
