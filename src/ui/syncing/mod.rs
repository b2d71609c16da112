//! When the synced file is read and written (what, is `domain/sync.rs`):
//! written [`WRITE_DELAY_MS`] after a change and at once when the tab is
//! hidden; read at start-up, when the tab regains focus and every
//! [`READ_EVERY_MS`] while visible. Every write reads the file first, so
//! another device's changes are merged, never overwritten. A file that
//! cannot be read as a backup (not one, damaged, newer, gone, no
//! permission) stops syncing with its message; nothing is written.
//! Components see the [`Syncing`] context.
//!
//! This file holds the state and what the Data view asks for (create,
//! open, accept, reconnect, stop); `timing.rs` decides when a sync runs,
//! `file.rs` does the steps through the file's handle.

mod file;
mod timing;

pub use timing::{READ_EVERY_MS, WRITE_DELAY_MS};

use crate::domain::import::{merge_in, preview, KindPreview};
use crate::domain::Document;
use crate::ui::saving::Saving;
use crate::ui::sync_file::{self, FileHandle};
use leptos::prelude::*;

/// The synced file, as the Data view shows it.
#[derive(Clone, Debug, PartialEq)]
pub enum SyncStatus {
    Off,
    /// A file is remembered from an earlier visit; one click reconnects.
    Reconnect(String),
    /// A file picked on this device, waiting for the preview's answer.
    Preview {
        name: String,
        kinds: Vec<KindPreview>,
    },
    InStep {
        name: String,
        note: String,
    },
    /// Syncing stopped: why. Nothing was written.
    Problem {
        name: String,
        message: String,
    },
}

#[derive(Clone, Copy)]
pub struct Syncing {
    pub status: RwSignal<SyncStatus>,
    handle: StoredValue<Option<FileHandle>, LocalStorage>,
    base: StoredValue<Option<Document>>,
    /// The file's data while its preview is shown.
    offered: StoredValue<Option<Document>>,
    timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    busy: StoredValue<bool>,
    doc: RwSignal<Document>,
    saving: Saving,
}

impl Syncing {
    /// Starts syncing (if a file is remembered) and provides the context.
    pub fn start(doc: RwSignal<Document>, saving: Saving) -> Self {
        let s = Syncing {
            status: RwSignal::new(SyncStatus::Off),
            handle: StoredValue::new_local(None),
            base: StoredValue::new(None),
            offered: StoredValue::new(None),
            timer: StoredValue::new_local(None),
            busy: StoredValue::new(false),
            doc,
            saving,
        };
        provide_context(s);
        leptos::task::spawn_local(async move {
            if s.alive() {
                s.recall().await
            }
        });
        s.watch();
        s
    }

    /// Whether the workspace that started syncing is still there (a
    /// continuation after an await may outlive it).
    fn alive(self) -> bool {
        !self.status.is_disposed()
    }

    fn key(self) -> String {
        // The controller may belong to an owner already gone (the recovery
        // screen's "Start fresh"): never panic on it.
        self.saving.try_key().unwrap_or_default()
    }

    fn connected(self) -> bool {
        self.status
            .with_untracked(|s| matches!(s, SyncStatus::InStep { .. }))
    }

    fn name(self) -> String {
        self.handle
            .with_value(|h| h.as_ref().map(FileHandle::name))
            .unwrap_or_default()
    }

    fn problem(self, message: String) {
        self.status.set(SyncStatus::Problem {
            name: self.name(),
            message,
        });
    }

    /// In step with the file called `name`: syncs at once.
    async fn resume(self, name: String) {
        self.status.set(SyncStatus::InStep {
            name,
            note: String::new(),
        });
        self.sync_now().await;
    }

    /// Reconnects to the remembered file (the browser asks again).
    pub async fn reconnect(self) {
        let Some(handle) = self.handle.get_value() else {
            return;
        };
        let granted = sync_file::permitted(&handle, true).await;
        if !self.alive() {
            return;
        }
        if granted {
            self.resume(handle.name()).await;
        } else {
            self.problem(sync_file::FileError::NoPermission.to_string());
        }
    }

    /// The file the student picks (a new one when `create`), now the
    /// synced file's handle. `None`: cancelled, refused (its message is
    /// shown) or the workspace is gone.
    async fn pick(self, create: bool) -> Option<FileHandle> {
        let handle = match sync_file::choose(create).await {
            Ok(h) => h,
            Err(sync_file::FileError::Cancelled) => return None,
            Err(e) => {
                self.problem(e.to_string());
                return None;
            }
        };
        if !self.alive() {
            return None;
        }
        self.handle.set_value(Some(handle.clone()));
        Some(handle)
    }

    /// Creates a new synced file holding this browser's data.
    pub async fn create(self) {
        let Some(handle) = self.pick(true).await else {
            return;
        };
        let doc = self.doc.get_untracked();
        self.write_and_keep(&handle, doc, "Your data is in the file.")
            .await;
    }

    /// Picks an existing synced file and shows what merging it would do.
    pub async fn open(self) {
        let Some(handle) = self.pick(false).await else {
            return;
        };
        let read = self.read_file(&handle).await;
        if !self.alive() {
            return;
        }
        match read {
            Err(message) => self.problem(message),
            Ok(file) => {
                let kinds = self.doc.with_untracked(|d| preview(d, &file));
                self.offered.set_value(Some(file));
                self.status.set(SyncStatus::Preview {
                    name: handle.name(),
                    kinds,
                });
            }
        }
    }

    /// Merges the previewed file in, writes the result back, keeps in step.
    pub async fn accept(self) {
        let (Some(file), Some(handle)) = (self.offered.get_value(), self.handle.get_value()) else {
            return;
        };
        self.offered.set_value(None);
        let (merged, report) = self.doc.with_untracked(|d| merge_in(d, &file));
        self.doc.set(merged.clone());
        let note = format!(
            "Merged: {} record{} added.",
            report.added,
            if report.added == 1 { "" } else { "s" }
        );
        self.write_and_keep(&handle, merged, &note).await;
    }

    /// Stops syncing and forgets the file (the file itself stays).
    pub async fn stop(self) {
        let key = self.key();
        sync_file::forget(&key, "handle").await;
        sync_file::forget(&key, "base").await;
        if !self.alive() {
            return;
        }
        self.handle.set_value(None);
        self.base.set_value(None);
        self.offered.set_value(None);
        self.status.set(SyncStatus::Off);
    }
}
