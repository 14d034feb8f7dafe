//! Paid content without a server: the sealed units the JSON carries, the associated data that
//! binds each one to its place, and the subscriber keys that open them.
//!
//! `press` seals (AES-256-GCM, natively) and the app opens (WebCrypto); both build the associated
//! data and parse keys here, so the two sides cannot drift apart. The unit's place is never
//! stored next to its ciphertext: the reader derives it from where it found the unit (the
//! document it loaded, the slot inside it), so a ciphertext copied to another slot fails to open.

use base64ct::{Base64UrlUnpadded, Encoding};
use serde::{Deserialize, Serialize};

use crate::text::is_slug;
use crate::SCHEMA_VERSION;

/// Bytes in a key (AES-256).
pub const KEY_BYTES: usize = 32;
/// Bytes in a nonce (96 bits, fresh per unit).
pub const NONCE_BYTES: usize = 12;
/// The fragment parameter of an unlock link: `…/unlock#k=<tier>.<kid>.<key>`.
pub const LINK_PARAM: &str = "k=";

/// One paid unit as shipped: AES-256-GCM ciphertext (with its 16-byte tag) of a JSON document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sealed {
    /// The tier whose subscribers can open it.
    pub tier: String,
    /// Which of the tier's keys sealed it.
    pub kid: String,
    /// Base64url, 12 bytes.
    pub nonce: String,
    /// Base64url ciphertext followed by the tag.
    pub data: String,
}

/// The sealed part of an article: what follows the paywall marker, or the whole body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaidBody {
    pub html: String,
    /// The paid part's headings, appended to the table of contents once opened.
    #[serde(default)]
    pub toc: Vec<crate::article::TocEntry>,
}

/// Which document a unit belongs to (first part of its associated data).
pub fn article_doc(slug: &str) -> String {
    format!("article/{slug}")
}

/// See [`article_doc`].
pub fn week_doc(slug: &str) -> String {
    format!("week/{slug}")
}

/// The slot of an article's paid body.
pub const ARTICLE_BODY_SLOT: &str = "body";

/// The slot of the `index`-th paid entry of section `section` of a week.
pub fn week_entry_slot(section: usize, index: usize) -> String {
    format!("sections/{section}/paid/{index}")
}

/// Associated data of a unit: `schema|document|slot|tier|kid`.
pub fn associated_data(doc: &str, slot: &str, tier: &str, kid: &str) -> Vec<u8> {
    format!("{SCHEMA_VERSION}|{doc}|{slot}|{tier}|{kid}").into_bytes()
}

pub fn encode(bytes: &[u8]) -> String {
    Base64UrlUnpadded::encode_string(bytes)
}

pub fn decode(text: &str) -> Option<Vec<u8>> {
    Base64UrlUnpadded::decode_vec(text.trim()).ok()
}

/// A sealed unit's bytes, checked for shape before any decryption is tried.
pub struct SealedBytes {
    pub nonce: Vec<u8>,
    pub data: Vec<u8>,
}

impl Sealed {
    /// The nonce and ciphertext, or `None` when they are not base64url of the right length
    /// (which can only mean the file was altered).
    pub fn bytes(&self) -> Option<SealedBytes> {
        let nonce = decode(&self.nonce).filter(|n| n.len() == NONCE_BYTES)?;
        let data = decode(&self.data).filter(|d| d.len() >= 16)?;
        Some(SealedBytes { nonce, data })
    }
}

/// A subscriber's key: opens every unit sealed for `tier` with `kid`.
#[derive(Clone, PartialEq, Eq)]
pub struct UnlockKey {
    pub tier: String,
    pub kid: String,
    pub key: [u8; KEY_BYTES],
}

impl std::fmt::Debug for UnlockKey {
    /// Never prints the key itself.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "UnlockKey({}.{})", self.tier, self.kid)
    }
}

/// Why a pasted key or link was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyError {
    Empty,
    Shape,
    Tier(String),
    Kid(String),
    Key,
}

impl std::fmt::Display for KeyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeyError::Empty => write!(f, "paste your subscriber key or unlock link"),
            KeyError::Shape => write!(
                f,
                "that is not a subscriber key: it should look like tier.key-id.secret \
                 (or be the whole unlock link)"
            ),
            KeyError::Tier(t) => write!(f, "`{t}` is not a tier name"),
            KeyError::Kid(k) => write!(f, "`{k}` is not a key id"),
            KeyError::Key => write!(
                f,
                "the secret part of the key is damaged (it must be {KEY_BYTES} bytes of base64url); \
                 copy the whole link again"
            ),
        }
    }
}

impl std::error::Error for KeyError {}

impl UnlockKey {
    /// Reads `tier.kid.key`, or a whole unlock link / fragment containing `k=tier.kid.key`.
    pub fn parse(input: &str) -> Result<UnlockKey, KeyError> {
        let input = input.trim();
        if input.is_empty() {
            return Err(KeyError::Empty);
        }
        // A link or fragment: the `k=` parameter of what follows `#`; otherwise a bare token.
        let text = match input
            .split_once('#')
            .map_or(input, |(_, fragment)| fragment)
        {
            fragment if fragment.starts_with(LINK_PARAM) || input.contains('#') => fragment
                .split('&')
                .find_map(|p| p.strip_prefix(LINK_PARAM))
                .ok_or(KeyError::Shape)?,
            token => token,
        };
        let mut parts = text.split('.');
        let (Some(tier), Some(kid), Some(key), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(KeyError::Shape);
        };
        if !is_slug(tier) {
            return Err(KeyError::Tier(tier.into()));
        }
        if !is_slug(kid) {
            return Err(KeyError::Kid(kid.into()));
        }
        let key: [u8; KEY_BYTES] = decode(key)
            .and_then(|k| k.try_into().ok())
            .ok_or(KeyError::Key)?;
        Ok(UnlockKey {
            tier: tier.into(),
            kid: kid.into(),
            key,
        })
    }

    /// `tier.kid.key`, what an unlock link carries and what the app stores.
    pub fn to_token(&self) -> String {
        format!("{}.{}.{}", self.tier, self.kid, encode(&self.key))
    }

    /// The link a subscriber opens: `<site>/unlock#k=<token>`.
    pub fn link(&self, base_url: &str) -> String {
        format!(
            "{}/unlock#{LINK_PARAM}{}",
            base_url.trim_end_matches('/'),
            self.to_token()
        )
    }

    /// Whether this key is the one a unit was sealed with.
    pub fn opens(&self, sealed: &Sealed) -> bool {
        self.tier == sealed.tier && self.kid == sealed.kid
    }
}

/// Adds a key to a reader's keys: a key with the same tier and kid is replaced, others are kept
/// side by side (old keys still open old content after a rotation).
pub fn add_key(keys: &mut Vec<UnlockKey>, key: UnlockKey) {
    keys.retain(|k| !(k.tier == key.tier && k.kid == key.kid));
    keys.push(key);
}

/// What happened to a key offered by a link or a paste (see [`offer_key`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyOffer {
    /// No key for its tier and kid was held: it was added.
    Added,
    /// The very same key was already held: nothing changed.
    AlreadyHeld,
    /// A key for the same tier and kid but with another secret is held: it was kept, and the
    /// offered key was not saved. Only the reader may replace it (with [`add_key`]), since a
    /// link with a damaged or forged secret would otherwise cut a subscriber off.
    Differs,
}

/// Offers a key to a reader's keys: added when the tier and kid are new, never replacing a key
/// already held for them.
pub fn offer_key(keys: &mut Vec<UnlockKey>, key: UnlockKey) -> KeyOffer {
    match keys.iter().find(|k| k.tier == key.tier && k.kid == key.kid) {
        Some(held) if held.key == key.key => KeyOffer::AlreadyHeld,
        Some(_) => KeyOffer::Differs,
        None => {
            keys.push(key);
            KeyOffer::Added
        }
    }
}

/// The key among `keys` that opens `sealed`.
pub fn key_for<'a>(keys: &'a [UnlockKey], sealed: &Sealed) -> Option<&'a UnlockKey> {
    keys.iter().find(|k| k.opens(sealed))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> UnlockKey {
        UnlockKey {
            tier: "paid".into(),
            kid: "k2026-11".into(),
            key: [7; KEY_BYTES],
        }
    }

    #[test]
    fn token_and_link_round_trip() {
        let k = key();
        assert_eq!(UnlockKey::parse(&k.to_token()).unwrap(), k);
        let link = k.link("https://example.com/newsletter/");
        assert!(
            link.starts_with("https://example.com/newsletter/unlock#k=paid.k2026-11."),
            "{link}"
        );
        assert_eq!(UnlockKey::parse(&link).unwrap(), k);
        for input in [
            format!("#k={}", k.to_token()),
            format!("k={}", k.to_token()),
            format!("https://x.org/unlock?link=1#k={}", k.to_token()),
            format!("https://x.org/unlock#utm=a&k={}", k.to_token()),
        ] {
            assert_eq!(UnlockKey::parse(&input).unwrap(), k, "{input}");
        }
        assert_eq!(
            UnlockKey::parse("https://x.org/unlock#top"),
            Err(KeyError::Shape)
        );
    }

    #[test]
    fn bad_keys_say_what_is_wrong() {
        let token = key().to_token();
        let cases = [
            ("   ", KeyError::Empty),
            ("hello", KeyError::Shape),
            ("a.b.c.d", KeyError::Shape),
            ("Paid.k1.AAAA", KeyError::Tier("Paid".into())),
            ("paid.k_1.AAAA", KeyError::Kid("k_1".into())),
            (&token[..token.len() - 2], KeyError::Key),
        ];
        for (input, want) in cases {
            assert_eq!(UnlockKey::parse(input).unwrap_err(), want, "{input}");
        }
        assert!(KeyError::Key.to_string().contains("32 bytes"));
    }

    #[test]
    fn debug_never_shows_the_secret() {
        let shown = format!("{:?}", key());
        assert_eq!(shown, "UnlockKey(paid.k2026-11)");
    }

    #[test]
    fn adding_keeps_other_kids_and_replaces_the_same_one() {
        let mut keys = vec![key()];
        let mut rotated = key();
        rotated.kid = "k2027-01".into();
        add_key(&mut keys, rotated.clone());
        let mut again = key();
        again.key = [9; KEY_BYTES];
        add_key(&mut keys, again.clone());
        assert_eq!(keys, [rotated.clone(), again]);
        let sealed = Sealed {
            tier: "paid".into(),
            kid: "k2027-01".into(),
            nonce: String::new(),
            data: String::new(),
        };
        assert_eq!(key_for(&keys, &sealed), Some(&rotated));
    }

    #[test]
    fn an_offered_key_never_replaces_a_held_one() {
        let mut keys = vec![key()];
        let mut junk = key();
        junk.key = [9; KEY_BYTES];
        assert_eq!(offer_key(&mut keys, junk.clone()), KeyOffer::Differs);
        assert_eq!(keys, [key()], "the working key is kept");
        assert_eq!(offer_key(&mut keys, key()), KeyOffer::AlreadyHeld);
        assert_eq!(keys, [key()]);
        let mut rotated = key();
        rotated.kid = "k2027-01".into();
        assert_eq!(offer_key(&mut keys, rotated.clone()), KeyOffer::Added);
        let mut other_tier = junk.clone();
        other_tier.tier = "team".into();
        assert_eq!(offer_key(&mut keys, other_tier.clone()), KeyOffer::Added);
        assert_eq!(keys, [key(), rotated, other_tier]);
        // Replacing is the reader's explicit choice.
        add_key(&mut keys, junk.clone());
        assert!(keys.contains(&junk) && !keys.contains(&key()));
    }

    #[test]
    fn associated_data_names_every_part_of_the_place() {
        let aad = associated_data(
            &week_doc("2026-11-20"),
            &week_entry_slot(1, 2),
            "paid",
            "k1",
        );
        assert_eq!(aad, b"1|week/2026-11-20|sections/1/paid/2|paid|k1");
    }

    #[test]
    fn sealed_bytes_refuse_wrong_lengths() {
        let mut s = Sealed {
            tier: "paid".into(),
            kid: "k".into(),
            nonce: encode(&[1; NONCE_BYTES]),
            data: encode(&[2; 20]),
        };
        assert!(s.bytes().is_some());
        s.nonce = encode(&[1; 8]);
        assert!(s.bytes().is_none());
        s.nonce = "not base64!".into();
        assert!(s.bytes().is_none());
    }
}
