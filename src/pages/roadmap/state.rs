//! The explorer's shared state: the road map, the reader's progress (saved on every change),
//! the filter, which rows are collapsed, which row has focus, and what to announce.

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;
use sb_model::progress::{Progress, ProgressFile, Proposal, Status, Tally};
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
    /// Every section's tally, computed once per change for the tree, the map and announcements.
    tallies: Memo<Vec<(String, Tally)>>,
    /// Over every distinct resource of the (possibly one-section) road map.
    pub overall: Memo<Tally>,
    /// One status and one note signal per resource, so a toggle re-renders one row, not all.
    cells: StoredValue<HashMap<String, Cell>>,
    /// False in a widget with progress off: no bars, no buttons, no shortcuts.
    pub interactive: bool,
    /// True inside an embed widget: links to the site open in a new tab instead of in place.
    pub embedded: bool,
    /// Progress from outside waiting for the reader to apply or cancel it.
    pub incoming: RwSignal<Option<Incoming>>,
    /// How many rows of the tree are built (`usize::MAX`: all). The tree builds a few per task
    /// after its first screen (issue 11); moving to a row builds the rest at once.
    pub rows_built: RwSignal<usize>,
    /// The row whose note field the reader opened ("Add note" or N). A resource without a
    /// note shows only that button: 72 empty text fields cost half the tree's layout (issue 11).
    pub note_editing: RwSignal<Option<String>>,
}

/// Where progress from outside comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Link,
    File,
}

impl Source {
    /// "the share link", "the file": for messages.
    pub fn name(self) -> &'static str {
        match self {
            Source::Link => "the share link",
            Source::File => "the file",
        }
    }
}

/// Progress from a share link or a file: what applying it would change, or why it cannot be
/// used. Nothing is changed until the reader applies it.
#[derive(Debug, Clone)]
pub struct Incoming {
    pub source: Source,
    pub proposal: Result<Proposal, String>,
}

fn find_tally(tallies: &[(String, Tally)], section: &str) -> Tally {
    tallies
        .iter()
        .find(|(id, _)| id == section)
        .map(|(_, t)| *t)
        .unwrap_or_default()
}

/// The reactive status and note of one resource.
#[derive(Clone, Copy)]
pub struct Cell {
    pub status: RwSignal<Status>,
    pub note: RwSignal<String>,
}

impl Explorer {
    pub fn new(roadmap: Roadmap, embedded: bool, interactive: bool) -> Self {
        let progress = browser::load_progress()
            .and_then(|json| ProgressFile::parse(&json).ok())
            .unwrap_or_default();
        let first = roadmap
            .sections
            .first()
            .map(|s| section_key(&s.id))
            .unwrap_or_default();
        let section_ids: Vec<(String, Vec<String>)> = roadmap
            .sections
            .iter()
            .map(|s| (s.id.clone(), roadmap.section_resource_ids(s)))
            .collect();
        let cells: HashMap<String, Cell> = roadmap
            .resources
            .iter()
            .map(|r| {
                let cell = Cell {
                    status: RwSignal::new(progress.status(&r.id)),
                    note: RwSignal::new(progress.note(&r.id).to_string()),
                };
                (r.id.clone(), cell)
            })
            .collect();
        let progress = RwSignal::new(progress);
        let tallies = Memo::new(move |_| {
            progress.with(|p| {
                section_ids
                    .iter()
                    .map(|(id, ids)| (id.clone(), p.tally(ids.iter().map(String::as_str))))
                    .collect()
            })
        });
        let all_ids: Vec<String> = roadmap.resources.iter().map(|r| r.id.clone()).collect();
        let overall =
            Memo::new(move |_| progress.with(|p| p.tally(all_ids.iter().map(String::as_str))));
        Self {
            roadmap: StoredValue::new(roadmap),
            progress,
            tallies,
            overall,
            cells: StoredValue::new(cells),
            interactive,
            embedded,
            filter: RwSignal::new(RoadmapFilter::default()),
            collapsed: RwSignal::new(HashSet::new()),
            focused: RwSignal::new(first),
            highlighted: RwSignal::new(None),
            announcement: RwSignal::new(String::new()),
            saved: RwSignal::new(true),
            incoming: RwSignal::new(None),
            rows_built: RwSignal::new(usize::MAX),
            note_editing: RwSignal::new(None),
        }
    }

    /// Offers progress from outside to the reader (see [`Incoming`]): unknown resource ids are
    /// dropped and the change is counted against the saved progress; nothing changes yet.
    pub fn propose(self, source: Source, incoming: Result<Progress, String>) {
        let proposal = incoming.map(|incoming| {
            self.cells.with_value(|cells| {
                self.progress.with_untracked(|current| {
                    Proposal::new(current, incoming, |id| cells.contains_key(id))
                })
            })
        });
        self.incoming.set(Some(Incoming { source, proposal }));
    }

    /// Applies the offered progress (its statuses and notes win) and says what changed; `None`
    /// when there was nothing to apply.
    pub fn apply_incoming(self) -> Option<String> {
        let Incoming { source, proposal } = self.incoming.get_untracked()?;
        self.incoming.set(None);
        let proposal = proposal.ok()?;
        self.update_progress(|p| p.merge(&proposal.incoming));
        Some(format!(
            "Progress from {} applied. {}",
            source.name(),
            proposal.diff.summary()
        ))
    }

    /// A section's tally (reactive).
    pub fn tally(self, section: &str) -> Tally {
        self.tallies.with(|t| find_tally(t, section))
    }

    fn tally_untracked(self, section: &str) -> Tally {
        self.tallies.with_untracked(|t| find_tally(t, section))
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

    /// Changes every bit of progress at once (import, share link, clear) and brings every
    /// resource's cell up to date.
    pub fn update_progress(self, change: impl FnOnce(&mut Progress)) {
        self.progress.update(change);
        self.save();
        self.progress.with_untracked(|p| {
            self.cells.with_value(|cells| {
                for (id, cell) in cells {
                    let status = p.status(id);
                    if cell.status.get_untracked() != status {
                        cell.status.set(status);
                    }
                    if cell.note.with_untracked(|n| n != p.note(id)) {
                        cell.note.set(p.note(id).to_string());
                    }
                }
            })
        });
    }

    /// The reactive status and note of a resource.
    pub fn cell(self, resource: &str) -> Option<Cell> {
        self.cells.with_value(|c| c.get(resource).copied())
    }

    /// Sets one resource's status, saves, and announces the result with its section's tally.
    /// Only that resource's cell changes, so one row re-renders.
    pub fn set_status(self, resource: &str, status: Status) {
        self.progress.update(|p| p.set_status(resource, status));
        self.save();
        if let Some(cell) = self.cell(resource) {
            cell.status.set(status);
        }
        let message = self.roadmap.with_value(|r| {
            let title = r
                .resource(resource)
                .map(|x| x.title.as_str())
                .unwrap_or(resource);
            let section = r
                .home_section_of(resource)
                .map(|s| format!(" {}: {}.", s.title, self.tally_untracked(&s.id).summary()))
                .unwrap_or_default();
            format!("{title}: {}.{section}", status.label().to_lowercase())
        });
        self.announcement.set(message);
    }

    pub fn set_note(self, resource: &str, note: &str) {
        self.progress.update(|p| p.set_note(resource, note));
        self.save();
        if let Some(cell) = self.cell(resource) {
            cell.note.set(
                self.progress
                    .with_untracked(|p| p.note(resource).to_string()),
            );
        }
    }

    pub fn toggle(self, key: &str) {
        self.collapsed.update(|c| {
            if !c.remove(key) {
                c.insert(key.to_string());
            }
        });
    }

    /// Builds every row of the tree not built yet, so any row can be focused or scrolled to.
    pub fn build_all_rows(self) {
        if self.rows_built.get_untracked() != usize::MAX {
            self.rows_built.set(usize::MAX);
        }
    }

    /// Opens every container above a row (and clears a filter that would hide it).
    pub fn reveal(self, section: &str) {
        self.filter.set(RoadmapFilter::default());
        self.collapsed
            .update(|c| c.retain(|k| k.split(':').nth(1) != Some(section)));
    }
}
