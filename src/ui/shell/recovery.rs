//! Shown instead of the app when the stored data cannot be read (not JSON,
//! not Microfolio's, the wrong shape, or from a newer version). It explains
//! what happened, offers the stored text as a download, and writes nothing
//! until the student explicitly chooses to start fresh.

use crate::domain::DecodeError;
use crate::ui::platform::{download, today};
use leptos::prelude::*;

#[component]
pub fn Recovery(
    /// Why the data could not be read.
    error: DecodeError,
    /// The stored text, exactly as found.
    raw: String,
    /// The student chose to replace the stored data with an empty document.
    on_start_fresh: Callback<()>,
) -> impl IntoView {
    let newer = error.is_newer();
    let extension = if matches!(error, DecodeError::NotJson { .. }) {
        "txt"
    } else {
        "json"
    };
    let size = raw.len();
    let raw = StoredValue::new(raw);
    let (confirming, set_confirming) = signal(false);
    let (download_error, set_download_error) = signal(None::<String>);
    let save_copy = move |_| {
        let name = format!("microfolio-unreadable-data-{}.{extension}", today());
        let result = raw.with_value(|raw| download(&name, "application/octet-stream", raw));
        set_download_error.set(result.err());
    };
    view! {
        <main id="main" class="recovery" tabindex="-1">
            <h1>"Your saved data could not be read"</h1>
            <p class="lead">{error.to_string()}</p>
            <p>
                "Nothing has been changed or deleted. Microfolio will not write over this data "
                "unless you choose to start fresh below."
            </p>
            {newer
                .then(|| {
                    view! {
                        <p>
                            "This usually means the data was saved by a newer version of "
                            "Microfolio in another tab or on another copy of the site. "
                            "Reload the page to get the newest version."
                        </p>
                    }
                })}
            <div class="actions">
                <button type="button" class="button primary" on:click=save_copy>
                    {format!("Download the stored data ({} KB)", size.div_ceil(1024))}
                </button>
            </div>
            {move || download_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <section class="danger-zone" aria-labelledby="start-fresh-heading">
                <h2 id="start-fresh-heading">"Start fresh"</h2>
                <p>
                    "Starting fresh replaces the stored data with an empty Microfolio. "
                    "Download the stored data first if you may want it back."
                </p>
                <Show
                    when=move || confirming.get()
                    fallback=move || {
                        view! {
                            <button type="button" class="button" on:click=move |_| set_confirming.set(true)>
                                "Start fresh…"
                            </button>
                        }
                    }
                >
                    <div class="confirm" role="group" aria-label="Confirm starting fresh">
                        <p>
                            <strong>"Replace the stored data with an empty Microfolio?"</strong>
                            " This cannot be undone."
                        </p>
                        <button
                            type="button"
                            class="button danger"
                            on:click=move |_| on_start_fresh.run(())
                        >
                            "Yes, replace the stored data"
                        </button>
                        <button type="button" class="button" on:click=move |_| set_confirming.set(false)>
                            "Cancel"
                        </button>
                    </div>
                </Show>
            </section>
        </main>
    }
}
