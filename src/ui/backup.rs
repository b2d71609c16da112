//! Downloading a full backup, from any view that offers it, and noting
//! when it happened (for the backup reminder).

use crate::domain::{encode_backup, Document};
use crate::ui::platform::{download, now, today};
use leptos::prelude::*;

/// Downloads everything as `microfolio-backup-YYYY-MM-DD.json` and records
/// the time; returns the file name.
pub fn download_backup(doc: RwSignal<Document>) -> Result<String, String> {
    let name = format!("microfolio-backup-{}.json", today());
    let text = doc.with_untracked(|d| encode_backup(d, env!("CARGO_PKG_VERSION"), now()));
    download(&name, "application/json", &text)?;
    doc.update(|d| d.record_backup(now()));
    Ok(name)
}
