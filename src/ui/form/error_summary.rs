//! The box at the top of a form listing every field that needs fixing; each
//! entry is a button that takes the keyboard to its field.

use crate::ui::platform::focus_element;
use leptos::prelude::*;

#[component]
pub fn ErrorSummary(
    /// A stable id for the box (so a form can focus it after a failed save).
    id: &'static str,
    heading: &'static str,
    /// (field element id, "Label: message") for every error on show.
    #[prop(into)]
    items: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let heading_id = format!("{id}-heading");
    move || {
        let list = items.get();
        (!list.is_empty()).then(|| {
            let entries = list
                .into_iter()
                .map(|(field, text)| {
                    view! {
                        <li>
                            <button type="button" class="link" on:click=move |_| focus_element(&field)>
                                {text}
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="error-summary" id=id tabindex="-1" role="alert" aria-labelledby=heading_id.clone()>
                    <h2 id=heading_id.clone()>{heading}</h2>
                    <ul>{entries}</ul>
                </div>
            }
        })
    }
}
