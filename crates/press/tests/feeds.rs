//! The feeds as feed readers see them (parsed by feed-rs): free articles in full, paid ones as
//! their preview and a link to continue, weekly lists as items of their own with their free
//! entries only, and every link and image absolute.

use feed_rs::model::{Entry, Feed};
use sb_press::content::{load, Site};
use sb_press::publish::feeds::{atom, rss};

mod common;
use common::{edited_fixture, sample_content};

/// Both feeds of `site`, parsed, with their file names.
fn parsed(site: &Site) -> [(&'static str, Feed); 2] {
    let parse = |name: &str, xml: String| {
        feed_rs::parser::parse(xml.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}\n{xml}"))
    };
    let (config, articles, weeks) = (&site.config, &site.articles, &site.weeks);
    [
        ("feed.xml", parse("feed.xml", rss(config, articles, weeks))),
        ("atom.xml", parse("atom.xml", atom(config, articles, weeks))),
    ]
}

/// The entry linking to `url`.
fn entry<'f>(name: &str, feed: &'f Feed, url: &str) -> &'f Entry {
    feed.entries
        .iter()
        .find(|e| e.links.iter().any(|l| l.href == url))
        .unwrap_or_else(|| panic!("{name}: no entry for {url}"))
}

/// The HTML an entry carries as its content.
fn content(name: &str, entry: &Entry) -> String {
    entry
        .content
        .as_ref()
        .and_then(|c| c.body.clone())
        .unwrap_or_else(|| panic!("{name}: {:?} has no content", entry.title))
}

/// Text as the sanitizer writes it into HTML.
fn serialized(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn sample() -> Site {
    load(&sample_content()).unwrap()
}

fn article_url(site: &Site, slug: &str) -> String {
    format!("{}articles/{slug}", site.config.base_url)
}

#[test]
fn a_free_articles_item_holds_its_whole_body() {
    let site = sample();
    let slug = "why-memory-bandwidth-matters-more-than-flops";
    let article = site.articles.iter().find(|a| a.meta.slug == slug).unwrap();
    assert!(article.meta.paid.is_none());
    for (name, feed) in parsed(&site) {
        let html = content(name, entry(name, &feed, &article_url(&site, slug)));
        // From the Resources list at the very end of the body.
        assert!(
            html.contains("a readable reference for GPU hardware and software terms"),
            "{name}: {html}"
        );
        assert!(html.contains("<h2 id=\"the-roofline-model\">"), "{name}");
        assert!(html.len() >= article.body_html.len(), "{name}");
    }
}

#[test]
fn a_paid_articles_item_holds_its_preview_and_a_continue_link_but_no_paid_text() {
    let site = sample();
    let previewed = "the-production-ml-incident-playbook";
    let paid_only = "a-worked-budget-for-llm-inference";
    for (name, feed) in parsed(&site) {
        let url = article_url(&site, previewed);
        let html = content(name, entry(name, &feed, &url));
        assert!(
            html.contains("This playbook is the checklist I wish every team had written down"),
            "{name}: {html}"
        );
        assert!(
            html.contains(&format!(
                "This article continues for paid subscribers: <a href=\"{url}\""
            )),
            "{name}: {html}"
        );
        assert!(!html.contains("Declare it early"), "{name}: {html}");

        let url = article_url(&site, paid_only);
        let html = content(name, entry(name, &feed, &url));
        assert!(
            html.contains(&format!(
                "This article is for paid subscribers: <a href=\"{url}\""
            )),
            "{name}: {html}"
        );
        assert!(!html.contains("Every inference budget starts"), "{name}");

        for e in &feed.entries {
            let text = content(name, e).to_lowercase();
            assert!(!text.contains("paid-ref-"), "{name}: {:?}: {text}", e.title);
        }
    }
}

#[test]
fn weekly_lists_are_items_with_their_free_entries_only() {
    let site = sample();
    for (name, feed) in parsed(&site) {
        assert_eq!(
            feed.entries.len(),
            site.articles.len() + site.weeks.len(),
            "{name}"
        );
        let dates: Vec<_> = feed.entries.iter().map(|e| e.published).collect();
        assert!(dates.windows(2).all(|d| d[0] >= d[1]), "{name}: {dates:?}");
        for w in &site.weeks {
            let url = format!("{}weekly/{}", site.config.base_url, w.meta.slug);
            let e = entry(name, &feed, &url);
            assert_eq!(e.title.as_ref().unwrap().content, w.meta.title, "{name}");
            assert!(e.published.is_some(), "{name}");
            let html = content(name, e);
            let free: Vec<_> = w.sections.iter().flat_map(|s| &s.entries).collect();
            for entry in &free {
                assert!(
                    html.contains(&format!(
                        "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
                        entry.url.replace('&', "&amp;"),
                        serialized(&entry.title)
                    )),
                    "{name}: {} missing from {html}",
                    entry.title
                );
                assert!(html.contains(&serialized(&entry.summary)), "{name}");
            }
            let paid: Vec<_> = site
                .paid
                .weeks
                .get(&w.meta.slug)
                .into_iter()
                .flatten()
                .flatten()
                .map(|p| &p.content)
                .collect();
            assert_eq!(paid.len(), w.meta.paid_count as usize);
            for p in &paid {
                assert!(!html.contains(&p.commentary_html), "{name}: {html}");
                if !free.iter().any(|f| f.title == p.title) {
                    assert!(!html.contains(&serialized(&p.title)), "{name}: {html}");
                }
            }
            let counted = match paid.len() {
                0 => !html.contains("more resource"),
                1 => html.contains("1 more resource for paid subscribers"),
                n => html.contains(&format!("{n} more resources for paid subscribers")),
            };
            assert!(counted, "{name}: {html}");
        }
    }
}

#[test]
fn links_and_images_in_items_are_absolute() {
    let site = sample();
    let base = &site.config.base_url;
    for (name, feed) in parsed(&site) {
        let url = article_url(&site, "why-memory-bandwidth-matters-more-than-flops");
        let html = content(name, entry(name, &feed, &url));
        assert!(
            html.contains(&format!("src=\"{base}data/images/roofline.svg\"")),
            "{name}: {html}"
        );
        assert!(
            html.contains(&format!("href=\"{url}#the-roofline-model\"")),
            "{name}"
        );
        let url = article_url(&site, "what-actually-makes-model-serving-fast");
        let html = content(name, entry(name, &feed, &url));
        assert!(
            html.contains(&format!(
                "<img src=\"{base}data/images/serving-batching.svg\""
            )),
            "{name}: the cover: {html}"
        );
        for e in &feed.entries {
            let html = content(name, e);
            for attr in ["href=\"", "src=\""] {
                for (at, _) in html.match_indices(attr) {
                    let value = &html[at + attr.len()..];
                    assert!(
                        ["https://", "http://", "mailto:"]
                            .iter()
                            .any(|s| value.starts_with(s)),
                        "{name}: relative URL in {:?}: {}",
                        e.title,
                        &value[..value.len().min(60)]
                    );
                }
            }
        }
    }
}

#[test]
fn a_cdata_end_and_a_site_link_in_a_body_read_back_intact() {
    let (_dir, content_dir) = edited_fixture(&[(
        "articles/older-article.md",
        "Body.",
        "Body with <img src=\"https://e.x/i.png\" alt=\"x]]>y\"> and a [link](/articles/newer-article).",
    )]);
    let site = load(&content_dir).unwrap();
    for (name, feed) in parsed(&site) {
        let html = content(
            name,
            entry(name, &feed, &article_url(&site, "older-article")),
        );
        assert!(html.contains("alt=\"x]]&gt;y\""), "{name}: {html}");
        assert!(
            html.contains(&format!("href=\"{}\"", article_url(&site, "newer-article"))),
            "{name}: {html}"
        );
    }
}

#[test]
fn control_characters_never_break_a_feed_and_summaries_stay_text() {
    let (_dir, content_dir) = edited_fixture(&[
        (
            "articles/older-article.md",
            "Body.",
            "Body\u{b}with\u{1} controls.",
        ),
        (
            "articles/older-article.md",
            "summary = \"A summary given in the front matter.\"",
            "summary = \"Ctl\\u000B sum <b>bold</b> & more\"",
        ),
    ]);
    let site = load(&content_dir).unwrap();
    // Both feeds parse (feed-rs rejects XML that holds a control character).
    for (name, feed) in parsed(&site) {
        let item = entry(name, &feed, &article_url(&site, "older-article"));
        assert!(content(name, item).contains("Bodywith controls."), "{name}");
    }
    let xml = rss(&site.config, &site.articles, &site.weeks);
    assert!(!xml.contains('\u{b}') && !xml.contains('\u{1}'));
    // RSS reads a description as HTML: the summary's tags must stay text.
    assert!(
        xml.contains("<description>Ctl sum &amp;lt;b&amp;gt;bold&amp;lt;/b&amp;gt; &amp;amp; more</description>"),
        "{xml}"
    );
}
