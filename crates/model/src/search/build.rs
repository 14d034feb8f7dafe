//! Building the index files from documents (used by `press`; pure: files are returned as
//! `(data-relative path, JSON)` pairs, written by the caller).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use super::format::*;
use super::text::terms;
use crate::{Date, SCHEMA_VERSION};

/// One document to index: only text every reader may read.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceDoc {
    pub kind: Kind,
    pub title: String,
    /// Summary, commentary or notes.
    pub summary: String,
    /// The free body as plain text.
    pub body: String,
    /// See [`DocRecord::place`].
    pub place: String,
    /// See [`DocRecord::url`].
    pub url: String,
    pub date: Option<Date>,
    pub topics: Vec<String>,
    /// The default excerpt.
    pub excerpt: String,
    /// Body passages under their headings.
    pub passages: Vec<Passage>,
}

/// Sizes of the index's pieces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Postings in block 0 (inline in the term shard).
    pub first_block: usize,
    /// Each later block is this many times the size of the one before.
    pub growth: usize,
    /// A term shard is closed once its JSON reaches this many bytes.
    pub shard_bytes: usize,
    pub doc_shard_size: u32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            first_block: 48,
            growth: 4,
            shard_bytes: 12 * 1024,
            doc_shard_size: 1,
        }
    }
}

/// The BM25F parameters the index uses.
pub fn default_scoring() -> Scoring {
    Scoring {
        k1: 1.2,
        b: [0.5, 0.6, 0.75],
        weight: [4.0, 2.0, 1.0],
        avg_len: [1.0; N_FIELDS],
        scale: 1.0,
    }
}

/// Term frequencies and field lengths of one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocTerms {
    pub tf: HashMap<String, [u32; N_FIELDS]>,
    pub len: [u32; N_FIELDS],
}

impl DocTerms {
    pub fn of(title: &str, summary: &str, body: &str) -> DocTerms {
        let mut d = DocTerms::default();
        for (f, text) in [title, summary, body].into_iter().enumerate() {
            for t in terms(text) {
                d.tf.entry(t).or_insert([0; N_FIELDS])[f] += 1;
                d.len[f] += 1;
            }
        }
        d
    }
}

/// The order of public doc ids: dated documents newest first, then topics, then road-map
/// resources, each in the given order.
fn order_key(d: &SourceDoc) -> (bool, std::cmp::Reverse<Option<Date>>, Kind) {
    (d.date.is_none(), std::cmp::Reverse(d.date), d.kind)
}

/// Every posting of the index as `term → [(doc id, impact)]`, with the root's scoring: what the
/// files hold, before blocking (also the brute-force reference of the tests).
pub struct Scored {
    pub scoring: Scoring,
    pub docs: Vec<SourceDoc>,
    pub by_term: BTreeMap<String, Vec<(u32, u32)>>,
}

/// Sorts the documents into id order and scores every posting.
pub fn postings(mut docs: Vec<SourceDoc>) -> Scored {
    docs.sort_by_key(order_key); // stable: equal keys keep the caller's order
    let analysed: Vec<DocTerms> = docs
        .iter()
        .map(|d| DocTerms::of(&d.title, &d.summary, &d.body))
        .collect();
    let n = docs.len() as u32;
    let mut scoring = default_scoring();
    for f in 0..N_FIELDS {
        let total: u64 = analysed.iter().map(|a| u64::from(a.len[f])).sum();
        scoring.avg_len[f] = if n == 0 {
            1.0
        } else {
            total as f64 / f64::from(n)
        };
    }
    let mut df: HashMap<&str, u32> = HashMap::new();
    for a in &analysed {
        for t in a.tf.keys() {
            *df.entry(t).or_default() += 1;
        }
    }
    let mut scale: f64 = 0.0;
    for a in &analysed {
        for (t, tf) in &a.tf {
            scale = scale.max(scoring.raw(n, df[t.as_str()], *tf, a.len));
        }
    }
    scoring.scale = if scale > 0.0 { scale } else { 1.0 };
    let mut by_term: BTreeMap<String, Vec<(u32, u32)>> = BTreeMap::new();
    for (id, a) in analysed.iter().enumerate() {
        for (t, tf) in &a.tf {
            let raw = scoring.raw(n, df[t.as_str()], *tf, a.len);
            let impact = scoring.impact(raw, tf[TITLE] > 0);
            by_term
                .entry(t.clone())
                .or_default()
                .push((id as u32, impact));
        }
    }
    Scored {
        scoring,
        docs,
        by_term,
    }
}

/// Splits a term's postings into impact-ordered blocks (best first; equal impacts by id).
fn blocks(mut list: Vec<(u32, u32)>, opts: &Options) -> Vec<Vec<(u32, u32)>> {
    list.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut out = Vec::new();
    let mut size = opts.first_block.max(1);
    let mut rest = &list[..];
    while !rest.is_empty() {
        let (head, tail) = rest.split_at(size.min(rest.len()));
        out.push(head.to_vec());
        rest = tail;
        size = size.saturating_mul(opts.growth.max(1));
    }
    out
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("search files always serialize")
}

/// Builds every file of the index: root, term shards, prefix files, later blocks, kinds, topic
/// lists and doc shards.
pub fn build(
    docs: Vec<SourceDoc>,
    topics: &[(String, String)],
    opts: &Options,
) -> Vec<(String, String)> {
    let all = postings(docs);
    let mut files: Vec<(String, String)> = Vec::new();

    // Term entries (block 0 inline) and later blocks.
    let mut entries: Vec<TermEntry> = Vec::with_capacity(all.by_term.len());
    for (term, list) in &all.by_term {
        let df = list.len() as u32;
        let bl = blocks(list.clone(), opts);
        let max: Vec<u32> = bl
            .iter()
            .map(|b| b.iter().map(|p| p.1).max().unwrap_or(0))
            .collect();
        for (j, b) in bl.iter().enumerate().skip(1) {
            let p = Postings::encode(b.clone());
            files.push((
                block_path(term, j),
                json(&BlockFile {
                    schema: SCHEMA_VERSION,
                    d: p.d,
                    s: p.s,
                }),
            ));
        }
        let p0 = Postings::encode(bl.into_iter().next().unwrap_or_default());
        entries.push(TermEntry {
            t: term.clone(),
            df,
            max,
            d: p0.d,
            s: p0.s,
        });
    }

    // Term shards, closed by size.
    let mut shards: Vec<String> = Vec::new();
    let mut current: Vec<TermEntry> = Vec::new();
    let mut bytes = 0;
    let flush = |current: &mut Vec<TermEntry>,
                 shards: &mut Vec<String>,
                 files: &mut Vec<(String, String)>| {
        if current.is_empty() {
            return;
        }
        let i = shards.len();
        shards.push(current[0].t.clone());
        files.push((
            term_shard_path(i),
            json(&TermShard {
                schema: SCHEMA_VERSION,
                terms: std::mem::take(current),
            }),
        ));
    };
    for e in &entries {
        let size = json(e).len() + 1;
        if bytes > 0 && bytes + size > opts.shard_bytes {
            flush(&mut current, &mut shards, &mut files);
            bytes = 0;
        }
        bytes += size;
        current.push(e.clone());
    }
    flush(&mut current, &mut shards, &mut files);

    let n = all.docs.len() as u32;
    let mut kind_counts = [0u32; 4];
    for d in &all.docs {
        kind_counts[Kind::ALL.iter().position(|k| *k == d.kind).unwrap_or(0)] += 1;
    }
    let root = Root {
        schema: SCHEMA_VERSION,
        docs: n,
        scoring: all.scoring.clone(),
        shards,
        doc_shard_size: opts.doc_shard_size.max(1),
        topics: topics
            .iter()
            .map(|(slug, name)| TopicFacet {
                slug: slug.clone(),
                name: name.clone(),
                count: all.docs.iter().filter(|d| d.topics.contains(slug)).count() as u32,
            })
            .collect(),
        kind_counts,
        blocks: BlockLayout {
            first: opts.first_block.max(1) as u32,
            growth: opts.growth.max(1) as u32,
        },
    };

    // Prefix files: every prefix whose terms span more than one shard.
    let mut spanning: BTreeSet<String> = BTreeSet::new();
    for boundary in root.shards.iter().skip(1) {
        for (i, c) in boundary.char_indices() {
            let p = &boundary[..i + c.len_utf8()];
            let r = root.shards_for_prefix(p);
            if r.start() != r.end() {
                spanning.insert(p.to_string());
            }
        }
    }
    for p in &spanning {
        let from = entries.partition_point(|e| e.t.as_str() < p.as_str());
        let mut matching: Vec<&TermEntry> = entries[from..]
            .iter()
            .take_while(|e| e.t.starts_with(p.as_str()))
            .collect();
        rank_expansions(&mut matching);
        matching.truncate(super::PREFIX_TERMS);
        files.push((
            prefix_path(p),
            json(&TermShard {
                schema: SCHEMA_VERSION,
                terms: matching.into_iter().cloned().collect(),
            }),
        ));
    }

    // Facets.
    files.push((
        kinds_path(),
        json(&Kinds {
            schema: SCHEMA_VERSION,
            kinds: all.docs.iter().map(|d| d.kind.letter()).collect(),
        }),
    ));
    for (slug, _) in topics {
        let ids: Vec<(u32, u32)> = all
            .docs
            .iter()
            .enumerate()
            .filter(|(_, d)| d.topics.contains(slug))
            .map(|(i, _)| (i as u32, 0))
            .collect();
        files.push((
            topic_path(slug),
            json(&TopicDocs {
                schema: SCHEMA_VERSION,
                d: Postings::encode(ids).d,
            }),
        ));
    }

    // Doc shards.
    let size = root.doc_shard_size as usize;
    for (s, chunk) in all.docs.chunks(size).enumerate() {
        let docs = chunk
            .iter()
            .enumerate()
            .map(|(i, d)| DocRecord {
                id: (s * size + i) as u32,
                kind: d.kind,
                title: d.title.clone(),
                place: d.place.clone(),
                url: d.url.clone(),
                date: d.date,
                topics: d.topics.clone(),
                excerpt: d.excerpt.clone(),
                passages: d.passages.clone(),
            })
            .collect();
        files.push((
            doc_shard_path(s as u32),
            json(&DocShard {
                schema: SCHEMA_VERSION,
                docs,
            }),
        ));
    }

    files.push((root_path(), json(&root)));
    files
}

/// Orders a prefix's candidate terms: highest block-0 impact first, then most documents, then
/// alphabetically (the same order at build time and in the browser).
pub fn rank_expansions(terms: &mut [&TermEntry]) {
    terms.sort_by(|a, b| {
        let ma = a.max.first().copied().unwrap_or(0);
        let mb = b.max.first().copied().unwrap_or(0);
        mb.cmp(&ma).then(b.df.cmp(&a.df)).then(a.t.cmp(&b.t))
    });
}

/// Plain text of a short excerpt: the first `max` characters, cut at a word boundary.
pub fn clip(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(char::is_whitespace) {
        Some(i) if i > max / 2 => &cut[..i],
        _ => &cut[..],
    };
    format!("{}…", cut.trim_end_matches(|c: char| !c.is_alphanumeric()))
}
