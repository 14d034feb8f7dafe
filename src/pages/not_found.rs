//! The page for any address the site does not have.

use crate::components::link::Link;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <Title text="Page not found" />
        <section class="not-found">
            <p class="section-label">"404"</p>
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address. It may have moved, or the link may be mistyped."</p>
            <ul>
                <li><Link href="/">"Home"</Link></li>
                <li><Link href="/articles">"All articles"</Link></li>
                <li><Link href="/weekly">"Weekly reading lists"</Link></li>
                <li><Link href="/roadmap">"The ML Road Map"</Link></li>
                <li><Link href="/about">"About the newsletter"</Link></li>
            </ul>
        </section>
    }
}
