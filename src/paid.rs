//! Paid content in the app: the reader's subscriber keys (kept in localStorage, shared with
//! every page through context) and opening a sealed unit with them. Which document and slot a
//! unit sits in is passed by the page that found it there, never read from the unit.

use leptos::prelude::*;
use sb_model::paywall::{self, associated_data, key_for, KeyOffer, Sealed, UnlockKey};
use serde::de::DeserializeOwned;

use crate::browser;
use crate::webcrypto::{aes_gcm_decrypt, CryptoError};

/// The reader's keys, shared by every page.
#[derive(Clone, Copy)]
pub struct Keys(pub RwSignal<Vec<UnlockKey>>);

impl Keys {
    /// Reads the saved keys and provides them.
    pub fn provide() {
        provide_context(Keys(RwSignal::new(saved_keys())));
    }

    pub fn expect() -> Self {
        expect_context::<Keys>()
    }

    /// Applies `change` to the saved keys (read again first, so another tab's changes are kept)
    /// and saves them. False when the browser's storage refused: the change then lasts only
    /// while this page is open.
    fn change(self, change: impl FnOnce(&mut Vec<UnlockKey>)) -> bool {
        let mut keys = saved_keys();
        change(&mut keys);
        let text = keys
            .iter()
            .map(UnlockKey::to_token)
            .collect::<Vec<_>>()
            .join("\n");
        self.0.set(keys);
        browser::save_keys(&text)
    }

    /// Offers a key from a link or a paste: added next to the others, but never replacing a
    /// key already held for its tier and kid. Also says whether storage kept the keys.
    pub fn offer(self, key: UnlockKey) -> (KeyOffer, bool) {
        let mut offer = KeyOffer::AlreadyHeld;
        let saved = self.change(|keys| offer = paywall::offer_key(keys, key));
        (offer, saved)
    }

    /// Puts a key in place of the one held for its tier and kid: only on the reader's request.
    pub fn replace(self, key: UnlockKey) -> bool {
        self.change(|keys| paywall::add_key(keys, key))
    }

    /// Forgets one key.
    pub fn forget(self, tier: &str, kid: &str) -> bool {
        self.change(|keys| keys.retain(|k| !(k.tier == tier && k.kid == kid)))
    }

    pub fn forget_all(self) -> bool {
        self.change(Vec::clear)
    }
}

/// The keys saved in this browser, skipping any that no longer parse.
fn saved_keys() -> Vec<UnlockKey> {
    browser::load_keys()
        .lines()
        .filter_map(|l| UnlockKey::parse(l).ok())
        .collect()
}

/// Why a sealed unit is not shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnsealError {
    /// The reader has no key for it; `held` lists the kids they hold for the same tier.
    NoKey { kid: String, held: Vec<String> },
    /// WebCrypto is missing (insecure page).
    Unavailable,
    /// The key did not open it, or the data was altered.
    Rejected { kid: String },
}

impl UnsealError {
    /// What the reader is told, naming the tier's readers ("paid subscribers").
    pub fn message(&self, audience: &str) -> String {
        match self {
            UnsealError::NoKey { kid, held } if !held.is_empty() => format!(
                "This was sealed with the key “{kid}” for {audience}; this browser holds {}. \
                 If you subscribed when it was published, open that unlock link too: \
                 keys work side by side.",
                held.iter()
                    .map(|k| format!("“{k}”"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            UnsealError::NoKey { .. } => format!("This is for {audience}."),
            UnsealError::Unavailable => "Paid content can only be unlocked on a secure \
                 (https) page, and this browser does not offer WebCrypto here."
                .to_string(),
            UnsealError::Rejected { kid } => format!(
                "This could not be unlocked: your key “{kid}” for {audience} did not open it. \
                 The key may be damaged, or the page's data was changed on the way. Open your \
                 unlock link again, or reload the page."
            ),
        }
    }
}

/// One sealed unit and where it sits in its document.
#[derive(Debug, Clone)]
pub struct Unit {
    pub slot: String,
    pub sealed: Sealed,
}

/// A unit after opening: its tier, and its plaintext or why there is none.
#[derive(Debug, Clone)]
pub struct Opened {
    pub tier: String,
    kid: String,
    plain: Result<Vec<u8>, UnsealError>,
}

impl Opened {
    /// The plaintext read as JSON; bad JSON (which the tag makes all but impossible) is treated
    /// like altered data.
    pub fn read<T: DeserializeOwned>(&self) -> Result<T, UnsealError> {
        let plain = self.plain.clone()?;
        serde_json::from_slice(&plain).map_err(|_| UnsealError::Rejected {
            kid: self.kid.clone(),
        })
    }

    /// The key id it was sealed with.
    pub fn kid(&self) -> &str {
        &self.kid
    }

    /// Locked because the reader holds no key at all for its tier.
    pub fn locked(&self) -> bool {
        matches!(&self.plain, Err(UnsealError::NoKey { held, .. }) if held.is_empty())
    }
}

/// The units of document `doc`, opened with the reader's keys, again whenever the keys change.
/// Every page opens its paid parts through this one resource (one compiled future for all).
pub fn opened_units(doc: String, units: Vec<Unit>) -> LocalResource<Vec<Opened>> {
    let keys = Keys::expect();
    LocalResource::new(move || {
        let keys = keys.0.get();
        let (doc, units) = (doc.clone(), units.clone());
        async move {
            // A reader without a key for any of them never loads the WebCrypto chunk.
            let plains = if units.iter().any(|u| key_for(&keys, &u.sealed).is_some()) {
                open_all(keys, doc, units.clone()).await
            } else {
                units
                    .iter()
                    .map(|u| Err(no_key(&keys, &u.sealed)))
                    .collect()
            };
            units
                .iter()
                .zip(plains)
                .map(|(unit, plain)| Opened {
                    tier: unit.sealed.tier.clone(),
                    kid: unit.sealed.kid.clone(),
                    plain,
                })
                .collect()
        }
    })
}

/// Opens every unit of `doc`: lazily loaded (the WebCrypto code is a chunk of its own).
#[lazy]
async fn open_all(
    keys: Vec<UnlockKey>,
    doc: String,
    units: Vec<Unit>,
) -> Vec<Result<Vec<u8>, UnsealError>> {
    let mut plains = Vec::with_capacity(units.len());
    for unit in &units {
        plains.push(open(&keys, &doc, unit).await);
    }
    plains
}

fn no_key(keys: &[UnlockKey], sealed: &Sealed) -> UnsealError {
    UnsealError::NoKey {
        kid: sealed.kid.clone(),
        held: keys
            .iter()
            .filter(|k| k.tier == sealed.tier)
            .map(|k| k.kid.clone())
            .collect(),
    }
}

/// Opens the unit found in `unit.slot` of `doc` with the matching key among `keys`. Never
/// panics: a missing or wrong key and altered data all come back as errors.
async fn open(keys: &[UnlockKey], doc: &str, unit: &Unit) -> Result<Vec<u8>, UnsealError> {
    let sealed = &unit.sealed;
    let Some(key) = key_for(keys, sealed) else {
        return Err(no_key(keys, sealed));
    };
    let rejected = || UnsealError::Rejected {
        kid: sealed.kid.clone(),
    };
    let bytes = sealed.bytes().ok_or_else(rejected)?;
    let aad = associated_data(doc, &unit.slot, &sealed.tier, &sealed.kid);
    aes_gcm_decrypt(&key.key, &bytes.nonce, &aad, &bytes.data)
        .await
        .map_err(|e| match e {
            CryptoError::Unavailable => UnsealError::Unavailable,
            CryptoError::Rejected => rejected(),
        })
}
