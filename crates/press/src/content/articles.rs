//! Topic articles: `content/articles/<slug>.md`, TOML front matter then the Markdown body.

use std::path::Path;

use sb_model::article::PaidAccess;
use sb_model::paywall::PaidBody;
use sb_model::text::{is_slug, reading_minutes};
use sb_model::{Article, ArticleSummary, SCHEMA_VERSION};
use serde::Deserialize;
use toml::Spanned;

use crate::paid::{check_tier, PaidPart};
use crate::render::{local_images, markdown};
use crate::source::error::{ContentError, Problems};
use crate::source::fields::{self, DateValue};
use crate::source::front_matter::{self, line_of_key};

/// The line that ends an article's free preview; what follows is for the article's `tier`.
pub const PAYWALL_MARKER: &str = "<!-- paywall -->";

/// Longest summary derived from the first paragraph when the front matter gives none.
const SUMMARY_CHARS: usize = 220;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ArticleFront {
    title: Spanned<String>,
    subtitle: Option<String>,
    date: Spanned<DateValue>,
    updated: Option<Spanned<DateValue>>,
    #[serde(default)]
    topics: Vec<Spanned<String>>,
    summary: Option<String>,
    slug: Option<Spanned<String>>,
    /// A local image, `images/<file>`.
    cover: Option<Spanned<String>>,
    /// Required with `cover`: what the image shows.
    cover_alt: Option<Spanned<String>>,
    /// The tier the article is for: all of it, or what follows the paywall marker.
    tier: Option<Spanned<String>>,
}

/// The registries content is checked against; `None` accepts any well-formed value.
#[derive(Debug, Default, Clone, Copy)]
pub struct Known<'a> {
    pub topics: Option<&'a [String]>,
    pub tiers: Option<&'a [String]>,
}

/// An article as read: the document with its free part only, and the paid part's plaintext
/// kept apart, so nothing but sealing can publish it.
#[derive(Debug)]
pub struct Loaded {
    pub article: Article,
    pub paid: Option<PaidPart<PaidBody>>,
}

/// Reads one article file. Collects every problem it finds rather than stopping at the first.
pub fn load(file: &Path, text: &str) -> Result<Article, Vec<ContentError>> {
    load_with(file, text, Known::default()).map(|l| l.article)
}

/// Reads one article, checking its topics and tier against the registries.
pub fn load_with(file: &Path, text: &str, known: Known<'_>) -> Result<Loaded, Vec<ContentError>> {
    let known_topics = known.topics;
    let doc = front_matter::split(file, text).map_err(|e| vec![e])?;
    let front: ArticleFront = front_matter::parse(file, &doc).map_err(|e| vec![e])?;
    let mut problems = Problems::default();

    let title = problems.keep(fields::non_empty(file, &doc, "title", &front.title));
    let date = problems.keep(fields::date(file, &doc, "date", &front.date));
    let updated = front
        .updated
        .as_ref()
        .and_then(|u| problems.keep(fields::date(file, &doc, "updated", u)));
    let slug = match &front.slug {
        Some(s) => problems.keep(check_slug(
            file,
            fields::line_in_file(&doc, s.span()),
            s.get_ref(),
        )),
        None => {
            let stem = file
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            problems.keep(check_slug(file, 1, stem).map_err(|mut e| {
                e.message = format!(
                    "{} (the slug comes from the file name; rename the file or set `slug`)",
                    e.message
                );
                e
            }))
        }
    };
    let mut topics = Vec::new();
    for t in &front.topics {
        let unknown = known_topics.is_some_and(|known| !known.contains(t.get_ref()));
        if is_slug(t.get_ref()) && unknown {
            problems.push(ContentError::new(
                file,
                fields::line_in_file(&doc, t.span()),
                Some("topics"),
                format!(
                    "unknown topic `{}`: add it to content/topics.toml or fix the spelling",
                    t.get_ref()
                ),
            ));
        } else if is_slug(t.get_ref()) {
            topics.push(t.get_ref().clone());
        } else {
            problems.push(ContentError::new(
                file,
                fields::line_in_file(&doc, t.span()),
                Some("topics"),
                format!(
                    "topic `{}` must be a slug such as `model-serving`",
                    t.get_ref()
                ),
            ));
        }
    }
    if let (Some(date), Some(updated)) = (date, updated) {
        if updated < date {
            problems.push(ContentError::new(
                file,
                line_of_key(&doc, "updated"),
                Some("updated"),
                format!("{updated} is before the publication date {date}"),
            ));
        }
    }

    // content/articles/<file>.md → content/
    let content = file.parent().and_then(Path::parent);
    let tier = front
        .tier
        .as_ref()
        .and_then(|t| problems.keep(check_tier(file, &doc, t, known.tiers)));
    let split = markdown::render_split(doc.body, content, Some(PAYWALL_MARKER));
    for why in &split.problems {
        problems.push(ContentError::new(
            file,
            doc.body_line,
            Some("body"),
            why.clone(),
        ));
    }
    for i in &split.stray_marker_lines {
        problems.push(ContentError::new(
            file,
            doc.body_line + i,
            Some("body"),
            format!(
                "`{PAYWALL_MARKER}` must be a line of its own between paragraphs, not inside a \
                 list, a quote, an HTML block or a sentence: here it would cut nothing"
            ),
        ));
    }
    let (body, paid) = split_at_paywall(file, &doc, &front, split, &mut problems);
    let words = body.words + paid.as_ref().map_or(0, |p| p.words);
    if let (Some(tier), None) = (&front.tier, &paid) {
        // Cannot happen with the rules of `split_at_paywall`; refused rather than published.
        problems.push(ContentError::new(
            file,
            fields::line_in_file(&doc, tier.span()),
            Some("tier"),
            "the article is for a tier but nothing of it would be sealed",
        ));
    }
    let cover = match (&front.cover, &front.cover_alt) {
        (None, _) => None,
        (Some(src), alt) => {
            let line = fields::line_in_file(&doc, src.span());
            let alt = alt
                .as_ref()
                .map(|a| a.get_ref().trim().to_string())
                .filter(|a| !a.is_empty());
            match (content.map(|c| local_images::size(c, src.get_ref())), alt) {
                (_, None) => {
                    problems.push(ContentError::new(
                        file,
                        line,
                        Some("cover_alt"),
                        "a cover image needs `cover_alt`, a short description of what it shows",
                    ));
                    None
                }
                (Some(Ok((width, height))), Some(alt)) => Some(sb_model::article::Image {
                    src: local_images::published_src(src.get_ref().trim_start_matches("./")),
                    alt,
                    width,
                    height,
                }),
                (Some(Err(why)), _) => {
                    problems.push(ContentError::new(file, line, Some("cover"), why));
                    None
                }
                (None, _) => None,
            }
        }
    };
    if words == 0 {
        problems.push(ContentError::new(
            file,
            doc.body_line,
            Some("body"),
            "the article has no text after its front matter",
        ));
    }
    let summary = front
        .summary
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|| truncate(&body.first_paragraph));

    match (title, date, slug, problems.is_empty()) {
        (Some(title), Some(date), Some(slug), true) => Ok(Article {
            schema: SCHEMA_VERSION,
            meta: ArticleSummary {
                slug,
                title,
                subtitle: front
                    .subtitle
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty()),
                date,
                updated,
                topics,
                // What a free reader can read: paid words would tell how long the paid part is.
                reading_minutes: reading_minutes(body.words),
                summary,
                cover,
                paid: tier.clone().map(|tier| PaidAccess {
                    tier,
                    preview: body.words > 0,
                }),
            },
            body_html: body.html,
            paid_body: None,
            toc: body.toc,
            previous: None,
            next: None,
        })
        .map(|article| Loaded {
            article,
            paid: tier.zip(paid).map(|(tier, p)| PaidPart {
                tier,
                content: PaidBody {
                    html: p.html,
                    toc: p.toc,
                },
            }),
        }),
        _ => Err(problems.0),
    }
}

/// The free and the paid part of the rendered body: everything is free without a `tier`,
/// everything is paid with a `tier` and no marker, and the marker splits the two otherwise.
fn split_at_paywall(
    file: &Path,
    doc: &front_matter::Document<'_>,
    front: &ArticleFront,
    split: markdown::Split,
    problems: &mut Problems,
) -> (markdown::Rendered, Option<markdown::Rendered>) {
    let line_of = |i: usize| doc.body_line + i;
    let nothing = || markdown::render("");
    match (&front.tier, split.marker_lines.as_slice()) {
        (None, []) => (split.first, None),
        (None, [i, ..]) => {
            problems.push(ContentError::new(
                file,
                line_of(*i),
                Some("tier"),
                "the body has a paywall marker but the front matter sets no `tier`: \
                 add `tier = \"paid\"` (or remove the marker)",
            ));
            (split.first, None)
        }
        (Some(tier), []) => {
            if front.summary.as_deref().is_none_or(|s| s.trim().is_empty()) {
                problems.push(ContentError::new(
                    file,
                    fields::line_in_file(doc, tier.span()),
                    Some("summary"),
                    "a paid-only article needs a `summary`: without a paywall marker the whole \
                     body is paid, and a summary taken from it would give its start away",
                ));
            }
            (nothing(), Some(split.first))
        }
        (Some(_), [i]) => {
            if split.first.words == 0 {
                problems.push(ContentError::new(
                    file,
                    line_of(*i),
                    Some("body"),
                    "nothing comes before the paywall marker: move it down, or remove it to make \
                     the whole article paid",
                ));
            }
            if split.rest.as_ref().is_none_or(|r| r.html.trim().is_empty()) {
                problems.push(ContentError::new(
                    file,
                    line_of(*i),
                    Some("body"),
                    "nothing comes after the paywall marker: there is nothing to seal",
                ));
            }
            (split.first, split.rest)
        }
        (Some(_), [_, i, ..]) => {
            problems.push(ContentError::new(
                file,
                line_of(*i),
                Some("body"),
                format!("a second `{PAYWALL_MARKER}`: an article has one paywall"),
            ));
            (split.first, split.rest)
        }
    }
}

/// Slugs must be well formed and must not take the name of an index page.
pub fn check_slug(file: &Path, line: usize, slug: &str) -> Result<String, ContentError> {
    if !is_slug(slug) {
        return Err(ContentError::new(
            file,
            line,
            Some("slug"),
            format!("`{slug}` is not a slug: use lowercase letters, digits and single dashes"),
        ));
    }
    if slug
        .strip_prefix("page-")
        .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(ContentError::new(
            file,
            line,
            Some("slug"),
            format!("`{slug}` is reserved for index pages"),
        ));
    }
    Ok(slug.to_string())
}

/// Shortens text to a summary at a word boundary, with an ellipsis when cut.
pub fn truncate(text: &str) -> String {
    if text.chars().count() <= SUMMARY_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().take(SUMMARY_CHARS).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':', '.']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_str(name: &str, text: &str) -> Result<Article, Vec<ContentError>> {
        load(Path::new(name), text)
    }

    #[test]
    fn loads_a_complete_article() {
        let a = load_str(
            "content/articles/serving-basics.md",
            "+++\ntitle = \"Serving basics\"\ndate = 2026-11-20\ntopics = [\"model-serving\"]\n+++\n\nFirst paragraph here.\n\n## Part\n\nMore.\n",
        )
        .unwrap();
        assert_eq!(a.meta.slug, "serving-basics");
        assert_eq!(a.meta.date.to_string(), "2026-11-20");
        assert_eq!(a.meta.summary, "First paragraph here.");
        assert_eq!(a.meta.reading_minutes, 1);
        assert!(a.body_html.contains("<h2 id=\"part\">"));
    }

    #[test]
    fn collects_several_errors_with_lines() {
        let errs = load_str(
            "content/articles/x.md",
            "+++\ntitle = \"  \"\ndate = \"2026-02-30\"\ntopics = [\"Bad Topic\"]\n+++\nText.\n",
        )
        .unwrap_err();
        let lines: Vec<_> = errs
            .iter()
            .map(|e| (e.line, e.field.clone().unwrap()))
            .collect();
        assert_eq!(
            lines,
            [
                (2, "title".to_string()),
                (3, "date".to_string()),
                (4, "topics".to_string())
            ],
            "{errs:?}"
        );
    }

    #[test]
    fn reserved_and_malformed_slugs() {
        assert!(check_slug(Path::new("f"), 1, "page-3")
            .unwrap_err()
            .message
            .contains("reserved"));
        assert!(check_slug(Path::new("f"), 1, "page-one").is_ok());
        assert!(check_slug(Path::new("f"), 1, "Hello World")
            .unwrap_err()
            .message
            .contains("not a slug"));
    }

    #[test]
    fn updated_before_date_is_refused() {
        let errs = load_str(
            "content/articles/x.md",
            "+++\ntitle = \"T\"\ndate = 2026-05-02\nupdated = 2026-05-01\n+++\nText.\n",
        )
        .unwrap_err();
        assert_eq!(
            (errs[0].line, errs[0].field.as_deref()),
            (4, Some("updated"))
        );
    }

    fn paid(body: &str) -> Result<Loaded, Vec<ContentError>> {
        let text = format!(
            "+++\ntitle = \"T\"\ndate = 2026-05-02\ntier = \"paid\"\nsummary = \"S.\"\n+++\n{body}"
        );
        load_with(Path::new("content/articles/x.md"), &text, Known::default())
    }

    #[test]
    fn reading_time_counts_only_what_a_free_reader_can_read() {
        let long = "word ".repeat(2300);
        let l = paid(&format!(
            "A short free preview.\n\n{PAYWALL_MARKER}\n\n{long}\n"
        ))
        .unwrap();
        assert_eq!(l.article.meta.reading_minutes, 1);
        let json = serde_json::to_string(&l.article).unwrap();
        assert!(!json.contains("word"), "{json}");
        let l = paid(&format!("{long}\n")).unwrap();
        assert_eq!(
            l.article.meta.reading_minutes, 1,
            "paid-only: nothing to read for free"
        );
        assert!(l.paid.is_some());
    }

    #[test]
    fn a_paid_article_always_yields_a_sealed_part_or_an_error() {
        let l = paid("![a ![b](https://e.x/u.png)](https://e.x/v.png) Free.\n\n<!-- paywall -->\n\n## Paid\n\nPAID-CANARY\n").unwrap();
        let json = serde_json::to_string(&l.article).unwrap();
        assert!(
            !json.contains("PAID-CANARY") && !json.contains("Paid"),
            "{json}"
        );
        assert!(l.paid.unwrap().content.html.contains("PAID-CANARY"));

        for (body, line, want) in [
            (
                "Free.\n\n<!-- paywall -->\n",
                9,
                "nothing comes after the paywall marker",
            ),
            (
                "Free.\n\n- a\n\n  <!-- paywall -->\n\nPaid.\n",
                11,
                "must be a line of its own",
            ),
            (
                "Free.\n\n> <!--Paywall-->\n\nPaid.\n",
                9,
                "must be a line of its own",
            ),
        ] {
            let errs = paid(body).unwrap_err();
            assert!(
                errs.iter()
                    .any(|e| e.line == line && e.message.contains(want)),
                "{body:?}: {errs:?}"
            );
        }
    }

    #[test]
    fn truncates_at_a_word() {
        let long = "word ".repeat(100);
        let t = truncate(&long);
        assert!(
            t.ends_with('…') && t.chars().count() <= SUMMARY_CHARS + 1,
            "{t}"
        );
        assert_eq!(truncate("short."), "short.");
    }
}
