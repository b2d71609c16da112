//! What follows once incoming data is read and checked, for a backup file
//! ([`super::restore`]) and a transfer link ([`super::receive`]) alike: a
//! preview and the choice of merge or replace. A result too large to store
//! and read back is refused (`packed::check_storable`, the measure a save
//! uses). The data as it was is kept first (in storage when there is room;
//! otherwise in this view only, and the student is told at once, and any
//! older copy is removed so it never passes for this one), and "Undo
//! import" restores it.

use crate::domain::import::{merge_in, preview, replace_with, KindPreview};
use crate::domain::packed::check_storable;
use crate::domain::{decode, encode, Document, LIMITS};
use crate::ui::saving::Saving;
use crate::ui::state::use_doc;
use leptos::prelude::*;

#[derive(Clone)]
pub enum Step {
    Idle,
    /// Work under way, with what it says meanwhile.
    Reading(&'static str),
    Refused(String),
    Preview {
        /// Where the data comes from, as messages name it (`“a.json”`).
        label: String,
        heading: String,
        file: Box<Document>,
        kinds: Vec<KindPreview>,
    },
    Done(String),
}

/// One import's state: its step, the chosen mode and the undo copy.
#[derive(Clone, Copy)]
pub struct ImportFlow {
    pub step: RwSignal<Step>,
    merge: RwSignal<bool>,
    /// The data before the last import, when storage had no room for it.
    in_memory: StoredValue<Option<String>>,
    can_undo: RwSignal<bool>,
    doc: RwSignal<Document>,
    saving: Saving,
}

impl ImportFlow {
    pub fn new() -> Self {
        let saving = expect_context::<Saving>();
        ImportFlow {
            step: RwSignal::new(Step::Idle),
            merge: RwSignal::new(true),
            in_memory: StoredValue::new(None),
            can_undo: RwSignal::new(saving.snapshot().is_some()),
            doc: use_doc(),
            saving,
        }
    }

    /// Shows what importing `file` would do.
    pub fn offer(self, label: String, heading: String, file: Document) {
        let kinds = self.doc.with_untracked(|d| preview(d, &file));
        self.step.set(Step::Preview {
            label,
            heading,
            file: Box::new(file),
            kinds,
        });
    }

    fn import(self) {
        let (doc, saving) = (self.doc, self.saving);
        let Step::Preview { label, file, .. } = self.step.get_untracked() else {
            return;
        };
        let merging = self.merge.get_untracked();
        let (result, report) = if merging {
            let (merged, report) = doc.with_untracked(|d| merge_in(d, &file));
            (merged, Some(report))
        } else {
            (doc.with_untracked(|d| replace_with(d, &file)), None)
        };
        if let Err(e) = check_storable(&result, &LIMITS) {
            let how = if merging {
                "Merging"
            } else {
                "Replacing your data with"
            };
            return self.step.set(Step::Refused(format!(
                "{how} {label} cannot be done: {e} Nothing was changed."
            )));
        }
        let before = doc.with_untracked(encode);
        // An older copy must never pass for the data before this import.
        let kept_in_storage = saving.keep_snapshot(&before);
        self.in_memory
            .set_value((!kept_in_storage).then_some(before));
        self.can_undo.set(true);
        doc.set(result);
        let undo_note = if kept_in_storage {
            ""
        } else {
            " The browser's storage is full, so the copy of your data from before the import is kept only while this view is open: Undo import works until you leave it or reload."
        };
        let message = if let Some(report) = report {
            let mut parts = vec![format!(
                "Merged {label}: {} record{} added",
                report.added,
                if report.added == 1 { "" } else { "s" }
            )];
            if !report.updated_from_file.is_empty() {
                parts.push(format!(
                    "newer in the file, so taken from it: {}",
                    report.updated_from_file.join(", ")
                ));
            }
            if !report.kept_here.is_empty() {
                parts.push(format!(
                    "newer here, so kept: {}",
                    report.kept_here.join(", ")
                ));
            }
            parts.join("; ") + "."
        } else {
            format!("Replaced your data with {label}.")
        };
        self.step.set(Step::Done(message + undo_note));
    }

    fn undo(self) {
        let saving = self.saving;
        let text = self.in_memory.get_value().or_else(|| saving.snapshot());
        let Some(before) = text.and_then(|t| decode(&t).ok()) else {
            self.step.set(Step::Refused(
                "The data from before the import is no longer available.".into(),
            ));
            return;
        };
        self.doc.set(before);
        saving.clear_snapshot();
        self.in_memory.set_value(None);
        self.can_undo.set(false);
        self.step.set(Step::Done(
            "Import undone: your data is back as it was before.".into(),
        ));
    }
}

/// The flow's current step, then Undo import while it can be undone.
#[component]
pub fn ImportSteps(flow: ImportFlow) -> impl IntoView {
    let step = flow.step;
    let merge = flow.merge;
    let body = move || match step.get() {
        Step::Idle => None,
        Step::Reading(what) => Some(view! { <p role="status">{what}</p> }.into_any()),
        Step::Refused(message) => {
            Some(view! { <p class="error" role="alert">{message}</p> }.into_any())
        }
        Step::Done(message) => {
            Some(view! { <p class="status" role="status">{message}</p> }.into_any())
        }
        Step::Preview { heading, kinds, .. } => {
            let rows = kinds
                .into_iter()
                .map(|k| {
                    view! {
                        <li>{format!("{}: {} in the file — {} new, {} the same, {} different", k.kind, k.in_file, k.new, k.same, k.different)}</li>
                    }
                })
                .collect_view();
            Some(
                view! {
                    <div class="preview" role="region" aria-label="Import preview">
                        <h3>{heading}</h3>
                        <ul>{rows}</ul>
                        <fieldset>
                            <legend>"How to import it"</legend>
                            <div class="check">
                                <input type="radio" id="import-merge" name="import-mode" prop:checked=move || merge.get() on:change=move |_| merge.set(true) />
                                <label for="import-merge">"Merge: add what is new; where both have a record, keep the newer version"</label>
                            </div>
                            <div class="check">
                                <input type="radio" id="import-replace" name="import-mode" prop:checked=move || !merge.get() on:change=move |_| merge.set(false) />
                                <label for="import-replace">"Replace: your data here becomes the file's"</label>
                            </div>
                        </fieldset>
                        <p class="hint">"Your data as it is now is kept, so you can undo the import."</p>
                        <div class="actions">
                            <button type="button" class="button primary" on:click=move |_| flow.import()>"Import"</button>
                            <button type="button" class="button" on:click=move |_| step.set(Step::Idle)>"Cancel"</button>
                        </div>
                    </div>
                }
                .into_any(),
            )
        }
    };
    view! {
        {body}
        <Show when=move || flow.can_undo.get()>
            <button type="button" class="button" on:click=move |_| flow.undo()>"Undo import"</button>
        </Show>
    }
}
