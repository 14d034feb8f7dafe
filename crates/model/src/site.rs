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
    /// Where readers subscribe (the newsletter's Substack).
    pub subscribe_url: String,
    /// Where the community chat lives.
    pub chat_url: String,
    pub sign_off: String,
    /// The author's other channels, shown in the footer and on the About page.
    #[serde(default)]
    pub links: Vec<SiteLink>,
    /// Items per index page (archive, topics, weekly lists).
    #[serde(default = "default_page_size")]
    pub page_size: u32,
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
