//! The offline layer of the built site (issue 14), written as the last step of `site::build`:
//! - `manifest.webmanifest`: the web app manifest, named from the site's own data
//!   (`data/site.json`), coloured from `style/main.css`, with the icons of `public/icons/`;
//! - `sw.js`: `public/sw.template.js` with `BASE`, `VERSION` and `PRECACHE` filled in. The
//!   precache list is the app shell the folder holds (hashed assets, the manifest, the icons and
//!   `offline.html`); the version is a hash over every file of the site, so any deploy, a
//!   content-only one too, installs a new worker and readers see the update notice.

use std::fs;
use std::path::Path;

use crate::run::{root, Result};
use crate::site::{fnv1a_continue, FNV1A_START};

/// The worker's source, with `{{BASE}}`, `{{VERSION}}` and `{{PRECACHE}}` to fill in.
const TEMPLATE: &str = include_str!("../../public/sw.template.js");

/// The icons the manifest names (trunk copies `public/icons/` into the site): file, size, purpose.
const ICONS: [(&str, &str, &str); 3] = [
    ("icons/icon-192.png", "192x192", "any"),
    ("icons/icon-512.png", "512x512", "any"),
    ("icons/icon-maskable-512.png", "512x512", "maskable"),
];

/// What `write` made, for the build's log and for tests.
#[derive(Debug)]
pub struct Offline {
    pub version: String,
    /// Absolute URLs, sorted.
    pub precache: Vec<String>,
    /// The precached files' raw size.
    pub precache_bytes: u64,
}

/// Writes `manifest.webmanifest` and then `sw.js` into the built site `out` for `base`.
pub fn write(out: &Path, base: &str) -> Result<Offline> {
    let site_json = read(&out.join("data/site.json"))?;
    let css = read(&root().join("style/main.css"))?;
    let manifest = manifest(&site_json, &css, base)?;
    write_file(&out.join("manifest.webmanifest"), &manifest)?;

    let files = site_files(out)?;
    let precache: Vec<&(String, u64)> = files.iter().filter(|(p, _)| is_shell(p)).collect();
    let offline = Offline {
        version: version(out, &files)?,
        precache: precache.iter().map(|(p, _)| format!("{base}{p}")).collect(),
        precache_bytes: precache.iter().map(|(_, size)| size).sum(),
    };
    write_file(
        &out.join("sw.js"),
        &worker(base, &offline.version, &offline.precache)?,
    )?;
    eprintln!(
        "build: sw.js version {}, {} files precached ({} bytes)",
        offline.version,
        offline.precache.len(),
        offline.precache_bytes
    );
    Ok(offline)
}

/// Every file under `out` as (path relative to it with `/`, size), sorted by path.
fn site_files(out: &Path) -> Result<Vec<(String, u64)>> {
    let mut files = Vec::new();
    let mut stack = vec![out.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
            let entry = entry.map_err(|e| e.to_string())?;
            let path = entry.path();
            let meta = entry.metadata().map_err(|e| e.to_string())?;
            if meta.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(out).map_err(|e| e.to_string())?;
                let parts: Vec<_> = rel.iter().map(|p| p.to_string_lossy()).collect();
                files.push((parts.join("/"), meta.len()));
            }
        }
    }
    files.sort();
    Ok(files)
}

/// A compressed twin (`x.js.br`) that a host may keep beside a file: never precached, and not
/// part of the version (it changes when its original does).
fn is_twin(path: &str) -> bool {
    path.ends_with(".br") || path.ends_with(".gz")
}

/// nginx's immutable rule: a name ending in `-<10 to 16 hex digits>[_bg].(wasm|js|css|svg)`.
pub fn is_hashed(path: &str) -> bool {
    let Some((stem, ext)) = path.rsplit_once('.') else {
        return false;
    };
    if !["wasm", "js", "css", "svg"].contains(&ext.to_ascii_lowercase().as_str()) {
        return false;
    }
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let Some((_, hash)) = stem.rsplit_once('-') else {
        return false;
    };
    (10..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Whether a file (path relative to the site) belongs to the precached app shell. Pages, data
/// (cached on use), widgets and compressed twins do not.
pub fn is_shell(path: &str) -> bool {
    if is_twin(path)
        || path == "sw.js"
        || path.starts_with("data/")
        || path.starts_with("embed/")
        || path == "embed.js"
    {
        return false;
    }
    path == "manifest.webmanifest"
        || path == "offline.html"
        || path.starts_with("icons/")
        || (!path.contains('/') && is_hashed(path))
}

/// The deploy's version: fnv1a over every file's relative path and bytes, in path order,
/// except `sw.js` itself and compressed twins.
fn version(out: &Path, files: &[(String, u64)]) -> Result<String> {
    let mut hash = FNV1A_START;
    for (path, _) in files {
        if path == "sw.js" || is_twin(path) {
            continue;
        }
        let full = out.join(path);
        let bytes = fs::read(&full).map_err(|e| format!("{}: {e}", full.display()))?;
        hash = fnv1a_continue(hash, path.as_bytes());
        hash = fnv1a_continue(hash, &[0]);
        hash = fnv1a_continue(hash, &(bytes.len() as u64).to_le_bytes());
        hash = fnv1a_continue(hash, &bytes);
    }
    Ok(format!("{hash:016x}"))
}

/// `sw.js`: the template with its three constants filled in (as JSON literals).
pub fn worker(base: &str, version: &str, precache: &[String]) -> Result<String> {
    let json = |v: serde_json::Value| v.to_string();
    let mut js = TEMPLATE.to_string();
    for (name, value) in [
        ("{{BASE}}", json(base.into())),
        ("{{VERSION}}", json(version.into())),
        ("{{PRECACHE}}", json(precache.into())),
    ] {
        if js.matches(name).count() != 1 {
            return Err(format!(
                "public/sw.template.js must hold {name} exactly once"
            ));
        }
        js = js.replace(name, &value);
    }
    Ok(js)
}

/// The light and dark values of a `--name: light-dark(#light, #dark);` variable of the CSS.
pub fn light_dark(css: &str, name: &str) -> Result<(String, String)> {
    let start = format!("{name}:");
    css.lines()
        .map(str::trim)
        .find_map(|l| l.strip_prefix(&start))
        .and_then(|v| v.trim().strip_prefix("light-dark("))
        .and_then(|v| v.split_once(')'))
        .and_then(|(pair, _)| pair.split_once(','))
        .map(|(light, dark)| (light.trim().to_string(), dark.trim().to_string()))
        .ok_or_else(|| format!("style/main.css: no `{name}: light-dark(…, …)`"))
}

/// The web app manifest for `base`, from `data/site.json` and the stylesheet's colours.
pub fn manifest(site_json: &str, css: &str, base: &str) -> Result<String> {
    let site: serde_json::Value =
        serde_json::from_str(site_json).map_err(|e| format!("data/site.json: {e}"))?;
    let text = |field: &str| -> Result<String> {
        site.get(field)
            .and_then(|v| v.as_str())
            .map(str::to_string)
            .ok_or_else(|| format!("data/site.json: no `{field}`"))
    };
    let title = text("title")?;
    let description = text("description").or_else(|_| text("tagline"))?;
    let (background, _) = light_dark(css, "--bg")?;
    let icons: Vec<_> = ICONS
        .iter()
        .map(|(src, sizes, purpose)| {
            serde_json::json!({
                "src": format!("{base}{src}"),
                "sizes": sizes,
                "type": "image/png",
                "purpose": purpose,
            })
        })
        .collect();
    let manifest = serde_json::json!({
        "id": base,
        "name": title,
        "short_name": title,
        "description": description,
        "start_url": base,
        "scope": base,
        "display": "standalone",
        "theme_color": background,
        "background_color": background,
        "icons": icons,
    });
    serde_json::to_string_pretty(&manifest)
        .map(|s| s + "\n")
        .map_err(|e| e.to_string())
}

fn read(p: &Path) -> Result<String> {
    fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))
}

fn write_file(p: &Path, text: &str) -> Result {
    fs::write(p, text).map_err(|e| format!("{}: {e}", p.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITE: &str = r#"{"schema":1,"title":"Society's Backend","tagline":"T","description":"A weekly newsletter."}"#;
    const CSS: &str = ":root {\n  --bg: light-dark(#ffffff, #0f1115);\n  --text: light-dark(#16181d, #e8eaef);\n}\n";

    /// A small built site in a scratch folder.
    fn sample_site(name: &str) -> std::path::PathBuf {
        let dir = crate::run::work_dir(name);
        let _ = fs::remove_dir_all(&dir);
        for (path, text) in [
            ("index.html", "<p>home</p>"),
            ("404.html", "<p>404</p>"),
            ("articles/x/index.html", "<p>x</p>"),
            ("sb-site-0123456789abcdef_bg.wasm", "wasm"),
            ("sb-site-chunk_7-17740d2d2f255784.wasm", "chunk"),
            ("sb-site-ec1097fc9d86c21d.js", "glue"),
            ("sb-site-ec1097fc9d86c21d.js.br", "glue-br"),
            ("sb-site-loader-ec1097fc9d86c21d.js", "loader"),
            ("boot-6886ff9dd3acd13e.js", "boot"),
            ("main-e6804fe220cfb6f2.css", "css"),
            ("main-e6804fe220cfb6f2.css.gz", "css-gz"),
            ("theme-init-1f71012f6c646231.js", "theme"),
            ("favicon-7263afe44360d4cd.svg", "<svg/>"),
            ("icons/icon-192.png", "png"),
            ("icons/icon-maskable-512.png", "png"),
            ("offline.html", "<p>offline</p>"),
            ("data/site.json", SITE),
            ("data/articles/x.json", "{}"),
            ("data/images/chart-0123456789abcdef.svg", "<svg/>"),
            ("embed.js", "embed"),
            ("embed/roadmap/index.html", "<p>widget</p>"),
            ("feed.xml", "<feed/>"),
            ("sw.js", "old worker"),
        ] {
            let path = dir.join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
        dir
    }

    #[test]
    fn hashed_names_follow_nginx() {
        for yes in [
            "sb-site-0123456789abcdef_bg.wasm",
            "sb-site-split_run_search_5251563943581409868-ca27a600dec3fdb7.wasm",
            "main-e6804fe220.css",
            "favicon-7263afe44360d4cd.svg",
        ] {
            assert!(is_hashed(yes), "{yes}");
        }
        for no in [
            "sw.js",
            "embed.js",
            "main-e6804fe.css",
            "main-e6804fe220cfb6f2a.css",
            "main-e6804fe220cfb6fz.css",
            "x-0123456789abcdef.json",
            "x-0123456789abcdef.js.br",
        ] {
            assert!(!is_hashed(no), "{no}");
        }
    }

    #[test]
    fn precache_is_the_app_shell() {
        let dir = sample_site("test-offline-precache");
        let offline = write(&dir, "/").unwrap();
        assert_eq!(
            offline.precache,
            [
                "/boot-6886ff9dd3acd13e.js",
                "/favicon-7263afe44360d4cd.svg",
                "/icons/icon-192.png",
                "/icons/icon-maskable-512.png",
                "/main-e6804fe220cfb6f2.css",
                "/manifest.webmanifest",
                "/offline.html",
                "/sb-site-0123456789abcdef_bg.wasm",
                "/sb-site-chunk_7-17740d2d2f255784.wasm",
                "/sb-site-ec1097fc9d86c21d.js",
                "/sb-site-loader-ec1097fc9d86c21d.js",
                "/theme-init-1f71012f6c646231.js",
            ]
        );
        let manifest_len = fs::metadata(dir.join("manifest.webmanifest"))
            .unwrap()
            .len();
        let sizes: u64 = offline
            .precache
            .iter()
            .map(|u| fs::metadata(dir.join(&u[1..])).unwrap().len())
            .sum();
        assert_eq!(offline.precache_bytes, sizes);
        assert!(offline.precache_bytes > manifest_len);
        let sw = fs::read_to_string(dir.join("sw.js")).unwrap();
        assert!(sw.contains("const BASE = \"/\";"));
        assert!(sw.contains(&format!("const VERSION = \"{}\";", offline.version)));
        assert!(sw.contains("\"/offline.html\",\"/sb-site-0123456789abcdef_bg.wasm\""));
        assert!(!sw.contains("{{"), "every placeholder is filled in");
    }

    #[test]
    fn offline_html_is_optional() {
        let dir = sample_site("test-offline-no-offline-page");
        fs::remove_file(dir.join("offline.html")).unwrap();
        let offline = write(&dir, "/").unwrap();
        assert!(!offline.precache.iter().any(|u| u.contains("offline")));
        assert!(offline
            .precache
            .contains(&"/manifest.webmanifest".to_string()));
    }

    #[test]
    fn base_is_filled_in_for_a_sub_path() {
        let dir = sample_site("test-offline-sub");
        let offline = write(&dir, "/newsletter/").unwrap();
        assert!(offline
            .precache
            .iter()
            .all(|u| u.starts_with("/newsletter/")));
        assert!(offline
            .precache
            .contains(&"/newsletter/boot-6886ff9dd3acd13e.js".to_string()));
        let sw = fs::read_to_string(dir.join("sw.js")).unwrap();
        assert!(sw.contains("const BASE = \"/newsletter/\";"));
        let manifest: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(dir.join("manifest.webmanifest")).unwrap())
                .unwrap();
        for field in ["id", "start_url", "scope"] {
            assert_eq!(manifest[field], "/newsletter/", "{field}");
        }
        assert_eq!(
            manifest["icons"][0]["src"],
            "/newsletter/icons/icon-192.png"
        );
    }

    #[test]
    fn version_follows_every_file_but_the_worker_and_twins() {
        let dir = sample_site("test-offline-version");
        let first = write(&dir, "/").unwrap().version;
        assert_eq!(first.len(), 16);
        assert_eq!(
            write(&dir, "/").unwrap().version,
            first,
            "writing sw.js again"
        );
        fs::write(dir.join("sw.js"), "anything").unwrap();
        fs::write(dir.join("main-e6804fe220cfb6f2.css.gz"), "other").unwrap();
        fs::write(dir.join("sb-site-ec1097fc9d86c21d.js.br"), "other").unwrap();
        assert_eq!(write(&dir, "/").unwrap().version, first, "sw.js and twins");
        for changed in ["data/articles/x.json", "articles/x/index.html", "feed.xml"] {
            let before = write(&dir, "/").unwrap().version;
            fs::write(dir.join(changed), "changed").unwrap();
            assert_ne!(write(&dir, "/").unwrap().version, before, "{changed}");
        }
        let before = write(&dir, "/").unwrap().version;
        fs::write(dir.join("data/articles/new.json"), "{}").unwrap();
        assert_ne!(write(&dir, "/").unwrap().version, before, "a new file");
    }

    #[test]
    fn manifest_fields() {
        let text = manifest(SITE, CSS, "/").unwrap();
        let m: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(m["name"], "Society's Backend");
        assert_eq!(m["short_name"], "Society's Backend");
        assert_eq!(m["description"], "A weekly newsletter.");
        for field in ["id", "start_url", "scope"] {
            assert_eq!(m[field], "/", "{field}");
        }
        assert_eq!(m["display"], "standalone");
        assert_eq!(m["theme_color"], "#ffffff");
        assert_eq!(m["background_color"], "#ffffff");
        let icons = m["icons"].as_array().unwrap();
        assert_eq!(icons.len(), 3);
        assert_eq!(icons[0]["sizes"], "192x192");
        assert_eq!(icons[1]["sizes"], "512x512");
        assert_eq!(icons[1]["purpose"], "any");
        assert_eq!(icons[2]["purpose"], "maskable");
        assert_eq!(icons[2]["src"], "/icons/icon-maskable-512.png");
        assert!(manifest("{}", CSS, "/").is_err(), "a site without a title");
    }

    /// The repository's own files agree: the icons the manifest names exist, and index.html's
    /// theme colours are style/main.css's background.
    #[test]
    fn repository_icons_and_theme_colours() {
        for (src, sizes, _) in ICONS {
            let png = fs::read(root().join("public").join(src)).unwrap();
            assert_eq!(&png[1..4], b"PNG", "{src}");
            let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
            assert_eq!(format!("{width}x{width}"), sizes, "{src}");
        }
        let css = read(&root().join("style/main.css")).unwrap();
        let (light, dark) = light_dark(&css, "--bg").unwrap();
        let index = read(&root().join("index.html")).unwrap();
        for (scheme, colour) in [("light", light), ("dark", dark)] {
            let tag = format!(
                "<meta name=\"theme-color\" media=\"(prefers-color-scheme: {scheme})\" content=\"{colour}\">"
            );
            assert!(index.contains(&tag), "index.html lacks {tag}");
        }
        assert!(index.contains("<link rel=\"manifest\" href=\"manifest.webmanifest\">"));
    }

    #[test]
    fn template_has_each_placeholder_once() {
        let js = worker("/", "00", &["/a-0123456789.js".to_string()]).unwrap();
        assert!(js.contains("const PRECACHE = [\"/a-0123456789.js\"];"));
        assert!(!js.contains("eval(") && !js.contains("importScripts"));
    }
}
