//! Shows a fetched document: a loading line while it arrives, the page once it is there, and the
//! [`ErrorView`] with a retry when it fails. Every page that fetches goes through this.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::error_view::ErrorView;

#[component]
pub fn Loaded<T, F, V>(resource: LocalResource<Result<T, ApiError>>, render: F) -> impl IntoView
where
    T: Clone + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <Transition fallback=|| view! { <p class="loading" role="status">"Loading…"</p> }>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(data) => render(data).into_any(),
                        Err(error) => {
                            view! { <ErrorView error on_retry=move || resource.refetch() /> }
                                .into_any()
                        }
                    }
                })
            }}
        </Transition>
    }
}
