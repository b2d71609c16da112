//! Restoring a backup file, or the recovery screen's download of stored
//! data (file picker or drag and drop). Nothing changes
//! until the file is fully checked: its size before it is read, then JSON,
//! shape and version through `decode`; then a preview and the choice of
//! merge or replace. A result too large to store and read back is refused
//! (`packed::check_storable`, the measure a save uses). The data as it was
//! is kept first (in storage when there is room; otherwise in this view
//! only, and the student is told at once, and any older copy is removed so
//! it never passes for this one), and "Undo import" restores it.

use super::undo_import::UndoImport;
use crate::domain::import::{merge_in, preview, replace_with, KindPreview};
use crate::domain::packed::{check_storable, decode_file, MAX_RESTORE_FILE};
use crate::domain::{Document, LIMITS};
use crate::ui::platform::{chosen_file, read_text_file};
use crate::ui::saving::Saving;
use crate::ui::state::use_doc;
use crate::ui::widgets::DropZone;
use leptos::prelude::*;

#[derive(Clone)]
enum Step {
    Idle,
    Reading,
    Refused(String),
    Preview {
        name: String,
        file: Document,
        kinds: Vec<KindPreview>,
    },
    Done(String),
}

#[component]
pub fn Restore() -> impl IntoView {
    let doc = use_doc();
    let saving = expect_context::<Saving>();
    let step = RwSignal::new(Step::Idle);
    let merge = RwSignal::new(true);
    let undo_import = UndoImport::new(saving, saving.snapshot().is_some());

    let take_file = move |file: web_sys::File| {
        let name = file.name();
        step.set(Step::Reading);
        leptos::task::spawn_local(async move {
            let text = match read_text_file(file, MAX_RESTORE_FILE).await {
                Ok(text) => text,
                Err(e) => return step.set(Step::Refused(format!("{e} Nothing was changed."))),
            };
            let checked = crate::ui::platform::timed("microfolio:import-check", || {
                decode_file(&text, &LIMITS).map(|file| {
                    let kinds = doc.with_untracked(|d| preview(d, &file));
                    (file, kinds)
                })
            });
            match checked {
                Err(e) => step.set(Step::Refused(format!(
                    "“{name}” cannot be restored. {e} Nothing was changed."
                ))),
                Ok((file, kinds)) => step.set(Step::Preview { name, file, kinds }),
            }
        });
    };
    let on_pick = move |ev: leptos::ev::Event| chosen_file(&ev).map_or((), take_file);

    let import = move |_| {
        let Step::Preview { name, file, .. } = step.get_untracked() else {
            return;
        };
        let merging = merge.get_untracked();
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
            return step.set(Step::Refused(format!(
                "{how} “{name}” cannot be done: {e} Nothing was changed."
            )));
        }
        let undo_note = undo_import.replace(doc, result);
        let message = if let Some(report) = report {
            let mut parts = vec![format!(
                "Merged “{name}”: {} record{} added",
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
            format!("Replaced your data with “{name}”.")
        };
        step.set(Step::Done(message + undo_note));
    };
    let undo = move |_| {
        step.set(match undo_import.undo(doc) {
            Ok(m) => Step::Done(m.into()),
            Err(m) => Step::Refused(m.into()),
        })
    };

    let body = move || match step.get() {
        Step::Idle => None,
        Step::Reading => Some(view! { <p role="status">"Checking the file…"</p> }.into_any()),
        Step::Refused(message) => {
            Some(view! { <p class="error" role="alert">{message}</p> }.into_any())
        }
        Step::Done(message) => {
            Some(view! { <p class="status" role="status">{message}</p> }.into_any())
        }
        Step::Preview { name, kinds, .. } => {
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
                        <h3>{format!("“{name}” is a valid backup")}</h3>
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
                            <button type="button" class="button primary" on:click=import>"Import"</button>
                            <button type="button" class="button" on:click=move |_| step.set(Step::Idle)>"Cancel"</button>
                        </div>
                    </div>
                }
                .into_any(),
            )
        }
    };

    view! {
        <DropZone labelledby="restore-heading" on_file=Callback::new(take_file)>
            <h2 id="restore-heading">"Restore from a backup"</h2>
            <p>"Choose a Microfolio backup file, or drop it here. Nothing changes until you have seen what it holds."</p>
            <div class="field">
                <label for="restore-file">"Backup file"</label>
                <input id="restore-file" type="file" accept=".json,application/json" on:change=on_pick />
            </div>
            {body}
            <Show when=move || undo_import.can_undo.get()>
                <button type="button" class="button" on:click=undo>"Undo import"</button>
            </Show>
        </DropZone>
    }
}
