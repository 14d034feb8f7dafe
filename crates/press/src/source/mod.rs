//! Reading the publisher's source files: TOML front matter with the position of every value,
//! the checks shared by every field, and the errors that name file, line and field.
//!
//! The bottom layer: every other folder reads files through it. It depends only on `sb_model`.

pub mod error;
pub mod fields;
pub mod front_matter;
