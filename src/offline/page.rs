//! `/offline`: everything this device can read without a connection, and a way to delete it.
//! A lazily loaded route (its own chunk, kept by the worker like every chunk).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;

use sb_model::offline::Reply;

use super::shelf_view::ShelfView;
use super::worker;

crate::pages::lazy_page!(OfflineRoute, OfflinePage);

#[component]
fn OfflinePage() -> impl IntoView {
    let refresh = RwSignal::new(0u32);
    view! {
        <Title text="Available offline" />
        <article class="page offline-page">
            <h1>"Available offline"</h1>
            <p class="lead">
                "These pages open on this device without a connection: the ones you read, and the ones you saved. Paid parts stay locked until your key opens them, offline too."
            </p>
            {if worker::supported() {
                view! {
                    <ShelfView refresh />
                    <ClearSaved refresh />
                }
                .into_any()
            } else {
                view! {
                    <p class="notice-detail">"This browser cannot keep pages for offline reading."</p>
                }
                .into_any()
            }}
        </article>
    }
}

/// Deletes every page and document kept for offline reading (the app itself stays).
#[component]
pub fn ClearSaved(#[prop(optional)] refresh: Option<RwSignal<u32>>) -> impl IntoView {
    let said = RwSignal::new(String::new());
    let clear = move |_| {
        spawn_local(async move {
            let reply = worker::ask::<Reply>("clear", None).await;
            said.set(match reply {
                Ok(r) if r.ok => "Deleted: nothing is kept offline any more.".to_string(),
                Ok(_) => "Could not delete them: the worker refused.".to_string(),
                Err(why) => format!("Could not delete them: {why}"),
            });
            if let Some(refresh) = refresh {
                refresh.update(|n| *n += 1);
            }
        });
    };
    view! {
        <p>
            <button type="button" class="button" on:click=clear>
                "Delete pages kept for offline"
            </button>
            <span role="status" class="clear-status">{move || said.get()}</span>
        </p>
    }
}
