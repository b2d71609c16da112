//! One application: its stage and history, its details read first with an
//! Edit button that opens the form in their place (the form is also the
//! page for a new one), linked contacts, and delete with undo.
//!
//! The form saves on "Save": it is checked as a whole and nothing is stored
//! while any field is invalid (the error summary and field errors say why).

mod ask_feedback;
mod history;

use crate::domain::application::{new_application, AppField, ApplicationForm, Arrangement};
use crate::domain::{Application, Document, FieldError, RecordId, RemovedApplication};
use crate::routes::Route;
mod details;

use crate::ui::field_ids::FieldId;
use crate::ui::form::DeleteRecord;
use crate::ui::form::{Editable, Input, ReadFirst, RecordForm, RecordFormView};
use crate::ui::platform::{go, new_id, now, today};
use crate::ui::shell::Toaster;
use crate::ui::state::use_doc;
use crate::ui::widgets::ExternalLink;
use crate::ui::widgets::PageHeading;
use chrono::{DateTime, Utc};
use details::ApplicationDetails;
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

impl Editable for Application {
    type Field = AppField;
    type Form = ApplicationForm;
    type Parsed = Application;
    const ERRORS_ID: &'static str = "application-errors";
    const SUBMIT: (&'static str, &'static str) = ("Add application", "Save changes");

    fn find(doc: &Document, id: RecordId) -> Option<&Self> {
        doc.application(id)
    }
    fn to_form(&self, _: &Document) -> ApplicationForm {
        Application::to_form(self)
    }
    fn parse(
        _: &Document,
        form: &ApplicationForm,
        base: &Self,
        now: DateTime<Utc>,
    ) -> Result<Application, Vec<FieldError<AppField>>> {
        form.parse(base, now)
    }
    fn store(doc: &mut Document, app: Application, now: DateTime<Utc>) -> String {
        let title = app.title();
        doc.upsert_application(app, now);
        title
    }
    fn get(form: &ApplicationForm, field: AppField) -> String {
        form.get(field).to_owned()
    }
    fn set(form: &mut ApplicationForm, field: AppField, value: String) {
        form.set(field, value);
    }
    fn route(id: RecordId) -> Route {
        Route::Application(id)
    }
    fn cancel(_: RecordId, is_new: bool) -> (Route, &'static str) {
        (
            Route::Applications,
            if is_new {
                "Cancel"
            } else {
                "Back to applications"
            },
        )
    }
}

/// The form; the stage panel beside it may change the record meanwhile,
/// so a save parses against the stored version.
#[component]
fn ApplicationEditor(
    base: Application,
    is_new: bool,
    /// Opened from the page's summary: Save and Cancel close it.
    close: Option<Callback<()>>,
) -> impl IntoView {
    let form = RecordForm::new(base, is_new);
    let form = match close {
        Some(close) => form.closing_with(close),
        None => form,
    };
    let arrangement_options = std::iter::once((String::new(), "Not set".to_owned()))
        .chain(
            Arrangement::ALL
                .iter()
                .map(|a| (a.slug().to_owned(), a.label().to_owned())),
        )
        .collect::<Vec<_>>();
    let sources = crate::ui::branding::source_options;
    let date = Input::of("date");
    view! {
        <RecordFormView form=form>
            <datalist id="known-sources">{sources}</datalist>
            <fieldset>
                <legend>"The opportunity"</legend>
                {form.text(AppField::Organization, Input::TEXT)}
                {form.text(AppField::Role, Input::TEXT)}
                {form.text(AppField::Source, Input::TEXT.hint("Where you found it, e.g. Parker Dewey, LinkedIn, career services.").list("known-sources"))}
                {form.text(AppField::PostingUrl, Input::of("url").hint("The posting’s address, e.g. parkerdewey.com/projects/12345 (https:// is added if you leave it out)."))}
                {form.select(AppField::Arrangement, arrangement_options)}
                {form.text(AppField::Location, Input::TEXT)}
            </fieldset>
            <fieldset>
                <legend>"Hours and pay"</legend>
                {form.text(AppField::EstimatedHours, Input::TEXT.hint("In total, e.g. 20. Micro-internships are usually 5 to 40 hours."))}
                <div class="field-row">
                    {form.text(AppField::Fee, Input::TEXT.hint("A fixed fee for the project, e.g. 400."))}
                    {form.text(AppField::Currency, Input::TEXT.hint("e.g. USD"))}
                </div>
            </fieldset>
            <fieldset>
                <legend>"Dates"</legend>
                <div class="field-row">
                    {form.text(AppField::DateFound, date)}
                    {form.text(AppField::DateApplied, date)}
                </div>
                <div class="field-row">
                    {form.text(AppField::Deadline, date)}
                    {form.text(AppField::NextFollowUp, date)}
                </div>
                <div class="field-row">
                    {form.text(AppField::StartDate, date)}
                    {form.text(AppField::EndDate, date)}
                </div>
            </fieldset>
            <fieldset>
                <legend>"Skills, tags and notes"</legend>
                {form.text(AppField::RequiredSkills, Input::TEXT.hint("Separate with commas, e.g. Excel, market research."))}
                {form.text(AppField::Tags, Input::TEXT.hint("Separate with commas."))}
                {form.text(AppField::Notes, Input::AREA)}
            </fieldset>
            <fieldset>
                <legend>"Contacts"</legend>
                <ContactBoxes form=form />
            </fieldset>
        </RecordFormView>
    }
}

/// A checkbox per contact, to link them to the application.
#[component]
fn ContactBoxes(form: RecordForm<Application>) -> impl IntoView {
    let doc = use_doc();
    let contacts = Memo::new(move |_| {
        doc.with(|d| {
            d.contacts
                .iter()
                .map(|c| (c.meta.id, c.name.clone(), c.organization.clone()))
                .collect::<Vec<_>>()
        })
    });
    let contact_boxes = move || {
        let list = contacts.get();
        if list.is_empty() {
            return view! {
                <p class="hint">
                    "No contacts yet. " <a href=Route::NewContact.href()>"Add a contact"</a>
                    " (a supervisor, recruiter or alumnus), then link them here."
                </p>
            }
            .into_any();
        }
        list.into_iter()
            .map(|(cid, name, org)| {
                let box_id = format!("link-contact-{cid}");
                let text = if org.is_empty() {
                    name
                } else {
                    format!("{name} ({org})")
                };
                view! {
                    <div class="check">
                        <input
                            type="checkbox"
                            id=box_id.clone()
                            prop:checked=move || form.form.with(|f| f.contacts.contains(&cid))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                form.edit(|f| {
                                    f.contacts.retain(|c| *c != cid);
                                    if on {
                                        f.contacts.push(cid);
                                    }
                                });
                            }
                        />
                        <label for=box_id>{text}</label>
                    </div>
                }
            })
            .collect_view()
            .into_any()
    };
    contact_boxes
}
