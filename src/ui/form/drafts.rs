//! What a student typed in a record form and has not saved, kept per form
//! while the app is open: leaving a half-filled form (a link, Back, the
//! navigation) keeps it, and the form brings it back and says so. Closing
//! or reloading the tab with a draft asks first (`beforeunload`).
//!
//! Drafts live in this tab's memory only: they are not the student's data
//! until saved, and never written to storage.

use crate::domain::RecordId;
use leptos::prelude::*;
use std::any::Any;
use std::collections::HashMap;
use std::sync::Arc;

/// Which form: its kind (the error summary's id) and record (`None`: a new
/// record of that kind).
pub type DraftKey = (&'static str, Option<RecordId>);

/// The drafts of this tab, as context.
#[derive(Clone, Copy)]
pub struct Drafts {
    kept: StoredValue<HashMap<DraftKey, Arc<dyn Any + Send + Sync>>>,
}

impl Drafts {
    /// Provides the context and asks before the tab closes with a draft.
    pub fn provide() -> Self {
        let drafts = Drafts {
            kept: StoredValue::new(HashMap::new()),
        };
        provide_context(drafts);
        let ask = window_event_listener(leptos::ev::beforeunload, move |ev| {
            if drafts.kept.try_with_value(|k| !k.is_empty()) == Some(true) {
                ev.prevent_default();
                // Older browsers ask only when a text is set.
                ev.set_return_value("You have unsaved changes.");
            }
        });
        on_cleanup(move || ask.remove());
        drafts
    }

    /// The draft of `key`, if one was kept.
    pub fn get<F: Clone + 'static>(self, key: DraftKey) -> Option<F> {
        self.kept
            .with_value(|k| k.get(&key).and_then(|d| d.downcast_ref::<F>().cloned()))
    }

    /// Keeps `form` as the draft of `key`.
    pub fn keep<F: Send + Sync + 'static>(self, key: DraftKey, form: F) {
        self.kept.update_value(|k| {
            k.insert(key, Arc::new(form));
        });
    }

    pub fn forget(self, key: DraftKey) {
        self.kept.update_value(|k| {
            k.remove(&key);
        });
    }
}
