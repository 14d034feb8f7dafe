//! How a search result reads, in the header's list and on the search page: its kind, title and
//! place, and an excerpt with the matched words marked. Written as HTML by the search chunk
//! (every text escaped), so the main bundle carries no view code for results: the box and the
//! page insert it and handle clicks once, on the list.

use sb_model::search::SearchResult;
use sb_model::text::escape_html as escape;

/// Where the results go: the header's listbox, or the search page's list of links.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    #[default]
    Options,
    Links,
}

/// The id of the header listbox's option `i`.
pub fn option_id(i: usize) -> String {
    format!("site-search-option-{i}")
}

/// "3 results", "no results", "8+ results": what the count says.
pub fn count_text(n: usize, more: bool) -> String {
    match (n, more) {
        (0, _) => "No results".to_string(),
        (1, false) => "1 result".to_string(),
        (n, false) => format!("{n} results"),
        (n, true) => format!("{n}+ results"),
    }
}

/// The results as list items: options (`data-index` says which) or links under `base`.
pub fn results_html(results: &[SearchResult], layout: Layout, base: &str) -> String {
    let mut out = String::new();
    for (i, r) in results.iter().enumerate() {
        let body = result_html(r);
        match layout {
            Layout::Options => out.push_str(&format!(
                "<li role=\"option\" id=\"{}\" class=\"search-option\" aria-selected=\"false\" data-index=\"{i}\">{body}</li>",
                option_id(i)
            )),
            Layout::Links => out.push_str(&format!(
                "<li class=\"search-result\"><a href=\"{}\">{body}</a></li>",
                escape(&sb_model::paths::app_href(base, &r.url))
            )),
        }
    }
    out
}

fn result_html(r: &SearchResult) -> String {
    let place = match &r.section {
        Some(section) => format!("{} · {section}", r.place),
        None => r.place.clone(),
    };
    format!(
        "<span class=\"result-head\"><span class=\"badge badge-kind\">{}</span>{}<span class=\"result-title\" dir=\"auto\">{}</span></span>\
         <span class=\"result-place\" dir=\"auto\">{}</span><span class=\"result-excerpt\" dir=\"auto\">{}</span>",
        r.kind.label(),
        if r.local {
            "<span class=\"badge badge-paid\">Unlocked</span>"
        } else {
            ""
        },
        marked(&r.title, &r.title_marks),
        escape(&place),
        marked(&r.excerpt, &r.marks),
    )
}

/// `text` escaped, with the byte ranges of `marks` in `<mark>` (ranges out of order or off
/// character boundaries are skipped, never a panic).
fn marked(text: &str, marks: &[(usize, usize)]) -> String {
    let mut out = String::new();
    let mut at = 0;
    for &(start, end) in marks {
        let (Some(before), Some(word)) = (text.get(at..start), text.get(start..end)) else {
            continue;
        };
        out.push_str(&escape(before));
        out.push_str(&format!("<mark>{}</mark>", escape(word)));
        at = end;
    }
    out.push_str(&escape(text.get(at..).unwrap_or_default()));
    out
}
