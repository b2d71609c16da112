//! Data: where the student's data lives, whether the browser promises to
//! keep it, and a backup download.

mod at_risk;
mod csv_import;
mod import_flow;
mod receive;
mod restore;
mod send;
mod sync;
mod undo_import;

use crate::domain::encode;
use crate::domain::exports;
use crate::routes::Route;
use crate::ui::backup::download_backup;
use crate::ui::platform::{download, format_date, now, today};
use crate::ui::saving::Saving;
use crate::ui::state::use_doc;
use crate::ui::widgets::{PageHeading, ThemeChoice};
use csv_import::CsvImport;
use leptos::prelude::*;
use restore::Restore;
use wasm_bindgen_futures::JsFuture;

/// Whether the browser keeps this site's data until the student clears it.
#[derive(Clone, Debug, PartialEq)]
enum Persistence {
    Checking,
    Persistent,
    BestEffort,
    Unsupported,
}

async fn ask_storage(request: bool) -> Persistence {
    let Some(manager) = web_sys::window().map(|w| w.navigator().storage()) else {
        return Persistence::Unsupported;
    };
    let promise = if request {
        manager.persist()
    } else {
        manager.persisted()
    };
    match promise {
        Ok(p) => match JsFuture::from(p).await {
            Ok(v) if v.as_bool() == Some(true) => Persistence::Persistent,
            Ok(_) => Persistence::BestEffort,
            Err(_) => Persistence::Unsupported,
        },
        Err(_) => Persistence::Unsupported,
    }
}

#[derive(Clone, Copy)]
enum ExportKind {
    Resume,
    Csv,
    Calendar,
}

#[component]
/// `transfer`: a transfer link's data, opened at the top of the view.
pub fn DataPage(#[prop(optional)] transfer: Option<String>) -> impl IntoView {
    let doc = use_doc();
    let saving = use_context::<Saving>();
    let size = move || doc.with(|d| encode(d).len());
    let (message, set_message) = signal(None::<String>);
    let (persistence, set_persistence) = signal(Persistence::Checking);
    // Ask once when the view opens: browsers grant it to sites in use.
    leptos::task::spawn_local(async move {
        set_persistence.set(ask_storage(true).await);
    });
    let export = move |_| {
        set_message.set(Some(match download_backup(doc) {
            Ok(name) => format!("Downloaded {name}."),
            Err(e) => format!("The download failed: {e}"),
        }));
    };
    let export_file = move |kind: ExportKind| {
        move |_| {
            let (name, mime, text) = doc.with_untracked(|d| match kind {
                ExportKind::Resume => (
                    format!("resume-{}.json", today()),
                    "application/json",
                    serde_json::to_string_pretty(&exports::json_resume(d)).unwrap_or_default(),
                ),
                ExportKind::Csv => (
                    format!("microfolio-applications-{}.csv", today()),
                    "text/csv",
                    exports::applications_csv(d),
                ),
                ExportKind::Calendar => (
                    format!("microfolio-calendar-{}.ics", today()),
                    "text/calendar",
                    exports::calendar_ics(d, now()),
                ),
            });
            set_message.set(Some(match download(&name, mime, &text) {
                Ok(()) => format!("Downloaded {name}."),
                Err(e) => format!("The download failed: {e}"),
            }));
        }
    };
    // This view holds the backup button, so the app-wide reminder is not
    // shown here: this line says the same.
    let backup_due = move || doc.with(|d| d.backup_due(now()));
    let last_backup = move || {
        doc.with(|d| match d.settings.last_backup {
            Some(t) => format!("Last backup: {}.", format_date(t.date_naive())),
            None => "No backup downloaded yet.".to_owned(),
        })
    };
    let due_text = move || {
        backup_due().then(|| view! {
            <p class="flag">
                "Time for a backup: your data changed and your last backup is more than two weeks old."
            </p>
        })
    };
    let persistence_text = move || {
        match persistence.get() {
        Persistence::Checking => "Checking…",
        Persistence::Persistent => "Persistent: this browser keeps your data until you clear it yourself.",
        Persistence::BestEffort => {
            "Best effort: the browser may clear this site's data when space runs low or after a long time unused. Keep a backup."
        }
        Persistence::Unsupported => "Unknown: this browser does not say whether it keeps site data. Keep a backup.",
    }
    };
    view! {
        <PageHeading>"Your data"</PageHeading>
        {transfer.map(|data| view! { <receive::Receive data=data /> })}
        <p class="lead">
            "Everything you enter is kept in this browser on this device, and nothing is sent "
            "anywhere. Clearing the browser's site data deletes it, so download a backup now and then."
        </p>
        <at_risk::AtRisk />
        <section class="panel" aria-labelledby="backup-heading">
            <h2 id="backup-heading">"Back up"</h2>
            <p>"Download everything as one JSON file that you can keep or move to another browser."</p>
            <p>{last_backup}</p>
            {due_text}
            <button type="button" class="button primary" on:click=export>
                "Download a backup"
            </button>
            <p class="status" role="status">
                {move || message.get()}
            </p>
        </section>
        <sync::SyncedCopy />
        <send::SendToDevice />
        <section class="panel" aria-labelledby="exports-heading">
            <h2 id="exports-heading">"Export for other tools"</h2>
            <ul class="plain-list">
                <li>"JSON Resume: your profile, public portfolio entries, skills and the feedback you may share, for resume builders that read jsonresume.org files."</li>
                <li>"Applications as CSV, for a spreadsheet."</li>
                <li>"A calendar (ICS) of application deadlines, follow-ups and interviews, for your calendar app."</li>
            </ul>
            <div class="actions">
                <button type="button" class="button" on:click=export_file(ExportKind::Resume)>"Download JSON Resume"</button>
                <button type="button" class="button" on:click=export_file(ExportKind::Csv)>"Download applications (CSV)"</button>
                <button type="button" class="button" on:click=export_file(ExportKind::Calendar)>"Download calendar (ICS)"</button>
            </div>
        </section>
        <Restore />
        <CsvImport />
        <section class="panel" aria-labelledby="sharing-heading">
            <h2 id="sharing-heading">"Shared portfolios"</h2>
            <p>
                "Share your portfolio, without your private entries, fees or notes, as a file or a link. "
                "Someone sent you theirs? Open it read-only: it is not added to your data."
            </p>
            <div class="actions">
                <a class="button" href=Route::SharePortfolio.href()>"Share your portfolio"</a>
                <a class="button" href=Route::Shared(None).href()>"Open a shared portfolio"</a>
            </div>
        </section>
        <section class="panel" aria-labelledby="storage-heading">
            <h2 id="storage-heading">"Storage"</h2>
            <dl class="facts">
                <dt>"Size"</dt>
                <dd>{move || format!("{:.1} KB", size() as f64 / 1024.0)}</dd>
                <dt>"Kept"</dt>
                <dd>
                    <span role="status">{persistence_text}</span>
                </dd>
                <dt>"Kept under"</dt>
                <dd>
                    <code>{saving.map(Saving::key)}</code>
                </dd>
            </dl>
        </section>
        <section class="panel" aria-labelledby="appearance-heading">
            <h2 id="appearance-heading">"Appearance"</h2>
            <p>"How Microfolio looks in this browser. Your data is not affected."</p>
            <ThemeChoice />
        </section>
    }
}
