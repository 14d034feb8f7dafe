//! Who made the road map, `content/roadmap/credit.toml`: its author (and their page), its
//! source and its licence, shown with it on every page and in every widget. It is the
//! publisher's to state, next to the road map's README and LICENSE, not press's.

use std::path::Path;

use sb_model::roadmap::Credit;
use sb_model::Roadmap;
use serde::Deserialize;
use toml::Spanned;

use crate::source::error::ContentError;
use crate::source::fields;
use crate::source::front_matter::Document;

/// The file's name in the road map folder.
pub const FILE: &str = "credit.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CreditFront {
    author: Spanned<String>,
    author_url: Spanned<String>,
    source_url: Spanned<String>,
    license: Spanned<String>,
}

/// Reads `credit.toml`.
pub fn load(file: &Path, text: &str) -> Result<Credit, Vec<ContentError>> {
    let doc = Document::whole_toml(text);
    let front: CreditFront = crate::source::front_matter::parse(file, &doc).map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    let mut keep =
        |r: Result<String, ContentError>| r.map_err(|e| errors.push(e)).unwrap_or_default();
    let credit = Credit {
        author: keep(fields::non_empty(file, &doc, "author", &front.author)),
        author_url: keep(fields::web_url(file, &doc, "author_url", &front.author_url)),
        source_url: keep(fields::web_url(file, &doc, "source_url", &front.source_url)),
        license: keep(fields::non_empty(file, &doc, "license", &front.license)),
    };
    if errors.is_empty() {
        Ok(credit)
    } else {
        Err(errors)
    }
}

/// Gives the road map its credit; resources the README says are "by [me](…)" are by its author.
pub fn apply(roadmap: &mut Roadmap, credit: Credit) {
    for r in &mut roadmap.resources {
        if r.author
            .as_deref()
            .is_some_and(|a| a.eq_ignore_ascii_case("me"))
        {
            r.author = Some(credit.author.clone());
        }
    }
    roadmap.credit = credit;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_credit_and_names_bad_fields_on_their_line() {
        let ok = load(
            Path::new("credit.toml"),
            "author = \"A\"\nauthor_url = \"https://a.example\"\nsource_url = \"https://s.example\"\nlicense = \"MIT\"\n",
        )
        .unwrap();
        assert_eq!((ok.author.as_str(), ok.license.as_str()), ("A", "MIT"));
        let errors = load(
            Path::new("credit.toml"),
            "author = \"\"\nauthor_url = \"a.example\"\nsource_url = \"https://s.example\"\nlicense = \"MIT\"\n",
        )
        .unwrap_err();
        let at: Vec<_> = errors
            .iter()
            .map(|e| (e.line, e.field.clone().unwrap()))
            .collect();
        assert_eq!(
            at,
            [(1, "author".to_string()), (2, "author_url".to_string())]
        );
    }
}
