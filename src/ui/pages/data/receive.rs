//! Opening a transfer link (`#/transfer/…`): the link is checked at once
//! (length, characters, version), then the student types the passphrase;
//! the data is decrypted and read like a backup file (`ui/transfer.rs`),
//! and merged or put in place after a preview, with Undo
//! ([`super::import_flow`]). A wrong passphrase or a changed character
//! changes nothing. The passphrase lives in this view only and is
//! forgotten once the data is read.

use super::import_flow::{ImportFlow, ImportSteps, Step};
use crate::domain::transfer::Sealed;
use crate::ui::transfer::open_link;
use crate::ui::widgets::PassphraseField;
use leptos::prelude::*;

#[component]
pub fn Receive(data: String) -> impl IntoView {
    let flow = ImportFlow::new();
    let step = flow.step;
    let passphrase = RwSignal::new(String::new());
    // A link that cannot be sound is refused before a passphrase is asked.
    let readable = match Sealed::parse(&data) {
        Ok(_) => true,
        Err(e) => {
            step.set(Step::Refused(e.to_string()));
            false
        }
    };
    let data = StoredValue::new(data);
    let unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if matches!(step.get_untracked(), Step::Reading(_)) {
            return;
        }
        let secret = passphrase.get_untracked();
        step.set(Step::Reading(
            "Unlocking the link… this takes a few seconds.",
        ));
        leptos::task::spawn_local(async move {
            match open_link(&data.get_value(), &secret).await {
                Ok(file) => {
                    passphrase.set(String::new());
                    flow.offer(
                        "the data from the link".into(),
                        "The link holds your data from another device".into(),
                        file,
                    );
                }
                Err(message) => step.set(Step::Refused(message)),
            }
        });
    };
    let asking = move || {
        readable && step.with(|s| matches!(s, Step::Idle | Step::Reading(_) | Step::Refused(_)))
    };
    view! {
        <section class="panel" aria-labelledby="receive-heading">
            <h2 id="receive-heading">"Data from your other device"</h2>
            <p>
                "This link carries Microfolio data, encrypted. Type the passphrase shown on the "
                "device that made it. Nothing changes until you have seen what it holds."
            </p>
            <Show when=asking>
                <form on:submit=unlock>
                    <PassphraseField
                        id="receive-passphrase"
                        label="The link’s passphrase"
                        value=passphrase
                        on_input=Callback::new(move |p| passphrase.set(p))
                    />
                    <button type="submit" class="button primary">"Unlock"</button>
                </form>
            </Show>
            <ImportSteps flow=flow />
        </section>
    }
}
