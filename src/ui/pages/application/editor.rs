//! The application form (new and edit): the opportunity, hours and pay,
//! dates, skills, tags and notes, and a checkbox per contact to link; and
//! how an application is found, parsed and stored ([`Editable`]).

use crate::domain::application::{AppField, ApplicationForm, Arrangement};
use crate::domain::{Application, Document, FieldError, RecordId};
use crate::routes::Route;
use crate::ui::form::{Editable, Input, RecordForm, RecordFormView};
use crate::ui::state::use_doc;
use chrono::{DateTime, Utc};
use leptos::prelude::*;

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
pub(super) fn ApplicationEditor(
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
