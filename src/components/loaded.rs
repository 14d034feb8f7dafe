//! Shows a fetched document: a loading line while it arrives, the page once it is there, and the
//! [`ErrorView`] with a retry when it fails. Every page that fetches goes through this.
//!
//! It reads the resource directly instead of using `<Suspense>`/`<Transition>`: the result is
//! the same for a reader, and each use costs far less wasm (a suspense boundary is compiled
//! anew for every page and document type).

use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::error_view::ErrorView;

#[component]
pub fn Loaded<T, F, V>(
    resource: LocalResource<Result<T, ApiError>>,
    render: F,
    /// The document is the whole page (an article, a week, the road map): a failure's heading
    /// is then the page's h1.
    #[prop(optional)]
    whole_page: bool,
) -> impl IntoView
where
    T: Clone + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    move || match resource.get() {
        None => view! { <p class="loading" role="status">"Loading…"</p> }.into_any(),
        Some(Ok(data)) => render(data).into_any(),
        Some(Err(error)) => {
            view! { <ErrorView error whole_page on_retry=move || resource.refetch() /> }.into_any()
        }
    }
}
