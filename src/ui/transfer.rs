//! The transfer link's browser side: the backup text, raw-DEFLATE
//! compressed (`ui/compress.rs`), then sealed with Web Crypto only:
//! PBKDF2-SHA-256 ([`PBKDF2_ITERATIONS`] rounds, a random salt) derives an
//! AES-256-GCM key, which encrypts with a random nonce; the header is the
//! cipher's additional data. The format is `domain/transfer.rs`.
//!
//! The passphrase goes only into `importKey`; it is never stored, and the
//! key is not extractable. Opening inflates at most [`LIMITS`]'s size,
//! then reads the text through the one door for stored data
//! (`packed::decode_file`).

use crate::domain::packed::decode_file;
use crate::domain::transfer::{
    Sealed, TransferError, IV_LEN, MAX_TRANSFER_LINK_CHARS, PBKDF2_ITERATIONS, SALT_LEN,
};
use crate::domain::{Document, LIMITS};
use crate::routes::Route;
use crate::ui::compress::{deflate, inflate, StreamError};
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesDerivedKeyParams, AesGcmParams, CryptoKey, Pbkdf2Params, SubtleCrypto};

const NO_CRYPTO: &str = "This browser offers no encryption here (Web Crypto needs a secure, https address), so no transfer link can be made or opened. Use a backup file instead.";

/// `N` random bytes from `crypto.getRandomValues` (no weaker fallback).
pub fn random_bytes<const N: usize>() -> Result<[u8; N], String> {
    let mut bytes = [0u8; N];
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .ok_or_else(|| NO_CRYPTO.to_owned())?;
    Ok(bytes)
}

fn subtle() -> Result<SubtleCrypto, String> {
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(NO_CRYPTO)?;
    // `crypto.subtle` is undefined outside secure contexts.
    match Reflect::get(&crypto, &"subtle".into()) {
        Ok(s) if !s.is_undefined() && !s.is_null() => Ok(s.unchecked_into()),
        _ => Err(NO_CRYPTO.to_owned()),
    }
}

async fn call(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(promise?).await
}

/// The AES-256-GCM key for `passphrase` and `salt` (not extractable).
async fn derive_key(
    subtle: &SubtleCrypto,
    passphrase: &str,
    salt: &[u8; SALT_LEN],
) -> Result<CryptoKey, JsValue> {
    let secret = Uint8Array::from(passphrase.as_bytes());
    let base = call(subtle.import_key_with_str(
        "raw",
        &secret,
        "PBKDF2",
        false,
        &Array::of1(&"deriveKey".into()),
    ))
    .await?;
    let params = Pbkdf2Params::new_with_str(
        "PBKDF2",
        "SHA-256",
        PBKDF2_ITERATIONS,
        &Uint8Array::from(&salt[..]),
    );
    let key = call(subtle.derive_key_with_object_and_object(
        &params,
        &base.unchecked_into(),
        &AesDerivedKeyParams::new("AES-GCM", 256),
        false,
        &Array::of2(&"encrypt".into(), &"decrypt".into()),
    ))
    .await?;
    Ok(key.unchecked_into())
}

fn gcm(sealed_header: &[u8], iv: &[u8; IV_LEN]) -> AesGcmParams {
    let params = AesGcmParams::new_with_u8_array("AES-GCM", &Uint8Array::from(&iv[..]));
    params.set_additional_data_u8_array(&Uint8Array::from(sealed_header));
    params
}

fn bytes_of(buffer: &JsValue) -> Vec<u8> {
    Uint8Array::new(buffer).to_vec()
}

/// Encrypts `plain` under `passphrase` with a fresh salt and nonce.
pub async fn seal(plain: &[u8], passphrase: &str) -> Result<Sealed, String> {
    let subtle = subtle()?;
    let mut sealed = Sealed {
        salt: random_bytes()?,
        iv: random_bytes()?,
        ciphertext: Vec::new(),
    };
    let failed = |_| "The data could not be encrypted. Nothing was made.".to_owned();
    let key = derive_key(&subtle, passphrase, &sealed.salt)
        .await
        .map_err(failed)?;
    let params = gcm(&sealed.header(), &sealed.iv);
    let data: Object = Uint8Array::from(plain).into();
    let out = call(subtle.encrypt_with_object_and_buffer_source(&params, &key, &data))
        .await
        .map_err(failed)?;
    sealed.ciphertext = bytes_of(&out);
    Ok(sealed)
}

/// Decrypts `sealed`: a wrong passphrase and any changed byte fail alike.
pub async fn unseal(sealed: &Sealed, passphrase: &str) -> Result<Vec<u8>, TransferError> {
    let subtle = subtle().map_err(|_| TransferError::WrongPassphraseOrChanged)?;
    let key = derive_key(&subtle, passphrase, &sealed.salt)
        .await
        .map_err(|_| TransferError::WrongPassphraseOrChanged)?;
    let params = gcm(&sealed.header(), &sealed.iv);
    let data: Object = Uint8Array::from(&sealed.ciphertext[..]).into();
    let out = call(subtle.decrypt_with_object_and_buffer_source(&params, &key, &data))
        .await
        .map_err(|_| TransferError::WrongPassphraseOrChanged)?;
    Ok(bytes_of(&out))
}

/// This deployment's address, without its fragment.
fn base_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_owned())
        .unwrap_or_default()
}

/// The transfer link of `backup` (the backup file's text) on this copy of
/// the app.
pub async fn make_link(backup: &str, passphrase: &str) -> Result<String, String> {
    let compressed = deflate(backup.as_bytes()).await.map_err(|_| {
        "This browser cannot compress the data for a link. Use a backup file instead.".to_owned()
    })?;
    let sealed = seal(&compressed, passphrase).await?;
    let link = format!(
        "{}{}",
        base_url(),
        Route::Transfer(sealed.to_link_data()).href()
    );
    if link.len() > MAX_TRANSFER_LINK_CHARS {
        return Err(format!(
            "Your data is too large for a link: it would be {} characters, and browsers cut links over {MAX_TRANSFER_LINK_CHARS}. Move it with a backup file instead.",
            link.len()
        ));
    }
    Ok(link)
}

/// Opens a transfer link's data with `passphrase`: checked, decrypted,
/// inflated (capped) and read as a backup. Nothing is changed here.
pub async fn open_link(data: &str, passphrase: &str) -> Result<Document, String> {
    let sealed = Sealed::parse(data).map_err(|e| e.to_string())?;
    let compressed = unseal(&sealed, passphrase)
        .await
        .map_err(|e| e.to_string())?;
    let bytes = inflate(&compressed, LIMITS.max_bytes)
        .await
        .map_err(|e| match e {
            StreamError::Unsupported => "This browser cannot open transfer links (it has no DecompressionStream). Use a backup file instead.".to_owned(),
            StreamError::Damaged => TransferError::Damaged.to_string(),
            StreamError::TooLarge => format!(
                "This transfer link unpacks to more than {} MB, more than Microfolio keeps, so it was not opened. Nothing was changed.",
                LIMITS.max_bytes / 1_048_576
            ),
        })?;
    let text = String::from_utf8(bytes).map_err(|_| TransferError::Damaged.to_string())?;
    decode_file(&text, &LIMITS)
        .map_err(|e| format!("The link's data cannot be restored. {e} Nothing was changed."))
}
