//! `/unlock`: where a subscriber's key arrives (`/unlock#k=<tier>.<kid>.<key>`, or pasted) and
//! where it is forgotten. The key is saved in this browser only and the fragment is removed
//! from the address bar at once; nothing is sent anywhere.

use leptos::prelude::*;
use leptos_meta::Title;
use sb_model::paywall::{UnlockKey, LINK_PARAM};

use crate::browser;
use crate::components::link::Link;
use crate::components::paywall::audience;
use crate::components::shell::SiteData;
use crate::paid::Keys;

/// The outcome shown after a key was offered.
#[derive(Clone)]
enum Outcome {
    /// The key, and whether the browser's storage kept it.
    Added(UnlockKey, bool),
    Refused(String),
}

#[component]
pub fn UnlockPage() -> impl IntoView {
    let keys = Keys::expect();
    let outcome = RwSignal::new(None::<Outcome>);
    let offer = move |text: &str| match UnlockKey::parse(text) {
        Ok(key) => {
            let saved = keys.keep(key.clone());
            outcome.set(Some(Outcome::Added(key, saved)));
        }
        Err(e) => outcome.set(Some(Outcome::Refused(e.to_string()))),
    };
    // A link's fragment is read, then removed from the address bar and history: on arrival,
    // and when a link is opened while this page is already showing.
    let take = move || {
        if let Some(fragment) = browser::take_fragment(LINK_PARAM) {
            offer(&fragment);
        }
    };
    take();
    let listener = window_event_listener(leptos::ev::hashchange, move |_| take());
    on_cleanup(move || listener.remove());
    let pasted = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        offer(&pasted.get_untracked());
        pasted.set(String::new());
    };
    let status = move || {
        outcome.get().map(|o| match o {
            Outcome::Added(key, saved) => view! {
                <div class="notice" role="status">
                    <p>
                        <strong>"Unlocked. "</strong>
                        {format!("Content for {} now opens in this browser (key “{}”).", audience(&key.tier), key.kid)}
                    </p>
                    {(!saved).then(|| view! {
                        <p>"This browser did not let the site save the key (private browsing or full storage): it works until you close this page."</p>
                    })}
                    <p>
                        <Link href="/articles">"Read the articles"</Link> " · " <Link href="/weekly">"See the weekly lists"</Link>
                    </p>
                </div>
            }
            .into_any(),
            Outcome::Refused(why) => view! {
                <div class="notice notice-error" role="alert">
                    <p><strong>"That key was not saved: "</strong>{why}</p>
                </div>
            }
            .into_any(),
        })
    };
    let site = SiteData::expect();
    view! {
        <Title text="Unlock paid content" />
        <article class="unlock">
            <h1>"Unlock paid content"</h1>
            <p class="lead">
                "Subscribers get a personal unlock link by email. Open it, or paste it or the key here, and paid articles and the longer weekly lists open in this browser."
            </p>
            {status}
            <form class="unlock-form" on:submit=submit>
                <label for="unlock-key">"Unlock link or key"</label>
                <div class="unlock-row">
                    <input
                        id="unlock-key"
                        type="text"
                        autocomplete="off"
                        spellcheck="false"
                        placeholder="paid.k2026-11.…"
                        prop:value=move || pasted.get()
                        on:input=move |ev| pasted.set(event_target_value(&ev))
                    />
                    <button type="submit" class="button button-primary">"Unlock"</button>
                </div>
            </form>
            <h2>"Keys in this browser"</h2>
            <KeyList />
            <h2>"How this works"</h2>
            <p>
                "Paid text is published encrypted, and your key decrypts it on your device. The key is kept in this browser's storage and is never sent to a server. Treat it like a password: anyone who has it can read what it opens."
            </p>
            <p>
                "Not a subscriber yet? "
                {move || site.config().map(|c| view! { <a href=c.subscribe_url rel="noopener noreferrer">"Subscribe"</a> })}
                " to get a key."
            </p>
        </article>
    }
}

/// The saved keys (tier and key id, never the secret) with a forget button each.
#[component]
fn KeyList() -> impl IntoView {
    let keys = Keys::expect();
    move || {
        let list = keys.0.get();
        if list.is_empty() {
            return view! { <p class="key-list-empty">"No key is saved in this browser: paid content stays locked."</p> }.into_any();
        }
        view! {
            <ul class="key-list">
                {list
                    .into_iter()
                    .map(|k| {
                        let label = format!("For {}, key “{}”", audience(&k.tier), k.kid);
                        let (tier, kid) = (k.tier.clone(), k.kid.clone());
                        view! {
                            <li>
                                <span>{label}</span>
                                <button
                                    type="button"
                                    class="button"
                                    aria-label=format!("Forget key “{}”", k.kid)
                                    on:click=move |_| {
                                        keys.forget(&tier, &kid);
                                    }
                                >
                                    "Forget key"
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <button type="button" class="button" on:click=move |_| {
                keys.forget_all();
            }>"Forget all keys"</button>
        }
        .into_any()
    }
}
