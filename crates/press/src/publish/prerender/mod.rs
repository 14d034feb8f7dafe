//! The pre-rendered pages: for every route, the HTML the app would render there, built from the
//! same documents press publishes, so every page reads and navigates with JavaScript off (and
//! crawlers see content). The markup mirrors the Leptos views (same elements and classes) so the
//! app can replace it without a visible change. Paid units never reach these pages: the
//! documents hold only free parts, and paid entries are counted, not shown.
//!
//! Links are relative to the page's `<base href>` (`articles/x`, `./` for home), like the other
//! links of `index.html`, so the pages work at the root and under a sub-path.

mod article;
mod cards;
mod indexes;
mod misc;
mod roadmap;
mod search;
mod shell;
mod week;

use sb_model::text::escape_html;
use sb_model::{paths, Date, SiteConfig};

use crate::content::Site;

/// The offline fallback page's file, relative to the base (the worker precaches it).
pub const OFFLINE_FALLBACK: &str = "offline.html";

/// One pre-rendered page.
#[derive(Debug, Clone)]
pub struct Page {
    /// Relative to the base, no trailing slash (`""` is home; `404.html` for the not-found page).
    pub path: String,
    /// The page's own title, before " · <site title>".
    pub title: String,
    pub description: String,
    /// `article:published_time` for articles (og:type article); None for other pages.
    pub published: Option<Date>,
    /// The data documents the app fetches on this route (relative to the data folder).
    pub data: Vec<String>,
    /// What goes inside `<main>`.
    pub main: String,
    /// Site header and footer around `<main>` (false for embed widgets).
    pub chrome: bool,
    /// When the page starts the app (see [`AppLoad`]).
    pub app: AppLoad,
}

/// When a pre-rendered page starts the app. A reading page is whole without it (its text, its
/// links, the theme switch), so it fetches none of the wasm until the reader asks for what only
/// the app does: the search box, a button such as Save for offline or Copy link, or, on a page
/// with sealed units, a key to open them. The boot script (`xtask/src/boot.template.js`) reads
/// this from `#sb-prerendered`'s `data-app` and `data-sealed` (issue 11: the first load).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppLoad {
    /// The page is the app's to run (the road map, search, unlock, offline, the not-found pages).
    Now,
    /// A reading page: the app comes when the reader asks for it; `sealed` when the page holds
    /// paid units, which a reader holding a key gets opened at once.
    OnRequest { sealed: bool },
}

impl Page {
    fn new(path: impl Into<String>, title: impl Into<String>, description: &str) -> Self {
        Page {
            path: path.into(),
            title: title.into(),
            description: description.to_string(),
            published: None,
            data: vec![paths::site()],
            main: String::new(),
            chrome: true,
            app: AppLoad::Now,
        }
    }

    /// Marks a reading page: the app comes only when the reader asks for it ([`AppLoad`]).
    fn on_request(mut self, sealed: bool) -> Self {
        self.app = AppLoad::OnRequest { sealed };
        self
    }

    fn data(mut self, docs: impl IntoIterator<Item = String>) -> Self {
        self.data.extend(docs);
        self
    }

    fn main(mut self, main: String) -> Self {
        self.main = main;
        self
    }
}

/// Every page of the site with content, one per route path (`static_pages::route_paths`).
pub fn pages(site: &Site) -> Vec<Page> {
    let mut pages = vec![
        misc::home(site),
        misc::about(&site.config),
        misc::unlock(&site.config),
        misc::offline(&site.config),
        search::page(&site.config),
    ];
    pages.extend(indexes::archive(site));
    pages.extend(indexes::weekly(site));
    pages.extend(indexes::topics(site));
    pages.extend(site.articles.iter().map(|a| article::page(site, a)));
    pages.extend(site.weeks.iter().map(|w| week::page(site, w)));
    if let Some(r) = &site.roadmap {
        pages.extend(roadmap::pages(&site.config, r));
    }
    pages
}

/// The not-found pages: `404.html` (the site's) and `embed/404.html` (a widget's).
pub fn not_found(config: &SiteConfig) -> [Page; 2] {
    misc::not_found(config)
}

/// `offline.html`: what the service worker answers, offline, for a page it does not hold.
pub fn offline_fallback(config: &SiteConfig) -> Page {
    misc::offline_fallback(config)
}

/// The app's `index.html` with this page's head tags and content. Running it on its own output
/// gives the same result (the tags it adds are replaced, the body is rewritten).
pub fn entry(index_html: &str, config: &SiteConfig, page: &Page) -> String {
    let url = format!("{}{}", config.base_url, page.path);
    let full_title = format!("{} · {}", page.title, config.title);
    let og_type = if page.published.is_some() {
        "article"
    } else {
        "website"
    };
    let mut tags = vec![PAGE_TAGS_START.to_string()];
    // A not-found or offline page answers for any address: it names no address of its own.
    if page.path.ends_with("404.html") || page.path == OFFLINE_FALLBACK {
        tags.push("<meta name=\"robots\" content=\"noindex\">".to_string());
    } else {
        tags.extend([
            format!("<link rel=\"canonical\" href=\"{}\">", escape_html(&url)),
            format!(
                "<meta property=\"og:url\" content=\"{}\">",
                escape_html(&url)
            ),
        ]);
    }
    tags.extend([
        format!("<meta property=\"og:type\" content=\"{og_type}\">"),
        format!(
            "<meta property=\"og:site_name\" content=\"{}\">",
            escape_html(&config.title)
        ),
        format!(
            "<meta property=\"og:title\" content=\"{}\">",
            escape_html(&page.title)
        ),
        format!(
            "<meta property=\"og:description\" content=\"{}\">",
            escape_html(&page.description)
        ),
    ]);
    if let Some(date) = page.published {
        tags.push(format!(
            "<meta property=\"article:published_time\" content=\"{}\">",
            date.rfc3339()
        ));
    }
    tags.extend([
        "<meta name=\"twitter:card\" content=\"summary\">".to_string(),
        format!(
            "<meta name=\"twitter:title\" content=\"{}\">",
            escape_html(&page.title)
        ),
        format!(
            "<meta name=\"twitter:description\" content=\"{}\">",
            escape_html(&page.description)
        ),
    ]);
    let mut seen = std::collections::HashSet::new();
    tags.extend(page.data.iter().filter(|d| seen.insert(*d)).map(|d| {
        let href = format!("{}/{}", paths::DATA_DIR, escape_html(d));
        match page.app {
            // Low priority: the app starts after the page has loaded, so its data must not take
            // the network from the text's own styles and images.
            AppLoad::Now => format!(
                "<link rel=\"preload\" as=\"fetch\" crossorigin fetchpriority=\"low\" href=\"{href}\">"
            ),
            // Named, not fetched: the app may never come. The service worker keeps these for
            // offline reading, and the app fetches them when it comes.
            AppLoad::OnRequest { .. } => {
                format!("<link rel=\"alternate\" type=\"application/json\" href=\"{href}\">")
            }
        }
    }));
    tags.push(PAGE_TAGS_END.to_string());
    let html = remove_between(index_html, PAGE_TAGS_START, PAGE_TAGS_END);
    let html = replace_between(&html, "<title>", "</title>", &escape_html(&full_title));
    let html = replace_between(
        &html,
        "<meta name=\"description\" content=\"",
        "\">",
        &escape_html(&page.description),
    );
    let html = html.replacen("</head>", &format!("  {}\n</head>", tags.join("\n  ")), 1);
    let app = match page.app {
        AppLoad::Now => "",
        AppLoad::OnRequest { sealed: false } => " data-app=\"on-request\"",
        AppLoad::OnRequest { sealed: true } => " data-app=\"on-request\" data-sealed",
    };
    let body = format!(
        "\n<div id=\"sb-prerendered\"{app}>{}</div>\n",
        shell::wrap(config, &page.path, &page.main, page.chrome)
    );
    match (html.find("<body>"), html.rfind("</body>")) {
        (Some(i), Some(j)) if i < j => format!("{}<body>{body}{}", &html[..i], &html[j..]),
        _ => html,
    }
}

const PAGE_TAGS_START: &str = "<!-- page -->";
const PAGE_TAGS_END: &str = "<!-- /page -->";

/// Replaces the text between the first `start` and the next `end`.
pub(crate) fn replace_between(text: &str, start: &str, end: &str, with: &str) -> String {
    let Some(i) = text.find(start).map(|i| i + start.len()) else {
        return text.to_string();
    };
    let Some(j) = text[i..].find(end).map(|j| i + j) else {
        return text.to_string();
    };
    format!("{}{with}{}", &text[..i], &text[j..])
}

/// Removes `start`…`end` (both included) and the whitespace before it, if present.
fn remove_between(text: &str, start: &str, end: &str) -> String {
    match (text.find(start), text.find(end)) {
        (Some(i), Some(j)) if i < j => {
            let head = text[..i].trim_end_matches([' ', '\n']);
            format!("{head}{}", &text[j + end.len()..])
        }
        _ => text.to_string(),
    }
}

/// An app path (`/articles/x`) as a link relative to the base (`articles/x`; home is `./`).
pub(crate) fn href(path: &str) -> String {
    match path.trim_start_matches('/') {
        "" => "./".to_string(),
        p => p.to_string(),
    }
}

/// `<a href="…">text</a>` to an app path, the text escaped.
pub(crate) fn link(path: &str, attrs: &str, text: &str) -> String {
    format!(
        "<a href=\"{}\"{attrs}>{}</a>",
        escape_html(&href(path)),
        escape_html(text)
    )
}

/// "November 20, 2026" in a `<time>`, as the app's `DateTime`.
pub(crate) fn date_time(date: Date) -> String {
    format!("<time datetime=\"{date}\">{}</time>", date.long())
}

/// In-page links (`href="#x"`) of sanitized HTML made to point at the page itself: with a
/// `<base href>`, a bare `#x` would resolve against the base and leave the page.
pub(crate) fn anchor_links(html: &str, path: &str) -> String {
    html.replace("href=\"#", &format!("href=\"{}#", escape_html(&href(path))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hrefs_are_relative_to_the_base() {
        assert_eq!(href("/"), "./");
        assert_eq!(href("/articles/x"), "articles/x");
        assert_eq!(
            anchor_links("<a href=\"#h\">", "articles/x"),
            "<a href=\"articles/x#h\">"
        );
    }

    #[test]
    fn page_tags_are_replaced_not_repeated() {
        let text = "<head>\n  <!-- page -->a<!-- /page -->\n</head>";
        assert_eq!(
            remove_between(text, PAGE_TAGS_START, PAGE_TAGS_END),
            "<head>\n</head>"
        );
    }
}
