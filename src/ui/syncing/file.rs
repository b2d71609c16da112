//! The steps through the synced file's handle: recall the handle and the
//! base from IndexedDB at start-up, read the file as a backup, write it
//! (then remember the handle and the new base), and one sync: read,
//! `reconcile` with the base, then take, merge or write. Every
//! continuation after an await returns when the workspace is gone.

use super::{SyncStatus, Syncing};
use crate::domain::packed::{decode_file, MAX_RESTORE_FILE};
use crate::domain::sync::{after, reconcile, Step};
use crate::domain::{decode, encode, Document, LIMITS};
use crate::ui::sync_file::{self, FileHandle};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

impl Syncing {
    /// The file remembered from an earlier visit: in step when the
    /// browser still allows it, else one click reconnects.
    pub(super) async fn recall(self) {
        let key = self.key();
        let Some(handle) = sync_file::recall(&key, "handle").await else {
            return;
        };
        if !self.alive() {
            return;
        }
        let handle: FileHandle = wasm_bindgen::JsCast::unchecked_into(handle);
        let base = sync_file::recall(&key, "base")
            .await
            .and_then(|t| t.as_string())
            .and_then(|t| decode(&t).ok());
        if !self.alive() {
            return;
        }
        self.base.set_value(base);
        let name = handle.name();
        let granted = sync_file::permitted(&handle, false).await;
        if !self.alive() {
            return;
        }
        self.handle.set_value(Some(handle));
        if granted {
            self.resume(name).await;
        } else {
            self.status.set(SyncStatus::Reconnect(name));
        }
    }

    /// Reads the file as a backup; a message when it is not one.
    pub(super) async fn read_file(self, handle: &FileHandle) -> Result<Document, String> {
        let text = sync_file::read(handle, MAX_RESTORE_FILE)
            .await
            .map_err(|e| e.to_string())?;
        decode_file(&text, &LIMITS).map_err(|e| {
            format!(
                "“{}” cannot be used as the synced copy. {e} Nothing was written.",
                handle.name()
            )
        })
    }

    /// Writes `doc` to the file, keeps it as the base and remembers the
    /// handle; then in step, with `note`.
    pub(super) async fn write_and_keep(self, handle: &FileHandle, doc: Document, note: &str) {
        let written = sync_file::write(handle, &encode(&doc)).await;
        if !self.alive() {
            return;
        }
        if let Err(e) = written {
            return self.problem(e.to_string());
        }
        self.keep_base(doc).await;
        if !self.alive() {
            return;
        }
        let key = self.key();
        let remembered = sync_file::remember(&key, "handle", handle.as_ref())
            .await
            .is_ok();
        if !self.alive() {
            return;
        }
        let note = if remembered {
            note.to_owned()
        } else {
            format!(
                "{note} This browser cannot remember the file: choose it again at your next visit."
            )
        };
        self.status.set(SyncStatus::InStep {
            name: handle.name(),
            note,
        });
    }

    async fn keep_base(self, doc: Document) {
        let text = JsValue::from_str(&encode(&doc));
        self.base.set_value(Some(doc));
        let _ = sync_file::remember(&self.key(), "base", &text).await;
    }

    /// Reads the file, then takes, merges or writes as `reconcile` says.
    pub(super) async fn sync_now(self) {
        let (Some(handle), Some(base)) = (self.handle.get_value(), self.base.get_value()) else {
            return;
        };
        if !self.connected() || self.busy.get_value() {
            return;
        }
        self.busy.set_value(true);
        let file = self.read_file(&handle).await;
        if !self.alive() {
            return;
        }
        self.busy.set_value(false);
        let file = match file {
            Ok(f) => f,
            Err(message) => return self.problem(message),
        };
        let here = self.doc.get_untracked();
        let step = reconcile(&base, &here, &file);
        let (new_base, write) = after(&step, &here);
        let note = match &step {
            Step::InStep => return,
            Step::Write => "Your latest changes are in the file.",
            Step::Take(_) => "Changes from another device were taken in.",
            Step::Merge { .. } => "Changes from another device were merged with yours.",
        };
        if let Step::Take(doc) | Step::Merge { doc, .. } = &step {
            // Set the base first: the change below is not one to write back.
            self.base.set_value(Some(new_base.clone()));
            self.doc.set((**doc).clone());
        }
        if let Step::Merge { conflicts, .. } = step {
            self.saving.show_conflicts(conflicts);
        }
        match write {
            Some(doc) => self.write_and_keep(&handle, doc, note).await,
            None => {
                self.keep_base(new_base).await;
                if !self.alive() {
                    return;
                }
                self.status.set(SyncStatus::InStep {
                    name: handle.name(),
                    note: note.into(),
                });
            }
        }
    }
}
