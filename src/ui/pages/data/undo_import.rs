//! The copy of the data from before an import, shared by the restore and
//! the CSV import: kept in storage through the Saving context's import
//! snapshot when there is room (an older copy is removed otherwise, so it
//! never passes for this one), else in the view; "Undo import" brings it
//! back.

use crate::domain::{decode, encode, Document};
use crate::ui::saving::Saving;
use leptos::prelude::*;

/// Said when storage had no room for the copy.
pub const ONLY_IN_VIEW: &str = " The browser's storage is full, so the copy of your data from before the import is kept only while this view is open: Undo import works until you leave it or reload.";

#[derive(Clone, Copy)]
pub struct UndoImport {
    saving: Saving,
    /// The data before the last import, when storage had no room for it.
    in_memory: StoredValue<Option<String>>,
    /// Whether "Undo import" is offered.
    pub can_undo: RwSignal<bool>,
}

impl UndoImport {
    /// `offered`: whether to offer an undo from the start (a copy stored
    /// by an earlier visit).
    pub fn new(saving: Saving, offered: bool) -> Self {
        Self {
            saving,
            in_memory: StoredValue::new(None),
            can_undo: RwSignal::new(offered),
        }
    }

    /// Keeps the data as it is in `doc`, then puts `result` in its place.
    /// Returns [`ONLY_IN_VIEW`] when storage had no room for the copy.
    pub fn replace(self, doc: RwSignal<Document>, result: Document) -> &'static str {
        let before = doc.with_untracked(encode);
        let kept_in_storage = self.saving.keep_snapshot(&before);
        self.in_memory
            .set_value((!kept_in_storage).then_some(before));
        self.can_undo.set(true);
        doc.set(result);
        if kept_in_storage {
            ""
        } else {
            ONLY_IN_VIEW
        }
    }

    /// Brings the data from before the import back; the message to show.
    pub fn undo(self, doc: RwSignal<Document>) -> Result<&'static str, &'static str> {
        let text = self
            .in_memory
            .get_value()
            .or_else(|| self.saving.snapshot());
        let before = text
            .and_then(|t| decode(&t).ok())
            .ok_or("The data from before the import is no longer available.")?;
        doc.set(before);
        self.saving.clear_snapshot();
        self.in_memory.set_value(None);
        self.can_undo.set(false);
        Ok("Import undone: your data is back as it was before.")
    }
}
