//! The page for any address the site does not have. Decided by the address, not by the HTTP
//! status (hosts answer 404 with a copy of the app): under `/embed/` it is a widget-only error
//! with no site chrome and no link that would navigate the frame.

use crate::browser;
use crate::components::link::Link;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;
use sb_model::embed::is_embed_path;
use sb_model::paths::page;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let path = use_location().pathname.get_untracked();
    if is_embed_path(&browser::base_path(), &path) {
        return view! { <WidgetNotFound /> }.into_any();
    }
    view! {
        <Title text="Page not found" />
        <section class="not-found">
            <p class="section-label">"404"</p>
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address. It may have moved, or the link may be mistyped."</p>
            <ul>
                <li><Link href="/">"Home"</Link></li>
                <li><Link href=page::articles()>"All articles"</Link></li>
                <li><Link href=page::weekly()>"Weekly reading lists"</Link></li>
                <li><Link href=page::roadmap()>"The ML Road Map"</Link></li>
                <li><Link href=page::about()>"About the newsletter"</Link></li>
            </ul>
        </section>
    }
    .into_any()
}

/// An unknown widget address, inside someone else's page: say so, sized like a widget; the only
/// link opens a new tab.
#[component]
fn WidgetNotFound() -> impl IntoView {
    browser::prepare_embed(None);
    view! {
        <Title text="Widget not found" />
        <div class="embed-root widget-not-found">
            <h1>"This widget does not exist"</h1>
            <p>"The page that shows it points at a road map widget this site does not have. Its owner can copy a fresh snippet from the road map page."</p>
            <p class="embed-credit">
                <a href=browser::absolute_url(&page::roadmap()) target="_blank" rel="noopener noreferrer">"Open the ML Road Map ↗"</a>
            </p>
        </div>
    }
}
