//! One application: its stage and history, the edit form (also used to add
//! a new one), linked contacts, and delete with undo.
//!
//! The form saves on "Save": it is checked as a whole and nothing is stored
//! while any field is invalid (the error summary and field errors say why).

use super::PageHeading;
use crate::domain::application::{new_application, AppField, Arrangement};
use crate::domain::{Application, RecordId};
use crate::routes::Route;
use crate::ui::components::toast::UndoAction;
use crate::ui::components::{
    ErrorSummary, ExternalLink, SelectField, StageHistory, TextField, Toaster,
};
use crate::ui::components::{StaleGuard, StaleWarning};
use crate::ui::field_ids::FieldId;
use crate::ui::form_errors::FormErrors;
use crate::ui::platform::{go, new_id, now, today};
use crate::ui::state::use_doc;
use leptos::prelude::*;

#[component]
pub fn ApplicationPage(
    /// The id from the URL; `None` for a new application.
    id: Option<String>,
) -> impl IntoView {
    let doc = use_doc();
    match id {
        None => view! {
            <PageHeading>"New application"</PageHeading>
            <ApplicationEditor base=new_application(new_id(), now(), today()) is_new=true />
        }
        .into_any(),
        Some(text) => match RecordId::parse(&text).and_then(|id| doc.with_untracked(|d| d.application(id).cloned())) {
            Some(app) => {
                let id = app.meta.id;
                let title = Memo::new(move |_| doc.with(|d| d.application(id).map(Application::title)));
                view! {
                    <p class="breadcrumb"><a href="#/applications">"← All applications"</a></p>
                    <PageHeading>{move || title.get().unwrap_or_default()}</PageHeading>
                    <ApplicationFacts id=id />
                    <StageHistory id=id />
                    <ToPortfolio id=id />
                    <h2 class="section-heading">"Details"</h2>
                    <ApplicationEditor base=app is_new=false />
                    <DeleteApplication id=id />
                }
                .into_any()
            }
            None => view! {
                <PageHeading>"Application not found"</PageHeading>
                <p>"This application does not exist here. It may have been deleted, or the link is from another browser."</p>
                <p><a class="button" href="#/applications">"Back to applications"</a></p>
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
                go(Route::EditEntry(eid.to_string()).href().as_str());
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
                    "In your portfolio: " <a href=Route::Entry(eid.to_string()).href()>{title}</a>
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

#[component]
fn DeleteApplication(id: RecordId) -> impl IntoView {
    let doc = use_doc();
    let toaster = expect_context::<Toaster>();
    let delete = move |_| {
        let Some(removed) = doc
            .try_update(|d| d.remove_application(id, now()))
            .flatten()
        else {
            return;
        };
        let title = removed.application.title();
        go(Route::Applications.href().as_str());
        let undo: UndoAction = std::sync::Arc::new(move || {
            doc.update(|d| d.restore_application(removed.clone(), now()));
        });
        toaster.show(format!("Deleted {title}."), Some(undo));
    };
    view! {
        <section class="danger-zone" aria-labelledby="delete-heading">
            <h2 id="delete-heading">"Delete"</h2>
            <p>"Deleting removes this application and its history. You can undo it for a few seconds."</p>
            <button type="button" class="button danger" on:click=delete>"Delete application"</button>
        </section>
    }
}

#[component]
fn ApplicationEditor(base: Application, is_new: bool) -> impl IntoView {
    let doc = use_doc();
    let toaster = expect_context::<Toaster>();
    let id = base.meta.id;
    let guard = StaleGuard::new((!is_new).then_some(base.meta.updated));
    let base = StoredValue::new(base);
    let form = RwSignal::new(base.with_value(Application::to_form));
    let errors = FormErrors::<AppField>::new();
    let (status, set_status) = signal(String::new());

    // The latest stored version (the stage panel may have changed it).
    let current_base = move || {
        doc.with_untracked(|d| d.application(id).cloned())
            .unwrap_or_else(|| base.get_value())
    };
    let check = move || form.with(|f| f.parse(&current_base(), now()));
    let error_for = move |field: AppField| errors.message(field);
    let changed = move || {
        set_status.set(String::new());
        errors.refresh(check);
    };
    let text = move |field: AppField,
                     kind: &'static str,
                     hint: Option<&'static str>,
                     multiline: bool,
                     list: Option<&'static str>| {
        view! {
            <TextField
                id=field.dom_id()
                label=field.label()
                value=Signal::derive(move || form.with(|f| f.get(field).to_owned()))
                error=error_for(field)
                on_input=Callback::new(move |v: String| {
                    form.update(|f| f.set(field, v));
                    changed();
                })
                on_commit=Callback::new(move |()| ())
                hint=hint
                input_type=kind
                multiline=multiline
                list=list
            />
        }
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match errors.on_save(check()) {
            None => {
                set_status.set("Not saved: fix the fields listed above.".into());
                crate::ui::platform::focus_later("application-errors");
            }
            Some(_)
                if !guard
                    .allow(doc.with_untracked(|d| d.application(id).map(|a| a.meta.updated))) => {}
            Some(app) => {
                let title = app.title();
                doc.update(|d| d.upsert_application(app, now()));
                if let Some(updated) =
                    doc.with_untracked(|d| d.application(id).map(|a| a.meta.updated))
                {
                    guard.saved(updated);
                }
                if is_new {
                    go(Route::Application(id.to_string()).href().as_str());
                    toaster.show(format!("Added {title}."), None);
                } else {
                    set_status.set("Changes saved.".into());
                }
            }
        }
    };

    let summary_items = errors.summary(|f| (f.dom_id(), f.label().to_owned()));
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
                    "No contacts yet. " <a href="#/contacts/new">"Add a contact"</a>
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
                            prop:checked=move || form.with(|f| f.contacts.contains(&cid))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                form.update(|f| {
                                    f.contacts.retain(|c| *c != cid);
                                    if on {
                                        f.contacts.push(cid);
                                    }
                                });
                                changed();
                            }
                        />
                        <label for=box_id>{text}</label>
                    </div>
                }
            })
            .collect_view()
            .into_any()
    };

    let arrangement_options = std::iter::once((String::new(), "Not set".to_owned()))
        .chain(
            Arrangement::ALL
                .iter()
                .map(|a| (a.slug().to_owned(), a.label().to_owned())),
        )
        .collect::<Vec<_>>();
    let sources = crate::ui::branding::source_options;

    view! {
        <ErrorSummary id="application-errors" heading="Some details need fixing before this is saved" items=summary_items />
        <StaleWarning guard=guard />
        <form class="form" novalidate on:submit=submit>
            <datalist id="known-sources">{sources}</datalist>
            <fieldset>
                <legend>"The opportunity"</legend>
                {text(AppField::Organization, "text", None, false, None)}
                {text(AppField::Role, "text", None, false, None)}
                {text(AppField::Source, "text", Some("Where you found it, e.g. Parker Dewey, LinkedIn, career services."), false, Some("known-sources"))}
                {text(AppField::PostingUrl, "url", Some("A full link starting with https://"), false, None)}
                <SelectField
                    id=AppField::Arrangement.dom_id()
                    label=AppField::Arrangement.label()
                    options=arrangement_options
                    value=Signal::derive(move || form.with(|f| f.get(AppField::Arrangement).to_owned()))
                    on_change=Callback::new(move |v: String| {
                        form.update(|f| f.set(AppField::Arrangement, v));
                        changed();
                    })
                    error=error_for(AppField::Arrangement)
                />
                {text(AppField::Location, "text", None, false, None)}
            </fieldset>
            <fieldset>
                <legend>"Hours and pay"</legend>
                {text(AppField::EstimatedHours, "text", Some("In total, e.g. 20. Micro-internships are usually 5 to 40 hours."), false, None)}
                <div class="field-row">
                    {text(AppField::Fee, "text", Some("A fixed fee for the project, e.g. 400."), false, None)}
                    {text(AppField::Currency, "text", Some("e.g. USD"), false, None)}
                </div>
            </fieldset>
            <fieldset>
                <legend>"Dates"</legend>
                <div class="field-row">
                    {text(AppField::DateFound, "date", None, false, None)}
                    {text(AppField::DateApplied, "date", None, false, None)}
                </div>
                <div class="field-row">
                    {text(AppField::Deadline, "date", None, false, None)}
                    {text(AppField::NextFollowUp, "date", None, false, None)}
                </div>
                <div class="field-row">
                    {text(AppField::StartDate, "date", None, false, None)}
                    {text(AppField::EndDate, "date", None, false, None)}
                </div>
            </fieldset>
            <fieldset>
                <legend>"Skills, tags and notes"</legend>
                {text(AppField::RequiredSkills, "text", Some("Separate with commas, e.g. Excel, market research."), false, None)}
                {text(AppField::Tags, "text", Some("Separate with commas."), false, None)}
                {text(AppField::Notes, "text", None, true, None)}
            </fieldset>
            <fieldset>
                <legend>"Contacts"</legend>
                {contact_boxes}
            </fieldset>
            <div class="actions">
                <button type="submit" class="button primary">
                    {if is_new { "Add application" } else { "Save changes" }}
                </button>
                <a class="button" href="#/applications">{if is_new { "Cancel" } else { "Back to applications" }}</a>
            </div>
            <p class="status save-status" role="status">{move || status.get()}</p>
        </form>
    }
}
