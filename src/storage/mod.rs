//! The one adapter between the domain and the browser's `localStorage`.
//!
//! - Keys are namespaced by app and deployment path
//!   ([`crate::domain::storage_key`]).
//! - The document is stored in the packed layout of
//!   [`crate::domain::packed`]: a head under the document key, compressed
//!   parts beside it; a save writes the parts that changed, then the head.
//! - Reading goes through [`crate::domain::packed::unpack`] or
//!   [`crate::domain::decode`] (and so through the migration path);
//!   nothing is ever replaced by a silent default.
//! - Writing needs a [`Writer`], which [`open`] hands out only when the
//!   stored data was read successfully or there was none. Data that could
//!   not be read comes back as [`Unreadable`], and the only way to write over
//!   it is the user's explicit [`Unreadable::start_fresh`].

use crate::domain::packed::{self, plan_save, read_head, recovery_text, unpack, unpack_text, Head};
use crate::domain::{decode, storage_key, DecodeError, Document, LIMITS};
use gloo_storage::{LocalStorage, Storage as _};
use wasm_bindgen::{JsCast, JsValue};

/// What was found in storage at start-up.
pub enum Opened {
    /// Nothing stored yet: a first visit.
    Empty(Writer),
    /// The stored document, read and migrated to the current version, with
    /// what the document key held.
    Ready(Document, Writer, Stored),
    /// Something is stored, but it could not be read. It must not be
    /// overwritten unless the user chooses to start fresh.
    Unreadable(Unreadable),
}

/// What the document key holds: the head of the packed layout
/// ([`crate::domain::packed`]), or a plain document of an earlier version
/// (written in the packed layout by the next save).
#[derive(Clone, Debug, PartialEq)]
pub struct Stored {
    text: String,
    head: Option<Head>,
}

impl Stored {
    /// The document key's text, to tell whether another tab saved since.
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// Stored data that could not be read, kept exactly as found.
pub struct Unreadable {
    key: String,
    raw: String,
    error: DecodeError,
}

impl Unreadable {
    /// Everything stored, as text: the document key's text, or for the
    /// packed layout its head and every part it names (unpacked where it
    /// can be).
    pub fn raw(&self) -> &str {
        &self.raw
    }

    pub fn error(&self) -> &DecodeError {
        &self.error
    }

    /// The user's explicit choice to give up the unreadable data: returns a
    /// writer, whose first save replaces it.
    pub fn start_fresh(&self) -> Writer {
        Writer::new(self.key.clone())
    }
}

/// Permission to write the document under one key (and its parts beside
/// it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Writer {
    key: String,
    /// Names this tab's parts apart from another tab's saving at the same
    /// moment.
    nonce: String,
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
    /// Refused before writing: the app could not read it back.
    #[error("{0}")]
    TooLarge(String),
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

/// Reads what is stored under `key`. Writes nothing.
pub fn open(key: &str) -> Result<Opened, Unavailable> {
    let storage = local_storage()?;
    let writer = Writer::new(key.to_owned());
    let raw = storage
        .get_item(key)
        .map_err(|e| Unavailable(js_error_text(&e)))?;
    Ok(match raw {
        None => Opened::Empty(writer),
        Some(text) => match writer.load(&text) {
            Ok((doc, stored)) => Opened::Ready(doc, writer, stored),
            Err(error) => {
                let raw = match read_head(&text) {
                    Some(Ok(head)) => {
                        let parts: Vec<(String, Option<String>)> = head
                            .keys()
                            .map(|k| (k.to_owned(), storage.get_item(k).ok().flatten()))
                            .collect();
                        recovery_text(&text, &parts, &LIMITS)
                    }
                    _ => text,
                };
                Opened::Unreadable(Unreadable {
                    key: key.to_owned(),
                    raw,
                    error,
                })
            }
        },
    })
}

impl Writer {
    fn new(key: String) -> Self {
        let nonce = format!(
            "{:x}",
            (js_sys::Math::random() * f64::from(u32::MAX)) as u32
        );
        Writer { key, nonce }
    }

    pub fn key(&self) -> &str {
        &self.key
    }

    /// Where this deployment's parts live: `microfolio:<path>:part:`.
    fn part_prefix(&self) -> String {
        let base = self.key.strip_suffix("document").unwrap_or(&self.key);
        format!("{base}part:")
    }

    /// Reads the document from what the document key holds (`text`): a
    /// head and its parts, or a plain document.
    pub fn load(&self, text: &str) -> Result<(Document, Stored), DecodeError> {
        let head = read_head(text).transpose()?;
        let doc = match &head {
            Some(head) => {
                let storage = local_storage().ok();
                unpack(
                    head,
                    |k| storage.as_ref()?.get_item(k).ok().flatten(),
                    &LIMITS,
                )?
            }
            None => decode(text)?,
        };
        Ok((
            doc,
            Stored {
                text: text.to_owned(),
                head,
            },
        ))
    }

    /// Writes `doc`. `previous` is the document as stored now, with what
    /// the key held: parts whose records did not change are kept, new
    /// parts are written first and the head last, so a failure at any
    /// point leaves the stored document as it was.
    pub fn save(
        &self,
        doc: &Document,
        previous: Option<(&Document, &Stored)>,
    ) -> Result<Stored, SaveError> {
        let storage = local_storage().map_err(|e| SaveError::Failed(e.0))?;
        let prefix = self.part_prefix();
        let generation = self
            .part_keys(&storage, &prefix)
            .map(|(_, g)| g)
            .max()
            .unwrap_or(0)
            + 1;
        let previous = previous.and_then(|(d, s)| s.head.as_ref().map(|h| (d, h)));
        let plan = plan_save(doc, previous, |i| {
            format!("{prefix}{generation}.{}.{i}", self.nonce)
        });
        // Never write what start-up would refuse to read.
        plan.head
            .check_readable(&LIMITS)
            .map_err(|e| {
                SaveError::TooLarge(format!(
                    "{e} Nothing was written, and your data is still here in this tab: download a backup, then delete some records."
                ))
            })?;
        let undo = |written: &[(String, String)]| {
            for (k, _) in written {
                let _ = storage.remove_item(k);
            }
        };
        for (i, (key, text)) in plan.writes.iter().enumerate() {
            if let Err(e) = storage.set_item(key, text) {
                undo(&plan.writes[..i]);
                return Err(classify_save_error(&e));
            }
        }
        let text = plan.head.to_text();
        if let Err(e) = storage.set_item(&self.key, &text) {
            undo(&plan.writes);
            return Err(classify_save_error(&e));
        }
        for key in &plan.stale {
            let _ = storage.remove_item(key);
        }
        // One look at the parts stored now, for two things:
        // - parts nothing refers to (left by a save that failed half-way,
        //   or by data given up on the recovery screen) are removed; the
        //   last generation is spared, as another tab may be about to
        //   write the head naming them;
        // - a part this head kept that another tab, saving at the same
        //   moment, removed: then every part is written afresh.
        let named: std::collections::HashSet<&str> = plan.head.keys().collect();
        let mut present = 0;
        for (key, g) in self.part_keys(&storage, &prefix).collect::<Vec<_>>() {
            if named.contains(key.as_str()) {
                present += 1;
            } else if g + 1 < generation {
                let _ = storage.remove_item(&key);
            }
        }
        if previous.is_some() && present < named.len() {
            return self.save(doc, None);
        }
        Ok(Stored {
            text,
            head: Some(plan.head),
        })
    }

    /// This deployment's part keys with their generations.
    fn part_keys<'a>(
        &self,
        storage: &'a web_sys::Storage,
        prefix: &'a str,
    ) -> impl Iterator<Item = (String, u64)> + 'a {
        let n = storage.length().unwrap_or(0);
        (0..n).filter_map(move |i| {
            let key = storage.key(i).ok().flatten()?;
            let generation = key.strip_prefix(prefix)?.split('.').next()?.parse().ok()?;
            Some((key, generation))
        })
    }

    /// Where the data as it was before the last import is kept.
    fn snapshot_key(&self) -> String {
        format!("{}.before-import", self.key)
    }

    /// Keeps `text` (the data before an import) for "Undo import", packed.
    pub fn save_snapshot(&self, text: &str) -> Result<(), SaveError> {
        let storage = local_storage().map_err(|e| SaveError::Failed(e.0))?;
        storage
            .set_item(&self.snapshot_key(), &packed::pack(text))
            .map_err(|e| classify_save_error(&e))
    }

    /// The data before the last import, as text (kept packed; a snapshot
    /// kept plain by an earlier version is read as it is).
    pub fn read_snapshot(&self) -> Option<String> {
        let stored = local_storage()
            .ok()?
            .get_item(&self.snapshot_key())
            .ok()
            .flatten()?;
        if stored.starts_with('z') {
            unpack_text(&stored, LIMITS.max_bytes).ok()
        } else {
            Some(stored)
        }
    }

    pub fn clear_snapshot(&self) {
        if let Ok(storage) = local_storage() {
            let _ = storage.remove_item(&self.snapshot_key());
        }
    }

    /// What the document key holds now (another tab may have written
    /// since).
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
