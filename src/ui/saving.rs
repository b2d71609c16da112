//! When to save, and the one context that tells about saving.
//!
//! What to write and how to merge is decided by the plain-Rust
//! [`SaveController`] (tested natively); this module only decides when:
//! at most [`SAVE_DELAY_MS`] after a change, at once when the page is
//! hidden or closed (`visibilitychange`, `pagehide`), and on another tab's
//! save (the `storage` event), which is taken in at once when this tab has
//! nothing unsaved. Components see [`Saving`]: status, pending, conflicts,
//! retry and the import snapshot; none of them can write otherwise.

use crate::domain::merge::Conflict;
use crate::domain::Document;
use crate::storage::{Local, Outcome, Remote, SaveController};
use leptos::prelude::*;
use std::time::Duration;

/// The debounce delay before a change is written.
pub const SAVE_DELAY_MS: u64 = 250;

/// Whether the last save reached storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing changed since the page loaded.
    Idle,
    Saved,
    /// The last save failed; the data is kept in memory.
    Failed {
        message: String,
        quota: bool,
    },
    /// This tab must not write (newer or unreadable data in storage).
    ReadOnly(String),
}

/// The saving context.
#[derive(Clone, Copy)]
pub struct Saving {
    controller: StoredValue<SaveController<Local>, LocalStorage>,
    timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    /// The next document change came from storage: do not save it back.
    from_storage: StoredValue<bool>,
    doc: RwSignal<Document>,
    status: RwSignal<SaveState>,
    conflicts: RwSignal<Vec<Conflict>>,
    pending: RwSignal<bool>,
    remote_changes: RwSignal<u64>,
}

impl Saving {
    /// Starts saving `doc` through `controller`, and provides the context.
    pub fn start(
        doc: RwSignal<Document>,
        controller: StoredValue<SaveController<Local>, LocalStorage>,
    ) -> Self {
        let saving = Saving {
            controller,
            timer: StoredValue::new_local(None),
            from_storage: StoredValue::new(false),
            doc,
            status: RwSignal::new(SaveState::Idle),
            conflicts: RwSignal::new(Vec::new()),
            pending: RwSignal::new(false),
            remote_changes: RwSignal::new(0),
        };
        provide_context(saving);

        // Debounced save after every change (not on start-up).
        Effect::new(move |ran: Option<()>| {
            doc.track();
            let from_storage = saving
                .from_storage
                .try_update_value(std::mem::take)
                .unwrap_or(false);
            if ran.is_some() && !from_storage {
                saving.schedule();
            }
        });

        let flush = move || {
            if saving.timer.with_value(Option::is_some) {
                saving.retry();
            }
        };
        let on_hide = window_event_listener(leptos::ev::pagehide, move |_| flush());
        let on_visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                flush();
            }
        });
        let on_storage = window_event_listener(leptos::ev::storage, move |ev| {
            // Unsaved changes here: the save already due reads what the
            // other tab wrote and merges, so it is not read twice.
            if saving.timer.with_value(Option::is_none) {
                let remote = saving.controller.try_update_value(|c| {
                    c.on_remote(ev.key().as_deref(), ev.new_value().as_deref())
                });
                saving.take(remote);
            }
        });
        on_cleanup(move || {
            on_hide.remove();
            on_visibility.remove();
            on_storage.remove();
        });
        saving
    }

    /// Whether the last save reached storage.
    pub fn status(self) -> SaveState {
        self.status.get()
    }

    /// A change is waiting to be written.
    pub fn pending(self) -> bool {
        self.pending.get()
    }

    /// Records changed in two tabs at once, from the last merge.
    pub fn conflicts(self) -> Vec<Conflict> {
        self.conflicts.get()
    }

    /// Shows records changed in two places by a merge made elsewhere (the
    /// synced file), and tells open forms that the data changed.
    pub fn show_conflicts(self, conflicts: Vec<Conflict>) {
        self.remote_changes.update(|n| *n += 1);
        if !conflicts.is_empty() {
            self.conflicts.set(conflicts);
        }
    }

    pub fn dismiss_conflicts(self) {
        self.conflicts.set(Vec::new());
    }

    /// Counts changes taken in from other tabs (see `StaleGuard`).
    pub fn remote_changes_untracked(self) -> u64 {
        self.remote_changes.get_untracked()
    }

    /// The storage key, or `None` once the controller is gone (work
    /// finishing after the workspace was replaced).
    pub fn try_key(self) -> Option<String> {
        self.controller.try_with_value(|c| c.key().to_owned())
    }

    /// The storage key, for the Data view.
    pub fn key(self) -> String {
        self.controller.with_value(|c| c.key().to_owned())
    }

    /// Keeps the data from before an import for "Undo import"; false when
    /// storage had no room (then no older snapshot is left either).
    pub fn keep_snapshot(self, text: &str) -> bool {
        self.controller.with_value(|c| {
            let kept = c.save_snapshot(text).is_ok();
            if !kept {
                c.clear_snapshot();
            }
            kept
        })
    }

    pub fn snapshot(self) -> Option<String> {
        self.controller.with_value(|c| c.read_snapshot())
    }

    pub fn clear_snapshot(self) {
        self.controller.with_value(|c| c.clear_snapshot());
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
        if let Some(old) = self.timer.try_update_value(Option::take).flatten() {
            old.clear();
        }
        let handle =
            set_timeout_with_handle(move || self.retry(), Duration::from_millis(SAVE_DELAY_MS))
                .ok();
        self.timer.set_value(handle);
    }

    /// Writes now (merging with another tab's save if there was one): the
    /// debounced save, and the banner's "Try again". The whole of it is the
    /// `microfolio:save` User Timing measure.
    pub fn retry(self) {
        if let Some(timer) = self.timer.try_update_value(Option::take).flatten() {
            timer.clear();
        }
        self.mark_pending(false);
        let outcome = crate::ui::platform::timed("microfolio:save", || {
            self.doc
                .with_untracked(|ours| self.controller.try_update_value(|c| c.save(ours)))
        });
        match outcome {
            None => {}
            Some(Outcome::Saved(saved)) => {
                match saved.merged {
                    Some(merged) => self.show_from_storage(*merged),
                    None => self.doc.update_untracked(|d| d.revision = saved.revision),
                }
                if !saved.conflicts.is_empty() {
                    self.conflicts.set(saved.conflicts);
                }
                self.status.set(SaveState::Saved);
            }
            Some(Outcome::Failed { message, quota }) => {
                self.status.set(SaveState::Failed { message, quota })
            }
            Some(Outcome::ReadOnly(why)) => self.read_only(why),
        }
    }

    fn take(self, remote: Option<Remote>) {
        match remote {
            None | Some(Remote::Nothing) => {}
            Some(Remote::Take(theirs)) => self.show_from_storage(*theirs),
            Some(Remote::ReadOnly(why)) => self.read_only(why),
        }
    }

    fn read_only(self, why: String) {
        let state = SaveState::ReadOnly(why);
        if self.status.get_untracked() != state {
            self.status.set(state);
        }
    }

    /// Shows what storage now holds, without saving it back.
    fn show_from_storage(self, doc: Document) {
        self.from_storage.set_value(true);
        self.remote_changes.update(|n| *n += 1);
        self.doc.set(doc);
    }
}
