//! The table of distinct resources: a resource listed twice (same first link) is stored once,
//! and every resource gets an id that depends only on its title and link, never on where it sits
//! in the road map, so ids (used in permalinks and saved progress) survive reordering.

use std::collections::{HashMap, HashSet};

use sb_model::roadmap::Resource;
use sb_model::text::slugify;

use super::links::{normalize, url_hash};

/// Resources in order of first appearance.
#[derive(Debug, Default)]
pub struct Resources {
    list: Vec<Resource>,
    /// Normalized first URL → index in `list`.
    by_url: HashMap<String, usize>,
    ids: HashSet<String>,
}

impl Resources {
    /// Adds `candidate` (its `id` is ignored) unless a resource with the same first link is
    /// already there; returns the id of the stored resource. The first listing wins: a later
    /// listing's title, type or author do not change the stored resource.
    pub fn add(&mut self, mut candidate: Resource) -> &str {
        let key = normalize(&candidate.links[0].url);
        let index = match self.by_url.get(&key) {
            Some(&i) => i,
            None => {
                candidate.id = unique_id(&candidate.title, &key, |id| self.ids.contains(id));
                self.ids.insert(candidate.id.clone());
                self.by_url.insert(key, self.list.len());
                self.list.push(candidate);
                self.list.len() - 1
            }
        };
        &self.list[index].id
    }

    pub fn into_vec(self) -> Vec<Resource> {
        self.list
    }
}

/// `slugify(title)`; when another resource already has that id, the slug plus `-` and six hex
/// digits of the FNV-1a hash of the normalized URL (more digits in the unlikely case that is
/// taken too). A title without letters or digits gives `resource-<hash>`.
pub fn unique_id(title: &str, normalized_url: &str, taken: impl Fn(&str) -> bool) -> String {
    let slug = slugify(title);
    if !slug.is_empty() && !taken(&slug) {
        return slug;
    }
    let base = if slug.is_empty() { "resource" } else { &slug };
    [6, 10, 16]
        .into_iter()
        .map(|len| format!("{base}-{}", url_hash(normalized_url, len)))
        .find(|id| !taken(id))
        .unwrap_or_else(|| format!("{base}-{}", url_hash(normalized_url, 16)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use sb_model::roadmap::{ResourceLink, ResourceType};

    fn resource(title: &str, url: &str) -> Resource {
        Resource {
            id: String::new(),
            title: title.into(),
            links: vec![ResourceLink {
                label: title.into(),
                url: url.into(),
            }],
            author: None,
            author_url: None,
            kind: ResourceType::Other,
            free: true,
        }
    }

    #[test]
    fn same_link_is_one_resource() {
        let mut r = Resources::default();
        let a = r.add(resource("Intro", "https://a.com/x/")).to_string();
        let b = r
            .add(resource("Intro again", "https://A.com/x"))
            .to_string();
        assert_eq!(a, "intro");
        assert_eq!(a, b);
        let list = r.into_vec();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].title, "Intro");
    }

    #[test]
    fn same_title_different_links_get_hashed_ids() {
        let mut r = Resources::default();
        let ids: Vec<String> = ["https://a.com", "https://b.com", "https://c.com"]
            .iter()
            .map(|u| r.add(resource("Docs", u)).to_string())
            .collect();
        assert_eq!(ids[0], "docs");
        // Not `docs-2` / `docs-3`: the suffix comes from the link, not the position.
        assert_eq!(ids[1], format!("docs-{}", url_hash("https://b.com", 6)));
        assert_eq!(ids[2], format!("docs-{}", url_hash("https://c.com", 6)));
    }

    #[test]
    fn ids_without_a_usable_title() {
        let id = unique_id("🤖", "https://a.com", |_| false);
        assert_eq!(id, format!("resource-{}", url_hash("https://a.com", 6)));
        let id = unique_id("x", "https://a.com", |id| id.len() < 12);
        assert_eq!(id, format!("x-{}", url_hash("https://a.com", 10)));
    }
}
