//! Weekly resource lists: `content/weeks/<YYYY-MM-DD>.md`. The front matter holds the sections
//! and their entries (structured data: title, link, source, kind, summary, commentary); the
//! Markdown body is the week's intro. Only entries can be paid: a paywall marker in the intro or
//! in a commentary is refused (it would cut nothing, and the text after it would be published).

use std::path::Path;

use sb_model::text::slugify;
use sb_model::{ResourceKind, Week, WeekEntry, WeekSection, WeekSummary, SCHEMA_VERSION};
use serde::Deserialize;
use toml::Spanned;

use crate::content::articles::{check_slug, truncate, PAYWALL_MARKER};
use crate::paid::{check_tier, PaidPart};
use crate::render::markdown::{self, AnchorIds};
use crate::source::error::{ContentError, Problems};
use crate::source::fields::{self, DateValue};
use crate::source::front_matter;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WeekFront {
    title: Spanned<String>,
    date: Spanned<DateValue>,
    #[serde(default)]
    sections: Vec<SectionFront>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionFront {
    title: Spanned<String>,
    #[serde(default)]
    entries: Vec<EntryFront>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryFront {
    title: Spanned<String>,
    url: Spanned<String>,
    source: Spanned<String>,
    kind: ResourceKind,
    summary: Spanned<String>,
    commentary: Option<Spanned<String>>,
    /// Set on entries for paid subscribers of that tier.
    tier: Option<Spanned<String>>,
}

/// A week as read: the document with its free entries only, and per section the paid entries'
/// plaintext, kept apart so nothing but sealing can publish it.
#[derive(Debug)]
pub struct Loaded {
    pub week: Week,
    pub paid: Vec<Vec<PaidPart<WeekEntry>>>,
}

/// Reads one week file, collecting every problem it finds; accepts any well-formed tier.
pub fn load(file: &Path, text: &str) -> Result<Week, Vec<ContentError>> {
    load_with(file, text, None).map(|l| l.week)
}

/// Reads one week file, checking tiers against the site's when given.
pub fn load_with(
    file: &Path,
    text: &str,
    known_tiers: Option<&[String]>,
) -> Result<Loaded, Vec<ContentError>> {
    let doc = front_matter::split(file, text).map_err(|e| vec![e])?;
    let front: WeekFront = front_matter::parse(file, &doc).map_err(|e| vec![e])?;
    let mut problems = Problems::default();

    let stem = file
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    let slug = problems.keep(check_slug(file, 1, stem));
    let title = problems.keep(fields::non_empty(file, &doc, "title", &front.title));
    let date = problems.keep(fields::date(file, &doc, "date", &front.date));
    if front.sections.is_empty() {
        problems.push(ContentError::new(
            file,
            1,
            Some("sections"),
            "a week needs at least one [[sections]] table",
        ));
    }

    let mut sections = Vec::new();
    let mut paid_sections = Vec::new();
    for s in &front.sections {
        let section_title =
            problems.keep(fields::non_empty(file, &doc, "sections.title", &s.title));
        if s.entries.is_empty() {
            problems.push(ContentError::new(
                file,
                fields::line_in_file(&doc, s.title.span()),
                Some("sections.entries"),
                "this section has no [[sections.entries]]",
            ));
        }
        let mut entries = Vec::new();
        let mut paid = Vec::new();
        for e in &s.entries {
            let tier = e
                .tier
                .as_ref()
                .and_then(|t| problems.keep(check_tier(file, &doc, t, known_tiers)));
            let title = problems.keep(fields::non_empty(file, &doc, "entries.title", &e.title));
            let url = problems.keep(fields::web_url(file, &doc, "entries.url", &e.url));
            let source = problems.keep(fields::non_empty(file, &doc, "entries.source", &e.source));
            let summary =
                problems.keep(fields::non_empty(file, &doc, "entries.summary", &e.summary));
            let commentary = e.commentary.as_ref().map_or("", |c| c.get_ref().as_str());
            if let Some(c) = &e.commentary {
                let split = markdown::render_split(commentary, None, Some(PAYWALL_MARKER));
                if !split.marker_lines.is_empty() || !split.stray_marker_lines.is_empty() {
                    problems.push(ContentError::new(
                        file,
                        fields::line_in_file(&doc, c.span()),
                        Some("entries.commentary"),
                        format!(
                            "`{PAYWALL_MARKER}` does not work in a commentary: set \
                             `tier = \"paid\"` on the entry to make all of it paid"
                        ),
                    ));
                }
            }
            if let (Some(title), Some(url), Some(source), Some(summary)) =
                (title, url, source, summary)
            {
                let entry = WeekEntry {
                    id: String::new(), // given below, once every entry is known
                    title,
                    url,
                    source,
                    kind: e.kind,
                    summary,
                    commentary_html: if commentary.trim().is_empty() {
                        String::new()
                    } else {
                        markdown::render_inline(commentary)
                    },
                };
                match tier {
                    Some(tier) => paid.push(PaidPart {
                        tier,
                        content: entry,
                    }),
                    None => entries.push(entry),
                }
            }
        }
        if let Some(title) = section_title {
            sections.push(WeekSection {
                title,
                entries,
                paid: Vec::new(),
            });
            paid_sections.push(paid);
        }
    }

    give_anchor_ids(&mut sections, &mut paid_sections);

    let split = markdown::render_split(doc.body, None, Some(PAYWALL_MARKER));
    for i in split.marker_lines.iter().chain(&split.stray_marker_lines) {
        problems.push(ContentError::new(
            file,
            doc.body_line + i,
            Some("body"),
            format!(
                "`{PAYWALL_MARKER}` does not work in a week's intro, which is all free: remove \
                 it, and put paid resources in entries with `tier = \"paid\"`"
            ),
        ));
    }
    let intro = split.first;
    match (slug, title, date, problems.is_empty()) {
        (Some(slug), Some(title), Some(date), true) => {
            let entry_count = sections.iter().map(|s| s.entries.len() as u32).sum();
            let paid_count = paid_sections.iter().map(|p| p.len() as u32).sum();
            Ok(Loaded {
                week: Week {
                    schema: SCHEMA_VERSION,
                    meta: WeekSummary {
                        slug,
                        title,
                        date,
                        summary: truncate(&intro.first_paragraph),
                        entry_count,
                        paid_count,
                    },
                    intro_html: intro.html,
                    sections,
                },
                paid: paid_sections,
            })
        }
        _ => Err(problems.0),
    }
}

/// Anchor ids from titles, unique within the week. Free entries are named first, so a free
/// entry's id (published in plain JSON) never carries a `-2` that hints at a paid title.
fn give_anchor_ids(sections: &mut [WeekSection], paid: &mut [Vec<PaidPart<WeekEntry>>]) {
    let mut ids = AnchorIds::default();
    let free = sections.iter_mut().flat_map(|s| s.entries.iter_mut());
    let sealed = paid.iter_mut().flatten().map(|p| &mut p.content);
    for entry in free.chain(sealed) {
        entry.id = ids.take(&slugify(&entry.title));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"+++
title = "Week 1"
date = 2026-11-20

[[sections]]
title = "Must reads"

[[sections.entries]]
title = "Attention Is All You Need"
url = "https://arxiv.org/abs/1706.03762"
source = "Vaswani et al."
kind = "paper"
summary = "The transformer paper."
commentary = "Still worth *rereading*."

[[sections.entries]]
title = "Attention Is All You Need"
url = "https://example.com/talk"
source = "A talk"
kind = "video"
summary = "A talk about it."
+++

This week: attention.
"#;

    #[test]
    fn loads_sections_entries_and_unique_ids() {
        let w = load(Path::new("content/weeks/2026-11-20.md"), GOOD).unwrap();
        assert_eq!(w.meta.slug, "2026-11-20");
        assert_eq!(w.meta.entry_count, 2);
        let ids: Vec<_> = w.sections[0]
            .entries
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(
            ids,
            ["attention-is-all-you-need", "attention-is-all-you-need-2"]
        );
        assert!(w.sections[0].entries[0]
            .commentary_html
            .contains("<em>rereading</em>"));
        assert_eq!(w.meta.summary, "This week: attention.");
    }

    #[test]
    fn free_ids_come_first_so_they_hint_at_no_paid_title() {
        let paid_first = GOOD.replacen("kind = \"paper\"", "kind = \"paper\"\ntier = \"paid\"", 1);
        let l = load_with(Path::new("content/weeks/2026-11-20.md"), &paid_first, None).unwrap();
        assert_eq!(
            l.week.sections[0].entries[0].id,
            "attention-is-all-you-need"
        );
        assert_eq!(l.paid[0][0].content.id, "attention-is-all-you-need-2");
        assert_eq!((l.week.meta.entry_count, l.week.meta.paid_count), (1, 1));
    }

    #[test]
    fn a_paywall_marker_in_the_intro_or_a_commentary_is_refused_with_its_line() {
        let cases = [
            (
                GOOD.replace(
                    "This week: attention.",
                    "Free.\n\n<!-- paywall -->\n\nPAID-X.",
                ),
                26,
                "body",
            ),
            (
                GOOD.replace(
                    "This week: attention.",
                    "Free.\n\n> <!-- paywall -->\n> PAID-X.",
                ),
                26,
                "body",
            ),
            (
                GOOD.replace("Still worth *rereading*.", "Free. <!-- paywall --> PAID-X."),
                14,
                "entries.commentary",
            ),
        ];
        for (text, line, field) in cases {
            let errs = load(Path::new("content/weeks/2026-11-20.md"), &text).unwrap_err();
            assert_eq!(
                (errs[0].line, errs[0].field.as_deref()),
                (line, Some(field)),
                "{errs:?}"
            );
            assert!(errs[0].message.contains("<!-- paywall -->"), "{errs:?}");
        }
    }

    #[test]
    fn bad_url_and_unknown_kind_name_their_lines() {
        let bad = GOOD.replace(
            "https://arxiv.org/abs/1706.03762",
            "arxiv.org/abs/1706.03762",
        );
        let errs = load(Path::new("content/weeks/2026-11-20.md"), &bad).unwrap_err();
        assert_eq!(
            (errs[0].line, errs[0].field.as_deref()),
            (10, Some("entries.url")),
            "{errs:?}"
        );

        let bad = GOOD.replace("kind = \"video\"", "kind = \"blogpost\"");
        let errs = load(Path::new("content/weeks/2026-11-20.md"), &bad).unwrap_err();
        assert_eq!(errs[0].line, 20, "{errs:?}");
        assert!(errs[0].message.contains("blogpost"), "{errs:?}");
    }
}
