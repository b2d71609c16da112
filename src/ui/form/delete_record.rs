//! A record's Delete section: what deleting does, the button, and after
//! it the list view with a toast whose Undo puts the record back exactly.

use crate::domain::{Document, RecordId};
use crate::routes::Route;
use crate::ui::platform::{go, now};
use crate::ui::shell::{Toaster, UndoAction};
use crate::ui::state::use_doc;
use chrono::{DateTime, Utc};
use leptos::prelude::*;

#[component]
pub fn DeleteRecord<T: Clone + Send + Sync + 'static>(
    id: RecordId,
    /// The button's text, e.g. "Delete contact".
    button: &'static str,
    /// What deleting does, shown above the button.
    #[prop(into)]
    explain: Signal<String>,
    /// Takes the record out (`None`: it is gone already).
    remove: fn(&mut Document, RecordId, DateTime<Utc>) -> Option<T>,
    /// Puts back what `remove` took.
    restore: fn(&mut Document, T, DateTime<Utc>),
    /// The toast's message for what was removed.
    told: fn(&T) -> String,
    /// Where to go once it is gone.
    then: Route,
) -> impl IntoView {
    let doc = use_doc();
    let toaster = expect_context::<Toaster>();
    let delete = move |_| {
        let Some(removed) = doc.try_update(|d| remove(d, id, now())).flatten() else {
            return;
        };
        let message = told(&removed);
        go(&then);
        // An `Arc`, not a `Callback`: this page is gone by the time of Undo.
        let undo: UndoAction =
            std::sync::Arc::new(move || doc.update(|d| restore(d, removed.clone(), now())));
        toaster.show(message, Some(undo));
    };
    view! {
        <section class="danger-zone" aria-labelledby="delete-heading">
            <h2 id="delete-heading">"Delete"</h2>
            <p>{explain}</p>
            <button type="button" class="button danger" on:click=delete>{button}</button>
        </section>
    }
}
