//! Where each JSON document lives under the data folder, and where each page of the site lives
//! ([`page`]).
//!
//! `press` writes these paths and the app fetches and routes them: defining them once keeps the
//! two in step.

/// The data folder, relative to the site's base URL.
pub const DATA_DIR: &str = "data";

pub fn site() -> String {
    "site.json".to_string()
}

pub fn articles_page(page: u32) -> String {
    format!("articles/page-{page}.json")
}

pub fn article(slug: &str) -> String {
    format!("articles/{slug}.json")
}

pub fn weeks_page(page: u32) -> String {
    format!("weeks/page-{page}.json")
}

pub fn week(slug: &str) -> String {
    format!("weeks/{slug}.json")
}

pub fn topics() -> String {
    "topics.json".to_string()
}

/// One page of a topic's articles, newest first.
pub fn topic_page(slug: &str, page: u32) -> String {
    format!("topics/{slug}/page-{page}.json")
}

pub fn roadmap() -> String {
    "roadmap.json".to_string()
}

/// The site's base path from the page's base URL, without a trailing slash: `""` for a site at
/// the root, `"/newsletter"` for one hosted under `/newsletter/`.
pub fn base_path_of(base_uri: &str) -> String {
    let after_scheme = base_uri
        .split_once("://")
        .map(|(_, rest)| rest)
        .unwrap_or(base_uri);
    let path = after_scheme
        .find('/')
        .map(|i| &after_scheme[i..])
        .unwrap_or("/");
    let path = path.split(['?', '#']).next().unwrap_or("/");
    path.trim_end_matches('/').to_string()
}

/// An in-app link: `path` (starting with `/`) under the base path.
pub fn app_href(base_path: &str, path: &str) -> String {
    format!("{base_path}{path}")
}

/// The URL the app fetches a data document from, given the base path.
pub fn data_url(base_path: &str, rel: &str) -> String {
    format!("{base_path}/{DATA_DIR}/{rel}")
}

/// The site's pages: the app's routes, each a path from the site's base starting with `/`
/// (`/articles/<slug>`). The app links them through [`app_href`](super::app_href); `press`
/// writes each page's HTML entry at its [`relative`] path and puts its [`url`] in the feeds and
/// the sitemap. The constants are the first path segment of each kind of page, for matching.
pub mod page {
    pub const ARTICLES: &str = "articles";
    pub const WEEKLY: &str = "weekly";
    pub const TOPICS: &str = "topics";
    pub const ROADMAP: &str = "roadmap";
    pub const ABOUT: &str = "about";
    pub const SEARCH: &str = "search";
    pub const UNLOCK: &str = "unlock";
    /// What this device can read offline (its list comes from the service worker).
    pub const OFFLINE: &str = "offline";
    /// Widgets other sites frame (`/embed/roadmap`).
    pub const EMBED: &str = "embed";
    /// Substack's old article addresses (`/p/<slug>`), redirected to the articles.
    pub const OLD_POST: &str = "p";

    pub fn home() -> String {
        "/".to_string()
    }

    /// The archive: every article, newest first.
    pub fn articles() -> String {
        format!("/{ARTICLES}")
    }

    pub fn article(slug: &str) -> String {
        format!("/{ARTICLES}/{slug}")
    }

    /// The weekly reading lists.
    pub fn weekly() -> String {
        format!("/{WEEKLY}")
    }

    pub fn week(slug: &str) -> String {
        format!("/{WEEKLY}/{slug}")
    }

    pub fn topics() -> String {
        format!("/{TOPICS}")
    }

    /// One topic's articles.
    pub fn topic(slug: &str) -> String {
        format!("/{TOPICS}/{slug}")
    }

    pub fn roadmap() -> String {
        format!("/{ROADMAP}")
    }

    pub fn roadmap_section(section: &str) -> String {
        format!("/{ROADMAP}/{section}")
    }

    /// A resource's permalink inside its section.
    pub fn roadmap_resource(section: &str, resource: &str) -> String {
        format!("/{ROADMAP}/{section}/{resource}")
    }

    /// The road map widget: the whole tree, or one section's.
    pub fn embed_roadmap(section: Option<&str>) -> String {
        match section {
            None => format!("/{EMBED}/{ROADMAP}"),
            Some(section) => format!("/{EMBED}/{ROADMAP}/{section}"),
        }
    }

    pub fn about() -> String {
        format!("/{ABOUT}")
    }

    pub fn search() -> String {
        format!("/{SEARCH}")
    }

    pub fn unlock() -> String {
        format!("/{UNLOCK}")
    }

    pub fn offline() -> String {
        format!("/{OFFLINE}")
    }

    pub fn old_post(slug: &str) -> String {
        format!("/{OLD_POST}/{slug}")
    }

    /// Page `n` of the paged index at `index` (`/articles`, `/topics/<slug>`): the index itself
    /// for the first page, `…/page/<n>` after it.
    pub fn index_page(index: &str, n: u32) -> String {
        if n <= 1 {
            index.to_string()
        } else {
            format!("{index}/page/{n}")
        }
    }

    /// `path` relative to the site's base, as file paths and base-relative links want it:
    /// `articles/x`, and `""` for the home page.
    pub fn relative(path: &str) -> &str {
        path.trim_start_matches('/')
    }

    /// The absolute URL of `path` on the site at `base_url` (which ends with `/`).
    pub fn url(base_url: &str, path: &str) -> String {
        format!("{base_url}{}", relative(path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_paths() {
        assert_eq!(base_path_of("http://127.0.0.1:8080/"), "");
        assert_eq!(
            base_path_of("https://cdn.example/newsletter/"),
            "/newsletter"
        );
        assert_eq!(base_path_of("https://cdn.example/a/b/?x=1"), "/a/b");
        assert_eq!(base_path_of("https://cdn.example"), "");
    }

    #[test]
    fn app_hrefs() {
        assert_eq!(app_href("", "/articles"), "/articles");
        assert_eq!(app_href("/newsletter", "/"), "/newsletter/");
        assert_eq!(
            app_href("/newsletter", "/weekly/2026-11-20"),
            "/newsletter/weekly/2026-11-20"
        );
    }

    #[test]
    fn data_urls() {
        assert_eq!(data_url("", &site()), "/data/site.json");
        assert_eq!(
            data_url("/newsletter", &article("x")),
            "/newsletter/data/articles/x.json"
        );
    }

    #[test]
    fn paths_are_relative_and_distinct() {
        let all = [
            site(),
            articles_page(1),
            article("a"),
            weeks_page(1),
            week("a"),
        ];
        for p in &all {
            assert!(!p.starts_with('/') && p.ends_with(".json"), "{p}");
        }
        let mut unique = all.to_vec();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), all.len());
    }

    #[test]
    fn a_slug_cannot_collide_with_an_index_page() {
        // Slugs never start with "page-" followed by a number because press rejects them;
        // this test documents the layout the rule protects.
        assert_eq!(articles_page(2), "articles/page-2.json");
        assert_eq!(article("page-2"), articles_page(2));
    }

    #[test]
    fn page_paths() {
        assert_eq!(page::home(), "/");
        assert_eq!(page::articles(), "/articles");
        assert_eq!(page::article("x"), "/articles/x");
        assert_eq!(page::weekly(), "/weekly");
        assert_eq!(page::week("2026-11-20"), "/weekly/2026-11-20");
        assert_eq!(page::topics(), "/topics");
        assert_eq!(page::topic("serving"), "/topics/serving");
        assert_eq!(page::roadmap(), "/roadmap");
        assert_eq!(page::roadmap_section("math"), "/roadmap/math");
        assert_eq!(page::roadmap_resource("math", "r1"), "/roadmap/math/r1");
        assert_eq!(page::embed_roadmap(None), "/embed/roadmap");
        assert_eq!(page::embed_roadmap(Some("math")), "/embed/roadmap/math");
        assert_eq!(page::about(), "/about");
        assert_eq!(page::search(), "/search");
        assert_eq!(page::unlock(), "/unlock");
        assert_eq!(page::old_post("old"), "/p/old");
    }

    #[test]
    fn index_pages() {
        assert_eq!(page::index_page("/articles", 1), "/articles");
        assert_eq!(page::index_page("/articles", 0), "/articles");
        assert_eq!(page::index_page("/topics/a", 3), "/topics/a/page/3");
    }

    #[test]
    fn page_paths_relative_and_absolute() {
        assert_eq!(page::relative(&page::home()), "");
        assert_eq!(page::relative(&page::week("w")), "weekly/w");
        assert_eq!(
            page::url("https://ex.example/news/", &page::article("x")),
            "https://ex.example/news/articles/x"
        );
        assert_eq!(
            page::url("https://ex.example/", &page::home()),
            "https://ex.example/"
        );
        // The app's links and press's URLs name the same page.
        assert_eq!(
            app_href("/news", &page::topic("t")),
            format!("/news/{}", page::relative(&page::topic("t")))
        );
    }
}
