//! A record page that reads first: the record's summary with an Edit
//! button; the editor opens in its place (straight away when a draft is
//! kept, so typed text is never out of sight) and closes on Save or
//! Cancel (`RecordForm::closing_with`). Focus follows: to the editor's
//! first field when it opens, back to Edit when it closes.

use crate::ui::platform::focus_later;
use leptos::prelude::*;

#[component]
pub fn ReadFirst(
    /// Whether the editor is open.
    editing: RwSignal<bool>,
    /// The Edit button's id and text.
    edit_id: &'static str,
    edit: &'static str,
    /// The editor's first field, focused when it opens.
    first_field: String,
    /// The record as read.
    #[prop(into)]
    summary: ViewFn,
    /// The editor.
    children: ChildrenFn,
) -> impl IntoView {
    // Focus moves only on a change made here, not when the page opens.
    Effect::new(move |prev: Option<bool>| {
        let open = editing.get();
        match prev {
            Some(was) if was != open && open => focus_later(first_field.clone()),
            Some(was) if was != open => focus_later(edit_id),
            _ => {}
        }
        open
    });
    let fallback = move || {
        view! {
            {summary.run()}
            <p>
                <button type="button" id=edit_id class="button" on:click=move |_| editing.set(true)>
                    {edit}
                </button>
            </p>
        }
    };
    view! {
        <Show when=move || editing.get() fallback=fallback>
            {children()}
        </Show>
    }
}
