//! Deep links to a part of a page (`/weekly/<week>#<entry>`, `/articles/<slug>#<heading>`):
//! the page's content arrives after the browser's own jump to the fragment, so the page asks
//! for it again once rendered, and again when more content arrives (opened paid parts).
//! While the app's copy is still hidden behind the pre-rendered page, the takeover does this
//! (only if the reader has not scrolled meanwhile), so nothing is asked here.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::browser;

/// Scrolls to the address's fragment after the first render and after each change of `track`.
pub fn scroll_to_fragment(track: impl Fn() + 'static) {
    let location = use_location();
    Effect::new(move |_| {
        track();
        if !browser::taken_over() {
            return;
        }
        let hash = location.hash.get_untracked();
        if let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) {
            let id = id.to_string();
            request_animation_frame(move || browser::scroll_to_id(&id));
        }
    });
}
