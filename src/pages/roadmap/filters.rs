//! Search as you type, and filters by type and by status.

use leptos::prelude::*;
use sb_model::progress::Status;
use sb_model::ResourceType;

use super::state::Explorer;

#[component]
pub fn Filters() -> impl IntoView {
    let ex = Explorer::expect();
    view! {
        <div class="filters" role="search">
            <label class="filter">
                <span>"Search the road map"</span>
                <input
                    type="search"
                    placeholder="Title, author, topic…"
                    prop:value=move || ex.filter.with(|f| f.query.clone())
                    on:input=move |ev| ex.filter.update(|f| f.query = event_target_value(&ev))
                />
            </label>
            <label class="filter">
                <span>"Type"</span>
                <select on:change=move |ev| ex.filter.update(|f| f.kind = ResourceType::from_key(&event_target_value(&ev)))>
                    <option value="" selected=move || ex.filter.with(|f| f.kind.is_none())>"All types"</option>
                    {ResourceType::ALL
                        .into_iter()
                        .map(|t| view! { <option value=t.key() selected=move || ex.filter.with(|f| f.kind == Some(t))>{t.label()}</option> })
                        .collect_view()}
                </select>
            </label>
            <label class="filter">
                <span>"Status"</span>
                <select on:change=move |ev| ex.filter.update(|f| f.status = Status::from_key(&event_target_value(&ev)))>
                    <option value="" selected=move || ex.filter.with(|f| f.status.is_none())>"Any status"</option>
                    {Status::ALL
                        .into_iter()
                        .map(|s| view! { <option value=s.key() selected=move || ex.filter.with(|f| f.status == Some(s))>{s.label()}</option> })
                        .collect_view()}
                </select>
            </label>
        </div>
    }
}
