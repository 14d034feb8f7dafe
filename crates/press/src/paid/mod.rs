//! Paid content between reading and writing: the plaintext of every paid unit, kept apart from
//! the documents (which hold only free parts) until [`seal_documents`] seals it into them. Feeds,
//! HTML entries and sitemaps are written from the documents, so they cannot carry paid text.
//! With it: the keyring ([`keyring`]) and the sealing of one unit ([`seal`]).
//!
//! `content` splits paid units off while loading and `publish` seals them, so this folder sits
//! below both and depends only on `source` and `sb_model`.

pub mod keyring;
pub mod seal;

use std::collections::HashMap;
use std::path::Path;

use sb_model::paywall::{self, PaidBody, ARTICLE_BODY_SLOT};
use sb_model::{Article, Date, Week, WeekEntry};
use serde::Serialize;
use toml::Spanned;

use crate::source::error::{BuildError, ContentError};
use crate::source::fields;
use crate::source::front_matter::Document;
use keyring::Keyring;
use seal::seal;

/// One paid unit's plaintext and the tier it is for.
#[derive(Debug, Clone)]
pub struct PaidPart<T> {
    pub tier: String,
    pub content: T,
}

/// Every paid unit of a site, by document slug.
#[derive(Debug, Default)]
pub struct PaidContent {
    pub articles: HashMap<String, PaidPart<PaidBody>>,
    /// Per week, per section, the paid entries in order.
    pub weeks: HashMap<String, Vec<Vec<PaidPart<WeekEntry>>>>,
}

impl PaidContent {
    /// How many units there are to seal.
    pub fn units(&self) -> usize {
        self.articles.len() + self.weeks.values().flatten().flatten().count()
    }

    /// The tiers in use, sorted.
    pub fn tiers(&self) -> Vec<&str> {
        let mut tiers: Vec<&str> = self
            .articles
            .values()
            .map(|p| p.tier.as_str())
            .chain(
                self.weeks
                    .values()
                    .flatten()
                    .flatten()
                    .map(|p| p.tier.as_str()),
            )
            .collect();
        tiers.sort_unstable();
        tiers.dedup();
        tiers
    }
}

/// A `tier = "…"` value: a slug, and one the site declares when it declares tiers.
pub fn check_tier(
    file: &Path,
    doc: &Document<'_>,
    tier: &Spanned<String>,
    known: Option<&[String]>,
) -> Result<String, ContentError> {
    let id = tier.get_ref().trim();
    let line = fields::line_in_file(doc, tier.span());
    match known {
        Some(known) if !known.iter().any(|k| k == id) => Err(ContentError::new(
            file,
            line,
            Some("tier"),
            if known.is_empty() {
                format!("unknown tier `{id}`: declare it in site.toml as [[tiers]] id = \"{id}\"")
            } else {
                format!(
                    "unknown tier `{id}`: site.toml declares {}",
                    known
                        .iter()
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            },
        )),
        _ if !sb_model::text::is_slug(id) => Err(ContentError::new(
            file,
            line,
            Some("tier"),
            format!("`{id}` is not a tier slug such as `paid`"),
        )),
        _ => Ok(id.to_string()),
    }
}

fn json<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("the model's types always serialize")
}

/// Copies of the documents with every paid unit sealed into its slot. Each unit is sealed with
/// its tier's key for the document's date (see [`Keyring::sealing_key`]).
pub fn seal_documents(
    articles: &[Article],
    weeks: &[Week],
    paid: &PaidContent,
    keyring: Option<&Keyring>,
) -> Result<(Vec<Article>, Vec<Week>), BuildError> {
    if paid.units() == 0 {
        check_sealed(articles, weeks)?;
        return Ok((articles.to_vec(), weeks.to_vec()));
    }
    let Some(keyring) = keyring else {
        return Err(BuildError::Keyring(format!(
            "the content has {} paid unit(s) for tier(s) {} but no keyring was given: pass \
             --keyring <file> or set {} (create one with `press keyring create`)",
            paid.units(),
            paid.tiers().join(", "),
            crate::paid::keyring::ENV
        )));
    };
    let key_for = |tier: &str, date: Date| {
        keyring.sealing_key(tier, date).ok_or_else(|| {
            BuildError::Keyring(format!(
                "{} has no key for tier `{tier}`: run `press keyring add --tier {tier}`",
                keyring.path.display()
            ))
        })
    };
    let mut sealed_articles = articles.to_vec();
    for a in &mut sealed_articles {
        if let Some(part) = paid.articles.get(&a.meta.slug) {
            let key = key_for(&part.tier, a.meta.date)?;
            let doc = paywall::article_doc(&a.meta.slug);
            a.paid_body = Some(seal(
                &key.key,
                &doc,
                ARTICLE_BODY_SLOT,
                &json(&part.content),
            ));
        }
    }
    let mut sealed_weeks = weeks.to_vec();
    for w in &mut sealed_weeks {
        let Some(sections) = paid.weeks.get(&w.meta.slug) else {
            continue;
        };
        let doc = paywall::week_doc(&w.meta.slug);
        for (i, (section, parts)) in w.sections.iter_mut().zip(sections).enumerate() {
            section.paid = parts
                .iter()
                .enumerate()
                .map(|(j, part)| {
                    let key = key_for(&part.tier, w.meta.date)?;
                    let slot = paywall::week_entry_slot(i, j);
                    Ok(seal(&key.key, &doc, &slot, &json(&part.content)))
                })
                .collect::<Result<_, BuildError>>()?;
        }
    }
    check_sealed(&sealed_articles, &sealed_weeks)?;
    Ok((sealed_articles, sealed_weeks))
}

/// The last guard before writing: every document marked paid carries sealed units, and only
/// those do. A mismatch (which the loaders should make impossible) stops the build rather than
/// publish a paid part in clear or drop it.
fn check_sealed(articles: &[Article], weeks: &[Week]) -> Result<(), BuildError> {
    let mut problems = Vec::new();
    for a in articles {
        if a.meta.paid.is_some() != a.paid_body.is_some() {
            problems.push(ContentError::new(
                &Path::new("articles").join(format!("{}.md", a.meta.slug)),
                1,
                Some("tier"),
                format!(
                    "article `{}`: {}",
                    a.meta.slug,
                    if a.paid_body.is_none() {
                        "marked paid but nothing of it was sealed"
                    } else {
                        "sealed but not marked paid"
                    }
                ),
            ));
        }
    }
    for w in weeks {
        let sealed: usize = w.sections.iter().map(|s| s.paid.len()).sum();
        if sealed != w.meta.paid_count as usize {
            problems.push(ContentError::new(
                &Path::new("weeks").join(format!("{}.md", w.meta.slug)),
                1,
                Some("tier"),
                format!(
                    "week `{}`: {} paid entries but {sealed} sealed",
                    w.meta.slug, w.meta.paid_count
                ),
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(BuildError::Content(problems))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sb_model::article::PaidAccess;
    use sb_model::{ArticleSummary, SCHEMA_VERSION};

    #[test]
    fn a_document_marked_paid_with_nothing_to_seal_stops_the_build() {
        let article = Article {
            schema: SCHEMA_VERSION,
            meta: ArticleSummary {
                slug: "a".into(),
                title: "A".into(),
                subtitle: None,
                date: Date::parse("2026-11-20").unwrap(),
                updated: None,
                topics: vec![],
                reading_minutes: 1,
                summary: "S.".into(),
                cover: None,
                paid: Some(PaidAccess {
                    tier: "paid".into(),
                    preview: true,
                }),
            },
            body_html: "<p>all of it</p>".into(),
            paid_body: None,
            toc: vec![],
            previous: None,
            next: None,
        };
        let err = seal_documents(&[article], &[], &PaidContent::default(), None).unwrap_err();
        assert!(
            err.to_string()
                .contains("article `a`: marked paid but nothing of it was sealed"),
            "{err}"
        );
    }
}
