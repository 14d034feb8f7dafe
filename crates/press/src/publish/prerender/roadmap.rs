//! The road map (`src/pages/roadmap/`): its header and the whole tree of sections,
//! subsections, groups, advice and resources with their links, for `/roadmap` and its section
//! and resource permalinks; and the widgets (`src/pages/embed.rs`), the tree alone. Without
//! JavaScript there is no progress to show: bars stay empty and the status buttons are left out.

use std::collections::HashSet;

use sb_model::paths::{self, page};
use sb_model::progress::{Progress, Status};
use sb_model::roadmap_filter::RoadmapFilter;
use sb_model::roadmap_tree::{dom_id, visible_nodes, NodeKind, TreeNode};
use sb_model::text::escape_html;
use sb_model::{Roadmap, SiteConfig};

use super::{link, Page};

const TITLE: &str = "Machine Learning Road Map";

/// `aria-level="N"` and the row's id, as the app's rows carry them.
fn row_attrs(node: &TreeNode) -> String {
    format!(
        "role=\"treeitem\" id=\"{}\" aria-level=\"{}\"",
        escape_html(&dom_id(&node.key)),
        node.level
    )
}

fn permalink(path: &str, title: &str) -> String {
    link(
        path,
        &format!(
            " class=\"permalink\" aria-label=\"{}\"",
            escape_html(&format!("Link to {title}"))
        ),
        "#",
    )
}

fn external(url: &str, attrs: &str, text: &str) -> String {
    format!(
        "<a href=\"{}\"{attrs} target=\"_blank\" rel=\"noopener noreferrer\">{}</a>",
        escape_html(url),
        escape_html(text)
    )
}

/// An empty bar (progress lives in the reader's browser) and its text.
fn progress_bar(label: &str, class: &str, text: &str) -> String {
    format!(
        "<progress max=\"100\" value=\"0\" aria-label=\"{}\"></progress><span class=\"{class}\">{}</span>",
        escape_html(label),
        escape_html(text)
    )
}

fn row(roadmap: &Roadmap, node: &TreeNode, embedded: bool) -> String {
    match node.kind {
        NodeKind::Entry => {
            let Some(r) = node.resource.as_deref().and_then(|id| roadmap.resource(id)) else {
                return String::new();
            };
            let title_id = format!("{}-title", dom_id(&node.key));
            let links: String = r
                .links
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let id = if i == 0 {
                        format!(" id=\"{}\"", escape_html(&title_id))
                    } else {
                        String::new()
                    };
                    let text = if r.links.len() > 1 {
                        &l.label
                    } else {
                        &r.title
                    };
                    external(&l.url, &format!("{id} class=\"resource-link\""), text)
                })
                .collect();
            let author = match (&r.author, &r.author_url) {
                (Some(a), Some(url)) => format!(
                    "<span class=\"entry-author\">by {}</span>",
                    external(url, "", a)
                ),
                (Some(a), None) => format!(
                    "<span class=\"entry-author\">{}</span>",
                    escape_html(&format!("by {a}"))
                ),
                _ => String::new(),
            };
            let not_free = if r.free {
                ""
            } else {
                "<span class=\"badge not-free\">Not free</span>"
            };
            let link = if embedded {
                String::new()
            } else {
                permalink(&page::roadmap_resource(&node.section, &r.id), &r.title)
            };
            let note = node.note.as_ref().map_or(String::new(), |n| {
                format!("<p class=\"entry-note\">{}</p>", escape_html(n))
            });
            format!(
                "<li {} aria-labelledby=\"{}\" class=\"tree-row tree-entry status-{}\"><div class=\"entry-line\">\
                 <span class=\"badge type-{}\">{}</span><span class=\"entry-links\">{links}</span>{author}{not_free}{link}</div>{note}</li>",
                row_attrs(node),
                escape_html(&title_id),
                Status::NotStarted.key(),
                r.kind.key(),
                escape_html(r.kind.label()),
            )
        }
        NodeKind::Prose => {
            let parts: String = node
                .prose
                .iter()
                .flat_map(|p| &p.parts)
                .map(|part| {
                    match part
                        .url
                        .as_deref()
                        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
                    {
                        Some(url) => external(url, "", &part.text),
                        None => escape_html(&part.text),
                    }
                })
                .collect();
            format!(
                "<li {} class=\"tree-row tree-prose level-{}\"><p class=\"prose-line\">{parts}</p></li>",
                row_attrs(node),
                node.level
            )
        }
        kind => {
            let tally = match kind {
                NodeKind::Section => {
                    let section = roadmap.section(&node.section);
                    let tally = section
                        .map(|s| Progress::default().section_tally(roadmap, s))
                        .unwrap_or_default();
                    let link = if embedded {
                        String::new()
                    } else {
                        permalink(&page::roadmap_section(&node.section), &node.label)
                    };
                    format!(
                        "<span class=\"tally\">{}{link}</span>",
                        progress_bar(
                            &format!("{} progress", node.label),
                            "tally-text",
                            &tally.summary()
                        )
                    )
                }
                _ => String::new(),
            };
            format!(
                "<li {} aria-expanded=\"true\" class=\"{}\"><span class=\"twisty\" aria-hidden=\"true\"></span><span class=\"row-label\">{}</span>{tally}</li>",
                row_attrs(node),
                format!("tree-row tree-container level-{} kind-{:?}", node.level, kind).to_lowercase(),
                escape_html(&node.label)
            )
        }
    }
}

/// Every row of the tree, all open.
fn tree(roadmap: &Roadmap, embedded: bool) -> String {
    let nodes = visible_nodes(
        roadmap,
        &HashSet::new(),
        &RoadmapFilter::default(),
        &Progress::default(),
    );
    let rows: String = nodes.iter().map(|n| row(roadmap, n, embedded)).collect();
    format!("<ul role=\"tree\" aria-label=\"Road map\" class=\"tree\">{rows}</ul>")
}

/// `/roadmap`, each section's and each resource's permalink, and the widgets.
pub fn pages(config: &SiteConfig, roadmap: &Roadmap) -> Vec<Page> {
    let credit = &roadmap.credit;
    let overall = Progress::default().overall_tally(roadmap);
    let main = format!(
        "<div class=\"roadmap\"><header class=\"roadmap-header\"><h1>{}</h1><p class=\"lead\">{}</p>\
         <p class=\"credit\">By <a href=\"{}\" rel=\"noopener noreferrer\">{}</a>{}<a href=\"{}\" rel=\"noopener noreferrer\">Source on GitHub</a></p>\
         <div class=\"overall\">{}</div></header>\
         <div class=\"roadmap-layout\"><div class=\"roadmap-list\">{}</div></div></div>",
        escape_html(&roadmap.title),
        escape_html(&roadmap.intro),
        escape_html(&credit.author_url),
        escape_html(&credit.author),
        escape_html(&format!(" · {} licence · ", credit.license)),
        escape_html(&credit.source_url),
        progress_bar(
            "Overall progress",
            "overall-text",
            &format!("{} · {}%", overall.summary(), overall.percent())
        ),
        tree(roadmap, false),
    );
    let at = |route: String| {
        Page::new(page::relative(&route), TITLE, &roadmap.intro)
            .data([paths::roadmap()])
            .main(main.clone())
    };
    let mut pages = vec![at(page::roadmap())];
    pages.extend(
        roadmap
            .sections
            .iter()
            .map(|s| at(page::roadmap_section(&s.id))),
    );
    pages.extend(
        roadmap
            .entries()
            .map(|(s, e)| at(page::roadmap_resource(&s.id, &e.resource))),
    );
    pages.push(widget(config, roadmap, None));
    pages.extend(
        roadmap
            .sections
            .iter()
            .map(|s| widget(config, roadmap, Some(&s.id))),
    );
    pages
}

/// A widget: one section (or all), the tree without site links, and the credit.
fn widget(config: &SiteConfig, roadmap: &Roadmap, section: Option<&str>) -> Page {
    let mut shown = roadmap.clone();
    let (heading, path, full) = match section.and_then(|id| roadmap.section(id)) {
        Some(s) => {
            shown.sections.retain(|x| x.id == s.id);
            (
                format!("ML Road Map: {}", s.title),
                page::embed_roadmap(Some(&s.id)),
                page::url(&config.base_url, &page::roadmap_section(&s.id)),
            )
        }
        None => (
            roadmap.title.clone(),
            page::embed_roadmap(None),
            page::url(&config.base_url, &page::roadmap()),
        ),
    };
    let tally = match section.and_then(|id| roadmap.section(id)) {
        Some(s) => Progress::default().section_tally(roadmap, s),
        None => Progress::default().overall_tally(roadmap),
    };
    let credit = &roadmap.credit;
    let main = format!(
        "<div class=\"embed-root\"><header class=\"embed-header\"><h1>{}</h1><p class=\"overall\">{}</p></header>{}\
         <p class=\"embed-credit\">{} · by {}{}</p></div>",
        escape_html(&heading),
        progress_bar("Progress", "overall-text", &tally.summary()),
        tree(&shown, true),
        external(&full, "", "Open the full road map ↗"),
        external(&credit.author_url, "", &credit.author),
        escape_html(&format!(" ({})", credit.license)),
    );
    let mut widget = Page::new(page::relative(&path), "ML Road Map widget", &roadmap.intro)
        .data([paths::roadmap()])
        .main(main);
    widget.chrome = false;
    widget
}
