//! Site search: the index format `press` writes, and the query logic the app runs over it.
//!
//! Pure code (no I/O, no threads, no randomness): the browser fetches the files between the
//! steps below; the steps say exactly which ones. Paths are relative to the data folder
//! (`paths::data_url(base, path)` gives the URL).
//!
//! # The flow, per query
//!
//! ```text
//! first keystroke:  GET search/root.json  → Root::decode(text)              (a few KB)
//! every keystroke:  let query = Query::parse(input);
//!                   loop {
//!                       match search(&root, &fetched, &query, &filters, &local, limit)? {
//!                           Step::Need(paths) => for p in paths { fetched.add(&p, &GET p)? }
//!                           Step::Done(ranked) => break ranked,
//!                       }
//!                   }
//!                   for p in fetched.missing(&root.doc_shards_for(&ranked)) { fetched.add(&p, &GET p)? }
//!                   let results: Vec<SearchResult> = present(&root, &ranked, &fetched, &local, &query)?;
//! ```
//!
//! - The first `Step::Need` lists the term shards of the query's words
//!   ([`Root::term_shards_for`], `search/t/N.json`, or `search/x/PREFIX.json` for a short prefix
//!   whose terms span several shards) and, with filters, `search/kinds.json` and
//!   `search/topic/SLUG.json` ([`Root::filter_files`]). A caller may fetch those up front.
//! - A later `Step::Need` (rare: when the first blocks do not settle the top `limit`) lists
//!   later blocks `search/b/TERM-J.json` of some terms. Every `Need` asks for new files, so the
//!   loop ends.
//! - Then `search/d/N.json` doc shards ([`Root::doc_shards_for`]) hold titles and excerpts.
//! - [`Fetched`] keeps every decoded file: keep one per page load and reuse it for every query.
//!   A damaged file is a [`SearchError`] naming it (never a panic): show a retry.
//! - [`LocalIndex`] holds the paid units the reader unlocked: [`LocalIndex::add_doc`] each
//!   opened unit, built with [`docs::article_doc`] (article meta + the opened paid HTML) or
//!   [`docs::week_entry_doc`] (week meta + the opened entry), the same builders press uses;
//!   [`LocalIndex::clear`] on "Forget key". Its hits merge with the public ones (a page both
//!   public and local is shown once); nothing of it is ever fetched or sent.
//! - Links in results ([`SearchResult::url`]) start with `/` and are relative to the site's
//!   base: `/articles/SLUG[#heading]`, `/weekly/SLUG#ENTRY-ID`, `/roadmap/SECTION/RESOURCE` (the
//!   explorer's permalink), `/topics/SLUG`; give them to `paths::app_href`. Highlights are byte
//!   ranges into `title` and `excerpt`.
//!
//! # Ranking
//!
//! Every word is required; the last is also a prefix (its best [`PREFIX_TERMS`] expansions, by
//! impact then document frequency) unless the text ends with a space or punctuation. Case,
//! accents (Latin-1 and Latin Extended-A, a hand table) and simple plurals do not matter
//! ([`text::stem`]). A document's score is the sum over the words of its impact
//! for the word (for the last word: its best expansion). Impacts are BM25F over title, summary
//! (or commentary, notes) and body, quantised to 1..=999, plus [`format::TITLE_BONUS`] (8,000)
//! when the term is in the title, so documents matching more words in their title rank first. Ties go to the reader's own unlocked units, then to newer
//! content (public ids are in date order, newest first).
//!
//! # Early stop
//!
//! A term's postings are stored impact-ordered (best first) in blocks: block 0 (48 postings)
//! inline in its term shard, later blocks (×4 each) in their own files, each with its maximum
//! impact in the shard. [`search`] keeps, for every document seen, its impacts and an upper
//! bound of what it could still gain, and for unseen documents the sum of the next block
//! maxima; it stops as soon as the top `limit` exact scores cannot be beaten (a threshold
//! algorithm; exact top-k, tested against brute force). A word in every document costs one
//! block like a rare word.

pub mod build;
pub mod docs;
pub mod format;
pub mod present;
pub mod query;
pub mod rank;
pub mod text;

#[cfg(test)]
mod tests;

pub use build::SourceDoc;
pub use format::{DocRecord, Kind, Passage, Root, SearchError, TopicFacet};
pub use present::{present, SearchResult};
pub use query::Query;
pub use rank::{search, DocRef, Fetched, Filters, Hit, LocalIndex, Ranked, Step};

/// How many terms the last word of a query expands to at most.
pub const PREFIX_TERMS: usize = 8;
