//! Warns before a form overwrites a record that another tab changed since
//! the form was opened: the conflict is told, never hidden. Pressing Save
//! again keeps this tab's version.

use crate::ui::saving::Saving;
use chrono::{DateTime, Utc};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct StaleGuard {
    /// The record's `updated` and the remote-change count when opened.
    opened: StoredValue<(Option<DateTime<Utc>>, u64)>,
    saving: Saving,
    pub warning: RwSignal<bool>,
}

impl StaleGuard {
    /// `updated`: the record's `updated` time when the form opened (`None`
    /// for a new record).
    pub fn new(updated: Option<DateTime<Utc>>) -> Self {
        let saving = expect_context::<Saving>();
        Self {
            opened: StoredValue::new((updated, saving.remote_changes_untracked())),
            saving,
            warning: RwSignal::new(false),
        }
    }

    /// Whether saving may go ahead, given the record's `updated` now.
    /// Warns (and refuses once) when another tab changed the record.
    pub fn allow(&self, current: Option<DateTime<Utc>>) -> bool {
        if self.warning.get_untracked() {
            return true;
        }
        let (opened, remote) = self.opened.get_value();
        let changed_elsewhere = self.saving.remote_changes_untracked() != remote
            && opened.is_some()
            && current != opened;
        if changed_elsewhere {
            self.warning.set(true);
        }
        !changed_elsewhere
    }

    /// After a save: the form now holds the stored version.
    pub fn saved(&self, updated: DateTime<Utc>) {
        self.opened
            .set_value((Some(updated), self.saving.remote_changes_untracked()));
        self.warning.set(false);
    }
}

#[component]
pub fn StaleWarning(guard: StaleGuard) -> impl IntoView {
    move || {
        guard.warning.get().then(|| {
            view! {
                <div class="error-summary" role="alert">
                    <h2>"Changed in another tab"</h2>
                    <p>
                        "This was changed in another tab or window since you opened it here. "
                        "Press Save again to keep your version here, or reload the page to see the other one."
                    </p>
                </div>
            }
        })
    }
}
