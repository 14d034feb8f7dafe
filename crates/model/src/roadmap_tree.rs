//! The road map as the explorer's tree: which rows are visible (given collapsed nodes and the
//! reader's filter), in order, with their levels and parents. The keyboard moves through exactly
//! this list, so computing it here keeps the arrow-key rules testable natively.

use std::collections::HashSet;

use crate::progress::Progress;
use crate::roadmap::{Prose, Roadmap};
use crate::roadmap_filter::RoadmapFilter;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NodeKind {
    Section,
    Subsection,
    Group,
    Entry,
    /// A line of the road map's advice under a heading (not a resource; hidden while filtering).
    Prose,
}

/// One visible row of the tree.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TreeNode {
    /// Unique and stable: `s:<section>`, `u:<section>:<subsection>`, `g:<section>:<subsection>:<n>`,
    /// `e:<section>:<resource>`, and `p:<container key>:<n>` for prose (the key the container
    /// has, or would have if it had a title).
    pub key: String,
    pub kind: NodeKind,
    /// 1 for sections.
    pub level: u32,
    pub parent: Option<String>,
    pub label: String,
    /// For entries: the resource id.
    pub resource: Option<String>,
    /// For entries: the road map's note on this placement.
    pub note: Option<String>,
    /// Whether its children are shown (always false for entries).
    pub expanded: bool,
    /// Section id it belongs to.
    pub section: String,
    /// For prose rows: the text with its links.
    pub prose: Option<Prose>,
}

impl TreeNode {
    pub fn is_container(&self) -> bool {
        matches!(
            self.kind,
            NodeKind::Section | NodeKind::Subsection | NodeKind::Group
        )
    }
}

/// Rows for the prose of container `owner`, shown under the row `parent` at `level`.
fn push_prose(
    out: &mut Vec<TreeNode>,
    prose: &[Prose],
    owner: &str,
    (parent, level): (&str, u32),
    section: &str,
) {
    for (n, p) in prose.iter().enumerate() {
        out.push(TreeNode {
            key: format!("p:{owner}:{n}"),
            kind: NodeKind::Prose,
            level,
            parent: Some(parent.to_string()),
            label: p.text(),
            resource: None,
            note: None,
            expanded: false,
            section: section.to_string(),
            prose: Some(p.clone()),
        });
    }
}

pub fn section_key(section: &str) -> String {
    format!("s:{section}")
}

pub fn entry_key(section: &str, resource: &str) -> String {
    format!("e:{section}:{resource}")
}

/// A DOM id for a key (keys contain `:`, which CSS selectors would need escaped).
pub fn dom_id(key: &str) -> String {
    format!("rm-{}", key.replace(':', "--"))
}

/// The visible rows. With an active filter every container that holds a match is shown open
/// and containers without matches are hidden; otherwise `collapsed` decides.
pub fn visible_nodes(
    roadmap: &Roadmap,
    collapsed: &HashSet<String>,
    filter: &RoadmapFilter,
    progress: &Progress,
) -> Vec<TreeNode> {
    let filtering = filter.is_active();
    let open = |key: &str| filtering || !collapsed.contains(key);
    let mut out = Vec::new();
    for section in &roadmap.sections {
        let skey = section_key(&section.id);
        let section_start = out.len();
        out.push(TreeNode {
            key: skey.clone(),
            kind: NodeKind::Section,
            level: 1,
            parent: None,
            label: section.title.clone(),
            resource: None,
            note: None,
            expanded: open(&skey),
            section: section.id.clone(),
            prose: None,
        });
        if !filtering {
            push_prose(&mut out, &section.prose, &skey, (&skey, 2), &section.id);
        }
        let mut section_matches = 0;
        for sub in &section.subsections {
            let ukey = format!("u:{}:{}", section.id, sub.id);
            let (sub_parent, sub_level, sub_start) = match &sub.title {
                Some(title) => {
                    let start = out.len();
                    out.push(TreeNode {
                        key: ukey.clone(),
                        kind: NodeKind::Subsection,
                        level: 2,
                        parent: Some(skey.clone()),
                        label: title.clone(),
                        resource: None,
                        note: None,
                        expanded: open(&ukey),
                        section: section.id.clone(),
                        prose: None,
                    });
                    (ukey.clone(), 3, Some(start))
                }
                None => (skey.clone(), 2, None),
            };
            if !filtering {
                let at = (sub_parent.as_str(), sub_level);
                push_prose(&mut out, &sub.prose, &ukey, at, &section.id);
            }
            let mut sub_matches = 0;
            for (n, group) in sub.groups.iter().enumerate() {
                let gkey = format!("g:{}:{}:{n}", section.id, sub.id);
                let (entry_parent, entry_level, group_start) = match &group.title {
                    Some(title) => {
                        let start = out.len();
                        out.push(TreeNode {
                            key: gkey.clone(),
                            kind: NodeKind::Group,
                            level: sub_level,
                            parent: Some(sub_parent.clone()),
                            label: title.clone(),
                            resource: None,
                            note: None,
                            expanded: open(&gkey),
                            section: section.id.clone(),
                            prose: None,
                        });
                        (gkey.clone(), sub_level + 1, Some(start))
                    }
                    None => (sub_parent.clone(), sub_level, None),
                };
                if !filtering {
                    let at = (entry_parent.as_str(), entry_level);
                    push_prose(&mut out, &group.prose, &gkey, at, &section.id);
                }
                let mut group_matches = 0;
                for entry in &group.entries {
                    let Some(resource) = roadmap.resource(&entry.resource) else {
                        continue;
                    };
                    let context = [
                        section.title.as_str(),
                        sub.title.as_deref().unwrap_or(""),
                        group.title.as_deref().unwrap_or(""),
                    ];
                    if filtering && !filter.matches(resource, entry, &context, progress) {
                        continue;
                    }
                    group_matches += 1;
                    out.push(TreeNode {
                        key: entry_key(&section.id, &resource.id),
                        kind: NodeKind::Entry,
                        level: entry_level,
                        parent: Some(entry_parent.clone()),
                        label: resource.title.clone(),
                        resource: Some(resource.id.clone()),
                        note: entry.note.clone(),
                        expanded: false,
                        section: section.id.clone(),
                        prose: None,
                    });
                }
                sub_matches += group_matches;
                if let Some(start) = group_start {
                    if filtering && group_matches == 0 {
                        out.truncate(start);
                    }
                }
            }
            section_matches += sub_matches;
            if let Some(start) = sub_start {
                if filtering && sub_matches == 0 {
                    out.truncate(start);
                }
            }
        }
        if filtering && section_matches == 0 {
            out.truncate(section_start);
        }
    }
    // Drop rows whose ancestors are collapsed.
    let mut hidden_under: Vec<(String, u32)> = Vec::new();
    out.retain(|node| {
        while hidden_under
            .last()
            .is_some_and(|(_, level)| node.level <= *level)
        {
            hidden_under.pop();
        }
        if !hidden_under.is_empty() {
            return false;
        }
        if node.is_container() && !node.expanded {
            hidden_under.push((node.key.clone(), node.level));
        }
        true
    });
    out
}

/// What an arrow key (or Home/End) does from the focused row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TreeMove {
    /// Focus this row.
    Focus(String),
    /// Open or close this container (focus stays).
    Toggle(String),
    Nothing,
}

/// The WAI-ARIA tree keyboard rules: Up/Down move through visible rows, Right opens a closed
/// container or moves to its first child, Left closes an open container or moves to the parent,
/// Home/End go to the first/last row.
pub fn key_move(nodes: &[TreeNode], focused: &str, key: &str) -> TreeMove {
    let Some(i) = nodes.iter().position(|n| n.key == focused) else {
        return nodes
            .first()
            .map(|n| TreeMove::Focus(n.key.clone()))
            .unwrap_or(TreeMove::Nothing);
    };
    let node = &nodes[i];
    let focus = |j: usize| {
        nodes
            .get(j)
            .map(|n| TreeMove::Focus(n.key.clone()))
            .unwrap_or(TreeMove::Nothing)
    };
    match key {
        "ArrowDown" => focus(i + 1),
        "ArrowUp" if i > 0 => focus(i - 1),
        "Home" => focus(0),
        "End" => focus(nodes.len().saturating_sub(1)),
        "ArrowRight" if node.is_container() && !node.expanded => TreeMove::Toggle(node.key.clone()),
        "ArrowRight" if node.is_container() => match nodes.get(i + 1) {
            Some(next) if next.parent.as_deref() == Some(node.key.as_str()) => {
                TreeMove::Focus(next.key.clone())
            }
            _ => TreeMove::Nothing,
        },
        "ArrowLeft" if node.is_container() && node.expanded => TreeMove::Toggle(node.key.clone()),
        "ArrowLeft" => node
            .parent
            .clone()
            .map(TreeMove::Focus)
            .unwrap_or(TreeMove::Nothing),
        _ => TreeMove::Nothing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Status;
    use crate::roadmap::{Group, ProsePart, ResourceType, Section, Subsection};
    use crate::test_fixtures::{self, entry, resource};

    fn prose(text: &str) -> Prose {
        Prose {
            parts: vec![ProsePart {
                text: text.into(),
                url: None,
            }],
        }
    }

    /// Prereq (prose) › Programming › (Python: prose, python, numpy) ; Fundamentals › (untitled
    /// sub, untitled group: prose, mlcc)
    fn roadmap() -> Roadmap {
        test_fixtures::roadmap(
            vec![
                Section {
                    id: "prereq".into(),
                    title: "Prerequisites".into(),
                    description: String::new(),
                    prose: vec![prose("Take your time.")],
                    subsections: vec![Subsection {
                        id: "programming".into(),
                        title: Some("Programming".into()),
                        prose: Vec::new(),
                        groups: vec![Group {
                            title: Some("Python".into()),
                            prose: vec![prose("Start with one.")],
                            entries: vec![entry("python"), entry("numpy")],
                        }],
                    }],
                },
                Section {
                    id: "fundamentals".into(),
                    title: "Fundamentals".into(),
                    description: String::new(),
                    prose: Vec::new(),
                    subsections: vec![Subsection {
                        id: "fundamentals".into(),
                        title: None,
                        prose: Vec::new(),
                        groups: vec![Group {
                            title: None,
                            prose: vec![prose("The main material.")],
                            entries: vec![entry("mlcc")],
                        }],
                    }],
                },
            ],
            vec![
                resource("python", ResourceType::Course),
                resource("numpy", ResourceType::Book),
                resource("mlcc", ResourceType::Course),
            ],
        )
    }

    /// The visible rows with no filter and no progress.
    fn unfiltered(collapsed: &[&str]) -> Vec<TreeNode> {
        let collapsed: HashSet<String> = collapsed.iter().map(|k| k.to_string()).collect();
        visible_nodes(
            &roadmap(),
            &collapsed,
            &RoadmapFilter::default(),
            &Progress::default(),
        )
    }

    fn keys(nodes: &[TreeNode]) -> Vec<&str> {
        nodes.iter().map(|n| n.key.as_str()).collect()
    }

    #[test]
    fn everything_open_by_default_with_levels() {
        let nodes = unfiltered(&[]);
        assert_eq!(
            keys(&nodes),
            [
                "s:prereq",
                "p:s:prereq:0",
                "u:prereq:programming",
                "g:prereq:programming:0",
                "p:g:prereq:programming:0:0",
                "e:prereq:python",
                "e:prereq:numpy",
                "s:fundamentals",
                "p:g:fundamentals:fundamentals:0:0",
                "e:fundamentals:mlcc"
            ]
        );
        let levels: Vec<u32> = nodes.iter().map(|n| n.level).collect();
        assert_eq!(levels, [1, 2, 2, 3, 4, 4, 4, 1, 2, 2]);
        assert_eq!(nodes[5].parent.as_deref(), Some("g:prereq:programming:0"));
        assert_eq!(nodes[9].parent.as_deref(), Some("s:fundamentals"));
    }

    #[test]
    fn prose_rows_sit_under_their_heading() {
        let nodes = unfiltered(&[]);
        let row = |key: &str| nodes.iter().find(|n| n.key == key).unwrap();
        let advice = row("p:s:prereq:0");
        assert_eq!(advice.kind, NodeKind::Prose);
        assert_eq!(advice.label, "Take your time.");
        assert_eq!(advice.parent.as_deref(), Some("s:prereq"));
        assert!(!advice.is_container());
        assert_eq!(advice.prose.as_ref().unwrap().text(), "Take your time.");
        // An untitled group's prose hangs from the row above it.
        assert_eq!(
            row("p:g:fundamentals:fundamentals:0:0").parent.as_deref(),
            Some("s:fundamentals")
        );
        // Collapsing a heading hides its prose; filtering hides all prose (it is not a match).
        assert!(
            !keys(&unfiltered(&["g:prereq:programming:0"])).contains(&"p:g:prereq:programming:0:0")
        );
        let f = RoadmapFilter {
            query: "python".into(),
            ..Default::default()
        };
        let filtered = visible_nodes(&roadmap(), &HashSet::new(), &f, &Progress::default());
        assert!(
            filtered.iter().all(|n| n.kind != NodeKind::Prose),
            "{filtered:?}"
        );
        // The arrow keys move through prose rows like leaves.
        assert_eq!(
            key_move(&nodes, "s:prereq", "ArrowRight"),
            TreeMove::Focus("p:s:prereq:0".into())
        );
        assert_eq!(
            key_move(&nodes, "p:s:prereq:0", "ArrowLeft"),
            TreeMove::Focus("s:prereq".into())
        );
    }

    #[test]
    fn collapsed_containers_hide_their_rows() {
        let nodes = unfiltered(&["u:prereq:programming"]);
        assert_eq!(
            keys(&nodes),
            [
                "s:prereq",
                "p:s:prereq:0",
                "u:prereq:programming",
                "s:fundamentals",
                "p:g:fundamentals:fundamentals:0:0",
                "e:fundamentals:mlcc"
            ]
        );
        assert!(!nodes[2].expanded);
    }

    #[test]
    fn filtering_shows_only_matches_and_their_ancestors_open() {
        let collapsed: HashSet<String> = ["s:prereq".to_string()].into();
        let f = RoadmapFilter {
            kind: Some(ResourceType::Book),
            ..Default::default()
        };
        let nodes = visible_nodes(&roadmap(), &collapsed, &f, &Progress::default());
        assert_eq!(
            keys(&nodes),
            [
                "s:prereq",
                "u:prereq:programming",
                "g:prereq:programming:0",
                "e:prereq:numpy"
            ]
        );
        let mut p = Progress::default();
        p.set_status("mlcc", Status::Done);
        let f = RoadmapFilter {
            status: Some(Status::Done),
            ..Default::default()
        };
        assert_eq!(
            keys(&visible_nodes(&roadmap(), &HashSet::new(), &f, &p)),
            ["s:fundamentals", "e:fundamentals:mlcc"]
        );
        let f = RoadmapFilter {
            query: "nothing matches this".into(),
            ..Default::default()
        };
        assert!(visible_nodes(&roadmap(), &HashSet::new(), &f, &p).is_empty());
    }

    #[test]
    fn arrow_keys_follow_the_aria_tree_rules() {
        let nodes = unfiltered(&[]);
        let focus = |k: &str| TreeMove::Focus(k.to_string());
        let cases = [
            ("s:prereq", "ArrowDown", focus("p:s:prereq:0")),
            ("s:prereq", "ArrowUp", TreeMove::Nothing),
            ("e:prereq:numpy", "ArrowDown", focus("s:fundamentals")),
            ("u:prereq:programming", "ArrowUp", focus("p:s:prereq:0")),
            ("s:prereq", "ArrowRight", focus("p:s:prereq:0")),
            ("s:prereq", "ArrowLeft", TreeMove::Toggle("s:prereq".into())),
            (
                "e:prereq:python",
                "ArrowLeft",
                focus("g:prereq:programming:0"),
            ),
            ("e:prereq:python", "End", focus("e:fundamentals:mlcc")),
            ("e:fundamentals:mlcc", "Home", focus("s:prereq")),
        ];
        for (from, key, expected) in cases {
            assert_eq!(key_move(&nodes, from, key), expected, "{key} from {from}");
        }
        assert_eq!(key_move(&nodes, "missing", "ArrowDown"), focus("s:prereq"));

        let nodes = unfiltered(&["s:prereq"]);
        assert_eq!(
            key_move(&nodes, "s:prereq", "ArrowRight"),
            TreeMove::Toggle("s:prereq".into())
        );
    }

    #[test]
    fn dom_ids_have_no_colons() {
        assert_eq!(dom_id("e:prereq:python"), "rm-e--prereq--python");
    }
}
