//! Builds fixture content folders in a temp directory and checks what `press` writes, and that
//! invalid content fails naming file, line and field.

use std::fs;

mod common;
use common::{build, build_error, edited_fixture, fixture, read_json, sample_content};

#[test]
fn minimal_site_writes_every_document() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("data");
    let report = build(&fixture("minimal"), &out).unwrap();
    assert_eq!((report.articles, report.weeks, report.files), (2, 1, 9));

    let site = read_json(&out.join("site.json"));
    assert_eq!(site["schema"], 1);
    assert_eq!(site["base_url"], "https://example.com/news/");
    assert_eq!(
        site["author"]["bio_html"],
        "<p>Writes <em>tests</em>.</p>\n"
    );

    let page = read_json(&out.join("articles/page-1.json"));
    let slugs: Vec<_> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["slug"].as_str().unwrap())
        .collect();
    assert_eq!(slugs, ["newer-article", "older-article"], "newest first");
    assert!(
        page["items"][0].get("body_html").is_none(),
        "index pages carry no bodies"
    );
    assert_eq!(
        page["items"][1]["summary"],
        "A summary given in the front matter."
    );

    let article = read_json(&out.join("articles/newer-article.json"));
    let body = article["body_html"].as_str().unwrap();
    assert!(
        body.contains(
            "<h2 id=\"a-heading\">A heading <a class=\"heading-anchor\" href=\"#a-heading\""
        ),
        "{body}"
    );
    assert!(!body.contains("<script"), "raw HTML is sanitized: {body}");
    assert!(body.contains("rel=\"noopener noreferrer\""), "{body}");
    assert_eq!(
        article["meta"]["summary"],
        "The newer article's first paragraph."
    );

    let topics = read_json(&out.join("topics.json"));
    assert_eq!(topics["topics"][0]["slug"], "model-serving");
    assert_eq!(topics["topics"][0]["count"], 1);
    assert_eq!(topics["topics"][1]["count"], 0);
    let serving = read_json(&out.join("topics/model-serving/page-1.json"));
    assert_eq!(serving["items"][0]["slug"], "newer-article");
    assert_eq!(serving["items"].as_array().unwrap().len(), 1);

    let week = read_json(&out.join("weeks/2026-11-20.json"));
    assert_eq!(week["sections"][0]["entries"][0]["kind"], "paper");
    assert_eq!(
        read_json(&out.join("weeks/page-1.json"))["items"][0]["entry_count"],
        1
    );
}

#[test]
fn rebuild_replaces_stale_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("data");
    build(&fixture("minimal"), &out).unwrap();
    assert!(out.join(sb_press::publish::data::OUTPUT_MARKER).is_file());
    fs::write(out.join("articles/deleted-article.json"), "{}").unwrap();
    fs::write(out.join("notes.txt"), "").unwrap();
    build(&fixture("minimal"), &out).unwrap();
    assert!(!out.join("articles/deleted-article.json").exists());
    assert!(
        !out.join("notes.txt").exists(),
        "press owns a folder it marked"
    );
}

/// `--out` names a folder press deletes: it must be empty or press's own output, whatever else
/// it holds (the old build deleted any folder it was given).
#[test]
fn build_never_deletes_a_folder_it_did_not_write() {
    let foreign: [&[(&str, &str)]; 4] = [
        &[("notes.txt", "mine")],
        &[("articles/draft.md", "mine")],
        &[("site.json", "{}"), ("site.toml", "mine")],
        &[(".git/HEAD", "ref")],
    ];
    for files in foreign {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("somewhere");
        for (name, text) in files {
            fs::create_dir_all(out.join(name).parent().unwrap()).unwrap();
            fs::write(out.join(name), text).unwrap();
        }
        let err = build(&fixture("minimal"), &out).unwrap_err().to_string();
        assert!(
            err.contains("somewhere") && err.contains("not written by press"),
            "{files:?}: {err}"
        );
        for (name, text) in files {
            assert_eq!(&fs::read_to_string(out.join(name)).unwrap(), text);
        }
    }
    // A file where the folder should be is refused too.
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("file"), "mine").unwrap();
    let err = build(&fixture("minimal"), &dir.path().join("file")).unwrap_err();
    assert!(err.to_string().contains("not a folder"), "{err}");
    // Empty folders, and output of a press from before the marker, are replaced.
    let out = dir.path().join("empty");
    fs::create_dir(&out).unwrap();
    build(&fixture("minimal"), &out).unwrap();
    fs::remove_file(out.join(sb_press::publish::data::OUTPUT_MARKER)).unwrap();
    build(&fixture("minimal"), &out).unwrap();
}

/// Year 0 used to validate, then `press pages` panicked computing its weekday: every date
/// field now refuses years outside 1..=9999 with file, line and field.
#[test]
fn out_of_range_years_name_file_line_and_field() {
    for (file, from, to, line) in [
        (
            "articles/newer-article.md",
            "date = 2026-11-20",
            "date = 0000-11-20",
            3,
        ),
        (
            "articles/older-article.md",
            "date = \"2026-11-13\"",
            "date = \"0000-01-01\"",
            4,
        ),
        (
            "weeks/2026-11-20.md",
            "date = 2026-11-20",
            "date = 0000-02-29",
            3,
        ),
    ] {
        let err = build_error(&[(file, from, to)]);
        assert!(
            err.contains(&format!("{file}:{line}: field `date`:"))
                && err.contains("year 0 is not between 1 and 9999"),
            "{file}: {err}"
        );
    }
}

#[test]
fn the_bundled_sample_content_is_valid() {
    let content = sample_content();
    let dir = tempfile::tempdir().unwrap();
    let report = build(&content, &dir.path().join("data")).unwrap();
    assert!(report.articles >= 6 && report.weeks >= 3, "{report:?}");
}

#[test]
fn missing_title_names_file_line_and_field() {
    let err = build_error(&[(
        "articles/older-article.md",
        "title = \"Older article\"\n",
        "",
    )]);
    assert!(
        err.contains("articles/older-article.md:1: field `title`: missing field `title`"),
        "{err}"
    );
}

#[test]
fn bad_date_names_its_line() {
    let err = build_error(&[(
        "articles/newer-article.md",
        "date = 2026-11-20",
        "date = \"2026-11-31\"",
    )]);
    assert!(
        err.contains("articles/newer-article.md:3: field `date`: `2026-11-31` is not a valid date"),
        "{err}"
    );
}

#[test]
fn unknown_field_is_reported() {
    let err = build_error(&[("articles/newer-article.md", "topics =", "tags =")]);
    assert!(
        err.contains("newer-article.md:4: field `tags`: unknown field `tags`"),
        "{err}"
    );
}

#[test]
fn unknown_topic_names_file_line_and_field() {
    let err = build_error(&[(
        "articles/newer-article.md",
        "\"model-serving\"",
        "\"model-servng\"",
    )]);
    assert!(
        err.contains("articles/newer-article.md:4: field `topics`: unknown topic `model-servng`"),
        "{err}"
    );
}

#[test]
fn broken_internal_link_names_file_and_line() {
    let err = build_error(&[(
        "articles/newer-article.md",
        "More text with a [link](https://example.com).",
        "More text with a [link](https://example.com) and [a typo](/articles/older-artcle).",
    )]);
    assert!(
        err.contains("articles/newer-article.md:13: field `body`: the link `/articles/older-artcle` points to no page of the site"),
        "{err}"
    );
    // The same link spelled right builds.
    let (dir, content) = edited_fixture(&[(
        "articles/newer-article.md",
        "[link](https://example.com)",
        "[link](/articles/older-article)",
    )]);
    build(&content, &dir.path().join("out")).unwrap();
}

#[test]
fn cover_needs_an_existing_image_and_alt_text() {
    let err = build_error(&[(
        "articles/newer-article.md",
        "topics = [\"model-serving\"]",
        "topics = [\"model-serving\"]\ncover = \"images/missing.png\"\ncover_alt = \"A chart\"",
    )]);
    assert!(
        err.contains(
            "newer-article.md:5: field `cover`: image `images/missing.png` does not exist"
        ),
        "{err}"
    );
    let err = build_error(&[(
        "articles/newer-article.md",
        "topics = [\"model-serving\"]",
        "topics = [\"model-serving\"]\ncover = \"images/missing.png\"",
    )]);
    assert!(
        err.contains("newer-article.md:5: field `cover_alt`: a cover image needs `cover_alt`"),
        "{err}"
    );
}

#[test]
fn a_body_image_that_does_not_exist_is_an_error() {
    let err = build_error(&[(
        "articles/older-article.md",
        "Body.",
        "Body.\n\n![chart](images/nope.svg)",
    )]);
    assert!(
        err.contains("older-article.md:") && err.contains("image `images/nope.svg` does not exist"),
        "{err}"
    );
}

#[test]
fn duplicate_slug_names_both_files() {
    let err = build_error(&[(
        "articles/older-article.md",
        "+++\ntitle",
        "+++\nslug = \"newer-article\"\ntitle",
    )]);
    assert!(
        err.contains("older-article.md:1: field `slug`: slug `newer-article` is already used by"),
        "{err}"
    );
    assert!(err.contains("newer-article.md"), "{err}");
}

#[test]
fn bad_week_entry_kind_and_url_are_reported_together() {
    let err = build_error(&[
        (
            "weeks/2026-11-20.md",
            "https://arxiv.org/abs/1706.03762",
            "ftp://x",
        ),
        (
            "articles/older-article.md",
            "date = \"2026-11-13\"",
            "date = \"yesterday\"",
        ),
    ]);
    assert!(
        err.contains(
            "weeks/2026-11-20.md:10: field `entries.url`: `ftp://x` is not an absolute http(s) URL"
        ),
        "{err}"
    );
    assert!(err.contains("older-article.md:4: field `date`"), "{err}");
}

#[test]
fn missing_site_config_is_an_io_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let err = build(dir.path(), &dir.path().join("out")).unwrap_err();
    assert!(err.to_string().contains("site.toml"), "{err}");
}

#[test]
fn failed_build_leaves_previous_output_alone() {
    let (dir, content) = edited_fixture(&[]);
    let out = dir.path().join("out");
    build(&fixture("minimal"), &out).unwrap();
    fs::write(content.join("articles/broken.md"), "no front matter").unwrap();
    assert!(build(&content, &out).is_err());
    assert!(
        out.join("articles/newer-article.json").exists(),
        "nothing is lost on a failed build"
    );
}
