//! A paged index page (all articles, all weeks): heading, lead, the cards of page `?page=N`
//! (or `…/page/N`), and the pager.

use std::future::Future;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use sb_model::IndexPage;

use crate::api::ApiError;
use crate::components::loaded::Loaded;
use crate::components::pager::Pager;

/// The index page number: from the path (`…/page/<n>`, the pre-rendered pages' links) or the
/// `page` query parameter; 1 when absent or malformed.
pub fn page_param() -> impl Fn() -> u32 + Copy {
    let query = use_query_map();
    let params = use_params_map();
    move || {
        params
            .read()
            .get("n")
            .or_else(|| query.read().get("page"))
            .and_then(|p| p.parse().ok())
            .filter(|&p| p >= 1)
            .unwrap_or(1)
    }
}

#[component]
pub fn IndexList<T, Fetch, Fut, R, V>(
    title: &'static str,
    lead: &'static str,
    /// Controls shown between the lead and the list (a filter).
    #[prop(optional)]
    children: Option<Children>,
    /// The page's own path (and filter query), for the pager's links.
    base: Signal<String>,
    /// Loads one index page (it may read other reactive state, such as a filter).
    fetch: Fetch,
    /// Renders one item as a card.
    item: R,
) -> impl IntoView
where
    T: Clone + 'static,
    Fetch: Fn(u32) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<IndexPage<T>, ApiError>> + 'static,
    R: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let page = page_param();
    let index = LocalResource::new(move || fetch(page()));
    let render = move |index: IndexPage<T>| {
        let (page, total_pages) = (index.page, index.total_pages);
        view! {
            <div class="card-list">{index.items.into_iter().map(item.clone()).collect_view()}</div>
            <Pager base=base.get() page total_pages />
        }
    };
    view! {
        <Title text=title />
        <h1>{title}</h1>
        <p class="lead">{lead}</p>
        {children.map(|c| c())}
        <Loaded resource=index render />
    }
}
