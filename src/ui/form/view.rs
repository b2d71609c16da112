//! [`RecordFormView`]: the layout around a record's fields (error
//! summary, stale warning, the kept-draft notice, the fields, a sticky
//! Save and Cancel, the status line). The state and the rules are in
//! [`RecordForm`] (`super`); this file only lays them out.

use super::{Editable, ErrorSummary, RecordForm, StaleWarning};
use crate::ui::field_ids::FieldId;
use leptos::prelude::*;

/// The form around a record's fields (`children`): error summary, stale
/// warning, Save and Cancel, and the status line.
#[component]
pub fn RecordFormView<R: Editable>(form: RecordForm<R>, children: Children) -> impl IntoView {
    let summary = form
        .errors
        .summary(|f: R::Field| (f.dom_id(), FieldId::label(f)));
    let id = form.id();
    let (cancel, cancel_text) = R::cancel(id, form.is_new);
    let submit_text = if form.is_new {
        R::SUBMIT.0
    } else {
        R::SUBMIT.1
    };
    view! {
        <ErrorSummary id=R::ERRORS_ID heading="Some details need fixing before this is saved" items=summary />
        <StaleWarning guard=form.guard />
        {move || form.restored.get().then(|| view! {
            <div class="banner draft-notice" role="status">
                <p>"Your unsaved changes from before are back. Save them, or discard them to see what is stored."</p>
                <button type="button" class="button" on:click=move |_| form.discard()>"Discard changes"</button>
            </div>
        })}
        <form class="form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            form.submit();
        }>
            {children()}
            // Sticky: Save stays in reach however long the form.
            <div class="actions form-actions">
                <button type="submit" class="button primary">{submit_text}</button>
                // Cancel means: not these changes.
                {match form.close.get_value() {
                    Some(close) => view! {
                        <button type="button" class="button" on:click=move |_| {
                            form.discard();
                            close.run(());
                        }>"Cancel"</button>
                    }.into_any(),
                    None => view! {
                        <a class="button" href=cancel.href() on:click=move |_| form.discard()>{cancel_text}</a>
                    }.into_any(),
                }}
            </div>
            <p class="status save-status" role="status">{move || form.status.get()}</p>
        </form>
    }
}
