//! The feedback links in the browser: a request or response as JSON,
//! raw-DEFLATE compressed ([`crate::ui::compress`]) and written as
//! base64url after its route, like a share link; and the response's seal,
//! an HMAC-SHA256 through Web Crypto (`SubtleCrypto`) under the request's
//! key. Reading is bounded as a share link is: the text is capped before
//! it is decoded and inflating stops at the format's cap.

use crate::domain::feedback_link::format::{
    decode_request, decode_response, encode_request, encode_response, sealed_text, FeedbackRequest,
    FeedbackResponse, LINK_LIMITS, MAX_LINK_DATA_CHARS,
};
use crate::domain::share::{from_base64url, to_base64url};
use crate::routes::Route;
use crate::ui::compress::{deflate, inflate, StreamError};
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

/// This page's address without its fragment.
fn base() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_owned())
        .unwrap_or_default()
}

async fn pack(json: &str) -> Result<String, String> {
    deflate(json.as_bytes())
        .await
        .map(|bytes| to_base64url(&bytes))
        .map_err(|_| "This browser cannot make the link (it has no CompressionStream).".to_owned())
}

async fn unpack(data: &str, what: &str) -> Result<String, String> {
    if data.len() > MAX_LINK_DATA_CHARS {
        return Err(format!(
            "This {what} link is too long ({} characters; at most {MAX_LINK_DATA_CHARS}), so it was not opened.",
            data.len()
        ));
    }
    let damaged =
        || format!("This {what} link is damaged or was cut short. Ask for the link again.");
    let compressed = from_base64url(data).map_err(|_| damaged())?;
    let bytes = inflate(&compressed, LINK_LIMITS.max_bytes)
        .await
        .map_err(|e| match e {
            StreamError::Unsupported => format!("This browser cannot open {what} links."),
            StreamError::Damaged => damaged(),
            StreamError::TooLarge => format!(
                "This {what} link unpacks to far more than any {what} needs, so it was not opened."
            ),
        })?;
    String::from_utf8(bytes).map_err(|_| damaged())
}

/// The link a supervisor opens.
pub async fn request_link(request: &FeedbackRequest) -> Result<String, String> {
    let data = pack(&encode_request(request)).await?;
    Ok(format!("{}{}", base(), Route::Supervisor(data).href()))
}

/// Reads a request link's data.
pub async fn open_request(data: &str) -> Result<FeedbackRequest, String> {
    let text = unpack(data, "feedback request").await?;
    decode_request(&text).map_err(|e| format!("This feedback request cannot be shown. {e}"))
}

/// Seals `response` with the request's key and makes the link back.
pub async fn response_link(
    mut response: FeedbackResponse,
    key: &str,
) -> Result<(String, FeedbackResponse), String> {
    response.seal = seal(key, &sealed_text(&response)).await?;
    let data = pack(&encode_response(&response)).await?;
    Ok((
        format!("{}{}", base(), Route::FeedbackAnswer(data).href()),
        response,
    ))
}

/// Reads a response link's data (the seal is checked by [`seal_valid`]).
pub async fn open_response(data: &str) -> Result<FeedbackResponse, String> {
    let text = unpack(data, "feedback answer").await?;
    decode_response(&text).map_err(|e| format!("This feedback answer cannot be added. {e}"))
}

/// Whether `response`'s seal is its HMAC under `key` (Web Crypto's
/// `verify`, which compares in constant time).
pub async fn seal_valid(response: &FeedbackResponse, key: &str) -> bool {
    let Ok(seal) = from_base64url(&response.seal) else {
        return false;
    };
    let text = sealed_text(response);
    let verified = async {
        let key = hmac_key(key, "verify").await?;
        let promise = subtle()?
            .verify_with_str_and_u8_array_and_u8_array("HMAC", &key, &seal, text.as_bytes())
            .map_err(failed)?;
        JsFuture::from(promise).await.map_err(failed)
    };
    verified.await.is_ok_and(|ok| ok.as_bool() == Some(true))
}

/// HMAC-SHA256 of `text` under `key`, as base64url.
async fn seal(key: &str, text: &str) -> Result<String, String> {
    let key = hmac_key(key, "sign").await?;
    let promise = subtle()?
        .sign_with_str_and_u8_array("HMAC", &key, text.as_bytes())
        .map_err(failed)?;
    let mac = JsFuture::from(promise).await.map_err(failed)?;
    Ok(to_base64url(&Uint8Array::new(&mac).to_vec()))
}

/// A fresh seal key: 32 random bytes from the browser's crypto.
pub fn new_key() -> Result<String, String> {
    let mut bytes = [0u8; 32];
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .ok_or("This browser has no secure random source, so no request can be made.")?;
    Ok(to_base64url(&bytes))
}

fn subtle() -> Result<SubtleCrypto, String> {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.subtle())
        .ok_or_else(|| {
            "This browser has no Web Crypto (it needs a secure https:// page).".to_owned()
        })
}

fn failed(_: JsValue) -> String {
    "The answer's seal could not be made or checked in this browser.".to_owned()
}

/// The request's key as an HMAC-SHA256 key for `usage` ("sign", "verify").
async fn hmac_key(key: &str, usage: &str) -> Result<CryptoKey, String> {
    let raw = from_base64url(key).map_err(|_| "The request's key is damaged.".to_owned())?;
    let algorithm = Object::new();
    Reflect::set(&algorithm, &"name".into(), &"HMAC".into()).map_err(failed)?;
    Reflect::set(&algorithm, &"hash".into(), &"SHA-256".into()).map_err(failed)?;
    let usages = Array::of1(&JsValue::from_str(usage));
    let promise = subtle()?
        .import_key_with_object(
            "raw",
            &Uint8Array::from(raw.as_slice()),
            &algorithm,
            false,
            &usages,
        )
        .map_err(failed)?;
    Ok(JsFuture::from(promise)
        .await
        .map_err(failed)?
        .unchecked_into())
}
