//! Splits a content file into its TOML front matter (between `+++` lines) and its Markdown body,
//! and turns TOML errors into [`ContentError`]s with the file's own line numbers.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::source::error::{line_of, ContentError};

/// A content file cut in two.
#[derive(Debug)]
pub struct Document<'a> {
    pub front: &'a str,
    /// Line of the file on which the front matter's first line sits.
    pub front_line: usize,
    pub body: &'a str,
    /// Line of the file on which the body starts.
    pub body_line: usize,
}

impl<'a> Document<'a> {
    /// A plain TOML file (`site.toml`, `topics.toml`, a keyring): all front matter, no body.
    pub fn whole_toml(text: &'a str) -> Self {
        Document {
            front: text,
            front_line: 1,
            body: "",
            body_line: 1,
        }
    }
}

/// Finds the `+++` fenced front matter at the top of `text`.
pub fn split<'a>(file: &Path, text: &'a str) -> Result<Document<'a>, ContentError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))
        .ok_or_else(|| {
            ContentError::new(
                file,
                1,
                None,
                "the file must start with a `+++` line opening its TOML front matter",
            )
        })?;
    let close = find_closing_fence(rest).ok_or_else(|| {
        ContentError::new(
            file,
            1,
            None,
            "the front matter opened on line 1 is never closed by a `+++` line",
        )
    })?;
    let front = &rest[..close];
    let after = &rest[close..];
    let body = after.split_once('\n').map(|(_, b)| b).unwrap_or("");
    let body_offset = text.len() - body.len();
    Ok(Document {
        front,
        front_line: 2,
        body,
        body_line: line_of(text, body_offset),
    })
}

fn find_closing_fence(rest: &str) -> Option<usize> {
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            return Some(offset);
        }
        offset += line.len();
    }
    None
}

/// Parses the front matter into `T`, mapping a TOML error to the file's line and the key on it.
pub fn parse<T: DeserializeOwned>(file: &Path, doc: &Document<'_>) -> Result<T, ContentError> {
    toml::from_str(doc.front).map_err(|err| {
        let message = err.message().trim().to_string();
        if let Some(missing) = backticked_field(&message) {
            // A missing key has no line of its own: point at the opening `+++`.
            return ContentError::new(file, doc.front_line - 1, Some(&missing), message);
        }
        let (line, field) = match err.span() {
            Some(span) => {
                let line = line_of(doc.front, span.start);
                (doc.front_line + line - 1, key_on_line(doc.front, line))
            }
            None => (doc.front_line, None),
        };
        ContentError::new(file, line, field.as_deref(), message)
    })
}

/// The key assigned on a given (1-based) line of TOML, if that line is `key = value`.
fn key_on_line(toml: &str, line: usize) -> Option<String> {
    let text = toml.lines().nth(line - 1)?;
    let (key, _) = text.split_once('=')?;
    let key = key.trim().trim_matches('"');
    (!key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')))
    .then(|| key.to_string())
}

/// The field named in serde's "missing field `x`" messages.
fn backticked_field(message: &str) -> Option<String> {
    let rest = message.strip_prefix("missing field `")?;
    Some(rest.split('`').next()?.to_string())
}

/// The line (in the file) where `key = ` is first assigned in the front matter, for errors found
/// after parsing. Falls back to the front matter's first line.
pub fn line_of_key(doc: &Document<'_>, key: &str) -> usize {
    doc.front
        .lines()
        .position(|l| l.split_once('=').is_some_and(|(k, _)| k.trim() == key))
        .map(|i| doc.front_line + i)
        .unwrap_or(doc.front_line)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Front {
        title: String,
        count: Option<u32>,
    }

    fn file() -> &'static Path {
        Path::new("content/x.md")
    }

    #[test]
    fn splits_front_matter_and_body() {
        let text = "+++\ntitle = \"T\"\n+++\n\nHello\n";
        let doc = split(file(), text).unwrap();
        assert_eq!(doc.front, "title = \"T\"\n");
        assert_eq!(doc.body, "\nHello\n");
        assert_eq!(doc.body_line, 4);
    }

    #[test]
    fn missing_or_unclosed_front_matter() {
        let e = split(file(), "# Title\n").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(e.message.contains("must start with a `+++`"));
        let e = split(file(), "+++\ntitle = \"x\"\n").unwrap_err();
        assert!(e.message.contains("never closed"));
    }

    #[test]
    fn type_error_names_line_and_key() {
        let text = "+++\ntitle = \"T\"\ncount = \"three\"\n+++\n";
        let doc = split(file(), text).unwrap();
        let e = parse::<Front>(file(), &doc).unwrap_err();
        assert_eq!(e.line, 3, "{e}");
        assert_eq!(e.field.as_deref(), Some("count"));
    }

    #[test]
    fn missing_field_is_named() {
        let doc = split(file(), "+++\ncount = 1\n+++\n").unwrap();
        let e = parse::<Front>(file(), &doc).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("title"), "{e}");
        assert_eq!(e.line, 1, "{e}");
        assert!(e.message.contains("missing field"), "{e}");
    }

    #[test]
    fn unknown_field_is_named_on_its_line() {
        let doc = split(file(), "+++\ntitle = \"T\"\n\ntittle = \"U\"\n+++\n").unwrap();
        let e = parse::<Front>(file(), &doc).unwrap_err();
        assert_eq!((e.line, e.field.as_deref()), (4, Some("tittle")), "{e}");
    }

    #[test]
    fn finds_key_lines() {
        let doc = split(file(), "+++\ntitle = \"T\"\ndate = \"x\"\n+++\n").unwrap();
        assert_eq!(line_of_key(&doc, "date"), 3);
        assert_eq!(line_of_key(&doc, "nope"), 2);
    }
}
