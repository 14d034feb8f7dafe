//! `/search` as the app renders it before any results (`src/search/page.rs`): its heading and
//! form, so a shared search link gets a real page, and the form works as a plain GET.

use sb_model::paths::page;
use sb_model::SiteConfig;

use super::{link, Page};

pub fn page(c: &SiteConfig) -> Page {
    let main = format!(
        "<section class=\"search-page\"><h1>Search</h1>\
         <form role=\"search\" aria-label=\"Search page\" class=\"search-form\" action=\"search\" method=\"get\">\
         <p><label for=\"search-page-q\">Words to find</label>\
         <input id=\"search-page-q\" type=\"search\" name=\"q\" autocomplete=\"off\"></p></form>\
         <p class=\"search-count\">Search runs in your browser and needs JavaScript. Without it, {}, {} and {} list everything.</p>\
         </section>",
        link(&page::articles(), "", "the articles"),
        link(&page::weekly(), "", "the weekly lists"),
        link(&page::roadmap(), "", "the road map"),
    );
    Page::new(page::relative(&page::search()), "Search", &c.description).main(main)
}

/// The header's search field: a plain form until the app makes it a combobox
/// (`src/search/search_box.rs`), the same size, so nothing moves when it does.
pub fn header_form() -> &'static str {
    "<form class=\"site-search\" role=\"search\" aria-label=\"Site\" action=\"search\" method=\"get\">\
     <label class=\"sr-only\" for=\"site-search\">Search the site</label>\
     <input id=\"site-search\" type=\"search\" name=\"q\" placeholder=\"Search  /\" autocomplete=\"off\" spellcheck=\"false\">\
     </form>"
}
