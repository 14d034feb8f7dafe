//! Markdown to safe HTML, at build time.
//!
//! pulldown-cmark renders CommonMark (with tables, footnotes and strikethrough);
//! headings get stable `id`s for anchor links and a table of contents; fenced code is
//! highlighted by [`crate::render::highlight`]; then ammonia sanitizes the result so that no
//! script, event handler or `javascript:`/`data:` URL can reach a reader, whatever the Markdown
//! held. The browser only ever inserts this sanitized HTML.

use std::collections::HashSet;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use sb_model::article::TocEntry;
use sb_model::text::{escape_html, slugify, word_count};

use crate::render::highlight::{highlight, CLASS_PREFIX};
use crate::render::local_images;

/// The result of rendering one Markdown text.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    pub html: String,
    /// Words of prose (code blocks excluded), for the reading time.
    pub words: usize,
    /// Plain text of the first paragraph, for summaries.
    pub first_paragraph: String,
    /// The `##` and `###` headings, for a table of contents.
    pub toc: Vec<TocEntry>,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders and sanitizes Markdown (images left as they are written).
pub fn render(markdown: &str) -> Rendered {
    render_with_images(markdown, None).0
}

/// Renders and sanitizes Markdown; images become lazy `<img>`s, and local ones (under
/// `content/images/`, when `content` is given) get their `width`/`height` and published path.
/// Returns the problems with local images.
pub fn render_with_images(
    markdown: &str,
    content: Option<&std::path::Path>,
) -> (Rendered, Vec<String>) {
    let split = render_split(markdown, content, None);
    (split.first, split.problems)
}

/// A body rendered in two parts at a marker (see [`render_split`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    /// Everything before the first marker (the whole text without one).
    pub first: Rendered,
    /// Everything after the first marker.
    pub rest: Option<Rendered>,
    /// The 0-based line of every top-level marker, in order.
    pub marker_lines: Vec<usize>,
    /// The 0-based line of every marker that is not a cut: inside a list, a quote or a larger
    /// HTML block, or inline in a paragraph (a marker in code is text, and not counted).
    pub stray_marker_lines: Vec<usize>,
    /// Problems with local images.
    pub problems: Vec<String>,
}

/// Element ids of the site's own page (the main landmark, the pre-rendered copy, the app's
/// root): no heading or entry anchor may take them.
pub const RESERVED_IDS: [&str; 3] = ["main", "sb-prerendered", "sb-app"];

/// Anchor ids handed out on one page: each unique (`notes`, `notes-2`, …), none of the page's
/// own [`RESERVED_IDS`].
pub struct AnchorIds(HashSet<String>);

impl Default for AnchorIds {
    fn default() -> Self {
        AnchorIds(RESERVED_IDS.iter().map(|id| id.to_string()).collect())
    }
}

impl AnchorIds {
    /// A free id made from `base`.
    pub fn take(&mut self, base: &str) -> String {
        let mut id = base.to_string();
        let mut n = 2;
        while !self.0.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }
}

/// Renders Markdown, cut in two at the first top-level HTML block that is exactly `marker` (a
/// marker inside a code fence or a list is not a cut). Heading ids are unique across both
/// parts, as they are in one document.
///
/// The markers are found in one pass over the parsed document, and that same event stream is
/// cut: what follows the marker is the rest, and the first part is rendered from the source
/// text before the marker alone, so nothing written after the marker (not even a link
/// reference definition or a footnote) can reach the first part, whatever the Markdown nests.
pub fn render_split(
    markdown: &str,
    content: Option<&std::path::Path>,
    marker: Option<&str>,
) -> Split {
    let parsed: Vec<(Event<'_>, std::ops::Range<usize>)> = Parser::new_ext(markdown, options())
        .into_offset_iter()
        .collect();
    let line_of = |offset: usize| markdown[..offset].matches('\n').count();
    let mut cuts = Vec::new();
    let mut marker_lines = Vec::new();
    let mut stray_marker_lines = Vec::new();
    if let Some(marker) = marker {
        for run in html_runs(&parsed) {
            let text: String = run
                .events
                .clone()
                .map(|i| html_text(&parsed[i].0))
                .collect();
            if !holds_marker(&text, marker) {
                continue;
            }
            let line = line_of(parsed[run.events.start].1.start);
            match run.block {
                Some((start, end)) if run.depth == 0 && normalized(&text) == normalized(marker) => {
                    cuts.push((start, end));
                    marker_lines.push(line);
                }
                _ => stray_marker_lines.push(line),
            }
        }
    }
    let mut problems = Vec::new();
    // One id space for both parts; a heading named "Main" gets `main-2`, never the landmark's.
    let mut ids = AnchorIds::default();
    let mut prepare = |events: Vec<Event<'_>>| {
        let events = with_lazy_images(events, content, &mut problems);
        finish(with_heading_ids(events, &mut ids), markdown.len())
    };
    let (first, rest) = match cuts.first() {
        None => (prepare(parsed.into_iter().map(|(e, _)| e).collect()), None),
        Some(&(start, end)) => {
            // The marker's block is Start(HtmlBlock), its Html lines, End(HtmlBlock).
            let before = &markdown[..parsed[start].1.start];
            let first = prepare(Parser::new_ext(before, options()).collect());
            let rest = parsed.into_iter().skip(end + 1).map(|(e, _)| e).collect();
            (first, Some(prepare(rest)))
        }
    };
    Split {
        first,
        rest,
        marker_lines,
        stray_marker_lines,
        problems,
    }
}

/// Raw HTML that reads as one piece: the lines of one HTML block, or inline HTML pieces with
/// only line breaks between them (a comment over several lines comes as several events).
struct HtmlRun {
    /// Indices of the run's events (Html / InlineHtml, and the breaks between inline pieces).
    events: std::ops::Range<usize>,
    /// The indices of its Start(HtmlBlock) and End(HtmlBlock) when the run is a whole block.
    block: Option<(usize, usize)>,
    /// How many non-HTML containers (list, quote, paragraph…) hold it.
    depth: usize,
}

fn html_runs(parsed: &[(Event<'_>, std::ops::Range<usize>)]) -> Vec<HtmlRun> {
    let is_html = |e: &Event<'_>| matches!(e, Event::Html(_) | Event::InlineHtml(_));
    let is_break = |e: &Event<'_>| matches!(e, Event::SoftBreak | Event::HardBreak);
    let mut runs = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < parsed.len() {
        match &parsed[i].0 {
            Event::Start(Tag::HtmlBlock) => {
                let end = (i + 1..parsed.len())
                    .find(|&j| matches!(parsed[j].0, Event::End(TagEnd::HtmlBlock)))
                    .unwrap_or(parsed.len());
                runs.push(HtmlRun {
                    events: i + 1..end,
                    block: (end < parsed.len()).then_some((i, end)),
                    depth,
                });
                i = end + 1;
                continue;
            }
            e if is_html(e) => {
                let mut end = i + 1;
                while end < parsed.len() {
                    let next = &parsed[end].0;
                    let joins = is_html(next)
                        || (is_break(next) && parsed.get(end + 1).is_some_and(|(e, _)| is_html(e)));
                    if !joins {
                        break;
                    }
                    end += 1;
                }
                runs.push(HtmlRun {
                    events: i..end,
                    block: None,
                    depth,
                });
                i = end;
                continue;
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    runs
}

/// The raw text of an HTML event (breaks between inline pieces count as a newline).
fn html_text<'a>(event: &'a Event<'_>) -> &'a str {
    match event {
        Event::Html(text) | Event::InlineHtml(text) => text,
        _ => "\n",
    }
}

/// Text without whitespace and in lowercase, so `<!--Paywall-->` is seen as `<!-- paywall -->`.
fn normalized(text: &str) -> String {
    text.split_whitespace().collect::<String>().to_lowercase()
}

/// Whether raw HTML holds `marker`, however it is spaced or cased.
fn holds_marker(html: &str, marker: &str) -> bool {
    normalized(html).contains(&normalized(marker))
}

/// Stats, table of contents, anchors, highlighting, HTML and sanitizing of prepared events.
fn finish(events: Vec<Event<'_>>, size_hint: usize) -> Rendered {
    let (words, first_paragraph) = prose_stats(&events);
    let toc = table_of_contents(&events);
    let events = with_heading_anchors(events);
    let events = with_highlighted_code(events);
    let mut raw = String::with_capacity(size_hint * 3 / 2);
    pulldown_cmark::html::push_html(&mut raw, events.into_iter());
    Rendered {
        html: sanitize(&raw),
        words,
        first_paragraph,
        toc,
    }
}

/// Turns Markdown images into `<img loading="lazy">` with sizes for local files.
fn with_lazy_images<'a>(
    events: Vec<Event<'a>>,
    content: Option<&std::path::Path>,
    problems: &mut Vec<String>,
) -> Vec<Event<'a>> {
    let mut out = Vec::with_capacity(events.len());
    let mut iter = events.into_iter();
    while let Some(e) = iter.next() {
        let Event::Start(Tag::Image { dest_url, .. }) = &e else {
            out.push(e);
            continue;
        };
        let mut alt = String::new();
        // An image's alt text may itself hold images (`![a ![b](u)](v)`): the image ends at
        // the `End` that matches its `Start`, not at the first one.
        let mut depth = 1usize;
        for inner in iter.by_ref() {
            match inner {
                Event::Start(Tag::Image { .. }) => depth += 1,
                Event::End(TagEnd::Image) => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                Event::Text(t) | Event::Code(t) => alt.push_str(&t),
                _ => {}
            }
        }
        let mut src = dest_url.to_string();
        let mut size = String::new();
        if let Some(content) = content.filter(|_| local_images::is_local(&src)) {
            match local_images::size(content, &src) {
                Ok((w, h)) => {
                    size = format!(" width=\"{w}\" height=\"{h}\"");
                    src = local_images::published_src(src.trim_start_matches("./"));
                }
                Err(why) => problems.push(why),
            }
        }
        out.push(Event::Html(CowStr::from(format!(
            "<img src=\"{}\" alt=\"{}\"{size} loading=\"lazy\" decoding=\"async\">",
            escape_html(&src),
            escape_html(&alt)
        ))));
    }
    out
}

/// Renders a short inline text (a summary or a comment) as sanitized HTML.
pub fn render_inline(markdown: &str) -> String {
    render(markdown).html
}

/// Gives every heading without an explicit id one made from its text, unique in the document.
fn with_heading_ids<'a>(mut events: Vec<Event<'a>>, used: &mut AnchorIds) -> Vec<Event<'a>> {
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { id: None, .. }) = &events[i] {
            let text: String = events[i + 1..]
                .iter()
                .take_while(|e| !matches!(e, Event::End(TagEnd::Heading(_))))
                .filter_map(|e| match e {
                    Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                    _ => None,
                })
                .collect();
            let base = match slugify(&text) {
                s if s.is_empty() => "section".to_string(),
                s => s,
            };
            let id = used.take(&base);
            if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i] {
                *slot = Some(CowStr::from(id));
            }
        } else if let Event::Start(Tag::Heading { id: Some(id), .. }) = &events[i] {
            // An id the author wrote is kept when it is free; a reserved one (`sb-app`) or one
            // already on the page gets a free one made from it, so ids stay unique.
            let free = used.take(id);
            if free != id.as_ref() {
                if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i] {
                    *slot = Some(CowStr::from(free));
                }
            }
        }
        i += 1;
    }
    events
}

/// Ends every `##`–`####` heading with a `#` link to itself, for sharing a section.
fn with_heading_anchors(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out = Vec::with_capacity(events.len() + 16);
    let mut open: Option<(String, String)> = None; // (id, text)
    for e in events {
        match &e {
            Event::Start(Tag::Heading {
                level,
                id: Some(id),
                ..
            }) if *level != HeadingLevel::H1 && *level <= HeadingLevel::H4 => {
                open = Some((id.to_string(), String::new()));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text)) = open.as_mut() {
                    text.push_str(t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((id, text)) = open.take() {
                    out.push(Event::Html(CowStr::from(format!(
                        " <a class=\"heading-anchor\" href=\"#{}\" aria-label=\"Link to section: {}\">#</a>",
                        escape_html(&id),
                        escape_html(&text)
                    ))));
                }
            }
            _ => {}
        }
        out.push(e);
    }
    out
}

/// The level-2 and level-3 headings with their ids and plain text.
fn table_of_contents(events: &[Event<'_>]) -> Vec<TocEntry> {
    let mut toc = Vec::new();
    let mut current: Option<TocEntry> = None;
    for e in events {
        match e {
            Event::Start(Tag::Heading {
                level,
                id: Some(id),
                ..
            }) if matches!(level, HeadingLevel::H2 | HeadingLevel::H3) => {
                current = Some(TocEntry {
                    id: id.to_string(),
                    text: String::new(),
                    level: if *level == HeadingLevel::H2 { 2 } else { 3 },
                });
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = current.as_mut() {
                    c.text.push_str(t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(c) = current.take() {
                    toc.push(c);
                }
            }
            _ => {}
        }
    }
    toc
}

/// Replaces each fenced code block in a known language by its highlighted HTML. The fence tag
/// is reduced to `[a-z0-9+#-]` before it reaches a class name.
fn with_highlighted_code(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out = Vec::with_capacity(events.len());
    let mut iter = events.into_iter();
    while let Some(e) = iter.next() {
        let Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) = &e else {
            out.push(e);
            continue;
        };
        let lang: String = info
            .split(|c: char| c.is_whitespace() || c == ',')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '#' | '-'))
            .collect();
        let mut inner = vec![];
        let mut code = String::new();
        for e in iter.by_ref() {
            if matches!(e, Event::End(TagEnd::CodeBlock)) {
                break;
            }
            if let Event::Text(t) = &e {
                code.push_str(t);
            }
            inner.push(e);
        }
        match highlight(&code, &lang) {
            Some(html) => out.push(Event::Html(CowStr::from(format!(
                "<pre><code class=\"language-{lang}\">{html}</code></pre>\n"
            )))),
            None => {
                out.push(e);
                out.extend(inner);
                out.push(Event::End(TagEnd::CodeBlock));
            }
        }
    }
    out
}

fn prose_stats(events: &[Event<'_>]) -> (usize, String) {
    let mut words = 0;
    let mut in_code = false;
    let mut first = String::new();
    let mut paragraph_state = 0; // 0 = before first paragraph, 1 = inside it, 2 = done
    for e in events {
        match e {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Start(Tag::Paragraph) if paragraph_state == 0 => paragraph_state = 1,
            Event::End(TagEnd::Paragraph) if paragraph_state == 1 => paragraph_state = 2,
            Event::Text(t) | Event::Code(t) if !in_code => {
                words += word_count(t);
                if paragraph_state == 1 {
                    first.push_str(t);
                }
            }
            Event::SoftBreak | Event::HardBreak if paragraph_state == 1 => first.push(' '),
            _ => {}
        }
    }
    (words, first.trim().to_string())
}

/// The sanitizer policy: ammonia's safe defaults, plus what rendered Markdown legitimately uses
/// (heading ids, code language classes, footnotes, lazy images). No `style` attribute survives:
/// the site runs under a CSP that forbids inline styles.
pub fn sanitize(html: &str) -> String {
    sanitizer().clean(html).to_string()
}

/// The [`sanitize`] policy as a builder, for callers that add to it (the feeds make URLs
/// absolute).
pub fn sanitizer() -> ammonia::Builder<'static> {
    let mut builder = ammonia::Builder::default();
    for h in ["h1", "h2", "h3", "h4", "h5", "h6"] {
        builder.add_tag_attributes(h, ["id"]);
    }
    builder
        .add_tag_attributes("img", ["loading", "decoding"])
        .add_tag_attributes("a", ["id"])
        .add_tag_attributes("div", ["id"])
        .add_tag_attributes("sup", ["id"])
        .add_tag_attributes("li", ["id"])
        .add_allowed_classes("code", CODE_CLASSES)
        .add_allowed_classes("div", ["footnote-definition"])
        .add_allowed_classes("a", ["heading-anchor"])
        .add_tag_attributes("a", ["aria-label"])
        .add_allowed_classes("sup", ["footnote-reference", "footnote-definition-label"])
        .add_tag_attributes("span", ["class"])
        .attribute_filter(|element, attribute, value| {
            if element == "span" && attribute == "class" {
                // Only the highlighter's own classes survive on spans.
                let kept: Vec<&str> = value
                    .split_whitespace()
                    .filter(|c| c.starts_with(CLASS_PREFIX))
                    .collect();
                (!kept.is_empty()).then(|| kept.join(" ").into())
            } else {
                Some(value.into())
            }
        })
        .url_schemes(["http", "https", "mailto"].into())
        .link_rel(Some("noopener noreferrer"));
    builder
}

/// `language-*` classes that pulldown-cmark writes on fenced code blocks.
const CODE_CLASSES: [&str; 14] = [
    "language-rust",
    "language-python",
    "language-bash",
    "language-sh",
    "language-shell",
    "language-json",
    "language-toml",
    "language-yaml",
    "language-sql",
    "language-cpp",
    "language-c",
    "language-go",
    "language-javascript",
    "language-text",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_explicit_heading_id_never_takes_a_reserved_or_used_id() {
        let html =
            render("## One {#sb-app}\n\n## Two {#notes}\n\n## Three {#notes}\n\n## Four {#main}\n")
                .html;
        assert!(!html.contains("id=\"sb-app\""), "{html}");
        assert!(!html.contains("id=\"main\""), "{html}");
        assert!(html.contains("id=\"sb-app-2\""), "{html}");
        assert!(html.contains("id=\"main-2\""), "{html}");
        assert_eq!(html.matches("id=\"notes\"").count(), 1, "{html}");
        assert!(html.contains("id=\"notes-2\""), "{html}");
    }

    #[test]
    fn anchor_ids_are_unique_and_never_the_pages_own() {
        let mut ids = AnchorIds::default();
        assert_eq!(ids.take("notes"), "notes");
        assert_eq!(ids.take("notes"), "notes-2");
        assert_eq!(ids.take("main"), "main-2");
    }

    #[test]
    fn headings_never_take_the_pages_own_ids() {
        let html = render("## Main\n\n## SB prerendered\n\n## sb app\n").html;
        for id in RESERVED_IDS {
            assert!(!html.contains(&format!("id=\"{id}\"")), "{id}: {html}");
            assert!(html.contains(&format!("id=\"{id}-2\"")), "{id}: {html}");
        }
    }

    #[test]
    fn a_top_level_marker_splits_with_ids_unique_across_parts() {
        let md = "Intro.\n\n## Notes\n\nFree.\n\n<!-- cut -->\n\n## Notes\n\nPaid.\n";
        let split = render_split(md, None, Some("<!-- cut -->"));
        assert_eq!(split.marker_lines, [6]);
        assert!(split.first.html.contains("id=\"notes\"") && !split.first.html.contains("Paid"));
        let rest = split.rest.unwrap();
        assert!(rest.html.contains("id=\"notes-2\""), "{}", rest.html);
        assert_eq!(rest.toc[0].id, "notes-2");
        assert!(!rest.html.contains("cut"));
    }

    #[test]
    fn a_marker_in_code_is_text_and_one_in_a_list_or_quote_is_stray_not_a_cut() {
        let split = render_split(
            "Text.\n\n```html\n<!-- cut -->\n```\n",
            None,
            Some("<!-- cut -->"),
        );
        assert!(split.marker_lines.is_empty() && split.stray_marker_lines.is_empty());
        for md in [
            "- item\n\n  <!-- cut -->\n",
            "> <!-- cut -->\n",
            "Some <!-- cut --> inline.\n",
            "<div>\n<!-- cut -->\n</div>\n",
        ] {
            let split = render_split(md, None, Some("<!-- cut -->"));
            assert!(
                split.marker_lines.is_empty() && split.rest.is_none(),
                "{md:?}"
            );
            assert_eq!(split.stray_marker_lines.len(), 1, "{md:?}");
        }
        let split = render_split("A.\n\n<!--CUT-->\n\nB.\n", None, Some("<!-- cut -->"));
        assert_eq!(split.marker_lines, [2], "spacing and case do not matter");
    }

    #[test]
    fn a_marker_over_several_lines_indented_or_with_crlf_is_still_the_marker() {
        for md in [
            "A.\n\n<!--\ncut\n-->\n\nSECRET\n",
            "A.\n\n<!--  Cut\n  -->\n\nSECRET\n",
            "A.\r\n\r\n<!-- cut -->\r\n\r\nSECRET\r\n",
            "A.\r\n\r\n<!--\r\ncut\r\n-->\r\n\r\nSECRET\r\n",
            "A.\n\n   <!-- cut -->\n\nSECRET\n",
            " A.\n\n <!-- cut -->\n\nSECRET\n",
        ] {
            let split = render_split(md, None, Some("<!-- cut -->"));
            assert_eq!(split.marker_lines, [2], "{md:?}");
            assert!(split.stray_marker_lines.is_empty(), "{md:?}");
            assert!(!split.first.html.contains("SECRET"), "{md:?}");
            assert!(split.rest.unwrap().html.contains("SECRET"), "{md:?}");
        }
        // Not alone in its block, over several lines: still seen, as a stray marker.
        for md in [
            "Some <!--\ncut\n--> inline.\n",
            "<div>\n<!--\ncut -->\n</div>\n",
            "> <!--\n> cut -->\n",
        ] {
            let split = render_split(md, None, Some("<!-- cut -->"));
            assert!(split.rest.is_none(), "{md:?}");
            assert_eq!(split.stray_marker_lines.len(), 1, "{md:?}");
        }
    }

    #[test]
    fn images_nested_in_alt_text_end_where_they_started() {
        for md in [
            "![a ![b](u)](v)\n\nFree.\n\n<!-- cut -->\n\nSECRET\n",
            "![![![x](1)](2)](3) Free.\n\n<!-- cut -->\n\n## SECRET\n\nSECRET\n",
            "[![a ![b](u)](v)](w)\n\n<!-- cut -->\n\nSECRET\n",
        ] {
            let split = render_split(md, None, Some("<!-- cut -->"));
            assert_eq!(split.marker_lines.len(), 1, "{md:?}");
            assert!(
                !split.first.html.contains("SECRET"),
                "{md:?}: {}",
                split.first.html
            );
            assert!(split.first.toc.is_empty(), "{md:?}");
            assert!(split.rest.unwrap().html.contains("SECRET"), "{md:?}");
        }
        let r = render("![a ![b](u) c](v) after\n");
        assert!(r.html.contains("alt=\"a b c\""), "{}", r.html);
        assert!(r.html.contains("after"), "{}", r.html);
    }

    #[test]
    fn nothing_written_after_the_marker_reaches_the_first_part() {
        let md = "See [the link][r] and a note.[^n]\n\n<!-- cut -->\n\n\
                  [r]: https://example.com/SECRET \"SECRET\"\n\n[^n]: SECRET note.\n";
        let split = render_split(md, None, Some("<!-- cut -->"));
        assert!(!split.first.html.contains("SECRET"), "{}", split.first.html);
    }

    #[test]
    fn renders_common_markdown() {
        let r =
            render("# Big title\n\nSome *text* with `code`.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert!(
            r.html.contains("<h1 id=\"big-title\">Big title</h1>"),
            "{}",
            r.html
        );
        assert!(r.html.contains("<em>text</em>"));
        assert!(r.html.contains("<table>"));
        assert_eq!(r.first_paragraph, "Some text with code.");
    }

    #[test]
    fn headings_link_to_themselves() {
        let r = render("## Why it matters\n\ntext\n");
        assert!(
            r.html.contains("<h2 id=\"why-it-matters\">Why it matters <a class=\"heading-anchor\" href=\"#why-it-matters\" aria-label=\"Link to section: Why it matters\" rel=\"noopener noreferrer\">#</a></h2>"),
            "{}",
            r.html
        );
        assert_eq!(
            r.toc[0].text, "Why it matters",
            "the anchor is not part of the heading's text"
        );
    }

    #[test]
    fn heading_ids_are_unique() {
        let r = render("## Setup\n\n## Setup\n\n## Setup {#custom}\n");
        assert!(r.html.contains("id=\"setup\""));
        assert!(r.html.contains("id=\"setup-2\""));
        assert!(r.html.contains("id=\"custom\""));
    }

    #[test]
    fn code_keeps_language_class_and_is_not_counted() {
        let r = render("One two three.\n\n```python\nimport torch as t\n```\n");
        assert!(r.html.contains("class=\"language-python\""), "{}", r.html);
        assert_eq!(r.words, 3);
    }

    #[test]
    fn code_blocks_are_highlighted_with_classes_only() {
        let r =
            render("```python\nimport torch  # comment\n```\n\n```nosuchlang\nplain <b>\n```\n");
        assert!(
            r.html
                .contains("<pre><code class=\"language-python\"><span class=\"hl-"),
            "{}",
            r.html
        );
        assert!(r.html.contains("hl-comment"), "{}", r.html);
        assert!(r.html.contains("plain &lt;b&gt;"), "{}", r.html);
        assert!(!r.html.contains("style="), "{}", r.html);
        let hostile = render("<span class=\"evil hl-x\" onclick=\"x()\">t</span>").html;
        assert!(
            hostile.contains("<span class=\"hl-x\">t</span>"),
            "{hostile}"
        );
    }

    #[test]
    fn toc_lists_h2_and_h3() {
        let r = render("# Title\n\n## First `part`\n\n### Detail\n\n#### Too deep\n\n## Second\n");
        let toc: Vec<(u8, &str, &str)> = r
            .toc
            .iter()
            .map(|t| (t.level, t.id.as_str(), t.text.as_str()))
            .collect();
        assert_eq!(
            toc,
            [
                (2, "first-part", "First part"),
                (3, "detail", "Detail"),
                (2, "second", "Second")
            ]
        );
    }

    #[test]
    fn links_get_safe_rel() {
        let html = render_inline("[site](https://example.com)");
        assert!(html.contains("rel=\"noopener noreferrer\""), "{html}");
    }

    #[test]
    fn footnotes_render() {
        let r = render("Claim.[^1]\n\n[^1]: Source.\n");
        assert!(r.html.contains("footnote-reference"), "{}", r.html);
        assert!(r.html.contains("footnote-definition"), "{}", r.html);
    }

    #[test]
    fn hostile_html_is_removed() {
        let payloads = [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[x](javascript:alert(1))",
            "<a href=\"javascript:alert(1)\">x</a>",
            "![x](data:image/svg+xml;base64,PHN2Zz4=)",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<svg><script>alert(1)</script></svg>",
            "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
            "<object data=\"x.swf\"></object>",
            "<form action=\"https://evil.example\"><input name=x></form>",
        ];
        for p in payloads {
            let html = render(p).html.to_lowercase();
            for bad in [
                "<script",
                "onerror",
                "javascript:",
                "data:",
                "<iframe",
                "<svg",
                "<object",
                "<form",
                "style=",
            ] {
                assert!(!html.contains(bad), "{p} left {bad}: {html}");
            }
        }
    }
}
