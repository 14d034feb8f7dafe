//! Content errors that name the file, the line and the field, so a publisher can fix them
//! without guessing.

use std::path::{Path, PathBuf};

/// One problem found in one content file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}: {}{message}", file.display(), field.as_ref().map(|f| format!("field `{f}`: ")).unwrap_or_default())]
pub struct ContentError {
    pub file: PathBuf,
    /// 1-based line in the file.
    pub line: usize,
    pub field: Option<String>,
    pub message: String,
}

impl ContentError {
    pub fn new(file: &Path, line: usize, field: Option<&str>, message: impl Into<String>) -> Self {
        Self {
            file: file.to_path_buf(),
            line,
            field: field.map(str::to_string),
            message: message.into(),
        }
    }
}

/// Everything that can stop a build.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("{} problem(s) in the content:\n{}", .0.len(), .0.iter().map(|e| format!("  {e}")).collect::<Vec<_>>().join("\n"))]
    Content(Vec<ContentError>),
    /// Paid content that cannot be sealed: no keyring, or no key for a tier.
    #[error("{0}")]
    Keyring(String),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl BuildError {
    pub fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Self + '_ {
        move |source| Self::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// 1-based line number of a byte offset in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())]
        .bytes()
        .filter(|&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_file_line_and_field() {
        let e = ContentError::new(Path::new("content/a.md"), 3, Some("date"), "bad");
        assert_eq!(e.to_string(), "content/a.md:3: field `date`: bad");
        let e = ContentError::new(Path::new("content/a.md"), 1, None, "no front matter");
        assert_eq!(e.to_string(), "content/a.md:1: no front matter");
    }

    #[test]
    fn line_numbers() {
        let t = "a\nb\nc";
        assert_eq!(line_of(t, 0), 1);
        assert_eq!(line_of(t, 2), 2);
        assert_eq!(line_of(t, 4), 3);
        assert_eq!(line_of(t, 99), 3);
    }
}

/// Collects problems while a file is read, so one run reports all of them.
#[derive(Debug, Default)]
pub struct Problems(pub Vec<ContentError>);

impl Problems {
    /// The value, or `None` after recording why not.
    pub fn keep<T>(&mut self, result: Result<T, ContentError>) -> Option<T> {
        result.map_err(|e| self.0.push(e)).ok()
    }

    pub fn push(&mut self, e: ContentError) {
        self.0.push(e);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
