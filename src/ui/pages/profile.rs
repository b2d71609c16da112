//! Profile: the student's details, saved as they type.
//!
//! One save model, said once on the page: every keystroke stores each
//! typed field that is valid (saved by the app's save effect); a field
//! with a problem is not stored, keeps what was typed, and shows its error
//! once the student leaves the field (or at once if it already showed
//! one). That text is kept in the tab ([`ProfileDraft`]) while the student
//! visits other views, so it is in its field, with its error, on return;
//! the status line says "Not saved" while it is there. Leaving a field
//! shows what was kept (`linkedin.com/in/ada` becomes
//! `https://linkedin.com/in/ada`).
//!
//! Two tabs merge per field: storing takes only the fields typed here
//! (since they were last stored) over the stored profile, and a field
//! another tab changed shows its new value here unless it is being typed.

use crate::domain::profile::ProfileField;
use crate::domain::FieldError;
use crate::ui::field_ids::FieldId;
use crate::ui::form::{ErrorSummary, TextField};
use crate::ui::platform::now;
use crate::ui::saving::{SaveState, Saving};
use crate::ui::state::{use_doc, ProfileDraft};
use crate::ui::widgets::PageHeading;
use leptos::prelude::*;
use std::collections::HashSet;

#[component]
pub fn ProfilePage() -> impl IntoView {
    let doc = use_doc();
    let draft = expect_context::<ProfileDraft>().0;
    let stored = doc.with_untracked(|d| d.profile.to_form());
    // Text typed on an earlier visit that could not be saved comes back.
    let (start, start_typed) = match draft.get_untracked() {
        Some((text, fields)) => (text.overlay_on(&stored, fields.iter().copied()), fields),
        None => (stored.clone(), HashSet::new()),
    };
    let form = RwSignal::new(start);
    let errors = RwSignal::new(Vec::<FieldError<ProfileField>>::new());
    // Fields whose errors are on show: on return, those of the kept text.
    let shown = RwSignal::new(start_typed.clone());
    let (edited, set_edited) = signal(!start_typed.is_empty());
    // Fields typed here and not stored yet.
    let typed = StoredValue::new(start_typed);
    // The stored profile as this view last saw it.
    let seen = StoredValue::new(stored);

    // Stores every valid typed field; the rest stay typed, with errors.
    // `try_`: nothing here may outlive the view (issue 19, B).
    let check_and_store = move |store: bool| {
        let checked = doc
            .try_with_untracked(|d| {
                form.try_with_untracked(|f| {
                    typed.try_with_value(|t| f.parse_valid_fields(&d.profile, t, now()))
                })
            })
            .flatten()
            .flatten();
        let Some((profile, list)) = checked else {
            return;
        };
        let bad: HashSet<ProfileField> = list.iter().map(|e| e.field).collect();
        if let (true, Some(profile)) = (store, profile) {
            seen.set_value(profile.to_form());
            typed.update_value(|t| t.retain(|f| bad.contains(f)));
            doc.update(|d| {
                d.set_profile(profile, now());
            });
        }
        let kept = (!bad.is_empty())
            .then(|| Some((form.try_get_untracked()?, typed.try_get_value()?)))
            .flatten();
        draft.set(kept);
        errors.set(list);
    };
    if !shown.with_untracked(HashSet::is_empty) {
        check_and_store(false);
    }
    // Another tab's change (brought in by the save controller) shows here,
    // field by field, except in a field being typed.
    Effect::new(move |_| {
        let stored = doc.with(|d| d.profile.to_form());
        let Some(changed) = seen.try_with_value(|s| stored.differing(s)) else {
            return;
        };
        if changed.is_empty() {
            return;
        }
        seen.set_value(stored.clone());
        form.update(|f| {
            for field in changed {
                if !typed.try_with_value(|t| t.contains(&field)).unwrap_or(true) {
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
            check_and_store(true);
        });
        // Leaving a field shows its error, or what was kept of it.
        let on_commit = Callback::new(move |()| {
            shown.update(|s| {
                s.insert(field);
            });
            let saved = typed.try_with_value(|t| !t.contains(&field)) == Some(true);
            if let (true, Some(kept)) = (saved, seen.try_with_value(|s| s.get(field).to_owned())) {
                form.update(|f| f.set(field, kept));
            }
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
    // The state only; how saving works is said once, above the form.
    let status = move || {
        let pending = errors.with(Vec::len);
        let showing = visible_errors.with(Vec::len);
        let rest_saved = || {
            if saving.status() == SaveState::Saved && !saving.pending() {
                " Everything else is saved."
            } else {
                ""
            }
        };
        match (edited.get(), pending, showing) {
            (false, _, _) => String::new(),
            (true, 0, _) if saving.pending() => "Saving…".to_owned(),
            (true, 0, _) => match saving.status() {
                SaveState::Saved => "All changes saved.".to_owned(),
                SaveState::Failed { .. } | SaveState::ReadOnly(_) => {
                    "Not saved: see the message at the top.".to_owned()
                }
                SaveState::Idle => "Saving…".to_owned(),
            },
            (true, _, 0) => "Not saved yet: finish the field you are typing in.".to_owned(),
            (true, _, 1) => format!("Not saved: fix the field marked below.{}", rest_saved()),
            (true, _, n) => format!(
                "Not saved: fix the {n} fields marked below.{}",
                rest_saved()
            ),
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

    // There is nothing to submit: every keystroke saves.
    let submit = move |ev: leptos::ev::SubmitEvent| ev.prevent_default();

    view! {
        <PageHeading>"Your profile"</PageHeading>
        <p class="lead">
            "This heads every portfolio you share. Fill in what you like; every field is optional."
        </p>
        <p class="hint save-model">
            "Saved as you type. A field with a problem is not saved: it keeps what you typed, marked, until you fix it."
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
                {field(ProfileField::PortfolioUrl, Some("A link to your site, e.g. ada.example (https:// is added if you leave it out)."), "url", false, Some("url"))}
                {field(ProfileField::LinkedinUrl, None, "url", false, None)}
                {field(ProfileField::GithubUrl, None, "url", false, None)}
            </fieldset>
            <fieldset>
                <legend>"Goals"</legend>
                {field(ProfileField::LearningObjectives, Some("What you want to learn from your micro-internships. You will reflect on these in your portfolio."), "text", true, None)}
                {field(ProfileField::CareerAspirations, Some("The roles, fields or industries you are heading for."), "text", true, None)}
            </fieldset>
        </form>
    }
}
