//! Helpers shared by the press integration tests: fixture paths and copying fixture folders.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use sb_press::paid::keyring::Keyring;
use sb_press::{BuildError, BuildReport};
use serde_json::Value;

/// A fixture content folder under `tests/fixtures`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The repository's real content folder.
pub fn sample_content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The demo keyring that seals the sample content (public on purpose, never for real readers).
pub fn demo_keyring() -> Keyring {
    Keyring::load(&fixture("demo-keyring.toml")).unwrap()
}

/// `press build` with the demo keyring.
pub fn build(content: &Path, out: &Path) -> Result<BuildReport, BuildError> {
    sb_press::build(content, out, Some(&demo_keyring()))
}

pub fn read_json(path: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

/// `(file, from, to)`: one edit of a copied fixture.
pub type Edit<'a> = (&'a str, &'a str, &'a str);

/// Declares the `paid` tier in the minimal fixture's `site.toml`.
pub const PAID_TIER: Edit = (
    "site.toml",
    "sign_off = \"Bye\"",
    "sign_off = \"Bye\"\n[[tiers]]\nid = \"paid\"\nname = \"paid subscribers\"",
);

/// The minimal fixture copied into a temp folder (`<temp>/content`) with the edits applied.
pub fn edited_fixture(edits: &[Edit]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_dir(&fixture("minimal"), &content);
    for (file, from, to) in edits {
        replace_in(&content, file, from, to);
    }
    (dir, content)
}

/// Builds the minimal fixture with the edits applied and returns the error text.
pub fn build_error(edits: &[Edit]) -> String {
    let (dir, content) = edited_fixture(edits);
    match build(&content, &dir.path().join("out")) {
        Err(BuildError::Content(errors)) => errors
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("\n"),
        Err(other) => panic!("expected content errors, got {other}"),
        Ok(_) => panic!("expected the build to fail"),
    }
}

/// Edits one file of a copied fixture.
pub fn replace_in(content: &Path, file: &str, from: &str, to: &str) {
    let path = content.join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} does not contain {from:?}");
    fs::write(path, text.replace(from, to)).unwrap();
}

/// Every file under a folder, recursively.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}
