//! Boots the Society's Backend app in the browser: mounts it (hidden next to a pre-rendered
//! copy of the page when there is one) and takes over from that copy once it has rendered.

fn main() {
    let root = sb_site::browser::app_root();
    leptos::mount::mount_to(root, sb_site::app::App).forget();
    sb_site::browser::take_over_when_rendered();
}
