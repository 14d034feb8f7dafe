//! "Save for offline" on an article or a week: asks the worker to keep the page with its data
//! and images (not only the part scrolled into view), and says when it is saved. A toggle
//! button: its name stays "Save for offline" and `aria-pressed` says whether it is saved;
//! pressing it again removes the saved copy. It is never disabled (focus stays on it); a press
//! while the worker is busy is ignored.

use leptos::prelude::*;
use leptos::task::spawn_local;
use sb_model::offline::Reply;

use super::worker;

#[derive(Clone, Debug, PartialEq)]
enum State {
    Checking,
    NotSaved,
    Saving,
    Removing,
    Saved,
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
    let said = RwSignal::new(String::new());
    {
        let url = url.clone();
        spawn_local(async move {
            let saved = worker::ask::<Reply>("status", Some(&url))
                .await
                .is_ok_and(|r| r.saved);
            state.set(if saved { State::Saved } else { State::NotSaved });
        });
    }
    let toggle = move |_| {
        let was_saved = match state.get_untracked() {
            State::Saved => true,
            State::NotSaved => false,
            _ => return,
        };
        state.set(if was_saved {
            State::Removing
        } else {
            State::Saving
        });
        said.set(String::new());
        let url = url.clone();
        spawn_local(async move {
            let kind = if was_saved { "unsave" } else { "save" };
            let failed = match worker::ask::<Reply>(kind, Some(&url)).await {
                Ok(r) if r.ok => None,
                Ok(r) => Some(
                    r.error
                        .unwrap_or_else(|| "the worker could not do it".into()),
                ),
                Err(why) => Some(why),
            };
            match (failed, was_saved) {
                (None, false) => {
                    worker::ask_to_keep_storage();
                    state.set(State::Saved);
                    said.set("Saved: this page opens without a connection.".into());
                }
                (None, true) => {
                    state.set(State::NotSaved);
                    said.set("Removed from the pages saved for offline.".into());
                }
                (Some(why), _) => {
                    // Unchanged: what was saved stays saved.
                    state.set(if was_saved {
                        State::Saved
                    } else {
                        State::NotSaved
                    });
                    let what = if was_saved { "remove" } else { "save" };
                    said.set(format!("Could not {what} it: {why}"));
                }
            }
        });
    };
    let pressed = move || matches!(state.get(), State::Saved | State::Removing);
    let busy = move || {
        matches!(
            state.get(),
            State::Checking | State::Saving | State::Removing
        )
    };
    view! {
        <div class="save-offline">
            <button
                type="button"
                class="button"
                aria-pressed=move || if pressed() { "true" } else { "false" }
                aria-disabled=move || if busy() { "true" } else { "false" }
                on:click=toggle
            >
                <span class="save-offline-mark" aria-hidden="true">
                    {move || if pressed() { "✓ " } else { "" }}
                </span>
                "Save for offline"
            </button>
            <span class="save-offline-status" role="status">
                {move || match state.get() {
                    State::Saving => "Saving…".to_string(),
                    State::Removing => "Removing…".to_string(),
                    _ => said.get(),
                }}
            </span>
        </div>
    }
    .into_any()
}
