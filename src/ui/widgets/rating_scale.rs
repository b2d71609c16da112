//! A 1–5 rating as a group of radio buttons, each level with its name and
//! what it means (`domain::feedback_link::competencies::LEVELS`). The
//! legend names what is rated; arrow keys move within the group, as for
//! any radio group. Unanswered is allowed: nothing is picked.

use crate::domain::feedback_link::competencies::LEVELS;
use leptos::prelude::*;

#[component]
pub fn RatingScale(
    /// A unique prefix for the inputs' ids and the group's name.
    id: String,
    #[prop(into)] legend: String,
    value: RwSignal<Option<u8>>,
) -> impl IntoView {
    let options = LEVELS
        .iter()
        .map(|(n, name, meaning)| {
            let n = *n;
            let input = format!("{id}-{n}");
            let hint = format!("{input}-hint");
            view! {
                <li class="scale-option">
                    <input
                        type="radio"
                        id=input.clone()
                        name=id.clone()
                        aria-describedby=hint.clone()
                        prop:checked=move || value.get() == Some(n)
                        on:change=move |_| value.set(Some(n))
                    />
                    <label for=input>{format!("{n} · {name}")}</label>
                    <span class="hint" id=hint>{*meaning}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <fieldset class="scale">
            <legend>{legend}</legend>
            <ul class="scale-options">{options}</ul>
        </fieldset>
    }
}
