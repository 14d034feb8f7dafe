//! Importers: content from elsewhere into `content/`. Each one writes press's own formats and
//! checks what it writes with press's own loaders, so imported content builds as it is.
//!
//! It may use `content` (the loaders), `render`, `paid` and `source`; nothing uses it but
//! `main.rs`. (The road map's README is read on every build, so its reader is `roadmap/`, below
//! `content`, not here.)

pub mod substack;
