//! Articles and weeks as lists show them: a card with the title link, date and summary.

use crate::components::link::Link;
use leptos::prelude::*;
use sb_model::paths::page;
use sb_model::{ArticleSummary, Date, WeekSummary};

/// "November 20, 2026" inside a `<time>` the browser and crawlers can read.
#[component]
pub fn DateTime(date: Date) -> impl IntoView {
    view! { <time datetime=date.to_string()>{date.long()}</time> }
}

/// Date · N min read (or N min preview, for paid articles) · topics.
#[component]
pub fn ArticleMeta(article: ArticleSummary) -> impl IntoView {
    view! {
        <p class="meta">
            <DateTime date=article.date />
            " · "
            // `reading_minutes` counts only free text: a preview's, or nothing when all is paid.
            {match &article.paid {
                None => format!("{} min read", article.reading_minutes),
                Some(p) if p.preview => format!("{} min preview", article.reading_minutes),
                Some(_) => String::new(),
            }}
            {article.paid.map(|p| view! {
                {p.preview.then_some(" · ")}
                <span class="badge badge-paid">{if p.preview { "Free preview" } else { "Paid" }}</span>
            })}
            {(!article.topics.is_empty())
                .then(|| {
                    view! {
                        " · "
                        <span class="topics">
                            {article
                                .topics
                                .iter()
                                .map(|t| {
                                    let label = t.replace('-', " ");
                                    view! { <Link href=page::topic(t) attr:class="topic">{label}</Link> }
                                })
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
    let href = page::article(&article.slug);
    let title = article.title.clone();
    let subtitle = article.subtitle.clone();
    let summary = article.summary.clone();
    let cover = article.cover.clone().filter(|_| featured);
    view! {
        <article class="card" class:card-featured=featured>
            {cover.map(|c| view! {
                <img class="card-cover" src=c.src alt="" width=c.width height=c.height loading="lazy" decoding="async" />
            })}
            <CardTitle href title nested />
            {subtitle.map(|s| view! { <p class="card-subtitle">{s}</p> })}
            <ArticleMeta article />
            <p class="card-summary">{summary}</p>
        </article>
    }
}

/// A card's title link: an h2 directly under the page's h1, an h3 under a section heading.
#[component]
fn CardTitle(href: String, title: String, nested: bool) -> impl IntoView {
    if nested {
        view! { <h3 class="card-title"><Link href=href>{title}</Link></h3> }.into_any()
    } else {
        view! { <h2 class="card-title"><Link href=href>{title}</Link></h2> }.into_any()
    }
}

#[component]
pub fn WeekCard(week: WeekSummary, #[prop(optional)] nested: bool) -> impl IntoView {
    view! {
        <article class="card">
            <CardTitle href=page::week(&week.slug) title=week.title nested />
            <p class="meta">
                <DateTime date=week.date />
                {format!(" · {} resources", week.entry_count)}
                {(week.paid_count > 0).then(|| format!(" + {} paid", week.paid_count))}
            </p>
            <p class="card-summary">{week.summary}</p>
        </article>
    }
}
