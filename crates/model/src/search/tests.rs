//! Tests of the whole search: build an index in memory, then query it the way the app does.

use std::collections::{BTreeMap, HashMap};

use super::build::{self, Options, SourceDoc};
use super::format::*;
use super::*;
use crate::Date;

fn doc(kind: Kind, title: &str, summary: &str, body: &str, date: Option<&str>) -> SourceDoc {
    SourceDoc {
        kind,
        title: title.into(),
        summary: summary.into(),
        body: body.into(),
        place: "somewhere".into(),
        url: format!("/x/{}", crate::text::slugify(title)),
        date: date.map(|d| Date::parse(d).unwrap()),
        topics: vec![],
        excerpt: summary.into(),
        passages: vec![],
    }
}

fn article(title: &str, body: &str, date: &str) -> SourceDoc {
    doc(Kind::Article, title, "", body, Some(date))
}

/// Small blocks and shards, so that every path of the code is taken on small corpora.
fn small() -> Options {
    Options {
        first_block: 2,
        growth: 2,
        shard_bytes: 400,
        doc_shard_size: 2,
    }
}

struct Index {
    files: HashMap<String, String>,
    root: Root,
}

impl Index {
    fn new(docs: Vec<SourceDoc>, opts: &Options) -> Index {
        Self::with_topics(docs, &[], opts)
    }

    fn with_topics(docs: Vec<SourceDoc>, topics: &[(String, String)], opts: &Options) -> Index {
        let files: HashMap<String, String> = build::build(docs, topics, opts).into_iter().collect();
        let root = Root::decode(&files[&format::root_path()]).unwrap();
        Index { files, root }
    }

    /// Runs a query to the end: the ranked hits, the presented results and the files fetched.
    fn run(
        &self,
        q: &str,
        filters: &Filters,
        local: &LocalIndex,
        limit: usize,
    ) -> (Ranked, Vec<SearchResult>, Vec<String>) {
        let query = Query::parse(q);
        let mut fetched = Fetched::default();
        let mut got = Vec::new();
        let ranked = loop {
            match search(&self.root, &fetched, &query, filters, local, limit).unwrap() {
                Step::Need(paths) => {
                    assert!(!paths.is_empty());
                    for p in paths {
                        assert!(!fetched.has(&p), "asked twice for {p}");
                        let text = self.files.get(&p).unwrap_or_else(|| panic!("no file {p}"));
                        fetched.add(&p, text).unwrap();
                        got.push(p);
                    }
                }
                Step::Done(r) => break r,
            }
        };
        for p in fetched.missing(&self.root.doc_shards_for(&ranked)) {
            fetched.add(&p, &self.files[&p]).unwrap();
            got.push(p);
        }
        let results = present(&self.root, &ranked, &fetched, local, &query).unwrap();
        (ranked, results, got)
    }

    fn titles(&self, q: &str) -> Vec<String> {
        self.run(q, &Filters::default(), &LocalIndex::default(), 10)
            .1
            .into_iter()
            .map(|r| r.title)
            .collect()
    }
}

#[test]
fn title_matches_rank_before_body_matches() {
    let idx = Index::new(
        vec![
            article(
                "Notes on serving",
                "the transformer transformer transformer transformer is everywhere",
                "2026-11-20",
            ),
            article(
                "Transformers explained",
                "a short body about attention",
                "2026-01-01",
            ),
        ],
        &small(),
    );
    assert_eq!(
        idx.titles("transformer"),
        ["Transformers explained", "Notes on serving"]
    );
}

#[test]
fn more_title_words_rank_first_whatever_the_body() {
    let body = "kv cache kv cache kv cache memory";
    let idx = Index::new(
        vec![
            article("Memory notes", &format!("{body} {body}"), "2026-11-20"),
            article("The KV cache", "memory", "2026-01-01"),
            article("Unrelated", body, "2026-11-21"),
        ],
        &small(),
    );
    assert_eq!(
        idx.titles("kv cache memory"),
        ["The KV cache", "Memory notes", "Unrelated"]
    );
}

#[test]
fn every_word_is_required() {
    let idx = Index::new(
        vec![
            article(
                "KV caches",
                "memory for the kv cache of attention",
                "2026-11-20",
            ),
            article("Caching prompts", "prefix cache reuse", "2026-11-19"),
            article("Attention", "attention is all you need", "2026-11-18"),
        ],
        &small(),
    );
    assert_eq!(idx.titles("kv cache"), ["KV caches"]);
    assert_eq!(idx.titles("attention cache"), ["KV caches"]);
    assert!(idx.titles("attention zebra").is_empty());
}

#[test]
fn the_last_word_is_a_prefix() {
    let idx = Index::new(
        vec![
            article(
                "Quantization in practice",
                "int8 and int4 weights",
                "2026-11-20",
            ),
            article("Batching", "continuous batching of requests", "2026-11-19"),
        ],
        &small(),
    );
    assert_eq!(idx.titles("quant"), ["Quantization in practice"]);
    assert_eq!(idx.titles("continuous bat"), ["Batching"]);
    // Only the last word is a prefix.
    assert!(idx.titles("quant batching").is_empty());
}

#[test]
fn case_accents_and_plurals_do_not_matter() {
    let idx = Index::new(
        vec![
            article(
                "Régression tests for models",
                "caches and queries",
                "2026-11-20",
            ),
            article("Other", "nothing relevant", "2026-11-19"),
        ],
        &small(),
    );
    let want = ["Régression tests for models"];
    assert_eq!(idx.titles("REGRESSION"), want);
    assert_eq!(idx.titles("régressions"), want);
    assert_eq!(idx.titles("Model cache"), want);
    assert_eq!(idx.titles("query test"), want);
    assert_eq!(idx.titles("Transformers").len(), 0);
    let idx = Index::new(
        vec![article("The transformer", "body", "2026-11-20")],
        &small(),
    );
    assert_eq!(idx.titles("Transformers"), ["The transformer"]);
}

#[test]
fn ties_go_to_newer_content() {
    let idx = Index::new(
        vec![
            article("Old take on drift", "same words", "2025-01-01"),
            article("New take on drift", "same words", "2026-11-20"),
            article("Mid take on drift", "same words", "2026-01-01"),
        ],
        &small(),
    );
    assert_eq!(
        idx.titles("drift"),
        [
            "New take on drift",
            "Mid take on drift",
            "Old take on drift"
        ]
    );
}

#[test]
fn results_carry_kind_place_url_and_highlights() {
    let mut a = article("Serving fast", "intro text", "2026-11-20");
    a.summary = "Why batching matters".into();
    a.excerpt = "Why batching matters".into();
    a.passages = vec![
        Passage {
            anchor: None,
            heading: String::new(),
            text: "intro text".into(),
        },
        Passage {
            anchor: Some("paged-attention".into()),
            heading: "Paged attention".into(),
            text: "The KV cache is paged like virtual memory.".into(),
        },
    ];
    a.body = "intro text Paged attention The KV cache is paged like virtual memory.".into();
    a.url = "/articles/serving-fast".into();
    a.place = "November 20, 2026".into();
    let idx = Index::new(vec![a], &small());
    let (_, results, _) = idx.run("kv cache", &Filters::default(), &LocalIndex::default(), 5);
    let r = &results[0];
    assert_eq!(r.kind, Kind::Article);
    assert_eq!(r.url, "/articles/serving-fast#paged-attention");
    assert_eq!(r.section.as_deref(), Some("Paged attention"));
    let marked: Vec<&str> = r.marks.iter().map(|&(s, e)| &r.excerpt[s..e]).collect();
    assert_eq!(marked, ["KV", "cache"]);
    assert_eq!(r.place, "November 20, 2026");
    // A summary match keeps the page link and the summary.
    let (_, results, _) = idx.run("batching", &Filters::default(), &LocalIndex::default(), 5);
    assert_eq!(results[0].url, "/articles/serving-fast");
    assert_eq!(results[0].excerpt, "Why batching matters");
    let (_, results, _) = idx.run("serv", &Filters::default(), &LocalIndex::default(), 5);
    assert_eq!(results[0].title_marks, [(0, 7)]);
}

#[test]
fn filters_by_kind_and_topic() {
    let mut a = article("Drift in articles", "x", "2026-11-20");
    a.topics = vec!["monitoring".into()];
    let b = article("Drift elsewhere", "x", "2026-11-19");
    let w = doc(Kind::Week, "Drift paper", "a paper", "", Some("2026-11-18"));
    let r = doc(Kind::Roadmap, "Drift course", "a course", "", None);
    let topics = [("monitoring".to_string(), "Monitoring".to_string())];
    let idx = Index::with_topics(vec![a, b, w, r], &topics, &small());
    assert_eq!(idx.root.topics[0].count, 1);
    let run = |f: Filters| -> Vec<String> {
        idx.run("drift", &f, &LocalIndex::default(), 10)
            .1
            .into_iter()
            .map(|r| r.title)
            .collect()
    };
    assert_eq!(run(Filters::default()).len(), 4);
    assert_eq!(
        run(Filters {
            kinds: vec![Kind::Week, Kind::Roadmap],
            topic: None
        }),
        ["Drift paper", "Drift course"]
    );
    assert_eq!(
        run(Filters {
            kinds: vec![],
            topic: Some("monitoring".into())
        }),
        ["Drift in articles"]
    );
    // A topic the index does not know matches nothing, and fetches nothing.
    let unknown = Filters {
        kinds: vec![],
        topic: Some("../../site".into()),
    };
    assert!(idx.root.filter_files(&unknown).is_empty());
    let (ranked, _, got) = idx.run("drift", &unknown, &LocalIndex::default(), 10);
    assert!(ranked.hits.is_empty());
    assert!(got.iter().all(|p| !p.contains("topic")), "{got:?}");
}

#[test]
fn shard_selection_fetches_only_the_words_shards() {
    let docs: Vec<SourceDoc> = (0..40)
        .map(|i| {
            article(
                &format!("Doc {i} alpha{i} beta{i}"),
                &format!("gamma{i} delta common"),
                "2026-11-20",
            )
        })
        .collect();
    let idx = Index::new(docs, &small());
    assert!(idx.root.shards.len() > 5, "{:?}", idx.root.shards);
    let q = Query::parse("gamma7 alpha12");
    let shards = idx.root.term_shards_for(&q);
    let expect_exact = term_shard_path(idx.root.shard_of("gamma7").unwrap());
    assert!(shards.contains(&expect_exact), "{shards:?}");
    assert!(shards.len() <= 3, "{shards:?}");
    // Every term shard that is named exists, and holds the term.
    for p in &shards {
        assert!(idx.files.contains_key(p), "{p}");
    }
    // A one-letter prefix spanning shards uses its prefix file.
    let q = Query::parse("a");
    let shards = idx.root.term_shards_for(&q);
    assert!(
        shards.iter().any(|p| p.starts_with("search/x/")),
        "{shards:?}"
    );
    assert!(
        shards.iter().all(|p| idx.files.contains_key(p)),
        "{shards:?}"
    );
    let (ranked, _, _) = idx.run("a", &Filters::default(), &LocalIndex::default(), 5);
    assert_eq!(ranked.hits.len(), 5);
}

#[test]
fn a_word_in_every_document_costs_one_block() {
    let docs: Vec<SourceDoc> = (0..300)
        .map(|i| {
            let extra = if i % 100 == 0 { " rareword" } else { "" };
            article(
                &format!("Doc {i}"),
                &format!("the common word{extra} filler{}", i % 7),
                "2026-11-20",
            )
        })
        .collect();
    let opts = Options {
        first_block: 16,
        growth: 4,
        shard_bytes: 2000,
        doc_shard_size: 1,
    };
    let idx = Index::new(docs, &opts);
    for q in ["the", "rareword", "common the"] {
        let (ranked, _, got) = idx.run(q, &Filters::default(), &LocalIndex::default(), 10);
        assert!(!ranked.hits.is_empty(), "{q}");
        assert!(
            got.iter().all(|p| !p.starts_with("search/b/")),
            "{q}: {got:?}"
        );
    }
}

/// Deterministic pseudo-random numbers for the property tests (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// A Zipf-like pick from `n` items: small indices are much more frequent.
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
    }
}

const SYLLABLES: [&str; 12] = [
    "ka", "lo", "mi", "ne", "po", "ru", "sa", "ti", "vo", "ze", "qu", "an",
];

fn word(i: usize) -> String {
    let mut w = String::new();
    let mut n = i + 1;
    while n > 0 {
        w.push_str(SYLLABLES[n % SYLLABLES.len()]);
        n /= SYLLABLES.len();
    }
    w
}

fn random_corpus(rng: &mut Rng, docs: usize, vocab: usize) -> Vec<SourceDoc> {
    let text = |rng: &mut Rng, n: usize| -> String {
        (0..n)
            .map(|_| word(rng.zipf(vocab)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    (0..docs)
        .map(|i| {
            let kind = Kind::ALL[rng.below(4)];
            let date = (kind == Kind::Article || kind == Kind::Week)
                .then(|| format!("2026-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28)));
            let title_len = 1 + rng.below(4);
            let title = text(rng, title_len);
            let summary_len = rng.below(8);
            let summary = text(rng, summary_len);
            let body_len = rng.below(60);
            let body = text(rng, body_len);
            let mut d = doc(kind, &title, &summary, &body, date.as_deref());
            d.url = format!("/d/{i}");
            if rng.below(3) == 0 {
                d.topics = vec![format!("t{}", rng.below(3))];
            }
            d
        })
        .collect()
}

/// The exact answer, by scoring every document.
fn brute_force(
    scored: &build::Scored,
    idx: &Index,
    query: &Query,
    filters: &Filters,
    limit: usize,
) -> Vec<(u32, u32)> {
    let entries: BTreeMap<String, TermEntry> = idx
        .files
        .iter()
        .filter(|(p, _)| p.starts_with("search/t/"))
        .flat_map(|(p, t)| TermShard::decode(p, t).unwrap().terms)
        .map(|e| (e.t.clone(), e))
        .collect();
    let mut words: Vec<Vec<String>> = query.exact.iter().map(|t| vec![t.clone()]).collect();
    if let Some(last) = &query.last {
        let mut c: Vec<&TermEntry> = entries
            .values()
            .filter(|e| e.t.starts_with(&last.prefix))
            .collect();
        build::rank_expansions(&mut c);
        c.truncate(PREFIX_TERMS);
        let mut w: Vec<String> = c.into_iter().map(|e| e.t.clone()).collect();
        if entries.contains_key(&last.term) && !w.contains(&last.term) {
            w.push(last.term.clone());
        }
        words.push(w);
    }
    let impact: HashMap<(&str, u32), u32> = scored
        .by_term
        .iter()
        .flat_map(|(t, l)| l.iter().map(move |&(id, s)| ((t.as_str(), id), s)))
        .collect();
    let mut out: Vec<(u32, u32)> = Vec::new();
    'docs: for (id, d) in scored.docs.iter().enumerate() {
        let id = id as u32;
        if !filters.kinds.is_empty() && !filters.kinds.contains(&d.kind) {
            continue;
        }
        if filters
            .topic
            .as_ref()
            .is_some_and(|t| !d.topics.contains(t))
        {
            continue;
        }
        let mut score = 0;
        for w in &words {
            let s = w
                .iter()
                .filter_map(|t| impact.get(&(t.as_str(), id)))
                .max()
                .copied()
                .unwrap_or(0);
            if s == 0 {
                continue 'docs;
            }
            score += s;
        }
        out.push((id, score));
    }
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out.truncate(limit);
    out
}

#[test]
fn early_stopping_top_k_equals_brute_force_on_random_corpora() {
    let mut rng = Rng(0x5eed_cafe_f00d);
    let mut later_blocks = 0;
    for round in 0..30 {
        let (n, v) = (20 + rng.below(200), 10 + rng.below(150));
        let docs = random_corpus(&mut rng, n, v);
        let opts = Options {
            first_block: 1 + rng.below(8),
            growth: 1 + rng.below(4),
            shard_bytes: 200 + rng.below(3000),
            doc_shard_size: 1 + rng.below(5) as u32,
        };
        let scored = build::postings(docs.clone());
        let topics: Vec<(String, String)> =
            (0..3).map(|i| (format!("t{i}"), format!("T{i}"))).collect();
        let idx = Index::with_topics(docs, &topics, &opts);
        let vocab: Vec<&String> = scored.by_term.keys().collect();
        for _ in 0..25 {
            let n_words = 1 + rng.below(3);
            let mut q: Vec<String> = (0..n_words)
                .map(|_| vocab[rng.zipf(vocab.len())].clone())
                .collect();
            if rng.below(3) == 0 {
                let last = q.pop().unwrap();
                let cut = 1 + rng.below(last.len());
                q.push(last.chars().take(cut).collect());
            }
            let mut q = q.join(" ");
            if rng.below(4) == 0 {
                q.push(' ');
            }
            let filters = match rng.below(4) {
                0 => Filters {
                    kinds: vec![Kind::ALL[rng.below(4)]],
                    topic: None,
                },
                1 => Filters {
                    kinds: vec![],
                    topic: Some(format!("t{}", rng.below(3))),
                },
                _ => Filters::default(),
            };
            let limit = 1 + rng.below(12);
            let (ranked, _, got) = idx.run(&q, &filters, &LocalIndex::default(), limit);
            later_blocks += got.iter().filter(|p| p.starts_with("search/b/")).count();
            let fast: Vec<(u32, u32)> = ranked
                .hits
                .iter()
                .map(|h| match h.doc {
                    DocRef::Public(id) => (id, h.score),
                    DocRef::Local(_) => unreachable!(),
                })
                .collect();
            let slow = brute_force(&scored, &idx, &Query::parse(&q), &filters, limit);
            assert_eq!(
                fast, slow,
                "round {round}, query {q:?}, {filters:?}, limit {limit}, {opts:?}"
            );
        }
    }
    assert!(later_blocks > 0, "the tests should also need later blocks");
}

#[test]
fn unlocked_units_are_searchable_locally_and_merge_with_public_hits() {
    let idx = Index::new(
        vec![
            article(
                "Budget for inference",
                "free preview of tokens",
                "2026-11-20",
            ),
            article("Tokens everywhere", "tokens tokens", "2026-11-19"),
        ],
        &small(),
    );
    let mut local = LocalIndex::default();
    assert!(idx.titles("zanzibarium").is_empty());
    local.add(
        DocRecord {
            id: 0,
            kind: Kind::Article,
            title: "Budget for inference".into(),
            place: "November 20, 2026".into(),
            url: "/x/budget-for-inference".into(),
            date: Some(Date::parse("2026-11-20").unwrap()),
            topics: vec![],
            excerpt: "the paid part".into(),
            passages: vec![],
        },
        "the secret zanzibarium tokens of the paid part",
    );
    let (ranked, results, got) = idx.run("zanzibarium", &Filters::default(), &local, 10);
    assert_eq!(ranked.hits.len(), 1);
    assert!(results[0].local);
    assert!(got.iter().all(|p| !p.contains("zanzibar")));
    // Merged with public hits, and the public preview of the same article shown once.
    let (_, results, _) = idx.run("tokens", &Filters::default(), &local, 10);
    let titles: Vec<&str> = results.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
    local.clear();
    assert!(idx
        .run("zanzibarium", &Filters::default(), &local, 10)
        .1
        .is_empty());
}

#[test]
fn damaged_files_are_errors_never_panics() {
    let docs: Vec<SourceDoc> = (0..30)
        .map(|i| {
            article(
                &format!("Doc {i} common"),
                &format!("word{i} the body"),
                "2026-11-20",
            )
        })
        .collect();
    let topics = [("t0".to_string(), "T0".to_string())];
    let idx = Index::with_topics(docs, &topics, &small());
    for (path, text) in &idx.files {
        for cut in [0, 1, text.len() / 3, text.len() / 2, text.len() - 1] {
            let truncated = &text[..cut];
            if path == &root_path() {
                assert!(Root::decode(truncated).is_err(), "{path} cut at {cut}");
            } else {
                let err = Fetched::default().add(path, truncated).unwrap_err();
                assert_eq!(err.path(), path);
                assert!(err.to_string().contains(path.as_str()), "{err}");
            }
        }
    }
    assert!(Root::decode("<html>not found</html>").is_err());
    assert!(Fetched::default().add("search/other.json", "{}").is_err());
    // Well-formed JSON that does not fit: lengths differ, ids past the end.
    let err = Fetched::default()
        .add("search/b/x-1.json", r#"{"schema":1,"d":[1,2],"s":[3]}"#)
        .unwrap_err();
    assert!(matches!(err, SearchError::Corrupt { .. }), "{err:?}");
    let err = Fetched::default()
        .add(
            "search/t/0.json",
            r#"{"schema":1,"terms":[{"t":"a","df":1,"max":[],"d":[],"s":[]}]}"#,
        )
        .unwrap_err();
    assert!(matches!(err, SearchError::Corrupt { .. }), "{err:?}");
    let err = Fetched::default()
        .add("search/d/0.json", r#"{"schema":99,"docs":[]}"#)
        .unwrap_err();
    assert!(err.to_string().contains("schema version 99"), "{err}");
    let mut fetched = Fetched::default();
    let shard = term_shard_path(idx.root.shard_of("word3").unwrap());
    fetched
        .add(
            &shard,
            &format!(
                r#"{{"schema":1,"terms":[{{"t":"word3","df":1,"max":[5],"d":[{}],"s":[5]}}]}}"#,
                idx.root.docs + 7
            ),
        )
        .unwrap();
    let err = search(
        &idx.root,
        &fetched,
        &Query::parse("word3"),
        &Filters::default(),
        &LocalIndex::default(),
        5,
    )
    .unwrap_err();
    assert!(matches!(err, SearchError::Corrupt { .. }), "{err:?}");
    let bad_root = idx.files[&root_path()].replace("\"doc_shard_size\":2", "\"doc_shard_size\":0");
    assert!(Root::decode(&bad_root).is_err());
}

/// Well-formed but wrong numbers (huge impacts, ids past the end, blocks out of order, lists of
/// the wrong length) in any file: every step returns a result or an error, never panics.
#[test]
fn mutated_files_never_panic() {
    let mut rng = Rng(0xbad_f11e);
    let docs = random_corpus(&mut rng, 80, 60);
    let topics: Vec<(String, String)> =
        (0..3).map(|i| (format!("t{i}"), format!("T{i}"))).collect();
    let idx = Index::with_topics(docs, &topics, &small());
    let paths: Vec<&String> = idx.files.keys().filter(|p| **p != root_path()).collect();
    let vocab: Vec<String> = idx
        .files
        .iter()
        .filter(|(p, _)| p.starts_with("search/t/"))
        .flat_map(|(p, t)| TermShard::decode(p, t).unwrap().terms)
        .map(|e| e.t)
        .collect();
    let replacements = ["4294967295", "0", "1", "99999", "4294967294"];
    for _ in 0..400 {
        let mut files = idx.files.clone();
        for _ in 0..1 + rng.below(3) {
            let p = paths[rng.below(paths.len())];
            let text = files[p].clone();
            let digits: Vec<usize> = text
                .char_indices()
                .filter(|(_, c)| c.is_ascii_digit())
                .map(|(i, _)| i)
                .collect();
            if digits.is_empty() {
                continue;
            }
            let at = digits[rng.below(digits.len())];
            let end = text[at..]
                .find(|c: char| !c.is_ascii_digit())
                .map_or(text.len(), |e| at + e);
            let mutated = match rng.below(3) {
                0 => format!(
                    "{}{}{}",
                    &text[..at],
                    replacements[rng.below(replacements.len())],
                    &text[end..]
                ),
                // Drop a list element (a number and its comma).
                1 if text[end..].starts_with(',') => format!("{}{}", &text[..at], &text[end + 1..]),
                _ => format!("{}{},7{}", &text[..at], &text[at..end], &text[end..]),
            };
            files.insert(p.clone(), mutated);
        }
        let mut fetched = Fetched::default();
        for (p, t) in &files {
            if *p != root_path() {
                let _ = fetched.add(p, t);
            }
        }
        let q = format!(
            "{} {}",
            vocab[rng.below(vocab.len())],
            &vocab[rng.below(vocab.len())][..1]
        );
        let query = Query::parse(&q);
        let filters = if rng.below(2) == 0 {
            Filters::default()
        } else {
            Filters {
                kinds: vec![Kind::Article],
                topic: Some("t1".into()),
            }
        };
        let mut local = LocalIndex::default();
        local.add_doc(&doc(Kind::Article, &q, "", "", Some("2026-01-01")));
        match search(&idx.root, &fetched, &query, &filters, &local, 5) {
            // Every step asks for new files only (so the app's loop ends); here they are
            // missing or failed to decode, and the app shows the error.
            Ok(Step::Need(paths)) => assert!(paths.iter().all(|p| !fetched.has(p)), "{paths:?}"),
            Ok(Step::Done(r)) => {
                let _ = present(&idx.root, &r, &fetched, &local, &query);
            }
            Err(_) => {}
        }
    }
}

#[test]
fn builds_are_reproducible() {
    let mut rng = Rng(42);
    let docs = random_corpus(&mut rng, 60, 80);
    let a = build::build(docs.clone(), &[], &small());
    let b = build::build(docs, &[], &small());
    assert_eq!(a, b);
}

/// A doc shard whose link is not a page of the site (a tampered or damaged file): the results
/// are an error naming it, never a `javascript:` or off-site link the result list would carry.
#[test]
fn links_outside_the_site_are_errors() {
    for bad in [
        "javascript:alert(1)",
        "//evil.example/x",
        "/\\evil.example/x",
        "/\t/evil.example",
        "https://evil.example/",
        "",
    ] {
        let mut d = article("Linked doc", "body words", "2026-11-20");
        d.url = bad.to_string();
        let idx = Index::new(vec![d], &small());
        let query = Query::parse("linked");
        let mut fetched = Fetched::default();
        let ranked = loop {
            let step = search(
                &idx.root,
                &fetched,
                &query,
                &Filters::default(),
                &LocalIndex::default(),
                5,
            );
            match step.unwrap() {
                Step::Need(paths) => {
                    for p in paths {
                        fetched.add(&p, &idx.files[&p]).unwrap();
                    }
                }
                Step::Done(r) => break r,
            }
        };
        assert_eq!(ranked.hits.len(), 1, "{bad:?}");
        for p in fetched.missing(&idx.root.doc_shards_for(&ranked)) {
            fetched.add(&p, &idx.files[&p]).unwrap();
        }
        let err =
            present(&idx.root, &ranked, &fetched, &LocalIndex::default(), &query).unwrap_err();
        assert!(
            matches!(err, SearchError::Corrupt { .. }),
            "{bad:?}: {err:?}"
        );
        assert_eq!(err.path(), doc_shard_path(0), "{bad:?}");
    }
    // A page of the site, with an anchor, is fine.
    let idx = Index::new(
        vec![article("Linked doc", "body words", "2026-11-20")],
        &small(),
    );
    let (_, results, _) = idx.run("linked", &Filters::default(), &LocalIndex::default(), 5);
    assert_eq!(results[0].url, "/x/linked-doc");
    assert!(present::is_site_path("/articles/a#why-it-matters"));
}

/// A damaged root (blocks that do not grow) and a term with thousands of block maxima: a step
/// asks for a bounded number of files, never thousands at once (a hung search box).
#[test]
fn a_damaged_block_layout_asks_for_few_files_per_step() {
    let docs: Vec<SourceDoc> = (0..3)
        .map(|i| article(&format!("Doc {i}"), "word", "2026-11-20"))
        .collect();
    let idx = Index::new(docs, &small());
    let mut root = idx.root.clone();
    root.blocks = BlockLayout {
        first: 1,
        growth: 1,
    };
    let shard = term_shard_path(root.shard_of("word").unwrap());
    let max: Vec<String> = (0..5000).map(|_| "5".to_string()).collect();
    let text = format!(
        r#"{{"schema":1,"terms":[{{"t":"word","df":4000000000,"max":[{}],"d":[0],"s":[5]}}]}}"#,
        max.join(",")
    );
    let mut fetched = Fetched::default();
    fetched.add(&shard, &text).unwrap();
    let step = search(
        &root,
        &fetched,
        &Query::parse("word "),
        &Filters::default(),
        &LocalIndex::default(),
        5,
    )
    .unwrap();
    match step {
        Step::Need(paths) => assert!(paths.len() <= 8, "{} files", paths.len()),
        other => panic!("{other:?}"),
    }
}
