//! `cargo xtask build`: press the content into `public/data`, build the release bundle with
//! trunk for a base path, then make `dist/` ready for any static host:
//! - trunk's inline `<script type="module">` moves into a hashed file, so the pages run under a
//!   Content-Security-Policy without `'unsafe-inline'`;
//! - `404.html` (a copy of the app's page) for hosts that serve it for unknown paths;
//! - the Netlify/Cloudflare `_headers` and `_redirects` files, with the base path filled in;
//! - `press pages`: feeds, sitemap, robots.txt and a static HTML entry per article.

use std::fs;
use std::path::{Path, PathBuf};

use crate::run::{check, cmd, press, root, Result};

/// Normalizes a base path to `/` or `/a/b/`.
pub fn normalize_base(base: &str) -> String {
    let trimmed = base.trim_matches('/');
    if trimmed.is_empty() {
        "/".to_string()
    } else {
        format!("/{trimmed}/")
    }
}

/// The demo keyring that seals the sample content: public on purpose, never for real readers.
pub const DEMO_KEYRING: &str = "crates/press/tests/fixtures/demo-keyring.toml";

/// Which keyring seals paid content when `SB_KEYRING` is not set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fallback {
    /// The public demo keyring, for local serving, tests and benchmarks of the sample content.
    Demo,
    /// None: a build to deploy must name the publisher's keyring (press refuses paid content
    /// without one), so the demo keys can never seal real content by accident.
    Refuse,
}

/// The keyring that seals paid content: `SB_KEYRING` when set, else per `fallback`.
pub fn keyring(fallback: Fallback) -> Option<PathBuf> {
    match std::env::var_os("SB_KEYRING").filter(|v| !v.is_empty()) {
        Some(path) => Some(PathBuf::from(path)),
        None if fallback == Fallback::Demo => {
            eprintln!(
                "build: SB_KEYRING is not set, sealing paid content with the public DEMO keyring \
                 ({DEMO_KEYRING}); fine for looking at the sample, never for publishing"
            );
            Some(root().join(DEMO_KEYRING))
        }
        None => None,
    }
}

/// Builds the site for `base` into `out` and returns `out`. Only a `Fallback::Demo` build lets
/// press seal with the demo keys (`--demo-keyring`); every build is checked to publish no key.
pub fn build(base: &str, out: &Path, fallback: Fallback) -> Result<PathBuf> {
    let base = normalize_base(base);
    let keyring = keyring(fallback).map(|k| k.to_string_lossy().into_owned());
    let mut args = vec!["build", "--content", "content", "--out"];
    if let Some(keyring) = &keyring {
        args.splice(1..1, ["--keyring", keyring.as_str()]);
    }
    if fallback == Fallback::Demo {
        args.insert(1, "--demo-keyring");
    }
    press(&args, Path::new("public/data")).map_err(|e| match keyring {
        None => format!(
            "{e}\n(set SB_KEYRING to your keyring, or pass --demo-keyring to build the sample \
             content with the public demo keys)"
        ),
        Some(_) => e,
    })?;
    check(
        cmd("trunk")
            .args(["build", "--release", "--public-url", &base, "--dist"])
            .arg(out)
            .env("NO_COLOR", "true"),
    )?;
    crate::split::build_app(out, &base)?;
    finish_dist(out, &base)?;
    press(&["pages", "--content", "content", "--dist"], out)?;
    crate::offline::write(out, &base)?;
    let mut secrets = keyring_secrets(&root().join(DEMO_KEYRING))?;
    if let Some(keyring) = &keyring {
        secrets.extend(keyring_secrets(Path::new(keyring))?);
    }
    let found = files_with_secrets(out, &secrets)?;
    if !found.is_empty() {
        return Err(format!(
            "the build holds a keyring secret, in {found:?}: do not publish it (is a keyring \
             file inside content/ or public/?)"
        ));
    }
    eprintln!("build: site for base {base} is in {}", out.display());
    Ok(out.to_path_buf())
}

/// The secrets of a keyring file (`key = "<base64url>"` lines), as written and as raw bytes.
fn keyring_secrets(path: &Path) -> Result<Vec<Vec<u8>>> {
    use base64ct::Encoding;
    let ring = read(path)?;
    let mut secrets = Vec::new();
    for line in ring.lines() {
        if let Some(text) = line
            .trim()
            .strip_prefix("key = \"")
            .and_then(|l| l.strip_suffix('"'))
        {
            secrets.push(text.as_bytes().to_vec());
            secrets.push(
                base64ct::Base64UrlUnpadded::decode_vec(text)
                    .map_err(|e| format!("{}: a bad key: {e}", path.display()))?,
            );
        }
    }
    Ok(secrets)
}

/// Every file under `dir` that holds one of `secrets`: a built site must carry no key (say a
/// keyring dropped into `content/` or `public/`). That the demo keys never *seal* a deploy is
/// press's check (`--demo-keyring`), not this one: sealed units never hold their key.
pub fn files_with_secrets(dir: &Path, secrets: &[Vec<u8>]) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let bytes = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            if secrets
                .iter()
                .any(|s| bytes.windows(s.len()).any(|w| w == s.as_slice()))
            {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

fn read(p: &Path) -> Result<String> {
    fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))
}

fn write(p: &Path, text: &str) -> Result {
    fs::write(p, text).map_err(|e| format!("{}: {e}", p.display()))
}

fn finish_dist(out: &Path, base: &str) -> Result {
    let index_path = out.join("index.html");
    let html = read(&index_path)?;
    let (html, boot) = externalize_module_script(&html, base)?;
    if let Some((name, js)) = boot {
        write(&out.join(name), &js)?;
    }
    write(&index_path, &html)?;
    write(&out.join("404.html"), &html)?;
    // press's marker for its own output folder (trunk copied it along): not for the host.
    let marker = out.join("data/.press-output");
    if marker.exists() {
        fs::remove_file(&marker).map_err(|e| format!("{}: {e}", marker.display()))?;
    }
    let headers = read(&root().join("hosting/_headers"))?;
    write(&out.join("_headers"), &headers_for(&headers, base, host()))?;
    let redirects = read(&root().join("hosting/_redirects"))?;
    write(
        &out.join("_redirects"),
        &redirects_for(&redirects, base, host()),
    )?;
    Ok(())
}

/// The static host `dist/_headers` is written for, set once by `cargo xtask build --host`.
pub static HOST: std::sync::OnceLock<Host> = std::sync::OnceLock::new();

fn host() -> Host {
    HOST.get().copied().unwrap_or(Host::Netlify)
}

/// Cloudflare Pages needs the `! Name` detach lines of `hosting/_headers`; Netlify rejects them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Host {
    Netlify,
    Cloudflare,
}

/// `hosting/_headers` for one host and base path.
pub fn headers_for(template: &str, base: &str, host: Host) -> String {
    let detach = |line: &str| line.trim_start().starts_with('!');
    for_host(template, base, |line| {
        host == Host::Cloudflare || !detach(line)
    })
}

/// A hosting template's lines that `keep` keeps, with the base path filled in.
fn for_host(template: &str, base: &str, keep: impl Fn(&str) -> bool) -> String {
    template
        .lines()
        .filter(|l| keep(l))
        .map(|l| format!("{}\n", l.replace("{{BASE}}", base)))
        .collect()
}

/// `hosting/_redirects` for one host and base path. Netlify applies a rule only to a path with
/// no file, so its 404 rules catch exactly the unknown paths; Cloudflare Pages applies rules
/// even where a file exists (its docs: "Redirects are always followed"), so there the 404 rules
/// would answer every page: they are dropped, and Cloudflare serves the nearest `404.html` with
/// status 404 by itself.
pub fn redirects_for(template: &str, base: &str, host: Host) -> String {
    let is_404_rule = |line: &str| {
        let line = line.trim();
        !line.starts_with('#') && line.split_whitespace().nth(2) == Some("404")
    };
    for_host(template, base, |line| {
        host == Host::Netlify || !is_404_rule(line)
    })
}

/// Moves the first inline `<script type="module">…</script>` into `boot-<hash>.js` and points a
/// `src` at it. Returns the new HTML and the file to write (None when there was nothing inline).
pub fn externalize_module_script(
    html: &str,
    base: &str,
) -> Result<(String, Option<(String, String)>)> {
    let open = "<script type=\"module\">";
    let Some(start) = html.find(open) else {
        return Ok((html.to_string(), None));
    };
    let body_start = start + open.len();
    let end = html[body_start..]
        .find("</script>")
        .map(|i| body_start + i)
        .ok_or("index.html: an inline module script is never closed")?;
    let js = html[body_start..end].trim().to_string();
    let name = format!("boot-{:016x}.js", fnv1a(js.as_bytes()));
    let tag = format!("<script type=\"module\" src=\"{base}{name}\"></script>");
    let new_html = format!(
        "{}{}{}",
        &html[..start],
        tag,
        &html[end + "</script>".len()..]
    );
    Ok((new_html, Some((name, format!("{js}\n")))))
}

/// A stable 64-bit content hash for cache-busting file names (the build's one hash: boot script,
/// wasm chunks, the deploy's version).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    fnv1a_continue(FNV1A_START, bytes)
}

/// fnv1a's starting value, for a hash over several pieces with [`fnv1a_continue`].
pub const FNV1A_START: u64 = 0xcbf29ce484222325;

/// Goes on hashing `bytes` from `hash` (fnv1a over pieces: the pieces' concatenation).
pub fn fnv1a_continue(hash: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(hash, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x100000001b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bases_are_normalized() {
        assert_eq!(normalize_base("/"), "/");
        assert_eq!(normalize_base(""), "/");
        assert_eq!(normalize_base("newsletter"), "/newsletter/");
        assert_eq!(normalize_base("/a/b"), "/a/b/");
    }

    #[test]
    fn inline_module_script_moves_to_a_file() {
        let html =
            "<head><script type=\"module\">\nimport init from '/x.js';\ninit();\n</script></head>";
        let (out, file) = externalize_module_script(html, "/sub/").unwrap();
        let (name, js) = file.unwrap();
        assert!(name.starts_with("boot-") && name.ends_with(".js"));
        assert_eq!(js, "import init from '/x.js';\ninit();\n");
        assert_eq!(
            out,
            format!("<head><script type=\"module\" src=\"/sub/{name}\"></script></head>")
        );
        assert!(!out.contains("import init"));
    }

    #[test]
    fn html_without_inline_script_is_unchanged() {
        let (out, file) = externalize_module_script("<p>x</p>", "/").unwrap();
        assert_eq!(out, "<p>x</p>");
        assert!(file.is_none());
    }

    #[test]
    fn headers_keep_detach_lines_only_for_cloudflare() {
        let template = "{{BASE}}*\n  A: 1\n{{BASE}}embed/*\n  ! A\n  A: 2\n";
        assert_eq!(
            headers_for(template, "/n/", Host::Netlify),
            "/n/*\n  A: 1\n/n/embed/*\n  A: 2\n"
        );
        assert_eq!(
            headers_for(template, "/", Host::Cloudflare),
            "/*\n  A: 1\n/embed/*\n  ! A\n  A: 2\n"
        );
    }

    #[test]
    fn cloudflare_gets_no_404_rules_that_would_answer_every_page() {
        let template = "# c\n{{BASE}}embed/*  {{BASE}}embed/404.html  404\n{{BASE}}*  {{BASE}}404.html  404\n/old  /new  301\n";
        assert_eq!(
            redirects_for(template, "/n/", Host::Netlify),
            "# c\n/n/embed/*  /n/embed/404.html  404\n/n/*  /n/404.html  404\n/old  /new  301\n"
        );
        assert_eq!(
            redirects_for(template, "/", Host::Cloudflare),
            "# c\n/old  /new  301\n"
        );
        let shipped = read(&root().join("hosting/_redirects")).unwrap();
        assert!(redirects_for(&shipped, "/", Host::Netlify).contains("/*  "));
        let cloudflare = redirects_for(&shipped, "/", Host::Cloudflare);
        assert!(
            cloudflare.lines().all(|l| l.starts_with('#')),
            "{cloudflare}"
        );
    }

    #[test]
    fn finds_keyring_secrets_as_text_and_bytes() {
        let dir = crate::run::work_dir("test-demo-key-scan");
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("data")).unwrap();
        fs::write(dir.join("index.html"), "<p>nothing secret</p>").unwrap();
        let secrets = keyring_secrets(&root().join(DEMO_KEYRING)).unwrap();
        assert_eq!(secrets.len(), 4, "two keys, each as text and bytes");
        assert_eq!(secrets[1].len(), 32);
        assert!(files_with_secrets(&dir, &secrets).unwrap().is_empty());
        let mut raw = b"prefix".to_vec();
        raw.extend_from_slice(&secrets[1]);
        fs::write(dir.join("data/raw.bin"), raw).unwrap();
        fs::write(
            dir.join("link.txt"),
            [b"#k=paid.k.", &secrets[2][..]].concat(),
        )
        .unwrap();
        assert_eq!(
            files_with_secrets(&dir, &secrets).unwrap(),
            [dir.join("data/raw.bin"), dir.join("link.txt")]
        );
    }

    #[test]
    fn hash_is_stable() {
        assert_eq!(fnv1a(b"abc"), 0xe71fa2190541574b);
    }
}
