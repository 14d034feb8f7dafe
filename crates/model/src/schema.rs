//! Schema versioning of the JSON documents.
//!
//! Every document carries `"schema": N`. The app reads that number first (cheaply, ignoring
//! everything else) and refuses a document from a newer schema with a clear message instead of
//! mis-rendering it; older or equal versions are read normally.

use serde::Deserialize;

/// The schema version this build of the model writes and reads.
pub const SCHEMA_VERSION: u32 = 1;

/// Reads only the `schema` field of a document.
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct SchemaProbe {
    pub schema: u32,
}

/// A document this build cannot read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaError {
    pub found: u32,
    pub supported: u32,
}

impl std::fmt::Display for SchemaError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "this data uses schema version {} but this site understands up to version {}; \
             reload to get the newest site",
            self.found, self.supported
        )
    }
}

impl std::error::Error for SchemaError {}

impl SchemaProbe {
    /// Accepts documents up to [`SCHEMA_VERSION`].
    pub fn check(self) -> Result<(), SchemaError> {
        if self.schema > SCHEMA_VERSION {
            Err(SchemaError {
                found: self.schema,
                supported: SCHEMA_VERSION,
            })
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn current_and_older_schemas_are_accepted() {
        assert!(SchemaProbe {
            schema: SCHEMA_VERSION
        }
        .check()
        .is_ok());
        assert!(SchemaProbe { schema: 0 }.check().is_ok());
    }

    #[test]
    fn newer_schema_is_refused_with_both_versions_in_the_message() {
        let err = SchemaProbe {
            schema: SCHEMA_VERSION + 1,
        }
        .check()
        .unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains(&format!("version {}", SCHEMA_VERSION + 1)),
            "{msg}"
        );
        assert!(
            msg.contains(&format!("up to version {SCHEMA_VERSION}")),
            "{msg}"
        );
    }

    #[test]
    fn probe_ignores_the_rest_of_the_document() {
        let probe: SchemaProbe =
            serde_json::from_str(r#"{"title":"x","schema":7,"items":[1,2]}"#).unwrap();
        assert_eq!(probe.schema, 7);
    }
}
