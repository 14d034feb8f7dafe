//! One week's reading list: the intro, then the entries by section. Paid entries are sealed one
//! by one; with the reader's key they join their section after the free ones, without it each
//! section says how many more it holds and the list ends with the locked notice.

use crate::components::link::Link;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use sb_model::paths::page;
use sb_model::paywall::{week_doc, week_entry_slot};
use sb_model::{Week, WeekEntry};

use crate::api;
use crate::browser;
use crate::components::cards::DateTime;
use crate::components::fragment::scroll_to_fragment;
use crate::components::loaded::Loaded;
use crate::components::paywall::{audience, LockedNotice, UnsealFailure};
use crate::offline::save_button::SaveButton;
use crate::paid::{opened_units, Unit, UnsealError};
use crate::search::opened::{OpenedDoc, OpenedUnits};

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
    view! { <Loaded resource=week render whole_page=true /> }
}

/// How many of the `(tier, locked)` units are locked, per tier, in the order tiers first appear.
fn locked_by_tier<'a>(units: impl Iterator<Item = (&'a str, bool)>) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for (tier, _) in units.filter(|(_, locked)| *locked) {
        match counts.iter_mut().find(|(t, _)| t == tier) {
            Some((_, n)) => *n += 1,
            None => counts.push((tier.to_string(), 1)),
        }
    }
    counts
}

/// One paid entry as a section shows it: its tier, whether the reader has no key for it, and
/// the entry or why it did not open.
type SectionUnit = (String, bool, Result<WeekEntry, UnsealError>);

fn resources(n: usize) -> String {
    if n == 1 {
        "1 more resource".into()
    } else {
        format!("{n} more resources")
    }
}

#[component]
fn WeekView(w: Week, slug: String) -> impl IntoView {
    let mut tiers: Vec<String> = w
        .sections
        .iter()
        .flat_map(|s| s.paid.iter().map(|u| u.tier.clone()))
        .collect();
    tiers.sort();
    tiers.dedup();
    // Every paid entry in its slot (section, position); `ranges[i]` are section i's.
    let mut units = Vec::new();
    let mut ranges = Vec::new();
    for (i, section) in w.sections.iter().enumerate() {
        let start = units.len();
        units.extend(section.paid.iter().enumerate().map(|(j, sealed)| Unit {
            slot: week_entry_slot(i, j),
            sealed: sealed.clone(),
        }));
        ranges.push(start..units.len());
    }
    let opened = opened_units(week_doc(&slug), units);
    // Once opened, paid entries are searchable in this browser.
    let week = w.meta.clone();
    OpenedUnits::expect().follow(opened, move |unit| {
        Some(OpenedDoc::WeekEntry {
            week: week.clone(),
            entry: unit.read::<WeekEntry>().ok()?,
        })
    });
    let paid_count = w.meta.paid_count;
    let count = format!(" · {} resources", w.meta.entry_count)
        + &match tiers.as_slice() {
            [] => String::new(),
            [tier] => format!(" + {paid_count} for {}", audience(tier)),
            _ => format!(" + {paid_count} paid"),
        };
    // One section's paid entries, read once per opening (a Copy closure: it holds only the
    // resource).
    let read_section = move |range: std::ops::Range<usize>| {
        Memo::new(move |_| {
            opened.with(|all| {
                let units = all.as_ref().and_then(|all| all.get(range.clone()));
                units.map_or_else(Vec::new, |units| {
                    units
                        .iter()
                        .map(|u| (u.tier.clone(), u.locked(), u.read::<WeekEntry>()))
                        .collect::<Vec<SectionUnit>>()
                })
            })
        })
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
                <SaveButton path=page::week(&slug) />
            </header>
            <div class="prose" inner_html=w.intro_html.clone() on:click=browser::follow_in_page_link></div>
            {w
                .sections
                .into_iter()
                .zip(ranges)
                .map(|(s, range)| {
                    let paid = read_section(range);
                    let paid_entries = move || {
                        paid.get()
                            .into_iter()
                            .filter_map(|(_, _, entry)| entry.ok())
                            .map(|entry| view! { <Entry entry paid=true /> })
                            .collect_view()
                    };
                    let problems = move || {
                        let units = paid.get();
                        let still_locked = locked_by_tier(units.iter().map(|(t, locked, _)| (t.as_str(), *locked)))
                            .into_iter()
                            .map(|(tier, n)| format!("{n} more in this section for {}", audience(&tier)))
                            .collect::<Vec<_>>();
                        let failure = units.into_iter().find_map(|(tier, locked, entry)| {
                            let error = entry.err().filter(|_| !locked)?;
                            Some(view! { <UnsealFailure error tier /> })
                        });
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
                    locked_by_tier(all.iter().map(|u| (u.tier.as_str(), u.locked())))
                        .into_iter()
                        .map(|(tier, n)| view! { <LockedNotice what=resources(n) tier /> })
                        .collect_view()
                })
            }}
        </article>
        <p class="back-link">
            <Link href=page::weekly()>"← All weekly lists"</Link>
        </p>
    }
}
