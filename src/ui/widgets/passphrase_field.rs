//! A passphrase typed or read as plain text (it is shown: the student
//! notes it or reads it from the other device): no autocomplete,
//! autocapitalization or spell check, an optional hint it is described
//! by, and an optional error announced as an alert. Used by Send to
//! another device and by opening a transfer link; the value lives in the
//! caller's view only.

use leptos::prelude::*;

#[component]
pub fn PassphraseField(
    /// The input's id; the hint's is `<id>-hint`.
    id: &'static str,
    label: &'static str,
    #[prop(into)] value: Signal<String>,
    /// Called with the new text on every keystroke.
    on_input: Callback<String>,
    #[prop(optional)] hint: Option<&'static str>,
    /// Why the passphrase will not do, if it will not.
    #[prop(optional, into)]
    error: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let hint_id = hint.map(|_| format!("{id}-hint"));
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id=id
                type="text"
                autocomplete="off"
                autocapitalize="none"
                spellcheck="false"
                aria-describedby=hint_id.clone()
                prop:value=move || value.get()
                on:input=move |ev| {
                    on_input.try_run(event_target_value(&ev));
                }
            />
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {move || {
                error
                    .and_then(|e| e.get())
                    .map(|e| view! { <p class="error" role="alert">{e}</p> })
            }}
        </div>
    }
}
