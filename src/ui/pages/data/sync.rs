//! Keep a synced copy in a file (browsers with the File System Access
//! API): create or open the file, reconnect after a visit, stop. The
//! syncing itself runs app-wide (`ui/syncing/`).

use crate::ui::syncing::{SyncStatus, Syncing};
use leptos::prelude::*;

#[component]
pub fn SyncedCopy() -> impl IntoView {
    let sync = use_context::<Syncing>()?;
    if !crate::ui::sync_file::supported() {
        return None;
    }
    let run =
        move |job: fn(Syncing) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>| {
            move |_| leptos::task::spawn_local(job(sync))
        };
    let body = move || {
        match sync.status.get() {
        SyncStatus::Off => view! {
            <p>
                "Create the file in a folder your cloud drive syncs (OneDrive, Google Drive, "
                "Dropbox, iCloud Drive), then open it from Microfolio on your other computers."
            </p>
            <div class="actions">
                <button type="button" class="button primary" on:click=run(|s| Box::pin(s.create()))>"Create a synced file"</button>
                <button type="button" class="button" on:click=run(|s| Box::pin(s.open()))>"Open a synced copy"</button>
            </div>
        }
        .into_any(),
        SyncStatus::Reconnect(name) => view! {
            <p>{format!("Your data was kept in step with “{name}”. The browser asks again for permission at each visit.")}</p>
            <div class="actions">
                <button type="button" class="button primary" on:click=run(|s| Box::pin(s.reconnect()))>"Reconnect"</button>
                <button type="button" class="button" on:click=run(|s| Box::pin(s.stop()))>"Stop syncing"</button>
            </div>
        }
        .into_any(),
        SyncStatus::Preview { name, kinds } => {
            let rows = kinds
                .into_iter()
                .map(|k| view! { <li>{format!("{}: {} in the file — {} new, {} the same, {} different", k.kind, k.in_file, k.new, k.same, k.different)}</li> })
                .collect_view();
            view! {
                <div class="preview" role="region" aria-label="Synced copy preview">
                    <h3>{format!("“{name}” is a valid synced copy")}</h3>
                    <ul>{rows}</ul>
                    <p class="hint">"Merging adds what is new; where both have a record, the newer version is kept. Then both stay in step."</p>
                    <div class="actions">
                        <button type="button" class="button primary" on:click=run(|s| Box::pin(s.accept()))>"Merge and keep in step"</button>
                        <button type="button" class="button" on:click=run(|s| Box::pin(s.stop()))>"Cancel"</button>
                    </div>
                </div>
            }
            .into_any()
        }
        SyncStatus::InStep { name, note } => view! {
            <p role="status">{format!("Kept in step with “{name}”. {note}")}</p>
            <button type="button" class="button" on:click=run(|s| Box::pin(s.stop()))>"Stop syncing"</button>
        }
        .into_any(),
        SyncStatus::Problem { name, message } => view! {
            <p class="error" role="alert">{message}</p>
            <div class="actions">
                {(!name.is_empty()).then(|| view! {
                    <button type="button" class="button primary" on:click=run(|s| Box::pin(s.reconnect()))>"Try again"</button>
                })}
                <button type="button" class="button" on:click=run(|s| Box::pin(s.stop()))>"Stop syncing"</button>
            </div>
        }
        .into_any(),
    }
    };
    Some(view! {
        <section class="panel" aria-labelledby="sync-heading">
            <h2 id="sync-heading">"Keep a synced copy in a file"</h2>
            {body}
        </section>
    })
}
