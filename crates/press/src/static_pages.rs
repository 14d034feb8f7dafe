//! Files for crawlers and hosts, written into the built site after trunk: the feeds,
//! `sitemap.xml`, `robots.txt`, and for every article a static HTML entry
//! (`articles/<slug>/index.html`) that carries its own title, description, canonical URL and
//! Open Graph / Twitter tags, so link previews work without JavaScript, then boots the app.

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

/// Writes the feeds, sitemap, robots.txt and article entries into a built site.
pub fn write_all(site: &Site, dist: &Path) -> Result<usize, BuildError> {
    let index_path = dist.join("index.html");
    let index_html = fs::read_to_string(&index_path).map_err(BuildError::io(&index_path))?;
    let mut count = 0;
    write(
        &dist.join("feed.xml"),
        &feeds::rss(&site.config, &site.articles),
        &mut count,
    )?;
    write(
        &dist.join("atom.xml"),
        &feeds::atom(&site.config, &site.articles),
        &mut count,
    )?;
    write(&dist.join("sitemap.xml"), &sitemap(site), &mut count)?;
    write(&dist.join("robots.txt"), &robots(&site.config), &mut count)?;
    for a in &site.articles {
        let entry = article_entry(&index_html, &site.config, a);
        write(
            &dist.join("articles").join(&a.meta.slug).join("index.html"),
            &entry,
            &mut count,
        )?;
    }
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
