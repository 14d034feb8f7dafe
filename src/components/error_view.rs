//! What a reader sees when a document could not be loaded: what went wrong, and a way out
//! (retry, or back to the home page when the thing does not exist), and a page title that says
//! so (a page that failed to load sets none of its own).

use crate::components::link::Link;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::ApiError;
use crate::offline::shelf_view::ShelfView;

#[component]
pub fn ErrorView(
    error: ApiError,
    #[prop(into)] on_retry: Callback<()>,
    /// The error is all the page shows (an article that failed): its heading is the page's h1.
    #[prop(optional)]
    whole_page: bool,
) -> impl IntoView {
    let heading = move |text: &'static str| {
        if whole_page {
            view! { <h1>{text}</h1> }.into_any()
        } else {
            view! { <h2>{text}</h2> }.into_any()
        }
    };
    if error.is_not_found() {
        return view! {
            <Title text="Not found" />
            <section class="notice" role="alert">
                {heading("We couldn't find that")}
                <p>"It may have moved or never existed. " <Link href="/">"Go to the home page"</Link> "."</p>
                <p class="notice-detail">{error.to_string()}</p>
            </section>
        }
        .into_any();
    }
    if matches!(error, ApiError::Network { .. }) && crate::browser::is_offline() {
        return view! {
            <Title text="You're offline" />
            <section class="notice notice-offline" role="alert">
                {heading("You're offline")}
                <p>
                    "This page was not kept on this device, so it cannot open without a connection. "
                    "These pages can:"
                </p>
                <ShelfView nested=!whole_page />
                <button class="button" on:click=move |_| on_retry.run(())>"Try again"</button>
            </section>
        }
        .into_any();
    }
    view! {
        <Title text="Something went wrong" />
        <section class="notice notice-error" role="alert">
            {heading("Something went wrong while loading this")}
            <p>"The rest of the site still works. You can try again, or come back in a moment."</p>
            <p class="notice-detail">{error.to_string()}</p>
            <button class="button" on:click=move |_| on_retry.run(())>"Try again"</button>
        </section>
    }
    .into_any()
}
