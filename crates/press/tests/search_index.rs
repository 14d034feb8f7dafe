//! The search index press writes (`data/search/`, issue 12): paid text never enters it, it is
//! searched end to end from the built files the way the app does, its links lead to real
//! anchors, and damaged files are errors.

use std::fs;
use std::path::{Path, PathBuf};

use sb_model::search::format::{root_path, Kind};
use sb_model::search::{
    present, search, Fetched, Filters, LocalIndex, Query, Root, SearchResult, Step,
};

mod common;
use common::{build, copy_dir, files_under, read_json, replace_in, sample_content};

/// A word planted only in paid units (paid part of a preview article, a paid-only article, a
/// paid weekly entry's title and commentary), in several spellings.
const CANARY: &str = "zorblax";
/// A word planted in the free preview of a paid article.
const FREE_WORD: &str = "Quillfeathers";

fn planted_sample() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_dir(&sample_content(), &content);
    let playbook = "articles/the-production-ml-incident-playbook.md";
    replace_in(
        &content,
        playbook,
        "Subscriber edition, ref. PAID-REF-PLAYBOOK-TRIAGE.",
        "Subscriber edition, ref. PAID-REF-PLAYBOOK-TRIAGE. Zorblaxicons everywhere.",
    );
    replace_in(
        &content,
        playbook,
        "## Declare it early",
        "## Declare Zorblaxicon early",
    );
    replace_in(
        &content,
        playbook,
        "This playbook is the checklist",
        &format!("This {FREE_WORD} playbook is the checklist"),
    );
    replace_in(
        &content,
        "articles/a-worked-budget-for-llm-inference.md",
        "Ref. PAID-REF-BUDGET-LEVERS.",
        "Ref. PAID-REF-BUDGET-LEVERS. ZORBLAXICON levers.",
    );
    let week = "weeks/2026-11-20.md";
    replace_in(
        &content,
        week,
        "title = \"Orca: A Distributed",
        "title = \"Orca Zorblaxicón: A Distributed",
    );
    replace_in(
        &content,
        week,
        "Subscriber edition, ref. PAID-REF-W20-ORCA.",
        "Subscriber edition, ref. PAID-REF-W20-ORCA. Zorblaxicons.",
    );
    let data = dir.path().join("data");
    build(&content, &data).unwrap();
    (dir, data)
}

/// Runs a query the way the app does: root, then each step's files, then the doc shards.
fn run(data: &Path, q: &str, filters: &Filters, local: &LocalIndex) -> Vec<SearchResult> {
    let read = |p: &str| fs::read_to_string(data.join(p)).unwrap_or_else(|e| panic!("{p}: {e}"));
    let root = Root::decode(&read(&root_path())).unwrap();
    let query = Query::parse(q);
    let mut fetched = Fetched::default();
    let ranked = loop {
        match search(&root, &fetched, &query, filters, local, 10).unwrap() {
            Step::Need(paths) => {
                for p in paths {
                    fetched.add(&p, &read(&p)).unwrap();
                }
            }
            Step::Done(r) => break r,
        }
    };
    for p in fetched.missing(&root.doc_shards_for(&ranked)) {
        fetched.add(&p, &read(&p)).unwrap();
    }
    present(&root, &ranked, &fetched, local, &query).unwrap()
}

fn titles(results: &[SearchResult]) -> Vec<&str> {
    results.iter().map(|r| r.title.as_str()).collect()
}

#[test]
fn paid_text_never_enters_the_index_not_even_as_a_term() {
    let (_dir, data) = planted_sample();
    let search_dir = data.join("search");
    let files = files_under(&search_dir);
    assert!(files.len() > 20, "{}", files.len());
    let mut free_word_seen = false;
    for file in &files {
        let name = file
            .strip_prefix(&data)
            .unwrap()
            .to_string_lossy()
            .to_lowercase();
        assert!(!name.contains(CANARY), "{name}");
        let text = String::from_utf8_lossy(&fs::read(file).unwrap()).to_lowercase();
        // The word as written, folded and stemmed (`zorblaxicon`), and any prefix of it.
        assert!(!text.contains(CANARY), "{name} holds the paid canary");
        assert!(!text.contains("paid-ref-"), "{name} holds a paid reference");
        free_word_seen |= text.contains("quillfeather");
    }
    assert!(free_word_seen, "the free preview's words are indexed");

    // Searching for it finds nothing; the free word finds the paid article's preview.
    for q in ["zorblaxicon", "zorblax", "Zorblaxicons", "orca zorbl"] {
        assert!(
            run(&data, q, &Filters::default(), &LocalIndex::default()).is_empty(),
            "{q}"
        );
    }
    let found = run(
        &data,
        FREE_WORD,
        &Filters::default(),
        &LocalIndex::default(),
    );
    assert_eq!(titles(&found), ["The Production ML Incident Playbook"]);
    // A paid-only article is found by its free title and summary.
    let found = run(
        &data,
        "worked budget",
        &Filters::default(),
        &LocalIndex::default(),
    );
    assert_eq!(found[0].title, "A Worked Budget for LLM Inference");
}

#[test]
fn an_unlocked_unit_is_found_locally_only() {
    let (_dir, data) = planted_sample();
    let site = sb_press::content::load(&{
        // The same content as the planted sample: its paid text, as a reader's browser opens it.
        let dir = data.parent().unwrap().join("content");
        assert!(dir.is_dir());
        dir
    })
    .unwrap();
    let playbook = site
        .articles
        .iter()
        .find(|a| a.meta.slug == "the-production-ml-incident-playbook")
        .unwrap();
    let paid = &site.paid.articles[&playbook.meta.slug].content;
    let mut local = LocalIndex::default();
    local.add_doc(&sb_model::search::docs::article_doc(
        &playbook.meta,
        &paid.html,
    ));
    let found = run(&data, "zorblaxicon", &Filters::default(), &local);
    assert_eq!(titles(&found), ["The Production ML Incident Playbook"]);
    assert!(found[0].local);
    assert_eq!(
        found[0].url,
        "/articles/the-production-ml-incident-playbook#declare-zorblaxicon-early"
    );
    local.clear();
    assert!(run(&data, "zorblaxicon", &Filters::default(), &local).is_empty());
}

#[test]
fn every_kind_is_found_with_a_link_to_where_it_lives() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    build(&sample_content(), &data).unwrap();
    let all = Filters::default();
    let none = LocalIndex::default();

    // Articles: title matches first, links to the article (or a heading of it).
    let found = run(&data, "memory bandwidth", &all, &none);
    assert_eq!(found[0].kind, Kind::Article);
    assert_eq!(
        found[0].title,
        "Why Memory Bandwidth Matters More Than FLOPs"
    );
    for r in found.iter().filter(|r| r.kind == Kind::Article) {
        let (page, anchor) = r.url.split_once('#').unwrap_or((&r.url, ""));
        let slug = page.strip_prefix("/articles/").unwrap();
        let article = read_json(&data.join(format!("articles/{slug}.json")));
        if !anchor.is_empty() {
            let toc = article["toc"].as_array().unwrap();
            assert!(toc.iter().any(|t| t["id"] == anchor), "{}", r.url);
        }
        assert_eq!(
            r.place,
            sb_model::Date::parse(article["meta"]["date"].as_str().unwrap())
                .unwrap()
                .long()
        );
    }

    // Weekly entries: the entry's anchor in its week.
    let found = run(&data, "pagedattention", &all, &none);
    let entry = found
        .iter()
        .find(|r| r.kind == Kind::Week)
        .expect("a weekly entry");
    let (page, id) = entry.url.split_once('#').unwrap();
    let slug = page.strip_prefix("/weekly/").unwrap();
    let week = read_json(&data.join(format!("weeks/{slug}.json")));
    let ids: Vec<&str> = week["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["entries"].as_array().unwrap())
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&id), "{id} not in {ids:?}");
    assert_eq!(entry.place, week["meta"]["title"]);

    // Road-map resources: the explorer's permalink /roadmap/<section>/<resource>.
    let roadmap = read_json(&data.join("roadmap.json"));
    let first = &roadmap["resources"][0];
    let title = first["title"].as_str().unwrap();
    let found = run(
        &data,
        title,
        &Filters {
            kinds: vec![Kind::Roadmap],
            topic: None,
        },
        &none,
    );
    let r = found
        .iter()
        .find(|r| r.title == title)
        .expect("the resource");
    let path: Vec<&str> = r.url.trim_start_matches('/').split('/').collect();
    assert_eq!(path[0], "roadmap");
    assert!(
        roadmap["sections"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["id"] == path[1]),
        "{}",
        r.url
    );
    assert_eq!(path[2], first["id"]);
    assert!(!r.place.is_empty());

    // Topics, and the topic filter.
    let found = run(
        &data,
        "mlops",
        &Filters {
            kinds: vec![Kind::Topic],
            topic: None,
        },
        &none,
    );
    assert_eq!(found[0].url, "/topics/mlops");
    let filtered = run(
        &data,
        "model",
        &Filters {
            kinds: vec![],
            topic: Some("hardware".into()),
        },
        &none,
    );
    assert!(!filtered.is_empty());
    assert!(filtered
        .iter()
        .all(|r| r.topics.contains(&"hardware".to_string())));
}

#[test]
fn the_root_is_small_and_every_built_file_is_checked_when_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let report = build(&sample_content(), &data).unwrap();
    assert_eq!(report.search_files, files_under(&data.join("search")).len());
    let root = fs::read_to_string(data.join(root_path())).unwrap();
    assert!(root.len() < 4096, "root is {} bytes", root.len());
    assert!(root.starts_with("{\"schema\":1"));
    for file in files_under(&data.join("search")) {
        let rel = file
            .strip_prefix(&data)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let text = fs::read_to_string(&file).unwrap();
        assert!(text.starts_with("{\"schema\":"), "{rel}");
        for cut in [0, text.len() / 2, text.len() - 1] {
            let damaged = &text[..cut];
            let failed = if rel == root_path() {
                Root::decode(damaged).is_err()
            } else {
                Fetched::default().add(&rel, damaged).is_err()
            };
            assert!(failed, "{rel} cut at {cut}");
        }
    }
}

#[test]
fn documents_are_the_published_ones() {
    let site = sb_press::content::load(&sample_content()).unwrap();
    let docs = sb_press::publish::search_index::documents(&site);
    let free_entries: usize = site
        .weeks
        .iter()
        .flat_map(|w| &w.sections)
        .map(|s| s.entries.len())
        .sum();
    let resources = site.roadmap.as_ref().map_or(0, |r| r.resources.len());
    assert_eq!(
        docs.len(),
        site.articles.len() + free_entries + site.topics.len() + resources
    );
}

/// Every other way paid words could travel: a footnote cited in the preview but written after
/// the marker, the alt text and title of a paid image, a paid heading (its words and its anchor,
/// which would name a file or a link), a paid-only article's headings, a paid weekly entry's
/// source, summary and link. None of them reaches any file of the index, by content or name.
#[test]
fn paid_footnotes_images_headings_and_entry_fields_never_enter_the_index() {
    const PAID: &str = "quorvex";
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_dir(&sample_content(), &content);
    let playbook = "articles/the-production-ml-incident-playbook.md";
    replace_in(
        &content,
        playbook,
        "This playbook is the checklist",
        "This playbook[^qv] is the checklist",
    );
    replace_in(
        &content,
        playbook,
        "## Declare it early",
        "## Quorvexhead declared\n\n![Quorvexalt diagram](https://example.com/quorvexfig.png \"Quorvextitle\")\n\n## Declare it early",
    );
    replace_in(
        &content,
        playbook,
        "## Write the review for the next on-call",
        "[^qv]: Quorvexnote, the footnote of the preview.\n\n## Write the review for the next on-call",
    );
    replace_in(
        &content,
        "articles/a-worked-budget-for-llm-inference.md",
        "## Headroom for peaks",
        "## Quorvexroom for peaks",
    );
    let week = "weeks/2026-11-20.md";
    replace_in(
        &content,
        week,
        "source = \"Yu et al., OSDI 2022\"",
        "source = \"Quorvexsource et al.\"",
    );
    replace_in(
        &content,
        week,
        "The paper that introduced iteration-level scheduling",
        "The Quorvexsum paper that introduced iteration-level scheduling",
    );
    replace_in(
        &content,
        week,
        "https://www.usenix.org/conference/osdi22/presentation/yu",
        "https://quorvex.example/osdi22",
    );
    let data = dir.path().join("data");
    build(&content, &data).unwrap();
    // The paid part was built (and sealed): the words are in the source, just not in the index.
    let files = files_under(&data.join("search"));
    assert!(files.len() > 20, "{}", files.len());
    for file in &files {
        let name = file
            .strip_prefix(&data)
            .unwrap()
            .to_string_lossy()
            .to_lowercase();
        assert!(!name.contains(PAID), "{name}");
        let text = String::from_utf8_lossy(&fs::read(file).unwrap()).to_lowercase();
        assert!(!text.contains(PAID), "{name} holds paid words");
    }
    for q in [
        "quorvex",
        "quorvexhead",
        "quorvexnote",
        "quorvexsource",
        "quorv",
    ] {
        assert!(
            run(&data, q, &Filters::default(), &LocalIndex::default()).is_empty(),
            "{q}"
        );
    }
}
