//! Loading and validating the content folder (`site.toml`, `topics.toml`, articles, weeks,
//! images, the road map, redirects) into one in-memory [`Site`], reporting every problem at once.
//!
//! It may use `source` (files, fields, errors), `render` (Markdown), `paid` (paid units are
//! split off while loading) and `roadmap`; never `publish` or `import`, which build on it.

pub mod articles;
pub mod images;
pub mod internal_links;
pub mod publisher_text;
pub mod redirects;
pub mod site;
pub mod site_config;
pub mod topics;
pub mod weeks;

pub use site::{load, load_config, Site};
