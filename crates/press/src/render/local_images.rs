//! Local images named in Markdown and front matter (`images/x.png`, under `content/images/`):
//! where they are published (`data/images/…`) and their pixel size, read at build time so every
//! `<img>` carries `width` and `height` and nothing jumps while it loads. Which files may be
//! published at all is `content::images`'s business.

use std::path::{Path, PathBuf};

/// The content folder's images, as Markdown and front matter name them (`images/x.png`).
pub const DIR: &str = "images";

/// Where a content image is served from, relative to the site's base.
pub fn published_src(rel: &str) -> String {
    format!("{}/{rel}", sb_model::paths::DATA_DIR)
}

/// Whether a link names a local image rather than one on the web.
pub fn is_local(src: &str) -> bool {
    !src.contains("://") && !src.starts_with("//") && !src.starts_with("data:")
}

/// Reads the pixel size of a local image, relative to the content folder.
pub fn size(content: &Path, rel: &str) -> Result<(u32, u32), String> {
    let rel = rel.trim_start_matches("./");
    if !rel.starts_with(&format!("{DIR}/")) || rel.contains("..") {
        return Err(format!("`{rel}` must be a file under content/{DIR}/"));
    }
    let path: PathBuf = content.join(rel);
    if !path.exists() {
        return Err(format!(
            "image `{rel}` does not exist (looked for {})",
            path.display()
        ));
    }
    let mut prefix = content.to_path_buf();
    for part in Path::new(rel).components() {
        prefix.push(part);
        if prefix.is_symlink() {
            return Err(format!(
                "`{rel}`: {} is a symbolic link; images are published as files, links are not followed",
                prefix.display()
            ));
        }
    }
    if rel.ends_with(".svg") {
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{rel}: {e}"))?;
        return svg_size(&text)
            .ok_or_else(|| format!("`{rel}`: an SVG needs numeric width and height attributes"));
    }
    imagesize::size(&path)
        .map(|s| (s.width as u32, s.height as u32))
        .map_err(|e| format!("`{rel}` is not an image this build can read: {e}"))
}

/// The `width` and `height` attributes of an SVG's root element.
fn svg_size(svg: &str) -> Option<(u32, u32)> {
    let start = svg.find("<svg")?;
    let tag = &svg[start..start + svg[start..].find('>')?];
    let attr = |name: &str| -> Option<u32> {
        let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        let value = &tag[at..at + tag[at..].find('"')?];
        value.trim_end_matches("px").parse().ok()
    };
    Some((attr("width")?, attr("height")?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_sizes() {
        assert_eq!(
            svg_size("<?xml?><svg xmlns=\"x\" width=\"800\" height=\"400px\" viewBox=\"0 0 8 4\">"),
            Some((800, 400))
        );
        assert_eq!(svg_size("<svg viewBox=\"0 0 8 4\">"), None);
    }

    #[test]
    fn local_or_web() {
        assert!(is_local("images/a.png"));
        assert!(!is_local("https://example.com/a.png"));
        assert!(!is_local("data:image/png;base64,xx"));
    }

    #[test]
    fn refuses_paths_outside_the_images_folder() {
        let dir = tempfile::tempdir().unwrap();
        assert!(size(dir.path(), "../secret.png")
            .unwrap_err()
            .contains("under content/images"));
        assert!(size(dir.path(), "images/missing.png")
            .unwrap_err()
            .contains("does not exist"));
    }
}
