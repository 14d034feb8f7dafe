//! The search benchmark's synthetic corpus (`press synth-search`): the real site with its
//! articles replaced by N generated ones of about 1,500 words and its weeks by generated weeks
//! holding M resources, over a Zipf vocabulary (some words are in nearly every article), plus
//! the real road map and topics. Fully deterministic (a fixed-seed xorshift), so runs compare.
//! The same corpus is also written as plain HTML pages for Pagefind.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use sb_model::article::{ArticleSummary, TocEntry};
use sb_model::paths::page as route;
use sb_model::week::{ResourceKind, WeekEntry, WeekSection, WeekSummary};
use sb_model::{Article, Date, Week, SCHEMA_VERSION};
use serde::Serialize;

use crate::content::Site;
use crate::source::error::BuildError;

/// Common English and ML words for the top of the vocabulary (the rest is generated).
const COMMON: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "a",
    "in",
    "is",
    "that",
    "for",
    "it",
    "as",
    "with",
    "on",
    "this",
    "be",
    "are",
    "by",
    "at",
    "from",
    "or",
    "an",
    "but",
    "not",
    "model",
    "data",
    "we",
    "can",
    "which",
    "more",
    "one",
    "all",
    "when",
    "you",
    "training",
    "time",
    "so",
    "has",
    "what",
    "if",
    "how",
    "learning",
    "system",
    "memory",
    "each",
    "than",
    "performance",
    "inference",
    "about",
    "other",
    "into",
    "serving",
    "latency",
    "batch",
    "they",
    "first",
    "most",
    "also",
    "gpu",
    "cost",
    "these",
    "only",
    "new",
    "two",
    "team",
    "production",
    "use",
    "where",
    "network",
    "layer",
    "evaluation",
    "metric",
    "pipeline",
    "feature",
    "cache",
    "throughput",
    "token",
    "attention",
    "transformer",
    "quantization",
    "gradient",
    "kernel",
    "bandwidth",
    "compute",
    "request",
    "server",
    "cluster",
    "deployment",
    "monitoring",
    "drift",
    "label",
    "dataset",
    "embedding",
    "vector",
    "index",
    "retrieval",
    "prompt",
    "context",
    "weight",
    "parameter",
    "optimizer",
    "schedule",
    "checkpoint",
    "shard",
    "replica",
    "queue",
    "scaling",
    "budget",
];

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ne", "po", "ru", "sa", "ti", "vo", "ze", "bra", "cel", "dor", "fen", "gul",
    "har", "jin", "kor", "lum", "mar", "nix", "pel", "quo", "ros", "sil", "tor", "urn", "val",
    "wex", "yor",
];

/// Deterministic pseudo-random numbers (xorshift64*).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A vocabulary with Zipf (s = 1) frequencies.
pub struct Vocabulary {
    pub words: Vec<String>,
    cumulative: Vec<f64>,
}

impl Vocabulary {
    pub fn new(size: usize) -> Vocabulary {
        let mut words: Vec<String> = COMMON.iter().map(|w| w.to_string()).collect();
        let mut seen: std::collections::HashSet<String> = words.iter().cloned().collect();
        let mut n = 0usize;
        while words.len() < size {
            // Two to four syllables, by a mixed counter so neighbours differ.
            let mut k = n.wrapping_mul(2_654_435_761) % 1_000_003 + n;
            let len = 2 + n % 3;
            let mut w = String::new();
            for _ in 0..len {
                w.push_str(SYLLABLES[k % SYLLABLES.len()]);
                k /= SYLLABLES.len();
            }
            n += 1;
            // Plural-looking words would stem onto others; keep the vocabulary distinct.
            if !w.ends_with('s') && seen.insert(w.clone()) {
                words.push(w);
            }
        }
        let mut total = 0.0;
        let cumulative = (1..=words.len())
            .map(|r| {
                total += 1.0 / r as f64;
                total
            })
            .collect();
        Vocabulary { words, cumulative }
    }

    /// A word drawn with Zipf frequencies, from rank `from` on.
    pub fn draw(&self, rng: &mut Rng, from: usize) -> &str {
        let lo = if from == 0 {
            0.0
        } else {
            self.cumulative[from - 1]
        };
        let hi = *self.cumulative.last().unwrap_or(&1.0);
        let x = lo + rng.unit() * (hi - lo);
        let i = self
            .cumulative
            .partition_point(|&c| c < x)
            .min(self.words.len() - 1);
        &self.words[i]
    }

    /// `min` to `min + spread - 1` words, capitalised.
    fn sentence(&self, rng: &mut Rng, min: usize, spread: usize, from: usize) -> String {
        let words = min + rng.below(spread.max(1));
        let mut s = String::new();
        for i in 0..words {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(self.draw(rng, from));
        }
        capitalise(&s)
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Sizes of the synthetic corpus.
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    pub articles: usize,
    pub words_per_article: usize,
    pub resources: usize,
    pub resources_per_week: usize,
    pub vocabulary: usize,
}

impl Default for Sizes {
    fn default() -> Self {
        Sizes {
            articles: 5000,
            words_per_article: 1500,
            resources: 20_000,
            resources_per_week: 20,
            vocabulary: 40_000,
        }
    }
}

fn day(n: usize) -> Date {
    // Newest first: n = 0 is 2026-12-28; 28 days a month keeps every date valid.
    let months = n / 28;
    Date::new(
        2026 - (months / 12) as u16,
        12 - (months % 12) as u8,
        28 - (n % 28) as u8,
    )
    .expect("days 1..=28 exist in every month")
}

/// Replaces the site's articles and weeks by generated ones; keeps its topics and road map.
/// Paid units are left out (the benchmark needs no keyring).
pub fn synthetic_site(mut site: Site, sizes: &Sizes) -> Site {
    let vocab = Vocabulary::new(sizes.vocabulary);
    let mut rng = Rng::new(0x005e_ed5e_a7c4);
    let topics: Vec<String> = site.topics.iter().map(|t| t.slug.clone()).collect();
    let per_section = 250;
    site.articles = (0..sizes.articles)
        .map(|i| {
            let title = vocab.sentence(&mut rng, 4, 5, 40);
            let summary = vocab.sentence(&mut rng, 25, 10, 0) + ".";
            let mut html = String::new();
            let mut toc = Vec::new();
            let mut written = 0;
            let mut section = 0;
            while written < sizes.words_per_article {
                if written >= (section + 1) * per_section {
                    section += 1;
                    let heading = vocab.sentence(&mut rng, 3, 1, 40);
                    let id = format!("section-{section}");
                    let _ = write!(html, "<h2 id=\"{id}\">{heading}</h2>");
                    toc.push(TocEntry {
                        id,
                        text: heading,
                        level: 2,
                    });
                }
                let n = 60 + rng.below(40);
                let _ = write!(html, "<p>{}.</p>", vocab.sentence(&mut rng, n, 1, 0));
                written += n;
            }
            let topic = topics.get(i % topics.len().max(1)).cloned();
            Article {
                schema: SCHEMA_VERSION,
                meta: ArticleSummary {
                    slug: format!("synthetic-{i}"),
                    title,
                    subtitle: None,
                    date: day(i * 2),
                    updated: None,
                    topics: topic.into_iter().collect(),
                    reading_minutes: 7,
                    summary,
                    cover: None,
                    paid: None,
                },
                body_html: html,
                paid_body: None,
                toc,
                previous: None,
                next: None,
            }
        })
        .collect();
    let weeks = sizes.resources.div_ceil(sizes.resources_per_week.max(1));
    let mut left = sizes.resources;
    site.weeks = (0..weeks)
        .map(|w| {
            let date = day(w * 7 + 3);
            let slug = date.to_string();
            let n = left.min(sizes.resources_per_week);
            left -= n;
            let entries = (0..n)
                .map(|e| WeekEntry {
                    id: format!("r{e}"),
                    title: vocab.sentence(&mut rng, 5, 6, 40),
                    url: format!("https://example.com/{slug}/{e}"),
                    source: vocab.sentence(&mut rng, 2, 1, 200),
                    kind: ResourceKind::ALL[rng.below(ResourceKind::ALL.len())],
                    summary: vocab.sentence(&mut rng, 15, 10, 0) + ".",
                    commentary_html: format!("<p>{}.</p>", vocab.sentence(&mut rng, 10, 20, 0)),
                })
                .collect();
            Week {
                schema: SCHEMA_VERSION,
                meta: WeekSummary {
                    title: format!(
                        "Week of {}: {}",
                        date.long(),
                        vocab.sentence(&mut rng, 3, 1, 40)
                    ),
                    slug,
                    date,
                    summary: "Generated week.".into(),
                    entry_count: n as u32,
                    paid_count: 0,
                },
                intro_html: "<p>Generated week.</p>".into(),
                sections: vec![WeekSection {
                    title: "Reading".into(),
                    entries,
                    paid: Vec::new(),
                }],
            }
        })
        .collect();
    site.paid = Default::default();
    site
}

/// The queries the benchmark replays, chosen from the corpus by document frequency.
#[derive(Debug, Clone, Serialize)]
pub struct BenchQueries {
    pub rare: String,
    pub medium: String,
    pub common: String,
    pub two_words: String,
    pub prefix3: String,
    /// Documents holding each word.
    pub df: std::collections::BTreeMap<String, u32>,
}

/// Picks the benchmark's words from the index's own document frequencies.
pub fn bench_queries(by_term_df: &[(String, u32)], docs: u32) -> BenchQueries {
    let nearest = |target: f64| -> &(String, u32) {
        by_term_df
            .iter()
            .filter(|(t, _)| t.len() >= 4 && t.chars().all(|c| c.is_ascii_lowercase()))
            .min_by(|a, b| {
                let da = (f64::from(a.1) - target).abs();
                let db = (f64::from(b.1) - target).abs();
                da.total_cmp(&db).then(a.0.cmp(&b.0))
            })
            .expect("a corpus has terms")
    };
    let rare = nearest(5.0).clone();
    let medium = nearest(f64::from(docs) * 0.19).clone(); // Pagefind's "word in ~4,700 pages"
    let other = nearest(f64::from(docs) * 0.08).clone();
    let common = by_term_df
        .iter()
        .filter(|(t, _)| t.len() >= 3)
        .max_by_key(|(_, df)| *df)
        .expect("a corpus has terms")
        .clone();
    let prefix3: String = medium.0.chars().take(3).collect();
    let df = [&rare, &medium, &other, &common]
        .into_iter()
        .map(|(t, d)| (t.clone(), *d))
        .collect();
    BenchQueries {
        two_words: format!("{} {}", medium.0, other.0),
        rare: rare.0,
        medium: medium.0,
        common: common.0,
        prefix3,
        df,
    }
}

fn escape_html(s: &str) -> String {
    sb_model::text::escape_html(s)
}

fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title></head><body><main data-pagefind-body>{body}</main></body></html>",
        escape_html(title)
    )
}

fn write_page(dir: &Path, rel: &str, html: &str) -> Result<(), BuildError> {
    let path = dir.join(rel).join("index.html");
    let parent = path.parent().expect("has a parent");
    fs::create_dir_all(parent).map_err(BuildError::io(parent))?;
    fs::write(&path, html).map_err(BuildError::io(&path))
}

/// The same documents as plain HTML pages for Pagefind: one page per article, per week (each
/// entry a heading with its anchor, so Pagefind can return it as a sub-result), per topic and
/// one for the road map (each resource a heading with its id). Returns the pages written.
pub fn write_html(site: &Site, dir: &Path) -> Result<usize, BuildError> {
    let mut pages = 0;
    for a in &site.articles {
        let body = format!(
            "<h1>{}</h1><p>{}</p>{}",
            escape_html(&a.meta.title),
            escape_html(&a.meta.summary),
            a.body_html
        );
        write_page(
            dir,
            route::relative(&route::article(&a.meta.slug)),
            &page(&a.meta.title, &body),
        )?;
        pages += 1;
    }
    for w in &site.weeks {
        let mut body = format!("<h1>{}</h1>", escape_html(&w.meta.title));
        for s in &w.sections {
            for e in &s.entries {
                let _ = write!(
                    body,
                    "<h2 id=\"{}\">{}</h2><p>{} — {}</p>{}",
                    e.id,
                    escape_html(&e.title),
                    escape_html(&e.source),
                    escape_html(&e.summary),
                    e.commentary_html
                );
            }
        }
        write_page(
            dir,
            route::relative(&route::week(&w.meta.slug)),
            &page(&w.meta.title, &body),
        )?;
        pages += 1;
    }
    for t in &site.topics {
        let body = format!(
            "<h1>{}</h1><p>{}</p>",
            escape_html(&t.name),
            escape_html(&t.description)
        );
        write_page(
            dir,
            route::relative(&route::topic(&t.slug)),
            &page(&t.name, &body),
        )?;
        pages += 1;
    }
    if let Some(r) = &site.roadmap {
        let mut body = format!("<h1>{}</h1>", escape_html(&r.title));
        for d in sb_model::search::docs::roadmap_docs(r) {
            let id = d.url.rsplit('/').next().unwrap_or_default();
            let _ = write!(
                body,
                "<h2 id=\"{id}\">{}</h2><p>{} {}</p>",
                escape_html(&d.title),
                escape_html(&d.summary),
                escape_html(&d.body)
            );
        }
        write_page(
            dir,
            route::relative(&route::roadmap()),
            &page(&r.title, &body),
        )?;
        pages += 1;
    }
    Ok(pages)
}

/// What `press synth-search` prints (JSON), for the benchmark.
#[derive(Debug, Serialize)]
pub struct Report {
    pub articles: usize,
    pub weekly_resources: usize,
    pub roadmap_resources: usize,
    pub docs: u32,
    pub files: usize,
    pub bytes: u64,
    /// Building the index in memory and writing its files, in milliseconds.
    pub build_ms: u128,
    pub html_pages: usize,
    pub queries: BenchQueries,
}

/// `press synth-search`: the synthetic site's search index into `out` (only `search/`), and its
/// pages as HTML into `html` when given.
pub fn run(
    content: &Path,
    out: &Path,
    html: Option<&Path>,
    sizes: &Sizes,
) -> Result<Report, BuildError> {
    let site = synthetic_site(crate::content::load(content)?, sizes);
    if out.exists() {
        let search = out.join(sb_model::search::format::DIR);
        if search.exists() {
            fs::remove_dir_all(&search).map_err(BuildError::io(&search))?;
        }
    }
    let started = std::time::Instant::now();
    let files = super::files(&site, &Default::default());
    super::write_files(out, &files)?;
    let build_ms = started.elapsed().as_millis();
    let root: sb_model::search::Root = serde_json::from_str(
        &files
            .iter()
            .find(|(p, _)| *p == sb_model::search::format::root_path())
            .expect("the index has a root")
            .1,
    )
    .expect("the root we wrote");
    let mut dfs: Vec<(String, u32)> = Vec::new();
    for (p, text) in &files {
        if p.starts_with("search/t/") {
            let shard: sb_model::search::format::TermShard =
                serde_json::from_str(text).expect("the shard we wrote");
            dfs.extend(shard.terms.into_iter().map(|e| (e.t, e.df)));
        }
    }
    let html_pages = match html {
        Some(dir) => {
            if dir.exists() {
                fs::remove_dir_all(dir).map_err(BuildError::io(dir))?;
            }
            write_html(&site, dir)?
        }
        None => 0,
    };
    Ok(Report {
        articles: site.articles.len(),
        weekly_resources: site
            .weeks
            .iter()
            .flat_map(|w| &w.sections)
            .map(|s| s.entries.len())
            .sum(),
        roadmap_resources: site.roadmap.as_ref().map_or(0, |r| r.resources.len()),
        docs: root.docs,
        files: files.len(),
        bytes: files.iter().map(|(_, t)| t.len() as u64).sum(),
        build_ms,
        html_pages,
        queries: bench_queries(&dfs, root.docs),
    })
}

/// `press synth-search`: writes the corpus's index (and HTML) and prints the report as JSON.
pub fn command(
    content: &Path,
    out: &Path,
    html: Option<&Path>,
    articles: usize,
    resources: usize,
) -> Result<(), String> {
    let sizes = Sizes {
        articles,
        resources,
        ..Sizes::default()
    };
    let report = run(content, out, html, &sizes).map_err(|e| e.to_string())?;
    println!(
        "{}",
        serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zipf_vocabulary_is_distinct_and_skewed() {
        let v = Vocabulary::new(5000);
        let mut set: Vec<&String> = v.words.iter().collect();
        set.sort();
        set.dedup();
        assert_eq!(set.len(), 5000);
        let mut rng = Rng::new(7);
        let mut the = 0;
        for _ in 0..10_000 {
            if v.draw(&mut rng, 0) == "the" {
                the += 1;
            }
        }
        assert!((800..1500).contains(&the), "{the}");
    }

    #[test]
    fn the_corpus_is_deterministic_and_sized() {
        let load = || {
            crate::content::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content"))
                .unwrap()
        };
        let sizes = Sizes {
            articles: 20,
            words_per_article: 300,
            resources: 45,
            resources_per_week: 20,
            vocabulary: 2000,
        };
        let a = synthetic_site(load(), &sizes);
        let b = synthetic_site(load(), &sizes);
        assert_eq!(a.articles.len(), 20);
        assert_eq!(
            a.weeks
                .iter()
                .map(|w| w.sections[0].entries.len())
                .sum::<usize>(),
            45
        );
        assert_eq!(a.articles[7].body_html, b.articles[7].body_html);
        let words = sb_model::text::word_count(
            &sb_model::search::docs::html_text(&a.articles[0].body_html).0,
        );
        assert!((300..450).contains(&words), "{words}");
        let mut slugs: Vec<&str> = a.weeks.iter().map(|w| w.meta.slug.as_str()).collect();
        slugs.dedup();
        assert_eq!(slugs.len(), 3);
    }
}
