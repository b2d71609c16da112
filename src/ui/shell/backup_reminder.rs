//! A gentle reminder to download a backup when the data changed and the
//! last backup is more than two weeks old (browsers can clear site data).
//! Not on the Data view, which holds the backup button and says it there.

use crate::routes::Route;
use crate::ui::backup::download_backup;
use crate::ui::platform::now;
use crate::ui::state::use_doc;
use leptos::prelude::*;

#[component]
pub fn BackupReminder(route: ReadSignal<Route>) -> impl IntoView {
    let doc = use_doc();
    let (dismissed, set_dismissed) = signal(false);
    let due = Memo::new(move |_| doc.with(|d| d.backup_due(now())));
    move || {
        (due.get() && !dismissed.get() && route.get() != Route::Data).then(|| {
            view! {
                <div class="banner banner-warn" role="region" aria-label="Backup reminder">
                    <p>
                        <strong>"Time for a backup. "</strong>
                        "Your data changed and your last backup is more than two weeks old. "
                        "Browsers can clear site data; a backup file keeps it safe."
                    </p>
                    <button type="button" class="button primary" on:click=move |_| { let _ = download_backup(doc); }>
                        "Download a backup"
                    </button>
                    <button type="button" class="button" on:click=move |_| set_dismissed.set(true)>"Not now"</button>
                </div>
            }
        })
    }
}
