//! Decoding a fetched JSON document: the schema version first, then the typed parse, with the
//! JSON path of the first bad field so an error can say exactly where the data is wrong.

use serde::de::DeserializeOwned;

use crate::schema::{SchemaError, SchemaProbe};

#[derive(Debug, Clone, PartialEq)]
pub enum DecodeError {
    /// Not JSON, or JSON of the wrong shape; `path` is like `items[3].date`.
    Invalid { path: String, message: String },
    /// Written by a newer `press` than this app understands.
    NewerSchema(SchemaError),
}

/// Decodes `text` as a `T`, refusing newer schemas.
pub fn decode_document<T: DeserializeOwned>(text: &str) -> Result<T, DecodeError> {
    let probe: SchemaProbe = serde_json::from_str(text).map_err(|e| DecodeError::Invalid {
        path: "schema".into(),
        message: e.to_string(),
    })?;
    probe.check().map_err(DecodeError::NewerSchema)?;
    serde_json::from_str(text).map_err(|e| DecodeError::Invalid {
        path: crate::json_path::path_at(text, e.line(), e.column()),
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ArticleSummary, IndexPage, SCHEMA_VERSION};

    const PAGE: &str = r#"{"schema":1,"page":1,"total_pages":1,"total_items":1,"items":[
        {"slug":"a","title":"A","date":"2026-11-20","topics":[],"reading_minutes":3,"summary":"s"}]}"#;

    #[test]
    fn decodes_a_valid_page() {
        let page: IndexPage<ArticleSummary> = decode_document(PAGE).unwrap();
        assert_eq!(page.items[0].title, "A");
    }

    #[test]
    fn names_the_path_of_a_bad_field() {
        let bad = PAGE.replace("2026-11-20", "2026-11-31");
        let err = decode_document::<IndexPage<ArticleSummary>>(&bad).unwrap_err();
        match err {
            DecodeError::Invalid { path, message } => {
                assert_eq!(path, "items[0].date");
                assert!(message.contains("not a valid date"), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn not_json_is_invalid() {
        let err = decode_document::<IndexPage<ArticleSummary>>("<html>oops</html>").unwrap_err();
        assert!(matches!(err, DecodeError::Invalid { .. }), "{err:?}");
    }

    #[test]
    fn newer_schema_is_refused_before_parsing_the_rest() {
        let newer = format!(r#"{{"schema":{},"whatever":true}}"#, SCHEMA_VERSION + 1);
        let err = decode_document::<IndexPage<ArticleSummary>>(&newer).unwrap_err();
        assert!(matches!(err, DecodeError::NewerSchema(_)), "{err:?}");
    }
}
