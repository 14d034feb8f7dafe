//! The explorer's shared state: the road map, the reader's progress (saved on every change),
//! the filter, which rows are collapsed, which row has focus, and what to announce.

use std::collections::HashSet;

use leptos::prelude::*;
use sb_model::progress::{Progress, ProgressFile, Status};
use sb_model::roadmap_filter::RoadmapFilter;
use sb_model::roadmap_tree::section_key;
use sb_model::Roadmap;

use crate::browser;

#[derive(Clone, Copy)]
pub struct Explorer {
    pub roadmap: StoredValue<Roadmap>,
    pub progress: RwSignal<Progress>,
    pub filter: RwSignal<RoadmapFilter>,
    pub collapsed: RwSignal<HashSet<String>>,
    /// The row that holds the tree's single tab stop.
    pub focused: RwSignal<String>,
    /// The row a permalink pointed at.
    pub highlighted: RwSignal<Option<String>>,
    /// Polite screen-reader announcement of the last change.
    pub announcement: RwSignal<String>,
    /// False when the browser would not save (private mode, quota): the reader is told.
    pub saved: RwSignal<bool>,
}

impl Explorer {
    pub fn new(roadmap: Roadmap) -> Self {
        let progress = browser::load_progress()
            .and_then(|json| ProgressFile::parse(&json).ok())
            .unwrap_or_default();
        let first = roadmap
            .sections
            .first()
            .map(|s| section_key(&s.id))
            .unwrap_or_default();
        Self {
            roadmap: StoredValue::new(roadmap),
            progress: RwSignal::new(progress),
            filter: RwSignal::new(RoadmapFilter::default()),
            collapsed: RwSignal::new(HashSet::new()),
            focused: RwSignal::new(first),
            highlighted: RwSignal::new(None),
            announcement: RwSignal::new(String::new()),
            saved: RwSignal::new(true),
        }
    }

    pub fn expect() -> Self {
        expect_context::<Explorer>()
    }

    fn save(self) {
        let json = self
            .progress
            .with_untracked(|p| ProgressFile::new(p.clone()).to_json());
        self.saved.set(browser::save_progress(&json));
    }

    /// Changes every bit of progress at once (import, share link, clear).
    pub fn update_progress(self, change: impl FnOnce(&mut Progress)) {
        self.progress.update(change);
        self.save();
    }

    /// Sets one resource's status, saves, and announces the result with its section's tally.
    pub fn set_status(self, resource: &str, status: Status) {
        self.update_progress(|p| p.set_status(resource, status));
        let message = self.roadmap.with_value(|r| {
            let title = r
                .resource(resource)
                .map(|x| x.title.as_str())
                .unwrap_or(resource);
            let section = r
                .home_section_of(resource)
                .map(|s| {
                    format!(
                        " {}: {}.",
                        s.title,
                        self.progress
                            .with_untracked(|p| p.section_tally(r, s))
                            .summary()
                    )
                })
                .unwrap_or_default();
            format!("{title}: {}.{section}", status.label().to_lowercase())
        });
        self.announcement.set(message);
    }

    pub fn set_note(self, resource: &str, note: &str) {
        self.update_progress(|p| p.set_note(resource, note));
    }

    pub fn toggle(self, key: &str) {
        self.collapsed.update(|c| {
            if !c.remove(key) {
                c.insert(key.to_string());
            }
        });
    }

    /// Opens every container above a row (and clears a filter that would hide it).
    pub fn reveal(self, section: &str) {
        self.filter.set(RoadmapFilter::default());
        self.collapsed
            .update(|c| c.retain(|k| k.split(':').nth(1) != Some(section)));
    }
}
