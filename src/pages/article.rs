//! One topic article, read in full: the free body, and for paid articles the sealed rest,
//! opened in the browser with the reader's key (or the locked notice without one).

use crate::components::link::Link;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use sb_model::paths::page;
use sb_model::paywall::{article_doc, PaidBody, ARTICLE_BODY_SLOT};
use sb_model::Article;

use crate::api;
use crate::browser;
use crate::components::cards::{ArticleMeta, DateTime};
use crate::components::fragment::scroll_to_fragment;
use crate::components::loaded::Loaded;
use crate::components::paywall::Unsealed;
use crate::offline::save_button::SaveButton;
use crate::pages::article_extras::{PrevNext, ShareLinks, TableOfContents};
use crate::paid::{opened_units, Opened, Unit};
use crate::search::opened::{OpenedDoc, OpenedUnits};

#[component]
pub fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let article = LocalResource::new(move || api::article(slug()));
    // The paid part is opened as part of the article the address names, whatever the file says.
    let render = move |a| {
        let slug = params.read_untracked().get("slug").unwrap_or_default();
        view! { <ArticleView a slug /> }
    };
    view! { <Loaded resource=article render whole_page=true /> }
}

#[component]
fn ArticleView(a: Article, slug: String) -> impl IntoView {
    let meta = a.meta.clone();
    let units = a
        .paid_body
        .clone()
        .map(|sealed| Unit {
            slot: ARTICLE_BODY_SLOT.into(),
            sealed,
        })
        .into_iter()
        .collect();
    // The paid rest, opened again whenever the reader's keys change.
    let paid_rest = opened_units(article_doc(&slug), units);
    // Read once per opening; the table of contents and the body both use it.
    let opened = Memo::new(move |_| {
        paid_rest.with(|all| {
            all.as_ref()
                .and_then(|all| all.first().map(Opened::read::<PaidBody>))
        })
    });
    scroll_to_fragment(move || paid_rest.track());
    // Once opened, the paid part is searchable in this browser.
    let summary = meta.clone();
    OpenedUnits::expect().follow(paid_rest, move |unit| {
        let body = unit.read::<PaidBody>().ok()?;
        Some(OpenedDoc::Article {
            meta: summary.clone(),
            html: body.html,
        })
    });
    let free_toc = a.toc.clone();
    let toc = move || {
        let mut toc = free_toc.clone();
        if let Some(Ok(body)) = opened.get() {
            toc.extend(body.toc);
        }
        view! { <TableOfContents toc /> }
    };
    let access = meta.paid.clone();
    let whole_paid = access.as_ref().is_some_and(|p| !p.preview);
    let tier = access.map(|p| p.tier).unwrap_or_default();
    let rest = move || {
        opened.get().map(|result| match result {
            Ok(body) => view! {
                <div class="prose paid-body" inner_html=body.html on:click=browser::follow_in_page_link></div>
            }
            .into_any(),
            Err(error) => {
                let what = if whole_paid { "This article is" } else { "The rest of this article is" };
                view! { <Unsealed error what tier=tier.clone() /> }.into_any()
            }
        })
    };
    view! {
        <Title text=meta.title.clone() />
        <article class="article">
            <header class="article-header">
                <h1>{meta.title.clone()}</h1>
                {meta.subtitle.clone().map(|s| view! { <p class="subtitle">{s}</p> })}
                <ArticleMeta article=meta.clone() />
                {meta.updated.map(|u| view! { <p class="meta">"Updated " <DateTime date=u /></p> })}
                <div class="article-actions">
                    <ShareLinks title=meta.title.clone() slug=meta.slug.clone() />
                    <SaveButton path=page::article(&slug) />
                </div>
            </header>
            {meta.cover.clone().map(|c| view! {
                <img class="cover" src=c.src alt=c.alt width=c.width height=c.height decoding="async" />
            })}
            {toc}
            {whole_paid.then(|| view! { <p class="lead">{meta.summary.clone()}</p> })}
            {(!a.body_html.is_empty()).then(|| view! {
                <div class="prose" inner_html=a.body_html on:click=browser::follow_in_page_link></div>
            })}
            {rest}
            <PrevNext previous=a.previous next=a.next />
        </article>
        <p class="back-link">
            <Link href=page::articles()>"← All articles"</Link>
        </p>
    }
}
