//! What an import did, for the publisher: every post imported (and where to), every post
//! skipped with why, every file left alone, and every construct that was not converted as it
//! was, with its post and the first 80 characters of its HTML. Nothing the importer leaves out
//! goes unmentioned.

use std::fmt;

use super::html_to_markdown::Unconverted;

/// One post's outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Written (or already as the import would write it) at this path.
    Imported { path: String, changed: bool },
    /// Not written, with why.
    Skipped { why: String },
}

#[derive(Debug, Clone)]
pub struct PostReport {
    /// The post id, or `posts.csv line N` for a row that could not be read.
    pub post: String,
    pub outcome: Outcome,
    /// Things the publisher should know (only_free made public, topics left empty, …).
    pub notes: Vec<String>,
    pub unconverted: Vec<Unconverted>,
    pub furniture: usize,
}

/// The whole import.
#[derive(Debug, Default, Clone)]
pub struct Report {
    pub posts: Vec<PostReport>,
    /// Redirects written (`from → to`).
    pub redirects: usize,
    /// Files written besides posts (manifest, redirects).
    pub files: Vec<String>,
}

impl Report {
    pub fn imported(&self) -> impl Iterator<Item = &PostReport> {
        self.posts
            .iter()
            .filter(|p| matches!(p.outcome, Outcome::Imported { .. }))
    }

    pub fn skipped(&self) -> impl Iterator<Item = &PostReport> {
        self.posts
            .iter()
            .filter(|p| matches!(p.outcome, Outcome::Skipped { .. }))
    }

    /// Every construct not converted as it was: (post, what, snippet).
    pub fn unconverted(&self) -> impl Iterator<Item = (&str, &Unconverted)> {
        self.posts
            .iter()
            .flat_map(|p| p.unconverted.iter().map(move |u| (p.post.as_str(), u)))
    }

    pub fn post(&self, id: &str) -> Option<&PostReport> {
        self.posts.iter().find(|p| p.post == id)
    }
}

impl fmt::Display for Report {
    /// The report's text, with any control character that came from the export (a terminal
    /// escape sequence in a snippet, a CSV cell) shown as `\u{fffd}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = String::new();
        self.write(&mut text)?;
        let clean: String = text
            .chars()
            .map(|c| {
                if c.is_control() && c != '\n' {
                    char::REPLACEMENT_CHARACTER
                } else {
                    c
                }
            })
            .collect();
        f.write_str(&clean)
    }
}

impl Report {
    fn write(&self, f: &mut impl fmt::Write) -> fmt::Result {
        let imported: Vec<_> = self.imported().collect();
        let changed = imported
            .iter()
            .filter(|p| matches!(p.outcome, Outcome::Imported { changed: true, .. }))
            .count();
        writeln!(
            f,
            "Imported {} post(s) ({changed} written, {} already up to date), skipped {}.",
            imported.len(),
            imported.len() - changed,
            self.skipped().count()
        )?;
        if !imported.is_empty() {
            writeln!(f, "\nImported:")?;
            for p in &imported {
                if let Outcome::Imported { path, changed } = &p.outcome {
                    let state = if *changed { "" } else { " (unchanged)" };
                    writeln!(f, "  {}  →  {path}{state}", p.post)?;
                }
            }
        }
        let skipped: Vec<_> = self.skipped().collect();
        if !skipped.is_empty() {
            writeln!(f, "\nSkipped:")?;
            for p in skipped {
                if let Outcome::Skipped { why } = &p.outcome {
                    writeln!(f, "  {}: {why}", p.post)?;
                }
            }
        }
        let noted: Vec<_> = self.posts.iter().filter(|p| !p.notes.is_empty()).collect();
        if !noted.is_empty() {
            writeln!(f, "\nTo check:")?;
            for p in noted {
                for n in &p.notes {
                    writeln!(f, "  {}: {n}", p.post)?;
                }
            }
        }
        let unconverted: Vec<_> = self.unconverted().collect();
        if !unconverted.is_empty() {
            writeln!(f, "\nNot converted as it was ({}):", unconverted.len())?;
            for (post, u) in unconverted {
                writeln!(f, "  {post}: {}: {}", u.what, u.snippet)?;
            }
        }
        let furniture: usize = self.posts.iter().map(|p| p.furniture).sum();
        if furniture > 0 {
            writeln!(
                f,
                "\nRemoved {furniture} piece(s) of Substack furniture (subscribe widgets, share, subscribe and comment buttons)."
            )?;
        }
        if self.redirects > 0 {
            writeln!(
                f,
                "\n{} old address(es) (/p/<slug>) redirect to the imported pages.",
                self.redirects
            )?;
        }
        for file in &self.files {
            writeln!(f, "Wrote {file}")?;
        }
        Ok(())
    }
}
