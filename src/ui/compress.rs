//! Raw DEFLATE through the browser's own `CompressionStream` and
//! `DecompressionStream`, for share links. web-sys gates these two classes
//! behind `web_sys_unstable_apis`, so the two constructors are bound here by
//! hand; the streams themselves are web-sys's stable `ReadableStream`.
//!
//! Inflating stops once the output passes a cap, so a small link cannot
//! expand into gigabytes (DEFLATE reaches about 1000:1).

use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, ReadableStream, ReadableStreamDefaultReader, ReadableWritablePair};

#[wasm_bindgen]
extern "C" {
    type CompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;

    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
}

/// Why bytes could not be (de)compressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StreamError {
    /// The browser has no CompressionStream (older than 2023).
    Unsupported,
    /// The data is not valid DEFLATE (a damaged or truncated link).
    Damaged,
    /// The output passed the cap.
    TooLarge,
}

/// Compresses `bytes` with raw DEFLATE.
pub async fn deflate(bytes: &[u8]) -> Result<Vec<u8>, StreamError> {
    let transform = CompressionStream::new("deflate-raw").map_err(|_| StreamError::Unsupported)?;
    run(bytes, transform.unchecked_into(), usize::MAX).await
}

/// Inflates raw DEFLATE, refusing output longer than `max` bytes.
pub async fn inflate(bytes: &[u8], max: usize) -> Result<Vec<u8>, StreamError> {
    let transform =
        DecompressionStream::new("deflate-raw").map_err(|_| StreamError::Unsupported)?;
    run(bytes, transform.unchecked_into(), max).await
}

async fn run(
    bytes: &[u8],
    transform: ReadableWritablePair,
    max: usize,
) -> Result<Vec<u8>, StreamError> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let blob = Blob::new_with_u8_array_sequence(&parts).map_err(|_| StreamError::Unsupported)?;
    let stream: ReadableStream = blob.stream().pipe_through(&transform);
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut out = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| StreamError::Damaged)?;
        if Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true)
        {
            return Ok(out);
        }
        let value: Uint8Array = Reflect::get(&chunk, &"value".into())
            .map_err(|_| StreamError::Damaged)?
            .unchecked_into();
        if out.len() + value.length() as usize > max {
            let _ = reader.cancel();
            return Err(StreamError::TooLarge);
        }
        let start = out.len();
        out.resize(start + value.length() as usize, 0);
        value.copy_to(&mut out[start..]);
    }
}
