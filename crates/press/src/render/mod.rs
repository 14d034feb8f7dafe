//! Turning Markdown into sanitized HTML: headings with anchors, tables of contents, highlighted
//! code, lazy images with their size.
//!
//! Rendering knows nothing of the content folder's structure or of publishing, so loaders
//! (`content`), publishers (`publish`) and importers (`import`) can all use it. It depends only
//! on `sb_model` (its HTML escaping included), never on another press folder.

pub mod highlight;
pub mod local_images;
pub mod markdown;
