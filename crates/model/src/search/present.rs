//! Turning ranked hits into what a result list shows: title, place, link, excerpt and the byte
//! ranges of the matched words to highlight.

use super::format::*;
use super::query::Query;
use super::rank::{DocRef, Fetched, LocalIndex, Ranked};
use super::text::tokens;
use crate::Date;

/// One result, ready to render.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchResult {
    pub kind: Kind,
    pub title: String,
    /// Byte ranges of `title` to highlight.
    pub title_marks: Vec<(usize, usize)>,
    /// Where it lives: the article's date, the week's title, the road-map section path.
    pub place: String,
    /// Relative to the site's base, starting with `/` (give it to `paths::app_href`); an
    /// article's link goes to the heading nearest the match when one of its passages matched.
    pub url: String,
    pub date: Option<Date>,
    pub topics: Vec<String>,
    /// The heading of the passage the excerpt comes from, if any.
    pub section: Option<String>,
    pub excerpt: String,
    /// Byte ranges of `excerpt` to highlight.
    pub marks: Vec<(usize, usize)>,
    /// From the reader's own unlocked units.
    pub local: bool,
}

/// Whether `url` is a page of this site: a path from the site's base (`/…`), never a scheme
/// (`javascript:`) nor another origin (`//host`, or `/\host`: browsers read a backslash as a
/// slash), and without control characters (browsers drop tabs and newlines from a URL, so
/// `/\t/host` would be `//host`). Links come from the index files: a damaged or tampered one
/// must not make a result lead, or run, anywhere else.
pub fn is_site_path(url: &str) -> bool {
    url.starts_with('/')
        && !url[1..].starts_with('/')
        && !url.chars().any(|c| c.is_control() || c == '\\')
}

/// Byte ranges of the words of `text` that match a word of the query.
pub fn marks(text: &str, query: &Query) -> Vec<(usize, usize)> {
    tokens(text)
        .into_iter()
        .filter(|t| query.matches_word(&t.word))
        .map(|t| (t.start, t.end))
        .collect()
}

/// How many distinct query words a text matches (its excerpt is chosen by it).
fn matched_words(text: &str, query: &Query) -> usize {
    let words: Vec<String> = tokens(text).into_iter().map(|t| t.word).collect();
    let mut n = 0;
    for t in &query.exact {
        if words.iter().any(|w| super::text::stem(w) == *t) {
            n += 1;
        }
    }
    if let Some(last) = &query.last {
        if words
            .iter()
            .any(|w| w.starts_with(&last.prefix) || super::text::stem(w) == last.term)
        {
            n += 1;
        }
    }
    n
}

fn result(record: &DocRecord, query: &Query, local: bool) -> SearchResult {
    let mut url = record.url.clone();
    let mut section = None;
    let mut excerpt = record.excerpt.clone();
    let mut best = matched_words(&record.excerpt, query);
    for p in &record.passages {
        let n = matched_words(&p.text, query).max(matched_words(&p.heading, query));
        if n > best {
            best = n;
            excerpt = p.text.clone();
            section = (!p.heading.is_empty()).then(|| p.heading.clone());
            if let Some(a) = &p.anchor {
                let page = record.url.split('#').next().unwrap_or_default();
                url = format!("{page}#{a}");
            } else {
                url = record.url.clone();
            }
        }
    }
    SearchResult {
        kind: record.kind,
        title_marks: marks(&record.title, query),
        title: record.title.clone(),
        place: record.place.clone(),
        url,
        date: record.date,
        topics: record.topics.clone(),
        section,
        marks: marks(&excerpt, query),
        excerpt,
        local,
    }
}

/// The results of `ranked`, in order, from the fetched doc shards (fetch
/// [`Root::doc_shards_for`] first; hits whose shard is not fetched are left out). A page both
/// public and unlocked locally (a paid article's preview and its full text) is shown once, where
/// it ranks best.
pub fn present(
    root: &Root,
    ranked: &Ranked,
    fetched: &Fetched,
    local: &LocalIndex,
    query: &Query,
) -> Result<Vec<SearchResult>, SearchError> {
    let mut out: Vec<SearchResult> = Vec::new();
    for h in &ranked.hits {
        let r = match h.doc {
            DocRef::Public(id) => {
                if !fetched.has_doc_shard(root, id) {
                    continue;
                }
                let path = doc_shard_path(id / root.doc_shard_size);
                let record = fetched.doc(root, id).ok_or_else(|| {
                    SearchError::corrupt(&path, format!("document {id} is missing"))
                })?;
                let r = result(record, query, false);
                if !is_site_path(&r.url) {
                    return Err(SearchError::corrupt(
                        &path,
                        format!("document {id} links outside the site"),
                    ));
                }
                r
            }
            DocRef::Local(lid) => match local.record(lid) {
                Some(record) => result(record, query, true),
                None => continue,
            },
        };
        if !is_site_path(&r.url) {
            continue;
        }
        let page = |u: &str| u.split('#').next().unwrap_or_default().to_string();
        let dup = r.kind == Kind::Article
            && out
                .iter()
                .any(|o| o.kind == Kind::Article && page(&o.url) == page(&r.url));
        if !dup && !out.iter().any(|o| o.url == r.url) {
            out.push(r);
        }
    }
    Ok(out)
}
