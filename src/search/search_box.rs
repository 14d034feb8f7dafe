//! The search box in the header of every page: an ARIA 1.2 combobox whose listbox shows the
//! best results as the reader types. `/` or Ctrl+K (⌘K) focuses it; arrows move, Enter opens,
//! Escape closes. Without JavaScript it is a plain form that opens the search page. The search
//! code itself is a lazily loaded chunk ([`super::engine`]), fetched when the box is focused.

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use super::engine::{self, Failed, Found, Request};
use super::opened::OpenedUnits;
use super::results::{count_text, option_id, Layout};
use crate::browser;

/// Results shown in the header's list.
const LIMIT: usize = 8;
const INPUT_ID: &str = "site-search";
const LISTBOX_ID: &str = "site-search-results";

#[component]
pub fn SearchBox() -> impl IntoView {
    let base = browser::base_path();
    let opened = OpenedUnits::expect();
    let navigate = use_navigate();
    let text = RwSignal::new(String::new());
    let found = RwSignal::new(None::<Result<Found, Failed>>);
    let expanded = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    // Only the newest query's answer is shown.
    let asked = StoredValue::new(0u64);
    let warmed = StoredValue::new(false);
    let input = NodeRef::<leptos::html::Input>::new();

    let ask = move |words: String| {
        let n = asked.get_value() + 1;
        asked.set_value(n);
        if words.trim().is_empty() {
            found.set(None);
            expanded.set(false);
            return;
        }
        let request = Request {
            text: words,
            limit: LIMIT,
            opened: opened.searchable(),
            layout: Layout::Options,
            ..Default::default()
        };
        spawn_local(async move {
            let answer = engine::run_search(request).await;
            if asked.get_value() == n {
                found.set(Some(answer));
                active.set(None);
                // Opened only under the reader's focus (an answer to a search asked again
                // while they are elsewhere waits for them to come back to the box).
                if input.get_untracked().is_some_and(|el| has_focus(&el)) {
                    expanded.set(true);
                }
            }
        });
    };
    let results_len = move || {
        found.with(|f| match f {
            Some(Ok(f)) => f.urls.len(),
            _ => 0,
        })
    };
    let page_for = |words: &str| {
        format!(
            "{}/search?q={}",
            browser::base_path(),
            browser::encode_query_value(words)
        )
    };
    let search_page = move || page_for(&text.get_untracked());
    let go = {
        let navigate = navigate.clone();
        move |href: String| {
            expanded.set(false);
            active.set(None);
            if let Some(el) = input.get_untracked() {
                let _ = el.blur();
            }
            navigate(&href, NavigateOptions::default());
        }
    };
    let open_result = {
        let go = go.clone();
        let base = base.clone();
        move |i: usize| {
            let url = found.with_untracked(|f| match f {
                Some(Ok(f)) => f.urls.get(i).cloned(),
                _ => None,
            });
            if let Some(url) = url {
                go(sb_model::paths::app_href(&base, &url));
            }
        }
    };
    let on_keydown = {
        let open_result = open_result.clone();
        let go = go.clone();
        move |ev: ev::KeyboardEvent| {
            // Enter and Escape while an input method composes a word belong to it (they pick
            // or cancel a candidate), not to the list.
            if ev.is_composing() {
                return;
            }
            let n = results_len();
            match ev.key().as_str() {
                "ArrowDown" | "ArrowUp" if n > 0 => {
                    ev.prevent_default();
                    expanded.set(true);
                    let down = ev.key() == "ArrowDown";
                    active.update(|a| {
                        *a = Some(match (*a, down) {
                            (None, true) => 0,
                            (None, false) => n - 1,
                            (Some(i), true) => (i + 1) % n,
                            (Some(i), false) => (i + n - 1) % n,
                        })
                    });
                }
                "Enter" => {
                    ev.prevent_default();
                    match active.get_untracked() {
                        Some(i) if expanded.get_untracked() => open_result(i),
                        _ if !text.get_untracked().trim().is_empty() => go(search_page()),
                        _ => {}
                    }
                }
                "Escape" => {
                    if expanded.get_untracked() {
                        ev.prevent_default();
                        expanded.set(false);
                        active.set(None);
                    } else if !text.get_untracked().is_empty() {
                        ev.prevent_default();
                        text.set(String::new());
                        ask(String::new());
                    }
                }
                _ => {}
            }
        }
    };
    // The active option is marked selected and stays in view as the arrows move (the options
    // are the search chunk's HTML, so this is done on the elements).
    Effect::new(move |previous: Option<Option<usize>>| {
        found.track();
        let now = active.get();
        if let Some(Some(i)) = previous {
            browser::set_attribute(&option_id(i), "aria-selected", "false");
        }
        if let Some(i) = now {
            browser::set_attribute(&option_id(i), "aria-selected", "true");
            browser::scroll_into_view_nearest(&option_id(i));
        }
        now
    });
    // `/` (outside a text field) and Ctrl+K / ⌘K focus the box from anywhere on the page.
    let shortcut = window_event_listener(ev::keydown, move |ev| {
        if browser::is_search_shortcut(&ev) {
            ev.prevent_default();
            if let Some(el) = input.get_untracked() {
                let _ = el.focus();
                el.select();
            }
        }
    });
    on_cleanup(move || shortcut.remove());
    // Results may hold units opened with a key the reader has just forgotten: ask again, so
    // nothing of them is shown (or heard) once the key is gone.
    let keys = crate::paid::Keys::expect();
    Effect::new(move |previous: Option<()>| {
        keys.0.track();
        if previous.is_some() {
            ask(text.get_untracked());
        }
    });

    let on_focus = move |_| {
        if !warmed.get_value() {
            warmed.set_value(true);
            // Loads the search chunk before the first keystroke needs it.
            spawn_local(async move {
                let _ = engine::run_search(Request::default()).await;
            });
        }
        if found.with_untracked(Option::is_some) {
            expanded.set(true);
        }
    };
    let on_focusout = move |ev: ev::FocusEvent| {
        if !browser::focus_stays_inside(&ev) {
            expanded.set(false);
            active.set(None);
        }
    };
    let options = move || {
        found.with(|f| match f {
            Some(Ok(f)) => f.html.clone(),
            _ => String::new(),
        })
    };
    let on_option_click = {
        let open_result = open_result.clone();
        move |ev: ev::MouseEvent| {
            if let Some(i) = browser::clicked_index(&ev) {
                open_result(i);
            }
        }
    };
    let status = move || match found.get() {
        None => String::new(),
        Some(Ok(f)) => count_text(f.urls.len(), f.more),
        Some(Err(Failed(message))) => format!("Search is unavailable: {message}"),
    };
    let failed = move || found.with(|f| matches!(f, Some(Err(_))));
    let has_results = move || results_len() > 0;
    // The button goes away with the error: focus goes back to the box first, so the list stays.
    let retry = move |_| {
        if let Some(el) = input.get_untracked() {
            let _ = el.focus();
        }
        ask(text.get_untracked());
    };
    let see_all = {
        let go = go.clone();
        move |ev: ev::MouseEvent| {
            ev.prevent_default();
            go(search_page());
        }
    };
    view! {
        <form
            class="site-search"
            role="search"
            aria-label="Site"
            action=format!("{base}/search")
            method="get"
            on:submit=|ev| ev.prevent_default()
            on:focusout=on_focusout
        >
            <label class="sr-only" for=INPUT_ID>"Search the site"</label>
            <input
                id=INPUT_ID
                node_ref=input
                type="search"
                name="q"
                placeholder="Search  /"
                autocomplete="off"
                spellcheck="false"
                role="combobox"
                aria-autocomplete="list"
                aria-controls=LISTBOX_ID
                aria-expanded=move || expanded.get().to_string()
                aria-activedescendant=move || active.get().map(option_id)
                prop:value=move || text.get()
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    text.set(value.clone());
                    // The shown results are for the old words until the new answer comes:
                    // Enter now opens the search page for these words, not an old result.
                    active.set(None);
                    ask(value);
                }
                on:keydown=on_keydown
                on:focus=on_focus
            />
            // Outside the popup, so it is heard even as the popup opens.
            <p class="sr-only" role="status">{status}</p>
            <div class="search-popup" hidden=move || !expanded.get()>
                <ul
                    id=LISTBOX_ID
                    role="listbox"
                    aria-label="Search results"
                    inner_html=options
                    on:mousedown=|ev| ev.prevent_default()
                    on:click=on_option_click
                ></ul>
                <p class="search-status" aria-hidden="true">{status}</p>
                <Show when=failed>
                    <button type="button" class="button" on:click=retry>"Try again"</button>
                </Show>
                <Show when=has_results>
                    <a class="search-all" href=move || page_for(&text.get()) on:click=see_all.clone()>
                        "See all results"
                    </a>
                </Show>
            </div>
        </form>
    }
}

/// Whether `el` is the focused element.
fn has_focus(el: &web_sys::HtmlInputElement) -> bool {
    let el: &web_sys::Element = el.as_ref();
    document().active_element().is_some_and(|a| a == *el)
}
