//! What a reader can open without a connection, as plain data.
//!
//! The service worker (`public/sw.template.js`) answers a `list` message with the raw entries
//! of its caches: HTML pages it stored (with their `<title>`), article and week JSON documents it
//! stored (with their `title`), and whether the reader saved each one explicitly. This module
//! turns those into the shelf the `/offline` page and the offline message show: one item per
//! page, in the app's own paths, grouped by kind, with the site's name dropped from titles. Kept
//! here, not in the app, so it is tested natively.

use serde::{Deserialize, Serialize};

use crate::paths::page;

/// One raw entry of the worker's caches, as its `list` reply carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CachedEntry {
    /// The URL's path (with the base): a page (`/newsletter/articles/x`) or a data document
    /// (`/newsletter/data/articles/x.json`).
    pub url: String,
    #[serde(default)]
    pub title: String,
    /// Saved for offline on purpose ("Save for offline"), not only kept from a visit.
    #[serde(default)]
    pub saved: bool,
}

/// The worker's reply to `list`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListReply {
    #[serde(default)]
    pub entries: Vec<CachedEntry>,
}

/// A message to the worker: `{"type": kind}`, with the page's `url` for save, unsave and status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Message<'a> {
    #[serde(rename = "type")]
    pub kind: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
}

/// The worker's answer to save, unsave, status and clear (each fills what it knows).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Reply {
    #[serde(default)]
    pub ok: bool,
    #[serde(default)]
    pub error: Option<String>,
    #[serde(default)]
    pub saved: bool,
}

/// What kind of page an item is, in the order the shelf shows the groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ShelfKind {
    Article,
    Week,
    Roadmap,
    Other,
}

impl ShelfKind {
    /// The heading of the kind's group.
    pub fn heading(self) -> &'static str {
        match self {
            ShelfKind::Article => "Articles",
            ShelfKind::Week => "Weekly lists",
            ShelfKind::Roadmap => "Road map",
            ShelfKind::Other => "Other pages",
        }
    }
}

/// One page the reader can open offline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShelfItem {
    /// The app's path, without the base (`/articles/x`, `/` for home).
    pub path: String,
    pub title: String,
    pub kind: ShelfKind,
    pub saved: bool,
}

/// A group of the shelf: one kind, items in the worker's order (newest stored first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShelfGroup {
    pub kind: ShelfKind,
    pub items: Vec<ShelfItem>,
}

/// The app path a cached URL stands for, without the base; `None` for what is not a page the
/// reader can open (index pages of the data folder, the offline fallback, the 404 page, a path
/// outside the base, and the unlock and search pages, which hold nothing to read).
pub fn page_path(base_path: &str, url: &str) -> Option<String> {
    let url = url.split(['?', '#']).next().unwrap_or_default();
    let rest = url.strip_prefix(base_path)?;
    if !rest.is_empty() && !rest.starts_with('/') {
        return None;
    }
    let rest = if rest.is_empty() { "/" } else { rest };
    if let Some(data) = rest.strip_prefix("/data/") {
        return data_page_path(data);
    }
    let path = rest.trim_end_matches('/');
    let path = match path.strip_suffix("/index.html").unwrap_or(path) {
        "" => "/",
        p => p,
    };
    let holds_nothing_to_read = [page::unlock(), page::search(), page::offline()];
    if ["/offline.html", "/404.html"].contains(&path)
        || holds_nothing_to_read.iter().any(|p| p == path)
        || path.starts_with(&format!("/{}", page::EMBED))
    {
        return None;
    }
    Some(path.to_string())
}

/// `articles/x.json` → `/articles/x`, `weeks/x.json` → `/weekly/x`; index pages and every
/// other document are not pages of their own.
fn data_page_path(data: &str) -> Option<String> {
    let (dir, file) = data.split_once('/')?;
    let slug = file.strip_suffix(".json")?;
    let is_index_page = slug
        .strip_prefix("page-")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    if slug.is_empty() || slug.contains('/') || is_index_page {
        return None;
    }
    match dir {
        "articles" => Some(page::article(slug)),
        "weeks" => Some(page::week(slug)),
        _ => None,
    }
}

/// The kind of an app path.
pub fn kind_of(path: &str) -> ShelfKind {
    let second = |prefix: &str| {
        path.strip_prefix(prefix)
            .is_some_and(|slug| !slug.is_empty() && !slug.contains('/'))
    };
    let roadmap = page::roadmap();
    if second(&format!("{}/", page::articles())) {
        ShelfKind::Article
    } else if second(&format!("{}/", page::weekly())) {
        ShelfKind::Week
    } else if path == roadmap || path.starts_with(&format!("{roadmap}/")) {
        ShelfKind::Roadmap
    } else {
        ShelfKind::Other
    }
}

/// A page title without the site's name (`"X · Site"` → `"X"`); a title that is only the site
/// name (the home page) stays.
pub fn short_title(title: &str, site_name: &str) -> String {
    let title = title.trim();
    title
        .strip_suffix(site_name)
        .and_then(|t| t.trim_end().strip_suffix('·'))
        .map(str::trim_end)
        .filter(|t| !t.is_empty())
        .unwrap_or(title)
        .to_string()
}

/// The shelf from the worker's entries: one item per page (a page stored both as HTML and as
/// data, or both visited and saved, appears once, saved if either copy is), grouped by kind,
/// each group in the worker's order. The road map is one item whatever section was open.
pub fn shelf(base_path: &str, site_name: &str, entries: &[CachedEntry]) -> Vec<ShelfGroup> {
    let mut items: Vec<ShelfItem> = Vec::new();
    for entry in entries {
        let Some(path) = page_path(base_path, &entry.url) else {
            continue;
        };
        let kind = kind_of(&path);
        let path = if kind == ShelfKind::Roadmap {
            page::roadmap()
        } else {
            path
        };
        // Home's title is the tagline: "Home" says what it is.
        let title = if path == page::home() {
            fallback_title(&path)
        } else {
            short_title(&entry.title, site_name)
        };
        match items.iter_mut().find(|i| i.path == path) {
            Some(item) => {
                item.saved |= entry.saved;
                if item.title.is_empty() {
                    item.title = title;
                }
            }
            None => items.push(ShelfItem {
                title,
                kind,
                saved: entry.saved,
                path,
            }),
        }
    }
    for item in &mut items {
        if item.title.is_empty() {
            item.title = fallback_title(&item.path);
        }
    }
    let mut groups: Vec<ShelfGroup> = Vec::new();
    for item in items {
        match groups.iter_mut().find(|g| g.kind == item.kind) {
            Some(group) => group.items.push(item),
            None => groups.push(ShelfGroup {
                kind: item.kind,
                items: vec![item],
            }),
        }
    }
    groups.sort_by_key(|g| g.kind);
    groups
}

/// A title for a page stored without one: its path, readable.
fn fallback_title(path: &str) -> String {
    match path {
        "/" => "Home".to_string(),
        "/roadmap" => "The road map".to_string(),
        p => p.trim_start_matches('/').replace(['-', '/'], " "),
    }
}

/// Whether the shelf holds `path` (the app's path), so an offline message can say the page
/// the reader asked for is not among them.
pub fn shelf_has(groups: &[ShelfGroup], path: &str) -> bool {
    groups.iter().flat_map(|g| &g.items).any(|i| i.path == path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(url: &str, title: &str, saved: bool) -> CachedEntry {
        CachedEntry {
            url: url.into(),
            title: title.into(),
            saved,
        }
    }

    #[test]
    fn data_documents_map_to_their_pages_and_index_pages_do_not() {
        assert_eq!(
            page_path("", "/data/articles/the-ml-road-map.json").as_deref(),
            Some("/articles/the-ml-road-map")
        );
        assert_eq!(
            page_path("/newsletter", "/newsletter/data/weeks/2026-w47.json").as_deref(),
            Some("/weekly/2026-w47")
        );
        assert_eq!(page_path("", "/data/articles/page-1.json"), None);
        assert_eq!(page_path("", "/data/weeks/page-12.json"), None);
        assert_eq!(
            page_path("", "/data/articles/page-one.json").as_deref(),
            Some("/articles/page-one"),
            "a slug that only starts like an index page is an article"
        );
        assert_eq!(page_path("", "/data/site.json"), None);
        assert_eq!(page_path("", "/data/topics/rag/page-1.json"), None);
        assert_eq!(page_path("", "/data/images/chart.png"), None);
    }

    #[test]
    fn page_urls_lose_the_base_and_trailing_slash_and_fallbacks_are_not_pages() {
        assert_eq!(
            page_path("/newsletter", "/newsletter/").as_deref(),
            Some("/")
        );
        assert_eq!(
            page_path("/newsletter", "/newsletter").as_deref(),
            Some("/")
        );
        assert_eq!(page_path("", "/").as_deref(), Some("/"));
        assert_eq!(page_path("", "/index.html").as_deref(), Some("/"));
        assert_eq!(
            page_path("", "/articles/x/?utm=1#h").as_deref(),
            Some("/articles/x")
        );
        assert_eq!(
            page_path("/newsletter", "/articles/x"),
            None,
            "outside the base"
        );
        assert_eq!(page_path("/news", "/newsletter/articles/x"), None);
        for not_a_page in [
            "/offline.html",
            "/404.html",
            "/unlock",
            "/search",
            "/offline",
            "/embed/roadmap",
        ] {
            assert_eq!(page_path("", not_a_page), None, "{not_a_page}");
        }
    }

    #[test]
    fn kinds_follow_the_routes() {
        assert_eq!(kind_of("/articles/x"), ShelfKind::Article);
        assert_eq!(kind_of("/articles"), ShelfKind::Other);
        assert_eq!(kind_of("/articles/page/2"), ShelfKind::Other);
        assert_eq!(kind_of("/weekly/2026-w47"), ShelfKind::Week);
        assert_eq!(kind_of("/roadmap"), ShelfKind::Roadmap);
        assert_eq!(kind_of("/roadmap/math/linear-algebra"), ShelfKind::Roadmap);
        assert_eq!(kind_of("/"), ShelfKind::Other);
        assert_eq!(kind_of("/topics/rag"), ShelfKind::Other);
    }

    #[test]
    fn titles_lose_the_site_name_but_home_keeps_it() {
        let site = "Society's Backend";
        assert_eq!(
            short_title("RAG in production · Society's Backend", site),
            "RAG in production"
        );
        assert_eq!(short_title("Society's Backend", site), "Society's Backend");
        assert_eq!(short_title("  Plain  ", site), "Plain");
        assert_eq!(short_title("A · B", site), "A · B");
    }

    #[test]
    fn one_item_per_page_saved_wins_grouped_by_kind_in_worker_order() {
        let site = "Site";
        let groups = shelf(
            "/n",
            site,
            &[
                entry("/n/weekly/w2", "Week two · Site", false),
                entry("/n/articles/b", "", false),
                entry("/n/data/articles/b.json", "Bee", true),
                entry("/n/articles/a", "Ay · Site", false),
                entry("/n/roadmap/math", "Math · Site", false),
                entry("/n/roadmap", "The road map · Site", true),
                entry("/n/", "The tagline · Site", false),
                entry("/n/offline.html", "Offline · Site", false),
                entry("/n/data/articles/page-1.json", "", false),
            ],
        );
        let kinds: Vec<_> = groups.iter().map(|g| g.kind).collect();
        assert_eq!(
            kinds,
            [
                ShelfKind::Article,
                ShelfKind::Week,
                ShelfKind::Roadmap,
                ShelfKind::Other
            ]
        );
        let articles = &groups[0].items;
        assert_eq!(articles.len(), 2);
        assert_eq!(
            (
                articles[0].path.as_str(),
                articles[0].title.as_str(),
                articles[0].saved
            ),
            ("/articles/b", "Bee", true),
            "the page stored without a title takes its data's title, and is saved"
        );
        assert_eq!(
            (articles[1].title.as_str(), articles[1].saved),
            ("Ay", false)
        );
        let roadmap = &groups[2].items;
        assert_eq!(roadmap.len(), 1, "the road map is one item");
        assert_eq!(
            (
                roadmap[0].path.as_str(),
                roadmap[0].title.as_str(),
                roadmap[0].saved
            ),
            ("/roadmap", "Math", true)
        );
        assert_eq!(
            (
                groups[3].items[0].path.as_str(),
                groups[3].items[0].title.as_str()
            ),
            ("/", "Home"),
            "home is called Home, not by its tagline"
        );
        assert!(shelf_has(&groups, "/articles/a"));
        assert!(!shelf_has(&groups, "/articles/c"));
    }

    #[test]
    fn an_entry_without_any_title_gets_a_readable_one() {
        let groups = shelf("", "S", &[entry("/topics/rag-systems", "", false)]);
        assert_eq!(groups[0].items[0].title, "topics rag systems");
        assert!(shelf("", "S", &[]).is_empty());
    }

    #[test]
    fn messages_and_replies_have_the_workers_shape() {
        let save = Message {
            kind: "save",
            url: Some("/n/articles/\"x\""),
        };
        assert_eq!(
            serde_json::to_string(&save).unwrap(),
            r#"{"type":"save","url":"/n/articles/\"x\""}"#
        );
        let list = Message {
            kind: "list",
            url: None,
        };
        assert_eq!(serde_json::to_string(&list).unwrap(), r#"{"type":"list"}"#);
        let failed: Reply = serde_json::from_str(r#"{"ok":false,"error":"full"}"#).unwrap();
        assert_eq!((failed.ok, failed.error.as_deref()), (false, Some("full")));
        let status: Reply = serde_json::from_str(r#"{"saved":true}"#).unwrap();
        assert!(status.saved && !status.ok);
    }

    #[test]
    fn the_reply_decodes_with_missing_fields() {
        let reply: ListReply = serde_json::from_str(
            r#"{"entries":[{"url":"/a"},{"url":"/b","title":"B","saved":true}]}"#,
        )
        .unwrap();
        assert_eq!(reply.entries[0], entry("/a", "", false));
        assert_eq!(reply.entries[1], entry("/b", "B", true));
        assert_eq!(
            serde_json::from_str::<ListReply>("{}").unwrap(),
            ListReply::default()
        );
    }
}
