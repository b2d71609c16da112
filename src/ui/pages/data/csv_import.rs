//! Importing applications from a spreadsheet's CSV (file picker or drag and
//! drop): the file's size is checked before it is read, then
//! `csv_import::read_sheet` refuses what is not a CSV; the student checks
//! the column mapping (`columns.rs`) and the preview (`outcome.rs`), and
//! only Import changes the data. The data as it was is kept first, as a
//! restore keeps it (`undo_import.rs`), and "Undo import" brings it back. A result the
//! app could not store and read back is refused (`packed::check_storable`).

mod columns;
mod outcome;

use super::undo_import::UndoImport;
use crate::domain::csv_import::preview::{apply, preview, Choices, Preview};
use crate::domain::csv_import::{read_sheet, Sheet, MAX_CSV_FILE};
use crate::domain::packed::check_storable;
use crate::domain::{RecordId, LIMITS};
use crate::ui::platform::{chosen_file, new_id, now, read_text_file, today};
use crate::ui::saving::Saving;
use crate::ui::state::use_doc;
use crate::ui::widgets::DropZone;
use columns::ColumnMapping;
use leptos::prelude::*;
use outcome::ImportPreview;
use std::collections::HashSet;
use std::sync::Arc;

/// A file read into a sheet, waiting for the student's choices.
#[derive(Clone, PartialEq)]
struct Loaded {
    name: String,
    sheet: Arc<Sheet>,
}

/// What the view says after a step: a status, or an alert.
#[derive(Clone)]
enum Said {
    Status(String),
    Alert(String),
}

fn plural(n: usize, one: &str) -> String {
    format!("{n} {one}{}", if n == 1 { "" } else { "s" })
}

#[component]
pub fn CsvImport() -> impl IntoView {
    let doc = use_doc();
    let saving = expect_context::<Saving>();
    let loaded = RwSignal::new(None::<Loaded>);
    let choices = RwSignal::new(None::<Choices>);
    let add_duplicates = RwSignal::new(HashSet::<usize>::new());
    let said = RwSignal::new(None::<Said>);
    let reading = RwSignal::new(false);
    // Offered after an import here; after a reload the restore offers it.
    let undo_import = UndoImport::new(saving, false);

    let take_file = move |file: web_sys::File| {
        let name = file.name();
        reading.set(true);
        said.set(None);
        loaded.set(None);
        leptos::task::spawn_local(async move {
            let read = match read_text_file(file, MAX_CSV_FILE).await {
                Ok(text) => {
                    read_sheet(&text).map_err(|e| format!("“{name}” cannot be imported. {e}"))
                }
                Err(e) => Err(e),
            };
            reading.set(false);
            match read {
                Ok(sheet) => {
                    choices.set(Some(Choices::propose(&sheet)));
                    add_duplicates.set(HashSet::new());
                    loaded.set(Some(Loaded {
                        name,
                        sheet: Arc::new(sheet),
                    }));
                }
                Err(e) => said.set(Some(Said::Alert(format!("{e} Nothing was changed.")))),
            }
        });
    };
    let on_pick = move |ev: leptos::ev::Event| chosen_file(&ev).map_or((), take_file);

    // Recomputed as the student changes the mapping; ids are placeholders
    // until Import gives each application its own.
    let shown = Memo::new(move |_| {
        let (l, c) = (loaded.get()?, choices.get()?);
        let mut n = 0u128;
        let mut ids = move || {
            n += 1;
            RecordId::from_random_bytes(n.to_le_bytes())
        };
        Some(doc.with(|d| preview(&l.sheet, &c, d, now(), today(), &mut ids)))
    });

    let import = Callback::new(move |()| {
        let (Some(l), Some(c)) = (loaded.get_untracked(), choices.get_untracked()) else {
            return;
        };
        let p: Preview =
            doc.with_untracked(|d| preview(&l.sheet, &c, d, now(), today(), &mut new_id));
        let (result, added) =
            doc.with_untracked(|d| apply(d, &p, &add_duplicates.get_untracked(), now()));
        if let Err(e) = check_storable(&result, &LIMITS) {
            return said.set(Some(Said::Alert(format!(
                "Importing “{}” cannot be done: {e} Nothing was changed.",
                l.name
            ))));
        }
        let undo_note = undo_import.replace(doc, result);
        loaded.set(None);
        choices.set(None);
        let left_out = p.rows_left_out() + (p.ready.len() - added);
        let mut message = format!(
            "Imported {} from “{}”.",
            plural(added, "application"),
            l.name
        );
        if left_out > 0 {
            message.push_str(&format!(" {} left out.", plural(left_out, "row")));
        }
        message.push_str(undo_note);
        said.set(Some(Said::Status(message)));
    });
    let undo = move |_| {
        said.set(Some(match undo_import.undo(doc) {
            Ok(m) => Said::Status(m.into()),
            Err(m) => Said::Alert(m.into()),
        }))
    };
    let cancel = Callback::new(move |()| {
        loaded.set(None);
        choices.set(None);
    });

    let said_view = move || {
        said.get().map(|s| match s {
            Said::Status(m) => view! { <p class="status" role="status">{m}</p> }.into_any(),
            Said::Alert(m) => view! { <p class="error" role="alert">{m}</p> }.into_any(),
        })
    };
    let mapping = move || {
        loaded.get().map(|l| {
            view! {
                <div class="preview csv-import" role="region" aria-label="CSV import">
                    <h3>{format!("“{}”: {}, {} ({}-separated)", l.name, plural(l.sheet.rows.len(), "row"), plural(l.sheet.headers.len(), "column"), l.sheet.delimiter_name())}</h3>
                    <ColumnMapping sheet=l.sheet.clone() choices />
                    <ImportPreview shown choices add_duplicates import cancel />
                </div>
            }
        })
    };

    view! {
        <DropZone labelledby="csv-import-heading" on_file=Callback::new(take_file)>
            <h2 id="csv-import-heading">"Import applications from a spreadsheet"</h2>
            <p>
                "Choose a CSV file, or drop it here: from Excel, Google Sheets or Numbers (File, then Download, Export or Save as, then CSV), another tracker, or this app's own CSV export. "
                "Nothing changes until you have checked the columns and the preview."
            </p>
            <div class="field">
                <label for="csv-file">"CSV file"</label>
                <input id="csv-file" type="file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values" on:change=on_pick />
            </div>
            <Show when=move || reading.get()>
                <p role="status">"Reading the file…"</p>
            </Show>
            {said_view}
            {mapping}
            <Show when=move || undo_import.can_undo.get()>
                <button type="button" class="button" on:click=undo>"Undo import"</button>
            </Show>
        </DropZone>
    }
}
