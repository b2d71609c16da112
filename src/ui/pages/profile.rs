//! Profile: the student's details, edited in a form that saves itself.
//!
//! Each keystroke updates the form; when the whole form is valid it becomes
//! the stored profile at once (saved by the app's save effect). A field's
//! error shows once the student leaves the field, or at once if it already
//! showed one; invalid input is never stored, and the status line says so.
//!
//! Two tabs merge per field: storing takes only the fields typed here
//! (since they were last stored) over the stored profile, and a field
//! another tab changed shows its new value here unless it is being typed.

use crate::domain::profile::ProfileField;
use crate::domain::FieldError;
use crate::ui::field_ids::FieldId;
use crate::ui::form::{ErrorSummary, TextField};
use crate::ui::platform::{focus_element, now};
use crate::ui::saving::{SaveState, Saving};
use crate::ui::state::use_doc;
use crate::ui::widgets::PageHeading;
use leptos::prelude::*;
use std::collections::HashSet;

#[component]
pub fn ProfilePage() -> impl IntoView {
    let doc = use_doc();
    let form = RwSignal::new(doc.with_untracked(|d| d.profile.to_form()));
    let errors = RwSignal::new(Vec::<FieldError<ProfileField>>::new());
    // Fields whose errors are on show.
    let shown = RwSignal::new(HashSet::<ProfileField>::new());
    let (edited, set_edited) = signal(false);
    // Fields typed here and not stored yet.
    let typed = StoredValue::new(HashSet::<ProfileField>::new());
    // The stored profile as this view last saw it.
    let seen = StoredValue::new(form.get_untracked());

    let check_and_store = move || {
        let result = doc.with_untracked(|d| {
            let stored = d.profile.to_form();
            let merged =
                form.with(|f| typed.with_value(|t| f.overlay_on(&stored, t.iter().copied())));
            merged.parse(&d.profile, now())
        });
        match result {
            Ok(profile) => {
                errors.set(Vec::new());
                seen.set_value(profile.to_form());
                typed.update_value(HashSet::clear);
                doc.update(|d| {
                    d.set_profile(profile, now());
                });
            }
            Err(list) => errors.set(list),
        }
    };
    // Another tab's change (brought in by the save controller) shows here,
    // field by field, except in a field being typed.
    Effect::new(move |_| {
        let stored = doc.with(|d| d.profile.to_form());
        let changed = seen.with_value(|s| stored.differing(s));
        if changed.is_empty() {
            return;
        }
        seen.set_value(stored.clone());
        form.update(|f| {
            for field in changed {
                if !typed.with_value(|t| t.contains(&field)) {
                    f.set(field, stored.get(field).to_owned());
                }
            }
        });
    });
    let visible_errors = Memo::new(move |_| {
        shown.with(|shown| {
            errors.with(|all| {
                all.iter()
                    .filter(|e| shown.contains(&e.field))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    let error_for = move |field: ProfileField| {
        Signal::derive(move || {
            visible_errors.with(|es| {
                es.iter()
                    .find(|e| e.field == field)
                    .map(|e| e.message.clone())
            })
        })
    };

    let field = move |field: ProfileField,
                      hint: Option<&'static str>,
                      kind: &'static str,
                      multiline: bool,
                      autocomplete: Option<&'static str>| {
        let value = Signal::derive(move || form.with(|f| f.get(field).to_owned()));
        let on_input = Callback::new(move |text: String| {
            set_edited.set(true);
            typed.update_value(|t| {
                t.insert(field);
            });
            form.update(|f| f.set(field, text));
            check_and_store();
        });
        let on_commit = Callback::new(move |()| {
            shown.update(|s| {
                s.insert(field);
            });
        });
        view! {
            <TextField
                id=field.dom_id()
                label=field.label()
                value=value
                error=error_for(field)
                on_input=on_input
                on_commit=on_commit
                hint=hint
                input_type=kind
                multiline=multiline
                autocomplete=autocomplete
            />
        }
    };

    let saving = expect_context::<Saving>();
    let status = move || {
        let pending = errors.with(Vec::len);
        let showing = visible_errors.with(Vec::len);
        match (edited.get(), pending, showing) {
            (false, _, _) => "Changes are saved automatically as you type.".to_owned(),
            (true, 0, _) if saving.pending() => "Saving…".to_owned(),
            (true, 0, _) => match saving.status() {
                SaveState::Saved => "All changes saved.".to_owned(),
                SaveState::Failed { .. } | SaveState::ReadOnly(_) => {
                    "Not saved: see the message at the top.".to_owned()
                }
                SaveState::Idle => "Saving…".to_owned(),
            },
            (true, _, 0) => "Not saved yet: finish the field you are typing in.".to_owned(),
            (true, _, 1) => "Not saved: fix the field marked below.".to_owned(),
            (true, _, n) => format!("Not saved: fix the {n} fields marked below."),
        }
    };

    let summary = Signal::derive(move || {
        visible_errors.with(|es| {
            es.iter()
                .map(|e| {
                    (
                        e.field.dom_id(),
                        format!("{}: {}", e.field.label(), e.message),
                    )
                })
                .collect::<Vec<_>>()
        })
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        shown.set(ProfileField::ALL.into_iter().collect());
        check_and_store();
        if let Some(first) = errors.with(|es| es.first().map(|e| e.field)) {
            focus_element(&first.dom_id());
        }
    };

    view! {
        <PageHeading>"Your profile"</PageHeading>
        <p class="lead">
            "This heads every portfolio you share. Fill in what you like; every field is optional."
        </p>
        <p class="status save-status" role="status" aria-live="polite">
            {status}
        </p>
        <ErrorSummary id="profile-errors" heading="Some details need fixing before they are saved" items=summary />
        <form class="form" novalidate on:submit=submit>
            <fieldset>
                <legend>"About you"</legend>
                {field(ProfileField::Name, None, "text", false, Some("name"))}
                {field(ProfileField::Headline, Some("One line an employer reads first, e.g. “Economics student who turns messy data into clear answers”."), "text", false, None)}
                {field(ProfileField::School, None, "text", false, Some("organization"))}
                {field(ProfileField::Program, None, "text", false, None)}
                {field(ProfileField::Graduation, Some("Year and month, e.g. 2027-05."), "month", false, None)}
            </fieldset>
            <fieldset>
                <legend>"Contact and links"</legend>
                {field(ProfileField::Email, None, "email", false, Some("email"))}
                {field(ProfileField::PortfolioUrl, Some("A full link starting with https://"), "url", false, Some("url"))}
                {field(ProfileField::LinkedinUrl, None, "url", false, None)}
                {field(ProfileField::GithubUrl, None, "url", false, None)}
            </fieldset>
            <fieldset>
                <legend>"Goals"</legend>
                {field(ProfileField::LearningObjectives, Some("What you want to learn from your micro-internships. You will reflect on these in your portfolio."), "text", true, None)}
                {field(ProfileField::CareerAspirations, Some("The roles, fields or industries you are heading for."), "text", true, None)}
            </fieldset>
            <button type="submit" class="button primary">
                "Check and save"
            </button>
        </form>
    }
}
