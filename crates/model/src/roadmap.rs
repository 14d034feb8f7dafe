//! The ML Road Map as the site shows it: sections → subsections → groups → entries, and a table
//! of distinct resources the entries point to.
//!
//! A resource listed in two places (say "Intro to Python" under Prerequisites and again under
//! Job Skills) is one [`Resource`] with two [`Entry`] placements, so marking it done once marks
//! it done everywhere. Resource ids come from the resource's title (not its position), so they
//! survive reordering of the road map and can be used in permalinks and saved progress.

use serde::{Deserialize, Serialize};

/// The whole road map document (`roadmap.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Roadmap {
    pub schema: u32,
    pub title: String,
    /// Plain-text introduction.
    pub intro: String,
    pub credit: Credit,
    pub sections: Vec<Section>,
    /// Every distinct resource, in order of first appearance.
    pub resources: Vec<Resource>,
}

/// Who made the road map and under which licence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Credit {
    pub author: String,
    pub author_url: String,
    pub source_url: String,
    pub license: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Slug of the title, e.g. `advanced-topics`.
    pub id: String,
    pub title: String,
    /// Plain-text description, when the source gives one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The road map's advice bullets under the heading, before any subsection.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prose: Vec<Prose>,
    pub subsections: Vec<Subsection>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Subsection {
    /// Slug of the title; for a section without subsections, the section's own id.
    pub id: String,
    /// `None` for the implicit subsection of a section that has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Advice bullets under the subsection heading, before any group.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prose: Vec<Prose>,
    pub groups: Vec<Group>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    /// The bold group label (`**Python**`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Advice bullets among the group's resources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prose: Vec<Prose>,
    pub entries: Vec<Entry>,
}

/// One bullet of the road map's own prose ("Take your time…"): advice that is not a resource.
/// Plain text (the app renders it escaped), with a link only where it goes to an http(s) page.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Prose {
    pub parts: Vec<ProsePart>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ProsePart {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Prose {
    /// The whole bullet as plain text.
    pub fn text(&self) -> String {
        self.parts.iter().map(|p| p.text.as_str()).collect()
    }
}

/// One placement of a resource in the road map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Id of the [`Resource`].
    pub resource: String,
    /// The road map's note for this placement (`> Perfect starting point…`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Resource {
    pub id: String,
    pub title: String,
    /// At least one link; some resources have several (two volumes, two courses).
    pub links: Vec<ResourceLink>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_url: Option<String>,
    pub kind: ResourceType,
    /// False when a link is evidently not free (a store page).
    pub free: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResourceLink {
    pub label: String,
    pub url: String,
}

/// The type of a resource, read from the road map's leading emoji.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ResourceType {
    Course,
    Book,
    Tool,
    Video,
    Math,
    Compute,
    Newsletter,
    Social,
    Other,
}

impl ResourceType {
    pub const ALL: [ResourceType; 9] = [
        Self::Course,
        Self::Book,
        Self::Tool,
        Self::Video,
        Self::Math,
        Self::Compute,
        Self::Newsletter,
        Self::Social,
        Self::Other,
    ];

    /// The label shown on badges and filters.
    pub fn label(self) -> &'static str {
        match self {
            Self::Course => "Course",
            Self::Book => "Book / docs",
            Self::Tool => "Tool",
            Self::Video => "Video",
            Self::Math => "Math",
            Self::Compute => "Free compute",
            Self::Newsletter => "Newsletter",
            Self::Social => "Social",
            Self::Other => "Other",
        }
    }

    /// The serde name, used in URLs and class names.
    pub fn key(self) -> &'static str {
        match self {
            Self::Course => "course",
            Self::Book => "book",
            Self::Tool => "tool",
            Self::Video => "video",
            Self::Math => "math",
            Self::Compute => "compute",
            Self::Newsletter => "newsletter",
            Self::Social => "social",
            Self::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.key() == key)
    }

    /// The type a road-map emoji stands for (`None` for an unknown marker).
    pub fn from_emoji(emoji: &str) -> Option<Self> {
        let e = emoji.trim_end_matches('\u{fe0f}');
        Some(match e {
            "📚" | "🎮" | "🎓" => Self::Course,
            "📘" => Self::Book,
            "🛠" => Self::Tool,
            "🎥" => Self::Video,
            "📐" | "📈" | "📊" => Self::Math,
            "🖥" => Self::Compute,
            "📰" => Self::Newsletter,
            "🐦" => Self::Social,
            _ => return None,
        })
    }
}

impl Roadmap {
    pub fn resource(&self, id: &str) -> Option<&Resource> {
        self.resources.iter().find(|r| r.id == id)
    }

    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// All entries of the road map, in reading order, with the section they sit in.
    pub fn entries(&self) -> impl Iterator<Item = (&Section, &Entry)> {
        self.sections.iter().flat_map(|s| {
            s.subsections
                .iter()
                .flat_map(|sub| sub.groups.iter())
                .flat_map(move |g| g.entries.iter().map(move |e| (s, e)))
        })
    }

    /// Distinct resource ids of a section, in reading order.
    pub fn section_resource_ids(&self, section: &Section) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for e in section
            .subsections
            .iter()
            .flat_map(|s| s.groups.iter())
            .flat_map(|g| g.entries.iter())
        {
            if !ids.contains(&e.resource) {
                ids.push(e.resource.clone());
            }
        }
        ids
    }

    /// The section in which a resource first appears.
    pub fn home_section_of(&self, resource: &str) -> Option<&Section> {
        self.entries()
            .find(|(_, e)| e.resource == resource)
            .map(|(s, _)| s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_types() {
        assert_eq!(ResourceType::from_emoji("📚"), Some(ResourceType::Course));
        assert_eq!(ResourceType::from_emoji("🛠️"), Some(ResourceType::Tool));
        assert_eq!(ResourceType::from_emoji("🖥️"), Some(ResourceType::Compute));
        assert_eq!(ResourceType::from_emoji("📈"), Some(ResourceType::Math));
        assert_eq!(ResourceType::from_emoji("\u{fffd}"), None);
    }

    #[test]
    fn prose_is_optional_in_json() {
        // A roadmap.json written before prose existed still reads, and empty prose is not written.
        let g: Group = serde_json::from_str(r#"{"entries":[]}"#).unwrap();
        assert!(g.prose.is_empty());
        assert_eq!(serde_json::to_string(&g).unwrap(), r#"{"entries":[]}"#);
        let p = Prose {
            parts: vec![
                ProsePart {
                    text: "See ".into(),
                    url: None,
                },
                ProsePart {
                    text: "this".into(),
                    url: Some("https://a.com".into()),
                },
            ],
        };
        assert_eq!(p.text(), "See this");
        let json = r#"{"parts":[{"text":"See "},{"text":"this","url":"https://a.com"}]}"#;
        assert_eq!(serde_json::to_string(&p).unwrap(), json);
        assert_eq!(serde_json::from_str::<Prose>(json).unwrap(), p);
    }

    #[test]
    fn keys_round_trip() {
        for t in ResourceType::ALL {
            assert_eq!(ResourceType::from_key(t.key()), Some(t));
            assert_eq!(
                serde_json::to_string(&t).unwrap(),
                format!("\"{}\"", t.key())
            );
        }
    }
}
