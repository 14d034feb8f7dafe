//! The pre-rendered pages: every entry `press pages` writes holds its page's real content (free
//! parts only), its own head tags and the preload of the JSON the app fetches there, inside the
//! one `#sb-prerendered` wrapper the app removes when it takes over.

use std::fs;
use std::path::Path;

use sb_model::text::escape_html;
use sb_press::content::{load, Site};
use sb_press::publish::static_pages::{route_paths, write_all};

mod common;
use common::{files_under, sample_content};

const TEMPLATE: &str = "<!DOCTYPE html><html><head><base href=\"/\"><title>Society's Backend</title>\n<meta name=\"description\" content=\"Site description\">\n</head>\n<body>\n  <noscript>needs JavaScript</noscript>\n</body>\n</html>";

fn built() -> (tempfile::TempDir, Site) {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("index.html"), TEMPLATE).unwrap();
    let site = load(&sample_content()).unwrap();
    write_all(&site, dir.path()).unwrap();
    (dir, site)
}

fn page(dir: &Path, path: &str) -> String {
    let file = if path.is_empty() {
        dir.join("index.html")
    } else {
        dir.join(path).join("index.html")
    };
    fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}

/// What is inside `<main>`.
fn main_of(html: &str) -> &str {
    let start = html
        .find("<main id=\"main\" tabindex=\"-1\">")
        .expect("a main");
    let end = html.rfind("</main>").expect("main closes");
    &html[start..end]
}

#[test]
fn every_entry_is_one_prerendered_wrapper_with_its_own_head() {
    let (dir, site) = built();
    let base = &site.config.base_url;
    for path in route_paths(&site) {
        let html = page(dir.path(), &path);
        let body = &html[html.find("<body>").unwrap() + 6..html.find("</body>").unwrap()];
        assert!(
            body.trim().starts_with("<div id=\"sb-prerendered\""),
            "/{path}"
        );
        assert!(body.trim().ends_with("</div>"), "/{path}");
        assert_eq!(html.matches("id=\"sb-prerendered\"").count(), 1, "/{path}");
        assert_eq!(html.matches("<main").count(), 1, "/{path}");
        assert_eq!(html.matches("<h1").count(), 1, "/{path}");
        assert!(!html.contains("<noscript"), "/{path}");
        assert_eq!(html.matches("<title>").count(), 1, "/{path}");
        assert!(
            !html.contains("Site description"),
            "/{path}: its own description"
        );
        let url = escape_html(&format!("{base}{path}"));
        assert!(
            html.contains(&format!("<link rel=\"canonical\" href=\"{url}\">")),
            "/{path}"
        );
        assert!(
            html.contains(&format!("<meta property=\"og:url\" content=\"{url}\">")),
            "/{path}"
        );
        assert!(html.contains("<meta name=\"twitter:card\""), "/{path}");
        assert!(html.contains(&data_link(&html, "site.json")), "/{path}");
        let embed = path.starts_with("embed/");
        assert_eq!(html.contains("class=\"site-header\""), !embed, "/{path}");
        assert_eq!(html.contains("class=\"skip-link\""), !embed, "/{path}");
    }
}

/// How a page names a data document its app reads: preloaded where the app starts at once, an
/// alternate (never fetched by the page itself) on a reading page, where it comes on request.
fn data_link(html: &str, data: &str) -> String {
    if html.contains("data-app=\"on-request\"") {
        format!("<link rel=\"alternate\" type=\"application/json\" href=\"data/{data}\">")
    } else {
        format!("<link rel=\"preload\" as=\"fetch\" crossorigin fetchpriority=\"low\" href=\"data/{data}\">")
    }
}

#[test]
fn reading_pages_start_the_app_on_request_and_the_app_pages_at_once() {
    let (dir, site) = built();
    let free = site
        .articles
        .iter()
        .find(|a| a.meta.paid.is_none())
        .unwrap();
    let paid = site
        .articles
        .iter()
        .find(|a| a.meta.paid.is_some())
        .unwrap();
    // The wrapper's opening tag, for the failure message.
    let opening = |html: &str| {
        let wrapper = &html[html.find("<div id=\"sb-prerendered\"").unwrap()..];
        wrapper[..=wrapper.find('>').unwrap()].to_string()
    };
    for path in [
        String::new(),
        "about".into(),
        "articles".into(),
        "weekly".into(),
        "topics".into(),
        "topics/hardware".into(),
        format!("articles/{}", free.meta.slug),
    ] {
        let html = page(dir.path(), &path);
        assert!(
            html.contains("<div id=\"sb-prerendered\" data-app=\"on-request\">"),
            "/{path} is a reading page: {}",
            opening(&html)
        );
        assert!(
            !html.contains("rel=\"preload\""),
            "/{path} fetches no data for an app that may not come"
        );
    }
    let html = page(dir.path(), &format!("articles/{}", paid.meta.slug));
    assert!(
        html.contains("<div id=\"sb-prerendered\" data-app=\"on-request\" data-sealed>"),
        "a paid article says it holds sealed units (a key holder's app opens them at once)"
    );
    let week = site.weeks.iter().find(|w| w.meta.paid_count > 0).unwrap();
    let html = page(dir.path(), &format!("weekly/{}", week.meta.slug));
    assert!(
        html.contains("<div id=\"sb-prerendered\" data-app=\"on-request\" data-sealed>"),
        "a week with paid entries: {}",
        opening(&html)
    );
    for path in ["roadmap", "search", "unlock", "offline", "embed/roadmap"] {
        let html = page(dir.path(), path);
        assert!(
            html.contains("<div id=\"sb-prerendered\">"),
            "/{path} is the app's to run: {}",
            opening(&html)
        );
    }
}

#[test]
fn each_route_names_the_json_the_app_fetches_there() {
    let (dir, site) = built();
    let a = &site.articles[0].meta.slug;
    let w = &site.weeks[0].meta.slug;
    for (path, data) in [
        ("", "articles/page-1.json"),
        ("", "weeks/page-1.json"),
        ("articles", "articles/page-1.json"),
        ("articles/page/2", "articles/page-2.json"),
        (
            &format!("articles/{a}") as &str,
            &format!("articles/{a}.json") as &str,
        ),
        ("weekly", "weeks/page-1.json"),
        (&format!("weekly/{w}"), &format!("weeks/{w}.json")),
        ("topics", "topics.json"),
        ("topics/hardware", "topics/hardware/page-1.json"),
        ("roadmap", "roadmap.json"),
        ("embed/roadmap", "roadmap.json"),
    ] {
        let html = page(dir.path(), path);
        assert!(
            html.contains(&data_link(&html, data)),
            "/{path} names {data}"
        );
    }
}

#[test]
fn pages_hold_their_content_and_link_on() {
    let (dir, site) = built();
    let title = |a: &sb_model::Article| escape_html(&a.meta.title);
    // Home: the latest article, the latest week, more articles.
    let home = page(dir.path(), "");
    assert!(home.contains(
        "<title>The engineering behind real-world machine learning · Society&#39;s Backend</title>"
    ));
    assert!(main_of(&home).contains(&title(&site.articles[0])));
    assert!(main_of(&home).contains(&escape_html(&site.weeks[0].meta.title)));
    assert!(main_of(&home).contains(&format!("href=\"articles/{}\"", site.articles[1].meta.slug)));
    // The archive: four a page, the rest on page 2, linked both ways.
    let (first, second) = (
        page(dir.path(), "articles"),
        page(dir.path(), "articles/page/2"),
    );
    for (i, a) in site.articles.iter().enumerate() {
        let (on, off) = if i < 4 {
            (&first, &second)
        } else {
            (&second, &first)
        };
        assert!(
            main_of(on).contains(&title(a)) && !main_of(off).contains(&format!(">{}<", title(a))),
            "{}",
            a.meta.slug
        );
    }
    assert!(first.contains("<a href=\"articles/page/2\" rel=\"next\">Older →</a>"));
    assert!(second.contains("<a href=\"articles\" rel=\"prev\">← Newer</a>"));
    // An article: title, table of contents, free body, previous / next.
    let a = site
        .articles
        .iter()
        .find(|a| a.meta.paid.is_none() && a.toc.len() >= 3)
        .unwrap();
    let html = page(dir.path(), &format!("articles/{}", a.meta.slug));
    assert!(html.contains(&format!(
        "<title>{} · Society&#39;s Backend</title>",
        title(a)
    )));
    assert!(html.contains("<meta property=\"og:type\" content=\"article\">"));
    assert!(main_of(&html).contains(&format!("<h1>{}</h1>", title(a))));
    assert!(main_of(&html).contains(&format!(
        "<a href=\"articles/{}#{}\">",
        a.meta.slug, a.toc[0].id
    )));
    assert!(main_of(&html).contains(
        &a.body_html
            .replace("href=\"#", &format!("href=\"articles/{}#", a.meta.slug))
    ));
    let neighbour = a.previous.as_ref().or(a.next.as_ref()).unwrap();
    assert!(main_of(&html).contains(&format!("href=\"articles/{}\"", neighbour.slug)));
    // A week: every free entry, and the count of the paid ones.
    for w in &site.weeks {
        let html = page(dir.path(), &format!("weekly/{}", w.meta.slug));
        for e in w.sections.iter().flat_map(|s| &s.entries) {
            assert!(
                main_of(&html).contains(&format!(">{}</a>", escape_html(&e.title))),
                "{}",
                e.title
            );
        }
        assert_eq!(
            w.meta.paid_count > 0,
            html.contains("more resources for paid subscribers."),
            "{}",
            w.meta.slug
        );
    }
    // Topics and a topic.
    let topics = page(dir.path(), "topics");
    assert!(site
        .topics
        .iter()
        .all(|t| topics.contains(&format!("href=\"topics/{}\"", t.slug))));
    let hardware = page(dir.path(), "topics/hardware");
    let tagged: Vec<_> = site
        .articles
        .iter()
        .filter(|a| a.meta.topics.iter().any(|t| t == "hardware"))
        .collect();
    assert!(tagged
        .iter()
        .take(4)
        .all(|a| main_of(&hardware).contains(&title(a))));
    // About, unlock, 404s.
    assert!(main_of(&page(dir.path(), "about")).contains(&escape_html(&site.config.author.name)));
    assert!(main_of(&page(dir.path(), "unlock")).contains("Unlock paid content"));
    let not_found = fs::read_to_string(dir.path().join("404.html")).unwrap();
    assert!(main_of(&not_found).contains("Page not found"));
    assert!(not_found.contains("<meta name=\"robots\" content=\"noindex\">"));
    assert!(
        !not_found.contains("rel=\"canonical\""),
        "a 404 answers for any address"
    );
    // Offline: the list page says it needs JavaScript; the worker's fallback names no address
    // (it answers, offline, for any page not kept) and links home and to the list.
    let offline_list = page(dir.path(), "offline");
    let offline_list = main_of(&offline_list);
    assert!(
        offline_list.contains("Available offline") && offline_list.contains("needs JavaScript")
    );
    let fallback = fs::read_to_string(dir.path().join("offline.html")).unwrap();
    assert!(main_of(&fallback).contains("You're offline"));
    assert!(main_of(&fallback).contains("href=\"offline\""));
    assert!(fallback.contains("<meta name=\"robots\" content=\"noindex\">"));
    assert!(!fallback.contains("rel=\"canonical\""));
    let widget_404 = fs::read_to_string(dir.path().join("embed/404.html")).unwrap();
    assert!(
        main_of(&widget_404).contains("This widget does not exist")
            && !widget_404.contains("site-header")
    );
}

#[test]
fn a_paid_article_shows_its_preview_and_the_locked_notice() {
    let (dir, site) = built();
    for a in site.articles.iter().filter(|a| a.meta.paid.is_some()) {
        let html = page(dir.path(), &format!("articles/{}", a.meta.slug));
        assert!(
            main_of(&html).contains("class=\"paywall\""),
            "{}",
            a.meta.slug
        );
        assert!(
            main_of(&html).contains("for paid subscribers."),
            "{}",
            a.meta.slug
        );
        assert!(main_of(&html).contains("href=\"unlock\" class=\"button\">I have a key</a>"));
    }
}

#[test]
fn the_road_map_lists_every_resource_with_its_links() {
    let (dir, site) = built();
    let roadmap = site.roadmap.as_ref().unwrap();
    let entries = roadmap.entries().count();
    assert_eq!(entries, 72);
    for path in ["roadmap", "roadmap/fundamentals", "embed/roadmap"] {
        let html = page(dir.path(), path);
        assert_eq!(
            html.matches("class=\"tree-row tree-entry").count(),
            entries,
            "/{path}"
        );
        for r in &roadmap.resources {
            assert!(
                html.contains(&format!("href=\"{}\"", escape_html(&r.links[0].url))),
                "/{path}: {}",
                r.id
            );
        }
        for s in &roadmap.sections {
            assert!(
                html.contains(&format!(">{}</span>", escape_html(&s.title))),
                "/{path}: {}",
                s.id
            );
        }
    }
    let one = page(dir.path(), "embed/roadmap/fundamentals");
    let fundamentals = roadmap.section("fundamentals").unwrap();
    assert_eq!(
        one.matches("class=\"tree-row tree-entry").count(),
        roadmap
            .entries()
            .filter(|(s, _)| s.id == fundamentals.id)
            .count()
    );
    assert!(
        !one.contains("class=\"permalink\""),
        "a widget links out only in new tabs"
    );
}

#[test]
fn no_entry_holds_paid_text_and_writing_twice_changes_nothing() {
    let (dir, site) = built();
    let before: Vec<(std::path::PathBuf, Vec<u8>)> = files_under(dir.path())
        .into_iter()
        .map(|f| (f.clone(), fs::read(&f).unwrap()))
        .collect();
    for (file, bytes) in &before {
        let text = String::from_utf8_lossy(bytes).to_lowercase();
        assert!(!text.contains("paid-ref-"), "{}", file.display());
    }
    write_all(&site, dir.path()).unwrap();
    for (file, bytes) in &before {
        assert_eq!(&fs::read(file).unwrap(), bytes, "{}", file.display());
    }
}

#[test]
fn every_index_page_has_its_own_entry_linked_by_the_pager() {
    let (dir, content) = common::edited_fixture(&[
        (
            "site.toml",
            "title = \"Fixture Site\"",
            "title = \"Fixture Site\"\npage_size = 1",
        ),
        (
            "articles/older-article.md",
            "title = \"Older article\"",
            "title = \"Older article\"\ntopics = [\"model-serving\"]",
        ),
    ]);
    let out = dir.path().join("dist");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("index.html"), TEMPLATE).unwrap();
    write_all(&load(&content).unwrap(), &out).unwrap();
    for (base, second) in [
        ("articles", "Older article"),
        ("topics/model-serving", "Older article"),
    ] {
        let first = page(&out, base);
        assert!(
            first.contains(&format!("<a href=\"{base}/page/2\" rel=\"next\">")),
            "{base}"
        );
        let two = page(&out, &format!("{base}/page/2"));
        assert!(main_of(&two).contains(&format!(">{second}</a>")), "{base}");
        assert!(
            two.contains(&format!("<a href=\"{base}\" rel=\"prev\">")),
            "{base}"
        );
        assert!(!out.join(base).join("page/3").exists(), "{base}");
    }
}

#[test]
fn the_sample_labels_read_as_before() {
    let (dir, site) = built();
    assert_eq!(site.config.subscribe_label, "Subscribe on Substack");
    let home = page(dir.path(), "");
    assert!(
        main_of(&home).contains("rel=\"noopener noreferrer\">Subscribe on Substack</a>"),
        "{home}"
    );
    let about = page(dir.path(), "about");
    assert!(main_of(&about).contains(
        ">Subscribe on Substack</a> for the weekly article and list in your inbox.</li>"
    ));
    assert!(main_of(&about).contains(">Join the community chat in the Substack app</a>.</li>"));
}

#[test]
fn custom_labels_reach_site_json_and_the_prerendered_pages_escaped() {
    let (subscribe, chat) = ("Join on <Ghost> & \"more\"", "Our <b>Discord</b>");
    let (dir, content) = common::edited_fixture(&[(
        "site.toml",
        "sign_off = \"Bye\"",
        "sign_off = \"Bye\"\nsubscribe_label = \"Join on <Ghost> & \\\"more\\\"\"\nchat_label = \"Our <b>Discord</b>\"",
    )]);
    let data = dir.path().join("data");
    common::build(&content, &data).unwrap();
    let json = common::read_json(&data.join("site.json"));
    assert_eq!(json["subscribe_label"], subscribe);
    assert_eq!(json["chat_label"], chat);
    let out = dir.path().join("dist");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("index.html"), TEMPLATE).unwrap();
    write_all(&load(&content).unwrap(), &out).unwrap();
    let subscribe_link = format!(
        "href=\"https://example.com/subscribe\" rel=\"noopener noreferrer\">{}</a>",
        escape_html(subscribe)
    );
    let home = page(&out, "");
    assert!(main_of(&home).contains(&subscribe_link), "{home}");
    let about = page(&out, "about");
    let about = main_of(&about);
    assert!(
        about.contains(&format!(
            "{subscribe_link} for the weekly article and list in your inbox.</li>"
        )),
        "{about}"
    );
    assert!(
        about.contains(&format!(
            "href=\"https://example.com/chat\" rel=\"noopener noreferrer\">{}</a>.</li>",
            escape_html(chat)
        )),
        "{about}"
    );
    assert!(
        main_of(&page(&out, "unlock")).contains(&subscribe_link),
        "the unlock page too"
    );
    for html in [&home, &page(&out, "about")] {
        assert!(!html.contains("<Ghost>") && !html.contains("<b>Discord"));
        assert!(!html.contains("Substack"));
    }
}

#[test]
fn without_labels_the_pages_say_subscribe_and_join_the_community_chat() {
    let (dir, content) = common::edited_fixture(&[]);
    let out = dir.path().join("dist");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("index.html"), TEMPLATE).unwrap();
    write_all(&load(&content).unwrap(), &out).unwrap();
    assert!(main_of(&page(&out, "")).contains("rel=\"noopener noreferrer\">Subscribe</a>"));
    let about = page(&out, "about");
    assert!(main_of(&about).contains(">Subscribe</a> for the weekly article"));
    assert!(main_of(&about).contains(">Join the community chat</a>.</li>"));
    assert!(!about.contains("Substack"));
}
