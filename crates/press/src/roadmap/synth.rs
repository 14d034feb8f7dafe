//! A synthetic road map of any size, for the benchmark (`press synth-roadmap`): the real one has
//! only 69 resources, too few to show how the app scales. Same shape as the real one (6 sections
//! of subsections and groups, every type, notes, two-link and paid resources, resources placed
//! twice), fully deterministic so runs compare.

use sb_model::roadmap::{Credit, Entry, Group, Resource, ResourceLink, Section, Subsection};
use sb_model::{ResourceType, Roadmap, SCHEMA_VERSION};

const SECTIONS: [&str; 6] = [
    "Prerequisites",
    "Fundamentals",
    "Advanced Topics",
    "Job Skills",
    "Free GPUs",
    "Other Resources",
];
const SUBSECTIONS: usize = 3;
const GROUPS: usize = 2;
/// Every this many resources, one is placed a second time (in the last group).
const REPEAT_EVERY: usize = 20;

/// A road map with `resources` distinct resources, spread evenly over 6 × 3 × 2 groups.
pub fn synthetic(resources: usize) -> Roadmap {
    let all: Vec<Resource> = (0..resources).map(resource).collect();
    let group_count = SECTIONS.len() * SUBSECTIONS * GROUPS;
    let mut k = 0;
    let mut sections = Vec::new();
    for (s, title) in SECTIONS.iter().enumerate() {
        let section_id = sb_model::text::slugify(title);
        let mut subsections = Vec::new();
        for sub in 0..SUBSECTIONS {
            let mut groups = Vec::new();
            for g in 0..GROUPS {
                let range = k * resources / group_count..(k + 1) * resources / group_count;
                let mut entries: Vec<Entry> = all[range].iter().map(|r| entry(r, k)).collect();
                k += 1;
                if k == group_count {
                    entries.extend(all.iter().step_by(REPEAT_EVERY).map(|r| Entry {
                        resource: r.id.clone(),
                        note: Some("Listed again for practice".to_string()),
                    }));
                }
                groups.push(Group {
                    title: (g > 0).then(|| format!("Group {}.{}.{}", s + 1, sub + 1, g + 1)),
                    prose: Vec::new(),
                    entries,
                });
            }
            subsections.push(Subsection {
                id: format!("{section_id}-part-{}", sub + 1),
                title: Some(format!("{title}, part {}", sub + 1)),
                prose: Vec::new(),
                groups,
            });
        }
        sections.push(Section {
            id: section_id,
            title: title.to_string(),
            description: if s == 3 {
                "Skills that job listings ask for.".to_string()
            } else {
                String::new()
            },
            prose: Vec::new(),
            subsections,
        });
    }
    Roadmap {
        schema: SCHEMA_VERSION,
        title: format!("Synthetic road map ({resources} resources)"),
        intro: "A generated road map for benchmarks.".to_string(),
        credit: Credit {
            author: "Synthetic".to_string(),
            author_url: "https://example.com/".to_string(),
            source_url: "https://example.com/".to_string(),
            license: "MIT".to_string(),
        },
        sections,
        resources: all,
    }
}

fn resource(n: usize) -> Resource {
    let mut links = vec![ResourceLink {
        label: format!("Resource {n}"),
        url: format!("https://example.com/resources/{n}"),
    }];
    if n % 7 == 3 {
        links.push(ResourceLink {
            label: "Part 2".to_string(),
            url: format!("https://example.com/resources/{n}/part-2"),
        });
    }
    let paid = n % 11 == 5;
    if paid {
        links[0].url = format!("https://www.amazon.com/dp/{n:010}");
    }
    Resource {
        id: format!("resource-{n:05}"),
        title: format!("Resource {n:05}"),
        links,
        author: (!n.is_multiple_of(4)).then(|| format!("Author {}", n % 37)),
        author_url: (n % 4 == 1).then(|| format!("https://x.com/author{}", n % 37)),
        kind: ResourceType::ALL[n % ResourceType::ALL.len()],
        free: !paid,
    }
}

fn entry(r: &Resource, group: usize) -> Entry {
    Entry {
        resource: r.id.clone(),
        note: (r.id.len() + group)
            .is_multiple_of(3)
            .then(|| format!("Note on {}", r.title)),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn sizes_ids_and_types() {
        let r = synthetic(1000);
        assert_eq!(r.resources.len(), 1000);
        let ids: HashSet<_> = r.resources.iter().map(|x| x.id.as_str()).collect();
        assert_eq!(ids.len(), 1000);
        let placed: HashSet<_> = r.entries().map(|(_, e)| e.resource.as_str()).collect();
        assert_eq!(placed, ids);
        assert!(r.entries().count() > 1000);
        let kinds: HashSet<_> = r.resources.iter().map(|x| x.kind).collect();
        assert_eq!(kinds.len(), ResourceType::ALL.len());
        assert_eq!(r.sections.len(), 6);
        let sub_ids: HashSet<_> = r
            .sections
            .iter()
            .flat_map(|s| &s.subsections)
            .map(|s| &s.id)
            .collect();
        assert_eq!(sub_ids.len(), 18);
        assert!(r.resources.iter().any(|x| !x.free));
        assert_eq!(synthetic(1000), r);
    }

    #[test]
    fn small_sizes() {
        assert!(synthetic(0).resources.is_empty());
        assert_eq!(synthetic(5).entries().count(), 6);
    }
}
