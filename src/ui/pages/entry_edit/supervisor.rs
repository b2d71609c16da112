//! The entry's supervisor: one of the student's contacts, or a new contact
//! added right here (name, kind, organization) without leaving the entry.

use super::Form;
use crate::domain::contact::{ContactForm, ContactKind};
use crate::domain::record::Meta;
use crate::domain::{Contact, RecordId};
use crate::ui::field_ids::FieldId;
use crate::ui::form::SelectField;
use crate::ui::platform::{focus_later, new_id, now};
use crate::ui::state::use_doc;
use leptos::prelude::*;

fn blank() -> ContactForm {
    ContactForm {
        kind: ContactKind::Supervisor.slug().to_owned(),
        ..ContactForm::default()
    }
}

#[component]
pub fn SupervisorPicker(form: Form) -> impl IntoView {
    let doc = use_doc();
    let contacts = Memo::new(move |_| {
        doc.with(|d| {
            std::iter::once((String::new(), "None".to_owned()))
                .chain(d.contacts.iter().map(|c| {
                    (
                        c.meta.id.to_string(),
                        format!("{} ({})", c.name, c.kind.label()),
                    )
                }))
                .collect::<Vec<_>>()
        })
    });
    let adding = RwSignal::new(false);
    view! {
        {move || view! {
            <SelectField
                id="entry-supervisor"
                label="Supervisor"
                options=contacts.get()
                value=Signal::derive(move || form.form.with(|f| f.supervisor.map(|s| s.to_string()).unwrap_or_default()))
                on_change=Callback::new(move |v: String| form.edit(|f| f.supervisor = RecordId::parse(&v)))
            />
        }}
        {move || if adding.get() {
            view! { <NewContact form=form adding=adding /> }.into_any()
        } else {
            view! {
                <button type="button" class="button small" id="add-supervisor" on:click=move |_| {
                    adding.set(true);
                    focus_later("entry-new-contact-name");
                }>"Add a new contact"</button>
            }
            .into_any()
        }}
    }
}

/// A contact made from the entry form: name, kind, organization.
#[component]
fn NewContact(form: Form, adding: RwSignal<bool>) -> impl IntoView {
    let doc = use_doc();
    let new = RwSignal::new(blank());
    let error = RwSignal::new(None::<String>);
    let add = move || {
        let base = Contact::new(Meta::new(new_id(), now()));
        match new.with_untracked(|f| f.parse(&base, now())) {
            Err(errors) => error.set(
                errors
                    .first()
                    .map(|e| format!("{}: {}", FieldId::label(e.field), e.message)),
            ),
            Ok(contact) => {
                let id = contact.meta.id;
                doc.update(|d| d.upsert_contact(contact, now()));
                form.edit(|f| f.supervisor = Some(id));
                new.set(blank());
                error.set(None);
                adding.set(false);
                focus_later("entry-supervisor");
            }
        }
    };
    // Enter here adds the contact; it must not save the whole entry.
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" {
            ev.prevent_default();
            add();
        }
    };
    let input = move |id: &'static str,
                      label: &'static str,
                      get: fn(&ContactForm) -> String,
                      set: fn(&mut ContactForm, String)| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input id=id type="text"
                    prop:value=move || new.with(get)
                    on:input=move |ev| new.update(|f| set(f, event_target_value(&ev)))
                    on:keydown=on_key />
            </div>
        }
    };
    let kinds = ContactKind::ALL
        .iter()
        .map(|k| (k.slug().to_owned(), k.label().to_owned()))
        .collect::<Vec<_>>();
    view! {
        <fieldset class="row-group">
            <legend>"New contact"</legend>
            {input("entry-new-contact-name", "Their name", |f| f.name.clone(), |f, v| f.name = v)}
            <SelectField
                id="entry-new-contact-kind"
                label="Kind of contact"
                options=kinds
                value=Signal::derive(move || new.with(|f| f.kind.clone()))
                on_change=Callback::new(move |v| new.update(|f| f.kind = v))
            />
            {input("entry-new-contact-organization", "Their organization", |f| f.organization.clone(), |f, v| f.organization = v)}
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="actions">
                <button type="button" class="button primary" on:click=move |_| add()>"Add and choose them"</button>
                <button type="button" class="button" on:click=move |_| {
                    adding.set(false);
                    error.set(None);
                    focus_later("add-supervisor");
                }>"Cancel"</button>
            </div>
        </fieldset>
    }
}
