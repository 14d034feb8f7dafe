//! The list of all topic articles, newest first, one index page at a time (`?page=N`).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api;
use crate::components::article_card::ArticleCard;
use crate::components::loaded::Loaded;
use crate::components::pager::Pager;

/// The `page` query parameter, 1 when absent or malformed.
pub fn page_param() -> impl Fn() -> u32 + Copy {
    let query = use_query_map();
    move || query.read().get("page").and_then(|p| p.parse().ok()).filter(|&p| p >= 1).unwrap_or(1)
}

#[component]
pub fn ArticlesPage() -> impl IntoView {
    let page = page_param();
    let index = LocalResource::new(move || api::articles_page(page()));
    view! {
        <Title text="Articles" />
        <h1>"Articles"</h1>
        <p class="lead">"Every weekly topic article, newest first."</p>
        <Loaded
            resource=index
            render=|index| {
                let (page, total_pages) = (index.page, index.total_pages);
                view! {
                    <div class="card-list">
                        {index.items.into_iter().map(|a| view! { <ArticleCard article=a /> }).collect_view()}
                    </div>
                    <Pager base="/articles" page total_pages />
                }
            }
        />
    }
}
