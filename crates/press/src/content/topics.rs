//! The topic registry, `content/topics.toml`: the only topics articles may use, with the name
//! and description their pages show.

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::source::error::{ContentError, Problems};
use crate::source::fields;
use crate::source::front_matter::{self, Document};

/// A topic as the publisher wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicDef {
    pub slug: String,
    pub name: String,
    pub description: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicsFile {
    #[serde(default)]
    topics: Vec<TopicFront>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicFront {
    slug: Spanned<String>,
    name: Spanned<String>,
    description: Spanned<String>,
}

/// Reads `topics.toml`, checking that slugs are slugs and unique.
pub fn load(file: &Path, text: &str) -> Result<Vec<TopicDef>, Vec<ContentError>> {
    let doc = Document::whole_toml(text);
    let parsed: TopicsFile = front_matter::parse(file, &doc).map_err(|e| vec![e])?;
    let mut problems = Problems::default();
    let mut out: Vec<TopicDef> = Vec::new();
    for t in &parsed.topics {
        let line = fields::line_in_file(&doc, t.slug.span());
        let slug = t.slug.get_ref().trim().to_string();
        if !sb_model::text::is_slug(&slug) {
            problems.push(ContentError::new(
                file,
                line,
                Some("topics.slug"),
                format!("`{slug}` is not a slug such as `model-serving`"),
            ));
            continue;
        }
        if out.iter().any(|o| o.slug == slug) {
            problems.push(ContentError::new(
                file,
                line,
                Some("topics.slug"),
                format!("topic `{slug}` is listed twice"),
            ));
            continue;
        }
        let name = problems.keep(fields::non_empty(file, &doc, "topics.name", &t.name));
        let description = problems.keep(fields::non_empty(
            file,
            &doc,
            "topics.description",
            &t.description,
        ));
        if let (Some(name), Some(description)) = (name, description) {
            out.push(TopicDef {
                slug,
                name,
                description,
            });
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_and_refuses_bad_or_duplicate_slugs() {
        let ok =
            "[[topics]]\nslug = \"mlops\"\nname = \"MLOps\"\ndescription = \"Running models.\"\n";
        assert_eq!(load(Path::new("topics.toml"), ok).unwrap()[0].name, "MLOps");
        let dup =
            format!("{ok}\n[[topics]]\nslug = \"mlops\"\nname = \"Again\"\ndescription = \"d\"\n");
        let errs = load(Path::new("topics.toml"), &dup).unwrap_err();
        assert_eq!(
            (errs[0].line, errs[0].message.as_str()),
            (7, "topic `mlops` is listed twice")
        );
        let bad = ok.replace("\"mlops\"", "\"ML Ops\"");
        assert!(load(Path::new("topics.toml"), &bad).unwrap_err()[0]
            .message
            .contains("not a slug"));
    }
}
