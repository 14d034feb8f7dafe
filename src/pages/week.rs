//! One week's reading list: the intro, then the entries by section. Paid entries are sealed one
//! by one; with the reader's key they join their section after the free ones, without it each
//! section says how many more it holds and the list ends with the locked notice.

use crate::components::link::Link;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use sb_model::paywall::{week_doc, week_entry_slot, Sealed};
use sb_model::{Week, WeekEntry};

use crate::api;
use crate::browser;
use crate::components::cards::DateTime;
use crate::components::fragment::scroll_to_fragment;
use crate::components::loaded::Loaded;
use crate::components::paywall::{audience, LockedNotice, Unsealed};
use crate::paid::{self, Keys, UnsealError};

#[component]
fn Entry(entry: WeekEntry, #[prop(optional)] paid: bool) -> impl IntoView {
    view! {
        <li class="entry" class:entry-paid=paid id=entry.id.clone()>
            <p class="entry-head">
                <span class=format!("badge badge-{}", entry.kind.label().to_lowercase())>
                    {entry.kind.label()}
                </span>
                {paid.then(|| view! { <span class="badge badge-paid">"Paid"</span> })}
                <a class="entry-title" href=entry.url.clone() rel="noopener noreferrer" target="_blank">
                    {entry.title.clone()}
                </a>
            </p>
            <p class="entry-source">{entry.source.clone()}</p>
            <p class="entry-summary">{entry.summary.clone()}</p>
            {(!entry.commentary_html.is_empty())
                .then(|| view! { <div class="entry-commentary prose" inner_html=entry.commentary_html.clone()></div> })}
        </li>
    }
}

#[component]
pub fn WeekPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let week = LocalResource::new(move || api::week(slug()));
    view! { <Loaded resource=week render=|w| view! { <WeekView w /> } /> }
}

/// Every paid entry of a week, opened in its slot (section, position).
type OpenedSections = Vec<Vec<Result<WeekEntry, UnsealError>>>;

async fn open_all(
    keys: &[sb_model::paywall::UnlockKey],
    slug: &str,
    sealed: &[Vec<Sealed>],
) -> OpenedSections {
    let doc = week_doc(slug);
    let mut sections = Vec::with_capacity(sealed.len());
    for (i, units) in sealed.iter().enumerate() {
        let mut opened = Vec::with_capacity(units.len());
        for (j, unit) in units.iter().enumerate() {
            opened.push(paid::open(keys, &doc, &week_entry_slot(i, j), unit).await);
        }
        sections.push(opened);
    }
    sections
}

fn locked_without_key(e: &Result<WeekEntry, UnsealError>) -> bool {
    matches!(e, Err(UnsealError::NoKey { held, .. }) if held.is_empty())
}

#[component]
fn WeekView(w: Week) -> impl IntoView {
    let keys = Keys::expect();
    let sealed: Vec<Vec<Sealed>> = w.sections.iter().map(|s| s.paid.clone()).collect();
    let slug = w.meta.slug.clone();
    let opened = LocalResource::new(move || {
        let keys = keys.0.get();
        let (sealed, slug) = (sealed.clone(), slug.clone());
        async move { open_all(&keys, &slug, &sealed).await }
    });
    let tier = w
        .sections
        .iter()
        .flat_map(|s| s.paid.first())
        .map(|s| s.tier.clone())
        .next()
        .unwrap_or_default();
    let paid_count = w.meta.paid_count;
    let count = format!(" · {} resources", w.meta.entry_count)
        + &if paid_count > 0 {
            format!(" + {paid_count} for {}", audience(&tier))
        } else {
            String::new()
        };
    let still_locked = move || {
        opened
            .get()
            .map(|all| {
                all.iter()
                    .flatten()
                    .filter(|e| locked_without_key(e))
                    .count()
            })
            .unwrap_or(0)
    };
    let notice_tier = tier.clone();
    scroll_to_fragment(move || opened.track());
    view! {
        <Title text=w.meta.title.clone() />
        <article class="week">
            <header class="article-header">
                <h1>{w.meta.title.clone()}</h1>
                <p class="meta">
                    <DateTime date=w.meta.date />
                    {count}
                </p>
            </header>
            <div class="prose" inner_html=w.intro_html.clone() on:click=browser::follow_in_page_link></div>
            {w
                .sections
                .into_iter()
                .enumerate()
                .map(|(i, s)| {
                    let tier = tier.clone();
                    let paid_entries = move || {
                        opened.get().and_then(|all| all.get(i).cloned()).map(|entries| {
                            entries
                                .into_iter()
                                .filter_map(Result::ok)
                                .map(|entry| view! { <Entry entry paid=true /> })
                                .collect_view()
                        })
                    };
                    let problems = move || {
                        let entries = opened.get().and_then(|all| all.get(i).cloned()).unwrap_or_default();
                        let locked = entries.iter().filter(|e| locked_without_key(e)).count();
                        let failure = entries.into_iter().find_map(|e| e.err().filter(|e| !matches!(e, UnsealError::NoKey { held, .. } if held.is_empty())));
                        let tier = tier.clone();
                        view! {
                            {(locked > 0).then(|| view! {
                                <p class="section-locked">
                                    {format!("{locked} more in this section for {}", audience(&tier))}
                                </p>
                            })}
                            {failure.map(|error| view! { <Unsealed error what="" tier /> })}
                        }
                    };
                    view! {
                        <section class="week-section">
                            <h2>{s.title.clone()}</h2>
                            <ul class="entries">
                                {s.entries.into_iter().map(|entry| view! { <Entry entry /> }).collect_view()}
                                {paid_entries}
                            </ul>
                            {problems}
                        </section>
                    }
                })
                .collect_view()}
            {move || {
                let locked = still_locked();
                (locked > 0).then(|| {
                    let what = if locked == 1 { "1 more resource".to_string() } else { format!("{locked} more resources") };
                    view! { <LockedNotice what tier=notice_tier.clone() /> }
                })
            }}
        </article>
        <p class="back-link">
            <Link href="/weekly">"← All weekly lists"</Link>
        </p>
    }
}
