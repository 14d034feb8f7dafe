//! Imports the real ML Road Map (`content/roadmap/README.md`) and checks what comes out: its
//! structure and counts, types, links, notes, warnings, ids that survive reordering, errors on
//! broken entries, prose bullets and relative links (also in an older upstream README), nesting
//! limits, and the `roadmap.json` a build writes.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use sb_model::roadmap::Resource;
use sb_model::{decode_document, ResourceType, Roadmap};
use sb_press::roadmap::{credit, import, synthetic};
use sb_press::ContentError;

mod common;
use common::{copy_dir, edited_fixture, fixture, sample_content};

fn content_dir() -> PathBuf {
    sample_content()
}

fn readme() -> String {
    fs::read_to_string(content_dir().join("roadmap/README.md")).unwrap()
}

/// The README imported and given the sample's credit (`content/roadmap/credit.toml`), as
/// `press build` does.
fn import_text(md: &str) -> (Roadmap, Vec<ContentError>) {
    let (mut r, warnings) = import(Path::new("content/roadmap/README.md"), md, None)
        .unwrap_or_else(|errors| {
            panic!(
                "{}",
                errors
                    .iter()
                    .map(|e| e.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
    let file = content_dir().join("roadmap").join(credit::FILE);
    credit::apply(
        &mut r,
        credit::load(&file, &fs::read_to_string(&file).unwrap()).unwrap(),
    );
    (r, warnings)
}

/// The resource an entry titled `title` points to.
fn by_title<'a>(r: &'a Roadmap, title: &str) -> &'a Resource {
    r.resources
        .iter()
        .find(|x| x.title == title)
        .unwrap_or_else(|| panic!("no resource titled {title:?}"))
}

/// 1-based number of the first line of `text` containing `needle`.
/// Asserts that a problem's message holds `what`, showing the whole problem when it does not.
fn says(problem: &ContentError, what: &str) {
    assert!(problem.message.contains(what), "{problem}");
}

/// Each error's line and field, to compare with what a test expects.
fn lines_and_fields(errors: &[ContentError]) -> Vec<(usize, Option<&str>)> {
    errors
        .iter()
        .map(|e| (e.line, e.field.as_deref()))
        .collect()
}

fn line_with(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no line contains {needle:?}"))
        + 1
}

#[test]
fn sections_entries_and_resources() {
    let (r, _) = import_text(&readme());
    let titles: Vec<_> = r.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Prerequisites",
            "Fundamentals",
            "Advanced Topics",
            "Job Skills",
            "Free GPUs",
            "Other Resources"
        ]
    );
    let ids: Vec<_> = r.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "prerequisites",
            "fundamentals",
            "advanced-topics",
            "job-skills",
            "free-gpus",
            "other-resources"
        ]
    );
    assert_eq!(r.entries().count(), 72);

    // Listed twice (Prerequisites and Job Skills), same link both times.
    let placements = |id: &str| r.entries().filter(|(_, e)| e.resource == id).count();
    let twice: Vec<_> = r
        .resources
        .iter()
        .filter(|x| placements(&x.id) > 1)
        .map(|x| (x.title.as_str(), placements(&x.id)))
        .collect();
    assert_eq!(
        twice,
        [
            ("Intro to Python", 2),
            ("NumPy Tutorial", 2),
            ("Pandas Course", 2)
        ]
    );
    assert_eq!(r.resources.len(), 69);
    let prereq = r.section("prerequisites").unwrap();
    let jobs = r.section("job-skills").unwrap();
    for id in ["intro-to-python", "numpy-tutorial", "pandas-course"] {
        assert!(
            r.section_resource_ids(prereq).iter().any(|x| x == id),
            "{id}"
        );
        assert!(r.section_resource_ids(jobs).iter().any(|x| x == id), "{id}");
        assert_eq!(r.home_section_of(id).unwrap().id, "prerequisites");
    }

    let links: Vec<&str> = r
        .resources
        .iter()
        .flat_map(|x| &x.links)
        .map(|l| l.url.as_str())
        .collect();
    assert_eq!(links.len(), 71);
    assert_eq!(links.iter().collect::<HashSet<_>>().len(), 71);

    let ids: HashSet<_> = r.resources.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids.len(), r.resources.len());
    assert!(ids.iter().all(|id| sb_model::text::is_slug(id)));
    for (_, e) in r.entries() {
        assert!(ids.contains(e.resource.as_str()), "{}", e.resource);
    }
}

#[test]
fn structure_of_subsections_and_groups() {
    let (r, _) = import_text(&readme());
    let prereq = r.section("prerequisites").unwrap();
    let subs: Vec<_> = prereq.subsections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(subs, ["programming", "mathematics", "development-tools"]);
    let groups: Vec<_> = prereq.subsections[0]
        .groups
        .iter()
        .map(|g| g.title.as_deref().unwrap())
        .collect();
    assert_eq!(groups, ["General Programming", "Python", "Data Libraries"]);

    // No `###`: one implicit subsection named after the section.
    let fundamentals = r.section("fundamentals").unwrap();
    assert_eq!(fundamentals.subsections.len(), 1);
    assert_eq!(fundamentals.subsections[0].id, "fundamentals");
    assert_eq!(fundamentals.subsections[0].title, None);
    // `**Core Machine Learning** ` has a trailing space.
    assert_eq!(
        fundamentals.subsections[0].groups[0].title.as_deref(),
        Some("Core Machine Learning")
    );
    let other = r.section("other-resources").unwrap();
    assert_eq!(other.subsections[0].groups[0].title, None);
    assert_eq!(other.subsections[0].groups[0].entries.len(), 3);

    let jobs = r.section("job-skills").unwrap();
    assert_eq!(
        jobs.description,
        "This sections contains popular skills on machine learning-related job listings and \
         resources to prepare for interviews for those jobs."
    );
    assert!(prereq.description.is_empty());
    let advanced = r.section("advanced-topics").unwrap();
    assert_eq!(advanced.subsections.len(), 9);

    assert_eq!(r.title, "Machine Learning Road Map");
    assert_eq!(
        r.intro,
        "Welcome to the Machine Learning Road Map: A succinct guide to learning ML fundamentals \
         for free!"
    );
    assert_eq!(r.credit.author, "Logan Thorneloe");
    assert_eq!(r.credit.license, "MIT");
    assert_eq!(r.schema, sb_model::SCHEMA_VERSION);
}

#[test]
fn types_authors_links_and_notes() {
    let (r, _) = import_text(&readme());
    let kinds = [
        ("CS50", ResourceType::Course),
        ("Learn Git", ResourceType::Tool),
        ("Intro to LLMs", ResourceType::Video),
        ("Algebra Curriculum", ResourceType::Math),
        ("Google Colab", ResourceType::Compute),
        ("Recommended newsletters", ResourceType::Newsletter),
        ("Recommended accounts to follow on X", ResourceType::Social),
        ("ML for Games", ResourceType::Course),
        ("Gradients", ResourceType::Math),
        ("Probability", ResourceType::Math),
        ("ML School", ResourceType::Course),
        ("Rust", ResourceType::Book),
    ];
    for (title, kind) in kinds {
        assert_eq!(by_title(&r, title).kind, kind, "{title}");
    }
    let every_kind: HashSet<_> = r.resources.iter().map(|x| x.kind).collect();
    assert!(!every_kind.contains(&ResourceType::Other));

    let llms = by_title(&r, "Intro to LLMs");
    assert_eq!(llms.author.as_deref(), Some("Andrej Karpathy"));
    assert_eq!(llms.author_url.as_deref(), Some("https://x.com/karpathy"));
    let science = by_title(&r, "ML for Science");
    assert_eq!(
        science.author.as_deref(),
        Some("Christoph Molnar & Timo Freiesleben")
    );
    assert_eq!(science.author_url, None);
    let colab = by_title(&r, "Google Colab");
    assert_eq!((&colab.author, &colab.author_url), (&None, &None));
    // "by [me](…)" is the road map's author.
    let newsletters = by_title(&r, "Recommended newsletters");
    assert_eq!(newsletters.author.as_deref(), Some("Logan Thorneloe"));
    assert_eq!(newsletters.links[0].label, "newsletters");

    let sql = by_title(&r, "Intro to SQL and Advanced SQL");
    let labels: Vec<_> = sql.links.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(labels, ["Intro to SQL", "Advanced SQL"]);
    assert_eq!(
        sql.links[1].url,
        "https://www.kaggle.com/learn/advanced-sql"
    );
    let sdi = by_title(&r, "System Design Interview");
    let labels: Vec<_> = sdi.links.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(labels, ["Volume 1", "Volume 2"]);
    assert_eq!(sdi.author.as_deref(), Some("Alex Xu"));
    let two_links: Vec<_> = r
        .resources
        .iter()
        .filter(|x| x.links.len() > 1)
        .map(|x| x.id.as_str())
        .collect();
    assert_eq!(
        two_links,
        ["intro-to-sql-and-advanced-sql", "system-design-interview"]
    );

    // The Amazon books and the Gumroad book are not free; AWS training pages are.
    let mut paid: Vec<_> = r
        .resources
        .iter()
        .filter(|x| !x.free)
        .map(|x| x.title.as_str())
        .collect();
    paid.sort();
    assert_eq!(
        paid,
        [
            "Cracking the Coding Interview",
            "ML Mathematics",
            "Machine Learning Q and AI",
            "System Design Interview"
        ]
    );
    assert!(by_title(&r, "AWS Machine Learning").free);
    assert!(by_title(&r, "Amazon SageMaker").free);
    let cracking = by_title(&r, "Cracking the Coding Interview");
    assert!(cracking.links[0].url.ends_with("&sr=8-1"));

    let note_of = |id: &str| {
        r.entries()
            .find(|(_, e)| e.resource == id)
            .and_then(|(_, e)| e.note.clone())
    };
    assert_eq!(
        note_of("cs50").as_deref(),
        Some("Perfect starting point for complete beginners")
    );
    assert_eq!(
        note_of("system-design-interview").as_deref(),
        Some("Preparation for system design")
    );
    assert_eq!(note_of("learn-git"), None);
    // A repeated resource keeps each placement's own note.
    let python_notes: Vec<_> = r
        .entries()
        .filter(|(_, e)| e.resource == "intro-to-python")
        .map(|(_, e)| e.note.as_deref().unwrap())
        .collect();
    assert_eq!(
        python_notes,
        [
            "For beginners",
            "Comprehensive beginner-friendly Python course"
        ]
    );
    assert_eq!(r.entries().filter(|(_, e)| e.note.is_some()).count(), 18);
}

#[test]
fn exactly_three_warnings() {
    let text = readme();
    let (r, warnings) = import_text(&text);
    let found: Vec<_> = warnings
        .iter()
        .map(|w| (w.line, w.field.as_deref()))
        .collect();
    assert_eq!(
        found,
        [
            (152, Some("type")),
            (164, Some("type")),
            (170, Some("type"))
        ]
    );
    assert_eq!(line_with(&text, "[ML Efficiency]"), 152);
    assert_eq!(line_with(&text, "[Cracking the Coding Interview]"), 164);
    assert_eq!(line_with(&text, "[Study Plan for ML Interviews]"), 170);
    assert!(
        warnings[0]
            .message
            .contains("unrecognized type marker `\u{fffd}\u{fffd}\u{fffd}`"),
        "{}",
        warnings[0].message
    );
    assert!(warnings[0].message.ends_with("guessed video from the link"));
    assert_eq!(
        warnings[1].message,
        "no type marker; guessed book from the link"
    );
    assert_eq!(
        warnings[2].message,
        "no type marker; guessed book from the link"
    );
    assert_eq!(by_title(&r, "ML Efficiency").kind, ResourceType::Video);
    assert_eq!(
        by_title(&r, "Cracking the Coding Interview").kind,
        ResourceType::Book
    );
    assert_eq!(
        by_title(&r, "Study Plan for ML Interviews").kind,
        ResourceType::Book
    );
}

/// `id → first URL` of every resource.
fn id_map(r: &Roadmap) -> BTreeMap<String, String> {
    r.resources
        .iter()
        .map(|x| (x.id.clone(), x.links[0].url.clone()))
        .collect()
}

/// Swaps the blocks of lines `a` and `b` (1-based, inclusive ranges; `a` before `b`).
fn swap_blocks(text: &str, a: (usize, usize), b: (usize, usize)) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let (a0, a1, b0, b1) = (a.0 - 1, a.1, b.0 - 1, b.1);
    let mut out: Vec<&str> = lines[..a0].to_vec();
    out.extend(&lines[b0..b1]);
    out.extend(&lines[a1..b0]);
    out.extend(&lines[a0..a1]);
    out.extend(&lines[b1..]);
    out.join("\n") + "\n"
}

#[test]
fn ids_survive_reordering() {
    let text = readme();
    let (original, _) = import_text(&text);

    // Swap the Fundamentals section (lines 104–111) with the Free GPUs section (216–233).
    let fundamentals = line_with(&text, "## Fundamentals");
    let free_gpus = line_with(&text, "## Free GPUs");
    let swapped = swap_blocks(
        &text,
        (fundamentals, line_with(&text, "## Advanced Topics") - 3),
        (free_gpus, line_with(&text, "## Other Resources") - 3),
    );
    let (r, _) = import_text(&swapped);
    let titles: Vec<_> = r.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles[1], "Free GPUs");
    assert_eq!(titles[4], "Fundamentals");
    assert_eq!(id_map(&r), id_map(&original));

    // Swap CS50 (with its note) and Intro to Python (with its note), across groups, and move the
    // second Intro to Python listing above the first.
    let cs50 = line_with(&text, "[CS50]");
    let python = line_with(&text, "[Intro to Python]");
    let swapped = swap_blocks(&text, (cs50, cs50 + 1), (python, python + 1));
    let (r, _) = import_text(&swapped);
    assert_ne!(r.resources[0].id, original.resources[0].id);
    assert_eq!(id_map(&r), id_map(&original));

    let second_python = line_with(
        &text,
        "[Intro to Python](https://cs50.harvard.edu/python/2022/) by Harvard",
    );
    let swapped = swap_blocks(
        &text,
        (python, python + 1),
        (second_python, second_python + 1),
    );
    let (r, _) = import_text(&swapped);
    assert_eq!(id_map(&r), id_map(&original));
}

#[test]
fn a_mangled_entry_is_an_error_on_its_line() {
    let text = readme();
    let git = line_with(&text, "[Learn Git]");
    let mangled: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i + 1 == git {
                "- 📚 [Broken title(https://x".to_string()
            } else if l.contains("[Rust](https://doc.rust-lang.org/book/)") {
                "- 📘 Rust by Rust Team".to_string()
            } else {
                l.to_string()
            }
        })
        .collect();
    let errors = import(
        Path::new("content/roadmap/README.md"),
        &mangled.join("\n"),
        None,
    )
    .unwrap_err();
    let found = lines_and_fields(&errors);
    let rust = line_with(&text, "[Rust](https://doc.rust-lang.org/book/)");
    assert_eq!(found, [(96, Some("entry")), (rust, Some("entry"))]);
    assert_eq!(git, 96);
    assert!(errors[0].message.contains("never closed"), "{}", errors[0]);
    assert!(errors[1].message.contains("no link"), "{}", errors[1]);
    assert!(errors[0]
        .to_string()
        .starts_with("content/roadmap/README.md:96: field `entry`: "));
}

#[test]
fn junk_never_panics() {
    let text = readme();
    let mut inputs = vec![
        String::new(),
        "## A\n### B\n### C\n## D\n".to_string(),
        "# only\n## headings\n### here\n#### and there\n".to_string(),
        "\u{fffd}\u{200b}\u{1f600}\u{0}\u{7f}\r\n## \u{fffd}\r\n- \u{fffd}\u{fffd}\r\n".to_string(),
        "## ₿\n- 🎥 [ｆｕｌｌ](https://例え.テスト/パス) by [](https://x.com)\n".to_string(),
        "## S\n- [a](https://a.com) by [b](https://b.com) by [c](".to_string(),
        "## S\n- ]][[()))((\n- \\\n- [\\](x)\n- [x](\\)\n".to_string(),
    ];
    // Every prefix of the real road map, cut mid-line.
    for cut in (0..text.len()).step_by(97) {
        if text.is_char_boundary(cut) {
            inputs.push(text[..cut].to_string());
        }
    }
    for md in &inputs {
        let _ = import(Path::new("junk.md"), md, None);
    }
}

#[test]
fn build_writes_roadmap_json_and_license() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_dir(&content_dir(), &content);
    let out = dir.path().join("data");

    let site = sb_press::content::load(&content).unwrap();
    assert_eq!(site.warnings.len(), 3);
    let report = common::build(&content, &out).unwrap();
    assert_eq!(report.resources, 69);

    let json = fs::read_to_string(out.join(sb_model::paths::roadmap())).unwrap();
    let decoded: Roadmap = decode_document(&json).unwrap();
    assert_eq!(Some(&decoded), site.roadmap.as_ref());
    assert_eq!(decoded.entries().count(), 72);
    assert_eq!(
        fs::read(out.join("roadmap-LICENSE.txt")).unwrap(),
        fs::read(content_dir().join("roadmap/LICENSE")).unwrap()
    );
}

#[test]
fn a_broken_roadmap_fails_the_build_with_the_other_errors() {
    let (dir, content) = edited_fixture(&[]);
    fs::create_dir_all(content.join("roadmap")).unwrap();
    fs::write(
        content.join("roadmap/README.md"),
        "## S\n- 📚 [Fine](https://a.com)\n- 📚 no link\n",
    )
    .unwrap();
    match common::build(&content, &dir.path().join("out")) {
        Err(sb_press::BuildError::Content(errors)) => {
            let text: Vec<_> = errors.iter().map(|e| e.to_string()).collect();
            assert_eq!(text.len(), 3, "{text:?}");
            assert!(
                text[0].ends_with(
                    "README.md:3: field `entry`: `no link` has no link with an http(s) URL"
                ),
                "{text:?}"
            );
            assert!(text[1].contains("credit.toml:1: missing"), "{text:?}");
            assert!(text[2].contains("LICENSE:1: missing"), "{text:?}");
        }
        other => panic!("expected content errors, got {other:?}"),
    }

    // Without a road map folder the build is as before.
    fs::remove_dir_all(content.join("roadmap")).unwrap();
    let report = common::build(&content, &dir.path().join("out")).unwrap();
    assert_eq!((report.files, report.resources), (9, 0));
    assert!(!dir.path().join("out/roadmap.json").exists());
}

#[test]
fn fixture_with_a_roadmap_folder() {
    let (dir, content) = edited_fixture(&[]);
    copy_dir(&content_dir().join("roadmap"), &content.join("roadmap"));
    let report = common::build(&content, &dir.path().join("out")).unwrap();
    // The nine documents of the fixture, roadmap.json and the licence.
    assert_eq!((report.files, report.resources), (11, 69));
}

#[test]
fn synthetic_road_maps() {
    let r = synthetic(1000);
    assert_eq!(r.resources.len(), 1000);
    let ids: HashSet<_> = r.resources.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids.len(), 1000);
    assert_eq!(r.sections.len(), 6);
    let json = serde_json::to_string(&r).unwrap();
    assert_eq!(decode_document::<Roadmap>(&json).unwrap(), r);
}

/// `text` with `lines` inserted after the first line containing `after`.
fn insert_after(text: &str, after: &str, lines: &[&str]) -> String {
    let at = line_with(text, after);
    let mut out: Vec<&str> = text.lines().collect();
    for (i, l) in lines.iter().enumerate() {
        out.insert(at + i, l);
    }
    out.join("\n") + "\n"
}

const REPO: &str = "https://github.com/loganthorneloe/ml-road-map/blob/main/";

#[test]
fn the_upstream_road_map_imports_as_the_bundled_one() {
    let upstream =
        fs::read_to_string("/work/shared/data/ml-road-map/README.md").unwrap_or_else(|_| readme());
    let (r, warnings) = import_text(&upstream);
    assert_eq!((r.resources.len(), r.entries().count()), (69, 72));
    assert_eq!(warnings.len(), 3);
    // The current road map has no prose bullets.
    assert!(r.sections.iter().all(|s| s.prose.is_empty()));
}

#[test]
fn advice_bullets_are_prose_of_their_heading_not_errors() {
    let text = readme();
    // One line of advice in each place a publisher might add one.
    let text = insert_after(
        &text,
        "## Prerequisites",
        &["- **Take your time.** Don't rush the learning process."],
    );
    let text = insert_after(
        &text,
        "### Mathematics",
        &["* Skip what you [already know](#prerequisites)."],
    );
    let text = insert_after(
        &text,
        "**Python**",
        &["- Pick <b>one</b> course & finish it."],
    );
    let (r, warnings) = import_text(&text);
    assert_eq!(warnings.len(), 3, "{warnings:?}");
    assert_eq!((r.resources.len(), r.entries().count()), (69, 72));
    let prereq = r.section("prerequisites").unwrap();
    let prose: Vec<String> = prereq.prose.iter().map(|p| p.text()).collect();
    assert_eq!(prose, ["Take your time. Don't rush the learning process."]);
    let maths = &prereq.subsections[1];
    assert_eq!(maths.id, "mathematics");
    // The in-page anchor is kept as text, not as a link.
    assert_eq!(maths.prose[0].text(), "Skip what you already know.");
    assert!(maths.prose[0].parts.iter().all(|p| p.url.is_none()));
    let python = &prereq.subsections[0].groups[1];
    assert_eq!(python.title.as_deref(), Some("Python"));
    // Markup is text; the app escapes it.
    assert_eq!(
        python.prose[0].text(),
        "Pick <b>one</b> course & finish it."
    );
}

#[test]
fn relative_links_resolve_against_roadmap_repo_or_warn_with_their_line() {
    let text = insert_after(
        &readme(),
        "## Other Resources",
        &["- See [the other road maps](road_maps/dev_road_map.md) and [others](./others.md)."],
    );
    let line = line_with(&text, "road_maps/dev_road_map.md");

    // Without `roadmap_repo`: a warning per link, on its line, and the links are text.
    let (r, warnings) = import_text(&text);
    let other = r.section("other-resources").unwrap();
    assert_eq!(other.prose[0].text(), "See the other road maps and others.");
    assert!(other.prose[0].parts.iter().all(|p| p.url.is_none()));
    let link_warnings: Vec<_> = warnings
        .iter()
        .filter(|w| w.field.as_deref() == Some("link"))
        .collect();
    assert_eq!(link_warnings.len(), 2);
    assert!(link_warnings.iter().all(|w| w.line == line));
    assert!(
        link_warnings[0].to_string().starts_with(&format!(
            "content/roadmap/README.md:{line}: field `link`: the link `the other road maps` goes to `road_maps/dev_road_map.md`"
        )),
        "{}",
        link_warnings[0]
    );
    assert!(link_warnings[0].message.contains("roadmap_repo"));

    // With it: real links into the repository, no warning.
    let (r, warnings) = import(Path::new("README.md"), &text, Some(REPO)).unwrap();
    assert_eq!(warnings.len(), 3, "{warnings:?}");
    let urls: Vec<_> = r.section("other-resources").unwrap().prose[0]
        .parts
        .iter()
        .filter_map(|p| p.url.as_deref())
        .collect();
    assert_eq!(
        urls,
        [
            format!("{REPO}road_maps/dev_road_map.md"),
            format!("{REPO}others.md")
        ]
    );
}

#[test]
fn what_is_really_broken_stays_an_error() {
    let text = insert_after(
        &readme(),
        "## Free GPUs",
        &[
            "- [Free GPUs](javascript:alert(1))",
            "- Advice with a [bad link](javascript:alert(1)).",
            "- Plain advice is not an error, nor is [a link here](#free-gpus).",
            "- 📚 [Course](#free-gpus)",
        ],
    );
    let first = line_with(&text, "- [Free GPUs](javascript");
    let errors = import(Path::new("README.md"), &text, Some(REPO)).unwrap_err();
    let found = lines_and_fields(&errors);
    assert_eq!(
        found,
        [
            (first, Some("entry")),
            (first + 1, Some("entry")),
            (first + 3, Some("entry"))
        ]
    );
    says(&errors[0], "javascript:alert(1)");
    assert!(errors[2].message.contains("no link"), "{}", errors[2]);
    // A heading structure that cannot be read: no `## ` section at all.
    let errors = import(Path::new("README.md"), "- advice\n### Sub\n", None).unwrap_err();
    says(&errors[0], "not a road map");
}

#[test]
fn deeply_nested_brackets_are_an_error_on_their_line() {
    let n = 100_000;
    let deep = format!("{}x{}", "[".repeat(n), "]".repeat(n));
    let text = insert_after(
        &readme(),
        "## Fundamentals",
        &[
            &format!("- 📚 {deep}(https://a.com)"),
            &format!("- {deep}"),
            &format!("### {deep}"),
        ],
    );
    let first = line_with(&text, "- 📚 [[[");
    let errors = import(Path::new("README.md"), &text, None).unwrap_err();
    let found = lines_and_fields(&errors);
    assert_eq!(found, [(first, Some("entry")), (first + 1, Some("entry"))]);
    says(&errors[0], "nested more than");
}

#[test]
fn an_older_upstream_readme_of_prose_bullets_imports() {
    // loganthorneloe/ml-road-map at 8d335ad (2024-06): only prose bullets, with a web link, with
    // relative links to `others.md` and `road_maps/…md`.
    let md = fs::read_to_string(fixture("roadmap-2024-06/README.md")).unwrap();
    let (r, warnings) = import(Path::new("README.md"), &md, Some(REPO)).unwrap();
    let titles: Vec<_> = r.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["Before You Begin", "Road Maps"]);
    assert!(r.resources.is_empty());
    let before = &r.sections[0];
    assert_eq!(before.description, "Understand the following:");
    assert_eq!(before.prose.len(), 3);
    assert!(before.prose[1].text().starts_with("Take your time."));
    assert_eq!(
        before.prose[2].parts[1].url.as_deref(),
        Some(format!("{REPO}others.md").as_str())
    );
    let maps = &r.sections[1];
    assert_eq!(maps.prose.len(), 5);
    assert_eq!(
        maps.prose[0].parts[0].url.as_deref(),
        Some(format!("{REPO}road_maps/consumer_road_map.md").as_str())
    );
    // The intro line and the first bullet (a sentence with a web link) are worth a look.
    let found: Vec<_> = warnings
        .iter()
        .map(|w| (w.line, w.field.as_deref()))
        .collect();
    assert_eq!(
        found,
        [(1, Some("intro")), (13, Some("prose"))],
        "{warnings:?}"
    );

    // Without the setting it still imports, with a warning per relative link.
    let (_, warnings) = import(Path::new("README.md"), &md, None).unwrap();
    let lines: Vec<_> = warnings
        .iter()
        .filter(|w| w.field.as_deref() == Some("link"))
        .map(|w| w.line)
        .collect();
    assert_eq!(lines, [15, 20, 21, 22, 23, 24]);
}

#[test]
fn roadmap_repo_in_site_toml_reaches_roadmap_json() {
    let (dir, content) = edited_fixture(&[(
        "site.toml",
        "sign_off = \"Bye\"",
        "sign_off = \"Bye\"\nroadmap_repo = \"https://github.com/loganthorneloe/ml-road-map/blob/main\"",
    )]);
    copy_dir(&content_dir().join("roadmap"), &content.join("roadmap"));
    let readme_path = content.join("roadmap/README.md");
    let text = insert_after(
        &fs::read_to_string(&readme_path).unwrap(),
        "## Other Resources",
        &["- Take your time; see [the others](others.md)."],
    );
    fs::write(&readme_path, text).unwrap();
    let out = dir.path().join("out");
    common::build(&content, &out).unwrap();
    let json = fs::read_to_string(out.join(sb_model::paths::roadmap())).unwrap();
    let decoded: Roadmap = decode_document(&json).unwrap();
    let prose = &decoded.section("other-resources").unwrap().prose[0];
    assert_eq!(prose.text(), "Take your time; see the others.");
    assert_eq!(
        prose.parts[1].url.as_deref(),
        Some(&*format!("{REPO}others.md"))
    );

    // A repository URL that is not http(s) is an error of site.toml.
    let (dir, content) = edited_fixture(&[(
        "site.toml",
        "sign_off = \"Bye\"",
        "sign_off = \"Bye\"\nroadmap_repo = \"javascript:alert(1)\"",
    )]);
    match common::build(&content, &dir.path().join("out")) {
        Err(sb_press::BuildError::Content(errors)) => {
            assert!(
                errors[0].to_string().contains("site.toml")
                    && errors[0].field.as_deref() == Some("roadmap_repo"),
                "{errors:?}"
            );
        }
        other => panic!("expected a site.toml error, got {other:?}"),
    }
}

/// Percent-encoded dot segments (`%2e%2e`, which browsers read as `..`) and encoded slashes
/// cannot climb out of `roadmap_repo`: the link is a warning on its line and stays text (an
/// entry's own title link that cannot be published is an error, as before).
#[test]
fn encoded_dot_segments_do_not_leave_roadmap_repo() {
    let escapes = [
        "%2e%2e/%2e%2e/%2e%2e/%2e%2e/attacker/repo",
        "..%2f..%2f..%2f..%2fattacker/repo",
    ];
    for escape in escapes {
        let bullet = format!("- 📚 [Escape](https://example.com/escape) by [someone]({escape})");
        let text = insert_after(&readme(), "### Deep Learning and Transformers", &[&bullet]);
        let line = line_with(&text, escape);
        let (r, warnings) = import(Path::new("README.md"), &text, Some(REPO)).unwrap();
        let left: Vec<_> = warnings
            .iter()
            .filter(|w| w.message.contains("leaves the road map's repository"))
            .collect();
        assert_eq!(left.len(), 1, "{escape}: {warnings:?}");
        assert_eq!(left[0].line, line, "{escape}");
        let json = serde_json::to_string(&r).unwrap();
        assert!(!json.contains("attacker/repo\""), "{escape}: {json}");
        assert!(!json.contains(escape), "{escape}");

        let bullet = format!("- 📚 [Escape]({escape}) by someone");
        let text = insert_after(&readme(), "### Deep Learning and Transformers", &[&bullet]);
        let errors = import(Path::new("README.md"), &text, Some(REPO)).unwrap_err();
        assert_eq!(errors[0].line, line_with(&text, escape), "{errors:?}");
    }
}
