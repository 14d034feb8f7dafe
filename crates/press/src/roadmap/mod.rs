//! Imports the ML Road Map (`content/roadmap/README.md`, its author's Markdown as published
//! upstream; who that is lives in `content/roadmap/credit.toml`) into the site's [`Roadmap`]
//! document.
//!
//! The source is hand-written Markdown, not data, so the import is forgiving where a guess is
//! safe (a missing type emoji becomes a warning and a guess from the link) and strict where it
//! is not: an entry line it cannot read is an error on that line, never a silently lost entry.
//! A bullet that is not a resource (no type emoji, no http(s) link) is prose of its heading, and
//! a link to another file of the road map's repository resolves against `roadmap_repo`
//! (site.toml), or stays text with a warning.
//!
//! The README is read on every build, so this folder sits below `content` (which calls it) and
//! depends only on `source` and `sb_model`.

mod entry;
mod inline;
mod links;
mod outline;
mod resources;
mod synth;

pub mod credit;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use sb_model::roadmap::{Credit, Entry, Group, Resource, ResourceLink, Section, Subsection};
use sb_model::text::slugify;
use sb_model::{Roadmap, SCHEMA_VERSION};

use crate::source::error::ContentError;
use entry::{Linker, Marker};
use outline::EntryDraft;
use resources::Resources;

pub use synth::synthetic;

pub const TITLE: &str = "Machine Learning Road Map";

/// The credit of a road map read from its README alone: who made it is the publisher's to say
/// (`credit.toml`, see [`credit`]), and `press` gives it before publishing.
fn no_credit() -> Credit {
    Credit {
        author: String::new(),
        author_url: String::new(),
        source_url: String::new(),
        license: String::new(),
    }
}

/// Errors and warnings found while importing one file.
#[derive(Debug)]
pub struct Diagnostics {
    file: PathBuf,
    errors: Vec<ContentError>,
    warnings: Vec<ContentError>,
}

impl Diagnostics {
    fn new(file: &Path) -> Self {
        Self {
            file: file.to_path_buf(),
            errors: Vec::new(),
            warnings: Vec::new(),
        }
    }

    fn error(&mut self, line: usize, field: Option<&str>, message: impl Into<String>) {
        self.errors
            .push(ContentError::new(&self.file, line, field, message));
    }

    fn warn(&mut self, line: usize, field: Option<&str>, message: impl Into<String>) {
        self.warnings
            .push(ContentError::new(&self.file, line, field, message));
    }
}

/// Reads the road map Markdown. `repo` is the URL relative links resolve against (the road map
/// repository's files, ending in `/`). `Ok` holds the road map and warnings (things read but
/// guessed or skipped); `Err` holds every error found.
pub fn import(
    file: &Path,
    markdown: &str,
    repo: Option<&str>,
) -> Result<(Roadmap, Vec<ContentError>), Vec<ContentError>> {
    let mut diag = Diagnostics::new(file);
    let outline = outline::read(markdown, Linker { repo }, &mut diag);
    if outline.sections.is_empty() {
        diag.error(1, None, "no `## ` section heading: this is not a road map");
    }
    let intro = outline.intro.unwrap_or_else(|| {
        diag.warn(
            1,
            Some("intro"),
            "no line starting with \"Welcome to the\"; the intro is empty",
        );
        String::new()
    });

    let mut resources = Resources::default();
    let mut section_ids = HashSet::new();
    let mut subsection_ids = HashSet::new();
    let mut sections = Vec::new();
    for s in outline.sections {
        let id = slugify(&s.title);
        check_id(
            &mut diag,
            &mut section_ids,
            s.line,
            "section",
            &s.title,
            &id,
        );
        let mut subsections = Vec::new();
        for sub in s.subsections {
            let sub_id = sub.title.as_deref().map_or_else(|| id.clone(), slugify);
            let shown = sub.title.as_deref().unwrap_or(&s.title);
            check_id(
                &mut diag,
                &mut subsection_ids,
                sub.line,
                "subsection",
                shown,
                &sub_id,
            );
            let mut groups = Vec::new();
            for g in sub.groups {
                if g.entries.is_empty() && g.prose.is_empty() {
                    let name = g.title.as_deref().unwrap_or_default();
                    diag.warn(
                        g.line,
                        Some("group"),
                        format!("group `{name}` has no entries; left out"),
                    );
                    continue;
                }
                let entries: Vec<Entry> = g
                    .entries
                    .into_iter()
                    .filter_map(|e| place(&mut diag, &mut resources, e))
                    .collect();
                groups.push(Group {
                    title: g.title,
                    prose: g.prose,
                    entries,
                });
            }
            if groups.is_empty() && sub.prose.is_empty() {
                diag.warn(
                    sub.line,
                    Some("subsection"),
                    format!("subsection `{shown}` has no entries"),
                );
            }
            subsections.push(Subsection {
                id: sub_id,
                title: sub.title,
                prose: sub.prose,
                groups,
            });
        }
        if subsections.is_empty() && s.prose.is_empty() {
            diag.warn(
                s.line,
                Some("section"),
                format!("section `{}` has no entries", s.title),
            );
        }
        sections.push(Section {
            id,
            title: s.title,
            description: s.description.join(" "),
            prose: s.prose,
            subsections,
        });
    }

    // Reported in file order (outline errors are found before resource errors).
    diag.errors.sort_by_key(|e| e.line);
    diag.warnings.sort_by_key(|e| e.line);
    if !diag.errors.is_empty() {
        return Err(diag.errors);
    }
    let roadmap = Roadmap {
        schema: SCHEMA_VERSION,
        title: TITLE.to_string(),
        intro,
        credit: no_credit(),
        sections,
        resources: resources.into_vec(),
    };
    Ok((roadmap, diag.warnings))
}

/// Section and subsection ids must be non-empty and unique: the app uses them as anchors.
fn check_id(
    diag: &mut Diagnostics,
    seen: &mut HashSet<String>,
    line: usize,
    field: &str,
    title: &str,
    id: &str,
) {
    if id.is_empty() {
        diag.error(
            line,
            Some(field),
            format!("the title `{title}` gives an empty id"),
        );
    } else if !seen.insert(id.to_string()) {
        diag.error(
            line,
            Some(field),
            format!("the id `{id}` (from `{title}`) is already used by another {field}"),
        );
    }
}

/// Turns one entry line into a placement of a (possibly already known) resource.
fn place(diag: &mut Diagnostics, resources: &mut Resources, e: EntryDraft) -> Option<Entry> {
    let p = e.parsed;
    if p.links.is_empty() {
        diag.error(
            e.line,
            Some("entry"),
            format!("`{}` has no link with an http(s) URL", p.title),
        );
        return None;
    }
    let first_url = p.links[0].url.clone();
    let kind = match p.marker {
        Marker::Known(kind) => kind,
        Marker::Unknown(marker) => {
            let kind = links::guess_type(&first_url);
            let codes: Vec<String> = marker
                .chars()
                .map(|c| format!("U+{:04X}", c as u32))
                .collect();
            diag.warn(
                e.line,
                Some("type"),
                format!(
                    "unrecognized type marker `{marker}` ({}); guessed {} from the link",
                    codes.join(" "),
                    kind.key()
                ),
            );
            kind
        }
        Marker::Missing => {
            let kind = links::guess_type(&first_url);
            diag.warn(
                e.line,
                Some("type"),
                format!("no type marker; guessed {} from the link", kind.key()),
            );
            kind
        }
    };
    // "by [me](…)" in the source means the road map's author: [`credit::apply`] names them.
    let author = p.author;
    let free = !p.links.iter().any(|l| links::is_store(&l.url));
    let candidate = Resource {
        id: String::new(),
        title: p.title,
        links: p
            .links
            .into_iter()
            .map(|l| ResourceLink {
                label: l.label,
                url: l.url,
            })
            .collect(),
        author,
        author_url: p.author_url,
        kind,
        free,
    };
    Some(Entry {
        resource: resources.add(candidate).to_string(),
        note: e.note,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use sb_model::ResourceType;

    fn import_ok(md: &str) -> (Roadmap, Vec<ContentError>) {
        import(Path::new("r.md"), md, None).unwrap_or_else(|e| panic!("{e:?}"))
    }

    const SMALL: &str = "\
![banner](a.png)
Welcome to the **Road Map**: free!
- [Skipped](https://toc.example) table of contents

## Basics
Read these *first*.

**Python**
- 📚 [Intro](https://a.com/intro/) by [Uni](https://uni.edu)
  > Start here

### Later
- 📘 Big Book by [Ann](https://x.com/ann)
  - [Volume 1](https://www.amazon.com/v1)
  - [Volume 2](https://www.amazon.com/v2)
  > Both volumes
- 📚 [Intro again](https://A.com/intro) by Uni

## Tail
- 🖥️ [GPU](https://gpu.example)
<br></br>
___
**Feedback [here](https://x.com/me) please.**
";

    #[test]
    fn reads_structure_entries_and_notes() {
        let (r, warnings) = import_ok(SMALL);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(r.intro, "Welcome to the Road Map: free!");
        let ids: Vec<_> = r.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["basics", "tail"]);
        let basics = &r.sections[0];
        assert_eq!(basics.description, "Read these *first*.");
        // Entries before any `###` sit in an implicit subsection named after the section.
        assert_eq!(basics.subsections[0].id, "basics");
        assert_eq!(basics.subsections[0].title, None);
        assert_eq!(
            basics.subsections[0].groups[0].title.as_deref(),
            Some("Python")
        );
        assert_eq!(basics.subsections[1].id, "later");
        let later = &basics.subsections[1].groups[0];
        assert_eq!(later.title, None);
        assert_eq!(later.entries[0].note.as_deref(), Some("Both volumes"));
        // The repeated Intro is the same resource.
        assert_eq!(later.entries[1].resource, "intro");
        assert_eq!(r.resources.len(), 3);
        let book = r.resource("big-book").unwrap();
        assert_eq!(book.links.len(), 2);
        assert_eq!(book.links[1].label, "Volume 2");
        assert!(!book.free);
        assert_eq!(r.resource("gpu").unwrap().kind, ResourceType::Compute);
        assert_eq!(r.sections[1].subsections[0].groups[0].entries.len(), 1);
    }

    #[test]
    fn guesses_and_warns() {
        let md = "## S\n- [V](https://youtu.be/x)\n- \u{fffd} [B](https://github.com/a/b) by [me](https://x.com/l)\n";
        let (r, warnings) = import_ok(md);
        assert_eq!(r.resources[0].kind, ResourceType::Video);
        assert_eq!(r.resources[1].kind, ResourceType::Book);
        assert_eq!(r.resources[1].author.as_deref(), Some("me"));
        let lines: Vec<_> = warnings
            .iter()
            .map(|w| (w.line, w.field.as_deref()))
            .collect();
        // Line 1: no "Welcome to the" intro.
        assert_eq!(
            lines,
            [(1, Some("intro")), (2, Some("type")), (3, Some("type"))]
        );
        assert!(
            warnings[2].message.contains("U+FFFD"),
            "{}",
            warnings[2].message
        );
    }

    #[test]
    fn unreadable_entries_are_all_reported() {
        let md = "## S\n- 📚 [Ok](https://a.com)\n- 📚 [Broken(https://x\n  > its note\n- 📚 No link here\n- 📘 Book\n  - not a link\n  - [x](javascript:x)\n";
        let errors = import(Path::new("r.md"), md, None).unwrap_err();
        let lines: Vec<_> = errors
            .iter()
            .map(|e| (e.line, e.field.as_deref()))
            .collect();
        assert_eq!(
            lines,
            [
                (3, Some("entry")),
                (5, Some("entry")),
                (6, Some("entry")),
                (8, Some("entry"))
            ]
        );
    }

    #[test]
    fn duplicate_section_ids_are_errors() {
        let errors = import(
            Path::new("r.md"),
            "## A b\n- 📚 [x](https://a.com)\n## A-B\n",
            None,
        )
        .unwrap_err();
        assert_eq!(
            (errors[0].line, errors[0].field.as_deref()),
            (3, Some("section"))
        );
    }

    #[test]
    fn no_panic_on_junk() {
        let junk = [
            "",
            "\n\n\n",
            "## \n### \n#### x\n",
            "## A\n## A\n",
            "- [x](https://a)\n",
            "## A\n  > orphan note\n  - [orphan](https://a.com)\n**\n****\n- \n-\n- ]\n- [\n- (\n- 🛠️\n",
            "## 日本語 🎌\n- 🎥 [動画](https://youtu.be/😀) by\n- ￿￿ [\u{0}](https://\u{202e}a)\n",
            "## A\n- [a](https://a.com) by [b](",
            "\u{fffd}\u{fffd}## \u{fffd}\n- \u{fffd}",
        ];
        for md in junk {
            let _ = import(Path::new("junk.md"), md, None);
            let _ = import(Path::new("junk.md"), md, Some("https://r.example/"));
        }
    }
}
