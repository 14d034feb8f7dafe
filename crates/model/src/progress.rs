//! A reader's road map progress: a status and an optional note per resource, the arithmetic
//! behind the progress bars, and the two portable forms (an export file and a share link).
//!
//! Progress lives in the reader's browser only (no account). This module knows nothing about
//! storage; the app's browser edge saves and loads the JSON form.
//!
//! Progress from outside (a share link, an imported file) is never taken as it is: it is size
//! capped, cut down to the road map's resource ids, and shown as a [`Proposal`] (what would
//! change) for the reader to apply or cancel.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::roadmap::{Roadmap, Section};

/// Where a reader is with one resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    NotStarted,
    InProgress,
    Done,
    Skipped,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::NotStarted,
        Status::InProgress,
        Status::Done,
        Status::Skipped,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "Not started",
            Status::InProgress => "In progress",
            Status::Done => "Done",
            Status::Skipped => "Skipped",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::InProgress => "in_progress",
            Status::Done => "done",
            Status::Skipped => "skipped",
        }
    }

    pub fn from_key(key: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.key() == key)
    }

    /// One letter for the share link.
    fn code(self) -> char {
        match self {
            Status::NotStarted => 'n',
            Status::InProgress => 'p',
            Status::Done => 'd',
            Status::Skipped => 's',
        }
    }

    fn from_code(c: char) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == c)
    }
}

/// Everything a reader has recorded. Unknown resource ids (from an older road map) are kept,
/// so nothing is lost when the road map changes.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Progress {
    #[serde(default)]
    pub statuses: BTreeMap<String, Status>,
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
}

/// The counts behind one progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub total: u32,
    pub done: u32,
    pub in_progress: u32,
    pub skipped: u32,
}

impl Tally {
    /// Whole percent done, skipped resources left out of the total (a reader who skips
    /// something has not fallen behind). 100 when everything left is done.
    pub fn percent(self) -> u32 {
        let counted = self.total - self.skipped;
        match (self.done * 100).checked_div(counted) {
            Some(percent) => percent,
            None if self.total == 0 => 0,
            None => 100,
        }
    }

    /// "3 of 12 done" (skips noted when there are any).
    pub fn summary(self) -> String {
        let counted = self.total - self.skipped;
        let mut s = format!("{} of {} done", self.done, counted);
        if self.skipped > 0 {
            s.push_str(&format!(", {} skipped", self.skipped));
        }
        s
    }
}

impl Progress {
    pub fn status(&self, id: &str) -> Status {
        self.statuses.get(id).copied().unwrap_or_default()
    }

    /// Sets a status; "not started" removes the entry so saved progress stays small.
    pub fn set_status(&mut self, id: &str, status: Status) {
        if status == Status::NotStarted {
            self.statuses.remove(id);
        } else {
            self.statuses.insert(id.to_string(), status);
        }
    }

    pub fn note(&self, id: &str) -> &str {
        self.notes.get(id).map(String::as_str).unwrap_or("")
    }

    /// Sets a note; a blank note is removed.
    pub fn set_note(&mut self, id: &str, note: &str) {
        if note.trim().is_empty() {
            self.notes.remove(id);
        } else {
            self.notes.insert(id.to_string(), note.to_string());
        }
    }

    /// Counts over a list of distinct resource ids.
    pub fn tally<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> Tally {
        let mut t = Tally::default();
        for id in ids {
            t.total += 1;
            match self.status(id) {
                Status::Done => t.done += 1,
                Status::InProgress => t.in_progress += 1,
                Status::Skipped => t.skipped += 1,
                Status::NotStarted => {}
            }
        }
        t
    }

    pub fn section_tally(&self, roadmap: &Roadmap, section: &Section) -> Tally {
        let ids = roadmap.section_resource_ids(section);
        self.tally(ids.iter().map(String::as_str))
    }

    /// Over every distinct resource of the road map (a resource listed twice counts once).
    pub fn overall_tally(&self, roadmap: &Roadmap) -> Tally {
        self.tally(roadmap.resources.iter().map(|r| r.id.as_str()))
    }

    /// Merges another progress into this one (imported or shared): its statuses and notes win.
    pub fn merge(&mut self, other: &Progress) {
        for (id, s) in &other.statuses {
            self.set_status(id, *s);
        }
        for (id, n) in &other.notes {
            self.set_note(id, n);
        }
    }

    /// What changes from `self` to `after`.
    pub fn diff(&self, after: &Progress) -> ProgressDiff {
        let mut d = ProgressDiff::default();
        let ids: std::collections::BTreeSet<&String> =
            self.statuses.keys().chain(after.statuses.keys()).collect();
        for id in ids {
            match (self.status(id), after.status(id)) {
                (a, b) if a == b => {}
                (Status::NotStarted, _) => d.added += 1,
                (_, Status::NotStarted) => d.cleared += 1,
                _ => d.changed += 1,
            }
        }
        let notes: std::collections::BTreeSet<&String> =
            self.notes.keys().chain(after.notes.keys()).collect();
        d.notes = notes
            .into_iter()
            .filter(|id| self.note(id) != after.note(id))
            .count();
        d
    }

    /// Keeps only statuses and notes of ids `known` accepts; returns how many distinct ids
    /// were dropped.
    pub fn retain_known(&mut self, known: impl Fn(&str) -> bool) -> usize {
        let mut dropped = std::collections::BTreeSet::new();
        let mut keep = |id: &String| {
            let known = known(id);
            if !known {
                dropped.insert(id.clone());
            }
            known
        };
        self.statuses.retain(|id, _| keep(id));
        self.notes.retain(|id, _| keep(id));
        dropped.len()
    }

    /// The compact form carried by a share link: `d.id1.id2~p.id3~s.id4` (statuses only; notes
    /// stay private). Ids are slugs, so they need no escaping in a URL.
    pub fn to_share_code(&self) -> String {
        let mut groups: Vec<String> = Vec::new();
        for status in [Status::Done, Status::InProgress, Status::Skipped] {
            let ids: Vec<&str> = self
                .statuses
                .iter()
                .filter(|(_, s)| **s == status)
                .map(|(id, _)| id.as_str())
                .collect();
            if !ids.is_empty() {
                groups.push(format!("{}.{}", status.code(), ids.join(".")));
            }
        }
        groups.join("~")
    }

    /// Reads a share code; says what is wrong with a damaged or oversized one.
    pub fn from_share_code(code: &str) -> Result<Progress, String> {
        check_size("the progress link", code.len() as u64, MAX_SHARE_CODE_BYTES)?;
        let mut p = Progress::default();
        for group in code.split('~').filter(|g| !g.is_empty()) {
            let mut parts = group.split('.');
            let head = parts.next().unwrap_or_default();
            let status = head
                .chars()
                .next()
                .filter(|_| head.len() == 1)
                .and_then(Status::from_code)
                .ok_or_else(|| format!("unknown status `{head}` in the progress link"))?;
            for id in parts {
                if !crate::text::is_slug(id) {
                    return Err(format!("`{id}` in the progress link is not a resource id"));
                }
                p.set_status(id, status);
            }
        }
        Ok(p)
    }
}

/// Most bytes of a share code (`?progress=…`) the app reads: the whole real road map done is
/// about 2 KB, and servers refuse addresses much longer (nginx's default limit is 8 KB).
pub const MAX_SHARE_CODE_BYTES: usize = 6 * 1024;
/// Most bytes of a progress file the app imports (statuses and notes for a few hundred
/// resources fit many times over).
pub const MAX_FILE_BYTES: usize = 256 * 1024;

/// Refuses `bytes` of `what` (for example "the file") when over `max`, saying both sizes.
pub fn check_size(what: &str, bytes: u64, max: usize) -> Result<(), String> {
    if bytes <= max as u64 {
        return Ok(());
    }
    let kb = |b: u64| b.div_ceil(1024);
    Err(format!(
        "{what} is too large ({} KB; at most {} KB)",
        kb(bytes),
        kb(max as u64)
    ))
}

/// How many statuses and notes a change adds, changes or clears.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ProgressDiff {
    /// Resources that had no status and get one.
    pub added: usize,
    /// Resources whose status changes to another one.
    pub changed: usize,
    /// Resources whose status goes back to "not started".
    pub cleared: usize,
    /// Notes added, changed or removed.
    pub notes: usize,
}

impl ProgressDiff {
    pub fn is_empty(self) -> bool {
        self == ProgressDiff::default()
    }

    /// "Statuses: 2 added, 1 changed, 0 cleared." (and the notes when any change).
    pub fn summary(self) -> String {
        let mut s = format!(
            "Statuses: {} added, {} changed, {} cleared.",
            self.added, self.changed, self.cleared
        );
        if self.notes > 0 {
            s.push_str(&format!(" Notes: {} changed.", self.notes));
        }
        s
    }
}

/// Progress from outside, cut down to the road map's resources, and what applying it would
/// change in the reader's own progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    /// What is merged in on "Apply" (only known resource ids).
    pub incoming: Progress,
    /// What that changes, counted against the progress the proposal was made for.
    pub diff: ProgressDiff,
    /// Distinct ids left out because the road map has no such resource.
    pub dropped: usize,
}

impl Proposal {
    pub fn new(current: &Progress, mut incoming: Progress, known: impl Fn(&str) -> bool) -> Self {
        let dropped = incoming.retain_known(known);
        let mut after = current.clone();
        after.merge(&incoming);
        Self {
            diff: current.diff(&after),
            incoming,
            dropped,
        }
    }

    /// "2 entries were left out: …", or nothing when none were.
    pub fn dropped_note(&self) -> Option<String> {
        match self.dropped {
            0 => None,
            1 => Some("1 entry was left out: it is not a resource of this road map.".into()),
            n => Some(format!(
                "{n} entries were left out: they are not resources of this road map."
            )),
        }
    }
}

/// The export file: the progress plus what it is, so an import can refuse a stranger's JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgressFile {
    pub schema: u32,
    /// Always [`ProgressFile::KIND`].
    pub kind: String,
    /// Written out rather than `#[serde(flatten)]`, so a damaged field is named by its path.
    #[serde(default)]
    pub statuses: BTreeMap<String, Status>,
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
}

impl ProgressFile {
    pub const KIND: &'static str = "societys-backend-roadmap-progress";

    pub fn new(progress: Progress) -> Self {
        Self {
            schema: crate::SCHEMA_VERSION,
            kind: Self::KIND.to_string(),
            statuses: progress.statuses,
            notes: progress.notes,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("progress always serializes")
    }

    /// Parses an export file, with a message a reader can understand when it is not one.
    pub fn parse(text: &str) -> Result<Progress, String> {
        let file: ProgressFile = crate::decode_document(text).map_err(|e| match e {
            crate::DecodeError::Invalid { path, message } if path == "schema" || path == "." => {
                format!("this is not a road map progress file ({message})")
            }
            crate::DecodeError::Invalid { path, message } => {
                format!("the file is damaged at `{path}`: {message}")
            }
            crate::DecodeError::NewerSchema(e) => e.to_string(),
        })?;
        if file.kind != Self::KIND {
            return Err(format!(
                "this is not a road map progress file (kind `{}`)",
                file.kind
            ));
        }
        Ok(Progress {
            statuses: file.statuses,
            notes: file.notes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roadmap::{Group, ResourceType, Subsection};
    use crate::test_fixtures::{self, entry, resource};

    fn section(id: &str, ids: &[&str]) -> Section {
        Section {
            id: id.into(),
            title: id.into(),
            description: String::new(),
            prose: Vec::new(),
            subsections: vec![Subsection {
                id: id.into(),
                title: None,
                prose: Vec::new(),
                groups: vec![Group {
                    title: None,
                    prose: Vec::new(),
                    entries: ids.iter().map(|r| entry(r)).collect(),
                }],
            }],
        }
    }

    fn roadmap() -> Roadmap {
        // "python" is listed in both sections.
        test_fixtures::roadmap(
            vec![
                section("prereq", &["cs50", "python", "git"]),
                section("jobs", &["python", "rust"]),
            ],
            ["cs50", "python", "git", "rust"]
                .into_iter()
                .map(|id| resource(id, ResourceType::Course))
                .collect(),
        )
    }

    #[test]
    fn tallies_per_section_and_overall() {
        let r = roadmap();
        let mut p = Progress::default();
        p.set_status("python", Status::Done);
        p.set_status("git", Status::Skipped);
        p.set_status("rust", Status::InProgress);
        let prereq = p.section_tally(&r, &r.sections[0]);
        assert_eq!(
            prereq,
            Tally {
                total: 3,
                done: 1,
                in_progress: 0,
                skipped: 1
            }
        );
        assert_eq!(prereq.percent(), 50);
        assert_eq!(prereq.summary(), "1 of 2 done, 1 skipped");
        let jobs = p.section_tally(&r, &r.sections[1]);
        assert_eq!((jobs.done, jobs.total, jobs.percent()), (1, 2, 50));
        let overall = p.overall_tally(&r);
        assert_eq!(
            (overall.total, overall.done, overall.percent()),
            (4, 1, 33),
            "a resource listed twice counts once"
        );
    }

    #[test]
    fn percent_edges() {
        let tally = |total, done, skipped| Tally {
            total,
            done,
            skipped,
            in_progress: 0,
        };
        let cases = [(0, 0, 0, 0), (2, 0, 2, 100), (3, 3, 0, 100), (3, 2, 0, 66)];
        for (total, done, skipped, percent) in cases {
            assert_eq!(
                tally(total, done, skipped).percent(),
                percent,
                "{total} {done} {skipped}"
            );
        }
    }

    #[test]
    fn not_started_and_blank_notes_are_not_stored() {
        let mut p = Progress::default();
        p.set_status("a", Status::Done);
        p.set_status("a", Status::NotStarted);
        p.set_note("a", "  ");
        assert_eq!(p, Progress::default());
        p.set_note("a", "chapter 3");
        assert_eq!(p.note("a"), "chapter 3");
    }

    #[test]
    fn share_code_round_trip() {
        let mut p = Progress::default();
        p.set_status("cs50", Status::Done);
        p.set_status("intro-to-python", Status::Done);
        p.set_status("git", Status::InProgress);
        p.set_status("rust", Status::Skipped);
        p.set_note("cs50", "private");
        let code = p.to_share_code();
        assert_eq!(code, "d.cs50.intro-to-python~p.git~s.rust");
        let back = Progress::from_share_code(&code).unwrap();
        assert_eq!(back.statuses, p.statuses);
        assert!(back.notes.is_empty(), "notes are not shared");
        assert_eq!(Progress::from_share_code("").unwrap(), Progress::default());
    }

    #[test]
    fn damaged_share_codes_are_refused() {
        assert!(Progress::from_share_code("x.cs50")
            .unwrap_err()
            .contains("unknown status"));
        assert!(Progress::from_share_code("d.Not An Id")
            .unwrap_err()
            .contains("not a resource id"));
    }

    #[test]
    fn export_file_round_trip_and_refusals() {
        let mut p = Progress::default();
        p.set_status("cs50", Status::Done);
        p.set_note("cs50", "week 2");
        let json = ProgressFile::new(p.clone()).to_json();
        assert_eq!(ProgressFile::parse(&json).unwrap(), p);
        assert!(ProgressFile::parse("hello")
            .unwrap_err()
            .contains("not a road map progress file"));
        let other = r#"{"schema":1,"kind":"something-else","statuses":{}}"#;
        assert!(ProgressFile::parse(other)
            .unwrap_err()
            .contains("kind `something-else`"));
        let bad = r#"{"schema":1,"kind":"societys-backend-roadmap-progress","statuses":{"cs50":"finished"}}"#;
        assert!(
            ProgressFile::parse(bad).unwrap_err().contains("damaged"),
            "{:?}",
            ProgressFile::parse(bad)
        );
    }

    #[test]
    fn oversized_share_codes_and_files_are_refused() {
        let long = format!("d.{}", vec!["resource-id"; 800].join("."));
        assert!(long.len() > MAX_SHARE_CODE_BYTES);
        let e = Progress::from_share_code(&long).unwrap_err();
        assert_eq!(e, "the progress link is too large (10 KB; at most 6 KB)");
        assert!(check_size("the file", MAX_FILE_BYTES as u64, MAX_FILE_BYTES).is_ok());
        assert_eq!(
            check_size("the file", 300 * 1024 + 1, MAX_FILE_BYTES).unwrap_err(),
            "the file is too large (301 KB; at most 256 KB)"
        );
    }

    #[test]
    fn diff_counts_added_changed_cleared_and_notes() {
        let mut before = Progress::default();
        before.set_status("a", Status::Done);
        before.set_status("b", Status::InProgress);
        before.set_status("c", Status::Skipped);
        before.set_note("a", "old");
        let mut after = before.clone();
        after.set_status("b", Status::Done);
        after.set_status("c", Status::NotStarted);
        after.set_status("d", Status::Done);
        after.set_status("e", Status::Skipped);
        after.set_note("a", "new");
        after.set_note("f", "hello");
        let d = before.diff(&after);
        assert_eq!(
            d,
            ProgressDiff {
                added: 2,
                changed: 1,
                cleared: 1,
                notes: 2
            }
        );
        assert_eq!(
            d.summary(),
            "Statuses: 2 added, 1 changed, 1 cleared. Notes: 2 changed."
        );
        assert!(before.diff(&before).is_empty());
    }

    #[test]
    fn a_proposal_drops_unknown_ids_and_counts_against_the_current_progress() {
        let r = roadmap();
        let known = |id: &str| r.resource(id).is_some();
        let mut mine = Progress::default();
        mine.set_status("cs50", Status::Done);
        mine.set_status("git", Status::InProgress);
        mine.set_status("retired-course", Status::Done);
        let mut theirs = Progress::default();
        theirs.set_status("cs50", Status::Done);
        theirs.set_status("git", Status::Done);
        theirs.set_status("rust", Status::Skipped);
        theirs.set_status("not-a-resource", Status::Done);
        theirs.set_note("not-a-resource", "x");
        theirs.set_note("<script>", "x");
        let p = Proposal::new(&mine, theirs, known);
        assert_eq!(p.dropped, 2);
        assert_eq!(
            p.dropped_note().unwrap(),
            "2 entries were left out: they are not resources of this road map."
        );
        assert_eq!(
            p.diff,
            ProgressDiff {
                added: 1,
                changed: 1,
                cleared: 0,
                notes: 0
            }
        );
        assert_eq!(
            p.incoming.statuses.keys().collect::<Vec<_>>(),
            ["cs50", "git", "rust"]
        );
        assert!(p.incoming.notes.is_empty());
        // The reader's own ids from an older road map are not touched.
        mine.merge(&p.incoming);
        assert_eq!(mine.status("retired-course"), Status::Done);
        let same = Proposal::new(&mine, mine.clone(), known);
        assert!(same.diff.is_empty() && same.dropped_note().is_some());
    }

    #[test]
    fn merge_prefers_the_incoming_progress() {
        let mut mine = Progress::default();
        mine.set_status("a", Status::Done);
        mine.set_status("b", Status::InProgress);
        let mut theirs = Progress::default();
        theirs.set_status("b", Status::Done);
        theirs.set_note("c", "n");
        mine.merge(&theirs);
        assert_eq!(mine.status("a"), Status::Done);
        assert_eq!(mine.status("b"), Status::Done);
        assert_eq!(mine.note("c"), "n");
    }
}
