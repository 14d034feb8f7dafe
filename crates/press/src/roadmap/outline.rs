//! The road map's line structure: sections, subsections, groups and entry lines with their
//! notes and sub-links, read line by line (the source is a flat list per heading, so a line
//! walker is simpler and gives exact line numbers). Resource identity is decided later.
//!
//! A bullet that is not a resource (advice such as "Take your time…", links to other files of
//! the road map's repository) is prose of the heading it sits under, not an error.

use sb_model::roadmap::Prose;

use super::entry::{self, EntryLine, Item, Linker, SubLine};
use super::inline::{self, collapse_whitespace};
use super::Diagnostics;

#[derive(Debug, Default)]
pub struct Outline {
    /// Plain text of the "Welcome to the …" line.
    pub intro: Option<String>,
    pub sections: Vec<SectionDraft>,
}

#[derive(Debug)]
pub struct SectionDraft {
    pub line: usize,
    pub title: String,
    /// Prose lines directly under the heading.
    pub description: Vec<String>,
    pub prose: Vec<Prose>,
    pub subsections: Vec<SubsectionDraft>,
}

#[derive(Debug)]
pub struct SubsectionDraft {
    pub line: usize,
    /// `None` for the implicit subsection of entries directly under a section.
    pub title: Option<String>,
    pub prose: Vec<Prose>,
    pub groups: Vec<GroupDraft>,
}

#[derive(Debug)]
pub struct GroupDraft {
    pub line: usize,
    pub title: Option<String>,
    pub prose: Vec<Prose>,
    pub entries: Vec<EntryDraft>,
}

#[derive(Debug)]
pub struct EntryDraft {
    pub line: usize,
    pub parsed: EntryLine,
    pub note: Option<String>,
}

/// Where indented lines (notes, sub-links) after an entry go.
#[derive(Clone, Copy, PartialEq)]
enum Open {
    Nothing,
    /// The last entry of the current group.
    Entry,
    /// An entry line that had an error: its notes and sub-links are skipped, not reported again.
    Broken,
}

/// Reads the structure of `markdown`, recording unreadable lines in `diag`.
pub fn read(markdown: &str, linker: Linker, diag: &mut Diagnostics) -> Outline {
    let mut outline = Outline::default();
    let mut open = Open::Nothing;
    for (index, raw) in markdown.lines().enumerate() {
        let n = index + 1;
        let line = raw.trim_end();
        let text = line.trim_start();
        if outline.sections.is_empty() && !line.starts_with("## ") {
            if outline.intro.is_none() && text.starts_with("Welcome to the") {
                outline.intro = Some(plain(text));
            }
            continue;
        }
        if text.is_empty() {
            continue;
        }
        let indented = line.len() != text.len();
        if open != Open::Nothing && (indented || text.starts_with('>')) {
            follow_entry(&mut outline, open, n, text, linker, diag);
            continue;
        }
        open = Open::Nothing;

        if let Some((level, title)) = heading(text) {
            let title = plain(title);
            match level {
                2 => outline.sections.push(SectionDraft {
                    line: n,
                    title,
                    description: Vec::new(),
                    prose: Vec::new(),
                    subsections: Vec::new(),
                }),
                3 => current_section(&mut outline)
                    .subsections
                    .push(SubsectionDraft {
                        line: n,
                        title: Some(title),
                        prose: Vec::new(),
                        groups: Vec::new(),
                    }),
                _ => diag.warn(
                    n,
                    None,
                    format!("a level-{level} heading is not part of the road map; ignored"),
                ),
            }
        } else if let Some(title) = group_title(text) {
            current_subsection(&mut outline, n).groups.push(GroupDraft {
                line: n,
                title: Some(title),
                prose: Vec::new(),
                entries: Vec::new(),
            });
        } else if let Some(body) = list_item(text) {
            // An indented bullet that does not follow an entry (a nested list of advice) is read
            // like any other bullet.
            let mut warnings = Vec::new();
            let item = entry::parse(body, linker, &mut warnings);
            for (field, w) in warnings {
                diag.warn(n, Some(field), w);
            }
            open = match item {
                Ok(Item::Prose(prose)) => {
                    if !prose.parts.is_empty() {
                        add_prose(&mut outline, prose);
                    }
                    Open::Nothing
                }
                Ok(Item::Entry(parsed)) => {
                    current_group(&mut outline, n).entries.push(EntryDraft {
                        line: n,
                        parsed,
                        note: None,
                    });
                    Open::Entry
                }
                Err(why) => {
                    diag.error(n, Some("entry"), why);
                    Open::Broken
                }
            };
        } else if is_prose(text) {
            let section = current_section(&mut outline);
            if section.subsections.is_empty() {
                section.description.push(plain(text));
            }
        }
    }
    outline
}

/// A note (`> …`) or sub-link (`- [Volume 1](…)`) line after an entry.
fn follow_entry(
    outline: &mut Outline,
    open: Open,
    n: usize,
    text: &str,
    linker: Linker,
    diag: &mut Diagnostics,
) {
    if open == Open::Broken {
        return;
    }
    let entry = current_group(outline, n)
        .entries
        .last_mut()
        .expect("an open entry was pushed");
    let mut add_note = |more: String| {
        entry.note = Some(match entry.note.take() {
            Some(before) => format!("{before} {more}"),
            None => more,
        });
    };
    if let Some(quote) = text.strip_prefix('>') {
        add_note(plain(quote));
    } else if let Some(body) = list_item(text) {
        let mut warnings = Vec::new();
        match entry::parse_sub_line(body, linker, &mut warnings) {
            Ok(SubLine::Links(links)) => entry.parsed.links.extend(links),
            // Advice under a resource is more of its note.
            Ok(SubLine::Text(more)) if !more.is_empty() => add_note(more),
            Ok(SubLine::Text(_)) => {}
            Err(why) => diag.error(n, Some("entry"), why),
        }
        for (field, w) in warnings {
            diag.warn(n, Some(field), w);
        }
    }
    // Other indented text continues the entry's paragraph; the road map never has any.
}

/// Puts a prose bullet under the innermost heading it follows: the last group, else the last
/// subsection, else the section.
fn add_prose(outline: &mut Outline, prose: Prose) {
    let section = current_section(outline);
    match section.subsections.last_mut() {
        None => section.prose.push(prose),
        Some(sub) => match sub.groups.last_mut() {
            None => sub.prose.push(prose),
            Some(group) => group.prose.push(prose),
        },
    }
}

/// `## Title` → `(2, "Title")`.
fn heading(text: &str) -> Option<(usize, &str)> {
    let level = text.bytes().take_while(|&b| b == b'#').count();
    let rest = &text[level..];
    (level > 0 && (rest.is_empty() || rest.starts_with(' '))).then(|| (level, rest.trim()))
}

/// A line that is only `**Group name**`.
fn group_title(text: &str) -> Option<String> {
    let inner = text.strip_prefix("**")?.strip_suffix("**")?.trim();
    let plain_label = !inner.is_empty() && !inner.contains(['*', '[', ']', '(', ')']);
    plain_label.then(|| inner.to_string())
}

/// The text of a `- `, `* ` or `+ ` list line.
fn list_item(text: &str) -> Option<&str> {
    ["- ", "* ", "+ "]
        .iter()
        .find_map(|m| text.strip_prefix(m))
        .or_else(|| (text == "-").then_some(""))
}

/// A paragraph line, as opposed to an image, HTML, or a horizontal rule.
fn is_prose(text: &str) -> bool {
    let rule = text.len() >= 3
        && ['-', '_', '*']
            .iter()
            .any(|&c| text.chars().all(|x| x == c || x == ' '));
    !(rule || text.starts_with("![") || text.starts_with('<'))
}

/// Plain text of a line of inline Markdown (the raw text, if it cannot be read).
fn plain(source: &str) -> String {
    inline::parse(source).map_or_else(|_| collapse_whitespace(source), |p| p.text)
}

fn current_section(outline: &mut Outline) -> &mut SectionDraft {
    outline
        .sections
        .last_mut()
        .expect("lines are only read after the first `## `")
}

fn current_subsection(outline: &mut Outline, n: usize) -> &mut SubsectionDraft {
    let section = current_section(outline);
    if section.subsections.is_empty() {
        section.subsections.push(SubsectionDraft {
            line: n,
            title: None,
            prose: Vec::new(),
            groups: Vec::new(),
        });
    }
    section.subsections.last_mut().expect("just ensured")
}

fn current_group(outline: &mut Outline, n: usize) -> &mut GroupDraft {
    let subsection = current_subsection(outline, n);
    if subsection.groups.is_empty() {
        subsection.groups.push(GroupDraft {
            line: n,
            title: None,
            prose: Vec::new(),
            entries: Vec::new(),
        });
    }
    subsection.groups.last_mut().expect("just ensured")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_shapes() {
        assert_eq!(heading("## Job Skills"), Some((2, "Job Skills")));
        assert_eq!(heading("### X"), Some((3, "X")));
        assert_eq!(heading("#hashtag"), None);
        assert_eq!(
            group_title("**Core Machine Learning** ".trim_end()).as_deref(),
            Some("Core Machine Learning")
        );
        assert_eq!(
            group_title("**If any [send](https://x) to let me know.**"),
            None
        );
        assert_eq!(group_title("**a** and **b**"), None);
        assert_eq!(list_item("- 📚 x"), Some("📚 x"));
        assert_eq!(list_item("-x"), None);
        assert!(!is_prose("___"));
        assert!(!is_prose("<br></br>"));
        assert!(!is_prose("![x](assets/a.png)"));
        assert!(is_prose("This sections contains popular skills."));
    }
}
