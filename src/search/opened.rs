//! The paid units this reader has opened in this browser, so search finds their words too.
//! Kept in memory only (never stored, never sent), each with the key that opened it: a unit
//! whose key the reader has since forgotten is no longer searched. Only the opened content is
//! kept here; the search chunk turns it into documents (`sb_model::search::docs`).

use leptos::prelude::*;
use sb_model::{ArticleSummary, WeekEntry, WeekSummary};

use crate::paid::{Keys, Opened};

/// An opened unit, as the page that opened it has it.
#[derive(Debug, Clone)]
pub enum OpenedDoc {
    /// An article's paid part (its HTML).
    Article { meta: ArticleSummary, html: String },
    /// A paid weekly entry.
    WeekEntry { week: WeekSummary, entry: WeekEntry },
}

impl OpenedDoc {
    /// Which part of which page it is: a later opening of the same part replaces it.
    fn key(&self) -> String {
        match self {
            OpenedDoc::Article { meta, .. } => format!("a/{}", meta.slug),
            OpenedDoc::WeekEntry { week, entry } => format!("w/{}/{}", week.slug, entry.id),
        }
    }
}

#[derive(Debug, Clone)]
struct Remembered {
    tier: String,
    kid: String,
    doc: OpenedDoc,
}

/// Shared by every page through context.
#[derive(Clone, Copy)]
pub struct OpenedUnits(RwSignal<Vec<Remembered>>);

impl OpenedUnits {
    pub fn provide() {
        provide_context(OpenedUnits(RwSignal::new(Vec::new())));
    }

    pub fn expect() -> Self {
        expect_context::<OpenedUnits>()
    }

    /// Remembers every unit of a page as it opens: `describe` gives what a unit holds (None
    /// for a unit that did not open).
    pub fn follow(
        self,
        units: LocalResource<Vec<Opened>>,
        describe: impl Fn(&Opened) -> Option<OpenedDoc> + 'static,
    ) {
        Effect::new(move |_| {
            units.with(|all| {
                for unit in all.iter().flatten() {
                    if let Some(doc) = describe(unit) {
                        let key = doc.key();
                        let remembered = Remembered {
                            tier: unit.tier.clone(),
                            kid: unit.kid().to_string(),
                            doc,
                        };
                        self.0.update(|all| {
                            all.retain(|r| r.doc.key() != key);
                            all.push(remembered);
                        });
                    }
                }
            })
        });
    }

    /// The units whose key the reader still holds, as the search engine takes them.
    pub fn searchable(self) -> Vec<OpenedDoc> {
        let keys = Keys::expect().0.get_untracked();
        self.0.with_untracked(|all| {
            all.iter()
                .filter(|r| keys.iter().any(|k| k.tier == r.tier && k.kid == r.kid))
                .map(|r| r.doc.clone())
                .collect()
        })
    }
}
