//! Old addresses that lead to pages of this site: `content/redirects.toml`.
//!
//! The Substack importer writes one per imported post (`/p/<slug>` → `/articles/<slug>`); a
//! publisher may add more by hand. They live with the content and are checked like it (every
//! `to` must be a page of the site, no `from` may hide a page), and `press pages` writes them
//! for the hosts: into `_redirects` (Netlify, Cloudflare Pages), before the 404 rules, and as
//! `nginx-redirects.map`, which the shipped `hosting/nginx.conf` includes. The app also
//! redirects `/p/<slug>` itself, for hosts that serve only its fallback page.

use std::fs;
use std::path::{Path, PathBuf};

use sb_model::paths::{self, page};
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::content::internal_links::KnownPages;
use crate::source::error::{BuildError, ContentError};
use crate::source::fields;
use crate::source::front_matter::Document;

/// The file in the content folder.
pub const FILE: &str = "redirects.toml";

/// The nginx map `press pages` writes into the built site.
pub const NGINX_MAP: &str = "nginx-redirects.map";

/// One old address and the page it now leads to, both site paths (`/p/x`, `/articles/x`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Redirect {
    pub from: String,
    pub to: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileFront {
    #[serde(default)]
    redirects: Vec<RedirectFront>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RedirectFront {
    from: Spanned<String>,
    to: Spanned<String>,
}

#[derive(Serialize)]
struct FileOut<'a> {
    redirects: &'a [Redirect],
}

/// Whether `s` is safe as one path segment in every host's config: letters, digits and
/// `-_.~`, not `.` or `..`.
pub fn is_path_segment(s: &str) -> bool {
    !s.is_empty()
        && s != "."
        && s != ".."
        && s.len() <= 200
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '~'))
}

/// A site path of safe segments (`/p/old-post`).
fn is_site_path(p: &str) -> bool {
    p.strip_prefix('/').is_some_and(|rest| {
        !rest.is_empty() && rest.trim_end_matches('/').split('/').all(is_path_segment)
    })
}

/// The first segments of the site's own pages: no redirect may start there.
const OWN_PREFIXES: [&str; 16] = [
    page::ARTICLES,
    page::WEEKLY,
    page::TOPICS,
    page::ROADMAP,
    page::ABOUT,
    page::SEARCH,
    page::UNLOCK,
    page::EMBED,
    paths::DATA_DIR,
    "feed.xml",
    "atom.xml",
    "sitemap.xml",
    "robots.txt",
    "index.html",
    "404.html",
    "_redirects",
];

/// Reads and checks `content/redirects.toml` (no file: no redirects). Problems go to `errors`.
pub fn load(
    content: &Path,
    known: &KnownPages,
    errors: &mut Vec<ContentError>,
) -> Result<Vec<Redirect>, BuildError> {
    let path = content.join(FILE);
    let text = match fs::read_to_string(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        other => other.map_err(BuildError::io(&path))?,
    };
    let doc = Document::whole_toml(&text);
    let front: FileFront = match crate::source::front_matter::parse(&path, &doc) {
        Ok(f) => f,
        Err(e) => {
            errors.push(e);
            return Ok(Vec::new());
        }
    };
    let mut out: Vec<Redirect> = Vec::new();
    for r in front.redirects {
        let from = r.from.get_ref().trim().to_string();
        let to = r.to.get_ref().trim().to_string();
        let from_line = fields::line_in_file(&doc, r.from.span());
        let to_line = fields::line_in_file(&doc, r.to.span());
        let first = from.trim_start_matches('/').split('/').next().unwrap_or("");
        if !is_site_path(&from) {
            errors.push(ContentError::new(
                &path,
                from_line,
                Some("redirects.from"),
                format!(
                    "`{from}` is not a site path such as `/p/old-post` (letters, digits, `-`, `_`, `.`, `~`)"
                ),
            ));
            continue;
        }
        // Some hosts match paths without regard to case.
        if OWN_PREFIXES.contains(&first.to_ascii_lowercase().as_str()) {
            errors.push(ContentError::new(
                &path,
                from_line,
                Some("redirects.from"),
                format!("`{from}` is an address of the site's own pages: it cannot redirect"),
            ));
            continue;
        }
        if let Some(why) = target_problem(&to, known) {
            errors.push(ContentError::new(&path, to_line, Some("redirects.to"), why));
            continue;
        }
        if out.iter().any(|o| o.from == from) {
            errors.push(ContentError::new(
                &path,
                from_line,
                Some("redirects.from"),
                format!("`{from}` is listed twice"),
            ));
            continue;
        }
        out.push(Redirect { from, to });
    }
    Ok(out)
}

/// Why `to` is not a page of the site, if it is not.
fn target_problem(to: &str, known: &KnownPages) -> Option<String> {
    if !is_site_path(to) && to != "/" {
        return Some(format!(
            "`{to}` is not a path of this site such as `/articles/x`"
        ));
    }
    let path = to.trim_end_matches('/');
    let mut parts = path.trim_start_matches('/').splitn(2, '/');
    let (kind, slug) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let ok = match (kind, slug) {
        ("" | page::ARTICLES | page::WEEKLY | page::TOPICS | page::ABOUT | page::ROADMAP, "") => {
            true
        }
        (page::ARTICLES, s) => known.articles.contains(s),
        (page::WEEKLY, s) => known.weeks.contains(s),
        (page::TOPICS, s) => known.topics.contains(s),
        (page::ROADMAP, s) => known.roadmap_sections.contains(s),
        _ => false,
    };
    (!ok).then(|| format!("`{to}` points to no page of the site"))
}

/// The redirects of `content/redirects.toml` as [`upsert`] reads them (none without the file).
pub fn read_plain(content: &Path) -> Result<Vec<Redirect>, String> {
    let path = content.join(FILE);
    Ok(match fs::read_to_string(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => return Err(format!("{}: {e}", path.display())),
        Ok(text) => {
            #[derive(Deserialize)]
            struct Plain {
                #[serde(default)]
                redirects: Vec<Redirect>,
            }
            toml::from_str::<Plain>(&text)
                .map_err(|e| format!("{}: {}", path.display(), e.message()))?
                .redirects
        }
    })
}

/// Adds (or updates, by `from`) redirects in `content/redirects.toml`, keeping the others.
pub fn upsert(content: &Path, new: &[Redirect]) -> Result<PathBuf, String> {
    let path = content.join(FILE);
    let mut all = read_plain(content)?;
    for r in new {
        match all.iter_mut().find(|o| o.from == r.from) {
            Some(o) => o.to = r.to.clone(),
            None => all.push(r.clone()),
        }
    }
    let body = toml::to_string(&FileOut { redirects: &all }).map_err(|e| e.to_string())?;
    let text = format!(
        "# Old addresses that lead to pages of this site (`press pages` writes them into the\n\
         # hosts' configs). `from` is an old path, `to` a page of the site; both are relative to\n\
         # the site's base. `press import substack` adds its posts' `/p/<slug>` addresses here.\n\n{body}"
    );
    fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(path)
}

/// The base path a built `index.html` names in `<base href>` (`/` when it names none).
pub fn base_of(index_html: &str) -> String {
    let Some(i) = index_html.find("<base href=\"") else {
        return "/".into();
    };
    let rest = &index_html[i + "<base href=\"".len()..];
    let href = rest.split('"').next().unwrap_or("/");
    if href.starts_with('/') && href.ends_with('/') {
        href.to_string()
    } else {
        "/".into()
    }
}

/// Joins a base (`/` or `/news/`) and a site path (`/p/x`).
fn under(base: &str, path: &str) -> String {
    format!("{base}{}", path.trim_start_matches('/'))
}

/// `_redirects` lines (Netlify, Cloudflare Pages): permanent, each before the 404 rules.
pub fn netlify_rules(redirects: &[Redirect], base: &str) -> String {
    redirects
        .iter()
        .map(|r| format!("{}  {}  301\n", under(base, &r.from), under(base, &r.to)))
        .collect()
}

/// The nginx map's entries (`"/p/x" "/articles/x";`), with and without a trailing slash.
pub fn nginx_map(redirects: &[Redirect], base: &str) -> String {
    let mut out = String::from(
        "# Written by `press pages` from content/redirects.toml; included by hosting/nginx.conf.\n",
    );
    for r in redirects {
        let from = under(base, &r.from);
        let to = under(base, &r.to);
        let from = from.trim_end_matches('/');
        out.push_str(&format!("\"{from}\" \"{to}\";\n\"{from}/\" \"{to}\";\n"));
    }
    out
}

/// Writes the redirects into a built site: into its `_redirects` (before the first rule, so
/// they win over the 404 catch-alls) and as [`NGINX_MAP`]. Returns the files written.
pub fn write_dist(
    redirects: &[Redirect],
    dist: &Path,
    index_html: &str,
) -> Result<usize, BuildError> {
    let base = base_of(index_html);
    let map = dist.join(NGINX_MAP);
    fs::write(&map, nginx_map(redirects, &base)).map_err(BuildError::io(&map))?;
    let path = dist.join("_redirects");
    let existing = match fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(BuildError::io(&path)(e)),
    };
    let rules = netlify_rules(redirects, &base);
    // Running `press pages` twice must not add the rules twice.
    let existing: String = existing
        .lines()
        .filter(|l| !rules.lines().any(|r| r == *l))
        .map(|l| format!("{l}\n"))
        .collect();
    let at = existing
        .lines()
        .take_while(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
        .map(|l| l.len() + 1)
        .sum::<usize>()
        .min(existing.len());
    let text = format!("{}{rules}{}", &existing[..at], &existing[at..]);
    fs::write(&path, text).map_err(BuildError::io(&path))?;
    Ok(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> KnownPages {
        let mut k = KnownPages::default();
        k.articles.insert("new-post".into());
        k.weeks.insert("2024-01-05".into());
        k
    }

    fn check(text: &str) -> (Vec<Redirect>, Vec<ContentError>) {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(FILE), text).unwrap();
        let mut errors = Vec::new();
        let r = load(dir.path(), &known(), &mut errors).unwrap();
        (r, errors)
    }

    #[test]
    fn checks_each_redirect_with_its_line() {
        let (r, errors) = check(
            "[[redirects]]\nfrom = \"/p/old-post\"\nto = \"/articles/new-post\"\n\n\
             [[redirects]]\nfrom = \"/p/gone\"\nto = \"/articles/missing\"\n\n\
             [[redirects]]\nfrom = \"/articles/new-post\"\nto = \"/\"\n\n\
             [[redirects]]\nfrom = \"/p/a b\"\nto = \"/weekly/2024-01-05\"\n\n\
             [[redirects]]\nfrom = \"/search\"\nto = \"/\"\n\n\
             [[redirects]]\nfrom = \"/Articles/new-post\"\nto = \"/\"\n",
        );
        assert_eq!(
            r,
            [Redirect {
                from: "/p/old-post".into(),
                to: "/articles/new-post".into()
            }]
        );
        let lines: Vec<_> = errors
            .iter()
            .map(|e| (e.line, e.field.clone().unwrap()))
            .collect();
        assert_eq!(
            lines,
            [
                (7, "redirects.to".to_string()),
                (10, "redirects.from".to_string()),
                (14, "redirects.from".to_string()),
                (18, "redirects.from".to_string()),
                (22, "redirects.from".to_string())
            ],
            "{errors:?}"
        );
    }

    #[test]
    fn writes_host_rules_before_the_catch_alls_once() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(
            dir.path().join("_redirects"),
            "# comment\n/news/embed/*  /news/embed/404.html  404\n/news/*  /news/404.html  404\n",
        )
        .unwrap();
        let r = [Redirect {
            from: "/p/old".into(),
            to: "/articles/new".into(),
        }];
        let html = "<head><base href=\"/news/\"></head>";
        write_dist(&r, dir.path(), html).unwrap();
        write_dist(&r, dir.path(), html).unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("_redirects")).unwrap(),
            "# comment\n/news/p/old  /news/articles/new  301\n/news/embed/*  /news/embed/404.html  404\n/news/*  /news/404.html  404\n"
        );
        let map = fs::read_to_string(dir.path().join(NGINX_MAP)).unwrap();
        assert!(map.contains("\"/news/p/old\" \"/news/articles/new\";\n\"/news/p/old/\" \"/news/articles/new\";\n"), "{map}");
    }

    #[test]
    fn upsert_keeps_other_redirects() {
        let dir = tempfile::tempdir().unwrap();
        let a = Redirect {
            from: "/old".into(),
            to: "/about".into(),
        };
        upsert(dir.path(), std::slice::from_ref(&a)).unwrap();
        let b = Redirect {
            from: "/p/x".into(),
            to: "/articles/x".into(),
        };
        upsert(dir.path(), &[b.clone(), b.clone()]).unwrap();
        let (r, errors) = {
            let mut k = known();
            k.articles.insert("x".into());
            let mut errors = Vec::new();
            (load(dir.path(), &k, &mut errors).unwrap(), errors)
        };
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(r, [a, b]);
    }
}
