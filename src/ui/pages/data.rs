//! Data: where the student's data lives, and a backup download.

use super::PageHeading;
use crate::domain::encode;
use crate::storage::Writer;
use crate::ui::platform::{download, today};
use crate::ui::state::use_doc;
use leptos::prelude::*;

#[component]
pub fn DataPage() -> impl IntoView {
    let doc = use_doc();
    let writer = use_context::<Writer>();
    let size = move || doc.with(|d| encode(d).len());
    let (message, set_message) = signal(None::<String>);
    let export = move |_| {
        let name = format!("microfolio-backup-{}.json", today());
        let result = doc.with(|d| download(&name, "application/json", &encode(d)));
        set_message.set(Some(match result {
            Ok(()) => format!("Downloaded {name}."),
            Err(e) => format!("The download failed: {e}"),
        }));
    };
    view! {
        <PageHeading>"Your data"</PageHeading>
        <p class="lead">
            "Everything you enter is kept in this browser on this device, and nothing is sent "
            "anywhere. Clearing the browser's site data deletes it, so download a backup now and then."
        </p>
        <section class="panel" aria-labelledby="backup-heading">
            <h2 id="backup-heading">"Back up"</h2>
            <p>"Download everything as one JSON file that you can keep or move to another browser."</p>
            <button type="button" class="button primary" on:click=export>
                "Download a backup"
            </button>
            <p class="status" role="status">
                {move || message.get()}
            </p>
        </section>
        <section class="panel" aria-labelledby="storage-heading">
            <h2 id="storage-heading">"Storage"</h2>
            <dl class="facts">
                <dt>"Size"</dt>
                <dd>{move || format!("{:.1} KB", size() as f64 / 1024.0)}</dd>
                <dt>"Kept under"</dt>
                <dd>
                    <code>{writer.map(|w| w.key().to_owned())}</code>
                </dd>
            </dl>
        </section>
    }
}
