//! Files for crawlers and hosts, written into the built site after trunk: the feeds,
//! `sitemap.xml`, `robots.txt`, and an HTML entry (`<path>/index.html`) for every page the app
//! routes. Article entries carry their own title, description, canonical URL and Open Graph /
//! Twitter tags, so link previews work without JavaScript. Because every real page has a file,
//! hosts serve any other path as a real 404 (`404.html`, or `embed/404.html` under `embed/`,
//! which the widget frame may show) instead of a soft 404 that crawlers index.

use std::fs;
use std::path::Path;

use sb_model::{Article, SiteConfig};

use crate::error::BuildError;
use crate::feeds;
use crate::site::Site;

/// Escapes text for XML and HTML text and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// `sitemap.xml`: every page the app serves from the data.
pub fn sitemap(site: &Site) -> String {
    let base = &site.config.base_url;
    let mut urls: Vec<(String, Option<String>)> = ["", "articles", "weekly", "topics", "about"]
        .iter()
        .map(|p| (format!("{base}{p}"), None))
        .collect();
    if site.roadmap.is_some() {
        urls.push((format!("{base}roadmap"), None));
    }
    for a in &site.articles {
        urls.push((
            format!("{base}articles/{}", a.meta.slug),
            Some(a.meta.updated.unwrap_or(a.meta.date).to_string()),
        ));
    }
    for w in &site.weeks {
        urls.push((
            format!("{base}weekly/{}", w.meta.slug),
            Some(w.meta.date.to_string()),
        ));
    }
    for t in &site.topics {
        urls.push((format!("{base}topics/{}", t.slug), None));
    }
    let body: String = urls
        .into_iter()
        .map(|(loc, lastmod)| {
            let lastmod = lastmod
                .map(|d| format!("<lastmod>{d}</lastmod>"))
                .unwrap_or_default();
            format!("  <url><loc>{}</loc>{lastmod}</url>\n", escape(&loc))
        })
        .collect();
    format!("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n{body}</urlset>\n")
}

pub fn robots(config: &SiteConfig) -> String {
    format!(
        "User-agent: *\nAllow: /\nDisallow: {}embed/\n\nSitemap: {}sitemap.xml\n",
        path_of(&config.base_url),
        config.base_url
    )
}

/// The path part of an absolute URL (`https://x.com/a/` → `/a/`).
fn path_of(url: &str) -> &str {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    rest.find('/').map(|i| &rest[i..]).unwrap_or("/")
}

/// The app's `index.html` with an article's own title, description and social tags.
pub fn article_entry(index_html: &str, config: &SiteConfig, article: &Article) -> String {
    let meta = &article.meta;
    let url = format!("{}articles/{}", config.base_url, meta.slug);
    let title = format!("{} · {}", meta.title, config.title);
    let tags = [
        format!("<link rel=\"canonical\" href=\"{}\">", escape(&url)),
        "<meta property=\"og:type\" content=\"article\">".to_string(),
        format!(
            "<meta property=\"og:site_name\" content=\"{}\">",
            escape(&config.title)
        ),
        format!(
            "<meta property=\"og:title\" content=\"{}\">",
            escape(&meta.title)
        ),
        format!(
            "<meta property=\"og:description\" content=\"{}\">",
            escape(&meta.summary)
        ),
        format!("<meta property=\"og:url\" content=\"{}\">", escape(&url)),
        format!(
            "<meta property=\"article:published_time\" content=\"{}\">",
            meta.date.rfc3339()
        ),
        "<meta name=\"twitter:card\" content=\"summary\">".to_string(),
        format!(
            "<meta name=\"twitter:title\" content=\"{}\">",
            escape(&meta.title)
        ),
        format!(
            "<meta name=\"twitter:description\" content=\"{}\">",
            escape(&meta.summary)
        ),
    ]
    .join("\n  ");
    let mut html = replace_between(index_html, "<title>", "</title>", &escape(&title));
    html = replace_between(
        &html,
        "<meta name=\"description\" content=\"",
        "\">",
        &escape(&meta.summary),
    );
    html.replacen("</head>", &format!("  {tags}\n</head>"), 1)
}

/// Replaces the text between the first `start` and the next `end`.
fn replace_between(text: &str, start: &str, end: &str, with: &str) -> String {
    let Some(i) = text.find(start).map(|i| i + start.len()) else {
        return text.to_string();
    };
    let Some(j) = text[i..].find(end).map(|j| i + j) else {
        return text.to_string();
    };
    format!("{}{with}{}", &text[..i], &text[j..])
}

fn write(path: &Path, text: &str, count: &mut usize) -> Result<(), BuildError> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(BuildError::io(parent))?;
    }
    fs::write(path, text).map_err(BuildError::io(path))?;
    *count += 1;
    Ok(())
}

/// Every page path the app routes from this site's data, relative to the base and without a
/// trailing slash (`""` is the home page). The hosting configs serve a 404 for anything else.
pub fn route_paths(site: &Site) -> Vec<String> {
    let mut paths: Vec<String> = ["", "articles", "topics", "weekly", "about", "unlock"]
        .iter()
        .map(|p| p.to_string())
        .collect();
    paths.extend(
        site.articles
            .iter()
            .map(|a| format!("articles/{}", a.meta.slug)),
    );
    paths.extend(site.topics.iter().map(|t| format!("topics/{}", t.slug)));
    paths.extend(site.weeks.iter().map(|w| format!("weekly/{}", w.meta.slug)));
    if let Some(roadmap) = &site.roadmap {
        for prefix in ["roadmap", "embed/roadmap"] {
            paths.push(prefix.to_string());
            paths.extend(
                roadmap
                    .sections
                    .iter()
                    .map(|s| format!("{prefix}/{}", s.id)),
            );
        }
        paths.extend(
            roadmap
                .entries()
                .map(|(s, e)| format!("roadmap/{}/{}", s.id, e.resource)),
        );
    }
    let mut seen = std::collections::HashSet::new();
    paths.retain(|p| seen.insert(p.clone()));
    paths
}

/// The 404 page the hosts serve for unknown paths under `embed/`: the app, which shows a
/// widget-only error there; it lives under `embed/` so it gets the widgets' framing policy.
pub const EMBED_NOT_FOUND: &str = "embed/404.html";

/// Writes the feeds, sitemap, robots.txt and page entries into a built site.
pub fn write_all(site: &Site, dist: &Path) -> Result<usize, BuildError> {
    let index_path = dist.join("index.html");
    let index_html = fs::read_to_string(&index_path).map_err(BuildError::io(&index_path))?;
    let mut count = 0;
    write(
        &dist.join("feed.xml"),
        &feeds::rss(&site.config, &site.articles, &site.weeks),
        &mut count,
    )?;
    write(
        &dist.join("atom.xml"),
        &feeds::atom(&site.config, &site.articles, &site.weeks),
        &mut count,
    )?;
    write(&dist.join("sitemap.xml"), &sitemap(site), &mut count)?;
    write(&dist.join("robots.txt"), &robots(&site.config), &mut count)?;
    for path in route_paths(site).iter().filter(|p| !p.is_empty()) {
        let article = path
            .strip_prefix("articles/")
            .and_then(|slug| site.articles.iter().find(|a| a.meta.slug == slug));
        let entry = match article {
            Some(a) => article_entry(&index_html, &site.config, a),
            None => index_html.clone(),
        };
        write(&dist.join(path).join("index.html"), &entry, &mut count)?;
    }
    write(&dist.join(EMBED_NOT_FOUND), &index_html, &mut count)?;
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("a<b> & \"c\" 'd'"),
            "a&lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;"
        );
    }

    #[test]
    fn paths_of_urls() {
        assert_eq!(path_of("https://x.com/"), "/");
        assert_eq!(path_of("https://x.com/news/"), "/news/");
    }

    #[test]
    fn replaces_between_markers() {
        assert_eq!(
            replace_between("<title>Old</title>", "<title>", "</title>", "New"),
            "<title>New</title>"
        );
        assert_eq!(
            replace_between("no markers", "<title>", "</title>", "New"),
            "no markers"
        );
    }
}
