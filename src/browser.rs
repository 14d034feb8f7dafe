//! The browser edge: everything that calls web-sys lives here, behind small functions, so the
//! rest of the app stays plain Rust and reactive code.

use web_sys::window;

/// localStorage key of the reader's theme choice (also read by `public/theme-init.js`).
const THEME_KEY: &str = "sb-theme";

fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// The site's base path without a trailing slash: `""` at the root, `"/newsletter"` under a
/// sub-path. Read from the `<base href>` that trunk writes for `--public-url`.
pub fn base_path() -> String {
    thread_local! {
        static BASE: String = read_base_path();
    }
    BASE.with(Clone::clone)
}

fn read_base_path() -> String {
    let base_uri = window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    sb_model::paths::base_path_of(&base_uri)
}

/// A theme the reader chose explicitly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn other(self) -> Theme {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }
}

/// The theme in effect: the saved choice, else the system setting.
pub fn current_theme() -> Theme {
    let saved = storage().and_then(|s| s.get_item(THEME_KEY).ok().flatten());
    match saved.as_deref() {
        Some("dark") => Theme::Dark,
        Some("light") => Theme::Light,
        _ if system_prefers_dark() => Theme::Dark,
        _ => Theme::Light,
    }
}

fn system_prefers_dark() -> bool {
    window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Applies and remembers a theme. Storage may be blocked (private modes): the theme still
/// applies for this visit.
pub fn set_theme(theme: Theme) {
    if let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-theme", theme.as_str());
    }
    if let Some(s) = storage() {
        let _ = s.set_item(THEME_KEY, theme.as_str());
    }
}

/// Scrolls to the top, as a new page should start.
pub fn scroll_to_top() {
    if let Some(w) = window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// The skip link's click: move focus to `<main>` without changing the URL. A plain `#main`
/// would resolve against `<base href>` and leave the page when the site lives under a sub-path.
pub fn skip_to_main(ev: web_sys::MouseEvent) {
    ev.prevent_default();
    let main = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
    if let Some(main) = main {
        let _ = main.focus();
    }
}

/// Clicks on in-page links (`#…`) inside rendered article HTML: scroll to the target instead of
/// letting `<base href>` turn them into a navigation to another page.
pub fn follow_in_page_link(ev: web_sys::MouseEvent) {
    use wasm_bindgen::JsCast;
    let Some(anchor) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("a[href^='#']").ok().flatten())
    else {
        return;
    };
    let id = anchor.get_attribute("href").unwrap_or_default();
    let id = id.trim_start_matches('#');
    let target = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id));
    if let Some(target) = target {
        ev.prevent_default();
        target.scroll_into_view();
        if let Some(w) = window() {
            let loc = w.location();
            let here = format!(
                "{}{}#{id}",
                loc.pathname().unwrap_or_default(),
                loc.search().unwrap_or_default()
            );
            if let Ok(history) = w.history() {
                let _ =
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&here));
            }
        }
    }
}
