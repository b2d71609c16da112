//! The error state every record form shares: the field errors of the last
//! check, whether a save was tried (after which errors refresh as the
//! student types), one field's message, and the error summary's items.

use crate::domain::FieldError;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct FormErrors<F: Send + Sync + 'static> {
    list: RwSignal<Vec<FieldError<F>>>,
    tried: RwSignal<bool>,
}

impl<F: Copy + PartialEq + Send + Sync + 'static> FormErrors<F> {
    pub fn new() -> Self {
        Self {
            list: RwSignal::new(Vec::new()),
            tried: RwSignal::new(false),
        }
    }

    /// The message for `field`, if it has an error.
    pub fn message(self, field: F) -> Signal<Option<String>> {
        Signal::derive(move || {
            self.list.with(|es| {
                es.iter()
                    .find(|e| e.field == field)
                    .map(|e| e.message.clone())
            })
        })
    }

    /// (element id, "Label: message") for the error summary.
    pub fn summary(self, id_and_label: fn(F) -> (String, String)) -> Signal<Vec<(String, String)>> {
        Signal::derive(move || {
            self.list.with(|es| {
                es.iter()
                    .map(|e| {
                        let (id, label) = id_and_label(e.field);
                        (id, format!("{label}: {}", e.message))
                    })
                    .collect()
            })
        })
    }

    /// After an edit: once a save was tried, show the errors as they are now.
    pub fn refresh<T>(self, check: impl FnOnce() -> Result<T, Vec<FieldError<F>>>) {
        if self.tried.get_untracked() {
            self.list.set(check().err().unwrap_or_default());
        }
    }

    /// On save: remembers the attempt; returns the parsed value, or shows
    /// the errors and returns `None`.
    pub fn on_save<T>(self, result: Result<T, Vec<FieldError<F>>>) -> Option<T> {
        self.tried.set(true);
        match result {
            Ok(value) => {
                self.list.set(Vec::new());
                Some(value)
            }
            Err(list) => {
                self.list.set(list);
                None
            }
        }
    }
}

impl<F: Copy + PartialEq + Send + Sync + 'static> Default for FormErrors<F> {
    fn default() -> Self {
        Self::new()
    }
}
