//! `press import substack` on the fixture export (`tests/fixtures/substack`, written to
//! Substack's format): what it imports and reports, each construct's conversion, hostile HTML,
//! damaged rows and missing files, re-import and the edited-file rule, the zip and the folder
//! form, and the imported content built with the demo keyring, with no paid canary in clear.

mod common;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use common::{build, copy_dir, edited_fixture, files_under, fixture, PAID_TIER};
use sb_press::import::substack::report::{Outcome, Report};
use sb_press::import::substack::{run, Options};

/// The paid canaries planted in the fixture's paid parts.
const PAID_CANARIES: [&str; 4] = [
    "PAID-CANARY-SUBSTACK-CUT",
    "PAID-CANARY-SUBSTACK-WHOLE",
    "PAID-CANARY-SUBSTACK-FOUNDING",
    "PAID-CANARY-SUBSTACK-WEEK",
];

fn export() -> PathBuf {
    fixture("substack")
}

fn options(content: &Path) -> Options {
    Options {
        founding_tier: Some("paid".into()),
        weekly_title: Some(regex::Regex::new("^Week of").unwrap()),
        ..Options::new(export(), content)
    }
}

/// The minimal fixture with a paid tier, and the fixture export imported into it.
fn imported() -> (tempfile::TempDir, PathBuf, Report) {
    let (dir, content) = edited_fixture(&[PAID_TIER]);
    let report = run(&options(&content)).unwrap();
    (dir, content, report)
}

fn read(content: &Path, rel: &str) -> String {
    fs::read_to_string(content.join(rel)).unwrap()
}

fn skipped_why<'a>(report: &'a Report, post: &str) -> &'a str {
    match &report
        .post(post)
        .unwrap_or_else(|| panic!("{post}: {report}"))
        .outcome
    {
        Outcome::Skipped { why } => why,
        other => panic!("{post}: {other:?}"),
    }
}

#[test]
fn imports_published_posts_and_reports_every_skip_with_why() {
    let (_dir, content, report) = imported();
    let imported: Vec<&str> = report.imported().map(|p| p.post.as_str()).collect();
    assert_eq!(
        imported,
        [
            "100000001.serving-at-the-edge",
            "100000002.paid-with-a-cut",
            "100000003.paid-without-a-cut",
            "100000004.for-founding-members",
            "100000006.episode-12-inference-costs",
            "100000007.everything-at-once",
            "100000008.week-of-january-5-2024",
            "100000009.only-for-free-subscribers",
        ],
        "{report}"
    );
    // The damaged row is named by its line (and id), the missing file by its name, and the
    // rest imports.
    let damaged = skipped_why(&report, "posts.csv line 11 (100000010.a-broken-row)");
    assert!(damaged.contains("not-a-date"), "{damaged}");
    let missing = skipped_why(&report, "100000011.the-missing-file");
    assert!(
        missing.contains("posts/100000011.the-missing-file.html is missing"),
        "{missing}"
    );
    assert!(skipped_why(&report, "100000005.an-unfinished-draft").contains("--drafts"));
    assert!(skipped_why(&report, "100000012.open-thread").contains("thread"));
    assert!(!content.join("articles/an-unfinished-draft.md").exists());

    let text = report.to_string();
    for line in [
        "Imported 8 post(s) (8 written, 0 already up to date), skipped 4.",
        "100000009.only-for-free-subscribers: for free subscribers only on Substack: public here",
        "100000001.serving-at-the-edge: `topics = []`",
        "100000007.everything-at-once: script removed: <script>alert('script-canary')</script>",
        "100000007.everything-at-once: poll: not supported, removed: <div class=\"poll-embed\"",
        "100000006.episode-12-inference-costs: Substack audio: not supported, removed:",
        "Removed 3 piece(s) of Substack furniture",
    ] {
        assert!(text.contains(line), "{line:?} not in:\n{text}");
    }
    for (post, u) in report.unconverted() {
        assert!(!post.is_empty());
        assert!(u.snippet.chars().count() <= 80, "{}", u.snippet);
    }
}

#[test]
fn front_matter_matches_the_content_format() {
    let (_dir, content, _) = imported();
    assert_eq!(
        read(&content, "articles/paid-with-a-cut.md"),
        "+++\ntitle = \"The Real Cost of Fine-Tuning\"\nsubtitle = \"A free preview and a paid deep dive\"\n\
         date = 2024-01-09\ntopics = []\nsummary = \"A free preview and a paid deep dive\"\ntier = \"paid\"\n+++\n\n\
         Fine-tuning looks cheap on the invoice for GPU hours. This preview walks through what the invoice leaves out.\n\n\
         ## The visible part\n\nCompute is usually the smallest line once you count people and evaluation.\n\n\
         <!-- paywall -->\n\n## The hidden part\n\n\
         Data labelling and evaluation runs cost three times the compute in the projects I reviewed. PAID-CANARY-SUBSTACK-CUT\n"
    );
    let whole = read(&content, "articles/paid-without-a-cut.md");
    assert!(whole.contains("tier = \"paid\"\n") && !whole.contains("<!-- paywall -->"));
    assert!(whole.contains("summary = \"All of it for paid subscribers\""));
    let founding = read(&content, "articles/for-founding-members.md");
    assert!(
        founding.contains("title = \"Founding Members Q&A\""),
        "{founding}"
    );
    assert!(founding.contains("tier = \"paid\"") && founding.contains("<!-- paywall -->"));
    let podcast = read(&content, "articles/episode-12-inference-costs.md");
    assert!(podcast.contains(
        "> [Listen to the episode](https://api.substack.com/feed/podcast/100000006/episode-12.mp3)"
    ));
    let free = read(&content, "articles/serving-at-the-edge.md");
    assert!(!free.contains("tier") && !free.contains("Subscribe") && !free.contains("Share"));
    assert!(free.contains("## What moves to the edge\n"), "{free}");
    assert!(free.contains("> The fastest request is the one that never leaves the phone."));
    assert!(free.contains("1. Peak memory of the runtime\n2. Power draw per inference"));
}

#[test]
fn each_construct_of_the_rich_post_converts() {
    let (_dir, content, _) = imported();
    let md = read(&content, "articles/everything-at-once.md");
    for want in [
        // footnotes
        "Batching is the first lever[^1], and caching the second[^2].",
        "[^1]: See [Anyscale's benchmark](https://www.anyscale.com/blog/continuous-batching-llm-inference).",
        "[^2]: Prefix caching, mostly.",
        // captioned images: the original URL (unwrapped from image/fetch), alt and caption
        "![Throughput against batch size, flattening after 32](https://substack-post-media.s3.amazonaws.com/public/images/1a2b3c4d_1456x816.png)\n*Throughput per GPU, measured on an A100*",
        // no alt text: the caption describes the image
        "![A rack of inference servers](https://substack-post-media.s3.amazonaws.com/public/images/9f8e7d_800x600.jpeg)",
        // a tweet and a video as link cards
        "> [Post by Logan Thorneloe (@loganthorneloe)](https://twitter.com/loganthorneloe/status/1745000000000000000)\n>\n> Continuous batching is the single biggest win",
        "> [Video on YouTube](https://www.youtube.com/watch?v=dQw4w9WgXcQ)",
        // code with its language, markup in it kept as code
        "```python\ndef serve(queue, model, max_batch=32):\n    batch = queue.take(max_batch)\n    return model(batch)  # a <tag> in code stays code\n```",
        "```rust\nfn batch_size() -> usize { 32 }\n```",
        "[The paper](https://example.com/paper.pdf) is worth reading.",
    ] {
        assert!(md.contains(want), "{want:?} not in:\n{md}");
    }
    assert!(!md.contains("substackcdn.com"), "{md}");
}

#[test]
fn hostile_html_never_reaches_the_site() {
    let (dir, content, _) = imported();
    let md = read(&content, "articles/everything-at-once.md");
    // Escaped `\<` is text; any other `<` would be raw HTML.
    let raw = md.replace("\\<", "");
    for bad in [
        "javascript:",
        "onclick",
        "onerror",
        "onmouseover",
        "script-canary",
        "<script",
        "<img",
    ] {
        assert!(!raw.contains(bad), "{bad} in:\n{md}");
    }
    assert!(
        md.contains("\\<script\\>alert(2)\\</script\\> as text"),
        "{md}"
    );
    let out = dir.path().join("out");
    build(&content, &out).unwrap();
    for file in files_under(&out) {
        let text = String::from_utf8_lossy(&fs::read(&file).unwrap()).to_lowercase();
        for bad in [
            "javascript:",
            "onerror=",
            "onclick=",
            "script-canary",
            "<script",
        ] {
            assert!(!text.contains(bad), "{bad} in {}", file.display());
        }
    }
}

/// A built site with the app's pages: `press build`, then `press pages` on a stub `index.html`.
fn built_site(content: &Path, root: &Path) -> (PathBuf, PathBuf) {
    let data = root.join("data");
    let report = build(content, &data).unwrap();
    assert!(report.sealed >= 4, "{report:?}");
    let dist = root.join("dist");
    fs::create_dir_all(&dist).unwrap();
    fs::write(
        dist.join("index.html"),
        "<!DOCTYPE html><html><head><base href=\"/\"><title>x</title>\
         <meta name=\"description\" content=\"x\"></head><body></body></html>",
    )
    .unwrap();
    fs::write(
        dist.join("_redirects"),
        "# the shipped rules\n/embed/*  /embed/404.html  404\n/*  /404.html  404\n",
    )
    .unwrap();
    let site = sb_press::content::load(content).unwrap();
    sb_press::publish::static_pages::write_all(&site, &dist).unwrap();
    (data, dist)
}

#[test]
fn imported_content_builds_and_no_paid_canary_is_in_clear() {
    let (dir, content, _) = imported();
    let (data, dist) = built_site(&content, dir.path());
    let mut files = files_under(&data);
    files.extend(files_under(&dist));
    for file in &files {
        let bytes = fs::read(file).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        for canary in PAID_CANARIES {
            assert!(!text.contains(canary), "{canary} in {}", file.display());
        }
    }
    // The free parts are published, the week's free entries too.
    let article = fs::read_to_string(data.join("articles/paid-with-a-cut.json")).unwrap();
    assert!(article.contains("The visible part"), "{article}");
    let week = fs::read_to_string(data.join("weeks/2024-01-05.json")).unwrap();
    assert!(week.contains("PagedAttention") && week.contains("Happy new year"));
    // A footnote and an image with its alt text reach the page.
    let rich = fs::read_to_string(data.join("articles/everything-at-once.json")).unwrap();
    assert!(rich.contains("footnote"), "{rich}");
    assert!(
        rich.contains("alt=\\\"Throughput against batch size, flattening after 32\\\""),
        "{rich}"
    );
    assert!(dist
        .join("articles/everything-at-once/index.html")
        .is_file());
}

#[test]
fn old_addresses_redirect_on_every_host() {
    let (dir, content, report) = imported();
    assert_eq!(report.redirects, 8);
    let toml = read(&content, "redirects.toml");
    assert!(toml.contains(
        "[[redirects]]\nfrom = \"/p/week-of-january-5-2024\"\nto = \"/weekly/2024-01-05\"\n"
    ));
    let (_, dist) = built_site(&content, dir.path());
    let rules = fs::read_to_string(dist.join("_redirects")).unwrap();
    let redirect = "/p/everything-at-once  /articles/everything-at-once  301";
    let at = rules.find(redirect).expect(&rules);
    assert!(at < rules.find("/*  /404.html  404").unwrap(), "{rules}");
    let map = fs::read_to_string(dist.join(sb_press::content::redirects::NGINX_MAP)).unwrap();
    assert!(
        map.contains("\"/p/everything-at-once\" \"/articles/everything-at-once\";"),
        "{map}"
    );
}

#[test]
fn reimport_changes_nothing_and_leaves_edited_files_alone() {
    let (_dir, content, _) = imported();
    let again = run(&options(&content)).unwrap();
    assert!(
        again
            .to_string()
            .contains("Imported 8 post(s) (0 written, 8 already up to date)"),
        "{again}"
    );

    let edited = content.join("articles/serving-at-the-edge.md");
    let text = fs::read_to_string(&edited)
        .unwrap()
        .replace("topics = []", "topics = [\"a\"]");
    fs::write(&edited, &text).unwrap();
    let third = run(&options(&content)).unwrap();
    let why = skipped_why(&third, "100000001.serving-at-the-edge");
    assert!(
        why.contains("was edited since it was imported: left alone"),
        "{why}"
    );
    // Nothing to check in a file it left alone.
    assert!(
        !third
            .to_string()
            .contains("100000001.serving-at-the-edge: `topics = []`"),
        "{third}"
    );
    assert_eq!(fs::read_to_string(&edited).unwrap(), text);
    // Its old address still leads to it.
    assert!(read(&content, "redirects.toml").contains("from = \"/p/serving-at-the-edge\""));

    let forced = run(&Options {
        force: true,
        ..options(&content)
    })
    .unwrap();
    assert!(matches!(
        forced
            .post("100000001.serving-at-the-edge")
            .unwrap()
            .outcome,
        Outcome::Imported { changed: true, .. }
    ));
    assert!(read(&content, "articles/serving-at-the-edge.md").contains("topics = []"));
}

#[test]
fn files_the_importer_did_not_write_are_left_alone() {
    let (_dir, content) = edited_fixture(&[PAID_TIER]);
    let mine = "+++\ntitle = \"Mine\"\ndate = 2024-01-01\n+++\n\nMy own words.\n";
    fs::write(content.join("articles/serving-at-the-edge.md"), mine).unwrap();
    let report = run(&options(&content)).unwrap();
    let why = skipped_why(&report, "100000001.serving-at-the-edge");
    assert!(why.contains("was not written by the importer"), "{why}");
    assert_eq!(read(&content, "articles/serving-at-the-edge.md"), mine);
}

/// The fixture export as Substack's zip (inside a folder, as some exports are).
fn zipped(to: &Path) -> PathBuf {
    let path = to.join("export.zip");
    let mut zip = zip::ZipWriter::new(fs::File::create(&path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for file in files_under(&export()) {
        let rel = file.strip_prefix(export()).unwrap();
        let name = format!(
            "substack-export/{}",
            rel.to_string_lossy().replace('\\', "/")
        );
        zip.start_file(name, options).unwrap();
        zip.write_all(&fs::read(&file).unwrap()).unwrap();
    }
    zip.finish().unwrap();
    path
}

#[test]
fn the_zip_imports_exactly_like_the_folder() {
    let (_a, from_folder, _) = imported();
    let (dir, from_zip) = edited_fixture(&[PAID_TIER]);
    let zip = zipped(dir.path());
    let report = run(&Options {
        export: zip,
        ..options(&from_zip)
    })
    .unwrap();
    assert_eq!(report.imported().count(), 8, "{report}");
    assert!(skipped_why(&report, "100000011.the-missing-file")
        .contains("substack-export/posts/100000011.the-missing-file.html (in the zip) is missing"));
    for sub in ["articles", "weeks"] {
        for file in files_under(&from_folder.join(sub)) {
            let rel = file.strip_prefix(&from_folder).unwrap();
            assert_eq!(
                fs::read_to_string(&file).unwrap(),
                fs::read_to_string(from_zip.join(rel)).unwrap(),
                "{}",
                rel.display()
            );
        }
    }
}

#[test]
fn founding_posts_need_a_tier_the_site_has() {
    let (_dir, content) = edited_fixture(&[PAID_TIER]);
    let e = run(&Options {
        founding_tier: None,
        ..options(&content)
    })
    .unwrap_err();
    assert!(e.contains("--founding-tier"), "{e}");
    let e = run(&Options {
        founding_tier: Some("founders".into()),
        ..options(&content)
    })
    .unwrap_err();
    assert!(e.contains("no tier `founders`"), "{e}");
    assert!(!content.join("articles/serving-at-the-edge.md").exists());
    // Without the paid tier in site.toml, paid posts cannot be imported either.
    let (_d, plain) = edited_fixture(&[]);
    let e = run(&options(&plain)).unwrap_err();
    assert!(e.contains("no tier `paid`"), "{e}");
}

#[test]
fn drafts_import_only_when_asked_and_never_into_the_published_folders() {
    let (_dir, content) = edited_fixture(&[PAID_TIER]);
    let report = run(&Options {
        drafts: true,
        ..options(&content)
    })
    .unwrap();
    assert!(matches!(
        report
            .post("100000005.an-unfinished-draft")
            .unwrap()
            .outcome,
        Outcome::Imported { .. }
    ));
    assert!(read(&content, "drafts/an-unfinished-draft.md").contains("Half a thought"));
    assert!(!read(&content, "redirects.toml").contains("an-unfinished-draft"));
    // The site still builds: drafts are not published.
    let site = sb_press::content::load(&content).unwrap();
    assert!(site
        .articles
        .iter()
        .all(|a| a.meta.slug != "an-unfinished-draft"));
}

#[test]
fn an_export_without_posts_csv_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&export().join("posts"), &dir.path().join("posts"));
    let (_d, content) = edited_fixture(&[PAID_TIER]);
    let e = run(&Options {
        export: dir.path().to_path_buf(),
        ..options(&content)
    })
    .unwrap_err();
    assert!(e.contains("no posts.csv"), "{e}");
}

// Hostile and unusual exports.

const HEAD: &str = "post_id,post_date,is_published,email_sent_at,inbox_sent_at,type,audience,title,subtitle,podcast_url\n";

/// An export folder holding `posts.csv` (the header and `rows`) and `posts/<id>.html`.
fn export_of(root: &Path, rows: &str, posts: &[(&str, &str)]) -> PathBuf {
    let export = root.join("export");
    fs::create_dir_all(export.join("posts")).unwrap();
    fs::write(export.join("posts.csv"), format!("{HEAD}{rows}")).unwrap();
    for (id, html) in posts {
        fs::write(export.join(format!("posts/{id}.html")), html).unwrap();
    }
    export
}

/// Imports `export` into a copy of the minimal fixture (with the paid tier) and builds it.
fn import_and_build(export: &Path) -> (tempfile::TempDir, PathBuf, Report, Vec<PathBuf>) {
    let (dir, content) = edited_fixture(&[PAID_TIER]);
    let report = run(&Options {
        export: export.to_path_buf(),
        ..options(&content)
    })
    .unwrap();
    let data = dir.path().join("data");
    build(&content, &data).unwrap_or_else(|e| panic!("{e:?}\n{report}"));
    let files = files_under(&data);
    (dir, content, report, files)
}

fn assert_not_in(files: &[PathBuf], canaries: &[&str]) {
    for file in files {
        let text = String::from_utf8_lossy(&fs::read(file).unwrap()).into_owned();
        for canary in canaries {
            assert!(
                !text.contains(canary),
                "{canary} in clear in {}",
                file.display()
            );
        }
    }
}

#[test]
fn a_paid_weekly_post_without_a_cut_publishes_nothing_of_it_in_clear() {
    let root = tempfile::tempdir().unwrap();
    let export = export_of(
        root.path(),
        "1.week-of-march-1-2024,2024-03-01T10:00:00Z,true,,,newsletter,only_paid,Week of March 1,,\n",
        &[(
            "1.week-of-march-1-2024",
            "<p>Paid intro WEEK-NOCUT-INTRO.</p><h3>Paid heading WEEK-NOCUT-HEADING</h3>\
             <ul><li><a href=\"https://arxiv.org/abs/1\">Paper WEEK-NOCUT-TITLE</a>: why WEEK-NOCUT-SUMMARY.</li></ul>\
             <p>Closing words WEEK-NOCUT-CLOSING.</p>",
        )],
    );
    let (_dir, content, report, files) = import_and_build(&export);
    assert!(
        matches!(
            report.post("1.week-of-march-1-2024").unwrap().outcome,
            Outcome::Imported { .. }
        ),
        "{report}"
    );
    assert!(content.join("weeks/2024-03-01.md").is_file(), "{report}");
    assert_not_in(
        &files,
        &[
            "WEEK-NOCUT-INTRO",
            "WEEK-NOCUT-HEADING",
            "WEEK-NOCUT-TITLE",
            "WEEK-NOCUT-SUMMARY",
            "WEEK-NOCUT-CLOSING",
        ],
    );
}

#[test]
fn a_heading_after_the_cut_of_a_paid_week_is_not_a_public_section_title() {
    let root = tempfile::tempdir().unwrap();
    let export = export_of(
        root.path(),
        "1.week-of-march-8-2024,2024-03-08T10:00:00Z,true,,,newsletter,only_paid,Week of March 8,,\n",
        &[(
            "1.week-of-march-8-2024",
            "<p>Hello.</p><ul><li><a href=\"https://e.example/free\">Free pick</a>: public.</li></ul>\
             <div class=\"paywall-jump\"></div>\
             <h3>Secret section WEEK-PAID-HEADING</h3>\
             <ul><li><a href=\"https://e.example/paid\">Paid pick</a>: sealed.</li></ul>",
        )],
    );
    let (_dir, content, report, files) = import_and_build(&export);
    assert!(content.join("weeks/2024-03-08.md").is_file(), "{report}");
    assert_not_in(&files, &["WEEK-PAID-HEADING", "Paid pick"]);
    // Not lost: it is with the paid entries.
    assert!(read(&content, "weeks/2024-03-08.md").contains("WEEK-PAID-HEADING"));
}

#[test]
fn a_footnote_without_a_number_after_the_cut_stays_paid() {
    let root = tempfile::tempdir().unwrap();
    let export = export_of(
        root.path(),
        "1.notes,2024-03-01T10:00:00Z,true,,,newsletter,only_paid,Notes,A subtitle,\n",
        &[(
            "1.notes",
            "<p>The free preview has words.</p><div class=\"paywall-jump\"></div>\
             <p>The paid part has words too.</p>\
             <div class=\"footnote\"><div class=\"footnote-content\"><p>Orphan FOOTNOTE-PAID-CANARY.</p></div></div>",
        )],
    );
    let (_dir, content, report, files) = import_and_build(&export);
    let md = read(&content, "articles/notes.md");
    let (free, paid) = md.split_once("<!-- paywall -->").expect(&md);
    assert!(
        !free.contains("FOOTNOTE-PAID-CANARY") && paid.contains("FOOTNOTE-PAID-CANARY"),
        "{md}\n{report}"
    );
    assert_not_in(&files, &["FOOTNOTE-PAID-CANARY"]);
}

#[test]
fn a_podcast_address_cannot_smuggle_markup_into_the_body() {
    let root = tempfile::tempdir().unwrap();
    let export = export_of(
        root.path(),
        "1.episode,2024-03-01T10:00:00Z,true,,,podcast,everyone,Episode,,\"https://e.example/a.mp3\n\n<img src=x onerror=alert(1)>\n\n<!-- paywall -->\"\n\
         2.mail,2024-03-02T10:00:00Z,true,,,podcast,everyone,Mail,,mailto:someone@e.example\n",
        &[
            ("1.episode", "<p>Show notes.</p>"),
            ("2.mail", "<p>Show notes.</p>"),
        ],
    );
    let (_dir, content, report, files) = import_and_build(&export);
    let md = read(&content, "articles/episode.md");
    assert!(
        !md.contains('<') && !md.contains("onerror"),
        "{md}\n{report}"
    );
    assert!(
        md.contains("[Listen to the episode](https://e.example/a.mp3"),
        "{md}"
    );
    assert!(!read(&content, "articles/mail.md").contains("mailto:"));
    assert_not_in(&files, &["onerror"]);
}

#[test]
fn deeply_nested_html_is_reported_not_a_crash() {
    let root = tempfile::tempdir().unwrap();
    let depth = 5_000;
    let html = format!(
        "<p>Start.</p>{}<p>DEEP-TEXT</p>{}<p>End.</p>",
        "<blockquote>".repeat(depth),
        "</blockquote>".repeat(depth)
    );
    let export = export_of(
        root.path(),
        "1.deep,2024-03-01T10:00:00Z,true,,,newsletter,everyone,Deep,,\n\
         2.after,2024-03-02T10:00:00Z,true,,,newsletter,everyone,After,,\n",
        &[("1.deep", &html), ("2.after", "<p>Still imported.</p>")],
    );
    let (_dir, content) = edited_fixture(&[PAID_TIER]);
    let report = run(&Options {
        export,
        ..options(&content)
    })
    .unwrap();
    assert!(read(&content, "articles/after.md").contains("Still imported."));
    let md = read(&content, "articles/deep.md");
    assert!(md.contains("DEEP-TEXT") && md.contains("End."), "{report}");
    assert!(
        report
            .unconverted()
            .any(|(p, u)| p == "1.deep" && u.what.contains("nested")),
        "{report}"
    );
}

#[cfg(unix)]
#[test]
fn an_export_folder_never_reads_through_symbolic_links() {
    let root = tempfile::tempdir().unwrap();
    // Files elsewhere on the publisher's machine.
    let private = root.path().join("private");
    fs::create_dir_all(&private).unwrap();
    fs::write(private.join("1.secret.html"), "<p>PRIVATE-FILE-CANARY</p>").unwrap();
    let export = root.path().join("export");
    fs::create_dir_all(&export).unwrap();
    fs::write(
        export.join("posts.csv"),
        format!("{HEAD}1.secret,2024-03-01T10:00:00Z,true,,,newsletter,everyone,Secret,,\n"),
    )
    .unwrap();
    std::os::unix::fs::symlink(&private, export.join("posts")).unwrap();
    let (_dir, content) = edited_fixture(&[PAID_TIER]);
    let report = run(&Options {
        export,
        ..options(&content)
    })
    .unwrap();
    assert!(!content.join("articles/secret.md").exists(), "{report}");
    assert!(
        skipped_why(&report, "1.secret").contains("symbolic link"),
        "{report}"
    );
}

#[test]
fn the_report_prints_no_terminal_control_characters() {
    let root = tempfile::tempdir().unwrap();
    let export = export_of(
        root.path(),
        "1.esc,2024-03-01T10:00:00Z,true,,,newsletter,everyone,Esc,,\n\
         2.bad,2024-03-01T10:00:00Z,maybe\x1b[2J,,,newsletter,everyone,Bad,,\n",
        &[(
            "1.esc",
            "<p>Words.</p><script>\x1b]0;owned\x07\x1b[2J</script><div class=\"poll-embed\" title=\"\x1b[31m\">x</div>",
        )],
    );
    let (_dir, content) = edited_fixture(&[PAID_TIER]);
    let report = run(&Options {
        export,
        ..options(&content)
    })
    .unwrap();
    let text = report.to_string();
    assert!(text.contains("script removed"), "{text}");
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{text:?}"
    );
}

#[test]
fn two_rows_with_one_slug_get_two_files_and_the_first_keeps_the_old_address() {
    let root = tempfile::tempdir().unwrap();
    let export = export_of(
        root.path(),
        "1.same,2024-03-01T10:00:00Z,true,,,newsletter,everyone,First,,\n\
         2.same,2024-03-02T10:00:00Z,true,,,newsletter,everyone,Second,,\n",
        &[
            ("1.same", "<p>First words.</p>"),
            ("2.same", "<p>Second words.</p>"),
        ],
    );
    let (_dir, content, report, _) = import_and_build(&export);
    assert!(
        read(&content, "articles/same.md").contains("First words."),
        "{report}"
    );
    assert!(read(&content, "articles/same-2.md").contains("Second words."));
    let toml = read(&content, "redirects.toml");
    assert!(
        toml.contains("from = \"/p/same\"\nto = \"/articles/same\"\n"),
        "{toml}"
    );
}

#[test]
fn a_damaged_redirects_toml_stops_the_import_before_anything_is_written() {
    let (_dir, content) = edited_fixture(&[PAID_TIER]);
    fs::write(content.join("redirects.toml"), "redirects = \"oops\n").unwrap();
    let e = run(&options(&content)).unwrap_err();
    assert!(
        e.contains("redirects.toml") && e.contains("run the import again"),
        "{e}"
    );
    assert!(!content.join("articles/serving-at-the-edge.md").exists());
    assert!(!content.join("substack-import.toml").exists());
    // Fixed, the import runs.
    fs::remove_file(content.join("redirects.toml")).unwrap();
    let report = run(&options(&content)).unwrap();
    assert_eq!(report.imported().count(), 8, "{report}");
}

#[test]
fn a_folder_without_site_toml_is_not_imported_into() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("contnet");
    let e = run(&options(&content)).unwrap_err();
    assert!(
        e.contains("has no site.toml") && e.contains("--into"),
        "{e}"
    );
    assert!(!content.exists());
    // A site.toml with a mistake stops it too, naming the mistake.
    let (_d, broken) = edited_fixture(&[PAID_TIER, ("site.toml", "title = ", "title = 1 #")]);
    let e = run(&options(&broken)).unwrap_err();
    assert!(e.contains("site.toml") && e.contains("title"), "{e}");
    assert!(!broken.join("articles/serving-at-the-edge.md").exists());
}

#[test]
fn a_post_for_an_audience_we_do_not_know_is_not_published() {
    let root = tempfile::tempdir().unwrap();
    let export = export_of(
        root.path(),
        "1.vip,2024-03-01T10:00:00Z,true,,,newsletter,only_vip,VIP,,\n",
        &[("1.vip", "<p>For some readers only VIP-CANARY.</p>")],
    );
    let (_dir, content, report, files) = import_and_build(&export);
    assert!(
        skipped_why(&report, "1.vip").contains("audience `only_vip` is unknown"),
        "{report}"
    );
    assert!(!content.join("articles/vip.md").exists());
    assert_not_in(&files, &["VIP-CANARY"]);
}

#[test]
fn a_paid_episode_s_audio_is_not_in_its_free_preview() {
    let root = tempfile::tempdir().unwrap();
    let export = export_of(
        root.path(),
        "1.paid-episode,2024-03-01T10:00:00Z,true,,,podcast,only_paid,Paid episode,Sub,https://e.example/AUDIO-CANARY.mp3\n",
        &[(
            "1.paid-episode",
            "<p>Show notes anyone can read.</p><div class=\"paywall-jump\"></div><p>Notes for subscribers.</p>",
        )],
    );
    let (_dir, content, report, files) = import_and_build(&export);
    let md = read(&content, "articles/paid-episode.md");
    let (free, paid) = md.split_once("<!-- paywall -->").expect(&md);
    assert!(
        !free.contains("AUDIO-CANARY") && paid.contains("[Listen to the episode]"),
        "{md}\n{report}"
    );
    assert_not_in(&files, &["AUDIO-CANARY"]);
}

#[test]
fn a_weekly_episode_keeps_its_audio_as_an_article() {
    let root = tempfile::tempdir().unwrap();
    let export = export_of(
        root.path(),
        "1.week-of-audio,2024-03-01T10:00:00Z,true,,,podcast,everyone,Week of audio,,https://e.example/ep.mp3\n",
        &[(
            "1.week-of-audio",
            "<ul><li><a href=\"https://arxiv.org/abs/1\">Paper</a>: why.</li></ul>",
        )],
    );
    let (_dir, content, report, _) = import_and_build(&export);
    assert!(
        read(&content, "articles/week-of-audio.md").contains("https://e.example/ep.mp3"),
        "{report}"
    );
    assert!(
        report.to_string().contains("imported as an article"),
        "{report}"
    );
}

#[test]
fn a_post_imported_before_under_another_name_is_pointed_out() {
    let (_dir, content) = edited_fixture(&[PAID_TIER]);
    run(&Options {
        weekly_title: None,
        ..options(&content)
    })
    .unwrap();
    assert!(content.join("articles/week-of-january-5-2024.md").is_file());
    let report = run(&options(&content)).unwrap();
    assert!(content.join("weeks/2024-01-05.md").is_file());
    assert!(
        report.to_string().contains(
            "100000008.week-of-january-5-2024: an earlier import wrote it as articles/week-of-january-5-2024.md, which is still there"
        ),
        "{report}"
    );
}
