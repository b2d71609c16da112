//! The one adapter between the domain and the store the document lives
//! in (`localStorage` in the app).
//!
//! - The document key is namespaced by app and deployment path
//!   ([`crate::domain::storage_key`]); part keys are made from it here
//!   (`Writer::part_prefix`).
//! - The document is stored in the packed layout of
//!   [`crate::domain::packed`]: a head under the document key, compressed
//!   parts beside it; a save writes the parts that changed, then the head.
//! - Reading goes through [`crate::domain::packed::unpack`] or
//!   [`crate::domain::decode`] (and so through the migration path);
//!   nothing is ever replaced by a silent default.
//! - Writing needs a [`Writer`], which [`open`] hands out only when the
//!   stored data was read successfully or there was none. Data that could
//!   not be read comes back as [`Unreadable`], and the only way to write over
//!   it is the user's explicit [`Unreadable::start_fresh`]. The app's one
//!   writer is owned by the [`SaveController`].
//! - Plain Rust over the [`KeyValue`] trait: tested natively with
//!   [`Memory`]; `local` (wasm only) is `localStorage`.

mod controller;
mod kv;
#[cfg(target_arch = "wasm32")]
mod local;

pub use controller::{Outcome, Remote, SaveController, Saved};
pub use kv::{KeyValue, Memory};
#[cfg(target_arch = "wasm32")]
pub use local::{key_for_this_page, read_preference, tab_nonce, write_preference, Local};

use crate::domain::packed::{self, plan_save, read_head, recovery_text, unpack, unpack_text, Head};
use crate::domain::{decode, DecodeError, Document, LIMITS};

/// What was found in storage at start-up.
#[allow(clippy::large_enum_variant)] // made once, at start-up
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
    nonce: String,
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
        Writer::new(self.key.clone(), self.nonce.clone())
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
pub struct Unavailable(pub String);

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

/// Reads what `store` holds under `key`. Writes nothing. `nonce` names
/// this tab's parts apart from another tab's ([`tab_nonce`] in the app).
pub fn open(store: &impl KeyValue, key: &str, nonce: &str) -> Result<Opened, Unavailable> {
    let writer = Writer::new(key.to_owned(), nonce.to_owned());
    Ok(match store.get(key)? {
        None => Opened::Empty(writer),
        Some(text) => match writer.load(store, &text) {
            Ok((doc, stored)) => Opened::Ready(doc, writer, stored),
            Err(error) => {
                let raw = match read_head(&text) {
                    Some(Ok(head)) => {
                        let parts: Vec<(String, Option<String>)> = head
                            .keys()
                            .map(|k| (k.to_owned(), store.get(k).ok().flatten()))
                            .collect();
                        recovery_text(&text, &parts, &LIMITS)
                    }
                    _ => text,
                };
                Opened::Unreadable(Unreadable {
                    key: key.to_owned(),
                    nonce: nonce.to_owned(),
                    raw,
                    error,
                })
            }
        },
    })
}

impl Writer {
    fn new(key: String, nonce: String) -> Self {
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
    pub fn load(
        &self,
        store: &impl KeyValue,
        text: &str,
    ) -> Result<(Document, Stored), DecodeError> {
        let head = read_head(text).transpose()?;
        let doc = match &head {
            Some(head) => unpack(head, |k| store.get(k).ok().flatten(), &LIMITS)?,
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
        storage: &impl KeyValue,
        doc: &Document,
        previous: Option<(&Document, &Stored)>,
    ) -> Result<Stored, SaveError> {
        let prefix = self.part_prefix();
        let generation = self
            .part_keys(storage, &prefix)
            .into_iter()
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
                storage.remove(k);
            }
        };
        for (i, (key, text)) in plan.writes.iter().enumerate() {
            if let Err(e) = storage.set(key, text) {
                undo(&plan.writes[..i]);
                return Err(e);
            }
        }
        let text = plan.head.to_text();
        if let Err(e) = storage.set(&self.key, &text) {
            undo(&plan.writes);
            return Err(e);
        }
        for key in &plan.stale {
            storage.remove(key);
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
        for (key, g) in self.part_keys(storage, &prefix) {
            if named.contains(key.as_str()) {
                present += 1;
            } else if g + 1 < generation {
                storage.remove(&key);
            }
        }
        if previous.is_some() && present < named.len() {
            return self.save(storage, doc, None);
        }
        Ok(Stored {
            text,
            head: Some(plan.head),
        })
    }

    /// This deployment's part keys with their generations.
    fn part_keys(&self, storage: &impl KeyValue, prefix: &str) -> Vec<(String, u64)> {
        storage
            .keys()
            .into_iter()
            .filter_map(|key| {
                let generation = key.strip_prefix(prefix)?.split('.').next()?.parse().ok()?;
                Some((key, generation))
            })
            .collect()
    }

    /// Where the data as it was before the last import is kept.
    fn snapshot_key(&self) -> String {
        format!("{}.before-import", self.key)
    }

    /// Keeps `text` (the data before an import) for "Undo import", packed.
    pub fn save_snapshot(&self, storage: &impl KeyValue, text: &str) -> Result<(), SaveError> {
        storage.set(&self.snapshot_key(), &packed::pack(text))
    }

    /// The data before the last import, as text (kept packed; a snapshot
    /// kept plain by an earlier version is read as it is).
    pub fn read_snapshot(&self, storage: &impl KeyValue) -> Option<String> {
        let stored = storage.get(&self.snapshot_key()).ok().flatten()?;
        if stored.starts_with('z') {
            unpack_text(&stored, LIMITS.max_bytes).ok()
        } else {
            Some(stored)
        }
    }

    pub fn clear_snapshot(&self, storage: &impl KeyValue) {
        storage.remove(&self.snapshot_key());
    }
}
