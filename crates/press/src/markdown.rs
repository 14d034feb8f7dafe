//! Markdown to safe HTML, at build time.
//!
//! pulldown-cmark renders CommonMark (with tables, footnotes and strikethrough);
//! headings get stable `id`s for anchor links; then ammonia sanitizes the result so that no
//! script, event handler or `javascript:`/`data:` URL can reach a reader, whatever the Markdown
//! held. The browser only ever inserts this sanitized HTML.

use std::collections::HashSet;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};
use sb_model::text::{slugify, word_count};

/// The result of rendering one Markdown text.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    pub html: String,
    /// Words of prose (code blocks excluded), for the reading time.
    pub words: usize,
    /// Plain text of the first paragraph, for summaries.
    pub first_paragraph: String,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders and sanitizes Markdown.
pub fn render(markdown: &str) -> Rendered {
    let events: Vec<Event<'_>> = Parser::new_ext(markdown, options()).collect();
    let events = with_heading_ids(events);
    let (words, first_paragraph) = prose_stats(&events);
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut raw, events.into_iter());
    Rendered {
        html: sanitize(&raw),
        words,
        first_paragraph,
    }
}

/// Renders a short inline text (a summary or a comment) as sanitized HTML.
pub fn render_inline(markdown: &str) -> String {
    render(markdown).html
}

/// Gives every heading without an explicit id one made from its text, unique in the document.
fn with_heading_ids(mut events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut used: HashSet<String> = HashSet::new();
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
            let mut id = base.clone();
            let mut n = 2;
            while !used.insert(id.clone()) {
                id = format!("{base}-{n}");
                n += 1;
            }
            if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i] {
                *slot = Some(CowStr::from(id));
            }
        } else if let Event::Start(Tag::Heading { id: Some(id), .. }) = &events[i] {
            used.insert(id.to_string());
        }
        i += 1;
    }
    events
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
    let mut builder = ammonia::Builder::default();
    for h in ["h1", "h2", "h3", "h4", "h5", "h6"] {
        builder.add_tag_attributes(h, ["id"]);
    }
    builder
        .add_tag_attributes("img", ["loading"])
        .add_tag_attributes("a", ["id"])
        .add_tag_attributes("div", ["id"])
        .add_tag_attributes("sup", ["id"])
        .add_tag_attributes("li", ["id"])
        .add_allowed_classes("code", CODE_CLASSES)
        .add_allowed_classes("div", ["footnote-definition"])
        .add_allowed_classes("sup", ["footnote-reference", "footnote-definition-label"])
        .url_schemes(["http", "https", "mailto"].into())
        .link_rel(Some("noopener noreferrer"));
    builder.clean(html).to_string()
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
