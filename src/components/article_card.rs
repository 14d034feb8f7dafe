//! An article as lists show it: title link, date, reading time, topics and summary.

use leptos::prelude::*;
use leptos_router::components::A;
use sb_model::{ArticleSummary, Date};

/// "November 20, 2026" inside a `<time>` the browser and crawlers can read.
#[component]
pub fn DateTime(date: Date) -> impl IntoView {
    view! { <time datetime=date.to_string()>{date.long()}</time> }
}

/// Date · N min read · topics.
#[component]
pub fn ArticleMeta(article: ArticleSummary) -> impl IntoView {
    view! {
        <p class="meta">
            <DateTime date=article.date />
            " · "
            {format!("{} min read", article.reading_minutes)}
            {(!article.topics.is_empty())
                .then(|| {
                    view! {
                        " · "
                        <span class="topics">
                            {article
                                .topics
                                .iter()
                                .map(|t| view! { <span class="topic">{t.replace('-', " ")}</span> })
                                .collect_view()}
                        </span>
                    }
                })}
        </p>
    }
}

#[component]
pub fn ArticleCard(article: ArticleSummary, #[prop(optional)] featured: bool) -> impl IntoView {
    let href = format!("/articles/{}", article.slug);
    let title = article.title.clone();
    let subtitle = article.subtitle.clone();
    let summary = article.summary.clone();
    view! {
        <article class="card" class:card-featured=featured>
            <h3 class="card-title">
                <A href=href>{title}</A>
            </h3>
            {subtitle.map(|s| view! { <p class="card-subtitle">{s}</p> })}
            <ArticleMeta article />
            <p class="card-summary">{summary}</p>
        </article>
    }
}
