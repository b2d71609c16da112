//! When the synced file is read and written (what, is `domain/sync.rs`):
//! written [`WRITE_DELAY_MS`] after a change and at once when the tab is
//! hidden; read at start-up, when the tab regains focus and every
//! [`READ_EVERY_MS`] while visible. Every write reads the file first, so
//! another device's changes are merged, never overwritten. A file that
//! cannot be read as a backup (not one, damaged, newer, gone, no
//! permission) stops syncing with its message; nothing is written.
//! Components see the [`Syncing`] context.

use crate::domain::import::{merge_in, preview, KindPreview};
use crate::domain::packed::{decode_file, MAX_RESTORE_FILE};
use crate::domain::sync::{after, reconcile, same_data, Step};
use crate::domain::{decode, encode, Document, LIMITS};
use crate::ui::saving::Saving;
use crate::ui::sync_file::{self, FileHandle};
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsValue;

pub const WRITE_DELAY_MS: u64 = 1_000;
pub const READ_EVERY_MS: u64 = 60_000;

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
        Effect::new(move |ran: Option<()>| {
            doc.track();
            if ran.is_some() && s.connected() {
                let changed = doc.with_untracked(|d| {
                    s.base
                        .with_value(|b| b.as_ref().is_none_or(|b| !same_data(d, b)))
                });
                if changed {
                    s.schedule(WRITE_DELAY_MS);
                }
            }
        });
        let on_visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if s.connected() {
                s.schedule(0);
            }
        });
        let on_focus = window_event_listener(leptos::ev::focus, move |_| {
            if s.connected() {
                s.schedule(0);
            }
        });
        let every = set_interval_with_handle(
            move || {
                if s.connected()
                    && document().visibility_state() == web_sys::VisibilityState::Visible
                {
                    s.schedule(0);
                }
            },
            Duration::from_millis(READ_EVERY_MS),
        )
        .ok();
        on_cleanup(move || {
            on_visibility.remove();
            on_focus.remove();
            if let Some(every) = every {
                every.clear();
            }
        });
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

    fn schedule(self, ms: u64) {
        if let Some(old) = self.timer.try_update_value(Option::take).flatten() {
            old.clear();
        }
        let run = move || {
            leptos::task::spawn_local(async move {
                if self.alive() {
                    self.sync_now().await
                }
            })
        };
        self.timer
            .set_value(set_timeout_with_handle(run, Duration::from_millis(ms)).ok());
    }

    async fn recall(self) {
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
            self.status.set(SyncStatus::InStep {
                name,
                note: String::new(),
            });
            self.sync_now().await;
        } else {
            self.status.set(SyncStatus::Reconnect(name));
        }
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
            self.status.set(SyncStatus::InStep {
                name: handle.name(),
                note: String::new(),
            });
            self.sync_now().await;
        } else {
            self.problem(sync_file::FileError::NoPermission.to_string());
        }
    }

    /// Reads the file as a backup; a message when it is not one.
    async fn read_file(self, handle: &FileHandle) -> Result<Document, String> {
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

    /// Creates a new synced file holding this browser's data.
    pub async fn create(self) {
        let handle = match sync_file::choose(true).await {
            Ok(h) => h,
            Err(sync_file::FileError::Cancelled) => return,
            Err(e) => return self.problem(e.to_string()),
        };
        if !self.alive() {
            return;
        }
        self.handle.set_value(Some(handle.clone()));
        let doc = self.doc.get_untracked();
        self.write_and_keep(&handle, doc, "Your data is in the file.")
            .await;
    }

    /// Picks an existing synced file and shows what merging it would do.
    pub async fn open(self) {
        let handle = match sync_file::choose(false).await {
            Ok(h) => h,
            Err(sync_file::FileError::Cancelled) => return,
            Err(e) => return self.problem(e.to_string()),
        };
        if !self.alive() {
            return;
        }
        self.handle.set_value(Some(handle.clone()));
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

    async fn write_and_keep(self, handle: &FileHandle, doc: Document, note: &str) {
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
    async fn sync_now(self) {
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
