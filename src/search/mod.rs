//! Site search in the app: the header's search box and the `/search` page (in the main bundle
//! and a lazy route), the engine that fetches index shards and ranks (a lazily loaded chunk,
//! fetched when a search box is first focused), and the paid units the reader opened in this
//! browser, which are searched locally and never leave it. The index format and the ranking are
//! pure code in `sb_model::search`; `press` writes the index.

pub mod engine;
pub mod opened;
pub mod page;
pub mod results;
pub mod search_box;
