//! One week's reading list: the intro, then the entries by section. Paid entries are sealed one
//! by one; with the reader's key they join their section after the free ones, without it each
//! section says how many more it holds and the list ends with the locked notice.

use crate::components::link::Link;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use sb_model::paywall::{week_doc, week_entry_slot, Sealed, UnlockKey};
use sb_model::{Week, WeekEntry};

use crate::api;
use crate::browser;
use crate::components::cards::DateTime;
use crate::components::fragment::scroll_to_fragment;
use crate::components::loaded::Loaded;
use crate::components::paywall::{audience, LockedNotice, UnsealFailure};
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
    // Paid entries are opened as parts of the week the address names, whatever the file says.
    let render = move |w| {
        let slug = params.read_untracked().get("slug").unwrap_or_default();
        view! { <WeekView w slug /> }
    };
    view! { <Loaded resource=week render /> }
}

/// Every paid entry of a week, opened in its slot (section, position), with its tier.
type OpenedSections = Vec<Vec<(String, Result<WeekEntry, UnsealError>)>>;

async fn open_all(keys: &[UnlockKey], slug: &str, sealed: &[Vec<Sealed>]) -> OpenedSections {
    let doc = week_doc(slug);
    let mut sections = Vec::with_capacity(sealed.len());
    for (i, units) in sealed.iter().enumerate() {
        let mut opened = Vec::with_capacity(units.len());
        for (j, unit) in units.iter().enumerate() {
            let entry = paid::open(keys, &doc, &week_entry_slot(i, j), unit).await;
            opened.push((unit.tier.clone(), entry));
        }
        sections.push(opened);
    }
    sections
}

/// Entries the reader holds no key at all for (the others opened, or failed with a message).
fn locked(e: &Result<WeekEntry, UnsealError>) -> bool {
    matches!(e, Err(UnsealError::NoKey { held, .. }) if held.is_empty())
}

/// How many of `entries` are locked, per tier, in the order tiers first appear.
fn locked_by_tier<'a>(
    entries: impl Iterator<Item = &'a (String, Result<WeekEntry, UnsealError>)>,
) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for (tier, _) in entries.filter(|(_, e)| locked(e)) {
        match counts.iter_mut().find(|(t, _)| t == tier) {
            Some((_, n)) => *n += 1,
            None => counts.push((tier.clone(), 1)),
        }
    }
    counts
}

fn resources(n: usize) -> String {
    if n == 1 {
        "1 more resource".into()
    } else {
        format!("{n} more resources")
    }
}

#[component]
fn WeekView(w: Week, slug: String) -> impl IntoView {
    let keys = Keys::expect();
    let sealed: Vec<Vec<Sealed>> = w.sections.iter().map(|s| s.paid.clone()).collect();
    let mut tiers: Vec<String> = sealed.iter().flatten().map(|s| s.tier.clone()).collect();
    tiers.sort();
    tiers.dedup();
    let opened = LocalResource::new(move || {
        let keys = keys.0.get();
        let (sealed, slug) = (sealed.clone(), slug.clone());
        async move { open_all(&keys, &slug, &sealed).await }
    });
    let paid_count = w.meta.paid_count;
    let count = format!(" · {} resources", w.meta.entry_count)
        + &match tiers.as_slice() {
            [] => String::new(),
            [tier] => format!(" + {paid_count} for {}", audience(tier)),
            _ => format!(" + {paid_count} paid"),
        };
    let section = move |i: usize| {
        opened
            .get()
            .and_then(|all| all.get(i).cloned())
            .unwrap_or_default()
    };
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
                    let paid_entries = move || {
                        section(i)
                            .into_iter()
                            .filter_map(|(_, e)| e.ok())
                            .map(|entry| view! { <Entry entry paid=true /> })
                            .collect_view()
                    };
                    let problems = move || {
                        let entries = section(i);
                        let still_locked = locked_by_tier(entries.iter())
                            .into_iter()
                            .map(|(tier, n)| format!("{n} more in this section for {}", audience(&tier)))
                            .collect::<Vec<_>>();
                        let failure = entries
                            .into_iter()
                            .find(|(_, e)| e.is_err() && !locked(e))
                            .and_then(|(tier, e)| e.err().map(|error| view! { <UnsealFailure error tier /> }));
                        view! {
                            {(!still_locked.is_empty()).then(|| view! {
                                <p class="section-locked">{still_locked.join("; ")}</p>
                            })}
                            {failure}
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
                opened.get().map(|all| {
                    locked_by_tier(all.iter().flatten())
                        .into_iter()
                        .map(|(tier, n)| view! { <LockedNotice what=resources(n) tier /> })
                        .collect_view()
                })
            }}
        </article>
        <p class="back-link">
            <Link href="/weekly">"← All weekly lists"</Link>
        </p>
    }
}
