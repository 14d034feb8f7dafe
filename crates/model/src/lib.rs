//! The data model shared by the publishing CLI (`press`) and the browser app.
//!
//! Every JSON document the site loads is defined here once, with its `schema` version, together
//! with the pure logic around it (dates, slugs, reading time, paging, data paths). Nothing here
//! touches the browser or the file system, so all of it is tested natively with `cargo test`.

pub mod article;
pub mod date;
pub mod decode;
pub mod embed;
pub mod json_path;
pub mod offline;
pub mod paging;
pub mod paths;
pub mod paywall;
pub mod progress;
pub mod roadmap;
pub mod roadmap_filter;
pub mod roadmap_tree;
pub mod schema;
pub mod search;
pub mod site;
#[cfg(test)]
mod test_fixtures;
pub mod text;
pub mod topic;
pub mod week;

pub use article::{Article, ArticleSummary};
pub use date::Date;
pub use decode::{decode_document, DecodeError};
pub use paging::IndexPage;
pub use roadmap::{Resource, ResourceType, Roadmap};
pub use schema::{SchemaError, SchemaProbe, SCHEMA_VERSION};
pub use site::{SiteConfig, SiteLink};
pub use week::{ResourceKind, Week, WeekEntry, WeekSection, WeekSummary};
