//! The paywall promise as a property: whatever Markdown an article is written in, no text from
//! its paid part reaches a free output, and all of it is in the sealed unit.
//!
//! Each case writes a generated article (random mixes of headings, nested emphasis, links and
//! images, images inside image alt text, lists, code fences, HTML blocks, footnotes, link
//! reference definitions, tables and quotes) with a unique canary in every block of its paid
//! part, and a paid weekly entry with the canary, into a copy of the minimal fixture site; runs
//! the real pipeline (`press build`, then the feeds, sitemap and HTML entries); and checks that
//! no output file holds the canary, that the sealed units open with the demo key and hold it,
//! and that the reading time does not count the paid words. The seed is fixed, so every run
//! tries the same cases.

use std::fs;

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use sb_model::paywall::{article_doc, week_doc, week_entry_slot, PaidBody, ARTICLE_BODY_SLOT};
use sb_model::{Article, Week, WeekEntry};

mod common;
use common::{build, demo_keyring, edited_fixture, files_under, read_json, PAID_TIER};

/// Where a block's words go: free text in the preview, the canary in the paid part.
const WORD: &str = "@W@";

/// Inline Markdown, nested: emphasis, links, code, inline HTML and images, including images in
/// the alt text of images and images in links.
fn inline() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just(WORD.to_string()),
        Just(format!("`{WORD}`")),
        Just(format!("word {WORD}")),
    ];
    leaf.prop_recursive(4, 24, 3, |inner| {
        prop_oneof![
            inner.clone().prop_map(|x| format!("*{x}*")),
            inner.clone().prop_map(|x| format!("**{x}**")),
            inner.clone().prop_map(|x| format!("a ~~{x}~~")),
            inner
                .clone()
                .prop_map(|x| format!("[{x}](https://example.com/{WORD})")),
            inner
                .clone()
                .prop_map(|x| format!("![{x}](https://example.com/{WORD}.png)")),
            inner
                .clone()
                .prop_map(|x| format!("[![{x}](https://example.com/i.png)](https://example.com)")),
            inner.clone().prop_map(|x| format!("<span>{x}</span>")),
            (inner.clone(), inner).prop_map(|(a, b)| format!("{a} and {b}")),
        ]
    })
}

/// One Markdown block; `n` keeps footnote and reference labels unique in the document.
fn block(n: usize) -> impl Strategy<Value = String> {
    let i = inline;
    prop_oneof![
        i(),
        (1..=4usize, i()).prop_map(|(level, x)| format!("{} {x}", "#".repeat(level))),
        (i(), i(), i()).prop_map(|(a, b, c)| format!("- {a}\n- {b}\n  - {c}")),
        (i(), i()).prop_map(|(a, b)| format!("1. {a}\n2. {b}")),
        (i(), i()).prop_map(|(a, b)| format!("> {a}\n>\n> > {b}")),
        Just(format!("```rust\nlet {WORD} = 1;\n```")),
        Just(format!("```\n{WORD} <!-- paywall -->\n```")),
        Just(format!("    indented {WORD}")),
        i().prop_map(|x| format!("<div>\n{x}\n</div>")),
        i().prop_map(|x| format!("<details><summary>{WORD}</summary>\n\n{x}\n\n</details>")),
        Just(format!("<script>{WORD}</script>")),
        Just(format!("<!-- {WORD} -->")),
        i().prop_map(move |x| format!("{x}[^f{n}]\n\n[^f{n}]: {WORD} note")),
        // Labels shared by both parts: a free reference may name a paid definition.
        Just(format!("A reference to [r{}][r{}].", n % 3, n % 3)),
        Just(format!(
            "[r{}]: https://example.com/{WORD} \"{WORD}\"",
            n % 3
        )),
        (i(), i()).prop_map(|(a, b)| format!("| a | {a} |\n|---|---|\n| {b} | b |")),
    ]
}

fn blocks(from: usize) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(any::<u8>(), 0..6).prop_flat_map(move |seeds| {
        seeds
            .iter()
            .enumerate()
            .map(|(k, _)| block(from + k))
            .collect::<Vec<_>>()
    })
}

/// One generated article: its free blocks and paid blocks, or only paid blocks.
#[derive(Debug, Clone)]
struct Case {
    free: Option<Vec<String>>,
    paid: Vec<String>,
    marker: &'static str,
    canary: String,
}

fn case() -> impl Strategy<Value = Case> {
    (
        prop::option::weighted(0.8, blocks(0)),
        blocks(100),
        prop_oneof![
            Just("<!-- paywall -->"),
            Just("<!--paywall-->"),
            Just("<!-- PAYWALL -->")
        ],
        "[A-Z]{10}",
    )
        .prop_map(|(free, paid, marker, tail)| Case {
            free,
            paid,
            marker,
            canary: format!("CANARY{tail}"),
        })
}

/// The article file: front matter, then the free part, the marker and the paid part (or the
/// paid part alone, with a summary, for a paid-only article). The paid part ends with a
/// paragraph of 2,400 canary words, so the sealed HTML surely holds the canary and a reading
/// time that counted paid words would be at least eleven minutes.
fn article_text(case: &Case) -> String {
    let fill = |blocks: &[String], word: &str| {
        blocks
            .iter()
            .map(|b| b.replace(WORD, word))
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    let mut paid = fill(&case.paid, &case.canary);
    paid.push_str(&format!("\n\n{}\n", [case.canary.as_str(); 2400].join(" ")));
    let front = "+++\ntitle = \"Generated\"\ndate = 2026-11-20\ntier = \"paid\"\n";
    match &case.free {
        Some(free) => format!(
            "{front}+++\n\nThe free preview starts here.\n\n{}\n\n{}\n\n{paid}",
            fill(free, "free"),
            case.marker
        ),
        None => format!("{front}summary = \"A free summary.\"\n+++\n\n{paid}"),
    }
}

/// A paid weekly entry for the minimal fixture's week, with the canary in every field.
fn paid_entry(case: &Case) -> String {
    let c = &case.canary;
    format!(
        "summary = \"About attention.\"\n\n[[sections.entries]]\ntitle = \"{c} title\"\n\
         url = \"https://example.com/{c}\"\nsource = \"{c} source\"\nkind = \"paper\"\n\
         summary = \"{c} summary\"\ncommentary = '''{}'''\ntier = \"paid\"\n",
        case.paid.first().map_or(c.clone(), |b| b.replace(WORD, c))
    )
}

fn open(doc: &str, slot: &str, sealed: &sb_model::paywall::Sealed) -> Vec<u8> {
    let ring = demo_keyring();
    let key = ring.find(&sealed.tier, &sealed.kid).expect("a demo key");
    sb_press::paid::seal::open(&key.key, doc, slot, sealed).expect("the unit opens")
}

/// Builds the site for one case and checks the promise; `Err` says what broke.
fn check(case: &Case) -> Result<(), TestCaseError> {
    let (dir, content) = edited_fixture(&[
        PAID_TIER,
        (
            "weeks/2026-11-20.md",
            "summary = \"About attention.\"\n",
            &paid_entry(case),
        ),
    ]);
    let text = article_text(case);
    fs::write(content.join("articles/generated.md"), &text).unwrap();
    let data = dir.path().join("data");
    if let Err(e) = build(&content, &data) {
        return Err(TestCaseError::fail(format!("{e}\n--- article:\n{text}")));
    }
    let site = sb_press::content::load(&content).unwrap();
    fs::write(
        dir.path().join("index.html"),
        "<!DOCTYPE html><html><head><title>T</title>\n\
         <meta name=\"description\" content=\"D\">\n</head><body></body></html>",
    )
    .unwrap();
    sb_press::publish::static_pages::write_all(&site, dir.path()).unwrap();

    let canary = case.canary.to_lowercase();
    let files = files_under(dir.path());
    prop_assert!(files.len() > 10, "the pipeline wrote too little: {files:?}");
    for file in files.iter().filter(|f| !f.starts_with(&content)) {
        let published = String::from_utf8_lossy(&fs::read(file).unwrap()).to_lowercase();
        prop_assert!(
            !published.contains(&canary),
            "{} holds paid text\n--- article:\n{text}",
            file.display()
        );
    }

    let article: Article = serde_json::from_value(read_json(&data.join("articles/generated.json")))
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    let sealed = article
        .paid_body
        .as_ref()
        .ok_or_else(|| TestCaseError::fail(format!("nothing was sealed\n--- article:\n{text}")))?;
    let body: PaidBody =
        serde_json::from_slice(&open(&article_doc("generated"), ARTICLE_BODY_SLOT, sealed))
            .unwrap();
    prop_assert!(body.html.contains(&case.canary), "{}", body.html);
    prop_assert!(
        article.meta.reading_minutes < 10,
        "the reading time counts paid words: {}",
        article.meta.reading_minutes
    );
    prop_assert_eq!(
        article.meta.paid.as_ref().map(|p| p.preview),
        Some(case.free.is_some())
    );

    let week: Week = serde_json::from_value(read_json(&data.join("weeks/2026-11-20.json")))
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    let unit = &week.sections[0].paid[0];
    let entry: WeekEntry =
        serde_json::from_slice(&open(&week_doc("2026-11-20"), &week_entry_slot(0, 0), unit))
            .unwrap();
    prop_assert!(entry.title.contains(&case.canary), "{entry:?}");
    Ok(())
}

#[test]
fn no_generated_paid_text_reaches_a_free_output_and_all_of_it_is_sealed() {
    let config = Config {
        cases: 48,
        max_shrink_iters: 64,
        failure_persistence: None,
        ..Config::default()
    };
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &[10; 32]);
    let mut runner = TestRunner::new_with_rng(config, rng);
    if let Err(e) = runner.run(&case(), |case| check(&case)) {
        panic!("{e}");
    }
}

/// Whether the Markdown has an image inside the alt text of another image.
fn has_nested_image(md: &str) -> bool {
    let mut open: Vec<bool> = Vec::new(); // per open `[`: whether it starts an image
    let bytes = md.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        match b {
            b'[' => {
                let image = i > 0 && bytes[i - 1] == b'!';
                if image && open.contains(&true) {
                    return true;
                }
                open.push(image);
            }
            b']' => {
                open.pop();
            }
            _ => {}
        }
    }
    false
}

#[test]
fn the_generator_makes_what_it_must_cover() {
    // A cheap guard that the strategy still makes the shapes the property is about.
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::from_seed(RngAlgorithm::ChaCha, &[10; 32]),
    );
    let mut seen = [0usize; 4];
    for _ in 0..32 {
        let c = case().new_tree(&mut runner).unwrap().current();
        let all: String = c.free.iter().flatten().chain(&c.paid).cloned().collect();
        for (n, hit) in [
            has_nested_image(&all),
            c.free.is_none(),
            all.contains("[^f"),
            all.contains("<div>"),
        ]
        .into_iter()
        .enumerate()
        {
            seen[n] += usize::from(hit);
        }
    }
    assert!(
        seen.iter().all(|&n| n > 0),
        "nested images, paid-only, footnotes, HTML: {seen:?}"
    );
}
