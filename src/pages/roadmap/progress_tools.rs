//! Taking progress elsewhere: export to a file, import from one, a share link for another
//! device, and clearing it all. Progress that comes in (a file, a share link) is shown in
//! [`IncomingDialog`] with what it would change, and applied only when the reader says so.

use leptos::prelude::*;
use sb_model::paths::page;
use sb_model::progress::{Progress, ProgressFile, MAX_FILE_BYTES};

use super::state::{Explorer, Source};
use crate::browser;

/// The share link for the current progress (absolute, so it can be pasted anywhere).
fn share_link(progress: &Progress) -> String {
    browser::absolute_url(&format!(
        "{}?progress={}",
        page::roadmap(),
        progress.to_share_code()
    ))
}

#[component]
pub fn ProgressTools() -> impl IntoView {
    let ex = Explorer::expect();
    let message = RwSignal::new(String::new());
    let link = RwSignal::new(String::new());
    let confirming = RwSignal::new(false);
    let file_input = NodeRef::<leptos::html::Input>::new();

    let export = move |_| {
        let json = ex
            .progress
            .with_untracked(|p| ProgressFile::new(p.clone()).to_json());
        match browser::download_text("ml-road-map-progress.json", "application/json", &json) {
            Ok(()) => message.set("Progress exported to ml-road-map-progress.json.".into()),
            Err(e) => message.set(format!("Export failed: {e}.")),
        }
    };
    let import = move |_| {
        let Some(input) = file_input.get() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let result = browser::read_chosen_file(&input, MAX_FILE_BYTES)
                .await
                .and_then(|text| ProgressFile::parse(&text));
            match result {
                Ok(imported) => {
                    message.set(String::new());
                    ex.propose(Source::File, Ok(imported));
                }
                Err(e) => message.set(format!("Could not import: {e}.")),
            }
            input.set_value("");
        });
    };
    let share = move |_| {
        let url = ex.progress.with_untracked(share_link);
        link.set(url.clone());
        leptos::task::spawn_local(async move {
            let copied = browser::copy_text(&url).await;
            message.set(if copied {
                "Share link copied. Open it on another device to carry your progress there.".into()
            } else {
                "Copy the share link below and open it on another device.".into()
            });
        });
    };
    let clear = move |_| {
        ex.update_progress(|p| *p = Progress::default());
        confirming.set(false);
        message.set("All road map progress was cleared.".into());
    };

    view! {
        <section class="progress-tools" aria-labelledby="progress-tools-title">
            <h2 id="progress-tools-title">"Your progress"</h2>
            <p class="muted">
                "Progress and notes stay in this browser; no account needed. Take them elsewhere with a file or a link."
            </p>
            <div class="tool-buttons">
                <button type="button" class="button" on:click=export>"Export progress"</button>
                <label class="button file-button">
                    "Import progress"
                    <input type="file" accept="application/json,.json" class="sr-only" node_ref=file_input on:change=import />
                </label>
                <button type="button" class="button" on:click=share>"Copy share link"</button>
                <Show
                    when=move || confirming.get()
                    fallback=move || view! { <button type="button" class="button" on:click=move |_| confirming.set(true)>"Clear progress"</button> }
                >
                    <span class="confirm">
                        "Clear all progress and notes? "
                        <button type="button" class="button button-danger" on:click=clear>"Yes, clear"</button>
                        <button type="button" class="button" on:click=move |_| confirming.set(false)>"Keep it"</button>
                    </span>
                </Show>
            </div>
            <Show when=move || !link.get().is_empty()>
                <label class="share-link">
                    <span>"Share link"</span>
                    <input type="text" readonly prop:value=move || link.get() on:focus=|ev| {
                        use wasm_bindgen::JsCast;
                        if let Some(i) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                            i.select();
                        }
                    } />
                </label>
            </Show>
            <p class="tool-message" role="status">{move || message.get()}</p>
            <IncomingDialog message />
            <Show when=move || !ex.saved.get()>
                <p class="notice notice-error" role="alert">"This browser is not saving progress (private mode or storage full). Export it to keep it."</p>
            </Show>
        </section>
    }
}

/// Progress from a share link or a file, before it changes anything: what it would add,
/// change and clear, how many unknown entries were left out, with Apply and Cancel (Escape
/// cancels). A modal dialog, so it is seen wherever the page is scrolled.
#[component]
fn IncomingDialog(message: RwSignal<String>) -> impl IntoView {
    let ex = Explorer::expect();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |_| {
        let pending = ex.incoming.with(Option::is_some);
        if let Some(d) = dialog.get() {
            if pending && !d.open() && d.show_modal().is_ok() {
                // The first button, once the dialog's content is in place.
                request_animation_frame(|| browser::focus_id("incoming-action"));
            } else if !pending && d.open() {
                d.close();
            }
        }
    });
    let close = move || {
        if ex.incoming.get_untracked().is_some() {
            ex.incoming.set(None);
            message.set("Nothing was changed.".into());
        }
    };
    let apply = move |_| {
        if let Some(done) = ex.apply_incoming() {
            ex.announcement.set(done.clone());
            message.set(done);
        }
    };
    let body = move || {
        let incoming = ex.incoming.get()?;
        let from = incoming.source.name();
        Some(match incoming.proposal {
            Err(e) => view! {
                <h2 id="incoming-title">"Progress not loaded"</h2>
                <p>{format!("The progress in {from} could not be used: {e}. Your progress was not changed.")}</p>
                <div class="tool-buttons">
                    <button type="button" id="incoming-action" class="button" on:click=move |_| close()>"Close"</button>
                </div>
            }
            .into_any(),
            Ok(p) if p.diff.is_empty() => view! {
                <h2 id="incoming-title">"Nothing to change"</h2>
                <p>{format!("This browser already has the progress in {from}.")}</p>
                {p.dropped_note().map(|n| view! { <p>{n}</p> })}
                <div class="tool-buttons">
                    <button type="button" id="incoming-action" class="button" on:click=move |_| close()>"Close"</button>
                </div>
            }
            .into_any(),
            Ok(p) => view! {
                <h2 id="incoming-title">{format!("Apply the progress in {from}?")}</h2>
                <p>"It would change the progress saved in this browser:"</p>
                <p class="incoming-summary">{p.diff.summary()}</p>
                {p.dropped_note().map(|n| view! { <p>{n}</p> })}
                <p class="muted">"Resources it does not mention keep their status."</p>
                <div class="tool-buttons">
                    <button type="button" id="incoming-action" class="button button-primary" on:click=apply>"Apply"</button>
                    <button type="button" class="button" on:click=move |_| close()>"Cancel"</button>
                </div>
            }
            .into_any(),
        })
    };
    view! {
        <dialog class="embed-dialog incoming-dialog" node_ref=dialog aria-labelledby="incoming-title" on:close=move |_| close()>
            {body}
        </dialog>
    }
}
