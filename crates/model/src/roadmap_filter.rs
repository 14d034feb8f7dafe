//! Filtering the road map by type, by status and by a search typed by the reader.

use crate::progress::{Progress, Status};
use crate::roadmap::{Entry, Resource, ResourceType};

/// What the reader asked to see. The default shows everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoadmapFilter {
    pub query: String,
    pub kind: Option<ResourceType>,
    pub status: Option<Status>,
}

impl RoadmapFilter {
    pub fn is_active(&self) -> bool {
        !self.query.trim().is_empty() || self.kind.is_some() || self.status.is_some()
    }

    /// Whether an entry passes. `context` holds the titles it sits under (section, subsection,
    /// group), so searching "python" also finds everything in the Python group.
    pub fn matches(
        &self,
        resource: &Resource,
        entry: &Entry,
        context: &[&str],
        progress: &Progress,
    ) -> bool {
        if self.kind.is_some_and(|k| k != resource.kind) {
            return false;
        }
        if self
            .status
            .is_some_and(|s| s != progress.status(&resource.id))
        {
            return false;
        }
        let words: Vec<String> = self
            .query
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        if words.is_empty() {
            return true;
        }
        let mut haystack = String::new();
        for part in [
            resource.title.as_str(),
            resource.author.as_deref().unwrap_or(""),
            entry.note.as_deref().unwrap_or(""),
            resource.kind.label(),
            progress.note(&resource.id),
        ]
        .into_iter()
        .chain(context.iter().copied())
        .chain(resource.links.iter().map(|l| l.label.as_str()))
        {
            haystack.push_str(&part.to_lowercase());
            haystack.push('\n');
        }
        words.iter().all(|w| haystack.contains(w.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roadmap::ResourceLink;

    fn karpathy() -> (Resource, Entry) {
        (
            Resource {
                id: "intro-to-llms".into(),
                title: "Intro to LLMs".into(),
                links: vec![ResourceLink {
                    label: "Intro to LLMs".into(),
                    url: "https://youtube.com/x".into(),
                }],
                author: Some("Andrej Karpathy".into()),
                author_url: None,
                kind: ResourceType::Video,
                free: true,
            },
            Entry {
                resource: "intro-to-llms".into(),
                note: Some("A great first hour".into()),
            },
        )
    }

    #[test]
    fn search_is_case_insensitive_over_title_author_note_and_context() {
        let (r, e) = karpathy();
        let p = Progress::default();
        let ctx = ["Advanced Topics", "Language Models and NLP"];
        for q in [
            "karpathy",
            "KARPATHY intro",
            "first hour",
            "language models",
            "video",
            "  ",
        ] {
            let f = RoadmapFilter {
                query: q.into(),
                ..Default::default()
            };
            assert!(f.matches(&r, &e, &ctx, &p), "{q}");
        }
        let f = RoadmapFilter {
            query: "karpathy rust".into(),
            ..Default::default()
        };
        assert!(!f.matches(&r, &e, &ctx, &p), "every word must match");
    }

    #[test]
    fn type_and_status_filters() {
        let (r, e) = karpathy();
        let mut p = Progress::default();
        let video = RoadmapFilter {
            kind: Some(ResourceType::Video),
            ..Default::default()
        };
        let course = RoadmapFilter {
            kind: Some(ResourceType::Course),
            ..Default::default()
        };
        assert!(video.matches(&r, &e, &[], &p) && !course.matches(&r, &e, &[], &p));
        let done = RoadmapFilter {
            status: Some(Status::Done),
            ..Default::default()
        };
        assert!(!done.matches(&r, &e, &[], &p));
        p.set_status("intro-to-llms", Status::Done);
        assert!(done.matches(&r, &e, &[], &p));
        assert!(done.is_active() && !RoadmapFilter::default().is_active());
    }

    #[test]
    fn personal_notes_are_searchable() {
        let (r, e) = karpathy();
        let mut p = Progress::default();
        p.set_note("intro-to-llms", "rewatch the tokenizer part");
        let f = RoadmapFilter {
            query: "tokenizer".into(),
            ..Default::default()
        };
        assert!(f.matches(&r, &e, &[], &p));
    }
}
