//! Weekly link posts → `content/weeks/<date>.md`. A weekly post on Substack is prose with
//! headings and lists of links; the site's weeks are structured (sections of entries with a
//! title, URL, source, kind and summary). Headings become sections, and every list item or
//! paragraph that starts with a link becomes an entry (the link's text is the title, the text
//! after it the summary). Everything else, free, stays as the week's intro, so no text is lost;
//! entries after the paywall cut are paid entries.

use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node};

use super::html_to_markdown::{self as h2m, host_of, Converter, Unconverted};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub title: String,
    pub url: String,
    pub source: String,
    pub kind: &'static str,
    pub summary: String,
    /// Further paragraphs of the item, as Markdown.
    pub commentary: Option<String>,
    pub paid: bool,
    /// The item had no text after its link: the summary names the link's site.
    pub summary_guessed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    /// The title is a heading written after the cut.
    pub title_paid: bool,
    pub entries: Vec<Entry>,
}

#[derive(Debug, Default)]
pub struct Week {
    pub sections: Vec<Section>,
    /// Free text that is not an entry, as Markdown.
    pub intro: String,
    /// Paid text that is not an entry: it cannot go in the intro (which is free).
    pub paid_rest: Vec<String>,
    pub unconverted: Vec<Unconverted>,
    pub furniture: usize,
    /// The post has a paywall cut (a top-level `div.paywall-jump`).
    pub cut: bool,
}

impl Week {
    pub fn entry_count(&self) -> usize {
        self.sections.iter().map(|s| s.entries.len()).sum()
    }

    /// For a paid post: sections titled by a heading written after the cut get a neutral
    /// title ([`PAID_SECTION`], adjacent ones merged), and the heading starts the commentary
    /// of the section's first entry (all its entries are paid). Returns how many there were.
    pub fn seal_paid_headings(&mut self) -> usize {
        let mut sealed = 0;
        let mut out: Vec<Section> = Vec::new();
        for mut s in std::mem::take(&mut self.sections) {
            if s.title_paid {
                sealed += 1;
                if let Some(first) = s.entries.first_mut() {
                    let heading = format!("**{}**", h2m::escape(&s.title));
                    first.commentary = Some(match &first.commentary {
                        Some(c) => format!("{heading} {c}"),
                        None => heading,
                    });
                }
                s.title = PAID_SECTION.to_string();
                s.title_paid = false;
                if let Some(last) = out.last_mut().filter(|l| l.title == PAID_SECTION) {
                    last.entries.append(&mut s.entries);
                    continue;
                }
            }
            out.push(s);
        }
        self.sections = out;
        sealed
    }
}

/// The title used for entries that come before any heading.
pub const DEFAULT_SECTION: &str = "Reading list";

/// The title of a paid post's sections whose heading was written after the cut (section
/// titles are public; the heading goes with the section's first entry, which is sealed).
pub const PAID_SECTION: &str = "More for subscribers";

/// Reads a weekly post.
pub fn extract(html: &str) -> Week {
    extract_from(html, false)
}

/// Reads a weekly post, all of it after the cut when `all_paid` (a paid post without one).
pub fn extract_from(html: &str, all_paid: bool) -> Week {
    let doc = Html::parse_fragment(html);
    let mut c = Converter::default();
    let mut week = Week::default();
    let mut intro: Vec<String> = Vec::new();
    let mut paid = all_paid;
    c.set_in_paid(paid);
    // A heading opens a section only if entries follow it: until then it waits, with the text
    // that follows it, and goes to the intro if none do.
    let mut heading: Option<(bool, String)> = None;
    let mut pending: Vec<(bool, String)> = Vec::new();
    let mut current: Option<Section> = None;

    fn flush(
        heading: &mut Option<(bool, String)>,
        pending: &mut Vec<(bool, String)>,
        intro: &mut Vec<String>,
        week: &mut Week,
    ) {
        if let Some((paid, h)) = heading.take() {
            push_text(
                intro,
                &mut week.paid_rest,
                paid,
                format!("## {}", h2m::heading_markdown(&h)),
            );
        }
        for (paid, text) in pending.drain(..) {
            push_text(intro, &mut week.paid_rest, paid, text);
        }
    }
    let close = |current: &mut Option<Section>, week: &mut Week| {
        if let Some(s) = current.take() {
            if !s.entries.is_empty() {
                week.sections.push(s);
            }
        }
    };

    for node in doc.root_element().children() {
        let Some(el) = ElementRef::wrap(node) else {
            let text = h2m::convert_nodes(&mut c, [node]);
            pending.push((paid, text));
            continue;
        };
        let name = el.value().name();
        if el.value().classes().any(|c| c == "paywall-jump") {
            paid = true;
            c.set_in_paid(true);
            week.cut = true;
            continue;
        }
        if matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
            flush(&mut heading, &mut pending, &mut intro, &mut week);
            close(&mut current, &mut week);
            let title = collapse_text(el);
            if !title.is_empty() {
                heading = Some((paid, title));
            }
            continue;
        }
        let items: Vec<ElementRef<'_>> = match name {
            "ul" | "ol" => el
                .child_elements()
                .filter(|li| li.value().name() == "li")
                .collect(),
            "p" => vec![el],
            _ => Vec::new(),
        };
        if items.is_empty() {
            let text = h2m::convert_nodes(&mut c, [node]);
            pending.push((paid, text));
        }
        for item in &items {
            match entry(&mut c, *item, paid) {
                Some(e) => {
                    if current.is_none() {
                        let (title_paid, title) = heading
                            .take()
                            .unwrap_or_else(|| (false, DEFAULT_SECTION.to_string()));
                        current = Some(Section {
                            title,
                            title_paid,
                            entries: Vec::new(),
                        });
                    }
                    flush(&mut heading, &mut pending, &mut intro, &mut week);
                    current.as_mut().expect("opened above").entries.push(e);
                }
                None => {
                    let text = if name == "p" {
                        h2m::convert_nodes(&mut c, [**item])
                    } else {
                        format!("- {}", h2m::convert_nodes(&mut c, item.children()).trim())
                    };
                    pending.push((paid, text));
                }
            }
        }
    }
    flush(&mut heading, &mut pending, &mut intro, &mut week);
    close(&mut current, &mut week);
    // Footnotes, on the side of the cut that cites them (paid ones go with the paid text).
    let (free_notes, paid_notes) = c.footnote_definitions(paid);
    intro.extend(free_notes);
    week.paid_rest.extend(paid_notes);
    week.intro = intro
        .iter()
        .map(|b| b.trim())
        .filter(|b| !b.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    week.unconverted = c.unconverted;
    week.furniture = c.furniture;
    week
}

fn push_text(intro: &mut Vec<String>, paid_rest: &mut Vec<String>, paid: bool, text: String) {
    if text.trim().is_empty() || text.trim() == "-" {
        return;
    }
    if paid {
        paid_rest.push(text);
    } else {
        intro.push(text);
    }
}

fn collapse_text(el: ElementRef<'_>) -> String {
    visible_text(*el)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of a node without what never becomes content (the text of a `<script>` or
/// `<style>`), walked without recursion.
fn visible_text(node: NodeRef<'_, Node>) -> String {
    let mut out = String::new();
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        match n.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) if h2m::is_removed(e.name()) => {}
            Node::Element(_) => {
                let children: Vec<_> = n.children().collect();
                stack.extend(children.into_iter().rev());
            }
            _ => {}
        }
    }
    out
}

/// The link an item starts with: its first child (past whitespace), or inside the first
/// child's emphasis or paragraph.
fn leading_link(el: ElementRef<'_>) -> Option<(ElementRef<'_>, String)> {
    leading_link_at(el, 0)
}

fn leading_link_at(el: ElementRef<'_>, depth: usize) -> Option<(ElementRef<'_>, String)> {
    if depth > 8 {
        return None;
    }
    let first = el
        .children()
        .find(|n: &NodeRef<'_, Node>| match n.value() {
            Node::Text(t) => !t.trim().is_empty(),
            Node::Element(_) => true,
            _ => false,
        })?;
    let first = ElementRef::wrap(first)?;
    match first.value().name() {
        "a" => {
            let url = h2m::safe_url(first.attr("href")?)?;
            url.starts_with("http").then_some((first, url))
        }
        "p" | "strong" | "b" | "em" | "i" | "span" => leading_link_at(first, depth + 1),
        _ => None,
    }
}

fn entry(c: &mut Converter, item: ElementRef<'_>, paid: bool) -> Option<Entry> {
    let (link, url) = leading_link(item)?;
    let title = collapse_text(link);
    if title.is_empty() {
        return None;
    }
    // The item's first paragraph (or the item itself) gives the summary; further paragraphs
    // are commentary.
    let first_block = item
        .child_elements()
        .find(|e| e.value().name() == "p")
        .filter(|p| p.descendent_elements().any(|d| d == link))
        .unwrap_or(item);
    let text = if first_block == item {
        // Only the item's own inline text (nested lists are commentary).
        item.children()
            .filter(|n| {
                ElementRef::wrap(*n).is_none_or(|e| !matches!(e.value().name(), "ul" | "ol" | "p"))
            })
            .map(visible_text)
            .collect::<String>()
    } else {
        visible_text(*first_block)
    };
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let rest = text.strip_prefix(title.as_str()).unwrap_or(&text);
    let summary = rest
        .trim_start_matches(|ch: char| {
            ch.is_whitespace() || matches!(ch, ':' | '-' | '–' | '—' | '|' | ',' | '.' | '·')
        })
        .trim()
        .to_string();
    let commentary_nodes: Vec<_> = item
        .children()
        .filter(|n| {
            ElementRef::wrap(*n).is_some_and(|e| {
                e != first_block && matches!(e.value().name(), "ul" | "ol" | "p" | "blockquote")
            })
        })
        .collect();
    // What the summary and title left out is reported like the rest (the commentary's own
    // conversion reports what is in it).
    for removed in item.descendent_elements().filter(|d| {
        h2m::is_removed(d.value().name())
            && !d.ancestors().any(|a| {
                commentary_nodes.contains(&a)
                    || ElementRef::wrap(a)
                        .is_some_and(|e| e != *d && h2m::is_removed(e.value().name()))
            })
    }) {
        c.note_removed(removed);
    }
    let commentary = if commentary_nodes.is_empty() {
        None
    } else {
        let md = h2m::convert_nodes(c, commentary_nodes);
        let md = md.trim().to_string();
        (!md.is_empty()).then_some(md)
    };
    let source = host_of(&url);
    let (summary, guessed) = if summary.is_empty() {
        (format!("A link to {source}."), true)
    } else {
        (capitalized(&summary), false)
    };
    Some(Entry {
        title,
        kind: kind_of(&url),
        url,
        source,
        summary,
        commentary,
        paid,
        summary_guessed: guessed,
    })
}

/// The text with its first letter in upper case ("the vLLM paper" → "The vLLM paper").
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The kind of resource a link is, guessed from its site.
pub fn kind_of(url: &str) -> &'static str {
    let host = host_of(url);
    let is = |d: &str| host == d || host.ends_with(&format!(".{d}"));
    if is("arxiv.org") || is("openreview.net") || is("aclanthology.org") || url.ends_with(".pdf") {
        "paper"
    } else if is("youtube.com") || is("youtu.be") || is("vimeo.com") {
        "video"
    } else if is("github.com") || is("gitlab.com") || is("huggingface.co") {
        "repo"
    } else if is("coursera.org") || is("edx.org") || is("udacity.com") {
        "course"
    } else if is("podcasts.apple.com") || is("open.spotify.com") {
        "podcast"
    } else if is("twitter.com") || is("x.com") {
        "thread"
    } else if is("substack.com") {
        "newsletter"
    } else {
        "article"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_become_sections_and_linked_items_entries() {
        let w = extract(
            r#"<p>Welcome to this week's list.</p>
<h3>Must reads</h3>
<ul><li><p><a href="https://arxiv.org/abs/2309.06180">PagedAttention</a>: how vLLM manages the KV cache.</p></li>
<li><a href="https://github.com/vllm-project/vllm">vLLM</a> — the server.<ul><li>Worth a star.</li></ul></li>
<li>A plain thought with no link.</li></ul>
<h3>Videos</h3>
<p><strong><a href="https://www.youtube.com/watch?v=x">A talk</a></strong></p>
<div class="paywall-jump"></div>
<ul><li><a href="https://example.com/paid">Paid pick</a>: only for subscribers.</li></ul>
<p>Paid closing words.</p>"#,
        );
        assert_eq!(w.sections.len(), 2, "{w:?}");
        let s = &w.sections[0];
        assert_eq!(s.title, "Must reads");
        assert_eq!(s.entries[0].title, "PagedAttention");
        assert_eq!(s.entries[0].summary, "How vLLM manages the KV cache.");
        assert_eq!(s.entries[0].kind, "paper");
        assert_eq!(s.entries[0].source, "arxiv.org");
        assert_eq!(s.entries[1].summary, "The server.");
        assert_eq!(s.entries[1].commentary.as_deref(), Some("- Worth a star."));
        assert_eq!(s.entries[1].kind, "repo");
        let v = &w.sections[1];
        assert_eq!(v.title, "Videos");
        assert_eq!(v.entries[0].kind, "video");
        assert!(v.entries[0].summary_guessed);
        assert!(v.entries[1].paid);
        assert_eq!(v.entries[1].title, "Paid pick");
        assert_eq!(
            w.intro,
            "Welcome to this week's list.\n\n- A plain thought with no link."
        );
        assert_eq!(w.paid_rest, ["Paid closing words.\n"]);
    }

    #[test]
    fn a_heading_in_the_intro_is_text() {
        let w = extract("<h2>&lt;b onclick=x&gt;Hi&lt;/b&gt; *x* {#sb-app}</h2><p>Prose.</p>");
        assert_eq!(
            w.intro,
            "## \\<b onclick=x\\>Hi\\</b\\> \\*x\\* &#123;#sb-app}\n\nProse."
        );
    }

    #[test]
    fn footnotes_stay_on_their_side_of_the_cut() {
        let w = extract(
            r##"<p>Intro<a class="footnote-anchor" href="#footnote-1">1</a>.</p>
<ul><li><a href="https://e.example/a">A</a>: free.</li></ul>
<div class="paywall-jump"></div>
<ul><li><a href="https://e.example/b">B</a>: paid<a class="footnote-anchor" href="#footnote-2">2</a>.</li></ul>
<div class="footnote"><a class="footnote-number" href="#footnote-anchor-1">1</a><div class="footnote-content"><p>Free note.</p></div></div>
<div class="footnote"><a class="footnote-number" href="#footnote-anchor-2">2</a><div class="footnote-content"><p>Paid note.</p></div></div>"##,
        );
        assert_eq!(w.intro, "Intro[^1].\n\n[^1]: Free note.");
        assert_eq!(w.paid_rest, ["[^2]: Paid note."]);
    }

    #[test]
    fn script_text_is_not_an_entry_s_title_or_summary() {
        let w = extract(
            "<ul><li><a href=\"https://e.example/a\">A<script>bad()</script></a>: the summary<style>x{}</style> here.</li></ul>",
        );
        let e = &w.sections[0].entries[0];
        assert_eq!(
            (e.title.as_str(), e.summary.as_str()),
            ("A", "The summary here.")
        );
        let whats: Vec<_> = w.unconverted.iter().map(|u| u.what.as_str()).collect();
        assert_eq!(whats, ["script removed", "style sheet removed"]);
    }

    #[test]
    fn a_post_without_links_has_no_entries() {
        let w = extract("<h2>Thoughts</h2><p>Just prose.</p>");
        assert_eq!(w.entry_count(), 0);
        assert_eq!(w.intro, "## Thoughts\n\nJust prose.");
    }
}
