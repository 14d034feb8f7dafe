//! WebCrypto at the edge: the only module that calls `SubtleCrypto`. It opens paid units that
//! `press` sealed with AES-256-GCM (ciphertext followed by the 16-byte tag, which is what
//! WebCrypto's AES-GCM expects). WebCrypto exists only in secure contexts: https, or localhost.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesGcmParams, CryptoKey, SubtleCrypto};

/// Why decryption did not produce plaintext.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CryptoError {
    /// No WebCrypto here (an insecure http page, or a very old browser).
    Unavailable,
    /// The key does not match, or the ciphertext, nonce or associated data was altered.
    Rejected,
}

fn subtle() -> Option<SubtleCrypto> {
    let subtle = web_sys::window()?.crypto().ok()?.subtle();
    (!JsValue::from(&subtle).is_undefined()).then_some(subtle)
}

/// AES-256-GCM decryption; `data` is the ciphertext followed by its tag.
pub async fn aes_gcm_decrypt(
    key: &[u8],
    nonce: &[u8],
    aad: &[u8],
    data: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let subtle = subtle().ok_or(CryptoError::Unavailable)?;
    let usages = Array::of1(&JsValue::from_str("decrypt"));
    let import = subtle
        .import_key_with_str("raw", &Uint8Array::from(key), "AES-GCM", false, &usages)
        .map_err(|_| CryptoError::Unavailable)?;
    let key: CryptoKey = JsFuture::from(import)
        .await
        .map_err(|_| CryptoError::Rejected)?
        .unchecked_into();
    let params = AesGcmParams::new_with_u8_array("AES-GCM", &Uint8Array::from(nonce));
    params.set_additional_data_u8_array(&Uint8Array::from(aad));
    let decrypt = subtle
        .decrypt_with_object_and_u8_array(&params, &key, data)
        .map_err(|_| CryptoError::Rejected)?;
    let plain = JsFuture::from(decrypt)
        .await
        .map_err(|_| CryptoError::Rejected)?;
    Ok(Uint8Array::new(&plain).to_vec())
}
