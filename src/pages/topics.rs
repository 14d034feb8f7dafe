//! Topic pages: the index of topics (`/topics`) and one topic with its articles, newest first
//! (`/topics/<slug>?page=N` or `/topics/<slug>/page/N`).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use sb_model::paths::page;

use crate::api;
use crate::components::cards::ArticleCard;
use crate::components::index_list::page_param;
use crate::components::link::Link;
use crate::components::loaded::Loaded;
use crate::components::pager::Pager;

#[component]
pub fn TopicsPage() -> impl IntoView {
    let topics = LocalResource::new(api::topics);
    view! {
        <Title text="Topics" />
        <h1>"Topics"</h1>
        <p class="lead">"The subjects the weekly articles cover. Each topic page lists its articles, newest first."</p>
        <Loaded
            resource=topics
            render=|index| {
                view! {
                    <ul class="topic-list">
                        {index
                            .topics
                            .into_iter()
                            .map(|t| {
                                view! {
                                    <li class="card">
                                        <h2 class="card-title">
                                            <Link href=page::topic(&t.slug)>{t.name}</Link>
                                        </h2>
                                        <p class="meta">{format!("{} article{}", t.count, if t.count == 1 { "" } else { "s" })}</p>
                                        <p class="card-summary">{t.description}</p>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
            }
        />
    }
}

#[component]
pub fn TopicPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let page = page_param();
    let topics = LocalResource::new(api::topics);
    let articles = LocalResource::new(move || api::archive_page(Some(slug()), page()));
    view! {
        <Loaded
            resource=topics
            render=move |index| {
                let Some(topic) = index.get(&slug()).cloned() else {
                    return view! {
                        <Title text="Topic not found" />
                        <h1>"Topic not found"</h1>
                        <p>"There is no such topic. " <Link href=page::topics()>"See all topics"</Link> "."</p>
                    }
                    .into_any();
                };
                view! {
                    <Title text=topic.name.clone() />
                    <p class="section-label"><Link href=page::topics()>"Topics"</Link></p>
                    <h1>{topic.name.clone()}</h1>
                    <p class="lead">{topic.description.clone()}</p>
                    <Loaded
                        resource=articles
                        render=move |index| {
                            let base = page::topic(&topic.slug);
                            view! {
                                <div class="card-list">
                                    {index.items.into_iter().map(|article| view! { <ArticleCard article /> }).collect_view()}
                                </div>
                                <Pager base page=index.page total_pages=index.total_pages />
                            }
                        }
                    />
                }
                .into_any()
            }
        />
    }
}
