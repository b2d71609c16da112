//! The persistent "not saved" banner, shown while the last save failed. The
//! data stays in memory and can still be downloaded.

use crate::domain::encode;
use crate::storage::SaveError;
use crate::ui::platform::{download, today};
use crate::ui::state::{use_doc, SaveState, SaveStatus};
use leptos::prelude::*;

#[component]
pub fn SaveBanner() -> impl IntoView {
    let SaveStatus(status) = expect_context();
    let doc = use_doc();
    let failure = move || match status.get() {
        SaveState::Failed(e) => Some(e),
        _ => None,
    };
    let export = move |_| {
        let name = format!("microfolio-backup-{}.json", today());
        let _ = doc.with(|d| download(&name, "application/json", &encode(d)));
    };
    move || {
        failure().map(|e| {
            let advice = match e {
                SaveError::QuotaExceeded => {
                    "Free some space (for example, site data of other sites), or download a backup now."
                }
                SaveError::Failed(_) => "Download a backup now so nothing is lost.",
            };
            view! {
                <div class="banner banner-error" role="alert">
                    <p>
                        <strong>"Not saved. "</strong>
                        {e.to_string()}
                        " Your changes are kept in this tab only. "
                        {advice}
                    </p>
                    <button type="button" on:click=export>
                        "Download a backup"
                    </button>
                </div>
            }
        })
    }
}
