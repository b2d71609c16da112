//! App-wide state, provided as context newtypes. The persisted model
//! ([`Document`]) holds plain data only; signals wrap it from outside.

use crate::domain::Document;
use crate::storage::SaveError;
use leptos::prelude::*;

/// The student's document. Every change to it is saved by the one save
/// effect in [`crate::ui::app`].
#[derive(Clone, Copy)]
pub struct Doc(pub RwSignal<Document>);

/// Whether the last save reached storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing changed since the page loaded.
    Idle,
    Saved,
    Failed(SaveError),
}

#[derive(Clone, Copy)]
pub struct SaveStatus(pub RwSignal<SaveState>);

pub fn use_doc() -> RwSignal<Document> {
    expect_context::<Doc>().0
}
