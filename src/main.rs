//! Boots the Society's Backend app in the browser: mounts it (hidden next to a pre-rendered
//! copy of the page when there is one) and takes over from that copy once it has rendered.

fn main() {
    // The module's start and the first render are two tasks, not one long one (issue 11).
    leptos::prelude::set_timeout(
        || {
            let root = sb_site::browser::app_root();
            leptos::mount::mount_to(root, sb_site::app::App).forget();
            sb_site::browser::take_over_when_rendered();
        },
        std::time::Duration::ZERO,
    );
}
