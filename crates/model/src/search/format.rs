//! The index files `press` writes under `data/search/` and the app fetches, with their paths.
//!
//! Every file carries `"schema"`. Doc ids are positions in the public index, newest content
//! first (dated documents by date, newest first; then topics, then road-map resources), so a
//! smaller id means newer and ties in score go to the smaller id.

use serde::{Deserialize, Serialize};

use crate::decode::DecodeError;
use crate::Date;

/// The folder of the search files, relative to the data folder.
pub const DIR: &str = "search";

/// `search/root.json`: the only file loaded before the first query (on the first keystroke).
pub fn root_path() -> String {
    format!("{DIR}/root.json")
}

/// A term shard: every term from `root.shards[i]` up to the next shard's first term.
pub fn term_shard_path(i: usize) -> String {
    format!("{DIR}/t/{i}.json")
}

/// The best expansions of a short prefix whose terms span several term shards.
pub fn prefix_path(prefix: &str) -> String {
    format!("{DIR}/x/{}.json", file_name(prefix))
}

/// Block `block` (1 or more; block 0 is inline in the term shard) of a term's postings.
pub fn block_path(term: &str, block: usize) -> String {
    format!("{DIR}/b/{}-{block}.json", file_name(term))
}

/// One kind letter per public doc (`a`rticle, `w`eek entry, `r`oad-map resource, `t`opic):
/// fetched only when the reader filters by kind.
pub fn kinds_path() -> String {
    format!("{DIR}/kinds.json")
}

/// The ids of the documents filed under a topic: fetched only when filtering by it.
pub fn topic_path(slug: &str) -> String {
    format!("{DIR}/topic/{slug}.json")
}

/// A doc shard: the records (title, place, link, excerpt) of `doc_shard_size` documents.
pub fn doc_shard_path(shard: u32) -> String {
    format!("{DIR}/d/{shard}.json")
}

/// A term as a file name: ASCII letters and digits as they are, anything else as `_` + hex of
/// its UTF-8 (terms never contain `_`, so the two never collide).
pub fn file_name(term: &str) -> String {
    if !term.is_empty() && term.bytes().all(|b| b.is_ascii_alphanumeric()) {
        term.to_string()
    } else {
        let mut s = String::from("_");
        for b in term.bytes() {
            s.push_str(&format!("{b:02x}"));
        }
        s
    }
}

/// What a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Article,
    Week,
    Roadmap,
    Topic,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Article, Kind::Week, Kind::Roadmap, Kind::Topic];

    /// The letter of the kind in [`Kinds::kinds`].
    pub fn letter(self) -> char {
        match self {
            Kind::Article => 'a',
            Kind::Week => 'w',
            Kind::Roadmap => 'r',
            Kind::Topic => 't',
        }
    }

    /// What a result list calls it.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Article => "Article",
            Kind::Week => "Weekly entry",
            Kind::Roadmap => "Road-map resource",
            Kind::Topic => "Topic",
        }
    }
}

/// The fields a document is scored on.
pub const N_FIELDS: usize = 3;
/// Field 0: the title.
pub const TITLE: usize = 0;
/// Field 1: the summary (articles), commentary and summary (week entries), notes (road map).
pub const SUMMARY: usize = 1;
/// Field 2: the body (the free text only).
pub const BODY: usize = 2;

/// The largest BM25 part of an impact (the title bonus comes on top).
pub const MAX_BM25_IMPACT: u32 = 999;
/// Added to an impact when the term is in the document's title: larger than the BM25 parts of
/// a whole query together, so a document matching more of the query's words in its title
/// always ranks first.
pub const TITLE_BONUS: u32 = (MAX_BM25_IMPACT + 1) * super::query::MAX_WORDS as u32;

/// BM25F parameters and the collection statistics a score needs (shared with [`super::LocalIndex`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scoring {
    pub k1: f64,
    /// Length normalisation per field.
    pub b: [f64; N_FIELDS],
    /// Weight per field (title, summary, body).
    pub weight: [f64; N_FIELDS],
    /// Average length in terms per field.
    pub avg_len: [f64; N_FIELDS],
    /// The highest raw score of the index: raw scores are quantised to `1..=999` against it.
    pub scale: f64,
}

impl Scoring {
    /// The raw BM25F score of a term (document frequency `df` out of `docs`) in a document.
    pub fn raw(&self, docs: u32, df: u32, tf: [u32; N_FIELDS], len: [u32; N_FIELDS]) -> f64 {
        let n = f64::from(docs.max(df));
        let df = f64::from(df);
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        let mut weighted = 0.0;
        for f in 0..N_FIELDS {
            if tf[f] == 0 {
                continue;
            }
            let avg = self.avg_len[f].max(1.0);
            let norm = 1.0 - self.b[f] + self.b[f] * f64::from(len[f]) / avg;
            weighted += self.weight[f] * f64::from(tf[f]) / norm.max(0.01);
        }
        idf * weighted * (self.k1 + 1.0) / (self.k1 + weighted)
    }

    /// A posting's impact: the raw score quantised to `1..=999`, plus [`TITLE_BONUS`] when the
    /// term is in the title (so title matches rank first).
    pub fn impact(&self, raw: f64, in_title: bool) -> u32 {
        let q = if self.scale > 0.0 {
            (raw / self.scale * f64::from(MAX_BM25_IMPACT)).round()
        } else {
            0.0
        };
        let q = if q.is_finite() { q as u32 } else { 0 };
        q.clamp(1, MAX_BM25_IMPACT) + if in_title { TITLE_BONUS } else { 0 }
    }
}

/// A topic the results can be filtered by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicFacet {
    pub slug: String,
    pub name: String,
    /// Documents filed under it.
    pub count: u32,
}

/// `search/root.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Root {
    pub schema: u32,
    /// Public documents (ids `0..docs`).
    pub docs: u32,
    pub scoring: Scoring,
    /// The first term of each term shard, in order: shard `i` holds the terms from `shards[i]`
    /// (inclusive) to `shards[i + 1]` (exclusive).
    pub shards: Vec<String>,
    /// Documents per doc shard: doc `id` is in shard `id / doc_shard_size`.
    pub doc_shard_size: u32,
    /// The topics, for the filter.
    #[serde(default)]
    pub topics: Vec<TopicFacet>,
    /// Documents per kind, in the order of [`Kind::ALL`].
    #[serde(default)]
    pub kind_counts: [u32; 4],
    /// How postings are blocked (lets a query fetch several blocks in one round trip).
    #[serde(default)]
    pub blocks: BlockLayout,
}

/// Block 0 holds `first` postings, each later block `growth` times as many as the one before.
/// All zero when unknown (an older index): queries then fetch one block per round trip.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct BlockLayout {
    pub first: u32,
    pub growth: u32,
}

impl BlockLayout {
    /// Postings in blocks `0..blocks` of a term of `df` documents (`None` when unknown).
    pub fn postings_in(&self, blocks: usize, df: u32) -> Option<u64> {
        if self.first == 0 || self.growth == 0 {
            return None;
        }
        let mut size = u64::from(self.first);
        let mut total = 0u64;
        for _ in 0..blocks {
            total = total.saturating_add(size);
            size = size.saturating_mul(u64::from(self.growth));
        }
        Some(total.min(u64::from(df)))
    }
}

/// One term's entry in a term shard or prefix file: its statistics, the maximum impact of each
/// block (blocks are impact-ordered: every impact of block `j + 1` is at most `max[j + 1]` ≤
/// `max[j]`), and block 0 inline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermEntry {
    /// The term (folded and stemmed).
    pub t: String,
    /// Documents holding it.
    pub df: u32,
    /// The maximum impact of each block; the number of blocks is `max.len()`.
    pub max: Vec<u32>,
    /// Block 0's doc id gaps (see [`Postings`]).
    pub d: Vec<u32>,
    /// Block 0's impacts.
    pub s: Vec<u32>,
}

impl TermEntry {
    /// Block 0 as `(doc id, impact)` pairs (checked when the file was decoded).
    pub fn block0(&self) -> Vec<(u32, u32)> {
        decode_pairs(&self.d, &self.s).unwrap_or_default()
    }
}

/// A block of postings, sorted by doc id: `d` holds the gaps between ids (the first is the id
/// itself), `s` the impact of each.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Postings {
    pub d: Vec<u32>,
    pub s: Vec<u32>,
}

impl Postings {
    /// The `(doc id, impact)` pairs, or `None` when the block is malformed (lengths differ,
    /// ids overflow).
    pub fn decode(&self) -> Option<Vec<(u32, u32)>> {
        decode_pairs(&self.d, &self.s)
    }

    /// Encodes `(doc id, impact)` pairs (sorted here by id).
    pub fn encode(mut pairs: Vec<(u32, u32)>) -> Postings {
        pairs.sort_unstable();
        let mut prev = 0;
        let mut p = Postings::default();
        for (i, (id, s)) in pairs.into_iter().enumerate() {
            p.d.push(if i == 0 { id } else { id - prev });
            p.s.push(s);
            prev = id;
        }
        p
    }
}

/// Gaps and impacts to `(doc id, impact)` pairs; `None` when malformed.
pub fn decode_pairs(d: &[u32], s: &[u32]) -> Option<Vec<(u32, u32)>> {
    if d.len() != s.len() {
        return None;
    }
    let mut id: u32 = 0;
    let mut out = Vec::with_capacity(d.len());
    for (i, (&gap, &s)) in d.iter().zip(s).enumerate() {
        id = if i == 0 { gap } else { id.checked_add(gap)? };
        out.push((id, s));
    }
    Some(out)
}

/// A term shard (`search/t/N.json`) or a prefix file (`search/x/P.json`): term entries sorted
/// by term (a prefix file: by rank, best first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermShard {
    pub schema: u32,
    pub terms: Vec<TermEntry>,
}

/// A later block of a term (`search/b/TERM-J.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockFile {
    pub schema: u32,
    pub d: Vec<u32>,
    pub s: Vec<u32>,
}

/// `search/kinds.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kinds {
    pub schema: u32,
    /// One [`Kind::letter`] per public doc id.
    pub kinds: String,
}

/// `search/topic/SLUG.json`: the ids of the documents under a topic, as gaps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicDocs {
    pub schema: u32,
    pub d: Vec<u32>,
}

/// A passage of a document with the heading anchor it sits under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    /// The heading's anchor id (`None`: before the first heading).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
    /// The heading text, if any.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub heading: String,
    /// The start of the text under it (a couple of sentences).
    pub text: String,
}

/// What a result shows of a document (in a doc shard).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocRecord {
    pub id: u32,
    pub kind: Kind,
    pub title: String,
    /// Where it lives: the article's date, the week's title, the road-map section path.
    pub place: String,
    /// The page, relative to the site's base, starting with `/` (an anchor where it has one).
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    /// The default excerpt (the summary, commentary, note or the start of the text).
    pub excerpt: String,
    /// Passages of the body under their headings (articles), for an excerpt near the match.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub passages: Vec<Passage>,
}

/// `search/d/N.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocShard {
    pub schema: u32,
    pub docs: Vec<DocRecord>,
}

/// A search file that could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum SearchError {
    /// Not JSON, truncated, the wrong shape, or from a newer schema.
    Decode { path: String, error: DecodeError },
    /// Well-formed JSON whose content does not fit the index (a block whose lengths differ,
    /// a doc id out of range, a path the index does not have).
    Corrupt { path: String, message: String },
}

impl std::fmt::Display for SearchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SearchError::Decode {
                path,
                error: DecodeError::Invalid { path: at, message },
            } => write!(
                f,
                "the search index file {path} is damaged (at `{at}`): {message}"
            ),
            SearchError::Decode {
                path,
                error: DecodeError::NewerSchema(e),
            } => write!(f, "the search index file {path}: {e}"),
            SearchError::Corrupt { path, message } => {
                write!(f, "the search index file {path} is inconsistent: {message}")
            }
        }
    }
}

impl std::error::Error for SearchError {}

impl SearchError {
    pub fn corrupt(path: &str, message: impl Into<String>) -> SearchError {
        SearchError::Corrupt {
            path: path.to_string(),
            message: message.into(),
        }
    }

    /// The file the error is about.
    pub fn path(&self) -> &str {
        match self {
            SearchError::Decode { path, .. } | SearchError::Corrupt { path, .. } => path,
        }
    }
}

/// Decodes a search file, naming it in the error: the schema first (a newer one is refused),
/// then the document. Unlike [`crate::decode_document`] the error gives the line and column rather than
/// the field's path: tracking paths would add ~25 KB of wasm for these few, simple shapes.
pub fn decode<T: serde::de::DeserializeOwned>(path: &str, text: &str) -> Result<T, SearchError> {
    let fail = |error| SearchError::Decode {
        path: path.to_string(),
        error,
    };
    let probe: crate::SchemaProbe = serde_json::from_str(text).map_err(|e| {
        fail(DecodeError::Invalid {
            path: "schema".into(),
            message: e.to_string(),
        })
    })?;
    probe
        .check()
        .map_err(|e| fail(DecodeError::NewerSchema(e)))?;
    serde_json::from_str(text).map_err(|e| {
        fail(DecodeError::Invalid {
            path: format!("line {} column {}", e.line(), e.column()),
            message: e.to_string(),
        })
    })
}

fn check_postings(path: &str, d: &[u32], s: &[u32]) -> Result<(), SearchError> {
    decode_pairs(d, s).map(|_| ()).ok_or_else(|| {
        SearchError::corrupt(
            path,
            "a block's ids and impacts differ in length or overflow",
        )
    })
}

impl Root {
    /// Decodes and checks `search/root.json`.
    pub fn decode(text: &str) -> Result<Root, SearchError> {
        let path = root_path();
        let root: Root = decode(&path, text)?;
        if root.doc_shard_size == 0 {
            return Err(SearchError::corrupt(&path, "doc_shard_size is 0"));
        }
        if root.shards.windows(2).any(|w| w[0] >= w[1]) {
            return Err(SearchError::corrupt(&path, "term shards are not in order"));
        }
        Ok(root)
    }

    /// The term shard holding `term` (none when the index has no terms).
    pub fn shard_of(&self, term: &str) -> Option<usize> {
        if self.shards.is_empty() {
            return None;
        }
        Some(
            self.shards
                .partition_point(|s| s.as_str() <= term)
                .saturating_sub(1),
        )
    }

    /// The term shards holding terms that start with `prefix`.
    pub fn shards_for_prefix(&self, prefix: &str) -> std::ops::RangeInclusive<usize> {
        let first = self.shard_of(prefix).unwrap_or(0);
        // The last shard whose first term is ≤ every term starting with the prefix, i.e. the
        // last shard starting at a term that is below `prefix` + U+10FFFF.
        let mut last = first;
        while last + 1 < self.shards.len() && self.shards[last + 1].starts_with(prefix) {
            last += 1;
        }
        first..=last
    }

    /// Where the candidate terms of a prefix are: its single term shard, or its prefix file
    /// when its terms span several shards.
    pub fn prefix_source(&self, prefix: &str) -> Option<String> {
        if self.shards.is_empty() {
            return None;
        }
        let range = self.shards_for_prefix(prefix);
        Some(if range.start() == range.end() {
            term_shard_path(*range.start())
        } else {
            prefix_path(prefix)
        })
    }
}

impl TermShard {
    pub fn decode(path: &str, text: &str) -> Result<TermShard, SearchError> {
        let shard: TermShard = decode(path, text)?;
        for t in &shard.terms {
            check_postings(path, &t.d, &t.s)?;
            if t.max.is_empty() {
                return Err(SearchError::corrupt(
                    path,
                    format!("term `{}` has no blocks", t.t),
                ));
            }
        }
        Ok(shard)
    }

    /// The entry of `term`.
    pub fn get(&self, term: &str) -> Option<&TermEntry> {
        self.terms.iter().find(|t| t.t == term)
    }
}

impl BlockFile {
    pub fn decode(path: &str, text: &str) -> Result<BlockFile, SearchError> {
        let b: BlockFile = decode(path, text)?;
        check_postings(path, &b.d, &b.s)?;
        Ok(b)
    }
}

impl TopicDocs {
    /// The ids, or an error when they overflow.
    pub fn ids(&self, path: &str) -> Result<Vec<u32>, SearchError> {
        decode_pairs(&self.d, &vec![0; self.d.len()])
            .map(|v| v.into_iter().map(|(id, _)| id).collect())
            .ok_or_else(|| SearchError::corrupt(path, "ids overflow"))
    }
}
