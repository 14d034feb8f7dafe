//! The only calls to the service worker API: registering the site's worker, noticing a new
//! deploy waiting to take over, and asking the worker questions (save a page, list what it
//! holds). The worker itself is `public/sw.template.js`, filled in at build time
//! (`xtask/src/offline.rs`); its messages are `{type: …}` objects answered on a
//! `MessageChannel` port.

use js_sys::{Array, Promise, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageChannel, MessageEvent, ServiceWorkerContainer, ServiceWorkerRegistration};

/// How long an answer from the worker may take before the question counts as failed.
const REPLY_TIMEOUT_MS: i32 = 10_000;
/// How often an open tab asks whether a new deploy is out (the browser also checks on every
/// page load).
const UPDATE_CHECK_MS: i32 = 30 * 60 * 1000;
/// How long Reload waits for the new worker before reloading anyway.
const RELOAD_FALLBACK_MS: i32 = 5_000;

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent outside secure contexts and in some private modes: then the site works online only.
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .ok()?
        .then(|| navigator.service_worker())
}

thread_local! {
    /// Whether registering the worker failed (blocked, or refused by the browser): then every
    /// question fails at once instead of waiting for a worker that never comes.
    static REFUSED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Whether this tab asked for the update (it reloads itself; other tabs are told).
    static RELOADING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether this browser can keep pages for offline reading.
pub fn supported() -> bool {
    container().is_some() && !REFUSED.get()
}

/// Registers the worker for the site's base path, and calls `on_update` when a new deploy's
/// worker has installed and waits for the reader to reload (now, or whenever it happens).
pub fn register(on_update: impl Fn() + 'static) {
    let Some(container) = container() else { return };
    let base = crate::browser::base_path();
    let options = web_sys::RegistrationOptions::new();
    options.set_scope(&format!("{base}/"));
    let promise = container.register_with_options(&format!("{base}/sw.js"), &options);
    wasm_bindgen_futures::spawn_local(async move {
        // Anything but a registration (a browser or test harness that blocks workers answers
        // `undefined`) means: no offline reading here, nothing to watch.
        let Ok(Ok(registration)) = JsFuture::from(promise)
            .await
            .map(|r| r.dyn_into::<ServiceWorkerRegistration>())
        else {
            REFUSED.set(true);
            return;
        };
        watch_updates(&container, &registration, std::rc::Rc::new(on_update));
        // The worker keeps the app's own modules only for a reader who uses the app (a reading
        // page runs without it, issue 11): this one does. Sent once the worker is active, however
        // long its first install takes (no answer is awaited).
        keep_app(&container).await;
    });
}

/// The registration once it has an active worker (`navigator.serviceWorker.ready`), however
/// long that takes; None where there is none to wait for.
async fn ready_registration(
    container: &ServiceWorkerContainer,
) -> Option<ServiceWorkerRegistration> {
    let ready = container.ready().ok()?;
    JsFuture::from(ready).await.ok()?.dyn_into().ok()
}

/// Asks the active worker to keep every module of the app (`keep-app`), once there is one.
async fn keep_app(container: &ServiceWorkerContainer) {
    let Some(registration) = ready_registration(container).await else {
        return;
    };
    if let (Some(worker), Ok(message)) =
        (registration.active(), JSON::parse(r#"{"type":"keep-app"}"#))
    {
        let _ = worker.post_message(&message);
    }
}

fn watch_updates(
    container: &ServiceWorkerContainer,
    registration: &ServiceWorkerRegistration,
    on_update: std::rc::Rc<dyn Fn()>,
) {
    // A waiting worker matters only when an older one controls this page: the very first
    // install activates on its own.
    let controlled = {
        let container = container.clone();
        move || container.controller().is_some()
    };
    if registration.waiting().is_some() && controlled() {
        on_update();
    }
    // Another tab pressed Reload: a new worker controls this tab too, which still runs the old
    // app. It says so, as for a waiting update (the very first control is no update).
    let was_controlled = std::cell::Cell::new(controlled());
    let taken = {
        let on_update = on_update.clone();
        Closure::<dyn FnMut()>::new(move || {
            if was_controlled.replace(true) && !RELOADING.get() {
                on_update();
            }
        })
    };
    let _ = container
        .add_event_listener_with_callback("controllerchange", taken.as_ref().unchecked_ref());
    taken.forget();
    let reg = registration.clone();
    let found = Closure::<dyn FnMut()>::new(move || {
        let Some(installing) = reg.installing() else {
            return;
        };
        let (worker, on_update, controlled) =
            (installing.clone(), on_update.clone(), controlled.clone());
        let changed = Closure::<dyn FnMut()>::new(move || {
            if worker.state() == web_sys::ServiceWorkerState::Installed && controlled() {
                on_update();
            }
        });
        installing.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
        changed.forget();
    });
    registration.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
    found.forget();
    let reg = registration.clone();
    let check = Closure::<dyn FnMut()>::new(move || {
        let _ = reg.update();
    });
    if let Some(window) = web_sys::window() {
        let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(
            check.as_ref().unchecked_ref(),
            UPDATE_CHECK_MS,
        );
    }
    check.forget();
}

/// Lets the waiting worker take over and reloads the page once it has (the new deploy's
/// files then serve the page).
pub fn activate_update() {
    let Some(container) = container() else { return };
    RELOADING.set(true);
    let reload = Closure::<dyn FnMut()>::new(|| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    let _ = container
        .add_event_listener_with_callback("controllerchange", reload.as_ref().unchecked_ref());
    // If the new worker never takes over (it failed, or another tab's reload raced this one),
    // reload anyway: the page then asks for the newest deploy.
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            reload.as_ref().unchecked_ref(),
            RELOAD_FALLBACK_MS,
        );
    }
    reload.forget();
    wasm_bindgen_futures::spawn_local(async move {
        let Some(registration) = ready_registration(&container).await else {
            return;
        };
        match registration.waiting() {
            Some(waiting) => {
                let message = JSON::parse(r#"{"type":"skip-waiting"}"#).unwrap_or_default();
                let _ = waiting.post_message(&message);
            }
            // Nothing waits any more (another tab took the update): reload onto it.
            None => {
                if let Some(window) = web_sys::window() {
                    let _ = window.location().reload();
                }
            }
        }
    });
}

/// Sends `{type: kind, url}` to the active worker and returns its answer. Fails with a readable
/// reason when the worker is not there or does not answer in time.
pub async fn ask<R: serde::de::DeserializeOwned>(
    kind: &str,
    url: Option<&str>,
) -> Result<R, String> {
    let message = serde_json::to_string(&sb_model::offline::Message { kind, url })
        .map_err(|e| e.to_string())?;
    if REFUSED.get() {
        return Err("This browser does not let this site keep pages offline.".into());
    }
    let container = container().ok_or("This browser cannot keep pages offline.")?;
    let ready = container.ready().map_err(describe)?;
    let registration: ServiceWorkerRegistration = JsFuture::from(within_timeout(ready))
        .await
        .map_err(describe)?
        .dyn_into()
        .map_err(|_| "The offline helper is not running.".to_string())?;
    let worker = registration
        .active()
        .ok_or("The offline helper is not running yet: try again in a moment.")?;
    let message = JSON::parse(&message).map_err(describe)?;
    let channel = MessageChannel::new().map_err(describe)?;
    let port = channel.port1();
    let answer = Promise::new(&mut |resolve, _| {
        let on_message = Closure::once_into_js(move |event: MessageEvent| {
            let _ = resolve.call1(&JsValue::NULL, &event.data());
        });
        port.set_onmessage(Some(on_message.unchecked_ref()));
    });
    worker
        .post_message_with_transferable(&message, &Array::of1(&channel.port2()))
        .map_err(describe)?;
    let reply = JsFuture::from(within_timeout(answer)).await;
    port.close();
    let reply = JSON::stringify(&reply.map_err(describe)?)
        .map(String::from)
        .map_err(describe)?;
    serde_json::from_str(&reply).map_err(|e| e.to_string())
}

/// `promise`, or a rejection after [`REPLY_TIMEOUT_MS`] (a worker that never starts or never
/// answers must not leave a button waiting for ever).
fn within_timeout(promise: Promise) -> Promise {
    let timeout = Promise::new(&mut |_, reject| {
        let on_timeout = Closure::once_into_js(move || {
            let _ = reject.call1(
                &JsValue::NULL,
                &"Offline reading is not ready yet: try again in a moment.".into(),
            );
        });
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                on_timeout.unchecked_ref(),
                REPLY_TIMEOUT_MS,
            );
        }
    });
    Promise::race(&Array::of2(&promise, &timeout))
}

fn describe(error: JsValue) -> String {
    error
        .as_string()
        .or_else(|| {
            error
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "The offline helper failed.".to_string())
}

/// Asks the browser not to evict this site's storage under pressure (the reader chose to save
/// something); browsers decide for themselves, so the answer is not waited for.
pub fn ask_to_keep_storage() {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().storage().persist();
    }
}
