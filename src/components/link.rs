//! In-app links that respect the base path. leptos_router's `<A>` leaves absolute paths as
//! they are, so under a sub-path (`/newsletter/`) `"/articles"` would leave the site; every
//! internal link goes through [`Link`], which prefixes the base.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::browser;

#[component]
pub fn Link(
    /// A path inside the app, starting with `/`.
    #[prop(into)]
    href: String,
    /// Mark as current only on an exact match (for the home link).
    #[prop(optional)]
    exact: bool,
    children: Children,
) -> impl IntoView {
    view! {
        <A href=sb_model::paths::app_href(&browser::base_path(), &href) exact>
            {children()}
        </A>
    }
}
