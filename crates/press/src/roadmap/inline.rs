//! Inline Markdown of one road-map line: its plain text and the links in it.
//!
//! Entries only use links, bold and the odd backslash escape, so a small hand parser is enough,
//! and unlike a CommonMark renderer (which quietly turns a broken link into text) it can say what
//! is wrong with a line: an unclosed `[`, a link whose `(url` never closes. Those messages become
//! content errors on the entry's line.

/// How deeply `[...]` may nest. The road map never nests a bracket in another's label more than
/// once; the limit keeps the (recursive) parser's stack and time bounded on hostile input.
pub const MAX_DEPTH: usize = 16;

/// The plain text of a piece of inline Markdown and the links it holds, in order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Inline {
    /// Link markup removed, emphasis markers dropped, whitespace collapsed.
    pub text: String,
    pub links: Vec<Link>,
    /// The text in order, split where links begin and end (whitespace not yet collapsed).
    pub spans: Vec<Span>,
}

/// A piece of [`Inline::spans`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    Text(String),
    /// The link at this index of [`Inline::links`].
    Link(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Plain text of the link.
    pub label: String,
    pub url: String,
}

/// Parses `source`, or says why it cannot be read.
pub fn parse(source: &str) -> Result<Inline, String> {
    parse_nested(source, 0)
}

/// [`parse`] of text `depth` brackets deep.
fn parse_nested(source: &str, depth: usize) -> Result<Inline, String> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = Inline::default();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' if i + 1 < chars.len() => {
                out.push_text(chars[i + 1]);
                i += 2;
            }
            '*' if chars.get(i + 1) == Some(&'*') => i += 2,
            '`' => i += 1,
            '!' if chars.get(i + 1) == Some(&'[') => {
                // An image: neither text nor a link of the resource.
                let (_, next) = link_at(&chars, i + 1, depth)?;
                i = next;
            }
            '[' => {
                let (label, next) = link_at(&chars, i, depth)?;
                match label {
                    Bracket::Link(link) => {
                        out.text.push_str(&link.label);
                        out.spans.push(Span::Link(out.links.len()));
                        out.links.push(link);
                    }
                    Bracket::Text(text) => {
                        for c in std::iter::once('[').chain(text.chars()).chain([']']) {
                            out.push_text(c);
                        }
                    }
                }
                i = next;
            }
            ']' => return Err("`]` without a matching `[`".to_string()),
            c => {
                out.push_text(c);
                i += 1;
            }
        }
    }
    out.text = collapse_whitespace(&out.text);
    Ok(out)
}

impl Inline {
    fn push_text(&mut self, c: char) {
        self.text.push(c);
        match self.spans.last_mut() {
            Some(Span::Text(t)) => t.push(c),
            _ => self.spans.push(Span::Text(c.to_string())),
        }
    }
}

/// What a `[...]` turned out to be.
enum Bracket {
    Link(Link),
    /// Brackets not followed by `(`: literal text such as `[WIP]`.
    Text(String),
}

/// Reads the `[label](url)` (or bare `[text]`) starting at `open`; returns it and the index just
/// after it.
fn link_at(chars: &[char], open: usize, depth: usize) -> Result<(Bracket, usize), String> {
    if depth >= MAX_DEPTH {
        return Err(format!(
            "`[` brackets are nested more than {MAX_DEPTH} deep"
        ));
    }
    let close = matching(chars, open, '[', ']').ok_or("`[` is never closed by `]`")?;
    let label_source: String = chars[open + 1..close].iter().collect();
    let label = parse_nested(&label_source, depth + 1)?;
    if chars.get(close + 1) != Some(&'(') {
        return Ok((Bracket::Text(label.text), close + 1));
    }
    if !label.links.is_empty() {
        return Err(format!("the link `[{label_source}]` holds another link"));
    }
    let end = matching(chars, close + 1, '(', ')')
        .ok_or_else(|| format!("the link `[{label_source}]` has no closing `)`"))?;
    let target: String = chars[close + 2..end].iter().collect();
    // `(url "title")` and `(<url>)` are valid Markdown: keep only the URL.
    let url = target
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .to_string();
    Ok((
        Bracket::Link(Link {
            label: label.text,
            url,
        }),
        end + 1,
    ))
}

/// Index of the bracket closing the one at `open`, counting nesting and skipping escapes.
fn matching(chars: &[char], open: usize, left: char, right: char) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = open;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' {
            i += 2;
            continue;
        }
        if c == left {
            depth += 1;
        } else if c == right {
            depth -= 1;
            if depth == 0 {
                return Some(i);
            }
        }
        i += 1;
    }
    None
}

pub fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Byte offset of the last ` by ` that is outside `[...]` and `(...)`: where an entry's title
/// part ends and its author part begins.
pub fn last_by(source: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut found = None;
    let mut escaped = false;
    for (i, c) in source.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '[' | '(' => depth += 1,
            ']' | ')' => depth = depth.saturating_sub(1),
            ' ' if depth == 0 && source[i..].starts_with(" by ") => found = Some(i),
            _ => {}
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(label: &str, url: &str) -> Link {
        Link {
            label: label.into(),
            url: url.into(),
        }
    }

    #[test]
    fn text_and_links() {
        let p = parse("📚 [Intro to SQL](https://a/x) and [Advanced SQL](https://a/y)").unwrap();
        assert_eq!(p.text, "📚 Intro to SQL and Advanced SQL");
        assert_eq!(
            p.links,
            vec![
                link("Intro to SQL", "https://a/x"),
                link("Advanced SQL", "https://a/y")
            ]
        );
    }

    #[test]
    fn markup_is_dropped() {
        let p = parse("Welcome to the **Machine Learning Road Map**: free!").unwrap();
        assert_eq!(p.text, "Welcome to the Machine Learning Road Map: free!");
        assert!(p.links.is_empty());
        assert_eq!(parse(r"a \[b\] `c`").unwrap().text, "a [b] c");
        assert_eq!(parse("[WIP] thing").unwrap().text, "[WIP] thing");
        assert_eq!(parse("x ![img](a.png) y").unwrap().text, "x y");
        assert!(parse("x ![img](a.png) y").unwrap().links.is_empty());
        let p = parse(r#"[A](<https://a/b> "title")"#).unwrap();
        assert_eq!(p.links, vec![link("A", "https://a/b")]);
    }

    #[test]
    fn urls_with_parentheses_and_queries() {
        let p = parse("[W](https://en.wikipedia.org/wiki/Rust_(language)?a=1&b=2)").unwrap();
        assert_eq!(
            p.links[0].url,
            "https://en.wikipedia.org/wiki/Rust_(language)?a=1&b=2"
        );
    }

    #[test]
    fn broken_markup_is_explained() {
        assert!(parse("[Broken title(https://x")
            .unwrap_err()
            .contains("never closed"));
        assert!(parse("[Title](https://x")
            .unwrap_err()
            .contains("closing `)`"));
        assert!(parse("Title] x")
            .unwrap_err()
            .contains("without a matching"));
        assert!(parse("[[a](u)](v)").unwrap_err().contains("another link"));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let n = 100_000;
        for deep in [
            format!("{}x{}(https://a.com)", "[".repeat(n), "]".repeat(n)),
            format!("{}x{}", "![".repeat(n), "](u)".repeat(n)),
            format!("{}x{}", "[".repeat(n), "]".repeat(n)),
        ] {
            let why = parse(&deep).unwrap_err();
            assert!(why.contains("nested more than 16 deep"), "{why}");
        }
        // Up to the limit is fine.
        let ok = format!("{}x{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert_eq!(parse(&ok).unwrap().text, ok);
    }

    #[test]
    fn spans_split_text_at_links() {
        let p = parse("See  [the *list*](https://a) now").unwrap();
        assert_eq!(
            p.spans,
            [
                Span::Text("See  ".into()),
                Span::Link(0),
                Span::Text(" now".into())
            ]
        );
    }

    #[test]
    fn splits_at_the_last_by_outside_links() {
        let s = "[Learning by Doing](https://x/a by b) by [Me](https://y)";
        let at = last_by(s).unwrap();
        assert_eq!(&s[at..], " by [Me](https://y)");
        assert_eq!(last_by("[A by B](u)"), None);
        assert_eq!(last_by("x by y by z"), Some(6));
    }
}
