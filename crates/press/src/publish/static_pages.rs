//! Files for crawlers and hosts, written into the built site after trunk: the feeds,
//! `sitemap.xml`, `robots.txt`, and an HTML entry (`<path>/index.html`) for every page the app
//! routes, holding that page's pre-rendered content ([`prerender`]) and its own title,
//! description, canonical URL and Open Graph / Twitter tags, so the site reads without
//! JavaScript and link previews work. Because every real page has a file,
//! hosts serve any other path as a real 404 (`404.html`, or `embed/404.html` under `embed/`,
//! which the widget frame may show) instead of a soft 404 that crawlers index.

use std::fs;
use std::path::Path;

use std::collections::HashMap;

use sb_model::paths::page;
use sb_model::text::escape_html;
use sb_model::SiteConfig;

use crate::content::Site;
use crate::publish::feeds;
use crate::publish::prerender::{self, Page};
use crate::source::error::BuildError;

/// An `<img>` of a published image, its size given so nothing shifts while it loads; `attrs`
/// (`class="cover" decoding="async"`, …) go first.
pub fn img_tag(image: &sb_model::article::Image, alt: &str, attrs: &str) -> String {
    let attrs = if attrs.is_empty() {
        String::new()
    } else {
        format!("{attrs} ")
    };
    format!(
        "<img {attrs}src=\"{}\" alt=\"{}\" width=\"{}\" height=\"{}\">",
        escape_html(&image.src),
        escape_html(alt),
        image.width,
        image.height
    )
}

/// `sitemap.xml`: every page the app serves from the data.
pub fn sitemap(site: &Site) -> String {
    let url = |path: String| page::url(&site.config.base_url, &path);
    let mut urls: Vec<(String, Option<String>)> = [
        page::home(),
        page::articles(),
        page::weekly(),
        page::topics(),
        page::about(),
    ]
    .into_iter()
    .map(|p| (url(p), None))
    .collect();
    if site.roadmap.is_some() {
        urls.push((url(page::roadmap()), None));
    }
    for a in &site.articles {
        urls.push((
            url(page::article(&a.meta.slug)),
            Some(a.meta.updated.unwrap_or(a.meta.date).to_string()),
        ));
    }
    for w in &site.weeks {
        urls.push((url(page::week(&w.meta.slug)), Some(w.meta.date.to_string())));
    }
    for t in &site.topics {
        urls.push((url(page::topic(&t.slug)), None));
    }
    let body: String = urls
        .into_iter()
        .map(|(loc, lastmod)| {
            let lastmod = lastmod
                .map(|d| format!("<lastmod>{d}</lastmod>"))
                .unwrap_or_default();
            format!("  <url><loc>{}</loc>{lastmod}</url>\n", escape_html(&loc))
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
    let mut paths: Vec<String> = vec![
        page::home(),
        page::articles(),
        page::topics(),
        page::weekly(),
        page::about(),
        page::unlock(),
        page::search(),
        page::offline(),
    ];
    paths.extend(site.articles.iter().map(|a| page::article(&a.meta.slug)));
    paths.extend(site.topics.iter().map(|t| page::topic(&t.slug)));
    paths.extend(site.weeks.iter().map(|w| page::week(&w.meta.slug)));
    // Every index page after the first has its own path, so the pager works without JavaScript.
    let pages = |index: String, items: usize| {
        (2..=items.div_ceil(site.config.page_size.max(1) as usize) as u32)
            .map(move |n| page::index_page(&index, n))
    };
    paths.extend(pages(page::articles(), site.articles.len()));
    paths.extend(pages(page::weekly(), site.weeks.len()));
    for t in &site.topics {
        let tagged = site
            .articles
            .iter()
            .filter(|a| a.meta.topics.contains(&t.slug));
        paths.extend(pages(page::topic(&t.slug), tagged.count()));
    }
    if let Some(roadmap) = &site.roadmap {
        paths.push(page::roadmap());
        paths.extend(
            roadmap
                .sections
                .iter()
                .map(|s| page::roadmap_section(&s.id)),
        );
        paths.push(page::embed_roadmap(None));
        paths.extend(
            roadmap
                .sections
                .iter()
                .map(|s| page::embed_roadmap(Some(&s.id))),
        );
        paths.extend(
            roadmap
                .entries()
                .map(|(s, e)| page::roadmap_resource(&s.id, &e.resource)),
        );
    }
    let mut paths: Vec<String> = paths
        .iter()
        .map(|p| page::relative(p).to_string())
        .collect();
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
    let pages: HashMap<String, Page> = prerender::pages(site)
        .into_iter()
        .map(|p| (p.path.clone(), p))
        .collect();
    for path in route_paths(site) {
        let page = pages.get(&path).ok_or_else(|| {
            BuildError::io(&dist.join(&path))(std::io::Error::other("no pre-rendered page"))
        })?;
        let entry = prerender::entry(&index_html, &site.config, page);
        write(&dist.join(&path).join("index.html"), &entry, &mut count)?;
    }
    // Pages for any address: not found, and offline (the service worker's fallback).
    let not_found = prerender::not_found(&site.config);
    for page in not_found
        .into_iter()
        .chain([prerender::offline_fallback(&site.config)])
    {
        let entry = prerender::entry(&index_html, &site.config, &page);
        write(&dist.join(&page.path), &entry, &mut count)?;
    }
    count += crate::content::redirects::write_dist(&site.redirects, dist, &index_html)?;
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape_html("a<b> & \"c\" 'd'"),
            "a&lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;"
        );
    }

    #[test]
    fn paths_of_urls() {
        assert_eq!(path_of("https://x.com/"), "/");
        assert_eq!(path_of("https://x.com/news/"), "/news/");
    }
}
