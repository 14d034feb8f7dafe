//! `--download-images`: copies a post's images into `content/images/substack/` so the site
//! stops depending on Substack's CDN. Off by default (and in tests: they have no network);
//! it uses the machine's `curl`, and every file it keeps passes press's own image check, so a
//! page that answers with HTML never becomes an "image".

use std::fs;
use std::path::Path;
use std::process::Command;

use super::manifest::sha256;
use crate::render::local_images;

/// The folder under `content/images/` downloaded images go to.
pub const DIR: &str = "substack";

/// Downloads `url` (once: a file already there is reused) and returns the Markdown path.
pub fn download(content: &Path, url: &str) -> Result<String, String> {
    let dir = content.join(local_images::DIR).join(DIR);
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
            return Ok(format!("{}/{DIR}/{name}", local_images::DIR));
        }
    }
    let tmp = tempfile::NamedTempFile::new_in(&dir).map_err(|e| e.to_string())?;
    if super::html_to_markdown::web_url(url).as_deref() != Some(url)
        || url.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return Err("not a web address".into());
    }
    let status = Command::new("curl")
        .args(curl_args(tmp.path(), url))
        .status()
        .map_err(|e| format!("curl: {e}"))?;
    if !status.success() {
        return Err(format!("curl failed ({status})"));
    }
    let bytes = fs::read(tmp.path()).map_err(|e| e.to_string())?;
    // The type comes from the bytes, the way press checks published images.
    let ext = ["png", "jpg", "gif", "webp", "avif", "svg"]
        .into_iter()
        .find(|ext| crate::content::images::check(&format!("x.{ext}"), &bytes).is_ok())
        .ok_or("not an image press publishes")?;
    let name = format!("{stem}.{ext}");
    tmp.persist(dir.join(&name)).map_err(|e| e.to_string())?;
    Ok(format!("{}/{DIR}/{name}", local_images::DIR))
}

/// curl's arguments: no `.curlrc` (`-q`, which must come first), no URL globbing (a
/// `[1-100000]` or `{a,b}` in an address would fetch every expansion), http(s) only, also when
/// redirected, bounded in time, size and redirects, and the URL after `--url` so it is never
/// read as an option.
fn curl_args(out: &Path, url: &str) -> Vec<std::ffi::OsString> {
    let mut args: Vec<std::ffi::OsString> = [
        "-q",
        "-fsSL",
        "--globoff",
        "--max-time",
        "60",
        "--max-filesize",
        "33554432",
        "--max-redirs",
        "5",
        "--proto",
        "=https,http",
        "--proto-redir",
        "=https,http",
        "-o",
    ]
    .into_iter()
    .map(Into::into)
    .collect();
    args.push(out.as_os_str().to_owned());
    args.push("--url".into());
    args.push(url.into());
    args
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curl_reads_no_config_does_no_globbing_and_takes_the_url_as_a_url() {
        let args = curl_args(Path::new("/tmp/x"), "https://e.example/[1-9]{a,b}.png");
        let args: Vec<&str> = args.iter().map(|a| a.to_str().unwrap()).collect();
        assert_eq!(args[0], "-q");
        assert!(args.contains(&"--globoff"), "{args:?}");
        assert_eq!(
            args[args.len() - 2..],
            ["--url", "https://e.example/[1-9]{a,b}.png"]
        );
    }

    #[test]
    fn only_web_addresses_are_downloaded() {
        let dir = tempfile::tempdir().unwrap();
        for url in [
            "-K/etc/passwd",
            "file:///etc/passwd",
            "https://e.example/a.png\n-K x",
        ] {
            assert!(download(dir.path(), url).is_err(), "{url}");
        }
    }
}
