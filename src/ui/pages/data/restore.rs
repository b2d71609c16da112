//! Restoring a backup file, or the recovery screen's download of stored
//! data (file picker or drag and drop). Nothing changes
//! until the file is fully checked: its size before it is read, then JSON,
//! shape and version through `decode`; then a preview and the choice of
//! merge or replace, with Undo ([`super::import_flow`]).

use super::import_flow::{ImportFlow, ImportSteps, Step};
use crate::domain::packed::{decode_file, MAX_RESTORE_FILE};
use crate::domain::LIMITS;
use crate::ui::platform::{chosen_file, dropped_file, read_text_file};
use leptos::prelude::*;

#[component]
pub fn Restore() -> impl IntoView {
    let flow = ImportFlow::new();
    let step = flow.step;

    let take_file = move |file: web_sys::File| {
        let name = file.name();
        step.set(Step::Reading("Checking the file…"));
        leptos::task::spawn_local(async move {
            let text = match read_text_file(file, MAX_RESTORE_FILE).await {
                Ok(text) => text,
                Err(e) => return step.set(Step::Refused(format!("{e} Nothing was changed."))),
            };
            let checked = crate::ui::platform::timed("microfolio:import-check", || {
                decode_file(&text, &LIMITS).map(|file| {
                    flow.offer(
                        format!("“{name}”"),
                        format!("“{name}” is a valid backup"),
                        file,
                    )
                })
            });
            if let Err(e) = checked {
                step.set(Step::Refused(format!(
                    "“{name}” cannot be restored. {e} Nothing was changed."
                )));
            }
        });
    };

    let on_pick = move |ev: leptos::ev::Event| chosen_file(&ev).map_or((), take_file);
    let (over, set_over) = signal(false);
    let on_drop = move |ev: leptos::ev::DragEvent| {
        set_over.set(false);
        dropped_file(&ev).map_or((), take_file)
    };

    view! {
        <section
            class="panel drop-zone"
            class:drop-target=move || over.get()
            aria-labelledby="restore-heading"
            on:dragover=move |ev| {
                ev.prevent_default();
                set_over.set(true);
            }
            on:dragleave=move |_| set_over.set(false)
            on:drop=on_drop
        >
            <h2 id="restore-heading">"Restore from a backup"</h2>
            <p>"Choose a Microfolio backup file, or drop it here. Nothing changes until you have seen what it holds."</p>
            <div class="field">
                <label for="restore-file">"Backup file"</label>
                <input id="restore-file" type="file" accept=".json,application/json" on:change=on_pick />
            </div>
            <ImportSteps flow=flow />
        </section>
    }
}
