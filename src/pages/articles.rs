//! The archive: all topic articles, newest first, one index page at a time (`?page=N`), and
//! filterable by topic (`?topic=<slug>`).

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use sb_model::paths::{app_href, page};

use crate::api;
use crate::browser;
use crate::components::cards::ArticleCard;
use crate::components::index_list::IndexList;
use crate::components::link::Link;

#[component]
pub fn ArticlesPage() -> impl IntoView {
    let query = use_query_map();
    let topic = move || {
        query
            .read()
            .get("topic")
            .filter(|t| sb_model::text::is_slug(t))
    };
    let topics = LocalResource::new(api::topics);
    let navigate = use_navigate();
    let choose = move |ev| {
        let slug = event_target_value(&ev);
        let base = app_href(&browser::base_path(), &page::articles());
        navigate(
            &if slug.is_empty() {
                base
            } else {
                format!("{base}?topic={slug}")
            },
            Default::default(),
        );
    };
    view! {
        <IndexList
            title="Articles"
            lead="Every weekly topic article, newest first."
            base=Signal::derive(move || match topic() {
                Some(t) => format!("{}?topic={t}", page::articles()),
                None => page::articles(),
            })
            fetch=move |page| api::archive_page(topic(), page)
            item=|article| view! { <ArticleCard article /> }
        >
            <label class="filter topic-filter">
                <span>"Topic"</span>
                <select on:change=choose>
                    <option value="" selected=move || topic().is_none()>"All topics"</option>
                    {move || {
                        topics
                            .get()
                            .and_then(Result::ok)
                            .map(|index| {
                                index
                                    .topics
                                    .into_iter()
                                    .map(|t| {
                                        let slug = t.slug.clone();
                                        view! {
                                            <option value=t.slug.clone() selected=move || topic().as_deref() == Some(slug.as_str())>
                                                {format!("{} ({})", t.name, t.count)}
                                            </option>
                                        }
                                    })
                                    .collect_view()
                            })
                    }}
                </select>
            </label>
            <p class="topics-link">
                <Link href=page::topics()>"Browse all topics"</Link>
            </p>
        </IndexList>
    }
}
