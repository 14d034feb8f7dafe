//! Sealing paid units: AES-256-GCM with a fresh random 96-bit nonce per unit and associated
//! data that binds the unit to its document and slot (`sb_model::paywall::associated_data`).
//! The output is what WebCrypto's AES-GCM decrypt takes: ciphertext followed by the 16-byte tag.

use aes_gcm::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use sb_model::paywall::{self, associated_data, Sealed, UnlockKey};

/// Seals `plaintext` for the slot `slot` of document `doc` with `key`.
pub fn seal(key: &UnlockKey, doc: &str, slot: &str, plaintext: &[u8]) -> Sealed {
    let cipher = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(&key.key));
    let nonce = Aes256Gcm::generate_nonce(&mut OsRng);
    let aad = associated_data(doc, slot, &key.tier, &key.kid);
    let data = cipher
        .encrypt(
            &nonce,
            Payload {
                msg: plaintext,
                aad: &aad,
            },
        )
        .expect("AES-GCM encrypts any message under 64 GiB");
    Sealed {
        tier: key.tier.clone(),
        kid: key.kid.clone(),
        nonce: paywall::encode(&nonce),
        data: paywall::encode(&data),
    }
}

/// Why a unit did not open.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    #[error("sealed for {tier}.{kid}, not for this key")]
    OtherKey { tier: String, kid: String },
    #[error("the sealed unit is not well-formed base64url")]
    Malformed,
    #[error("the key does not match or the data was altered")]
    Rejected,
}

/// Opens a unit found in slot `slot` of document `doc` (the native twin of the app's WebCrypto
/// path, used by the tests to prove the sealing).
pub fn open(key: &UnlockKey, doc: &str, slot: &str, sealed: &Sealed) -> Result<Vec<u8>, OpenError> {
    if !key.opens(sealed) {
        return Err(OpenError::OtherKey {
            tier: sealed.tier.clone(),
            kid: sealed.kid.clone(),
        });
    }
    let bytes = sealed.bytes().ok_or(OpenError::Malformed)?;
    let cipher = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(&key.key));
    let aad = associated_data(doc, slot, &sealed.tier, &sealed.kid);
    cipher
        .decrypt(
            Nonce::from_slice(&bytes.nonce),
            Payload {
                msg: &bytes.data,
                aad: &aad,
            },
        )
        .map_err(|_| OpenError::Rejected)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sb_model::paywall::{article_doc, week_doc, week_entry_slot, ARTICLE_BODY_SLOT};

    fn key(kid: &str, byte: u8) -> UnlockKey {
        UnlockKey {
            tier: "paid".into(),
            kid: kid.into(),
            key: [byte; 32],
        }
    }

    const SECRET: &[u8] = b"{\"html\":\"<p>paid</p>\"}";

    fn sealed() -> (UnlockKey, Sealed) {
        let k = key("k1", 1);
        let s = seal(&k, &article_doc("a"), ARTICLE_BODY_SLOT, SECRET);
        (k, s)
    }

    #[test]
    fn round_trip_with_a_fresh_nonce_each_time() {
        let (k, s) = sealed();
        assert_eq!(
            open(&k, &article_doc("a"), ARTICLE_BODY_SLOT, &s).unwrap(),
            SECRET
        );
        let again = seal(&k, &article_doc("a"), ARTICLE_BODY_SLOT, SECRET);
        assert_ne!(again.nonce, s.nonce);
        assert_ne!(again.data, s.data);
        let data = paywall::decode(&s.data).unwrap();
        assert_eq!(data.len(), SECRET.len() + 16, "ciphertext then the tag");
    }

    #[test]
    fn a_flipped_bit_fails() {
        let (k, mut s) = sealed();
        let mut data = paywall::decode(&s.data).unwrap();
        data[3] ^= 0x01;
        s.data = paywall::encode(&data);
        assert_eq!(
            open(&k, &article_doc("a"), ARTICLE_BODY_SLOT, &s),
            Err(OpenError::Rejected)
        );
        let (k, mut s) = sealed();
        let mut nonce = paywall::decode(&s.nonce).unwrap();
        nonce[0] ^= 0x80;
        s.nonce = paywall::encode(&nonce);
        assert_eq!(
            open(&k, &article_doc("a"), ARTICLE_BODY_SLOT, &s),
            Err(OpenError::Rejected)
        );
    }

    #[test]
    fn moved_to_another_slot_or_document_fails() {
        let k = key("k1", 1);
        let s = seal(&k, &week_doc("2026-11-20"), &week_entry_slot(0, 1), SECRET);
        assert!(open(&k, &week_doc("2026-11-20"), &week_entry_slot(0, 1), &s).is_ok());
        for (doc, slot) in [
            (week_doc("2026-11-20"), week_entry_slot(0, 2)),
            (week_doc("2026-11-20"), week_entry_slot(1, 1)),
            (week_doc("2026-11-13"), week_entry_slot(0, 1)),
            (article_doc("2026-11-20"), week_entry_slot(0, 1)),
        ] {
            assert_eq!(
                open(&k, &doc, &slot, &s),
                Err(OpenError::Rejected),
                "{doc} {slot}"
            );
        }
    }

    #[test]
    fn a_wrong_key_id_or_wrong_key_fails() {
        let (_, s) = sealed();
        let doc = article_doc("a");
        // Another kid: not even tried.
        assert!(matches!(
            open(&key("k2", 1), &doc, ARTICLE_BODY_SLOT, &s),
            Err(OpenError::OtherKey { .. })
        ));
        // The kid relabelled on the unit: the associated data no longer matches.
        let mut relabelled = s.clone();
        relabelled.kid = "k2".into();
        assert_eq!(
            open(&key("k2", 1), &doc, ARTICLE_BODY_SLOT, &relabelled),
            Err(OpenError::Rejected)
        );
        // The right kid but other key bytes.
        assert_eq!(
            open(&key("k1", 2), &doc, ARTICLE_BODY_SLOT, &s),
            Err(OpenError::Rejected)
        );
    }

    #[test]
    fn damaged_encoding_is_malformed_not_a_panic() {
        let (k, mut s) = sealed();
        s.nonce = "%%%".into();
        assert_eq!(
            open(&k, &article_doc("a"), ARTICLE_BODY_SLOT, &s),
            Err(OpenError::Malformed)
        );
    }
}
