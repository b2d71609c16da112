//! Raw DEFLATE through the browser's own `CompressionStream` and
//! `DecompressionStream`, for share links. web-sys gates these two classes
//! behind `web_sys_unstable_apis`, so they, and the writer of their input
//! side, are bound here by hand; the output side is web-sys's stable
//! `ReadableStream`.
//!
//! Inflating is bounded in what it does, not only in what it keeps: the
//! input goes into the decompressor in slices of [`STEP`] bytes, and the
//! stream's backpressure lets the browser inflate a slice only once the
//! output of the ones before has been read. Reading stops, and the stream is
//! cancelled, as soon as the output passes the cap. So a small link cannot
//! expand into gigabytes (DEFLATE reaches about 1000:1): no more than the
//! cap plus one slice's output (about 1 MB) is ever inflated, and no more
//! than the cap is held.

use js_sys::{Array, Promise, Reflect, Uint8Array};
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
    #[wasm_bindgen(method, getter)]
    fn readable(this: &DecompressionStream) -> ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &DecompressionStream) -> WritableStream;

    type WritableStream;
    #[wasm_bindgen(method, catch, js_name = getWriter)]
    fn get_writer(this: &WritableStream) -> Result<WritableStreamDefaultWriter, JsValue>;

    type WritableStreamDefaultWriter;
    #[wasm_bindgen(method)]
    fn write(this: &WritableStreamDefaultWriter, chunk: &Uint8Array) -> Promise;
    #[wasm_bindgen(method)]
    fn close(this: &WritableStreamDefaultWriter) -> Promise;
}

/// Compressed bytes given to the decompressor at a time. One slice
/// inflates to at most about 1 MB.
pub const STEP: usize = 1024;

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

/// Compresses `bytes` with raw DEFLATE (the student's own share: the input
/// is trusted and the output smaller, so it goes in whole).
pub async fn deflate(bytes: &[u8]) -> Result<Vec<u8>, StreamError> {
    let transform = CompressionStream::new("deflate-raw").map_err(|_| StreamError::Unsupported)?;
    let parts = Array::of1(&Uint8Array::from(bytes));
    let blob = Blob::new_with_u8_array_sequence(&parts).map_err(|_| StreamError::Unsupported)?;
    let stream = blob
        .stream()
        .pipe_through(&transform.unchecked_into::<ReadableWritablePair>());
    read_all(stream.get_reader().unchecked_into(), usize::MAX).await
}

/// Inflates raw DEFLATE, refusing output longer than `max` bytes; stops
/// inflating as soon as the output passes it (see the module docs).
pub async fn inflate(bytes: &[u8], max: usize) -> Result<Vec<u8>, StreamError> {
    let transform =
        DecompressionStream::new("deflate-raw").map_err(|_| StreamError::Unsupported)?;
    let writer = transform
        .writable()
        .get_writer()
        .map_err(|_| StreamError::Unsupported)?;
    let reader: ReadableStreamDefaultReader = transform.readable().get_reader().unchecked_into();
    // Every slice is queued at once (the input is a link, capped before
    // it is decoded); the browser inflates the next one only when the
    // output of the last has been read. A failed write (damaged data, or
    // the cancel below) shows as a failed read.
    for slice in bytes.chunks(STEP) {
        ignore(writer.write(&Uint8Array::from(slice)));
    }
    ignore(writer.close());
    read_all(reader, max).await
}

/// Lets a promise settle unobserved (its rejection is handled, so none is
/// reported as uncaught).
fn ignore(promise: Promise) {
    drop(JsFuture::from(promise));
}

/// Reads `reader` to its end; past `max` bytes, cancels it and refuses.
async fn read_all(reader: ReadableStreamDefaultReader, max: usize) -> Result<Vec<u8>, StreamError> {
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
            ignore(reader.cancel());
            return Err(StreamError::TooLarge);
        }
        let start = out.len();
        out.resize(start + value.length() as usize, 0);
        value.copy_to(&mut out[start..]);
    }
}
