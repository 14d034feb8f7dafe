//! Front-matter field types shared by every kind of content: dates written either as TOML dates
//! or as strings, and checks that turn a bad value into a [`ContentError`] on the value's line.

use std::path::Path;

use sb_model::Date;
use serde::Deserialize;
use toml::Spanned;

use crate::source::error::{line_of, ContentError};
use crate::source::front_matter::Document;

/// `date = 2026-11-20` or `date = "2026-11-20"`.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum DateValue {
    Toml(toml::value::Datetime),
    Text(String),
}

/// Where a spanned value sits in the file.
pub fn line_in_file(doc: &Document<'_>, span: std::ops::Range<usize>) -> usize {
    doc.front_line + line_of(doc.front, span.start) - 1
}

/// Reads a date field, naming the file, line and field when it is not a valid date.
pub fn date(
    file: &Path,
    doc: &Document<'_>,
    field: &str,
    value: &Spanned<DateValue>,
) -> Result<Date, ContentError> {
    let text = match value.get_ref() {
        DateValue::Toml(dt) => dt.to_string(),
        DateValue::Text(s) => s.clone(),
    };
    Date::parse(&text)
        .map_err(|why| ContentError::new(file, line_in_file(doc, value.span()), Some(field), why))
}

/// A required text that must not be blank.
pub fn non_empty(
    file: &Path,
    doc: &Document<'_>,
    field: &str,
    value: &Spanned<String>,
) -> Result<String, ContentError> {
    let text = value.get_ref().trim();
    if text.is_empty() {
        Err(ContentError::new(
            file,
            line_in_file(doc, value.span()),
            Some(field),
            "must not be empty",
        ))
    } else {
        Ok(text.to_string())
    }
}

/// An outbound link: absolute http(s) only.
pub fn web_url(
    file: &Path,
    doc: &Document<'_>,
    field: &str,
    value: &Spanned<String>,
) -> Result<String, ContentError> {
    let url = value.get_ref().trim();
    let ok = (url.starts_with("https://") || url.starts_with("http://"))
        && url.len() > "https://".len()
        && !url.contains(char::is_whitespace);
    if ok {
        Ok(url.to_string())
    } else {
        Err(ContentError::new(
            file,
            line_in_file(doc, value.span()),
            Some(field),
            format!("`{url}` is not an absolute http(s) URL"),
        ))
    }
}
