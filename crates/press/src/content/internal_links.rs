//! Links from one page of the site to another (`/articles/<slug>`, `/weekly/<slug>`, …) are
//! checked at build time, so a renamed or mistyped slug fails the build with the file and line
//! instead of sending readers to a 404.

use std::collections::HashSet;
use std::path::Path;

use pulldown_cmark::{Event, Parser, Tag};
use sb_model::paths::page;

use crate::source::error::{line_of, ContentError};
use crate::source::front_matter;

/// Everything a link inside the site may point at.
#[derive(Debug, Default)]
pub struct KnownPages {
    pub articles: HashSet<String>,
    pub weeks: HashSet<String>,
    pub topics: HashSet<String>,
    pub roadmap_sections: HashSet<String>,
}

/// The RSS feed, which Markdown may link like a page.
const FEED: &str = "feed.xml";

impl KnownPages {
    /// Why `path` (a site-absolute link, fragment and query removed) points nowhere, if it does.
    fn problem(&self, path: &str) -> Option<String> {
        let path = path.trim_end_matches('/');
        let path = if path.is_empty() { "/" } else { path };
        let (kind, rest) = path[1..].split_once('/').unwrap_or((&path[1..], ""));
        // The home page, the indexes, About and the feed.
        if rest.is_empty()
            && matches!(
                kind,
                "" | page::ARTICLES
                    | page::WEEKLY
                    | page::TOPICS
                    | page::ABOUT
                    | page::ROADMAP
                    | FEED
            )
        {
            return None;
        }
        let slug = rest.split('/').next().unwrap_or("");
        let known = match kind {
            page::ARTICLES => self.articles.contains(slug),
            page::WEEKLY => self.weeks.contains(slug),
            page::TOPICS => self.topics.contains(slug),
            page::ROADMAP => self.roadmap_sections.contains(slug),
            _ => false,
        };
        (!known).then(|| format!("the link `{path}` points to no page of the site"))
    }
}

/// The site-internal links of a content file's Markdown body, with their lines.
pub fn links_in(text: &str) -> Vec<(String, usize)> {
    let Ok(doc) = front_matter::split(Path::new(""), text) else {
        return Vec::new();
    };
    Parser::new(doc.body)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. })
                if dest_url.starts_with('/') && !dest_url.starts_with("//") =>
            {
                let path = dest_url.split(['#', '?']).next().unwrap_or("").to_string();
                Some((path, doc.body_line + line_of(doc.body, range.start) - 1))
            }
            _ => None,
        })
        .collect()
}

/// Errors for the links of `text` (from `file`) that point nowhere.
pub fn check(file: &Path, text: &str, known: &KnownPages) -> Vec<ContentError> {
    links_in(text)
        .into_iter()
        .filter_map(|(path, line)| {
            known
                .problem(&path)
                .map(|why| ContentError::new(file, line, Some("body"), why))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> KnownPages {
        KnownPages {
            articles: ["serving".to_string()].into(),
            weeks: ["2026-11-20".to_string()].into(),
            topics: ["mlops".to_string()].into(),
            roadmap_sections: ["fundamentals".to_string()].into(),
        }
    }

    #[test]
    fn finds_internal_links_with_lines() {
        let text = "+++\ntitle = \"t\"\n+++\n\nSee [this](/articles/serving#part) and\n[that](https://example.com).\n\nAlso [week](/weekly/2026-11-20).\n";
        assert_eq!(
            links_in(text),
            [
                ("/articles/serving".to_string(), 5),
                ("/weekly/2026-11-20".to_string(), 8)
            ]
        );
    }

    #[test]
    fn broken_links_are_errors_on_their_line() {
        let text = "+++\ntitle = \"t\"\n+++\nGood: [a](/articles/serving), [b](/topics/mlops/), [c](/roadmap/fundamentals), [d](/about).\n\nBad: [x](/articles/servng)\n\n[y](/nowhere)\n";
        let errs = check(Path::new("content/articles/a.md"), text, &known());
        let found: Vec<(usize, &str)> = errs.iter().map(|e| (e.line, e.message.as_str())).collect();
        assert_eq!(
            found,
            [
                (
                    6,
                    "the link `/articles/servng` points to no page of the site"
                ),
                (8, "the link `/nowhere` points to no page of the site")
            ]
        );
    }
}
