//! Feeds, sitemap, robots.txt and article entries, checked the way their readers see them:
//! the feeds parsed by a real feed parser (feed-rs).

use std::fs;

use sb_press::content::load;
use sb_press::publish::static_pages::write_all;

mod common;
use common::sample_content;

fn built() -> (tempfile::TempDir, sb_press::content::Site) {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("index.html"),
        "<!DOCTYPE html><html><head><title>Society's Backend</title>\n<meta name=\"description\" content=\"Site description\">\n</head><body></body></html>",
    )
    .unwrap();
    let site = load(&sample_content()).unwrap();
    write_all(&site, dir.path()).unwrap();
    (dir, site)
}

#[test]
fn rss_and_atom_parse_with_every_article_and_week_newest_first() {
    let (dir, site) = built();
    for name in ["feed.xml", "atom.xml"] {
        let bytes = fs::read(dir.path().join(name)).unwrap();
        let feed = feed_rs::parser::parse(&bytes[..]).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            feed.entries.len(),
            site.articles.len() + site.weeks.len(),
            "{name}"
        );
        let first = &feed.entries[0];
        assert_eq!(
            first.title.as_ref().unwrap().content,
            site.articles[0].meta.title,
            "{name}"
        );
        assert_eq!(
            first.links[0].href,
            format!(
                "{}articles/{}",
                site.config.base_url, site.articles[0].meta.slug
            )
        );
        assert!(first.published.is_some(), "{name}");
        assert!(!first.categories.is_empty(), "{name}");
    }
}

#[test]
fn sitemap_and_robots_list_the_pages() {
    let (dir, site) = built();
    let sitemap = fs::read_to_string(dir.path().join("sitemap.xml")).unwrap();
    for a in &site.articles {
        assert!(sitemap.contains(&format!(
            "{}articles/{}</loc>",
            site.config.base_url, a.meta.slug
        )));
    }
    assert!(sitemap.contains("roadmap</loc>") && sitemap.contains("topics/hardware</loc>"));
    let robots = fs::read_to_string(dir.path().join("robots.txt")).unwrap();
    assert!(
        robots.contains(&format!("Sitemap: {}sitemap.xml", site.config.base_url)),
        "{robots}"
    );
}

#[test]
fn each_article_has_an_entry_with_its_own_social_tags() {
    let (dir, site) = built();
    let a = &site.articles[0];
    let html = fs::read_to_string(
        dir.path()
            .join("articles")
            .join(&a.meta.slug)
            .join("index.html"),
    )
    .unwrap();
    assert!(
        html.contains(&format!(
            "<title>{} · Society&#39;s Backend</title>",
            a.meta.title
        )),
        "{html}"
    );
    assert!(
        html.contains(&format!(
            "<meta property=\"og:title\" content=\"{}\">",
            a.meta.title
        )),
        "{html}"
    );
    assert!(
        html.contains("<link rel=\"canonical\" href=\"https://societysbackend.com/articles/"),
        "{html}"
    );
    assert!(
        !html.contains("Site description"),
        "the description is the article's"
    );
    assert_eq!(html.matches("<title>").count(), 1);
}

#[test]
fn hostile_titles_are_escaped_in_feeds_and_entries() {
    let (dir, content) = common::edited_fixture(&[(
        "articles/older-article.md",
        "title = \"Older article\"",
        "title = \"<script>alert(1)</script> & co\"",
    )]);
    let out = dir.path().join("dist");
    fs::create_dir_all(&out).unwrap();
    fs::write(
        out.join("index.html"),
        "<html><head><title>x</title></head><body></body></html>",
    )
    .unwrap();
    write_all(&load(&content).unwrap(), &out).unwrap();
    // The article's own page, and the pre-rendered pages that list or link it.
    for f in [
        "feed.xml",
        "atom.xml",
        "articles/older-article/index.html",
        "index.html",
        "articles/index.html",
        "articles/newer-article/index.html",
    ] {
        let text = fs::read_to_string(out.join(f)).unwrap();
        assert!(!text.contains("<script>alert"), "{f}: {text}");
        assert!(
            text.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"),
            "{f}"
        );
    }
    feed_rs::parser::parse(&fs::read(out.join("feed.xml")).unwrap()[..]).unwrap();
}

/// Hosts answer 404 for any path without a file, so every page the app routes needs an entry:
/// each article, topic, week, road-map section and resource permalink, and the widget routes.
#[test]
fn every_routed_page_has_an_entry_and_nothing_else_does() {
    let (dir, site) = built();
    let entry = |p: &str| dir.path().join(p).join("index.html");
    let roadmap = site.roadmap.as_ref().expect("the sample has a road map");
    let mut expected = vec![
        "articles".to_string(),
        "topics".into(),
        "weekly".into(),
        "about".into(),
        "unlock".into(),
        "offline".into(),
        "roadmap".into(),
        "embed/roadmap".into(),
    ];
    expected.extend(
        site.articles
            .iter()
            .map(|a| format!("articles/{}", a.meta.slug)),
    );
    expected.extend(site.topics.iter().map(|t| format!("topics/{}", t.slug)));
    expected.extend(site.weeks.iter().map(|w| format!("weekly/{}", w.meta.slug)));
    for s in &roadmap.sections {
        expected.push(format!("roadmap/{}", s.id));
        expected.push(format!("embed/roadmap/{}", s.id));
    }
    expected.extend(
        roadmap
            .entries()
            .map(|(s, e)| format!("roadmap/{}/{}", s.id, e.resource)),
    );
    for p in &expected {
        assert!(entry(p).is_file(), "no entry for /{p}");
    }
    assert!(dir.path().join("embed/404.html").is_file());
    for missing in [
        "articles/no-such-article",
        "roadmap/no-such-section",
        "embed/x",
        "nope",
    ] {
        assert!(!entry(missing).exists(), "/{missing} must stay a 404");
    }
    // Every page after the first of a paged index has its own entry (the sample has 8
    // articles, 4 a page), and no page beyond the last.
    assert!(entry("articles/page/2").is_file());
    assert!(!entry("articles/page/3").exists() && !entry("articles/page/1").exists());
    let about = fs::read_to_string(entry("about")).unwrap();
    assert!(about.contains("<title>About · Society&#39;s Backend</title>"));
}
