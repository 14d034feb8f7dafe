//! The page for any address the site does not have.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <Title text="Page not found" />
        <section class="not-found">
            <p class="section-label">"404"</p>
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address. It may have moved, or the link may be mistyped."</p>
            <ul>
                <li><A href="/">"Home"</A></li>
                <li><A href="/articles">"All articles"</A></li>
                <li><A href="/weekly">"Weekly reading lists"</A></li>
                <li><A href="/about">"About the newsletter"</A></li>
            </ul>
        </section>
    }
}
