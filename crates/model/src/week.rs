//! Weekly resource lists: what to read this week, grouped by section.

use serde::{Deserialize, Serialize};

use crate::Date;

/// The kind of a resource, shown as a badge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ResourceKind {
    Article,
    Paper,
    Video,
    Course,
    Repo,
    Podcast,
    Book,
    Tool,
    Newsletter,
    Thread,
}

impl ResourceKind {
    pub const ALL: [ResourceKind; 10] = [
        Self::Article,
        Self::Paper,
        Self::Video,
        Self::Course,
        Self::Repo,
        Self::Podcast,
        Self::Book,
        Self::Tool,
        Self::Newsletter,
        Self::Thread,
    ];

    /// The badge text.
    pub fn label(self) -> &'static str {
        match self {
            Self::Article => "Article",
            Self::Paper => "Paper",
            Self::Video => "Video",
            Self::Course => "Course",
            Self::Repo => "Repo",
            Self::Podcast => "Podcast",
            Self::Book => "Book",
            Self::Tool => "Tool",
            Self::Newsletter => "Newsletter",
            Self::Thread => "Thread",
        }
    }
}

/// What the weeks index shows of one week.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeekSummary {
    pub slug: String,
    pub title: String,
    pub date: Date,
    /// Plain-text first sentences of the intro.
    pub summary: String,
    /// Free entries.
    pub entry_count: u32,
    /// Entries for paid subscribers (sealed).
    #[serde(default)]
    pub paid_count: u32,
}

/// One week's list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Week {
    pub schema: u32,
    pub meta: WeekSummary,
    pub intro_html: String,
    pub sections: Vec<WeekSection>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeekSection {
    pub title: String,
    /// The free entries.
    pub entries: Vec<WeekEntry>,
    /// The paid entries, each a sealed [`WeekEntry`] as JSON, shown after the free ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paid: Vec<crate::paywall::Sealed>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeekEntry {
    /// Anchor id, unique within the week.
    pub id: String,
    pub title: String,
    pub url: String,
    /// Who published it (author, site or organisation).
    pub source: String,
    pub kind: ResourceKind,
    pub summary: String,
    /// Our take, sanitized HTML (may be empty).
    #[serde(default)]
    pub commentary_html: String,
}

/// The weekly index's order: newest first, equal dates by slug.
pub fn newest_first(a: &WeekSummary, b: &WeekSummary) -> std::cmp::Ordering {
    b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_in_lowercase() {
        for kind in ResourceKind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.label().to_lowercase()));
            assert_eq!(serde_json::from_str::<ResourceKind>(&json).unwrap(), kind);
        }
    }

    #[test]
    fn unknown_kind_names_the_choices() {
        let err = serde_json::from_str::<ResourceKind>("\"blogpost\"")
            .unwrap_err()
            .to_string();
        assert!(err.contains("blogpost") && err.contains("paper"), "{err}");
    }
}
