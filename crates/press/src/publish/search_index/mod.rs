//! The site search index (`data/search/…`, issue 12), written from the same documents the
//! build publishes: articles (title, subtitle, summary, the FREE body as text, heading
//! passages), free weekly entries (title, summary, commentary, source), road-map resources
//! (title, notes, author, section path) and topics.
//!
//! Paid text never enters it: a [`Site`] holds only the free part of each article (the paid part
//! is kept apart in `site.paid` until it is sealed) and only the free entries of each week, and
//! nothing here reads `site.paid`. The format and the query logic are in
//! `sb_model::search`.

pub mod plan;
pub mod synth;

use std::fs;
use std::path::Path;

use sb_model::search::build::{self, Options, SourceDoc};
use sb_model::search::docs;

use crate::content::Site;
use crate::source::error::BuildError;

/// Every searchable document of the site, free text only.
pub fn documents(site: &Site) -> Vec<SourceDoc> {
    let mut out = Vec::new();
    for a in &site.articles {
        out.push(docs::article_doc(&a.meta, &a.body_html));
    }
    for w in &site.weeks {
        for s in &w.sections {
            for e in &s.entries {
                out.push(docs::week_entry_doc(&w.meta, e));
            }
        }
    }
    for t in &site.topics {
        out.push(docs::topic_doc(&t.slug, &t.name, &t.description));
    }
    if let Some(r) = &site.roadmap {
        out.extend(docs::roadmap_docs(r));
    }
    out
}

/// Builds the index files in memory: `(data-relative path, JSON)`.
pub fn files(site: &Site, options: &Options) -> Vec<(String, String)> {
    let topics: Vec<(String, String)> = site
        .topics
        .iter()
        .map(|t| (t.slug.clone(), t.name.clone()))
        .collect();
    build::build(documents(site), &topics, options)
}

/// Writes the index under `out` (the data folder); returns the number of files written.
pub fn write(site: &Site, out: &Path) -> Result<usize, BuildError> {
    write_files(out, &files(site, &Options::default()))
}

/// Writes `(data-relative path, text)` files under `out`.
pub fn write_files(out: &Path, files: &[(String, String)]) -> Result<usize, BuildError> {
    let mut made: std::collections::HashSet<std::path::PathBuf> = Default::default();
    for (rel, text) in files {
        let path = out.join(rel);
        if let Some(parent) = path.parent() {
            if !made.contains(parent) {
                fs::create_dir_all(parent).map_err(BuildError::io(parent))?;
                made.insert(parent.to_path_buf());
            }
        }
        fs::write(&path, text).map_err(BuildError::io(&path))?;
    }
    Ok(files.len())
}
