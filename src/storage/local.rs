//! The browser's `localStorage` as a [`KeyValue`] store (wasm only), and
//! the device preferences kept beside the document.

use super::{KeyValue, SaveError, Unavailable};
use crate::domain::storage_key;
use gloo_storage::{LocalStorage, Storage as _};
use wasm_bindgen::{JsCast, JsValue};

/// This origin's `localStorage`.
#[derive(Clone, Debug)]
pub struct Local(web_sys::Storage);

impl Local {
    /// `localStorage`, or why it cannot be had. Probed through web-sys
    /// first: `LocalStorage::raw()` panics where storage is blocked.
    pub fn open() -> Result<Local, Unavailable> {
        let window = web_sys::window().ok_or_else(|| Unavailable("no window".into()))?;
        match window.local_storage() {
            Ok(Some(_)) => Ok(Local(LocalStorage::raw())),
            Ok(None) => Err(Unavailable("no localStorage".into())),
            Err(e) => Err(Unavailable(js_error_text(&e))),
        }
    }
}

impl KeyValue for Local {
    fn get(&self, key: &str) -> Result<Option<String>, Unavailable> {
        self.0
            .get_item(key)
            .map_err(|e| Unavailable(js_error_text(&e)))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), SaveError> {
        self.0
            .set_item(key, value)
            .map_err(|e| classify_save_error(&e))
    }

    fn remove(&self, key: &str) {
        let _ = self.0.remove_item(key);
    }

    fn keys(&self) -> Vec<String> {
        let n = self.0.length().unwrap_or(0);
        (0..n)
            .filter_map(|i| self.0.key(i).ok().flatten())
            .collect()
    }
}

/// The storage key for the page the app runs on.
pub fn key_for_this_page() -> String {
    storage_key::document_key(&this_path())
}

/// A random name for this tab's parts, apart from another tab's.
pub fn tab_nonce() -> String {
    format!(
        "{:x}",
        (js_sys::Math::random() * f64::from(u32::MAX)) as u32
    )
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
    Local::open().ok()?.get(&key).ok().flatten()
}

/// Stores (or, with `None`, forgets) a device preference.
pub fn write_preference(name: &str, value: Option<&str>) -> Result<(), SaveError> {
    let key = storage_key::preference_key(&this_path(), name);
    let storage = Local::open().map_err(|e| SaveError::Failed(e.0))?;
    match value {
        Some(v) => storage.set(&key, v),
        None => storage
            .0
            .remove_item(&key)
            .map_err(|e| classify_save_error(&e)),
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
