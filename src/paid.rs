//! Paid content in the app: the reader's subscriber keys (kept in localStorage, shared with
//! every page through context) and opening a sealed unit with them. Which document and slot a
//! unit sits in is passed by the page that found it there, never read from the unit.

use leptos::prelude::*;
use sb_model::paywall::{self, associated_data, key_for, Sealed, UnlockKey};
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

    /// Keeps a key next to the others (same tier and kid: replaced).
    pub fn keep(self, key: UnlockKey) -> bool {
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

/// Opens the unit found in `slot` of `doc` with the matching key among `keys` and reads it as
/// JSON. Never panics: a wrong key, altered data or bad JSON all come back as errors.
pub async fn open<T: DeserializeOwned>(
    keys: &[UnlockKey],
    doc: &str,
    slot: &str,
    sealed: &Sealed,
) -> Result<T, UnsealError> {
    let Some(key) = key_for(keys, sealed) else {
        return Err(UnsealError::NoKey {
            kid: sealed.kid.clone(),
            held: keys
                .iter()
                .filter(|k| k.tier == sealed.tier)
                .map(|k| k.kid.clone())
                .collect(),
        });
    };
    let rejected = || UnsealError::Rejected {
        kid: sealed.kid.clone(),
    };
    let bytes = sealed.bytes().ok_or_else(rejected)?;
    let aad = associated_data(doc, slot, &sealed.tier, &sealed.kid);
    let plain = aes_gcm_decrypt(&key.key, &bytes.nonce, &aad, &bytes.data)
        .await
        .map_err(|e| match e {
            CryptoError::Unavailable => UnsealError::Unavailable,
            CryptoError::Rejected => rejected(),
        })?;
    serde_json::from_slice(&plain).map_err(|_| rejected())
}
