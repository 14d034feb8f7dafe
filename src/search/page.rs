//! `/search?q=…&kind=…&topic=…`: every result of a query, filtered by kind and topic, as a
//! page that can be shared and bookmarked. A lazily loaded route (its own chunk).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use sb_model::search::Kind;

use super::engine::{self, Failed, Found, Request};
use super::opened::OpenedUnits;
use super::results::{count_text, Layout};
use crate::browser;

/// Results per page load; "Show more" adds as many.
const STEP: usize = 20;

crate::pages::lazy_page!(SearchRoute, SearchPage);

/// The kind named in the address (`article`, `week`, `roadmap`, `topic`).
fn kind_of(name: &str) -> Option<Kind> {
    Kind::ALL.into_iter().find(|k| kind_param(*k) == name)
}

fn kind_param(kind: Kind) -> &'static str {
    match kind {
        Kind::Article => "article",
        Kind::Week => "week",
        Kind::Roadmap => "roadmap",
        Kind::Topic => "topic",
    }
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    let opened = OpenedUnits::expect();
    let q = move || query.read().get("q").unwrap_or_default();
    let kind = move || query.read().get("kind").and_then(|k| kind_of(&k));
    let topic = move || {
        query
            .read()
            .get("topic")
            .filter(|t| sb_model::text::is_slug(t))
    };
    let limit = RwSignal::new(STEP);
    let found = RwSignal::new(None::<Result<Found, Failed>>);
    let asked = StoredValue::new(0u64);
    let retry = RwSignal::new(0u32);
    // One search per change of words, filters, "Show more" or retry; new words or filters start
    // from the first results again.
    Effect::new(
        move |previous: Option<(String, Option<Kind>, Option<String>)>| {
            retry.track();
            let asked_for = (q(), kind(), topic());
            if previous.is_some_and(|p| p != asked_for) {
                limit.update_untracked(|l| *l = STEP);
            }
            let request = Request {
                text: asked_for.0.clone(),
                kinds: asked_for.1.into_iter().collect(),
                topic: asked_for.2.clone(),
                limit: limit.get(),
                opened: opened.searchable(),
                layout: Layout::Links,
            };
            let n = asked.get_value() + 1;
            asked.set_value(n);
            spawn_local(async move {
                let answer = engine::run_search(request).await;
                if asked.get_value() == n {
                    found.set(Some(answer));
                }
            });
            asked_for
        },
    );
    let go = move |q: String, kind: Option<Kind>, topic: Option<String>| {
        let mut params = vec![format!("q={}", browser::encode_query_value(&q))];
        if let Some(k) = kind {
            params.push(format!("kind={}", kind_param(k)));
        }
        if let Some(t) = topic {
            params.push(format!("topic={}", browser::encode_query_value(&t)));
        }
        navigate(
            &format!("{}/search?{}", browser::base_path(), params.join("&")),
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    };
    let on_input = {
        let go = go.clone();
        move |ev| go(event_target_value(&ev), kind(), topic())
    };
    let on_kind = {
        let go = go.clone();
        move |ev| go(q(), kind_of(&event_target_value(&ev)), topic())
    };
    let on_topic = {
        let go = go.clone();
        move |ev| {
            let t = event_target_value(&ev);
            go(q(), kind(), (!t.is_empty()).then_some(t))
        }
    };
    let clear_filters = {
        let go = go.clone();
        move |_| go(q(), None, None)
    };
    let filtered = move || kind().is_some() || topic().is_some();
    let topics = move || {
        found.with(|f| match f {
            Some(Ok(f)) => f.topics.clone(),
            _ => Vec::new(),
        })
    };
    let status = move || {
        if q().trim().is_empty() {
            return "Type a word to search articles, weekly entries and the road map.".to_string();
        }
        match found.get() {
            None => "Searching…".to_string(),
            Some(Ok(f)) => format!("{} for “{}”", count_text(f.urls.len(), f.more), q()),
            Some(Err(Failed(message))) => format!("Search is unavailable: {message}"),
        }
    };
    let results = move || {
        let Some(answer) = found.get() else {
            return ().into_any();
        };
        match answer {
            Ok(f) if f.urls.is_empty() && !q().trim().is_empty() => view! {
                <div class="notice">
                    <p>"Nothing matches every word of your search."</p>
                    {filtered().then(|| view! {
                        <p>
                            "Try removing the filters: "
                            <button type="button" class="button" on:click=clear_filters.clone()>
                                "Search everything"
                            </button>
                        </p>
                    })}
                    <p>"Fewer or shorter words find more."</p>
                </div>
            }
            .into_any(),
            Ok(f) => {
                let more = f.more;
                view! {
                    <ol class="search-results" inner_html=f.html></ol>
                    {more.then(|| view! {
                        <button type="button" class="button" on:click=move |_| limit.update(|l| *l += STEP)>
                            "Show more results"
                        </button>
                    })}
                }
                .into_any()
            }
            Err(_) => view! {
                <div class="notice notice-error" role="alert">
                    <p>"The search index could not be loaded. The rest of the site still works."</p>
                    <button type="button" class="button" on:click=move |_| retry.update(|n| *n += 1)>
                        "Try again"
                    </button>
                </div>
            }
            .into_any(),
        }
    };
    view! {
        <Title text="Search" />
        <section class="search-page">
            <h1>"Search"</h1>
            <form role="search" aria-label="Search page" class="search-form" on:submit=|ev| ev.prevent_default()>
                <p>
                    <label for="search-page-q">"Words to find"</label>
                    <input id="search-page-q" type="search" name="q" autocomplete="off"
                        prop:value=q on:input=on_input />
                </p>
                <p class="search-filters">
                    <label for="search-page-kind">"Kind"</label>
                    <select id="search-page-kind" name="kind" on:change=on_kind>
                        <option value="" selected=move || kind().is_none()>"Everything"</option>
                        {Kind::ALL
                            .into_iter()
                            .map(|k| view! {
                                <option value=kind_param(k) selected=move || kind() == Some(k)>
                                    {k.label()}
                                </option>
                            })
                            .collect_view()}
                    </select>
                    <label for="search-page-topic">"Topic"</label>
                    <select id="search-page-topic" name="topic" on:change=on_topic>
                        <option value="" selected=move || topic().is_none()>"Every topic"</option>
                        {move || topics()
                            .into_iter()
                            .map(|t| {
                                let slug = t.slug.clone();
                                view! {
                                    <option value=t.slug selected=move || topic().as_deref() == Some(slug.as_str())>
                                        {t.name}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </p>
            </form>
            <p class="search-count" role="status">{status}</p>
            {results}
        </section>
    }
}
