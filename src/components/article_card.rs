//! An article as lists show it: title link, date, reading time, topics and summary.

use leptos::prelude::*;
use crate::components::link::Link;
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
pub fn ArticleCard(
    article: ArticleSummary,
    #[prop(optional)] featured: bool,
    /// Under a section heading (h3) rather than directly under the page's h1 (h2).
    #[prop(optional)]
    nested: bool,
) -> impl IntoView {
    let href = format!("/articles/{}", article.slug);
    let title = article.title.clone();
    let subtitle = article.subtitle.clone();
    let summary = article.summary.clone();
    view! {
        <article class="card" class:card-featured=featured>
            {if nested {
                view! { <h3 class="card-title"><Link href=href>{title}</Link></h3> }.into_any()
            } else {
                view! { <h2 class="card-title"><Link href=href>{title}</Link></h2> }.into_any()
            }}
            {subtitle.map(|s| view! { <p class="card-subtitle">{s}</p> })}
            <ArticleMeta article />
            <p class="card-summary">{summary}</p>
        </article>
    }
}
