//! Previous / next links between the pages of an index (`?page=N`).

use crate::components::link::Link;
use leptos::prelude::*;

#[component]
pub fn Pager(
    /// The index's path, with its filter query if any.
    base: String,
    page: u32,
    total_pages: u32,
) -> impl IntoView {
    let join = if base.contains('?') { '&' } else { '?' };
    let link = move |p: u32| {
        if p <= 1 {
            base.clone()
        } else {
            format!("{base}{join}page={p}")
        }
    };
    (total_pages > 1).then(|| {
        view! {
            <nav class="pager" aria-label="Pages">
                {(page > 1).then(|| view! { <Link href=link(page - 1) attr:rel="prev">"← Newer"</Link> })}
                <span class="pager-status">{format!("Page {page} of {total_pages}")}</span>
                {(page < total_pages).then(|| view! { <Link href=link(page + 1) attr:rel="next">"Older →"</Link> })}
            </nav>
        }
    })
}
