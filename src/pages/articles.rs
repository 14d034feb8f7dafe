//! The list of all topic articles, newest first, one index page at a time (`?page=N`).

use leptos::prelude::*;

use crate::api;
use crate::components::cards::ArticleCard;
use crate::components::index_list::IndexList;

#[component]
pub fn ArticlesPage() -> impl IntoView {
    view! {
        <IndexList
            title="Articles"
            lead="Every weekly topic article, newest first."
            base="/articles"
            fetch=api::articles_page
            item=|article| view! { <ArticleCard article /> }
        />
    }
}
