//! The index of weekly reading lists, newest first.

use leptos::prelude::*;
use sb_model::paths::page;

use crate::api;
use crate::components::cards::WeekCard;
use crate::components::index_list::IndexList;

#[component]
pub fn WeeksPage() -> impl IntoView {
    view! {
        <IndexList
            title="Weekly reading lists"
            lead="What is worth your time in ML engineering each week, with our take on each."
            base=Signal::stored(page::weekly())
            fetch=api::weeks_page
            item=|week| view! { <WeekCard week /> }
        />
    }
}
