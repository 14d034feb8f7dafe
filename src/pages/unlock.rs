//! `/unlock`: where a subscriber's key arrives (`/unlock#k=<tier>.<kid>.<key>`, or pasted) and
//! where it is forgotten. The key is saved in this browser only and the fragment is removed
//! from the address bar at once; nothing is sent anywhere. A key never silently replaces one
//! already held for the same tier and key id: the reader is asked.

use leptos::prelude::*;
use leptos_meta::Title;
use sb_model::paths::page;
use sb_model::paywall::{KeyOffer, UnlockKey, LINK_PARAM};

use crate::browser;
use crate::components::link::Link;
use crate::components::paywall::audience;
use crate::components::shell::SiteData;
use crate::offline::page::ClearSaved;
use crate::paid::Keys;

/// The outcome shown after a key was offered.
#[derive(Clone)]
enum Outcome {
    /// The key is in use (added, already held, or replaced on request), with the headline to
    /// show, and whether the browser's storage kept it.
    InUse(&'static str, UnlockKey, bool),
    /// A different key for the same tier and kid is held: it was kept, and the reader may
    /// replace it with this one.
    Differs(UnlockKey),
    /// The reader chose to keep the key they had.
    Kept(UnlockKey),
    Refused(String),
}

// The unlock route, lazily loaded: a chunk of its own, fetched only on `/unlock`.
crate::pages::lazy_page!(UnlockRoute, UnlockPage);

#[component]
pub fn UnlockPage() -> impl IntoView {
    let keys = Keys::expect();
    let outcome = RwSignal::new(None::<Outcome>);
    let offer = move |text: &str| match UnlockKey::parse(text) {
        Ok(key) => outcome.set(Some(match keys.offer(key.clone()) {
            (KeyOffer::Added, saved) => Outcome::InUse("Unlocked. ", key, saved),
            (KeyOffer::AlreadyHeld, saved) => {
                Outcome::InUse("You already have this key. ", key, saved)
            }
            (KeyOffer::Differs, _) => Outcome::Differs(key),
        })),
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
            Outcome::InUse(headline, key, saved) => view! {
                <div class="notice" role="status">
                    <p>
                        <strong>{headline}</strong>
                        {format!("Content for {} opens in this browser (key “{}”).", audience(&key.tier), key.kid)}
                    </p>
                    {(!saved).then(|| view! {
                        <p>"This browser did not let the site save the key (private browsing or full storage): it works until you close this page."</p>
                    })}
                    <p>
                        <Link href=page::articles()>"Read the articles"</Link> " · " <Link href=page::weekly()>"See the weekly lists"</Link>
                    </p>
                </div>
            }
            .into_any(),
            Outcome::Differs(key) => {
                let (new_key, kept) = (key.clone(), key.clone());
                view! {
                    <div class="notice key-conflict" role="alert">
                        <p>
                            <strong>"Your current key was kept. "</strong>
                            {format!(
                                "You already have a key for {} (“{}”); this link's key differs, so it was not saved. Replace yours only if you were sent a new key: a damaged link would lock paid content again.",
                                audience(&key.tier),
                                key.kid,
                            )}
                        </p>
                        <div class="tool-buttons">
                            <button type="button" class="button" on:click=move |_| outcome.set(Some(Outcome::Kept(kept.clone())))>
                                "Keep current key"
                            </button>
                            <button type="button" class="button button-danger" on:click=move |_| {
                                let saved = keys.replace(new_key.clone());
                                outcome.set(Some(Outcome::InUse("Key replaced. ", new_key.clone(), saved)));
                            }>
                                "Replace with this link's key"
                            </button>
                        </div>
                    </div>
                }
                .into_any()
            }
            Outcome::Kept(key) => view! {
                <div class="notice" role="status">
                    <p>{format!("Your current key “{}” was kept; the link's key was not saved.", key.kid)}</p>
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
    let forgot_all = RwSignal::new(false);
    move || {
        let list = keys.0.get();
        if list.is_empty() {
            return view! {
                <p class="key-list-empty">"No key is saved in this browser: paid content stays locked."</p>
                {move || (forgot_all.get() && crate::offline::worker::supported()).then(|| view! {
                    <p>"Pages kept for offline reading stay on this device (paid parts in them stay locked without a key)."</p>
                    <ClearSaved />
                })}
            }
            .into_any();
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
                forgot_all.set(true);
            }>"Forget all keys"</button>
        }
        .into_any()
    }
}
