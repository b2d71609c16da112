//! When a sync runs: [`WRITE_DELAY_MS`] after a change to the document
//! (debounced: a newer change restarts the wait), at once when the tab
//! is hidden or shown again or regains focus, and every
//! [`READ_EVERY_MS`] while the tab is visible. Only while in step with a
//! file; the listeners go with the workspace.

use super::Syncing;
use crate::domain::sync::same_data;
use leptos::prelude::*;
use std::time::Duration;

pub const WRITE_DELAY_MS: u64 = 1_000;
pub const READ_EVERY_MS: u64 = 60_000;

impl Syncing {
    /// Watches the document, the tab's visibility and focus, and a clock.
    pub(super) fn watch(self) {
        let (s, doc) = (self, self.doc);
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
    }

    /// Runs a sync in `ms`, in place of one already waiting.
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
}
