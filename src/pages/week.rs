//! One week's reading list: the intro, then the entries by section.

use crate::components::link::Link;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use sb_model::WeekEntry;

use crate::api;
use crate::browser;
use crate::components::cards::DateTime;
use crate::components::loaded::Loaded;

#[component]
fn Entry(entry: WeekEntry) -> impl IntoView {
    view! {
        <li class="entry" id=entry.id.clone()>
            <p class="entry-head">
                <span class=format!("badge badge-{}", entry.kind.label().to_lowercase())>
                    {entry.kind.label()}
                </span>
                <a class="entry-title" href=entry.url.clone() rel="noopener noreferrer" target="_blank">
                    {entry.title.clone()}
                </a>
            </p>
            <p class="entry-source">{entry.source.clone()}</p>
            <p class="entry-summary">{entry.summary.clone()}</p>
            {(!entry.commentary_html.is_empty())
                .then(|| view! { <div class="entry-commentary prose" inner_html=entry.commentary_html.clone()></div> })}
        </li>
    }
}

#[component]
pub fn WeekPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let week = LocalResource::new(move || api::week(slug()));
    view! {
        <Loaded
            resource=week
            render=|w| {
                view! {
                    <Title text=w.meta.title.clone() />
                    <article class="week">
                        <header class="article-header">
                            <h1>{w.meta.title.clone()}</h1>
                            <p class="meta">
                                <DateTime date=w.meta.date />
                                {format!(" · {} resources", w.meta.entry_count)}
                            </p>
                        </header>
                        <div class="prose" inner_html=w.intro_html.clone() on:click=browser::follow_in_page_link></div>
                        {w
                            .sections
                            .into_iter()
                            .map(|s| {
                                view! {
                                    <section class="week-section">
                                        <h2>{s.title.clone()}</h2>
                                        <ul class="entries">
                                            {s.entries.into_iter().map(|entry| view! { <Entry entry /> }).collect_view()}
                                        </ul>
                                    </section>
                                }
                            })
                            .collect_view()}
                    </article>
                    <p class="back-link">
                        <Link href="/weekly">"← All weekly lists"</Link>
                    </p>
                }
            }
        />
    }
}
