//! Feedback by link from an application that is accepted, in progress or
//! completed: requests live on portfolio entries (the answer is matched
//! there), so this leads to the entry's request page, or says how to get
//! an entry first.

use crate::domain::{RecordId, Stage};
use crate::routes::Route;
use crate::ui::state::use_doc;
use leptos::prelude::*;

#[component]
pub fn AskFeedback(id: RecordId) -> impl IntoView {
    let doc = use_doc();
    let state = Memo::new(move |_| {
        doc.with(|d| {
            let stage = d.application(id).map(|a| a.stage());
            let entry = d.entry_for_application(id).map(|e| e.meta.id);
            (
                matches!(stage, Some(Stage::InProgress | Stage::Completed)),
                entry,
            )
        })
    });
    move || {
        match state.get() {
        (true, Some(entry)) => Some(
            view! {
                <p><a class="button" href=Route::FeedbackRequest(entry).href()>"Ask for feedback by link"</a></p>
            }
            .into_any(),
        ),
        (true, None) => Some(
            view! {
                <p class="hint">"Feedback by link is asked from a portfolio entry: once this work is completed, add it to your portfolio, then ask your supervisor from the entry."</p>
            }
            .into_any(),
        ),
        _ => None,
    }
    }
}
