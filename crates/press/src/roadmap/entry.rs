//! One road-map entry line, `<emoji> [Title](url) by [Author](author-url)` (after the `- `),
//! and the `[Label](url)` lines that may be listed under it.

use sb_model::roadmap::{Prose, ProsePart};
use sb_model::ResourceType;

use super::inline::{self, Inline, Link, Span};
use super::links::{resolve, target, Target};

/// The leading type emoji.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Marker {
    Known(ResourceType),
    /// Something emoji-like that is not a known type (say a corrupted U+FFFD).
    Unknown(String),
    Missing,
}

/// What one entry line says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryLine {
    pub marker: Marker,
    pub title: String,
    /// The links of the title part; empty when they come from a sub-list.
    pub links: Vec<Link>,
    pub author: Option<String>,
    pub author_url: Option<String>,
}

/// `(field, message)` of what was read but not published as written.
pub type Warnings = Vec<(&'static str, String)>;

/// What a top-level bullet of the road map is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// A resource: it has a type emoji, or its title is its http(s) link(s).
    Entry(EntryLine),
    /// Anything else: advice, with no link, in-page links, links to other files of the
    /// repository, or a sentence with a link in it.
    Prose(Prose),
}

/// How relative links are published: against `repo` (the road map repository's file URL,
/// `roadmap_repo` in site.toml) when there is one, otherwise as text with a warning.
#[derive(Debug, Clone, Copy, Default)]
pub struct Linker<'a> {
    pub repo: Option<&'a str>,
}

impl Linker<'_> {
    /// Each link as published: `None` where it becomes text (an in-page anchor, or a relative
    /// link that cannot be resolved, with a warning). A link that must never be published
    /// (`javascript:`, `mailto:`, `//host`…) is an error.
    fn publish(
        &self,
        links: &[Link],
        warnings: &mut Warnings,
    ) -> Result<Vec<Option<Link>>, String> {
        links
            .iter()
            .map(|l| {
                let url = match target(&l.url) {
                    Target::Web => Some(l.url.clone()),
                    Target::Anchor => None,
                    Target::Relative => {
                        let resolved = self.repo.map(|repo| resolve(repo, &l.url));
                        match resolved {
                            Some(Some(url)) => Some(url),
                            Some(None) => {
                                warnings.push(("link", format!(
                                    "the link `{}` (`{}`) leaves the road map's repository; kept as text",
                                    l.label, l.url
                                )));
                                None
                            }
                            None => {
                                warnings.push(("link", format!(
                                    "the link `{}` goes to `{}` in the road map's repository; kept as text \
                                     (set `roadmap_repo` in site.toml to link it)",
                                    l.label, l.url
                                )));
                                None
                            }
                        }
                    }
                    Target::Other => {
                        return Err(format!(
                            "the link `{}` does not go to an http(s) URL (`{}`)",
                            l.label, l.url
                        ))
                    }
                };
                Ok(url.map(|url| Link {
                    label: l.label.clone(),
                    url,
                }))
            })
            .collect()
    }
}

/// Reads the text of a bullet after its list marker; `warnings` gets what was read but not
/// linked.
pub fn parse(body: &str, linker: Linker, warnings: &mut Warnings) -> Result<Item, String> {
    let body = body.trim();
    // The marker is the run of non-ASCII symbols before the first letter, digit, `[` or space.
    let marker_end = body
        .char_indices()
        .find(|&(_, c)| c.is_ascii() || c.is_alphanumeric())
        .map_or(body.len(), |(i, _)| i);
    let (marker, rest) = body.split_at(marker_end);
    let marker = match marker.trim() {
        "" => Marker::Missing,
        m => ResourceType::from_emoji(m)
            .map_or_else(|| Marker::Unknown(m.to_string()), Marker::Known),
    };

    let (title_part, author_part) = match inline::last_by(rest) {
        Some(at) => (&rest[..at], Some(&rest[at + " by ".len()..])),
        None => (rest, None),
    };
    let title = inline::parse(title_part)?;
    let author = author_part.map(inline::parse).transpose()?;
    let web = title.links.iter().any(|l| target(&l.url) == Target::Web);
    let labels: String = title.links.iter().map(|l| l.label.as_str()).collect();
    let only_links = without_spaces(&labels) == without_spaces(&title.text);
    let is_entry = matches!(marker, Marker::Known(_)) || (web && only_links);
    if !is_entry {
        let whole = inline::parse(body)?;
        if web {
            warnings.push((
                "prose",
                "no type emoji and more text than links: published as prose, not as a resource \
                 (start the line with a type emoji to make it one)"
                    .to_string(),
            ));
        }
        let published = linker.publish(&whole.links, warnings)?;
        return Ok(Item::Prose(prose(&whole, &published)));
    }
    if title.text.is_empty() {
        return Err("the entry has no title".to_string());
    }
    let links = linker.publish(&title.links, warnings)?;
    let (author, author_url) = match author {
        Some(a) => {
            let links = linker.publish(&a.links, warnings)?;
            let name = (!a.text.is_empty()).then_some(a.text);
            (name, links.into_iter().flatten().next().map(|l| l.url))
        }
        None => (None, None),
    };

    Ok(Item::Entry(EntryLine {
        marker,
        title: title.text,
        links: links.into_iter().flatten().collect(),
        author,
        author_url,
    }))
}

/// A bullet as prose: its text, split where published links begin and end.
fn prose(inline: &Inline, published: &[Option<Link>]) -> Prose {
    let mut parts: Vec<ProsePart> = Vec::new();
    for span in &inline.spans {
        let (text, url) = match span {
            Span::Text(t) => (t.clone(), None),
            Span::Link(i) => (
                inline.links[*i].label.clone(),
                published[*i].as_ref().map(|l| l.url.clone()),
            ),
        };
        match parts.last_mut() {
            Some(last) if last.url.is_none() && url.is_none() => last.text.push_str(&text),
            _ => parts.push(ProsePart { text, url }),
        }
    }
    for part in &mut parts {
        part.text = squeeze(&part.text);
    }
    if let Some(first) = parts.first_mut() {
        first.text = first.text.trim_start().to_string();
    }
    if let Some(last) = parts.last_mut() {
        last.text = last.text.trim_end().to_string();
    }
    parts.retain(|p| !p.text.is_empty());
    Prose { parts }
}

fn without_spaces(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Runs of whitespace as one space, keeping a space at either end.
fn squeeze(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !c.is_whitespace() {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out
}

/// What an indented list line under an entry holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubLine {
    /// `[Volume 1](url)`: more links of the resource (those that can be published).
    Links(Vec<Link>),
    /// A line without links: more of the entry's note.
    Text(String),
}

/// Reads a sub-list line under an entry (after its `- `).
pub fn parse_sub_line(
    body: &str,
    linker: Linker,
    warnings: &mut Warnings,
) -> Result<SubLine, String> {
    let parsed = inline::parse(body.trim())?;
    if parsed.links.is_empty() {
        return Ok(SubLine::Text(parsed.text));
    }
    let links = linker.publish(&parsed.links, warnings)?;
    Ok(SubLine::Links(links.into_iter().flatten().collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An entry line, read without a repository URL and without warnings.
    fn entry(body: &str) -> Result<EntryLine, String> {
        let mut warnings = Vec::new();
        let item = parse(body, Linker::default(), &mut warnings)?;
        assert!(warnings.is_empty(), "{warnings:?}");
        match item {
            Item::Entry(e) => Ok(e),
            Item::Prose(p) => panic!("read as prose: {p:?}"),
        }
    }

    fn prose_of(body: &str, repo: Option<&str>) -> (Prose, Warnings) {
        let mut warnings = Vec::new();
        match parse(body, Linker { repo }, &mut warnings).unwrap() {
            Item::Prose(p) => (p, warnings),
            Item::Entry(e) => panic!("read as an entry: {e:?}"),
        }
    }

    fn part(text: &str, url: Option<&str>) -> ProsePart {
        ProsePart {
            text: text.into(),
            url: url.map(Into::into),
        }
    }

    #[test]
    fn a_full_entry() {
        let e =
            entry("📚 [CS50](https://cs50.harvard.edu/x/) by [Harvard](https://www.harvard.edu/)")
                .unwrap();
        assert_eq!(e.marker, Marker::Known(ResourceType::Course));
        assert_eq!(e.title, "CS50");
        assert_eq!(e.links[0].url, "https://cs50.harvard.edu/x/");
        assert_eq!(e.author.as_deref(), Some("Harvard"));
        assert_eq!(e.author_url.as_deref(), Some("https://www.harvard.edu/"));
    }

    #[test]
    fn plain_and_missing_authors() {
        let e = entry("📘 [ML for Science](https://ml-science-book.com/) by Christoph Molnar & Timo Freiesleben").unwrap();
        assert_eq!(
            e.author.as_deref(),
            Some("Christoph Molnar & Timo Freiesleben")
        );
        assert_eq!(e.author_url, None);
        let e = entry("🖥️ [Google Colab](https://colab.google/)").unwrap();
        assert_eq!(e.marker, Marker::Known(ResourceType::Compute));
        assert_eq!((e.author, e.author_url), (None, None));
    }

    #[test]
    fn title_text_around_links() {
        let e = entry("📰 Recommended [newsletters](https://a.com/r) by [me](https://x.com/l)")
            .unwrap();
        assert_eq!(e.title, "Recommended newsletters");
        assert_eq!(e.links[0].label, "newsletters");
        let e = entry("📘 System Design Interview by [Alex Xu](https://twitter.com/a)").unwrap();
        assert_eq!(e.title, "System Design Interview");
        assert!(e.links.is_empty());
    }

    #[test]
    fn markers() {
        let e = entry("[Cracking](https://www.amazon.com/x) by Gayle").unwrap();
        assert_eq!(e.marker, Marker::Missing);
        let e = entry("\u{fffd}\u{fffd} [ML Efficiency](https://www.youtube.com/x)").unwrap();
        assert_eq!(e.marker, Marker::Unknown("\u{fffd}\u{fffd}".into()));
        let e = entry("[A](https://a.com) [B](https://b.com)").unwrap();
        assert_eq!((e.marker, e.title.as_str()), (Marker::Missing, "A B"));
    }

    #[test]
    fn unreadable_entries() {
        let read = |body| parse(body, Linker::default(), &mut Vec::new());
        assert!(read("📚 [Broken title(https://x").is_err());
        assert!(read("📚 [Title](javascript:alert(1))")
            .unwrap_err()
            .contains("http(s)"));
        assert!(read("📚").unwrap_err().contains("no title"));
        assert!(read("📚 [T](https://a.com) by [A](mailto:a@b)").is_err());
        // Without an emoji or a web link it would be prose, but a `javascript:` link is never
        // published.
        assert!(read("[Title](javascript:alert(1))")
            .unwrap_err()
            .contains("http(s)"));
    }

    #[test]
    fn bullets_without_a_web_link_are_prose() {
        let (p, warnings) = prose_of(
            "**Take your time.** Machine learning   is a complex field.",
            None,
        );
        assert_eq!(
            p.parts,
            [part(
                "Take your time. Machine learning is a complex field.",
                None
            )]
        );
        assert!(warnings.is_empty());
        // An in-page anchor is text.
        let (p, warnings) = prose_of(
            "I've aggregated [a list](#newsletters) I find helpful.",
            None,
        );
        assert_eq!(p.text(), "I've aggregated a list I find helpful.");
        assert_eq!(p.parts.len(), 1);
        assert!(warnings.is_empty());
        // An unknown marker (not a type) stays in the text.
        assert_eq!(
            prose_of("⭐ Star this repository", None).0.text(),
            "⭐ Star this repository"
        );
        // Markup-looking text is only text: the app escapes it.
        assert_eq!(
            prose_of("<img src=x onerror=alert(1)>", None).0.text(),
            "<img src=x onerror=alert(1)>"
        );
    }

    #[test]
    fn a_sentence_with_a_web_link_is_prose_with_a_warning() {
        let body = "**Everyone needs AI.** I've written more [here](https://a.com/p).";
        let (p, warnings) = prose_of(body, None);
        assert_eq!(
            p.parts,
            [
                part("Everyone needs AI. I've written more ", None),
                part("here", Some("https://a.com/p")),
                part(".", None),
            ]
        );
        assert!(warnings[0].1.contains("type emoji"), "{warnings:?}");
        // With a type emoji it is a resource.
        assert!(matches!(
            parse(&format!("📚 {body}"), Linker::default(), &mut Vec::new()),
            Ok(Item::Entry(_))
        ));
    }

    #[test]
    fn relative_links_resolve_against_the_repository_or_warn() {
        let body = "I've included [a list of people](others.md) for this purpose.";
        let (p, warnings) = prose_of(body, None);
        assert_eq!(
            p.parts,
            [part(
                "I've included a list of people for this purpose.",
                None
            )]
        );
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].1.contains("`others.md`") && warnings[0].1.contains("roadmap_repo"),
            "{:?}",
            warnings[0]
        );

        let repo = Some("https://github.com/o/r/blob/main/");
        let (p, warnings) = prose_of(body, repo);
        assert!(warnings.is_empty());
        assert_eq!(
            p.parts,
            [
                part("I've included ", None),
                part(
                    "a list of people",
                    Some("https://github.com/o/r/blob/main/others.md")
                ),
                part(" for this purpose.", None),
            ]
        );
        let (p, warnings) = prose_of("[**A consumer.**](road_maps/consumer.md) Simple.", repo);
        assert!(warnings.is_empty());
        assert_eq!(
            p.parts[0].url.as_deref(),
            Some("https://github.com/o/r/blob/main/road_maps/consumer.md")
        );
        assert_eq!(p.parts[1].text, " Simple.");
        let (p, warnings) = prose_of("[out](../../x.md)", repo);
        assert_eq!(p.parts, [part("out", None)]);
        assert!(warnings[0].1.contains("leaves"), "{:?}", warnings[0]);

        // In an entry, a relative link is a link of the resource once resolved.
        let mut warnings = Vec::new();
        let Ok(Item::Entry(e)) = parse(
            "📘 [Notes](CS229/lecture_1.md) by Andrew Ng",
            Linker { repo },
            &mut warnings,
        ) else {
            panic!()
        };
        assert_eq!(
            e.links[0].url,
            "https://github.com/o/r/blob/main/CS229/lecture_1.md"
        );
        assert!(warnings.is_empty());
    }

    #[test]
    fn sub_lines() {
        let read = |body| parse_sub_line(body, Linker::default(), &mut Vec::new());
        let SubLine::Links(links) = read("[Volume 1](https://www.amazon.com/v1/)").unwrap() else {
            panic!()
        };
        assert_eq!(links[0].label, "Volume 1");
        assert_eq!(
            read("just **words**").unwrap(),
            SubLine::Text("just words".into())
        );
        assert!(read("[x](javascript:x)").is_err());
    }
}
