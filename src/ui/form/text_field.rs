//! A labelled text input or text area with an optional hint and a
//! field-level error, wired for screen readers (`aria-invalid`,
//! `aria-describedby`).

use leptos::prelude::*;

#[component]
pub fn TextField(
    /// The element id; also the base of the hint and error ids.
    #[prop(into)]
    id: String,
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<String>,
    /// The error to show, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Called with the new text on every keystroke.
    on_input: Callback<String>,
    /// Called when the user leaves the field (`change`).
    #[prop(optional, into)]
    on_commit: Option<Callback<()>>,
    #[prop(default = None)] hint: Option<&'static str>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] multiline: bool,
    #[prop(default = None)] autocomplete: Option<&'static str>,
    /// The id of a `<datalist>` of suggestions.
    #[prop(default = None)]
    list: Option<&'static str>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || error.with(Option::is_some).then_some("true");
    // `try_run`: a focused field whose page is closed gets its `change`
    // (blur) after that page's callbacks are gone; there is nothing left
    // to tell. `run` panicked there ("reactive value … already disposed").
    let input = move |ev| {
        on_input.try_run(event_target_value(&ev));
    };
    let change = move |_| {
        if let Some(commit) = on_commit {
            commit.try_run(());
        }
    };
    let label_for = id.clone();
    let control = if multiline {
        view! {
            <textarea
                id=id.clone()
                rows="4"
                aria-invalid=invalid
                aria-describedby=described_by.clone()
                prop:value=move || value.get()
                on:input=input
                on:change=change
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                type=input_type
                autocomplete=autocomplete
                list=list
                aria-invalid=invalid
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=input
                on:change=change
            />
        }
        .into_any()
    };
    view! {
        <div class="field" class:field-invalid=move || error.with(Option::is_some)>
            <label for=label_for>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {control}
            {move || error.get().map(|e| view! { <p class="error" id=error_id.clone()>{e}</p> })}
        </div>
    }
}
