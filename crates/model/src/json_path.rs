//! The JSON path (`items[3].date`) at a line and column of a JSON text: how a decoding error
//! names the field it is about.
//!
//! `serde_json` reports where in the text it failed, not which field; `serde_path_to_error`
//! tracks the path during the parse but wraps every visitor of every document type, which
//! cost the app's wasm about 67 KB before optimization (issue 11). This scanner runs only after
//! a parse has failed, once, and is compiled once for all document types.

/// The path of the value being read at `line` and `column` (both as `serde_json::Error`
/// gives them: line from 1, column in bytes from 1, 0 meaning the line's start), written like
/// `serde_path_to_error` writes it: `.` for the whole document, else `a.b[2].c`.
pub fn path_at(text: &str, line: usize, column: usize) -> String {
    let end = offset_of(text, line, column);
    let mut frames: Vec<Frame> = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => frames.push(Frame::Object {
                key: None,
                wants_key: true,
            }),
            b'[' => frames.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                frames.pop();
            }
            b',' => match frames.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { wants_key, .. }) => *wants_key = true,
                None => {}
            },
            b':' => {
                if let Some(Frame::Object { wants_key, .. }) = frames.last_mut() {
                    *wants_key = false;
                }
            }
            b'"' => {
                let (string, next) = read_string(text, i + 1);
                if let Some(Frame::Object {
                    key,
                    wants_key: true,
                }) = frames.last_mut()
                {
                    *key = Some(string);
                }
                i = next;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &frames {
        match frame {
            Frame::Object { key: Some(k), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Object { key: None, .. } => break,
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    if path.is_empty() {
        ".".into()
    } else {
        path
    }
}

enum Frame {
    /// An object, the key whose value is being read, and whether a key comes next.
    Object {
        key: Option<String>,
        wants_key: bool,
    },
    /// An array and the index of the element being read.
    Array { index: usize },
}

/// The byte offset of `line`:`column`, clamped to the text.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    (line_start + column).min(text.len())
}

/// The string that starts after the quote at `start - 1` (escapes kept as written but for
/// `\"` and `\\`), and the offset just past its closing quote.
fn read_string(text: &str, start: usize) -> (String, usize) {
    let mut out = String::new();
    let mut chars = text[start..].char_indices();
    while let Some((at, c)) = chars.next() {
        match c {
            '"' => return (out, start + at + 1),
            '\\' => {
                if let Some((_, escaped)) = chars.next() {
                    out.push(escaped);
                }
            }
            c => out.push(c),
        }
    }
    (out, text.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    /// The path the scanner finds where `serde_json` stops on `text` as a `T`.
    fn path_of_error<T: for<'de> Deserialize<'de> + std::fmt::Debug>(text: &str) -> String {
        let e = serde_json::from_str::<T>(text).unwrap_err();
        path_at(text, e.line(), e.column())
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Doc {
        name: String,
        items: Vec<Item>,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Item {
        n: u32,
        tags: Vec<String>,
    }

    #[test]
    fn a_wrong_value_names_its_field_through_objects_and_arrays() {
        let text = r#"{"name":"x","items":[{"n":1,"tags":[]},{"n":2,"tags":["a",3]}]}"#;
        assert_eq!(path_of_error::<Doc>(text), "items[1].tags[1]");
        let text =
            "{\n  \"name\": \"x\",\n  \"items\": [\n    {\"n\": \"one\", \"tags\": []}\n  ]\n}";
        assert_eq!(path_of_error::<Doc>(text), "items[0].n");
    }

    #[test]
    fn a_missing_field_names_the_object_that_lacks_it() {
        let text = r#"{"name":"x","items":[{"n":1,"tags":[]},{"n":2}]}"#;
        assert_eq!(path_of_error::<Doc>(text), "items[1]");
        assert_eq!(path_of_error::<Doc>(r#"{"name":"x"}"#), ".");
    }

    #[test]
    fn keys_with_escapes_commas_and_brackets_inside_strings_do_not_confuse_it() {
        let text = r#"{"name":"a, \"b\" [c] {d}","items":[{"n":true,"tags":[]}]}"#;
        assert_eq!(path_of_error::<Doc>(text), "items[0].n");
    }

    #[test]
    fn out_of_range_positions_are_clamped_not_a_panic() {
        assert_eq!(path_at("{\"a\":[1,2", 9, 99), "a[1]");
        assert_eq!(path_at("", 0, 0), ".");
        assert_eq!(path_at("{\"é\":[", 1, 4), "é");
    }
}
