//! Importers: content from elsewhere into `content/`. Each one writes press's own formats and
//! checks what it writes with press's own loaders, so imported content builds as it is.
//! (The road map importer predates this folder and lives in `roadmap/`.)

pub mod substack;
