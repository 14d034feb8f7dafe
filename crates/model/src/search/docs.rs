//! The searchable documents of the site, built the same way by `press` (the public index) and
//! by the app (the reader's [`super::LocalIndex`] of unlocked units): links, places, excerpts
//! and the plain text of rendered HTML.

use super::build::{clip, SourceDoc};
use super::format::{DocRecord, Kind, Passage};
use crate::article::ArticleSummary;
use crate::paths::page;
use crate::roadmap::Roadmap;
use crate::week::{WeekEntry, WeekSummary};

/// Characters of a precomputed excerpt.
pub const EXCERPT_CHARS: usize = 220;
/// Characters of a body passage under a heading.
pub const PASSAGE_CHARS: usize = 200;

pub fn article_url(slug: &str) -> String {
    page::article(slug)
}

pub fn week_entry_url(week_slug: &str, entry_id: &str) -> String {
    format!("{}#{entry_id}", page::week(week_slug))
}

/// The road-map explorer's permalink of a resource placed in `section`.
pub fn roadmap_url(section: &str, resource: &str) -> String {
    page::roadmap_resource(section, resource)
}

pub fn topic_url(slug: &str) -> String {
    page::topic(slug)
}

/// The plain text of sanitized HTML and its passages: the text before the first heading, then
/// one per `h2`–`h4` with an `id` (the heading's own `#` link is left out). Entities are decoded.
pub fn html_text(html: &str) -> (String, Vec<Passage>) {
    let mut text = String::new();
    let mut passages: Vec<(Option<String>, String, String)> =
        vec![(None, String::new(), String::new())];
    let mut in_heading: Option<String> = None; // the heading tag name
    let mut skip_depth = 0usize; // inside <a class="heading-anchor">
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('<') {
            let end = after.find('>').map_or(after.len(), |i| i + 1);
            let tag = &after[..end.saturating_sub(1).min(after.len())];
            rest = &after[end.min(after.len())..];
            let closing = tag.starts_with('/');
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            let is_heading = matches!(name.as_str(), "h2" | "h3" | "h4");
            if !closing && name == "a" && tag.contains("heading-anchor") {
                skip_depth += 1;
            } else if closing && name == "a" && skip_depth > 0 {
                skip_depth -= 1;
            } else if !closing && is_heading {
                if let Some(id) = attribute(tag, "id") {
                    passages.push((Some(id), String::new(), String::new()));
                    in_heading = Some(name.clone());
                }
            } else if closing && in_heading.as_deref() == Some(name.as_str()) {
                in_heading = None;
            }
            if matches!(
                name.as_str(),
                "p" | "br"
                    | "li"
                    | "h1"
                    | "h2"
                    | "h3"
                    | "h4"
                    | "h5"
                    | "h6"
                    | "div"
                    | "pre"
                    | "td"
                    | "th"
                    | "tr"
                    | "blockquote"
                    | "figcaption"
            ) {
                push_text(&mut text, &mut passages, in_heading.is_some(), " ");
            }
            continue;
        }
        let end = rest.find('<').unwrap_or(rest.len());
        let chunk = decode_entities(&rest[..end]);
        rest = &rest[end..];
        if skip_depth == 0 {
            push_text(&mut text, &mut passages, in_heading.is_some(), &chunk);
        }
    }
    let passages = passages
        .into_iter()
        .filter(|(a, _, t)| a.is_some() || !t.trim().is_empty())
        .map(|(anchor, heading, t)| Passage {
            anchor,
            heading: squash(&heading),
            text: clip(&squash(&t), PASSAGE_CHARS),
        })
        .collect();
    (squash(&text), passages)
}

fn push_text(
    text: &mut String,
    passages: &mut [(Option<String>, String, String)],
    heading: bool,
    s: &str,
) {
    text.push_str(s);
    if let Some(last) = passages.last_mut() {
        if heading {
            last.1.push_str(s);
        } else if last.2.len() < PASSAGE_CHARS * 4 {
            last.2.push_str(s);
        }
    }
}

/// Collapses runs of whitespace to one space and trims.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = tag[at..].find('"')?;
    Some(decode_entities(&tag[at..at + end]))
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => ' ',
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// An article: title, subtitle, summary and headings, the given body HTML (press passes the FREE part
/// only; the app passes the opened paid part for its local index).
pub fn article_doc(meta: &ArticleSummary, body_html: &str) -> SourceDoc {
    let (body, passages) = html_text(body_html);
    // The summary field (weighted above the body) also holds the subtitle and the headings:
    // what a section is about says more than one of its sentences.
    let mut summary = match &meta.subtitle {
        Some(sub) => format!("{sub}. {}", meta.summary),
        None => meta.summary.clone(),
    };
    for p in passages.iter().filter(|p| !p.heading.is_empty()) {
        summary.push_str(". ");
        summary.push_str(&p.heading);
    }
    SourceDoc {
        kind: Kind::Article,
        title: meta.title.clone(),
        excerpt: clip(&meta.summary, EXCERPT_CHARS),
        summary,
        body,
        place: meta.date.long(),
        url: article_url(&meta.slug),
        date: Some(meta.date),
        topics: meta.topics.clone(),
        passages,
    }
}

/// A weekly entry: title, summary and commentary, its source as the body.
pub fn week_entry_doc(week: &WeekSummary, entry: &WeekEntry) -> SourceDoc {
    let (commentary, _) = html_text(&entry.commentary_html);
    let summary = format!("{} {commentary}", entry.summary).trim().to_string();
    SourceDoc {
        kind: Kind::Week,
        title: entry.title.clone(),
        excerpt: clip(&summary, EXCERPT_CHARS),
        summary,
        body: format!("{} {}", entry.source, entry.kind.label()),
        place: week.title.clone(),
        url: week_entry_url(&week.slug, &entry.id),
        date: Some(week.date),
        topics: Vec::new(),
        passages: Vec::new(),
    }
}

/// Every distinct road-map resource: its title, its notes, its author; placed (and linked) where
/// it first appears, with the section path as its place.
pub fn roadmap_docs(roadmap: &Roadmap) -> Vec<SourceDoc> {
    let mut out: Vec<SourceDoc> = Vec::new();
    let mut index: std::collections::HashMap<&str, usize> = Default::default();
    for s in &roadmap.sections {
        for sub in &s.subsections {
            for g in &sub.groups {
                for e in &g.entries {
                    let note = e.note.clone().unwrap_or_default();
                    if let Some(&i) = index.get(e.resource.as_str()) {
                        let d: &mut SourceDoc = &mut out[i];
                        if !note.is_empty() && !d.summary.contains(&note) {
                            d.summary = format!("{} {note}", d.summary).trim().to_string();
                        }
                        continue;
                    }
                    let Some(r) = roadmap.resources.iter().find(|r| r.id == e.resource) else {
                        continue;
                    };
                    let mut place = vec![s.title.clone()];
                    place.extend(sub.title.clone());
                    place.extend(g.title.clone());
                    let place = place.join(" › ");
                    index.insert(e.resource.as_str(), out.len());
                    out.push(SourceDoc {
                        kind: Kind::Roadmap,
                        title: r.title.clone(),
                        excerpt: if note.is_empty() {
                            place.clone()
                        } else {
                            clip(&note, EXCERPT_CHARS)
                        },
                        summary: note,
                        body: r.author.clone().unwrap_or_default(),
                        place,
                        url: roadmap_url(&s.id, &r.id),
                        date: None,
                        topics: Vec::new(),
                        passages: Vec::new(),
                    });
                }
            }
        }
    }
    out
}

/// A topic page.
pub fn topic_doc(slug: &str, name: &str, description: &str) -> SourceDoc {
    SourceDoc {
        kind: Kind::Topic,
        title: name.to_string(),
        summary: description.to_string(),
        body: String::new(),
        place: "Topic".to_string(),
        url: topic_url(slug),
        date: None,
        topics: vec![slug.to_string()],
        excerpt: clip(description, EXCERPT_CHARS),
        passages: Vec::new(),
    }
}

impl SourceDoc {
    /// What a result shows of it (`id` is its public id, or anything for a local unit).
    pub fn record(&self, id: u32) -> DocRecord {
        DocRecord {
            id,
            kind: self.kind,
            title: self.title.clone(),
            place: self.place.clone(),
            url: self.url.clone(),
            date: self.date,
            topics: self.topics.clone(),
            excerpt: self.excerpt.clone(),
            passages: self.passages.clone(),
        }
    }
}

impl super::LocalIndex {
    /// Adds an unlocked unit built with [`article_doc`] (from the opened paid HTML) or
    /// [`week_entry_doc`] (from the opened paid entry).
    pub fn add_doc(&mut self, doc: &SourceDoc) {
        self.add_fields(doc.record(0), &doc.summary, &doc.body);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_text_splits_passages_at_headings_and_drops_heading_links() {
        let html = "<p>Intro &amp; more.</p><h2 id=\"why\">Why it matters <a class=\"heading-anchor\" href=\"#why\" aria-label=\"Link\">#</a></h2><p>Because <code>x&lt;y</code>.</p><h3 id=\"how\">How</h3><ul><li>one</li><li>two</li></ul>";
        let (text, passages) = html_text(html);
        assert_eq!(
            text,
            "Intro & more. Why it matters Because x<y. How one two"
        );
        assert_eq!(passages.len(), 3);
        assert_eq!(passages[0].anchor, None);
        assert_eq!(passages[0].text, "Intro & more.");
        assert_eq!(passages[1].anchor.as_deref(), Some("why"));
        assert_eq!(passages[1].heading, "Why it matters");
        assert_eq!(passages[1].text, "Because x<y.");
        assert_eq!(passages[2].text, "one two");
        assert!(!text.contains('#'));
    }

    #[test]
    fn entities_and_broken_markup_do_not_panic() {
        for html in [
            "&",
            "&#xZZ;",
            "<",
            "<p",
            "a < b",
            "&#1114112;",
            "<h2 id=\"x",
            "é&eacute;",
        ] {
            let _ = html_text(html);
        }
        assert_eq!(html_text("&#233;t&#xE9; &lt;3").0, "été <3");
    }
}
