//! `press`, the publishing side of the site: content folder in, data folder out.
//!
//! The browser app never parses Markdown or checks content; everything that can be decided at
//! build time is decided here, and every problem is reported with file, line and field.
//!
//! The folders are layers; a folder uses only those below it (and `sb_model`), never one above:
//!
//! ```text
//! import   the Substack importer                      may use content, render, paid, source
//! publish  data folder, search index, feeds, pages    may use content, render, paid, source
//! content  load and validate the content folder       may use render, paid, roadmap, source
//! roadmap  the road map's README → roadmap.json        may use source
//! paid     keyring, sealing, paid units               may use source
//! render   Markdown → sanitized HTML, highlighting    sb_model only
//! source   front matter, fields, file/line errors     sb_model only
//! ```

pub mod content;
pub mod import;
pub mod paid;
pub mod publish;
pub mod render;
pub mod roadmap;
pub mod source;

pub use publish::data::{build, BuildReport};
pub use source::error::{BuildError, ContentError};
