//! Writing a loaded [`Site`](crate::content::Site) out: the JSON data folder (`press build`),
//! the search index, and after trunk the feeds, sitemap, hosting files and pre-rendered HTML
//! entries (`press pages`); plus the synthetic sites of the benchmark.
//!
//! The top of the build: it may use `content`, `render`, `paid` and `source`; only `main.rs`
//! uses it.

pub mod data;
pub mod feeds;
pub mod prerender;
pub mod search_index;
pub mod static_pages;
pub mod synth_archive;
