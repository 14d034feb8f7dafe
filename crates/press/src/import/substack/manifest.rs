//! What the importer wrote, so a second run can tell its own untouched files (which it may
//! update) from files the publisher edited since (which it leaves alone and reports). Kept as
//! `content/substack-import.toml`: each file's path and the SHA-256 of the bytes written. A
//! hash in the front matter would not do: press refuses unknown front-matter keys, and the
//! publisher would see it in every file.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The manifest's file name in the content folder.
pub const FILE: &str = "substack-import.toml";

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    #[serde(default)]
    files: Vec<Entry>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    /// Relative to the content folder, with `/`.
    path: String,
    post_id: String,
    sha256: String,
}

/// What may be done with a file the importer wants to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// No such file: write it.
    New,
    /// The importer wrote it and nobody changed it since: rewrite it if the import differs.
    Untouched,
    /// The importer wrote it and it was edited since: leave it.
    Edited,
    /// The importer never wrote it: leave it.
    Foreign,
}

pub fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Manifest {
    pub fn load(content: &Path) -> Result<Manifest, String> {
        let path = content.join(FILE);
        match fs::read_to_string(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Manifest::default()),
            Err(e) => Err(format!("{}: {e}", path.display())),
            Ok(text) => toml::from_str(&text).map_err(|e| {
                format!(
                    "{}: {}: fix or delete it (deleting it makes every imported file count as edited)",
                    path.display(),
                    e.message()
                )
            }),
        }
    }

    fn hashes(&self) -> BTreeMap<&str, &str> {
        self.files
            .iter()
            .map(|e| (e.path.as_str(), e.sha256.as_str()))
            .collect()
    }

    /// Whether `rel` (under `content`) may be written.
    pub fn decide(&self, content: &Path, rel: &str) -> Result<Decision, String> {
        let path = content.join(rel);
        let bytes = match fs::read(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Decision::New),
            Err(e) => return Err(format!("{}: {e}", path.display())),
            Ok(b) => b,
        };
        Ok(match self.hashes().get(rel) {
            None => Decision::Foreign,
            Some(h) if *h == sha256(&bytes) => Decision::Untouched,
            Some(_) => Decision::Edited,
        })
    }

    /// The files recorded for a post.
    pub fn paths_of<'m>(&'m self, post_id: &'m str) -> impl Iterator<Item = &'m str> + 'm {
        self.files
            .iter()
            .filter(move |e| e.post_id == post_id)
            .map(|e| e.path.as_str())
    }

    /// Records a file the importer wrote.
    pub fn record(&mut self, rel: &str, post_id: &str, bytes: &[u8]) {
        self.files.retain(|e| e.path != rel);
        self.files.push(Entry {
            path: rel.to_string(),
            post_id: post_id.to_string(),
            sha256: sha256(bytes),
        });
        self.files.sort_by(|a, b| a.path.cmp(&b.path));
    }

    pub fn save(&self, content: &Path) -> Result<PathBuf, String> {
        let path = content.join(FILE);
        let body = toml::to_string(self).map_err(|e| e.to_string())?;
        let text = format!(
            "# Written by `press import substack`: the files it wrote and the SHA-256 of what it\n\
             # wrote. A later import rewrites only files whose hash still matches (unedited);\n\
             # it leaves edited files alone unless given --force. Keep it with the content.\n\n{body}"
        );
        fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_new_untouched_edited_and_foreign_files_apart() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path();
        fs::create_dir_all(content.join("articles")).unwrap();
        let mut m = Manifest::default();
        assert_eq!(m.decide(content, "articles/a.md").unwrap(), Decision::New);
        fs::write(content.join("articles/a.md"), "one").unwrap();
        m.record("articles/a.md", "1.a", b"one");
        assert_eq!(
            m.decide(content, "articles/a.md").unwrap(),
            Decision::Untouched
        );
        fs::write(content.join("articles/a.md"), "one, edited").unwrap();
        assert_eq!(
            m.decide(content, "articles/a.md").unwrap(),
            Decision::Edited
        );
        fs::write(content.join("articles/b.md"), "mine").unwrap();
        assert_eq!(
            m.decide(content, "articles/b.md").unwrap(),
            Decision::Foreign
        );
        m.save(content).unwrap();
        let again = Manifest::load(content).unwrap();
        assert_eq!(
            again.decide(content, "articles/a.md").unwrap(),
            Decision::Edited
        );
    }
}
