//! One contact: who they are and their applications, read first, with an
//! Edit button that opens the form in their place (the form is also the page
//! for a new contact), and delete with undo (which restores their links too).

use crate::domain::contact::{ContactField, ContactForm, ContactKind};
use crate::domain::record::Meta;
use crate::domain::{Contact, Document, FieldError, RecordId, RemovedContact};
use crate::domain::{SafeUrl, UrlPolicy};
use crate::routes::Route;
use crate::ui::field_ids::FieldId;
use crate::ui::form::DeleteRecord;
use crate::ui::form::{Editable, Input, ReadFirst, RecordForm, RecordFormView};
use crate::ui::platform::{new_id, now};
use crate::ui::state::use_doc;
use crate::ui::widgets::ExternalLink;
use crate::ui::widgets::PageHeading;
use chrono::{DateTime, Utc};
use leptos::prelude::*;

#[component]
pub fn ContactPage(id: Option<RecordId>) -> impl IntoView {
    let doc = use_doc();
    match id {
        None => view! {
            <PageHeading>"New contact"</PageHeading>
            <ContactEditor base=Contact::new(Meta::new(new_id(), now())) is_new=true close=None />
        }
        .into_any(),
        Some(id) => match doc.with_untracked(|d| d.contact(id).cloned()) {
            Some(contact) => {
                let id = contact.meta.id;
                let editing = RwSignal::new(RecordForm::<Contact>::has_draft(&contact));
                let name = Memo::new(move |_| {
                    doc.with(|d| d.contact(id).map(|c| c.name.clone()).unwrap_or_default())
                });
                view! {
                    <p class="breadcrumb"><a href=Route::Contacts.href()>"← All contacts"</a></p>
                    <PageHeading>{name}</PageHeading>
                    <ContactCard id=id />
                    <ContactApplications id=id />
                    <ReadFirst
                        editing=editing
                        edit_id="edit-contact"
                        edit="Edit contact"
                        first_field=ContactField::Name.dom_id()
                        summary=|| ()
                    >
                        <h2 class="section-heading">"Edit contact"</h2>
                        {move || doc.with_untracked(|d| d.contact(id).cloned()).map(|base| view! {
                            <ContactEditor base=base is_new=false close=Some(Callback::new(move |()| editing.set(false))) />
                        })}
                    </ReadFirst>
                    <DeleteRecord
                        id=id
                        button="Delete contact"
                        explain="Deleting removes this contact and unlinks them from their applications. You can undo it for a few seconds."
                        remove=Document::remove_contact
                        restore=Document::restore_contact
                        told=|r: &RemovedContact| format!("Deleted {}.", r.contact.name)
                        then=Route::Contacts
                    />
                }
                .into_any()
            }
            None => view! {
                <PageHeading>"Contact not found"</PageHeading>
                <p>"This contact does not exist here. They may have been deleted."</p>
                <p><a class="button" href=Route::Contacts.href()>"Back to contacts"</a></p>
            }
            .into_any(),
        },
    }
}

/// Who they are and how to reach them, e-mail and page as links.
#[component]
fn ContactCard(id: RecordId) -> impl IntoView {
    let doc = use_doc();
    let contact = Memo::new(move |_| doc.with(|d| d.contact(id).cloned()));
    move || {
        contact.get().map(|c| {
            let role = if c.organization.is_empty() {
                c.kind.label().to_owned()
            } else {
                format!("{} at {}", c.kind.label(), c.organization)
            };
            let mail = SafeUrl::parse(&format!("mailto:{}", c.email), UrlPolicy::WebOrMail)
                .ok()
                .filter(|_| !c.email.is_empty())
                .map(|url| view! { <li><ExternalLink url=url text=c.email.clone() /></li> });
            let page = c
                .url
                .map(|url| view! { <li><ExternalLink url=url text="Profile page" /></li> });
            let phone = (!c.phone.is_empty()).then(|| view! { <li>{c.phone.clone()}</li> });
            view! {
                <p class="facts-line">{role}</p>
                <ul class="contact-ways">{mail}{phone}{page}</ul>
            }
        })
    }
}

/// The applications this contact is linked to.
#[component]
fn ContactApplications(id: RecordId) -> impl IntoView {
    let doc = use_doc();
    let apps = Memo::new(move |_| {
        doc.with(|d| {
            d.applications_of(id)
                .into_iter()
                .map(|a| (a.meta.id, a.title(), a.stage().label()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="panel" aria-labelledby="contact-apps-heading">
            <h2 id="contact-apps-heading">"Applications"</h2>
            {move || {
                let list = apps.get();
                if list.is_empty() {
                    view! { <p class="hint">"Not linked to any application yet. Link contacts from an application's page."</p> }.into_any()
                } else {
                    view! {
                        <ul class="link-list">
                            {list
                                .into_iter()
                                .map(|(aid, title, stage)| {
                                    view! {
                                        <li>
                                            <a href=Route::Application(aid).href()>{title}</a>
                                            " · " {stage}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}

impl Editable for Contact {
    type Field = ContactField;
    type Form = ContactForm;
    type Parsed = Contact;
    const ERRORS_ID: &'static str = "contact-errors";
    const SUBMIT: (&'static str, &'static str) = ("Add contact", "Save changes");

    fn find(doc: &Document, id: RecordId) -> Option<&Self> {
        doc.contact(id)
    }
    fn to_form(&self, _: &Document) -> ContactForm {
        Contact::to_form(self)
    }
    fn parse(
        _: &Document,
        form: &ContactForm,
        base: &Self,
        now: DateTime<Utc>,
    ) -> Result<Contact, Vec<FieldError<ContactField>>> {
        form.parse(base, now)
    }
    fn store(doc: &mut Document, contact: Contact, now: DateTime<Utc>) -> String {
        let name = contact.name.clone();
        doc.upsert_contact(contact, now);
        name
    }
    fn get(form: &ContactForm, field: ContactField) -> String {
        form.get(field).to_owned()
    }
    fn set(form: &mut ContactForm, field: ContactField, value: String) {
        form.set(field, value);
    }
    fn route(id: RecordId) -> Route {
        Route::Contact(id)
    }
    fn cancel(_: RecordId, is_new: bool) -> (Route, &'static str) {
        (
            Route::Contacts,
            if is_new { "Cancel" } else { "Back to contacts" },
        )
    }
}

#[component]
fn ContactEditor(
    base: Contact,
    is_new: bool,
    /// Opened from the page's summary: Save and Cancel close it.
    close: Option<Callback<()>>,
) -> impl IntoView {
    let form = RecordForm::new(base, is_new);
    let form = match close {
        Some(close) => form.closing_with(close),
        None => form,
    };
    let kinds = ContactKind::ALL
        .iter()
        .map(|k| (k.slug().to_owned(), k.label().to_owned()))
        .collect::<Vec<_>>();
    view! {
        <RecordFormView form=form>
            <fieldset>
                <legend>"Who"</legend>
                {form.text(ContactField::Name, Input::TEXT)}
                {form.select(ContactField::Kind, kinds)}
                {form.text(ContactField::Organization, Input::TEXT)}
            </fieldset>
            <fieldset>
                <legend>"How to reach them"</legend>
                {form.text(ContactField::Email, Input::of("email"))}
                {form.text(ContactField::Phone, Input::of("tel"))}
                {form.text(ContactField::Url, Input::of("url"))}
                {form.text(ContactField::Notes, Input::AREA)}
            </fieldset>
        </RecordFormView>
    }
}
