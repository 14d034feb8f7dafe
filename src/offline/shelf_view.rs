//! The pages this device can open without a connection, grouped (articles, weekly lists, the
//! road map, other pages), each a link, saved ones marked. Shown by the `/offline` page and by
//! the message a reader gets offline for a page that was not kept.

use leptos::prelude::*;
use sb_model::offline::{shelf, ListReply, ShelfGroup};

use super::worker;
use crate::components::link::Link;

/// Asks the worker what it holds, as the shelf. A lazily loaded chunk: only a reader who is
/// offline, or opens `/offline`, pays for it.
#[leptos::lazy]
pub async fn load_shelf(base_path: String) -> Result<Vec<ShelfGroup>, String> {
    let reply: ListReply = worker::ask("list", None).await?;
    Ok(shelf(
        &base_path,
        &crate::browser::site_name(),
        &reply.entries,
    ))
}

/// The shelf as lists of links; `nested` when it sits under a page's `h2` (group headings are
/// then `h3`). `refresh` reloads it (after the reader deleted what was kept).
#[component]
pub fn ShelfView(
    #[prop(optional)] nested: bool,
    #[prop(optional)] refresh: Option<RwSignal<u32>>,
) -> impl IntoView {
    let shelf = LocalResource::new(move || {
        if let Some(refresh) = refresh {
            refresh.track();
        }
        load_shelf(crate::browser::base_path())
    });
    move || {
        match shelf.get() {
        None => view! { <p class="loading" role="status">"Looking for saved pages…"</p> }.into_any(),
        Some(Err(why)) => view! {
            <p class="notice-detail">{format!("The list of saved pages is not available: {why}")}</p>
        }
        .into_any(),
        Some(Ok(groups)) if groups.is_empty() => view! {
            <p class="shelf-empty">
                "Nothing is kept on this device yet. Pages you open are kept as you read them; "
                "“Save for offline” on an article or a weekly list keeps it for sure."
            </p>
        }
        .into_any(),
        Some(Ok(groups)) => groups
            .into_iter()
            .map(|group| {
                let heading = group.kind.heading();
                let items = group
                    .items
                    .into_iter()
                    .map(|item| {
                        view! {
                            <li>
                                <Link href=item.path>{item.title}</Link>
                                {item.saved.then(|| view! { <span class="badge">"Saved"</span> })}
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="shelf-group">
                        {if nested {
                            view! { <h3>{heading}</h3> }.into_any()
                        } else {
                            view! { <h2>{heading}</h2> }.into_any()
                        }}
                        <ul class="shelf-list">{items}</ul>
                    </section>
                }
            })
            .collect_view()
            .into_any(),
    }
    }
}
