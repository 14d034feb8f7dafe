//! What free readers see where paid content would be: what is locked and for whom, the
//! subscribe link from the site config, and the way to unlock; and the message shown when a
//! reader's key does not open something.

use leptos::prelude::*;
use sb_model::paths::page;

use crate::components::link::Link;
use crate::components::shell::SiteData;
use crate::paid::UnsealError;

/// "paid subscribers": who a tier is for, from the site config.
pub fn audience(tier: &str) -> String {
    SiteData::expect()
        .config()
        .map_or_else(|| format!("{tier} subscribers"), |c| c.tier_name(tier))
}

/// "<what> for paid subscribers." with Subscribe and Unlock.
#[component]
pub fn LockedNotice(#[prop(into)] what: String, #[prop(into)] tier: String) -> impl IntoView {
    let site = SiteData::expect();
    let lead = format!("{what} for {}.", audience(&tier));
    view! {
        <section class="paywall" aria-label="For subscribers">
            <p class="paywall-lead">{lead}</p>
            <p class="paywall-actions">
                {move || site.config().map(|c| view! {
                    <a class="button button-primary" href=c.subscribe_url rel="noopener noreferrer">"Subscribe"</a>
                })}
                <Link href=page::unlock() attr:class="button">"I have a key"</Link>
            </p>
        </section>
    }
}

/// Why something paid is not shown: the locked notice for readers without a key, otherwise
/// what went wrong ([`UnsealFailure`]).
#[component]
pub fn Unsealed(
    error: UnsealError,
    #[prop(into)] what: String,
    #[prop(into)] tier: String,
) -> impl IntoView {
    match &error {
        UnsealError::NoKey { held, .. } if held.is_empty() => {
            view! { <LockedNotice what tier /> }.into_any()
        }
        _ => view! { <UnsealFailure error tier /> }.into_any(),
    }
}

/// A key that did not open something, or a browser that cannot: what happened and what to do.
#[component]
pub fn UnsealFailure(error: UnsealError, #[prop(into)] tier: String) -> impl IntoView {
    view! {
        <div class="paywall paywall-error" role="alert">
            <p>{error.message(&audience(&tier))}</p>
            <p class="paywall-actions">
                <Link href=page::unlock() attr:class="button">"Manage your keys"</Link>
            </p>
        </div>
    }
}
