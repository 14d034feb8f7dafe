//! The "Embed" dialog: choose a section and options, see the widget live, copy the two lines to
//! paste into another site.

use leptos::prelude::*;
use sb_model::embed::{EmbedOptions, EmbedTheme};

use super::state::Explorer;
use crate::browser;

#[component]
pub fn EmbedDialog() -> impl IntoView {
    let ex = Explorer::expect();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let options = RwSignal::new(EmbedOptions::default());
    let copied = RwSignal::new(String::new());
    // The preview loads only while the dialog is open.
    let is_open = RwSignal::new(false);
    let sections: Vec<(String, String)> = ex.roadmap.with_value(|r| {
        r.sections
            .iter()
            .map(|s| (s.id.clone(), s.title.clone()))
            .collect()
    });
    let site_url = format!("{}{}/", browser::origin(), browser::base_path());
    let snippet = Memo::new(move |_| options.with(|o| o.snippet(&site_url)));
    let preview = move || options.with(|o| format!("{}{}", browser::base_path(), o.path()));
    let open = move |_| {
        copied.set(String::new());
        if let Some(d) = dialog.get() {
            is_open.set(d.show_modal().is_ok());
        }
    };
    let close = move |_| {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    let copy = move |_| {
        let text = snippet.get_untracked();
        leptos::task::spawn_local(async move {
            copied.set(if browser::copy_text(&text).await {
                "Copied. Paste it into your page's HTML.".into()
            } else {
                "Select the snippet and copy it.".into()
            });
        });
    };
    view! {
        <button type="button" class="button" on:click=open>"Embed this road map"</button>
        <dialog class="embed-dialog" node_ref=dialog aria-labelledby="embed-title" on:close=move |_| is_open.set(false)>
            <h2 id="embed-title">"Embed the road map on your site"</h2>
            <div class="embed-form">
                <label class="filter">
                    <span>"Section"</span>
                    <select on:change=move |ev| {
                        let v = event_target_value(&ev);
                        options.update(|o| o.section = (!v.is_empty()).then_some(v));
                    }>
                        <option value="">"Whole road map"</option>
                        {sections.into_iter().map(|(id, title)| view! { <option value=id>{title}</option> }).collect_view()}
                    </select>
                </label>
                <label class="filter">
                    <span>"Theme"</span>
                    <select on:change=move |ev| {
                        let v = event_target_value(&ev);
                        options.update(|o| o.theme = EmbedTheme::from_key(&v).unwrap_or_default());
                    }>
                        <option value="auto">"Follow the reader's system"</option>
                        <option value="light">"Light"</option>
                        <option value="dark">"Dark"</option>
                    </select>
                </label>
                <label class="check">
                    <input type="checkbox" prop:checked=move || options.with(|o| o.compact) on:change=move |ev| options.update(|o| o.compact = event_target_checked(&ev)) />
                    "Compact"
                </label>
                <label class="check">
                    <input type="checkbox" prop:checked=move || options.with(|o| o.progress) on:change=move |ev| options.update(|o| o.progress = event_target_checked(&ev)) />
                    "Readers can track progress"
                </label>
            </div>
            <Show when=move || is_open.get()>
                <iframe class="embed-preview" title="Preview of the road map widget" src=preview></iframe>
            </Show>
            <label class="share-link">
                <span>"Snippet to paste"</span>
                <textarea class="snippet" readonly rows="3" prop:value=move || snippet.get()></textarea>
            </label>
            <div class="tool-buttons">
                <button type="button" class="button button-primary" on:click=copy>"Copy snippet"</button>
                <button type="button" class="button" on:click=close>"Close"</button>
            </div>
            <p class="tool-message" role="status">{move || copied.get()}</p>
        </dialog>
    }
}
