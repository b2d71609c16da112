//! One contact: their applications, the edit form (also used to add a new
//! contact), and delete with undo (which restores their links too).

use super::PageHeading;
use crate::domain::contact::{ContactField, ContactKind};
use crate::domain::record::Meta;
use crate::domain::{Contact, RecordId};
use crate::domain::{SafeUrl, UrlPolicy};
use crate::routes::Route;
use crate::ui::components::toast::UndoAction;
use crate::ui::components::{
    ErrorSummary, ExternalLink, SelectField, StaleGuard, StaleWarning, TextField, Toaster,
};
use crate::ui::field_ids::FieldId;
use crate::ui::form_errors::FormErrors;
use crate::ui::platform::{go, new_id, now};
use crate::ui::state::use_doc;
use leptos::prelude::*;

#[component]
pub fn ContactPage(id: Option<String>) -> impl IntoView {
    let doc = use_doc();
    match id {
        None => view! {
            <PageHeading>"New contact"</PageHeading>
            <ContactEditor base=Contact::new(Meta::new(new_id(), now())) is_new=true />
        }
        .into_any(),
        Some(text) => match RecordId::parse(&text)
            .and_then(|id| doc.with_untracked(|d| d.contact(id).cloned()))
        {
            Some(contact) => {
                let id = contact.meta.id;
                let name = Memo::new(move |_| {
                    doc.with(|d| d.contact(id).map(|c| c.name.clone()).unwrap_or_default())
                });
                view! {
                    <p class="breadcrumb"><a href="#/contacts">"← All contacts"</a></p>
                    <PageHeading>{name}</PageHeading>
                    <ContactCard id=id />
                    <ContactApplications id=id />
                    <h2 class="section-heading">"Details"</h2>
                    <ContactEditor base=contact is_new=false />
                    <DeleteContact id=id />
                }
                .into_any()
            }
            None => view! {
                <PageHeading>"Contact not found"</PageHeading>
                <p>"This contact does not exist here. They may have been deleted."</p>
                <p><a class="button" href="#/contacts">"Back to contacts"</a></p>
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
                                            <a href=Route::Application(aid.to_string()).href()>{title}</a>
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

#[component]
fn DeleteContact(id: RecordId) -> impl IntoView {
    let doc = use_doc();
    let toaster = expect_context::<Toaster>();
    let delete = move |_| {
        let Some(removed) = doc.try_update(|d| d.remove_contact(id, now())).flatten() else {
            return;
        };
        let name = removed.contact.name.clone();
        go(Route::Contacts.href().as_str());
        let undo: UndoAction =
            std::sync::Arc::new(move || doc.update(|d| d.restore_contact(removed.clone(), now())));
        toaster.show(format!("Deleted {name}."), Some(undo));
    };
    view! {
        <section class="danger-zone" aria-labelledby="delete-heading">
            <h2 id="delete-heading">"Delete"</h2>
            <p>"Deleting removes this contact and unlinks them from their applications. You can undo it for a few seconds."</p>
            <button type="button" class="button danger" on:click=delete>"Delete contact"</button>
        </section>
    }
}

#[component]
fn ContactEditor(base: Contact, is_new: bool) -> impl IntoView {
    let doc = use_doc();
    let toaster = expect_context::<Toaster>();
    let id = base.meta.id;
    let guard = StaleGuard::new((!is_new).then_some(base.meta.updated));
    let base = StoredValue::new(base);
    let form = RwSignal::new(base.with_value(Contact::to_form));
    let errors = FormErrors::<ContactField>::new();
    let (status, set_status) = signal(String::new());
    let current_base = move || {
        doc.with_untracked(|d| d.contact(id).cloned())
            .unwrap_or_else(|| base.get_value())
    };
    let check = move || form.with(|f| f.parse(&current_base(), now()));
    let error_for = move |field: ContactField| errors.message(field);
    let on_input = move |field: ContactField| {
        Callback::new(move |v: String| {
            form.update(|f| f.set(field, v));
            set_status.set(String::new());
            errors.refresh(check);
        })
    };
    let text = move |field: ContactField, kind: &'static str, multiline: bool| {
        view! {
            <TextField
                id=field.dom_id()
                label=field.label()
                value=Signal::derive(move || form.with(|f| f.get(field).to_owned()))
                error=error_for(field)
                on_input=on_input(field)
                on_commit=Callback::new(move |()| ())
                input_type=kind
                multiline=multiline
            />
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match errors.on_save(check()) {
            None => {
                set_status.set("Not saved: fix the fields listed above.".into());
                crate::ui::platform::focus_later("contact-errors");
            }
            Some(_)
                if !guard.allow(doc.with_untracked(|d| d.contact(id).map(|c| c.meta.updated))) => {}
            Some(contact) => {
                let name = contact.name.clone();
                doc.update(|d| d.upsert_contact(contact, now()));
                if let Some(updated) = doc.with_untracked(|d| d.contact(id).map(|c| c.meta.updated))
                {
                    guard.saved(updated);
                }
                if is_new {
                    go(Route::Contact(id.to_string()).href().as_str());
                    toaster.show(format!("Added {name}."), None);
                } else {
                    set_status.set("Changes saved.".into());
                }
            }
        }
    };
    let summary_items = errors.summary(|f| (f.dom_id(), f.label().to_owned()));
    let kinds = ContactKind::ALL
        .iter()
        .map(|k| (k.slug().to_owned(), k.label().to_owned()))
        .collect::<Vec<_>>();
    view! {
        <ErrorSummary id="contact-errors" heading="Some details need fixing before this is saved" items=summary_items />
        <StaleWarning guard=guard />
        <form class="form" novalidate on:submit=submit>
            <fieldset>
                <legend>"Who"</legend>
                {text(ContactField::Name, "text", false)}
                <SelectField
                    id=ContactField::Kind.dom_id()
                    label=ContactField::Kind.label()
                    options=kinds
                    value=Signal::derive(move || form.with(|f| f.kind.clone()))
                    on_change=on_input(ContactField::Kind)
                />
                {text(ContactField::Organization, "text", false)}
            </fieldset>
            <fieldset>
                <legend>"How to reach them"</legend>
                {text(ContactField::Email, "email", false)}
                {text(ContactField::Phone, "tel", false)}
                {text(ContactField::Url, "url", false)}
                {text(ContactField::Notes, "text", true)}
            </fieldset>
            <div class="actions">
                <button type="submit" class="button primary">{if is_new { "Add contact" } else { "Save changes" }}</button>
                <a class="button" href="#/contacts">{if is_new { "Cancel" } else { "Back to contacts" }}</a>
            </div>
            <p class="status save-status" role="status">{move || status.get()}</p>
        </form>
    }
}
