//! The synced file's browser side: the File System Access API (Chrome and
//! Edge on a computer) and IndexedDB, bound by hand (web-sys gates the
//! file API behind `web_sys_unstable_apis`). What to write and when to
//! merge is `domain/sync.rs`; when is `ui/syncing/`.
//!
//! The file comes from ONE function, [`choose`], which calls the page's
//! `showSaveFilePicker` or `showOpenFilePicker` when it is called: the
//! end-to-end tests replace those with a handle backed by a file two
//! browser contexts share. A file is written through `createWritable`, so a
//! half-written file never replaces the last good one. The handle and the
//! base (the last version both sides had) are kept in IndexedDB, which
//! stores a handle as it is.

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// A `FileSystemFileHandle` (or the tests' stand-in).
    #[derive(Clone)]
    pub type FileHandle;
    #[wasm_bindgen(method, getter)]
    pub fn name(this: &FileHandle) -> String;
    #[wasm_bindgen(method, catch, js_name = getFile)]
    fn get_file(this: &FileHandle) -> Result<Promise, JsValue>;
    #[wasm_bindgen(method, catch, js_name = createWritable)]
    fn create_writable(this: &FileHandle) -> Result<Promise, JsValue>;

    type Writable;
    #[wasm_bindgen(method, catch)]
    fn write(this: &Writable, text: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn close(this: &Writable) -> Result<Promise, JsValue>;
}

/// Why the file could not be used. Nothing was written when one is returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// The student closed the picker.
    Cancelled,
    /// This browser has no file API.
    Unsupported,
    /// The file is gone (deleted or moved).
    Deleted,
    /// The browser's permission to the file was refused or lost.
    NoPermission,
    /// Something else; the browser's words.
    Other(String),
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            FileError::Cancelled => "No file was chosen.",
            FileError::Unsupported => "This browser cannot keep a synced copy in a file (Chrome and Edge on a computer can).",
            FileError::Deleted => "The synced file is gone: it was deleted or moved. Choose it again, or create a new one. Nothing was written.",
            FileError::NoPermission => "The browser has no permission to use the synced file. Reconnect and allow it. Nothing was written.",
            FileError::Other(e) => e,
        })
    }
}

fn error_of(e: JsValue) -> FileError {
    let name = Reflect::get(&e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    match name.as_str() {
        "AbortError" => FileError::Cancelled,
        "NotFoundError" => FileError::Deleted,
        "NotAllowedError" | "SecurityError" => FileError::NoPermission,
        _ => FileError::Other(format!(
            "The synced file could not be used ({}). Nothing was written.",
            Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or(name)
        )),
    }
}

async fn call(promise: Result<Promise, JsValue>) -> Result<JsValue, FileError> {
    JsFuture::from(promise.map_err(error_of)?)
        .await
        .map_err(error_of)
}

fn window_fn(name: &str) -> Option<Function> {
    let window = web_sys::window()?;
    Reflect::get(&window, &name.into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
}

/// Whether this browser can keep a synced file.
pub fn supported() -> bool {
    window_fn("showSaveFilePicker").is_some() && window_fn("showOpenFilePicker").is_some()
}

fn picker_options(create: bool) -> Object {
    let accept = Object::new();
    let _ = Reflect::set(
        &accept,
        &"application/json".into(),
        &Array::of1(&".json".into()),
    );
    let kind = Object::new();
    let _ = Reflect::set(&kind, &"description".into(), &"Microfolio backup".into());
    let _ = Reflect::set(&kind, &"accept".into(), &accept);
    let options = Object::new();
    let _ = Reflect::set(&options, &"types".into(), &Array::of1(&kind));
    let _ = Reflect::set(&options, &"id".into(), &"microfolio-sync".into());
    if create {
        let _ = Reflect::set(
            &options,
            &"suggestedName".into(),
            &"microfolio-synced.json".into(),
        );
    }
    options
}

/// THE one source of synced files: a new file (`create`) or an existing
/// one, from the browser's picker.
pub async fn choose(create: bool) -> Result<FileHandle, FileError> {
    let name = if create {
        "showSaveFilePicker"
    } else {
        "showOpenFilePicker"
    };
    let picker = window_fn(name).ok_or(FileError::Unsupported)?;
    let promise = picker
        .call1(&JsValue::UNDEFINED, &picker_options(create))
        .map(Promise::from);
    let chosen = call(promise).await?;
    Ok(if create {
        chosen.unchecked_into()
    } else {
        Array::from(&chosen).get(0).unchecked_into()
    })
}

/// Whether the page may read and write `handle` now; with `ask`, asks the
/// student (needs a click).
pub async fn permitted(handle: &FileHandle, ask: bool) -> bool {
    let method = if ask {
        "requestPermission"
    } else {
        "queryPermission"
    };
    let Ok(f) = Reflect::get(handle, &method.into()).and_then(|f| f.dyn_into::<Function>()) else {
        // No permission model (the tests' stand-in): reading will tell.
        return true;
    };
    let mode = Object::new();
    let _ = Reflect::set(&mode, &"mode".into(), &"readwrite".into());
    let answer = call(f.call1(handle, &mode).map(Promise::from)).await;
    answer.ok().and_then(|a| a.as_string()).as_deref() == Some("granted")
}

/// The file's text, if it has at most `max` bytes.
pub async fn read(handle: &FileHandle, max: usize) -> Result<String, FileError> {
    let file: web_sys::File = call(handle.get_file()).await?.unchecked_into();
    if file.size() > max as f64 {
        return Err(FileError::Other(format!(
            "The synced file is larger than {} MB, more than a Microfolio backup can be. Nothing was written.",
            max / 1_048_576
        )));
    }
    let text = call(Ok(file.text())).await?;
    text.as_string()
        .ok_or_else(|| FileError::Other("The synced file is not text. Nothing was written.".into()))
}

/// Replaces the file's content with `text`, whole or not at all.
pub async fn write(handle: &FileHandle, text: &str) -> Result<(), FileError> {
    let writable: Writable = call(handle.create_writable()).await?.unchecked_into();
    call(writable.write(text)).await?;
    call(writable.close()).await?;
    Ok(())
}

// ---- remembered in IndexedDB --------------------------------------------

const DB: &str = "microfolio-sync";
const STORE: &str = "files";

/// The request's result, once it succeeded.
async fn request(req: &web_sys::IdbRequest) -> Result<JsValue, JsValue> {
    let waiting = req.clone();
    JsFuture::from(Promise::new(&mut |resolve, reject| {
        waiting.set_onsuccess(Some(&resolve));
        waiting.set_onerror(Some(&reject));
    }))
    .await?;
    req.result()
}

async fn store(key: &str, write: bool) -> Result<web_sys::IdbObjectStore, JsValue> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or(JsValue::NULL)?;
    let open = factory.open_with_u32(&format!("{DB}:{key}"), 1)?;
    let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        if let Some(db) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::IdbOpenDbRequest>().ok())
            .and_then(|r| r.result().ok())
        {
            let _ = db
                .unchecked_into::<web_sys::IdbDatabase>()
                .create_object_store(STORE);
        }
    });
    open.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let db: web_sys::IdbDatabase = request(&open).await?.unchecked_into();
    drop(upgrade);
    let mode = if write {
        web_sys::IdbTransactionMode::Readwrite
    } else {
        web_sys::IdbTransactionMode::Readonly
    };
    db.transaction_with_str_and_mode(STORE, mode)?
        .object_store(STORE)
}

/// Remembers `value` under `name` for the deployment `key`.
pub async fn remember(key: &str, name: &str, value: &JsValue) -> Result<(), JsValue> {
    let store = store(key, true).await?;
    request(&store.put_with_key(value, &name.into())?).await?;
    Ok(())
}

/// What [`remember`] kept under `name`, if anything.
pub async fn recall(key: &str, name: &str) -> Option<JsValue> {
    let store = store(key, false).await.ok()?;
    let value = request(&store.get(&name.into()).ok()?).await.ok()?;
    (!value.is_undefined()).then_some(value)
}

/// Forgets what is kept under `name`.
pub async fn forget(key: &str, name: &str) {
    if let Ok(store) = store(key, true).await {
        if let Ok(req) = store.delete(&name.into()) {
            let _ = request(&req).await;
        }
    }
}
