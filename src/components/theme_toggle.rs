//! The light/dark switch. The first visit follows the system setting; a choice is remembered.

use leptos::prelude::*;

use crate::browser::{self, Theme};

#[component]
pub fn ThemeToggle() -> impl IntoView {
    let theme = RwSignal::new(browser::current_theme());
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
