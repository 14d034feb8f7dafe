//! Boots the Society's Backend app in the browser.

fn main() {
    leptos::mount::mount_to_body(sb_site::app::App);
}
