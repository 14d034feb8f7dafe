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

/// The theme in effect: the one applied to `<html data-theme>` (theme-init.js applies the saved
/// choice, and the pre-rendered copy's switch, in the boot script, sets it even where storage is
/// blocked), else the
/// saved choice, else the system setting.
pub fn current_theme() -> Theme {
    let applied = document()
        .and_then(|d| d.document_element())
        .and_then(|root| root.get_attribute("data-theme"));
    let saved = applied.or_else(|| storage().and_then(|s| s.get_item(THEME_KEY).ok().flatten()));
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

/// localStorage key of the reader's road map progress (JSON of `sb_model::progress::Progress`).
const PROGRESS_KEY: &str = "sb-roadmap-progress";

/// The saved road map progress, as stored.
pub fn load_progress() -> Option<String> {
    storage().and_then(|s| s.get_item(PROGRESS_KEY).ok().flatten())
}

/// Saves road map progress; false when storage is unavailable (private modes, quota).
pub fn save_progress(json: &str) -> bool {
    storage().is_some_and(|s| s.set_item(PROGRESS_KEY, json).is_ok())
}

/// The site's name as press published the page with it (`<meta property="og:site_name">`,
/// written from site.toml into every page), so titles end with it before `site.json` arrives.
pub fn site_name() -> String {
    thread_local! {
        static NAME: String = document()
            .and_then(|d| d.query_selector("meta[property='og:site_name']").ok().flatten())
            .and_then(|m| m.get_attribute("content"))
            .unwrap_or_default();
    }
    NAME.with(Clone::clone)
}

/// Whether the browser says it has no network (a failed fetch is then "offline", not an error).
pub fn is_offline() -> bool {
    window().is_some_and(|w| !w.navigator().on_line())
}

fn document() -> Option<web_sys::Document> {
    window().and_then(|w| w.document())
}

/// Moves keyboard focus to the element with this id (after the takeover: until then the id
/// may name the pre-rendered copy's element).
pub fn focus_id(id: &str) {
    let id = id.to_string();
    after_takeover(move || {
        use wasm_bindgen::JsCast;
        if let Some(el) = document()
            .and_then(|d| d.get_element_by_id(&id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

/// Scrolls the element with this id to the middle of the screen (after the takeover).
pub fn scroll_to_id(id: &str) {
    let id = id.to_string();
    after_takeover(move || {
        if let Some(d) = document() {
            scroll_into_center(&d, &id);
        }
    });
}

fn scroll_into_center(document: &web_sys::Document, id: &str) {
    if let Some(el) = document.get_element_by_id(id) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Offers `text` as a file download named `filename`.
pub fn download_text(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "could not create the file")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "could not create the file")?;
    let anchor = document()
        .and_then(|d| d.create_element("a").ok())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or("no document")?;
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The text of the first file chosen in a file input, refused unread when larger than
/// `max_bytes`.
pub async fn read_chosen_file(
    input: &web_sys::HtmlInputElement,
    max_bytes: usize,
) -> Result<String, String> {
    let file = input
        .files()
        .and_then(|f| f.get(0))
        .ok_or("no file was chosen")?;
    sb_model::progress::check_size("the file", file.size() as u64, max_bytes)?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| "the file could not be read")?;
    text.as_string()
        .ok_or_else(|| "the file is not text".to_string())
}

/// Copies text to the clipboard; false when the browser refuses.
pub async fn copy_text(text: &str) -> bool {
    let Some(clipboard) = window().map(|w| w.navigator().clipboard()) else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .is_ok()
}

/// `https://host` of the page, for absolute links to share.
pub fn origin() -> String {
    window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// `https://host/<base><path>`: an absolute address of a page of this site.
pub fn absolute_url(path: &str) -> String {
    format!("{}{}{path}", origin(), base_path())
}

/// Whether this page is shown inside a frame (`window.top != window.self`). A browser that
/// will not tell counts as framed: the app then shows only what may be framed.
pub fn is_framed() -> bool {
    let Some(w) = window() else { return false };
    !matches!(w.top(), Ok(Some(top)) if top == w)
}

/// This page's address without its fragment (which may carry a key), for "open in a new tab".
pub fn href_without_fragment() -> String {
    let Some(w) = window() else {
        return String::new();
    };
    let loc = w.location();
    format!(
        "{}{}{}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_default(),
        loc.search().unwrap_or_default()
    )
}

/// Opens a link in a new tab (for Enter on a road map resource).
pub fn open_new_tab(url: &str) {
    if let Some(w) = window() {
        let _ = w.open_with_url_and_target_and_features(url, "_blank", "noopener,noreferrer");
    }
}

/// Sets up the page as an embed widget: marks `<html>` (for the widget's CSS), applies the
/// widget's theme for this page only (never saved), and reports the content's height to the
/// embedding page whenever it changes, so the loader can size the iframe (no inner scrollbar).
pub fn prepare_embed(theme: Option<&str>) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(document) = document() else { return };
    if let Some(root) = document.document_element() {
        let _ = root.class_list().add_1("embed");
        let _ = match theme {
            Some(t) => root.set_attribute("data-theme", t),
            None => root.remove_attribute("data-theme"),
        };
    }
    let Some(body) = document.body() else { return };
    let report = Closure::<dyn FnMut()>::new(move || {
        let Some(w) = window() else { return };
        let Some(body) = w.document().and_then(|d| d.body()) else {
            return;
        };
        let height = body.get_bounding_client_rect().height().ceil();
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"sb-roadmap:height".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        if let Ok(Some(parent)) = w.parent() {
            if parent != w {
                let _ = parent.post_message(&message, "*");
            }
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(report.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    // The observer lives as long as the page.
    report.forget();
}

/// localStorage key of the reader's subscriber keys (`tier.kid.key`, one per line).
const KEYS_KEY: &str = "sb-keys";

pub fn load_keys() -> String {
    storage()
        .and_then(|s| s.get_item(KEYS_KEY).ok().flatten())
        .unwrap_or_default()
}

/// Saves the keys; an empty text removes them. False when storage is unavailable.
pub fn save_keys(text: &str) -> bool {
    storage().is_some_and(|s| {
        if text.is_empty() {
            s.remove_item(KEYS_KEY).is_ok()
        } else {
            s.set_item(KEYS_KEY, text).is_ok()
        }
    })
}

/// The address bar's fragment (without `#`) when it holds `param` (`k=`), removed from the
/// address bar and from history so a secret in it is neither shown nor kept.
pub fn take_fragment(param: &str) -> Option<String> {
    let window = window()?;
    let location = window.location();
    let hash = location.hash().ok().filter(|h| h.contains(param))?;
    let clean = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&clean));
    }
    Some(hash[1..].to_string())
}

// Taking over from the pre-rendered copy. `press pages` writes every page with its content
// already in `<div id="sb-prerendered">`; the app mounts into a hidden `<div id="sb-app">` next
// to it and, once its own page has rendered, swaps the two in one frame, keeping the reader's
// scroll and focus. Until then ids exist twice: scrolling and focusing by id wait (see
// [`after_takeover`]).

const STATIC_ID: &str = "sb-prerendered";
const APP_ID: &str = "sb-app";
/// How long the app waits for its page before taking over anyway (a page that never renders
/// must not leave a reader on a copy whose scripts never answer).
const TAKEOVER_TIMEOUT_MS: f64 = 6000.0;

thread_local! {
    static TAKEN_OVER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    static AFTER: std::cell::RefCell<Vec<Box<dyn FnOnce()>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Where the app mounts: a new hidden `#sb-app` after the pre-rendered copy when there is one,
/// else `<body>`.
pub fn app_root() -> web_sys::HtmlElement {
    use wasm_bindgen::JsCast;
    let document = document().expect("a document");
    let body = document.body().expect("a body");
    if document.get_element_by_id(STATIC_ID).is_none() {
        return body;
    }
    let root = document
        .create_element("div")
        .expect("a div")
        .unchecked_into::<web_sys::HtmlElement>();
    root.set_id(APP_ID);
    root.set_hidden(true);
    let _ = body.append_child(&root);
    root
}

/// Whether the app's copy is the one shown (always, when there was no pre-rendered copy).
pub fn taken_over() -> bool {
    TAKEN_OVER.get()
}

/// Runs `f` now if the app's copy is shown, else right after the takeover.
pub fn after_takeover(f: impl FnOnce() + 'static) {
    if taken_over() {
        f();
    } else {
        AFTER.with_borrow_mut(|q| q.push(Box::new(f)));
    }
}

/// Called once the app is mounted: takes over at once without a pre-rendered copy, else as
/// soon as the app's `main` shows its page (a heading or an error, nothing loading or still being
/// built: `aria-busy`), or after
/// [`TAKEOVER_TIMEOUT_MS`].
pub fn take_over_when_rendered() {
    let deadline = js_sys::Date::now() + TAKEOVER_TIMEOUT_MS;
    poll_takeover(deadline);
}

fn poll_takeover(deadline: f64) {
    let Some(document) = document() else { return };
    let app = document.get_element_by_id(APP_ID);
    let rendered = |app: &web_sys::Element| {
        let found = |s: &str| app.query_selector(s).ok().flatten().is_some();
        (found("main h1") || found("main [role=alert]"))
            && !found("main .loading, main [aria-busy=true]")
    };
    match app {
        Some(app) if !rendered(&app) && js_sys::Date::now() < deadline => {
            leptos::prelude::request_animation_frame(move || poll_takeover(deadline));
        }
        Some(app) => swap(&document, &app),
        None => finish(&document),
    }
}

/// Replaces the pre-rendered copy with the app's, all in one frame.
fn swap(document: &web_sys::Document, app: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    let Some(w) = window() else { return };
    let Some(copy) = document.get_element_by_id(STATIC_ID) else {
        return finish(document);
    };
    let (x, y) = (w.scroll_x().unwrap_or(0.0), w.scroll_y().unwrap_or(0.0));
    let focused = document
        .active_element()
        .filter(|e| copy.contains(Some(e)) && !copy.is_same_node(Some(e)))
        .map(|e| match e.id() {
            id if !id.is_empty() => Err(id),
            _ => Ok(path_from(&copy, &e)),
        });
    let fragment = w
        .location()
        .hash()
        .ok()
        .and_then(|h| h.strip_prefix('#').map(str::to_string))
        .filter(|h| !h.is_empty())
        .map(|h| js_sys::decode_uri_component(&h).map_or(h, String::from));
    // The browser already jumped to a target the copy has; the restored offset keeps it.
    let copy_had_target = fragment
        .as_deref()
        .and_then(|id| document.get_element_by_id(id))
        .is_some_and(|t| copy.contains(Some(&t)));
    let typed = typed_words(&copy);
    let anchor = if y == 0.0 {
        None
    } else {
        scroll_anchor(&w, document, &copy)
    };
    copy.remove();
    let _ = app.remove_attribute("hidden");
    give_typed_words(document, typed);
    let target = match focused {
        Some(Err(id)) => document.get_element_by_id(&id),
        Some(Ok(path)) => element_at(app, &path),
        None => None,
    };
    if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
    restore_scroll(&w, document, x, y, anchor);
    if let Some(id) = fragment.filter(|_| !copy_had_target && x == 0.0 && y == 0.0) {
        scroll_into_center(document, &id);
    }
    finish(document);
}

/// The search fields of the pre-rendered pages (the header's box, the search page's).
const SEARCH_FIELDS: [&str; 2] = ["site-search", "search-page-q"];

/// What the reader typed into the copy's search fields (`id`, words) before the app came.
fn typed_words(copy: &web_sys::Element) -> Vec<(String, String)> {
    use wasm_bindgen::JsCast;
    SEARCH_FIELDS
        .iter()
        .filter_map(|id| {
            let field = copy
                .query_selector(&format!("#{id}"))
                .ok()??
                .dyn_into::<web_sys::HtmlInputElement>()
                .ok()?;
            let words = field.value();
            (!words.is_empty()).then(|| (id.to_string(), words))
        })
        .collect()
}

/// Puts the words typed into the copy's search fields into the app's fields of the same id (when
/// those are still empty) and tells the app, as typing would: the words are not lost, and are
/// searched.
fn give_typed_words(document: &web_sys::Document, typed: Vec<(String, String)>) {
    use wasm_bindgen::JsCast;
    for (id, words) in typed {
        let Some(field) = document
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            continue;
        };
        if !field.value().is_empty() {
            continue;
        }
        field.set_value(&words);
        if let Ok(event) = document.create_event("Event") {
            event.init_event_with_bubbles_and_cancelable("input", true, false);
            let _ = field.dispatch_event(&event);
        }
    }
}

/// What the reader is looking at in the copy: the element with an id around the point a third
/// of the way down the window, and how far from the window's top it is. The app's version of a
/// page can be taller above it (the road map's rows gain status buttons), so the takeover keeps
/// that element in place rather than the scroll offset in pixels.
fn scroll_anchor(
    w: &web_sys::Window,
    document: &web_sys::Document,
    copy: &web_sys::Element,
) -> Option<(String, f64)> {
    let width = w.inner_width().ok()?.as_f64()?;
    let height = w.inner_height().ok()?.as_f64()?;
    let mut el = document.element_from_point((width / 2.0) as f32, (height / 3.0) as f32)?;
    while el.id().is_empty() {
        el = el.parent_element()?;
    }
    if copy.is_same_node(Some(&el)) || !copy.contains(Some(&el)) {
        return None;
    }
    Some((el.id(), el.get_bounding_client_rect().top()))
}

/// Puts the anchor back where it was on screen, or, without one, the scroll offset.
fn restore_scroll(
    w: &web_sys::Window,
    document: &web_sys::Document,
    x: f64,
    y: f64,
    anchor: Option<(String, f64)>,
) {
    match anchor.and_then(|(id, top)| Some((document.get_element_by_id(&id)?, top))) {
        Some((el, top)) => {
            let moved = el.get_bounding_client_rect().top() - top;
            let now = w.scroll_y().unwrap_or(y);
            w.scroll_to_with_x_and_y(x, now + moved);
        }
        None => w.scroll_to_with_x_and_y(x, y),
    }
}

/// The positions among element siblings from `root` down to `el`.
fn path_from(root: &web_sys::Element, el: &web_sys::Element) -> Vec<u32> {
    let mut path = Vec::new();
    let mut node = el.clone();
    while !root.is_same_node(Some(&node)) {
        let mut index = 0;
        let mut sibling = node.previous_element_sibling();
        while let Some(s) = sibling {
            index += 1;
            sibling = s.previous_element_sibling();
        }
        path.push(index);
        match node.parent_element() {
            Some(parent) => node = parent,
            None => return Vec::new(),
        }
    }
    path.reverse();
    path
}

fn element_at(root: &web_sys::Element, path: &[u32]) -> Option<web_sys::Element> {
    path.iter().try_fold(root.clone(), |node, &index| {
        (0..index).try_fold(node.first_element_child()?, |e, _| e.next_element_sibling())
    })
}

/// Marks `<html data-app="ready">` and runs what waited for the takeover.
fn finish(document: &web_sys::Document) {
    TAKEN_OVER.set(true);
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("data-app", "ready");
    }
    for f in AFTER.with_borrow_mut(std::mem::take) {
        f();
    }
}

/// Scrolls the element with this id just into view, if it is not (a listbox's active option).
pub fn scroll_into_view_nearest(id: &str) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// `text` encoded for a URL's query string.
pub fn encode_query_value(text: &str) -> String {
    String::from(js_sys::encode_uri_component(text))
}

/// Whether a key press asks for the search box: Ctrl+K or ⌘K anywhere, or `/` when the reader
/// is not typing in a field.
pub fn is_search_shortcut(ev: &web_sys::KeyboardEvent) -> bool {
    if ev.alt_key() || ev.default_prevented() {
        return false;
    }
    let key = ev.key();
    if (ev.ctrl_key() || ev.meta_key()) && key.eq_ignore_ascii_case("k") {
        return true;
    }
    if key != "/" || ev.ctrl_key() || ev.meta_key() {
        return false;
    }
    let typing = document()
        .and_then(|d| d.active_element())
        .is_some_and(|el| {
            use wasm_bindgen::JsCast;
            let tag = el.tag_name().to_ascii_lowercase();
            // `isContentEditable`, not the attribute: `contenteditable="false"` is not a field,
            // and an editable region's focused descendant is.
            matches!(tag.as_str(), "input" | "textarea" | "select")
                || el
                    .dyn_ref::<web_sys::HtmlElement>()
                    .is_some_and(|h| h.is_content_editable())
        });
    !typing
}

/// Whether focus moves to another element inside the one that lost it (a search popup's link).
pub fn focus_stays_inside(ev: &web_sys::FocusEvent) -> bool {
    use wasm_bindgen::JsCast;
    let container = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
    let next = ev
        .related_target()
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
    match (container, next) {
        (Some(c), Some(n)) => c.contains(Some(&n)),
        _ => false,
    }
}

/// Sets an attribute of the element with this id, if there is one.
pub fn set_attribute(id: &str, name: &str, value: &str) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)) {
        let _ = el.set_attribute(name, value);
    }
}

/// The `data-index` of the list item a click landed in (lists written as HTML handle their
/// clicks once, on the list).
pub fn clicked_index(ev: &web_sys::MouseEvent) -> Option<usize> {
    use wasm_bindgen::JsCast;
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    target
        .closest("[data-index]")
        .ok()??
        .get_attribute("data-index")?
        .parse()
        .ok()
}
