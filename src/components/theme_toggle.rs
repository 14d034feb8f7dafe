//! The light/dark switch. The first visit follows the system setting; a choice is remembered.

use leptos::prelude::*;

use crate::browser::{self, Theme};

#[component]
pub fn ThemeToggle() -> impl IntoView {
    let theme = RwSignal::new(browser::current_theme());
    // The pre-rendered copy's switch (the boot script) may be pressed while the app renders
    // hidden: the label follows the theme the reader has when the app is shown.
    browser::after_takeover(move || {
        let _ = theme.try_set(browser::current_theme());
    });
    let label = move || format!("Switch to {} theme", theme.get().other().as_str());
    view! {
        <button
            class="theme-toggle"
            type="button"
            aria-label=label
            title=label
            on:click=move |_| {
                let next = theme.get_untracked().other();
                browser::set_theme(next);
                theme.set(next);
            }
        >
            <span aria-hidden="true">
                {move || match theme.get() {
                    Theme::Light => "☾",
                    Theme::Dark => "☀",
                }}
            </span>
        </button>
    }
}
