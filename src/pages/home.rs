//! The home page: what the newsletter is, the latest topic article, the latest weekly list and
//! a few more recent articles.

use crate::components::link::Link;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api;
use crate::components::cards::{ArticleCard, WeekCard};
use crate::components::loaded::Loaded;
use crate::components::shell::SubscribeLink;

/// How many older articles the home page lists under the latest one.
const MORE_ARTICLES: usize = 4;

#[component]
pub fn HomePage() -> impl IntoView {
    let articles = LocalResource::new(|| api::articles_page(1));
    let weeks = LocalResource::new(|| api::weeks_page(1));
    view! {
        <Title text="The engineering behind real-world machine learning" />
        <section class="hero">
            <h1>"The engineering behind real-world machine learning"</h1>
            <p class="lead">
                "One topic article a week on how ML systems are really built, a weekly list of what is worth reading, and a free road map for learning the field."
            </p>
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
            <h2 id="home-roadmap" class="card-title">"The free Machine Learning Road Map"</h2>
            <p class="card-summary">
                "A streamlined path through free, high-quality resources, from the math prerequisites to the skills ML jobs ask for. Track your progress as you go: no account needed."
            </p>
            <p>
                <Link href="/roadmap">"Explore the road map →"</Link>
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
                            <Link href="/articles">"All articles →"</Link>
                        </p>
                    }
                }
            />
        </section>
    }
}
