//! Offline reading (issue 14): the site's service worker keeps the app and what the reader has
//! opened or saved, so it reads on a train. This module is the app's side of it:
//!
//! - [`worker`]: the only service worker calls (register, updates, questions to the worker);
//! - [`update_notice`]: "A new version is available — Reload" when a new deploy is waiting;
//! - [`save_button`]: "Save for offline" on articles and weeks;
//! - [`shelf_view`]: the list of pages available offline (the `/offline` page and the message
//!   a reader gets for a page that is not kept), from `sb_model::offline`;
//! - [`page`]: the `/offline` route, a lazily loaded chunk.

pub mod page;
pub mod save_button;
pub mod shelf_view;
pub mod update_notice;
pub mod worker;

use leptos::prelude::*;

/// Whether a new deploy waits for the reader to reload, shared through context.
#[derive(Clone, Copy)]
pub struct UpdateWaiting(pub RwSignal<bool>);

/// Provides [`UpdateWaiting`] and, once the app has taken over the page (so the worker's
/// install never competes with the first paint), registers the worker. Widgets framed by
/// other sites register nothing.
pub fn start() {
    let waiting = RwSignal::new(false);
    provide_context(UpdateWaiting(waiting));
    if crate::browser::is_framed() {
        return;
    }
    crate::browser::after_takeover(move || worker::register(move || waiting.set(true)));
}
