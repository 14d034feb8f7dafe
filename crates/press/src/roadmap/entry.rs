//! One road-map entry line, `<emoji> [Title](url) by [Author](author-url)` (after the `- `),
//! and the `[Label](url)` lines that may be listed under it.

use sb_model::ResourceType;

use super::inline::{self, Link};
use super::links::is_http_url;

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

/// Reads the text of an entry line after its list marker.
pub fn parse(body: &str) -> Result<EntryLine, String> {
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
    if title.text.is_empty() {
        return Err("the entry has no title".to_string());
    }
    check_links(&title.links)?;

    let (author, author_url) = match author_part.map(inline::parse).transpose()? {
        Some(a) => {
            check_links(&a.links)?;
            let name = (!a.text.is_empty()).then_some(a.text);
            (name, a.links.into_iter().next().map(|l| l.url))
        }
        None => (None, None),
    };

    Ok(EntryLine {
        marker,
        title: title.text,
        links: title.links,
        author,
        author_url,
    })
}

/// Reads a sub-list line under an entry (`[Volume 1](url)`, after its `- `): its links.
pub fn parse_sub_links(body: &str) -> Result<Vec<Link>, String> {
    let parsed = inline::parse(body.trim())?;
    if parsed.links.is_empty() {
        return Err(format!("`{}` under an entry is not a link", body.trim()));
    }
    check_links(&parsed.links)?;
    Ok(parsed.links)
}

fn check_links(links: &[Link]) -> Result<(), String> {
    match links.iter().find(|l| !is_http_url(&l.url)) {
        Some(bad) => Err(format!(
            "the link `{}` does not go to an http(s) URL (`{}`)",
            bad.label, bad.url
        )),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_entry() {
        let e =
            parse("📚 [CS50](https://cs50.harvard.edu/x/) by [Harvard](https://www.harvard.edu/)")
                .unwrap();
        assert_eq!(e.marker, Marker::Known(ResourceType::Course));
        assert_eq!(e.title, "CS50");
        assert_eq!(e.links[0].url, "https://cs50.harvard.edu/x/");
        assert_eq!(e.author.as_deref(), Some("Harvard"));
        assert_eq!(e.author_url.as_deref(), Some("https://www.harvard.edu/"));
    }

    #[test]
    fn plain_and_missing_authors() {
        let e = parse("📘 [ML for Science](https://ml-science-book.com/) by Christoph Molnar & Timo Freiesleben").unwrap();
        assert_eq!(
            e.author.as_deref(),
            Some("Christoph Molnar & Timo Freiesleben")
        );
        assert_eq!(e.author_url, None);
        let e = parse("🖥️ [Google Colab](https://colab.google/)").unwrap();
        assert_eq!(e.marker, Marker::Known(ResourceType::Compute));
        assert_eq!((e.author, e.author_url), (None, None));
    }

    #[test]
    fn title_text_around_links() {
        let e = parse("📰 Recommended [newsletters](https://a.com/r) by [me](https://x.com/l)")
            .unwrap();
        assert_eq!(e.title, "Recommended newsletters");
        assert_eq!(e.links[0].label, "newsletters");
        let e = parse("📘 System Design Interview by [Alex Xu](https://twitter.com/a)").unwrap();
        assert_eq!(e.title, "System Design Interview");
        assert!(e.links.is_empty());
    }

    #[test]
    fn markers() {
        let e = parse("[Cracking](https://www.amazon.com/x) by Gayle").unwrap();
        assert_eq!(e.marker, Marker::Missing);
        let e = parse("\u{fffd}\u{fffd} [ML Efficiency](https://www.youtube.com/x)").unwrap();
        assert_eq!(e.marker, Marker::Unknown("\u{fffd}\u{fffd}".into()));
        let e = parse("Recommended [x](https://a.com)").unwrap();
        assert_eq!(
            (e.marker, e.title.as_str()),
            (Marker::Missing, "Recommended x")
        );
    }

    #[test]
    fn unreadable_entries() {
        assert!(parse("📚 [Broken title(https://x").is_err());
        assert!(parse("📚 [Title](javascript:alert(1))")
            .unwrap_err()
            .contains("http(s)"));
        assert!(parse("📚").unwrap_err().contains("no title"));
        assert!(parse("📚 [T](https://a.com) by [A](mailto:a@b)").is_err());
    }

    #[test]
    fn sub_links() {
        let links = parse_sub_links("[Volume 1](https://www.amazon.com/v1/)").unwrap();
        assert_eq!(links[0].label, "Volume 1");
        assert!(parse_sub_links("just words").is_err());
    }
}
