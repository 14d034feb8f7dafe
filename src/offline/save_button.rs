//! "Save for offline" on an article or a week: asks the worker to keep the page with its data
//! and images (not only the part scrolled into view), and says when it is saved. Pressing it
//! again removes the saved copy.

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::json;

use super::worker;

#[derive(Clone, Debug, PartialEq)]
enum State {
    Checking,
    NotSaved,
    Busy,
    Saved,
    Failed(String),
}

/// The toggle for the page at `path` (the app's path, without the base). Hidden in browsers
/// that cannot keep pages offline.
#[component]
pub fn SaveButton(#[prop(into)] path: String) -> impl IntoView {
    if !worker::supported() {
        return ().into_any();
    }
    let url = format!("{}{path}", crate::browser::base_path());
    let state = RwSignal::new(State::Checking);
    {
        let url = url.clone();
        spawn_local(async move {
            let saved = worker::ask(json!({ "type": "status", "url": url }))
                .await
                .ok()
                .and_then(|reply| reply.get("saved").and_then(serde_json::Value::as_bool));
            state.set(if saved == Some(true) {
                State::Saved
            } else {
                State::NotSaved
            });
        });
    }
    let toggle = move |_| {
        let was_saved = state.get_untracked() == State::Saved;
        state.set(State::Busy);
        let url = url.clone();
        spawn_local(async move {
            let kind = if was_saved { "unsave" } else { "save" };
            state.set(
                match worker::ask(json!({ "type": kind, "url": url })).await {
                    Ok(reply)
                        if reply.get("ok").and_then(serde_json::Value::as_bool) == Some(true) =>
                    {
                        if was_saved {
                            State::NotSaved
                        } else {
                            State::Saved
                        }
                    }
                    Ok(reply) => State::Failed(
                        reply
                            .get("error")
                            .and_then(serde_json::Value::as_str)
                            .unwrap_or("the page could not be kept")
                            .to_string(),
                    ),
                    Err(error) => State::Failed(error),
                },
            );
        });
    };
    let saved = move || state.get() == State::Saved;
    view! {
        <div class="save-offline">
            <button
                type="button"
                class="button"
                aria-pressed=move || if saved() { "true" } else { "false" }
                disabled=move || matches!(state.get(), State::Checking | State::Busy)
                on:click=toggle
            >
                {move || match state.get() {
                    State::Saved => "Saved for offline ✓",
                    State::Busy => "Saving…",
                    _ => "Save for offline",
                }}
            </button>
            <span class="save-offline-status" role="status">
                {move || match state.get() {
                    State::Saved => "Saved: this page opens without a connection.".to_string(),
                    State::Failed(why) => format!("Could not save it: {why}"),
                    _ => String::new(),
                }}
            </span>
        </div>
    }
    .into_any()
}
