//! Banners about saving: a persistent "not saved" banner while saves fail
//! (the data stays in memory and can be downloaded, and saving can be
//! retried), the read-only notice when another tab holds newer data, and
//! the notice of records changed in two tabs at once.

use crate::ui::backup::download_backup;
use crate::ui::saving::{SaveState, Saving};
use crate::ui::state::use_doc;
use leptos::prelude::*;

#[component]
pub fn SaveBanner() -> impl IntoView {
    let saving = expect_context::<Saving>();
    let doc = use_doc();
    let export = move |_| {
        let _ = download_backup(doc);
    };
    let failure = move || {
        match saving.status() {
        SaveState::Failed { message, quota } => {
            let advice = if quota {
                "Free some space (for example, other sites' data), then try again, or download a backup now."
            } else {
                "Download a backup now so nothing is lost."
            };
            Some(view! {
                <div class="banner banner-error" role="alert">
                    <p>
                        <strong>"Not saved. "</strong>
                        {message}
                        " Your changes are kept in this tab only. "
                        {advice}
                    </p>
                    <button type="button" class="button" on:click=move |_| saving.retry()>"Try again"</button>
                    <button type="button" class="button primary" on:click=export>"Download a backup"</button>
                </div>
            }
            .into_any())
        }
        SaveState::ReadOnly(message) => Some(view! {
            <div class="banner banner-error" role="alert">
                <p><strong>"Read-only. "</strong>{message}</p>
                <button type="button" class="button" on:click=move |_| { let _ = window().location().reload(); }>"Reload"</button>
            </div>
        }
        .into_any()),
        _ => None,
    }
    };
    let conflicts = move || {
        let list = saving.conflicts();
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .map(|c| view! { <li>{format!("{} “{}”: {}.", capitalize(c.kind), c.title, c.outcome)}</li> })
                .collect_view();
            view! {
                <div class="banner banner-warn" role="status">
                    <div>
                        <p><strong>"Changed in another tab too. "</strong>"Both tabs' changes were combined; check these:"</p>
                        <ul>{items}</ul>
                    </div>
                    <button type="button" class="button" on:click=move |_| saving.dismiss_conflicts()>"Dismiss"</button>
                </div>
            }
        })
    };
    view! { {failure} {conflicts} }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}
