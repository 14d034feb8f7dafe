//! The small notice a reader sees, in every open tab, when a new deploy of the site is ready:
//! reloading lets the new worker take over, so the page, the app and the data are the new
//! deploy's together.

use leptos::prelude::*;

use super::{worker, UpdateWaiting};

#[component]
pub fn UpdateNotice() -> impl IntoView {
    let waiting = expect_context::<UpdateWaiting>().0;
    let reloading = RwSignal::new(false);
    // The live region is always there, so a screen reader announces the notice when it fills.
    view! {
        <div class="update-notice-region" role="status">
            <Show when=move || waiting.get()>
                <div class="update-notice">
                    <p>"A new version of this site is available."</p>
                    <button
                        type="button"
                        class="button button-primary"
                        disabled=move || reloading.get()
                        on:click=move |_| {
                            reloading.set(true);
                            worker::activate_update();
                        }
                    >
                        {move || if reloading.get() { "Reloading…" } else { "Reload" }}
                    </button>
                    <button
                        type="button"
                        class="button"
                        aria-label="Later: keep reading this version"
                        on:click=move |_| {
                            waiting.set(false);
                            // The button goes away: focus goes back to the page, not to nothing.
                            crate::browser::focus_id("main");
                        }
                    >
                        "Later"
                    </button>
                </div>
            </Show>
        </div>
    }
}
