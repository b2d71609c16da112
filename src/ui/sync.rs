//! Saving and keeping tabs in step: the one place that writes the
//! document.
//!
//! - Every change is saved at most [`SAVE_DELAY_MS`] after it happens, and
//!   at once when the page is hidden or closed (`visibilitychange`,
//!   `pagehide`), so an edit made just before closing is kept.
//! - Before writing, the stored text is compared with what this tab last
//!   read or wrote. If another tab saved in between, the two documents are
//!   merged record by record against the last common version
//!   ([`crate::domain::merge`]); conflicts on one record are reported.
//! - A change from another tab (the `storage` event) is taken in at once
//!   when this tab has nothing unsaved.
//! - Data saved by a newer schema version makes this tab read-only: it is
//!   never downgraded or overwritten. Unreadable data is never written over.

use crate::domain::merge::{merge3, Conflict};
use crate::domain::{decode, DecodeError, Document};
use crate::storage::{SaveError, Writer};
use crate::ui::state::SaveState;
use leptos::prelude::*;
use std::time::Duration;

/// The debounce delay before a change is written.
pub const SAVE_DELAY_MS: u64 = 250;

/// What the controller remembers between saves.
struct SyncState {
    writer: Writer,
    /// The last version known to be in storage (read or written here).
    base: Document,
    /// Its stored text.
    last_raw: Option<String>,
    pending: Option<TimeoutHandle>,
    /// The next document change came from storage: do not save it back.
    skip_next: bool,
    read_only: bool,
}

/// Handle for the UI (retry button, conflicts notice).
#[derive(Clone, Copy)]
pub struct Sync {
    state: StoredValue<SyncState, LocalStorage>,
    doc: RwSignal<Document>,
    status: RwSignal<SaveState>,
    pub conflicts: RwSignal<Vec<Conflict>>,
    /// A change is waiting to be written.
    pub pending: RwSignal<bool>,
    /// Counts changes taken in from other tabs (see `StaleGuard`).
    pub remote_changes: RwSignal<u64>,
}

impl Sync {
    /// Starts saving `doc`; `raw` is the stored text it was read from.
    pub fn start(
        doc: RwSignal<Document>,
        status: RwSignal<SaveState>,
        writer: Writer,
        raw: Option<String>,
    ) -> Self {
        let state = StoredValue::new_local(SyncState {
            writer,
            base: doc.get_untracked(),
            last_raw: raw,
            pending: None,
            skip_next: false,
            read_only: false,
        });
        let sync = Sync {
            state,
            doc,
            status,
            conflicts: RwSignal::new(Vec::new()),
            pending: RwSignal::new(false),
            remote_changes: RwSignal::new(0),
        };

        // Debounced save after every change (not on start-up).
        Effect::new(move |ran: Option<()>| {
            doc.track();
            if ran.is_none() {
                return;
            }
            if sync
                .state
                .try_update_value(|s| std::mem::take(&mut s.skip_next))
                == Some(true)
            {
                return;
            }
            sync.schedule();
        });

        let flush = move || {
            if sync.state.with_value(|s| s.pending.is_some()) {
                sync.save_now();
            }
        };
        let on_hide = window_event_listener(leptos::ev::pagehide, move |_| flush());
        let on_visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                flush();
            }
        });
        let on_storage = window_event_listener(leptos::ev::storage, move |ev| sync.on_storage(ev));
        on_cleanup(move || {
            on_hide.remove();
            on_visibility.remove();
            on_storage.remove();
        });
        sync
    }

    /// Tracks whether a save is scheduled, also as `<html
    /// data-save-pending>` (the end-to-end tests wait on it).
    fn mark_pending(self, pending: bool) {
        self.pending.set(pending);
        if let Some(root) = document().document_element() {
            let _ = if pending {
                root.set_attribute("data-save-pending", "")
            } else {
                root.remove_attribute("data-save-pending")
            };
        }
    }

    fn schedule(self) {
        self.mark_pending(true);
        if let Some(old) = self.state.try_update_value(|s| s.pending.take()).flatten() {
            old.clear();
        }
        let handle = set_timeout_with_handle(
            move || self.save_now(),
            Duration::from_millis(SAVE_DELAY_MS),
        )
        .ok();
        self.state.update_value(|s| s.pending = handle);
    }

    /// Writes now (merging with another tab's save if there was one).
    pub fn save_now(self) {
        if let Some(p) = self.state.try_update_value(|s| s.pending.take()).flatten() {
            p.clear();
        }
        self.mark_pending(false);
        if self.state.with_value(|s| s.read_only) {
            return;
        }
        let ours = self.doc.get_untracked();
        let stored = self.state.with_value(|s| s.writer.read_raw());
        let stored = match stored {
            Ok(raw) => raw,
            Err(e) => {
                return self.status.set(SaveState::Failed {
                    message: e.to_string(),
                    quota: false,
                })
            }
        };
        let unchanged = self.state.with_value(|s| stored == s.last_raw);
        let (mut next, conflicts) = match stored {
            Some(raw) if !unchanged => match decode(&raw) {
                Ok(theirs) => {
                    let rev = theirs.revision;
                    let (mut merged, conflicts) =
                        self.state.with_value(|s| merge3(&s.base, &ours, &theirs));
                    merged.revision = rev;
                    (merged, conflicts)
                }
                Err(e) => return self.refuse(&e),
            },
            _ => (ours.clone(), Vec::new()),
        };
        next.revision = self
            .state
            .with_value(|s| s.base.revision.max(next.revision))
            + 1;
        let written = crate::ui::platform::timed("microfolio:save", || {
            self.state.with_value(|s| s.writer.save(&next))
        });
        match written {
            Ok(raw) => {
                let changed_content = {
                    let mut a = next.clone();
                    a.revision = ours.revision;
                    a != ours
                };
                self.state.update_value(|s| {
                    s.base = next.clone();
                    s.last_raw = Some(raw);
                    s.skip_next = changed_content;
                });
                if changed_content {
                    self.remote_changes.update(|n| *n += 1);
                    self.doc.set(next);
                } else {
                    let rev = next.revision;
                    self.doc.update_untracked(|d| d.revision = rev);
                }
                if !conflicts.is_empty() {
                    self.conflicts.set(conflicts);
                }
                self.status.set(SaveState::Saved);
            }
            Err(e) => self.status.set(SaveState::Failed {
                message: e.to_string(),
                quota: e == SaveError::QuotaExceeded,
            }),
        }
    }

    /// Stored data this tab cannot read: never write over it.
    fn refuse(self, error: &DecodeError) {
        self.state.update_value(|s| s.read_only = true);
        self.status.set(SaveState::ReadOnly(match error {
            DecodeError::NewerVersion { .. } => {
                "A newer version of Microfolio saved your data in another tab. This tab is now read-only so it cannot overwrite it: reload to use the newer version.".to_owned()
            }
            other => format!(
                "Your saved data was changed elsewhere and cannot be read ({other}). This tab will not write over it: reload to see the recovery options."
            ),
        }));
    }

    fn on_storage(self, ev: web_sys::StorageEvent) {
        let ours = self
            .state
            .with_value(|s| ev.key().as_deref() == Some(s.writer.key()));
        if !ours || self.state.with_value(|s| s.read_only) {
            return;
        }
        let Some(raw) = ev.new_value() else { return };
        if self
            .state
            .with_value(|s| s.last_raw.as_deref() == Some(raw.as_str()))
        {
            return;
        }
        match decode(&raw) {
            Err(e) => self.refuse(&e),
            // Unsaved changes here: the next save merges.
            Ok(_) if self.state.with_value(|s| s.pending.is_some()) => {}
            Ok(theirs) => {
                self.state.update_value(|s| {
                    s.base = theirs.clone();
                    s.last_raw = Some(raw);
                    s.skip_next = true;
                });
                self.remote_changes.update(|n| *n += 1);
                self.doc.set(theirs);
            }
        }
    }
}
