//! Paid content: what `press` publishes for free readers holds no paid text, every sealed unit
//! opens with the right key in its own slot only, and mistakes in marking content paid are
//! reported with file, line and field.

use std::fs;
use std::path::{Path, PathBuf};

use sb_model::paywall::{
    article_doc, week_doc, week_entry_slot, PaidBody, Sealed, ARTICLE_BODY_SLOT,
};
use sb_model::{Article, Week, WeekEntry};
use sb_press::paid::seal::{open, OpenError};
use sb_press::BuildError;

mod common;
use common::{
    build, build_error, demo_keyring, edited_fixture, files_under, read_json, sample_content, Edit,
    PAID_TIER,
};

/// The canary strings planted in the sample's paid content (`PAID-REF-…`).
fn canaries(content: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for dir in ["articles", "weeks"] {
        for entry in fs::read_dir(content.join(dir)).unwrap() {
            let text = fs::read_to_string(entry.unwrap().path()).unwrap();
            for (at, _) in text.match_indices("PAID-REF-") {
                let canary: String = text[at..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                found.push(canary.trim_end_matches('-').to_string());
            }
        }
    }
    found
}

fn sealed_sample() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    build(&sample_content(), &data).unwrap();
    (dir, data)
}

/// The paid body of the article `slug`, opened with the demo key (it must be sealed).
fn open_article_body(slug: &str, a: &Article) -> PaidBody {
    let plain = open_with_demo(
        &article_doc(slug),
        ARTICLE_BODY_SLOT,
        a.paid_body.as_ref().expect("the paid part is sealed"),
    )
    .unwrap();
    serde_json::from_slice(&plain).unwrap()
}

fn open_with_demo(doc: &str, slot: &str, sealed: &Sealed) -> Result<Vec<u8>, OpenError> {
    let ring = demo_keyring();
    let key = ring
        .find(&sealed.tier, &sealed.kid)
        .expect("the demo keyring has the key");
    open(&key.key, doc, slot, sealed)
}

#[test]
fn no_canary_in_the_published_data_or_pages_but_every_one_is_sealed() {
    let content = sample_content();
    let planted = canaries(&content);
    assert!(planted.len() >= 8, "{planted:?}");
    let (dir, data) = sealed_sample();
    let site = sb_press::content::load(&content).unwrap();
    fs::write(
        dir.path().join("index.html"),
        "<!DOCTYPE html><html><head><title>T</title>\n<meta name=\"description\" content=\"D\">\n</head><body></body></html>",
    )
    .unwrap();
    sb_press::publish::static_pages::write_all(&site, dir.path()).unwrap();

    for file in files_under(dir.path()) {
        let text = String::from_utf8_lossy(&fs::read(&file).unwrap()).to_lowercase();
        for canary in &planted {
            assert!(
                !text.contains(&canary.to_lowercase()),
                "{} contains {canary}",
                file.display()
            );
        }
    }

    // And the canaries are really in the sealed units: opening them all finds every one.
    let mut opened = String::new();
    for file in files_under(&data.join("articles")) {
        let json = read_json(&file);
        if json.get("body_html").is_none() {
            continue; // an index page
        }
        let a: Article = serde_json::from_value(json).unwrap();
        if let Some(sealed) = &a.paid_body {
            let plain = open_with_demo(&article_doc(&a.meta.slug), ARTICLE_BODY_SLOT, sealed);
            let body: PaidBody = serde_json::from_slice(&plain.unwrap()).unwrap();
            opened.push_str(&body.html);
        }
    }
    for file in files_under(&data.join("weeks")) {
        let json = read_json(&file);
        if json.get("sections").is_none() {
            continue;
        }
        let w: Week = serde_json::from_value(json).unwrap();
        for (i, section) in w.sections.iter().enumerate() {
            for (j, sealed) in section.paid.iter().enumerate() {
                let plain = open_with_demo(&week_doc(&w.meta.slug), &week_entry_slot(i, j), sealed);
                let entry: WeekEntry = serde_json::from_slice(&plain.unwrap()).unwrap();
                opened.push_str(&entry.commentary_html);
            }
        }
    }
    for canary in &planted {
        assert!(opened.contains(canary), "{canary} was not sealed anywhere");
    }
}

#[test]
fn free_documents_count_what_is_locked_and_keep_paid_headings_out() {
    let (_dir, data) = sealed_sample();
    let week = read_json(&data.join("weeks/2026-11-20.json"));
    assert_eq!(week["meta"]["paid_count"], 4);
    let sealed_in_sections: usize = week["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["paid"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(sealed_in_sections, 4);

    let playbook = read_json(&data.join("articles/the-production-ml-incident-playbook.json"));
    assert_eq!(playbook["meta"]["paid"]["preview"], true);
    assert!(playbook["body_html"]
        .as_str()
        .unwrap()
        .contains("Most production ML incidents"));
    assert!(
        playbook["toc"].as_array().unwrap().is_empty(),
        "paid headings stay sealed"
    );
    let budget = read_json(&data.join("articles/a-worked-budget-for-llm-inference.json"));
    assert_eq!(budget["meta"]["paid"]["preview"], false);
    assert_eq!(budget["body_html"], "");
}

#[test]
fn each_unit_is_sealed_with_the_key_for_its_date() {
    let (_dir, data) = sealed_sample();
    let kid = |rel: &str, pointer: &str| {
        read_json(&data.join(rel))
            .pointer(pointer)
            .unwrap()
            .as_str()
            .unwrap()
            .to_string()
    };
    // The demo keyring rotated on 2026-11-15.
    assert_eq!(
        kid(
            "articles/the-production-ml-incident-playbook.json",
            "/paid_body/kid"
        ),
        "k2026-01"
    );
    assert_eq!(
        kid("weeks/2026-11-13.json", "/sections/0/paid/0/kid"),
        "k2026-01"
    );
    assert_eq!(
        kid("weeks/2026-11-20.json", "/sections/0/paid/0/kid"),
        "k2026-11"
    );
}

#[test]
fn a_unit_moved_to_another_week_or_slot_does_not_open() {
    let (_dir, data) = sealed_sample();
    let w: Week = serde_json::from_value(read_json(&data.join("weeks/2026-11-20.json"))).unwrap();
    let unit = &w.sections[0].paid[1];
    let doc = week_doc("2026-11-20");
    assert!(open_with_demo(&doc, &week_entry_slot(0, 1), unit).is_ok());
    assert_eq!(
        open_with_demo(&doc, &week_entry_slot(0, 0), unit),
        Err(OpenError::Rejected)
    );
    assert_eq!(
        open_with_demo(&week_doc("2026-11-13"), &week_entry_slot(0, 1), unit),
        Err(OpenError::Rejected)
    );
}

#[test]
fn paid_content_without_a_keyring_is_refused_with_a_way_forward() {
    let dir = tempfile::tempdir().unwrap();
    let err = sb_press::build(&sample_content(), &dir.path().join("data"), None).unwrap_err();
    let text = err.to_string();
    assert!(matches!(err, BuildError::Keyring(_)), "{text}");
    assert!(
        text.contains("paid unit(s)") && text.contains("--keyring") && text.contains("SB_KEYRING"),
        "{text}"
    );
    assert!(
        !dir.path().join("data").exists(),
        "nothing is written unsealed"
    );
}

#[test]
fn a_tier_without_keys_is_refused() {
    let (dir, content) = edited_fixture(&[
        (
            "site.toml",
            "sign_off = \"Bye\"",
            "sign_off = \"Bye\"\n[[tiers]]\nid = \"founding\"\nname = \"founding members\"",
        ),
        (
            "articles/newer-article.md",
            "topics = [\"model-serving\"]",
            "topics = [\"model-serving\"]\ntier = \"founding\"\nsummary = \"S.\"",
        ),
    ]);
    let err = build(&content, &dir.path().join("out")).unwrap_err();
    assert!(
        err.to_string()
            .contains("no key for tier `founding`: run `press keyring add --tier founding`"),
        "{err}"
    );
}

#[test]
fn marking_mistakes_name_file_line_and_field() {
    let article = "articles/newer-article.md";
    let paid_article: Edit = (
        article,
        "date = 2026-11-20",
        "date = 2026-11-20\ntier = \"paid\"",
    );
    let cases: [(&[Edit], &str); 8] = [
        (
            &[(article, "## A heading", "<!-- paywall -->\n\n## A heading")],
            "newer-article.md:9: field `tier`: the body has a paywall marker",
        ),
        (
            &[(
                article,
                "date = 2026-11-20",
                "date = 2026-11-20\ntier = \"paid\"",
            )],
            "newer-article.md:4: field `tier`: unknown tier `paid`: declare it in site.toml",
        ),
        (
            &[
                PAID_TIER,
                (
                    article,
                    "date = 2026-11-20",
                    "date = 2026-11-20\ntier = \"paid\"",
                ),
            ],
            "newer-article.md:4: field `summary`: a paid-only article needs a `summary`",
        ),
        (
            &[
                PAID_TIER,
                (
                    article,
                    "date = 2026-11-20",
                    "date = 2026-11-20\ntier = \"paid\"",
                ),
                (article, "The newer", "<!-- paywall -->\nThe newer"),
            ],
            "newer-article.md:8: field `body`: nothing comes before the paywall marker",
        ),
        (
            &[
                PAID_TIER,
                (
                    "weeks/2026-11-20.md",
                    "kind = \"paper\"",
                    "kind = \"paper\"\ntier = \"gold\"",
                ),
            ],
            "2026-11-20.md:13: field `tier`: unknown tier `gold`: site.toml declares `paid`",
        ),
        (
            &[(
                "weeks/2026-11-20.md",
                "Intro of the week.",
                "Intro of the week.\n\n<!-- paywall -->\n\nPaid intro.",
            )],
            "2026-11-20.md:18: field `body`: `<!-- paywall -->` does not work in a week's intro",
        ),
        (
            &[
                PAID_TIER,
                paid_article,
                (
                    article,
                    "## A heading",
                    "- item\n\n  <!-- paywall -->\n\n## A heading",
                ),
            ],
            "newer-article.md:12: field `body`: `<!-- paywall -->` must be a line of its own",
        ),
        (
            &[
                PAID_TIER,
                paid_article,
                (
                    article,
                    "[link](https://example.com).",
                    "[link](https://example.com).\n\n<!-- paywall -->",
                ),
            ],
            "newer-article.md:16: field `body`: nothing comes after the paywall marker",
        ),
    ];
    for (edits, want) in cases {
        let err = build_error(edits);
        assert!(err.contains(want), "want {want:?}\n got {err}");
    }
}

/// Marks the fixture's newer article paid (its marker comes from each test).
const NEWER_ARTICLE_PAID: Edit = (
    "articles/newer-article.md",
    "topics = [\"model-serving\"]",
    "topics = [\"model-serving\"]\ntier = \"paid\"",
);

#[test]
fn a_paywalled_fixture_article_keeps_its_preview_and_seals_the_rest() {
    let article = "articles/newer-article.md";
    let (dir, content) = edited_fixture(&[
        PAID_TIER,
        NEWER_ARTICLE_PAID,
        (article, "## A heading", "<!-- paywall -->\n\n## A heading"),
    ]);
    let out = dir.path().join("out");
    build(&content, &out).unwrap();
    let a: Article =
        serde_json::from_value(read_json(&out.join("articles/newer-article.json"))).unwrap();
    assert!(a.body_html.contains("first paragraph"));
    assert!(!a.body_html.contains("A heading"));
    let body = open_article_body("newer-article", &a);
    assert!(body.html.contains("<h2 id=\"a-heading\""), "{}", body.html);
    assert!(!body.html.contains("<script"), "paid HTML is sanitized too");
    assert_eq!(body.toc[0].text, "A heading");
}

#[test]
fn a_nested_image_before_the_marker_still_seals_the_rest() {
    let article = "articles/newer-article.md";
    let (dir, content) = edited_fixture(&[
        PAID_TIER,
        NEWER_ARTICLE_PAID,
        (
            article,
            "The newer",
            "![a ![b](https://example.com/b.png)](https://example.com/a.png) The newer",
        ),
        (
            article,
            "## A heading",
            "<!-- paywall -->\n\n## PAID-NESTED heading",
        ),
        (article, "More text", "PAID-NESTED text"),
    ]);
    let out = dir.path().join("out");
    build(&content, &out).unwrap();
    let json = fs::read_to_string(out.join("articles/newer-article.json")).unwrap();
    assert!(!json.contains("PAID-NESTED"), "{json}");
    let a: Article = serde_json::from_str(&json).unwrap();
    assert!(
        a.toc.is_empty() && a.body_html.contains("alt=\"a b\""),
        "{json}"
    );
    let body = open_article_body("newer-article", &a);
    assert!(body.html.contains("PAID-NESTED text"), "{}", body.html);
    assert_eq!(body.toc[0].text, "PAID-NESTED heading");
}

/// The marker as editors really write it: a file saved with CRLF line endings, the marker
/// indented, or the comment over several lines. Each still seals what follows it.
#[test]
fn the_marker_in_crlf_indented_or_multi_line_form_still_seals_the_rest() {
    let article = "articles/newer-article.md";
    for (name, marker, crlf) in [
        ("crlf", "<!-- paywall -->", true),
        ("indented", "   <!-- paywall -->", false),
        ("multi-line", "<!--\npaywall\n-->", false),
        ("multi-line crlf", "<!--\n  PayWall\n-->", true),
    ] {
        let (dir, content) = edited_fixture(&[
            PAID_TIER,
            NEWER_ARTICLE_PAID,
            (
                article,
                "## A heading",
                &format!("{marker}\n\n## PAID-FORM heading"),
            ),
            (article, "More text", "PAID-FORM text"),
        ]);
        if crlf {
            let path = content.join(article);
            let text = fs::read_to_string(&path).unwrap();
            fs::write(&path, text.replace('\n', "\r\n")).unwrap();
        }
        let out = dir.path().join("out");
        build(&content, &out).unwrap_or_else(|e| panic!("{name}: {e}"));
        let json = fs::read_to_string(out.join("articles/newer-article.json")).unwrap();
        assert!(!json.contains("PAID-FORM"), "{name}: {json}");
        let a: Article = serde_json::from_str(&json).unwrap();
        let body = open_article_body("newer-article", &a);
        assert!(
            body.html.contains("PAID-FORM text"),
            "{name}: {}",
            body.html
        );
    }
}

/// A marker over several lines in an article without a tier, or in a week's intro, is a marker
/// all the same: refused with its line, never published in clear with the comment stripped.
#[test]
fn a_multi_line_marker_where_no_paywall_can_be_is_an_error_not_free_text() {
    let error = build_error(&[(
        "articles/newer-article.md",
        "## A heading",
        "<!--\npaywall\n-->\n\n## A heading",
    )]);
    assert!(error.contains("newer-article.md"), "{error}");
    assert!(error.contains("tier"), "{error}");
}
