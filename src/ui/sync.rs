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
use crate::domain::{DecodeError, Document};
use crate::storage::{SaveError, Stored, Writer};
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
    /// What the document key held for it (`None`: nothing yet).
    stored: Option<Stored>,
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
    /// Starts saving `doc`; `stored` is what it was read from.
    pub fn start(
        doc: RwSignal<Document>,
        status: RwSignal<SaveState>,
        writer: Writer,
        stored: Option<Stored>,
    ) -> Self {
        let state = StoredValue::new_local(SyncState {
            writer,
            base: doc.get_untracked(),
            stored,
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

    /// Writes now (merging with another tab's save if there was one). The
    /// whole of it is the `microfolio:save` User Timing measure.
    pub fn save_now(self) {
        if let Some(p) = self.state.try_update_value(|s| s.pending.take()).flatten() {
            p.clear();
        }
        self.mark_pending(false);
        if self.state.with_value(|s| s.read_only) {
            return;
        }
        crate::ui::platform::timed("microfolio:save", || self.write());
    }

    fn write(self) {
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
        let unchanged = self
            .state
            .with_value(|s| stored.as_deref() == s.stored.as_ref().map(Stored::text));
        // Another tab saved since: merge with what it wrote, and write
        // relative to it.
        let theirs = match stored {
            Some(raw) if !unchanged => match self.state.with_value(|s| s.writer.load(&raw)) {
                Ok(theirs) => Some(theirs),
                Err(e) => return self.refuse(&e),
            },
            _ => None,
        };
        let (mut next, conflicts) = self.doc.with_untracked(|ours| match &theirs {
            Some((theirs, _)) => {
                let (mut merged, conflicts) =
                    self.state.with_value(|s| merge3(&s.base, ours, theirs));
                merged.revision = theirs.revision;
                (merged, conflicts)
            }
            None => (ours.clone(), Vec::new()),
        });
        next.revision = self
            .state
            .with_value(|s| s.base.revision.max(next.revision))
            + 1;
        let written = self.state.with_value(|s| {
            let previous = match &theirs {
                Some((doc, stored)) => Some((doc, stored)),
                None => s.stored.as_ref().map(|stored| (&s.base, stored)),
            };
            s.writer.save(&next, previous)
        });
        match written {
            Ok(stored) => {
                let changed_content = theirs.is_some()
                    && self.doc.with_untracked(|ours| {
                        let mut a = next.clone();
                        a.revision = ours.revision;
                        a != *ours
                    });
                let rev = next.revision;
                if changed_content {
                    self.state.update_value(|s| {
                        s.base = next.clone();
                        s.stored = Some(stored);
                        s.skip_next = true;
                    });
                    self.remote_changes.update(|n| *n += 1);
                    self.doc.set(next);
                } else {
                    self.state.update_value(|s| {
                        s.base = next;
                        s.stored = Some(stored);
                    });
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
            newer if newer.is_newer() => {
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
            .with_value(|s| s.stored.as_ref().map(Stored::text) == Some(raw.as_str()))
        {
            return;
        }
        // Unsaved changes here: the save already due reads what the other
        // tab wrote, judges it and merges, so it is not read twice.
        if self.state.with_value(|s| s.pending.is_some()) {
            return;
        }
        match self.state.with_value(|s| s.writer.load(&raw)) {
            // The other tab writes its parts before its head, but this tab
            // may not see them all yet: the next save reads them again.
            Err(DecodeError::MissingPart { .. }) => {}
            Err(e) => self.refuse(&e),
            Ok((theirs, stored)) => {
                self.state.update_value(|s| {
                    s.base = theirs.clone();
                    s.stored = Some(stored);
                    s.skip_next = true;
                });
                self.remote_changes.update(|n| *n += 1);
                self.doc.set(theirs);
            }
        }
    }
}
