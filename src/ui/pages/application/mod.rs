//! One application: its stage and history, its details read first with an
//! Edit button that opens the form in their place (the form is also the
//! page for a new one; `editor.rs`), linked contacts, and delete with undo.
//!
//! The form saves on "Save": it is checked as a whole and nothing is stored
//! while any field is invalid (the error summary and field errors say why).

mod ask_feedback;
mod details;
mod editor;
mod history;

use crate::domain::application::{new_application, AppField};
use crate::domain::{Application, Document, RecordId, RemovedApplication};
use crate::routes::Route;
use crate::ui::field_ids::FieldId;
use crate::ui::form::{DeleteRecord, ReadFirst, RecordForm};
use crate::ui::platform::{go, new_id, now, today};
use crate::ui::shell::Toaster;
use crate::ui::state::use_doc;
use crate::ui::widgets::ExternalLink;
use crate::ui::widgets::PageHeading;
use details::ApplicationDetails;
use editor::ApplicationEditor;
use history::StageHistory;
use leptos::prelude::*;

#[component]
pub fn ApplicationPage(
    /// The id from the URL; `None` for a new application.
    id: Option<RecordId>,
) -> impl IntoView {
    let doc = use_doc();
    match id {
        None => view! {
            <PageHeading>"New application"</PageHeading>
            <ApplicationEditor base=new_application(new_id(), now(), today()) is_new=true close=None />
        }
        .into_any(),
        Some(id) => match doc.with_untracked(|d| d.application(id).cloned()) {
            Some(app) => {
                let id = app.meta.id;
                let editing = RwSignal::new(RecordForm::<Application>::has_draft(&app));
                let title = Memo::new(move |_| doc.with(|d| d.application(id).map(Application::title)));
                view! {
                    <p class="breadcrumb"><a href=Route::Applications.href()>"← All applications"</a></p>
                    <PageHeading>{move || title.get().unwrap_or_default()}</PageHeading>
                    <ApplicationFacts id=id />
                    <StageHistory id=id />
                    <ToPortfolio id=id />
                    <ask_feedback::AskFeedback id=id />
                    <h2 class="section-heading">"Details"</h2>
                    <ReadFirst
                        editing=editing
                        edit_id="edit-application"
                        edit="Edit details"
                        first_field=AppField::Organization.dom_id()
                        summary=move || view! { <ApplicationDetails id=id /> }
                    >
                        // The record as stored when the editor opens.
                        {move || doc.with_untracked(|d| d.application(id).cloned()).map(|base| view! {
                            <ApplicationEditor base=base is_new=false close=Some(Callback::new(move |()| editing.set(false))) />
                        })}
                    </ReadFirst>
                    <DeleteRecord
                        id=id
                        button="Delete application"
                        explain="Deleting removes this application and its history. You can undo it for a few seconds."
                        remove=Document::remove_application
                        restore=Document::restore_application
                        told=|r: &RemovedApplication| format!("Deleted {}.", r.application.title())
                        then=Route::Applications
                    />
                }
                .into_any()
            }
            None => view! {
                <PageHeading>"Application not found"</PageHeading>
                <p>"This application does not exist here. It may have been deleted, or the link is from another browser."</p>
                <p><a class="button" href=Route::Applications.href()>"Back to applications"</a></p>
            }
            .into_any(),
        },
    }
}

/// The key facts in one line, with the posting as a (safe) link.
#[component]
fn ApplicationFacts(id: RecordId) -> impl IntoView {
    let doc = use_doc();
    let app = Memo::new(move |_| doc.with(|d| d.application(id).cloned()));
    move || {
        app.get().map(|a| {
            let mut facts: Vec<String> = Vec::new();
            if !a.source.is_empty() {
                facts.push(format!("Found on {}", a.source));
            }
            match (a.arrangement, a.location.is_empty()) {
                (Some(arr), false) => facts.push(format!("{} · {}", arr.label(), a.location)),
                (Some(arr), true) => facts.push(arr.label().to_owned()),
                (None, false) => facts.push(a.location.clone()),
                (None, true) => {}
            }
            if let Some(h) = a.estimated_hours {
                facts.push(format!("about {h} hours"));
            }
            if let Some(fee) = &a.fee {
                facts.push(format!("fixed fee {fee}"));
            }
            let posting = a
                .posting_url
                .map(|url| view! { <ExternalLink url=url text="Open the posting" /> });
            view! {
                <p class="facts-line">
                    {facts.join(" · ")}
                    {(!facts.is_empty() && posting.is_some()).then_some(" · ")}
                    {posting}
                </p>
            }
        })
    }
}

/// Once completed, the application can become a portfolio entry in one
/// step; afterwards this links to the entry.
#[component]
fn ToPortfolio(id: RecordId) -> impl IntoView {
    let doc = use_doc();
    let toaster = expect_context::<Toaster>();
    let state = Memo::new(move |_| {
        doc.with(|d| {
            let completed = d
                .application(id)
                .is_some_and(|a| a.stage() == crate::domain::Stage::Completed);
            (
                completed,
                d.entry_for_application(id)
                    .map(|e| (e.meta.id, e.title.clone())),
            )
        })
    });
    let (error, set_error) = signal(None::<String>);
    let convert = move |_| {
        let entry_id = new_id();
        match doc.try_update(|d| d.convert_application(id, entry_id, now(), new_id)) {
            Some(Ok(eid)) => {
                go(&Route::EditEntry(eid));
                toaster.show(
                    "Added to your portfolio. Add the deliverables, feedback and what you learned.",
                    None,
                );
            }
            Some(Err(e)) => set_error.set(Some(e.to_owned())),
            None => {}
        }
    };
    move || {
        match state.get() {
        (_, Some((eid, title))) => Some(
            view! {
                <p class="panel callout">
                    "In your portfolio: " <a href=Route::Entry(eid).href()>{title}</a>
                </p>
            }
            .into_any(),
        ),
        (true, None) => Some(
            view! {
                <section class="panel callout" aria-labelledby="to-portfolio-heading">
                    <h2 id="to-portfolio-heading">"Completed: add it to your portfolio"</h2>
                    <p>"Creates a portfolio entry with the organization, role, dates, hours, fee, skills and supervisor filled in, linked to this application."</p>
                    <button type="button" class="button primary" on:click=convert>"Add to portfolio"</button>
                    {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                </section>
            }
            .into_any(),
        ),
        (false, None) => None,
    }
    }
}
