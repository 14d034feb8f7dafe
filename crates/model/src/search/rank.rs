//! Ranking: the early-stopping top-k over impact-ordered blocks, filters, and the reader's
//! local index of unlocked paid units.

use std::cmp::Reverse;
use std::collections::HashMap;

use super::build::{rank_expansions, DocTerms};
use super::format::*;
use super::query::Query;
use super::PREFIX_TERMS;
use crate::Date;

/// The index files fetched so far (root excluded), decoded. Add every file the steps ask for;
/// keep it between keystrokes: files never change while the page is open.
#[derive(Debug, Default)]
pub struct Fetched {
    files: HashMap<String, File>,
}

#[derive(Debug)]
enum File {
    Terms(TermShard),
    Block(Vec<(u32, u32)>),
    Kinds(Vec<u8>),
    Topic(Vec<u32>),
    Docs(DocShard),
}

impl Fetched {
    /// Decodes a fetched file (`path` as the step asked for it, `text` its body) and keeps it.
    /// A damaged file is an error naming it; nothing is kept then.
    pub fn add(&mut self, path: &str, text: &str) -> Result<(), SearchError> {
        let rest = path
            .strip_prefix(DIR)
            .and_then(|r| r.strip_prefix('/'))
            .unwrap_or("");
        let file = if rest.starts_with("t/") || rest.starts_with("x/") {
            File::Terms(TermShard::decode(path, text)?)
        } else if rest.starts_with("b/") {
            let b = BlockFile::decode(path, text)?;
            File::Block(decode_pairs(&b.d, &b.s).unwrap_or_default())
        } else if rest.starts_with("d/") {
            File::Docs(decode(path, text)?)
        } else if rest.starts_with("topic/") {
            File::Topic(decode::<TopicDocs>(path, text)?.ids(path)?)
        } else if rest == "kinds.json" {
            File::Kinds(decode::<Kinds>(path, text)?.kinds.into_bytes())
        } else {
            return Err(SearchError::corrupt(path, "not a file of the search index"));
        };
        self.files.insert(path.to_string(), file);
        Ok(())
    }

    pub fn has(&self, path: &str) -> bool {
        self.files.contains_key(path)
    }

    /// The paths not fetched yet, in order, without duplicates.
    pub fn missing(&self, paths: &[String]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for p in paths {
            if !self.has(p) && !out.contains(p) {
                out.push(p.clone());
            }
        }
        out
    }

    fn terms(&self, path: &str) -> Option<&TermShard> {
        match self.files.get(path) {
            Some(File::Terms(t)) => Some(t),
            _ => None,
        }
    }

    fn block(&self, path: &str) -> Option<&[(u32, u32)]> {
        match self.files.get(path) {
            Some(File::Block(b)) => Some(b),
            _ => None,
        }
    }

    /// A public term's entry, when its shard is fetched.
    fn entry(&self, root: &Root, term: &str) -> Option<&TermEntry> {
        let shard = root.shard_of(term)?;
        self.terms(&term_shard_path(shard))?.get(term)
    }

    pub(super) fn doc(&self, root: &Root, id: u32) -> Option<&DocRecord> {
        match self.files.get(&doc_shard_path(id / root.doc_shard_size)) {
            Some(File::Docs(d)) => d.docs.iter().find(|r| r.id == id),
            _ => None,
        }
    }

    pub(super) fn has_doc_shard(&self, root: &Root, id: u32) -> bool {
        self.has(&doc_shard_path(id / root.doc_shard_size))
    }
}

/// What the reader narrowed the results to. Empty `kinds`: every kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub kinds: Vec<Kind>,
    /// Only documents filed under this topic (its slug).
    pub topic: Option<String>,
}

impl Filters {
    /// The facet files these filters need: a topic the index does not know needs none (it
    /// matches no public document).
    fn files(&self, root: &Root) -> Vec<String> {
        let mut out = Vec::new();
        if !self.kinds.is_empty() {
            out.push(kinds_path());
        }
        if let Some(t) = self.known_topic(root) {
            out.push(topic_path(t));
        }
        out
    }

    fn known_topic(&self, root: &Root) -> Option<&str> {
        self.topic
            .as_deref()
            .filter(|t| root.topics.iter().any(|f| f.slug == *t))
    }

    fn accepts(&self, kind: Kind, topics: &[String]) -> bool {
        (self.kinds.is_empty() || self.kinds.contains(&kind))
            && self.topic.as_ref().is_none_or(|t| topics.contains(t))
    }
}

/// A document of the results: in the public index, or in the reader's [`LocalIndex`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocRef {
    Public(u32),
    Local(u32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub doc: DocRef,
    /// The sum over the query's words of the document's impact for it.
    pub score: u32,
}

/// The top results, best first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ranked {
    pub hits: Vec<Hit>,
    /// True when more documents than `limit` match (or may: the count is not computed).
    pub more: bool,
}

/// One step of a search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Fetch these files (data-relative paths), [`Fetched::add`] them and call [`search`] again.
    Need(Vec<String>),
    /// The final top results.
    Done(Ranked),
}

/// The files of each step, for callers that want to fetch ahead of [`search`].
impl Root {
    /// The files a query needs before it can be ranked at all: the term shards of its words and,
    /// for the last word, the term shard or prefix file holding its expansions (data-relative
    /// paths, without duplicates). [`search`]'s first [`Step::Need`] asks for exactly these (plus
    /// [`Root::filter_files`]) when they are not fetched yet.
    pub fn term_shards_for(&self, query: &Query) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut push = |p: String| {
            if !out.contains(&p) {
                out.push(p)
            }
        };
        for t in &query.exact {
            if let Some(s) = self.shard_of(t) {
                push(term_shard_path(s));
            }
        }
        if let Some(last) = &query.last {
            if let Some(s) = self.shard_of(&last.term) {
                push(term_shard_path(s));
            }
            if let Some(p) = self.prefix_source(&last.prefix) {
                push(p);
            }
        }
        out
    }

    /// The facet files the filters need (none without filters).
    pub fn filter_files(&self, filters: &Filters) -> Vec<String> {
        filters.files(self)
    }

    /// The doc shards holding the public hits' records.
    pub fn doc_shards_for(&self, ranked: &Ranked) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for h in &ranked.hits {
            if let DocRef::Public(id) = h.doc {
                let p = doc_shard_path(id / self.doc_shard_size);
                if !out.contains(&p) {
                    out.push(p);
                }
            }
        }
        out
    }
}

/// A term of a query word with what is known of its postings.
struct TermState<'a> {
    entry: &'a TermEntry,
    /// The blocks fetched (0 ..= fetched - 1), as `(id, impact)`.
    postings: Vec<(u32, u32)>,
    blocks: usize,
    /// Upper bound of every unfetched impact (0: all fetched).
    rem: u32,
    /// The last posting of the fetched blocks in block order (impact desc, id asc).
    last: (u32, u32),
}

impl TermState<'_> {
    /// Upper bound of this term's impact in document `id`, known not to be in the fetched
    /// blocks: unfetched postings come after `last` in (impact desc, id asc) order.
    fn bound(&self, id: u32) -> u32 {
        if self.rem == 0 {
            0
        } else if id < self.last.1 {
            self.rem.min(self.last.0.saturating_sub(1))
        } else {
            self.rem
        }
    }
}

/// The ranking key: higher score first; at equal scores the reader's own documents, then newer
/// (smaller public id; local by date).
type Key = (Reverse<u32>, u8, Reverse<Option<Date>>, u32);

fn public_key(score: u32, id: u32) -> Key {
    (Reverse(score), 1, Reverse(None), id)
}

/// Ranks the documents matching every word of `query`: the public ones from the fetched index
/// files, merged with the reader's `local` ones. Returns [`Step::Need`] until it has the files
/// it needs: first the term shards (and filter files), then, in the rare case the first blocks
/// do not settle the top `limit`, later blocks of some terms.
pub fn search(
    root: &Root,
    fetched: &Fetched,
    query: &Query,
    filters: &Filters,
    local: &LocalIndex,
    limit: usize,
) -> Result<Step, SearchError> {
    if query.is_empty() || limit == 0 {
        return Ok(Step::Done(Ranked::default()));
    }
    let mut first = root.term_shards_for(query);
    first.extend(root.filter_files(filters));
    let missing = fetched.missing(&first);
    if !missing.is_empty() {
        return Ok(Step::Need(missing));
    }

    // Each word's public terms.
    let mut words: Vec<Vec<&TermEntry>> = Vec::new();
    for t in &query.exact {
        words.push(fetched.entry(root, t).into_iter().collect());
    }
    if let Some(last) = &query.last {
        let mut terms: Vec<&TermEntry> = Vec::new();
        if let Some(source) = root.prefix_source(&last.prefix) {
            if let Some(shard) = fetched.terms(&source) {
                terms = shard
                    .terms
                    .iter()
                    .filter(|e| e.t.starts_with(&last.prefix))
                    .collect();
            }
        }
        rank_expansions(&mut terms);
        terms.truncate(PREFIX_TERMS);
        if let Some(e) = fetched.entry(root, &last.term) {
            if !terms.iter().any(|t| t.t == e.t) {
                terms.push(e);
            }
        }
        words.push(terms);
    }

    // Filters.
    let kinds: Option<&[u8]> = if filters.kinds.is_empty() {
        None
    } else {
        match fetched.files.get(&kinds_path()) {
            Some(File::Kinds(k)) => Some(k),
            _ => return Ok(Step::Need(vec![kinds_path()])),
        }
    };
    let topic: Option<&[u32]> = match (&filters.topic, filters.known_topic(root)) {
        (None, _) => None,
        (Some(_), None) => Some(&[]),
        (Some(_), Some(t)) => match fetched.files.get(&topic_path(t)) {
            Some(File::Topic(ids)) => Some(ids),
            _ => return Ok(Step::Need(vec![topic_path(t)])),
        },
    };
    let accepts = |id: u32| -> bool {
        kinds.is_none_or(|k| {
            k.get(id as usize)
                .is_some_and(|&l| filters.kinds.iter().any(|kind| kind.letter() as u8 == l))
        }) && topic.is_none_or(|ids| ids.binary_search(&id).is_ok())
    };

    // What is known of each term.
    let mut states: Vec<Vec<TermState>> = Vec::new();
    for w in &words {
        let mut ws = Vec::new();
        for e in w {
            let mut postings = e.block0();
            let mut last = postings_last(&postings);
            let mut blocks = 1;
            while blocks < e.max.len() {
                let Some(b) = fetched.block(&block_path(&e.t, blocks)) else {
                    break;
                };
                if let Some(l) = postings_last(b) {
                    last = Some(l);
                }
                postings.extend_from_slice(b);
                blocks += 1;
            }
            ws.push(TermState {
                entry: e,
                rem: e.max.get(blocks).copied().unwrap_or(0),
                last: last.unwrap_or((0, 0)),
                postings,
                blocks,
            });
        }
        states.push(ws);
    }

    // Candidates: every public doc seen in a fetched block, with its impact per term.
    let offsets: Vec<usize> = states
        .iter()
        .scan(0, |acc, w| {
            let o = *acc;
            *acc += w.len();
            Some(o)
        })
        .collect();
    let n_terms: usize = states.iter().map(Vec::len).sum();
    let mut seen: HashMap<u32, Vec<u32>> = HashMap::new();
    for (wi, w) in states.iter().enumerate() {
        for (ti, t) in w.iter().enumerate() {
            for &(id, s) in &t.postings {
                if id >= root.docs {
                    return Err(SearchError::corrupt(
                        &term_shard_path(root.shard_of(&t.entry.t).unwrap_or(0)),
                        format!("term `{}` names document {id} of {}", t.entry.t, root.docs),
                    ));
                }
                seen.entry(id).or_insert_with(|| vec![0; n_terms])[offsets[wi] + ti] = s;
            }
        }
    }

    let mut exact: Vec<(Key, Hit)> = Vec::new();
    // (upper bound, id) of the candidates whose score is not known exactly yet.
    let mut open: Vec<(u32, u32)> = Vec::new();
    for (&id, impacts) in &seen {
        if !accepts(id) {
            continue;
        }
        let mut score = 0u32;
        let mut ub = 0u32;
        let mut is_exact = true;
        let mut possible = true;
        for (wi, w) in states.iter().enumerate() {
            let found = w
                .iter()
                .enumerate()
                .map(|(ti, _)| impacts[offsets[wi] + ti])
                .max()
                .unwrap_or(0);
            let unknown = w
                .iter()
                .enumerate()
                .filter(|(ti, _)| impacts[offsets[wi] + ti] == 0)
                .map(|(_, t)| t.bound(id))
                .max()
                .unwrap_or(0);
            if found == 0 && unknown == 0 {
                possible = false;
                break;
            }
            if unknown > found {
                is_exact = false;
            }
            score = score.saturating_add(found);
            ub = ub.saturating_add(found.max(unknown));
        }
        if !possible {
            continue;
        }
        if is_exact {
            exact.push((
                public_key(score, id),
                Hit {
                    doc: DocRef::Public(id),
                    score,
                },
            ));
        } else {
            open.push((ub, id));
        }
    }

    // Documents in no fetched block: their bound, and the smallest id one of them can have
    // when it reaches that bound (ties go to smaller ids).
    let mut unseen: Option<(u32, u32)> = Some((0, 0));
    for w in &states {
        let u = w.iter().map(|t| t.rem).max().unwrap_or(0);
        if u == 0 {
            unseen = None;
            break;
        }
        let id_min = w
            .iter()
            .filter(|t| t.rem == u)
            .map(|t| {
                if t.rem == t.last.0 {
                    t.last.1.saturating_add(1)
                } else {
                    0
                }
            })
            .min()
            .unwrap_or(0);
        if let Some((total, ids)) = &mut unseen {
            *total = total.saturating_add(u);
            *ids = (*ids).max(id_min);
        }
    }

    // The reader's own documents: scored exactly, here and now.
    for (lid, score, date) in local.score(root, fetched, query, filters) {
        exact.push((
            (Reverse(score), 0, Reverse(date), lid),
            Hit {
                doc: DocRef::Local(lid),
                score,
            },
        ));
    }
    exact.sort_by_key(|a| a.0);

    let kth: Option<&Key> = exact.get(limit - 1).map(|(k, _)| k);
    let beats = |ub: u32, id: u32| -> bool {
        match kth {
            None => true,
            Some(k) => public_key(ub, id) < *k,
        }
    };
    let open_blocking = open.iter().any(|&(ub, id)| beats(ub, id));
    let unseen_blocking = match unseen {
        None => false,
        Some((u, id_min)) => match kth {
            None => true,
            Some(k) => u > k.0 .0 || (u == k.0 .0 && beats(u, id_min)),
        },
    };
    if open_blocking || unseen_blocking {
        // Next blocks of every term not fetched to the end. With fewer than `limit` results so
        // far, as many blocks as the words' document frequencies say an AND of independent
        // words needs for `limit` matches, in one round trip (see `depth`).
        let fraction = if kth.is_none() {
            depth(root, &states, limit)
        } else {
            0.0
        };
        let mut need: Vec<String> = Vec::new();
        for w in &states {
            for t in w {
                if t.rem == 0 {
                    continue;
                }
                let target = (fraction * f64::from(t.entry.df)).ceil() as u64;
                let mut b = t.blocks;
                loop {
                    let p = block_path(&t.entry.t, b);
                    if !need.contains(&p) {
                        need.push(p);
                    }
                    b += 1;
                    let covered = root.blocks.postings_in(b, t.entry.df).unwrap_or(u64::MAX);
                    if b >= t.entry.max.len()
                        || covered >= target
                        || b - t.blocks >= MAX_BLOCKS_PER_STEP
                    {
                        break;
                    }
                }
            }
        }
        // Block `t.blocks` of each term is missing by construction, so this is never empty.
        let need = fetched.missing(&need);
        if !need.is_empty() {
            return Ok(Step::Need(need));
        }
    }
    let more = exact.len() > limit || !open.is_empty() || unseen.is_some();
    exact.truncate(limit);
    Ok(Step::Done(Ranked {
        hits: exact.into_iter().map(|(_, h)| h).collect(),
        more,
    }))
}

/// Later blocks of one term fetched in one round trip at most. Blocks grow ×4, so 8 blocks hold
/// far more postings than any real index gives a term; the cap only stops a damaged root (a
/// growth of 1) with a long list of block maxima from asking for thousands of files at once.
const MAX_BLOCKS_PER_STEP: usize = 8;

/// The share of each term's postings an AND of the query's words needs for `limit` matches if
/// the words were independent: `limit` = docs × Π (df / docs × fraction). Correlated words (most
/// real queries) match more often, so this errs towards fewer blocks; the next round fetches
/// more if needed.
fn depth(root: &Root, states: &[Vec<TermState>], limit: usize) -> f64 {
    let n = f64::from(root.docs.max(1));
    let mut expected = n;
    for w in states {
        let df: f64 = w.iter().map(|t| f64::from(t.entry.df)).sum::<f64>().min(n);
        expected *= df / n;
    }
    let words = states.len().max(1) as f64;
    if expected <= 0.0 {
        return 0.0;
    }
    (limit as f64 / expected).powf(1.0 / words).min(1.0)
}

fn postings_last(block: &[(u32, u32)]) -> Option<(u32, u32)> {
    // Blocks are stored by id; the last in block order is the smallest impact, largest id.
    block
        .iter()
        .map(|&(id, s)| (s, id))
        .min_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
}

/// The paid units a reader has unlocked, indexed in their browser only (never uploaded, never
/// in the public files). Scored with the public index's statistics so their hits merge with
/// the public ones.
#[derive(Debug, Clone, Default)]
pub struct LocalIndex {
    docs: Vec<(DocRecord, DocTerms)>,
}

impl LocalIndex {
    /// Adds an unlocked unit: its record (title, place, url, excerpt…; `id` is ignored) and
    /// the plain text of its body. A unit with the same url replaces the earlier one.
    pub fn add(&mut self, record: DocRecord, body: &str) {
        let summary = record.excerpt.clone();
        self.add_fields(record, &summary, body);
    }

    /// Adds a unit with its summary field given apart from its excerpt.
    pub fn add_fields(&mut self, record: DocRecord, summary: &str, body: &str) {
        let terms = DocTerms::of(&record.title, summary, body);
        self.docs.retain(|(r, _)| r.url != record.url);
        self.docs.push((record, terms));
    }

    /// Forgets every unit (the reader forgot their key).
    pub fn clear(&mut self) {
        self.docs.clear();
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    pub fn record(&self, lid: u32) -> Option<&DocRecord> {
        self.docs.get(lid as usize).map(|(r, _)| r)
    }

    /// `(local id, score, date)` of every local doc matching all words and the filters.
    fn score(
        &self,
        root: &Root,
        fetched: &Fetched,
        query: &Query,
        filters: &Filters,
    ) -> Vec<(u32, u32, Option<Date>)> {
        if self.docs.is_empty() {
            return Vec::new();
        }
        let docs = root.docs + self.docs.len() as u32;
        let df = |t: &str| -> u32 {
            let public = fetched.entry(root, t).map_or(0, |e| e.df);
            let local = self
                .docs
                .iter()
                .filter(|(_, d)| d.tf.contains_key(t))
                .count() as u32;
            public + local
        };
        let impact = |d: &DocTerms, t: &str| -> u32 {
            match d.tf.get(t) {
                None => 0,
                Some(tf) => {
                    let raw = root.scoring.raw(docs, df(t), *tf, d.len);
                    root.scoring.impact(raw, tf[TITLE] > 0)
                }
            }
        };
        let mut out = Vec::new();
        'docs: for (lid, (record, d)) in self.docs.iter().enumerate() {
            if !filters.accepts(record.kind, &record.topics) {
                continue;
            }
            let mut score = 0;
            for t in &query.exact {
                let s = impact(d, t);
                if s == 0 {
                    continue 'docs;
                }
                score = u32::saturating_add(score, s);
            }
            if let Some(last) = &query.last {
                let s =
                    d.tf.keys()
                        .filter(|t| **t == last.term || t.starts_with(&last.prefix))
                        .map(|t| impact(d, t))
                        .max()
                        .unwrap_or(0);
                if s == 0 {
                    continue;
                }
                score = u32::saturating_add(score, s);
            }
            out.push((lid as u32, score, record.date));
        }
        out
    }
}
