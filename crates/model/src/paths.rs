//! Where each JSON document lives under the data folder.
//!
//! `press` writes these paths and the app fetches them: defining them once keeps the two in step.

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
}
