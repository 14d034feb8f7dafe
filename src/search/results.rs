//! How one search result reads, in the header's list and on the search page: its kind, title
//! and place, and an excerpt with the matched words marked.

use leptos::prelude::*;
use sb_model::search::SearchResult;

/// `text` with the byte ranges of `marks` in `<mark>` (ranges that are out of order or not on
/// character boundaries are skipped, never a panic).
pub fn marked(text: &str, marks: &[(usize, usize)]) -> impl IntoView {
    let mut parts = Vec::new();
    let mut at = 0;
    for &(start, end) in marks {
        let (Some(before), Some(word)) = (text.get(at..start), text.get(start..end)) else {
            continue;
        };
        parts.push(before.to_string().into_any());
        parts.push(view! { <mark>{word.to_string()}</mark> }.into_any());
        at = end;
    }
    parts.push(text.get(at..).unwrap_or_default().to_string().into_any());
    parts
}

/// The body of a result: kind, title, place, excerpt.
#[component]
pub fn ResultBody(result: SearchResult) -> impl IntoView {
    let place = match &result.section {
        Some(section) => format!("{} · {section}", result.place),
        None => result.place.clone(),
    };
    view! {
        <span class="result-head">
            <span class="badge badge-kind">{result.kind.label()}</span>
            {result.local.then(|| view! { <span class="badge badge-paid">"Unlocked"</span> })}
            <span class="result-title">{marked(&result.title, &result.title_marks)}</span>
        </span>
        <span class="result-place">{place}</span>
        <span class="result-excerpt">{marked(&result.excerpt, &result.marks)}</span>
    }
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
