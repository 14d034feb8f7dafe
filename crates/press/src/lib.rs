//! `press`, the publishing side of the site: content folder in, data folder out.
//!
//! The browser app never parses Markdown or checks content; everything that can be decided at
//! build time is decided here, and every problem is reported with file, line and field.

pub mod articles;
pub mod error;
pub mod feeds;
pub mod fields;
pub mod front_matter;
pub mod highlight;
pub mod images;
pub mod import;
pub mod internal_links;
pub mod keyring;
pub mod markdown;
pub mod paid;
pub mod prerender;
pub mod publisher_text;
pub mod redirects;
pub mod roadmap;
pub mod seal;
pub mod search_index;
pub mod site;
pub mod site_config;
pub mod static_pages;
pub mod synth_archive;
pub mod topics;
pub mod weeks;

pub use error::{BuildError, ContentError};
pub use site::{build, BuildReport};
