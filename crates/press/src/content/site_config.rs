//! The site configuration, `content/site.toml`: the newsletter's name, links and author.

use std::path::Path;

use sb_model::site::{Author, Tier, DEFAULT_CHAT_LABEL, DEFAULT_SUBSCRIBE_LABEL};
use sb_model::{SiteConfig, SiteLink, SCHEMA_VERSION};
use serde::Deserialize;
use toml::Spanned;

use crate::content::publisher_text;
use crate::render::markdown;
use crate::source::error::ContentError;
use crate::source::fields;
use crate::source::front_matter::Document;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteFront {
    title: Spanned<String>,
    tagline: Spanned<String>,
    description: Spanned<String>,
    base_url: Spanned<String>,
    subscribe_url: Spanned<String>,
    chat_url: Spanned<String>,
    /// The words of the links to `subscribe_url`; "Subscribe" when absent.
    subscribe_label: Option<Spanned<String>>,
    /// The words of the About page's link to `chat_url`; "Join the community chat" when absent.
    chat_label: Option<Spanned<String>>,
    sign_off: Spanned<String>,
    author: AuthorFront,
    #[serde(default)]
    links: Vec<LinkFront>,
    /// Items per index page; 20 when absent.
    page_size: Option<Spanned<u32>>,
    /// The paid tiers content may be sealed for.
    #[serde(default)]
    tiers: Vec<TierFront>,
    /// The road map repository's file URL its relative links resolve against.
    roadmap_repo: Option<Spanned<String>>,
    /// The home page's words.
    home: Option<publisher_text::HomeFront>,
    /// The About page's words.
    about: Option<publisher_text::AboutFront>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TierFront {
    id: Spanned<String>,
    /// Who it is for: "paid subscribers".
    name: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AuthorFront {
    name: Spanned<String>,
    role: Spanned<String>,
    bio: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LinkFront {
    label: Spanned<String>,
    url: Spanned<String>,
}

/// Reads `site.toml` (plain TOML, no fences).
pub fn load(file: &Path, text: &str) -> Result<SiteConfig, Vec<ContentError>> {
    let doc = Document::whole_toml(text);
    let front: SiteFront = crate::source::front_matter::parse(file, &doc).map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    let mut text_of = |field: &str, v: &Spanned<String>| {
        fields::non_empty(file, &doc, field, v)
            .map_err(|e| errors.push(e))
            .unwrap_or_default()
    };
    let title = text_of("title", &front.title);
    let tagline = text_of("tagline", &front.tagline);
    let description = text_of("description", &front.description);
    let sign_off = text_of("sign_off", &front.sign_off);
    let name = text_of("author.name", &front.author.name);
    let role = text_of("author.role", &front.author.role);
    let bio = text_of("author.bio", &front.author.bio);
    let subscribe_label = front.subscribe_label.as_ref().map_or_else(
        || DEFAULT_SUBSCRIBE_LABEL.to_string(),
        |v| text_of("subscribe_label", v),
    );
    let chat_label = front.chat_label.as_ref().map_or_else(
        || DEFAULT_CHAT_LABEL.to_string(),
        |v| text_of("chat_label", v),
    );
    let mut url_of = |field: &str, v: &Spanned<String>| {
        fields::web_url(file, &doc, field, v)
            .map_err(|e| errors.push(e))
            .unwrap_or_default()
    };
    let mut base_url = url_of("base_url", &front.base_url);
    let subscribe_url = url_of("subscribe_url", &front.subscribe_url);
    let chat_url = url_of("chat_url", &front.chat_url);
    let links: Vec<SiteLink> = front
        .links
        .iter()
        .map(|l| SiteLink {
            label: l.label.get_ref().trim().to_string(),
            url: url_of("links.url", &l.url),
        })
        .collect();
    if !base_url.ends_with('/') {
        base_url.push('/');
    }
    let roadmap_repo = front.roadmap_repo.as_ref().map(|v| {
        let mut url = url_of("roadmap_repo", v);
        if !url.ends_with('/') {
            url.push('/');
        }
        url
    });
    let page_size = match &front.page_size {
        Some(n) if !(1..=500).contains(n.get_ref()) => {
            errors.push(ContentError::new(
                file,
                fields::line_in_file(&doc, n.span()),
                Some("page_size"),
                format!("{} is not between 1 and 500", n.get_ref()),
            ));
            0
        }
        Some(n) => *n.get_ref(),
        None => sb_model::paging::PAGE_SIZE as u32,
    };
    let mut tiers: Vec<Tier> = Vec::new();
    for t in &front.tiers {
        let id = t.id.get_ref().trim().to_string();
        let line = fields::line_in_file(&doc, t.id.span());
        if !sb_model::text::is_slug(&id) {
            errors.push(ContentError::new(
                file,
                line,
                Some("tiers.id"),
                format!("`{id}` is not a slug such as `paid`"),
            ));
        } else if tiers.iter().any(|o| o.id == id) {
            errors.push(ContentError::new(
                file,
                line,
                Some("tiers.id"),
                format!("tier `{id}` is listed twice"),
            ));
        }
        let name = fields::non_empty(file, &doc, "tiers.name", &t.name)
            .map_err(|e| errors.push(e))
            .unwrap_or_default();
        tiers.push(Tier { id, name });
    }
    let defaults = publisher_text::Defaults {
        title: &title,
        tagline: &tagline,
        description: &description,
    };
    let home = publisher_text::home(file, &doc, front.home.as_ref(), &defaults, &mut errors);
    let about = publisher_text::about(file, &doc, front.about.as_ref(), &defaults, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(SiteConfig {
        schema: SCHEMA_VERSION,
        title,
        tagline,
        description,
        base_url,
        author: Author {
            name,
            role,
            bio_html: markdown::render(&bio).html,
        },
        subscribe_url,
        chat_url,
        subscribe_label,
        chat_label,
        sign_off,
        links,
        page_size,
        tiers,
        roadmap_repo,
        home,
        about,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITE: &str = "title = \"T\"\ntagline = \"Tag\"\ndescription = \"D\"\nbase_url = \"https://e.x/\"\nsubscribe_url = \"https://e.x/s\"\nchat_url = \"https://e.x/c\"\nsign_off = \"Bye\"\n";
    const AUTHOR: &str = "[author]\nname = \"A\"\nrole = \"R\"\nbio = \"B\"\n";

    /// `site.toml` with `labels` among the top-level keys (line 8 on).
    fn load_with(labels: &str) -> Result<SiteConfig, Vec<ContentError>> {
        load(
            Path::new("content/site.toml"),
            &format!("{SITE}{labels}{AUTHOR}"),
        )
    }

    #[test]
    fn labels_default_when_absent() {
        let c = load_with("").unwrap();
        assert_eq!(c.subscribe_label, "Subscribe");
        assert_eq!(c.chat_label, "Join the community chat");
    }

    #[test]
    fn labels_are_read_and_trimmed() {
        let c = load_with(
            "subscribe_label = \" Join on Ghost \"\nchat_label = \"Talk to us on <Discord> & more\"\n",
        )
        .unwrap();
        assert_eq!(c.subscribe_label, "Join on Ghost");
        assert_eq!(c.chat_label, "Talk to us on <Discord> & more");
    }

    #[test]
    fn an_empty_label_names_file_line_and_field() {
        let errors = load_with("subscribe_label = \"Go\"\nchat_label = \"  \"\n").unwrap_err();
        let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            text,
            ["content/site.toml:9: field `chat_label`: must not be empty"],
            "{errors:?}"
        );
        let errors = load_with("subscribe_label = \"\"\n").unwrap_err();
        assert_eq!(
            (errors[0].line, errors[0].field.as_deref()),
            (8, Some("subscribe_label")),
            "{errors:?}"
        );
    }

    #[test]
    fn a_label_that_is_not_text_names_file_line_and_field() {
        for (labels, field) in [
            ("subscribe_label = 3\n", "subscribe_label"),
            ("chat_label = [\"Chat\"]\n", "chat_label"),
        ] {
            let errors = load_with(labels).unwrap_err();
            let e = &errors[0];
            assert_eq!((e.line, e.field.as_deref()), (8, Some(field)), "{errors:?}");
            assert!(e.to_string().starts_with("content/site.toml:8:"), "{e}");
            assert!(e.to_string().contains("string"), "{e}");
        }
    }
}
