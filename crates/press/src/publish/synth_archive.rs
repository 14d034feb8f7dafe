//! A synthetic archive for the benchmark: the real site with its articles replaced by N
//! generated ones, to show that the archive's first page costs the same at 50 or 5,000.

use sb_model::article::ArticleSummary;
use sb_model::{Article, Date, SCHEMA_VERSION};

use crate::content::Site;

/// Replaces the site's articles by `n` generated ones (newest first), spread over the topics.
pub fn with_synthetic_articles(mut site: Site, n: usize) -> Site {
    let topics: Vec<String> = site.topics.iter().map(|t| t.slug.clone()).collect();
    site.articles = (0..n)
        .map(|i| {
            let back = n - 1 - i; // i = 0 is the newest
            let date = Date::new(2026 - (i / 336) as u16, 12 - ((i / 28) % 12) as u8, 28 - (i % 28) as u8)
                .expect("days 1..=28 exist in every month");
            let topic = topics.get(i % topics.len().max(1)).cloned().into_iter().collect();
            Article {
                schema: SCHEMA_VERSION,
                meta: ArticleSummary {
                    slug: format!("synthetic-article-{back}"),
                    title: format!("Synthetic article number {back} on ML systems"),
                    subtitle: Some("A generated article for the archive benchmark".into()),
                    date,
                    updated: None,
                    topics: topic,
                    reading_minutes: 7,
                    cover: None,
                    paid: None,
                    summary: "A generated summary of about the length the real articles have, so that index pages weigh what they will weigh in production.".into(),
                },
                body_html: "<p>Generated body.</p>".into(),
                paid_body: None,
                toc: vec![],
                previous: None,
                next: None,
            }
        })
        .collect();
    // The benchmark measures index pages; it needs no keyring, so paid units are left out.
    site.paid = Default::default();
    for w in &mut site.weeks {
        w.meta.paid_count = 0;
    }
    site
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_valid_and_descending() {
        let site = crate::content::load(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content"),
        )
        .unwrap();
        let site = with_synthetic_articles(site, 5000);
        assert_eq!(site.articles.len(), 5000);
        assert!(site
            .articles
            .windows(2)
            .all(|w| w[0].meta.date >= w[1].meta.date));
        let mut slugs: Vec<_> = site.articles.iter().map(|a| &a.meta.slug).collect();
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), 5000);
    }
}
