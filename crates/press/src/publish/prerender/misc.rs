//! The pages with little data of their own: home (`src/pages/home.rs`), about (`about.rs`),
//! unlock (a static explanation: keys are handled by the app alone), and the not-found pages
//! (`not_found.rs`), the site's and the widgets'.

use sb_model::paths::{self, page};
use sb_model::text::escape_html;
use sb_model::SiteConfig;

use super::cards::{article_card, week_card};
use super::shell::{channel_links, external};
use super::{link, Page};
use crate::content::Site;

/// How many older articles the home page lists under the latest one (as in the app).
const MORE_ARTICLES: usize = 4;

fn subscribe(config: &SiteConfig) -> String {
    format!(
        "<a class=\"button button-primary\" href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
        escape_html(&config.subscribe_url),
        escape_html(&config.subscribe_label)
    )
}

pub fn home(site: &Site) -> Page {
    let c = &site.config;
    let latest = site.articles.first().map_or_else(
        || "<p>The first article is on its way.</p>".to_string(),
        |a| article_card(&a.meta, true, true),
    );
    let week = site.weeks.first().map_or_else(
        || "<p>The first list is on its way.</p>".to_string(),
        |w| week_card(&w.meta, true),
    );
    let page_size = c.page_size.max(1) as usize;
    let more: String = site
        .articles
        .iter()
        .take(page_size)
        .skip(1)
        .take(MORE_ARTICLES)
        .map(|a| article_card(&a.meta, false, true))
        .collect();
    let h = &c.home;
    let roadmap_summary = if h.roadmap_html.is_empty() {
        String::new()
    } else {
        // Rendered from Markdown and sanitized by press.
        format!("<p class=\"card-summary\">{}</p>", h.roadmap_html)
    };
    let main = format!(
        "<section class=\"hero\"><h1>{}</h1><p class=\"lead\">{}</p>{}</section>\
         <div class=\"home-grid\"><section class=\"home-latest\" aria-labelledby=\"latest-article\"><h2 id=\"latest-article\" class=\"section-label\">Latest article</h2>{latest}</section>\
         <section class=\"home-week\" aria-labelledby=\"latest-week\"><h2 id=\"latest-week\" class=\"section-label\">This week&#39;s reading</h2>{week}</section></div>\
         <section class=\"home-roadmap card\" aria-labelledby=\"home-roadmap\"><h2 id=\"home-roadmap\" class=\"card-title\">{}</h2>\
         {roadmap_summary}<p>{}</p></section>\
         <section class=\"home-more\" aria-labelledby=\"more-articles\"><h2 id=\"more-articles\" class=\"section-label\">Recent articles</h2><div class=\"card-list\">{more}</div><p>{}</p></section>",
        escape_html(&h.title),
        h.intro_html,
        subscribe(c),
        escape_html(&h.roadmap_title),
        link(&page::roadmap(), "", "Explore the road map →"),
        link(&page::articles(), "", "All articles →"),
    );
    Page::new(
        page::relative(&page::home()),
        h.title.clone(),
        &c.description,
    )
    .data([paths::articles_page(1), paths::weeks_page(1)])
    .main(main)
    .on_request(false)
}

pub fn about(c: &SiteConfig) -> Page {
    let a = &c.about;
    // Offer texts are rendered from Markdown and sanitized by press.
    let offers = if a.offers.is_empty() {
        String::new()
    } else {
        let items: String = a
            .offers
            .iter()
            .map(|o| match &o.link {
                Some(l) => format!(
                    "<dt>{}</dt><dd>{} {}.</dd>",
                    escape_html(&o.title),
                    o.text_html,
                    link(&l.path, "", &l.label)
                ),
                None => format!("<dt>{}</dt><dd>{}</dd>", escape_html(&o.title), o.text_html),
            })
            .collect();
        format!(
            "<h2>{}</h2><dl class=\"offers\">{items}</dl>",
            escape_html(&a.offers_title)
        )
    };
    let main = format!(
        "<article class=\"about\"><h1>{}</h1><p class=\"lead\">{}</p>{offers}\
         <h2>Who writes it</h2><p class=\"author-line\"><strong>{}</strong>{}</p><div class=\"prose\">{}</div>\
         <h2>Join in</h2><ul class=\"join\"><li>{} for the weekly article and list in your inbox.</li><li>{}.</li>{}</ul>\
         <p class=\"sign-off\">{}</p></article>",
        escape_html(&a.title),
        a.lead_html,
        escape_html(&c.author.name),
        escape_html(&format!(", {}", c.author.role)),
        // Rendered from Markdown and sanitized by press.
        c.author.bio_html,
        external(&c.subscribe_url, &c.subscribe_label),
        external(&c.chat_url, &c.chat_label),
        channel_links(c),
        escape_html(&c.sign_off),
    );
    Page::new(page::relative(&page::about()), "About", &c.description)
        .main(main)
        .on_request(false)
}

pub fn unlock(c: &SiteConfig) -> Page {
    let main = format!(
        "<article class=\"unlock\"><h1>Unlock paid content</h1>\
         <p class=\"lead\">Subscribers get a personal unlock link by email. Open it, or paste it or the key here, and paid articles and the longer weekly lists open in this browser.</p>\
         <p>Unlocking happens in your browser alone and needs JavaScript: the key never leaves this device.</p>\
         <p>{}</p></article>",
        external(&c.subscribe_url, &c.subscribe_label)
    );
    Page::new(
        page::relative(&page::unlock()),
        "Unlock paid content",
        &c.description,
    )
    .main(main)
}

/// `/offline`: the list of pages kept on this device is the app's (the service worker knows
/// it); without JavaScript nothing is kept, and the page says so.
pub fn offline(c: &SiteConfig) -> Page {
    let main = "<article class=\"page offline-page\"><h1>Available offline</h1>\
         <p class=\"lead\">These pages open on this device without a connection: the ones you read, and the ones you saved. Paid parts stay locked until your key opens them, offline too.</p>\
         <p class=\"loading\">Keeping pages for offline reading needs JavaScript.</p></article>"
        .to_string();
    Page::new(
        page::relative(&page::offline()),
        "Available offline",
        &c.description,
    )
    .main(main)
}

/// `offline.html`: served by the worker for a page it does not hold while the reader is
/// offline. The app then boots (from the worker's cache) and shows that page if its data is
/// kept, or the list of what is. A reader who never used the app has none of it kept: the app
/// cannot start (`html[data-app=failed]`, boot script), and the page says it is not kept.
pub fn offline_fallback(c: &SiteConfig) -> Page {
    let items: String = [
        (page::home(), "Home"),
        (page::offline(), "Pages available offline"),
    ]
    .iter()
    .map(|(to, label)| format!("<li>{}</li>", link(to, "", label)))
    .collect();
    Page::new(super::OFFLINE_FALLBACK, "Offline", &c.description).main(format!(
        "<section class=\"notice notice-offline\"><h1>You're offline</h1>\
         <p class=\"offline-opening\">Opening the copy of this page kept on this device…</p>\
         <p class=\"offline-not-kept\">This page is not kept on this device.</p><ul>{items}</ul></section>"
    ))
}

/// `404.html` and `embed/404.html`.
pub fn not_found(c: &SiteConfig) -> [Page; 2] {
    let items: String = [
        (page::home(), "Home"),
        (page::articles(), "All articles"),
        (page::weekly(), "Weekly reading lists"),
        (page::roadmap(), "The ML Road Map"),
        (page::about(), "About the newsletter"),
    ]
    .iter()
    .map(|(to, label)| format!("<li>{}</li>", link(to, "", label)))
    .collect();
    let site = Page::new("404.html", "Page not found", &c.description).main(format!(
        "<section class=\"not-found\"><p class=\"section-label\">404</p><h1>Page not found</h1>\
         <p>There is nothing at this address. It may have moved, or the link may be mistyped.</p><ul>{items}</ul></section>"
    ));
    let mut widget = Page::new(
        crate::publish::static_pages::EMBED_NOT_FOUND,
        "Widget not found",
        &c.description,
    )
    .main(format!(
        "<div class=\"embed-root widget-not-found\"><h1>This widget does not exist</h1>\
         <p>The page that shows it points at a road map widget this site does not have. Its owner can copy a fresh snippet from the road map page.</p>\
         <p class=\"embed-credit\"><a href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\">Open the ML Road Map ↗</a></p></div>",
        escape_html(&page::url(&c.base_url, &page::roadmap()))
    ));
    widget.chrome = false;
    [site, widget]
}
