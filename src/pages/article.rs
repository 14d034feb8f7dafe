//! One topic article, read in full.

use crate::components::link::Link;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api;
use crate::browser;
use crate::components::cards::{ArticleMeta, DateTime};
use crate::components::loaded::Loaded;
use crate::pages::article_extras::{PrevNext, ShareLinks, TableOfContents};

#[component]
pub fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let article = LocalResource::new(move || api::article(slug()));
    view! {
        <Loaded
            resource=article
            render=|a| {
                let meta = a.meta.clone();
                view! {
                    <Title text=meta.title.clone() />
                    <article class="article">
                        <header class="article-header">
                            <h1>{meta.title.clone()}</h1>
                            {meta.subtitle.clone().map(|s| view! { <p class="subtitle">{s}</p> })}
                            <ArticleMeta article=meta.clone() />
                            {meta.updated.map(|u| view! { <p class="meta">"Updated " <DateTime date=u /></p> })}
                            <ShareLinks title=meta.title.clone() slug=meta.slug.clone() />
                        </header>
                        {meta.cover.clone().map(|c| view! {
                            <img class="cover" src=c.src alt=c.alt width=c.width height=c.height decoding="async" />
                        })}
                        <TableOfContents toc=a.toc />
                        <div class="prose" inner_html=a.body_html on:click=browser::follow_in_page_link></div>
                        <PrevNext previous=a.previous next=a.next />
                    </article>
                    <p class="back-link">
                        <Link href="/articles">"← All articles"</Link>
                    </p>
                }
            }
        />
    }
}
