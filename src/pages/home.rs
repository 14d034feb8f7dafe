//! The home page: what the newsletter is, the latest topic article, the latest weekly list and
//! a few more recent articles.

use crate::components::link::Link;
use leptos::prelude::*;
use leptos_meta::Title;
use sb_model::paths::page;

use crate::api;
use crate::components::cards::{ArticleCard, WeekCard};
use crate::components::loaded::Loaded;
use crate::components::shell::{SiteData, SubscribeLink};

/// How many older articles the home page lists under the latest one.
const MORE_ARTICLES: usize = 4;

#[component]
pub fn HomePage() -> impl IntoView {
    let articles = LocalResource::new(|| api::articles_page(1));
    let weeks = LocalResource::new(|| api::weeks_page(1));
    let site = SiteData::expect();
    // The publisher's words (`[home]` in site.toml), from site.json.
    let title = move || site.config().map(|c| c.home.title).unwrap_or_default();
    view! {
        <Title text=title />
        <section class="hero">
            <Loaded
                resource=site.0
                render=|c| {
                    view! {
                        <h1>{c.home.title.clone()}</h1>
                        <p class="lead" inner_html=c.home.intro_html.clone()></p>
                    }
                }
            />
            <SubscribeLink />
        </section>
        <div class="home-grid">
            <section class="home-latest" aria-labelledby="latest-article">
                <h2 id="latest-article" class="section-label">"Latest article"</h2>
                <Loaded
                    resource=articles
                    render=|page| match page.items.first().cloned() {
                        Some(a) => view! { <ArticleCard article=a featured=true nested=true /> }.into_any(),
                        None => view! { <p>"The first article is on its way."</p> }.into_any(),
                    }
                />
            </section>
            <section class="home-week" aria-labelledby="latest-week">
                <h2 id="latest-week" class="section-label">"This week's reading"</h2>
                <Loaded
                    resource=weeks
                    render=|page| match page.items.first().cloned() {
                        Some(w) => view! { <WeekCard week=w nested=true /> }.into_any(),
                        None => view! { <p>"The first list is on its way."</p> }.into_any(),
                    }
                />
            </section>
        </div>
        <section class="home-roadmap card" aria-labelledby="home-roadmap">
            <h2 id="home-roadmap" class="card-title">
                {move || site.config().map(|c| c.home.roadmap_title).unwrap_or_default()}
            </h2>
            {move || {
                site.config()
                    .map(|c| c.home.roadmap_html)
                    .filter(|html| !html.is_empty())
                    .map(|html| view! { <p class="card-summary" inner_html=html></p> })
            }}
            <p>
                <Link href=page::roadmap()>"Explore the road map →"</Link>
            </p>
        </section>
        <section class="home-more" aria-labelledby="more-articles">
            <h2 id="more-articles" class="section-label">"Recent articles"</h2>
            <Loaded
                resource=articles
                render=|page| {
                    view! {
                        <div class="card-list">
                            {page
                                .items
                                .into_iter()
                                .skip(1)
                                .take(MORE_ARTICLES)
                                .map(|a| view! { <ArticleCard article=a nested=true /> })
                                .collect_view()}
                        </div>
                        <p>
                            <Link href=page::articles()>"All articles →"</Link>
                        </p>
                    }
                }
            />
        </section>
    }
}
