//! The index of weekly reading lists, newest first.

use leptos::prelude::*;
use leptos_meta::Title;
use crate::components::link::Link;

use crate::api;
use crate::components::article_card::DateTime;
use crate::components::loaded::Loaded;
use crate::components::pager::Pager;
use crate::pages::articles::page_param;

#[component]
pub fn WeeksPage() -> impl IntoView {
    let page = page_param();
    let index = LocalResource::new(move || api::weeks_page(page()));
    view! {
        <Title text="Weekly reading lists" />
        <h1>"Weekly reading lists"</h1>
        <p class="lead">"What is worth your time in ML engineering each week, with our take on each."</p>
        <Loaded
            resource=index
            render=|index| {
                let (page, total_pages) = (index.page, index.total_pages);
                view! {
                    <div class="card-list">
                        {index
                            .items
                            .into_iter()
                            .map(|w| {
                                view! {
                                    <article class="card">
                                        <h2 class="card-title">
                                            <Link href=format!("/weekly/{}", w.slug)>{w.title.clone()}</Link>
                                        </h2>
                                        <p class="meta">
                                            <DateTime date=w.date />
                                            {format!(" · {} resources", w.entry_count)}
                                        </p>
                                        <p class="card-summary">{w.summary.clone()}</p>
                                    </article>
                                }
                            })
                            .collect_view()}
                    </div>
                    <Pager base="/weekly" page total_pages />
                }
            }
        />
    }
}
