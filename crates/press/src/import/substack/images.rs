//! `--download-images`: copies a post's images into `content/images/substack/` so the site
//! stops depending on Substack's CDN. Off by default (and in tests: they have no network);
//! it uses the machine's `curl`, and every file it keeps passes press's own image check, so a
//! page that answers with HTML never becomes an "image".

use std::fs;
use std::path::Path;
use std::process::Command;

use super::manifest::sha256;

/// The folder under `content/images/` downloaded images go to.
pub const DIR: &str = "substack";

/// Downloads `url` (once: a file already there is reused) and returns the Markdown path.
pub fn download(content: &Path, url: &str) -> Result<String, String> {
    let dir = content.join(crate::images::DIR).join(DIR);
    fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let stem: String = url
        .split(['?', '#'])
        .next()
        .unwrap_or(url)
        .rsplit('/')
        .next()
        .unwrap_or("image")
        .rsplit_once('.')
        .map_or("image", |(s, _)| s)
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .take(60)
        .collect();
    let stem = format!(
        "{}-{}",
        &sha256(url.as_bytes())[..10],
        stem.trim_matches('-')
    );
    for ext in ["png", "jpg", "gif", "webp", "avif", "svg"] {
        let name = format!("{stem}.{ext}");
        if dir.join(&name).is_file() {
            return Ok(format!("{}/{DIR}/{name}", crate::images::DIR));
        }
    }
    let tmp = tempfile::NamedTempFile::new_in(&dir).map_err(|e| e.to_string())?;
    let status = Command::new("curl")
        .args([
            "-fsSL",
            "--max-time",
            "60",
            "--max-filesize",
            "33554432",
            "--proto",
            "=https,http",
            "--proto-redir",
            "=https,http",
            "-o",
        ])
        .arg(tmp.path())
        .arg(url)
        .status()
        .map_err(|e| format!("curl: {e}"))?;
    if !status.success() {
        return Err(format!("curl failed ({status})"));
    }
    let bytes = fs::read(tmp.path()).map_err(|e| e.to_string())?;
    // The type comes from the bytes, the way press checks published images.
    let ext = ["png", "jpg", "gif", "webp", "avif", "svg"]
        .into_iter()
        .find(|ext| crate::images::check(&format!("x.{ext}"), &bytes).is_ok())
        .ok_or("not an image press publishes")?;
    let name = format!("{stem}.{ext}");
    tmp.persist(dir.join(&name)).map_err(|e| e.to_string())?;
    Ok(format!("{}/{DIR}/{name}", crate::images::DIR))
}
