//! The publisher's words on the home and About pages, `[home]` and `[about]` in site.toml:
//! the home page's heading, introduction and road-map card, the About page's heading, lead and
//! offers. Text is Markdown (one paragraph each, rendered inline and sanitized), checked like
//! all content with file, line and field. The app and the pre-rendered pages show what
//! `site.json` carries; no newsletter's prose lives in Rust.

use std::path::Path;

use sb_model::paths::page;
use sb_model::site::{AboutText, HomeText, Offer, OfferLink};
use sb_model::text::escape_html;
use serde::Deserialize;
use toml::Spanned;

use crate::render::markdown;
use crate::source::error::ContentError;
use crate::source::fields;
use crate::source::front_matter::Document;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HomeFront {
    /// The hero heading; the tagline when absent.
    title: Option<Spanned<String>>,
    /// Markdown, one paragraph; the description when absent.
    intro: Option<Spanned<String>>,
    /// The road map card's heading; the road map's name when absent.
    roadmap_title: Option<Spanned<String>>,
    /// Markdown, one paragraph.
    roadmap_summary: Option<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AboutFront {
    /// "About <site title>" when absent.
    title: Option<Spanned<String>>,
    /// Markdown, one paragraph; the description when absent.
    lead: Option<Spanned<String>>,
    offers_title: Option<Spanned<String>>,
    #[serde(default)]
    offers: Vec<OfferFront>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OfferFront {
    title: Spanned<String>,
    /// Markdown, one paragraph.
    text: Spanned<String>,
    /// A page of the site (`/articles`), shown after the text with `link_label`.
    link: Option<Spanned<String>>,
    link_label: Option<Spanned<String>>,
}

/// The pages an offer may link to.
fn linkable() -> [String; 8] {
    [
        page::home(),
        page::articles(),
        page::weekly(),
        page::topics(),
        page::roadmap(),
        page::about(),
        page::search(),
        page::unlock(),
    ]
}

/// The site's facts the defaults come from.
pub struct Defaults<'a> {
    pub title: &'a str,
    pub tagline: &'a str,
    pub description: &'a str,
}

struct Reader<'a, 'd> {
    file: &'a Path,
    doc: &'a Document<'d>,
    errors: &'a mut Vec<ContentError>,
}

impl Reader<'_, '_> {
    fn text(&mut self, field: &str, v: &Spanned<String>) -> String {
        fields::non_empty(self.file, self.doc, field, v)
            .map_err(|e| self.errors.push(e))
            .unwrap_or_default()
    }

    /// One paragraph of Markdown as sanitized inline HTML.
    fn inline(&mut self, field: &str, v: &Spanned<String>) -> String {
        let text = self.text(field, v);
        if text.is_empty() {
            return String::new();
        }
        match inline_html(&text) {
            Ok(html) => html,
            Err(why) => {
                self.errors.push(ContentError::new(
                    self.file,
                    fields::line_in_file(self.doc, v.span()),
                    Some(field),
                    why,
                ));
                String::new()
            }
        }
    }
}

/// Renders one paragraph of Markdown and returns what is inside the `<p>`.
pub fn inline_html(markdown: &str) -> Result<String, String> {
    let html = markdown::render(markdown).html;
    let inner = html
        .trim()
        .strip_prefix("<p>")
        .and_then(|h| h.strip_suffix("</p>"))
        .filter(|h| !h.contains("<p>"))
        .ok_or("must be one paragraph of Markdown (text, emphasis, links), not blocks")?;
    Ok(inner.to_string())
}

pub fn home(
    file: &Path,
    doc: &Document<'_>,
    front: Option<&HomeFront>,
    d: &Defaults<'_>,
    errors: &mut Vec<ContentError>,
) -> HomeText {
    let default = HomeFront::default();
    let f = front.unwrap_or(&default);
    let mut r = Reader { file, doc, errors };
    HomeText {
        title: f
            .title
            .as_ref()
            .map_or_else(|| d.tagline.to_string(), |v| r.text("home.title", v)),
        intro_html: f
            .intro
            .as_ref()
            .map_or_else(|| escape_html(d.description), |v| r.inline("home.intro", v)),
        roadmap_title: f.roadmap_title.as_ref().map_or_else(
            || crate::roadmap::TITLE.to_string(),
            |v| r.text("home.roadmap_title", v),
        ),
        roadmap_html: f
            .roadmap_summary
            .as_ref()
            .map_or_else(String::new, |v| r.inline("home.roadmap_summary", v)),
    }
}

pub fn about(
    file: &Path,
    doc: &Document<'_>,
    front: Option<&AboutFront>,
    d: &Defaults<'_>,
    errors: &mut Vec<ContentError>,
) -> AboutText {
    let default = AboutFront::default();
    let f = front.unwrap_or(&default);
    let mut r = Reader { file, doc, errors };
    let offers = f
        .offers
        .iter()
        .map(|o| {
            let link = match (&o.link, &o.link_label) {
                (None, None) => None,
                (Some(path), Some(label)) => {
                    let p = path.get_ref().trim().to_string();
                    let linkable = linkable();
                    if !linkable.contains(&p) {
                        r.errors.push(ContentError::new(
                            file,
                            fields::line_in_file(doc, path.span()),
                            Some("about.offers.link"),
                            format!(
                                "`{p}` is not one of the site's pages: {}",
                                linkable.join(", ")
                            ),
                        ));
                    }
                    Some(OfferLink {
                        path: p,
                        label: r.text("about.offers.link_label", label),
                    })
                }
                (Some(v), None) | (None, Some(v)) => {
                    r.errors.push(ContentError::new(
                        file,
                        fields::line_in_file(doc, v.span()),
                        Some("about.offers"),
                        "`link` and `link_label` go together: give both or neither",
                    ));
                    None
                }
            };
            Offer {
                title: r.text("about.offers.title", &o.title),
                text_html: r.inline("about.offers.text", &o.text),
                link,
            }
        })
        .collect();
    AboutText {
        title: f.title.as_ref().map_or_else(
            || format!("About {}", d.title),
            |v| r.text("about.title", v),
        ),
        lead_html: f
            .lead
            .as_ref()
            .map_or_else(|| escape_html(d.description), |v| r.inline("about.lead", v)),
        offers_title: f
            .offers_title
            .as_ref()
            .map_or_else(String::new, |v| r.text("about.offers_title", v)),
        offers,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_paragraph_of_markdown_renders_inline() {
        assert_eq!(
            inline_html("Read *this* [link](https://e.x)").unwrap(),
            "Read <em>this</em> <a href=\"https://e.x\" rel=\"noopener noreferrer\">link</a>"
        );
        assert!(inline_html("One.\n\nTwo.").is_err());
        assert!(inline_html("# Heading").is_err());
        for hostile in [
            "<script>alert(1)</script>Hi",
            "Hi <img src=x onerror=alert(1)>",
        ] {
            let html = inline_html(hostile).unwrap_or_default();
            assert!(
                !html.contains("script") && !html.contains("onerror"),
                "{html}"
            );
        }
    }

    const SITE: &str = "title = \"T\"\ntagline = \"Tag\"\ndescription = \"Desc & more\"\nbase_url = \"https://e.x/\"\nsubscribe_url = \"https://e.x/s\"\nchat_url = \"https://e.x/c\"\nsign_off = \"Bye\"\n[author]\nname = \"A\"\nrole = \"R\"\nbio = \"B\"\n";

    fn load(extra: &str) -> Result<sb_model::SiteConfig, Vec<ContentError>> {
        crate::content::site_config::load(Path::new("content/site.toml"), &format!("{SITE}{extra}"))
    }

    #[test]
    fn defaults_come_from_the_site_facts() {
        let c = load("").unwrap();
        assert_eq!(c.home.title, "Tag");
        assert_eq!(c.home.intro_html, "Desc &amp; more");
        assert_eq!(c.about.title, "About T");
        assert!(c.about.offers.is_empty());
    }

    #[test]
    fn home_and_about_are_read_and_checked_with_lines() {
        let c = load("[home]\nintro = \"One *week*.\"\n[about]\nlead = \"Lead.\"\n[[about.offers]]\ntitle = \"O\"\ntext = \"Text\"\nlink = \"/weekly\"\nlink_label = \"See\"\n").unwrap();
        assert_eq!(c.home.intro_html, "One <em>week</em>.");
        assert_eq!(c.about.offers[0].link.as_ref().unwrap().path, "/weekly");
        let errors = load("[home]\nintro = \"One.\\n\\nTwo.\"\n[[about.offers]]\ntitle = \"O\"\ntext = \"T\"\nlink = \"/nowhere\"\nlink_label = \"x\"\n").unwrap_err();
        let at: Vec<_> = errors
            .iter()
            .map(|e| (e.line, e.field.clone().unwrap()))
            .collect();
        assert_eq!(
            at,
            [
                (13, "home.intro".to_string()),
                (17, "about.offers.link".to_string())
            ],
            "{errors:?}"
        );
    }
}
