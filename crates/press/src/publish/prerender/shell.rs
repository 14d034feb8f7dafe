//! The shell around every pre-rendered page, as `src/components/shell.rs` renders it: skip
//! link, header with the site name, navigation and theme switch, `<main>`, footer.

use sb_model::paths::page;
use sb_model::text::escape_html;
use sb_model::SiteConfig;

use super::{href, link};

/// The main navigation: page and label.
fn nav() -> [(String, &'static str); 5] {
    [
        (page::home(), "Home"),
        (page::articles(), "Articles"),
        (page::weekly(), "Weekly"),
        (page::roadmap(), "Road Map"),
        (page::about(), "About"),
    ]
}

/// Skip link, header, `<main>` holding `main`, footer; `<main>` alone without `chrome`.
pub fn wrap(config: &SiteConfig, path: &str, main: &str, chrome: bool) -> String {
    let main = format!("<main id=\"main\" tabindex=\"-1\">{main}</main>");
    if !chrome {
        return main;
    }
    format!("{}{main}{}", header(config, path), footer(config))
}

fn header(config: &SiteConfig, path: &str) -> String {
    let here = format!("/{path}");
    let home = page::home();
    let nav: String = nav()
        .iter()
        .map(|(to, label)| {
            // The router's rule: home only on an exact match, others on their path and below.
            let current = if *to == home {
                here == home
            } else {
                here == *to || here.starts_with(&format!("{to}/"))
            };
            link(
                to,
                if current {
                    " aria-current=\"page\""
                } else {
                    ""
                },
                label,
            )
        })
        .collect();
    format!(
        "<a class=\"skip-link\" href=\"{}#main\">Skip to content</a>\
         <header class=\"site-header\"><div class=\"header-inner\">{}\
         <nav aria-label=\"Main\" class=\"main-nav\">{nav}</nav>{}\
         <button class=\"theme-toggle\" type=\"button\" aria-label=\"Switch to dark theme\" title=\"Switch to dark theme\"><span aria-hidden=\"true\">☾</span></button>\
         </div></header>",
        escape_html(&href(&here)),
        link(&home, " class=\"brand\"", &config.title),
        super::search::header_form(),
    )
}

/// The author's channels, as list items (`ChannelLinks`).
pub fn channel_links(config: &SiteConfig) -> String {
    config
        .links
        .iter()
        .map(|l| external(&l.url, &l.label))
        .map(|a| format!("<li>{a}</li>"))
        .collect()
}

/// A link out of the site.
pub fn external(url: &str, text: &str) -> String {
    format!(
        "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
        escape_html(url),
        escape_html(text)
    )
}

fn footer(c: &SiteConfig) -> String {
    format!(
        "<footer class=\"site-footer\"><div class=\"footer-inner\">\
         <p class=\"sign-off\">{}</p>\
         <ul class=\"footer-links\" aria-label=\"Newsletter\"><li>{}</li><li>{}</li><li>{}</li><li>{}</li>{}</ul>\
         <p class=\"copyright\">{}</p></div></footer>",
        escape_html(&c.sign_off),
        external(&c.subscribe_url, "Subscribe"),
        external(&c.chat_url, "Community chat"),
        link(&page::unlock(), "", "Subscriber key"),
        link(&page::offline(), "", "Read offline"),
        channel_links(c),
        escape_html(&format!("© {} · {}", c.author.name, c.title)),
    )
}
