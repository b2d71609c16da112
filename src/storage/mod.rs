//! The one adapter between the domain and the browser's `localStorage`.
//!
//! - Keys are namespaced by app and deployment path
//!   ([`crate::domain::storage_key`]).
//! - Reading goes through [`crate::domain::decode`] (and so through the
//!   migration path); nothing is ever replaced by a silent default.
//! - Writing needs a [`Writer`], which [`open`] hands out only when the
//!   stored data was read successfully or there was none. Data that could
//!   not be read comes back as [`Unreadable`], and the only way to write over
//!   it is the user's explicit [`Unreadable::start_fresh`].

use crate::domain::{decode, encode, storage_key, DecodeError, Document};
use gloo_storage::{LocalStorage, Storage as _};
use wasm_bindgen::{JsCast, JsValue};

/// What was found in storage at start-up.
pub enum Opened {
    /// Nothing stored yet: a first visit.
    Empty(Writer),
    /// The stored document, read and migrated to the current version, with
    /// the stored text it came from.
    Ready(Document, Writer, String),
    /// Something is stored, but it could not be read. It must not be
    /// overwritten unless the user chooses to start fresh.
    Unreadable(Unreadable),
}

/// Stored data that could not be read, kept exactly as found.
pub struct Unreadable {
    key: String,
    raw: String,
    error: DecodeError,
}

impl Unreadable {
    /// The stored text, byte for byte.
    pub fn raw(&self) -> &str {
        &self.raw
    }

    pub fn error(&self) -> &DecodeError {
        &self.error
    }

    /// The user's explicit choice to give up the unreadable data: returns a
    /// writer, whose first save replaces it.
    pub fn start_fresh(&self) -> Writer {
        Writer {
            key: self.key.clone(),
        }
    }
}

/// Permission to write the document under one key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Writer {
    key: String,
}

/// Why the browser would not give us `localStorage` at all.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("This browser does not allow Microfolio to keep data ({0}). Check that site data (cookies and storage) is allowed for this site.")]
pub struct Unavailable(String);

/// Why a save did not happen.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SaveError {
    #[error("The browser's storage for this site is full.")]
    QuotaExceeded,
    #[error("The browser refused to save ({0}).")]
    Failed(String),
}

/// The storage key for the page the app runs on.
pub fn key_for_this_page() -> String {
    storage_key::document_key(&this_path())
}

fn this_path() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}

/// A device preference of this deployment (the colour theme), if set and
/// readable. Preferences are not part of the document or its backups.
pub fn read_preference(name: &str) -> Option<String> {
    let key = storage_key::preference_key(&this_path(), name);
    local_storage().ok()?.get_item(&key).ok().flatten()
}

/// Stores (or, with `None`, forgets) a device preference.
pub fn write_preference(name: &str, value: Option<&str>) -> Result<(), SaveError> {
    let key = storage_key::preference_key(&this_path(), name);
    let storage = local_storage().map_err(|e| SaveError::Failed(e.0))?;
    match value {
        Some(v) => storage
            .set_item(&key, v)
            .map_err(|e| classify_save_error(&e)),
        None => storage
            .remove_item(&key)
            .map_err(|e| classify_save_error(&e)),
    }
}

/// Reads what is stored under `key`.
pub fn open(key: &str) -> Result<Opened, Unavailable> {
    let storage = local_storage()?;
    let key = key.to_owned();
    let raw = storage
        .get_item(&key)
        .map_err(|e| Unavailable(js_error_text(&e)))?;
    Ok(match raw {
        None => Opened::Empty(Writer { key }),
        Some(raw) => match decode(&raw) {
            Ok(doc) => Opened::Ready(doc, Writer { key }, raw),
            Err(error) => Opened::Unreadable(Unreadable { key, raw, error }),
        },
    })
}

impl Writer {
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Writes the whole document; returns the text written.
    pub fn save(&self, doc: &Document) -> Result<String, SaveError> {
        let storage = local_storage().map_err(|e| SaveError::Failed(e.0))?;
        let text = encode(doc);
        storage
            .set_item(&self.key, &text)
            .map_err(|e| classify_save_error(&e))?;
        Ok(text)
    }

    /// Where the data as it was before the last import is kept.
    fn snapshot_key(&self) -> String {
        format!("{}.before-import", self.key)
    }

    /// Keeps `text` (the data before an import) for "Undo import".
    pub fn save_snapshot(&self, text: &str) -> Result<(), SaveError> {
        let storage = local_storage().map_err(|e| SaveError::Failed(e.0))?;
        storage
            .set_item(&self.snapshot_key(), text)
            .map_err(|e| classify_save_error(&e))
    }

    pub fn read_snapshot(&self) -> Option<String> {
        local_storage()
            .ok()?
            .get_item(&self.snapshot_key())
            .ok()
            .flatten()
    }

    pub fn clear_snapshot(&self) {
        if let Ok(storage) = local_storage() {
            let _ = storage.remove_item(&self.snapshot_key());
        }
    }

    /// What is stored now (another tab may have written since).
    pub fn read_raw(&self) -> Result<Option<String>, Unavailable> {
        local_storage()?
            .get_item(&self.key)
            .map_err(|e| Unavailable(js_error_text(&e)))
    }
}

/// `localStorage`, or why it cannot be had. Probed through web-sys first:
/// `LocalStorage::raw()` panics where storage is blocked.
fn local_storage() -> Result<web_sys::Storage, Unavailable> {
    let window = web_sys::window().ok_or_else(|| Unavailable("no window".into()))?;
    match window.local_storage() {
        Ok(Some(_)) => Ok(LocalStorage::raw()),
        Ok(None) => Err(Unavailable("no localStorage".into())),
        Err(e) => Err(Unavailable(js_error_text(&e))),
    }
}

/// Tells a full quota from other failures by what browsers throw: a
/// `DOMException` named `QuotaExceededError` (code 22) in Chromium and
/// Safari, `NS_ERROR_DOM_QUOTA_REACHED` (code 1014) in older Firefox.
fn classify_save_error(error: &JsValue) -> SaveError {
    if let Some(dom) = error.dyn_ref::<web_sys::DomException>() {
        if matches!(dom.code(), 22 | 1014)
            || matches!(
                dom.name().as_str(),
                "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED"
            )
        {
            return SaveError::QuotaExceeded;
        }
    }
    SaveError::Failed(js_error_text(error))
}

fn js_error_text(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}
