//! The one way to edit a record: [`RecordForm`] owns the form's text, its
//! field errors, the stale guard, the status line and submit, for any
//! record kind that says how it is found, parsed and stored
//! ([`Editable`]). [`RecordFormView`] lays it out: error summary, stale
//! warning, the fields, Save and Cancel, the status. Beside it, the
//! widgets every form uses: fields, the error summary, repeated rows and
//! the Delete section.
//!
//! - Nothing is stored while a field is invalid: Save shows every error
//!   (summary first, focused), and from then on errors follow typing.
//! - After a save that stays on the page, the fields show what was kept.
//! - A record changed in another tab since the form opened is not
//!   overwritten without a second Save ([`StaleGuard`]).
//! - Typed text is never lost by leaving: it is kept as a draft
//!   ([`Drafts`]) until saved or discarded, and comes back with a notice.

pub mod delete_record;
pub mod drafts;
pub mod error_summary;
pub mod errors;
pub mod input;
pub mod read_first;
pub mod row_list;
pub mod select_field;
pub mod stale_guard;
pub mod text_field;
mod view;

pub use delete_record::DeleteRecord;
pub use drafts::Drafts;
pub use error_summary::ErrorSummary;
pub use errors::FormErrors;
pub use input::Input;
pub use read_first::ReadFirst;
pub use row_list::RowList;
pub use select_field::SelectField;
pub use stale_guard::{StaleGuard, StaleWarning};
pub use text_field::TextField;
pub use view::RecordFormView;

use crate::domain::merge::Record;
use crate::domain::{Document, FieldError, RecordId};
use crate::routes::Route;
use crate::ui::field_ids::FieldId;
use crate::ui::platform::{focus_later, go, now};
use crate::ui::shell::Toaster;
use crate::ui::state::use_doc;
use chrono::{DateTime, Utc};
use leptos::prelude::*;

/// A record kind edited through a [`RecordForm`].
pub trait Editable: Record + Send + Sync + 'static {
    /// Names a field (for errors, ids and labels).
    type Field: FieldId + PartialEq + Send + Sync + 'static;
    /// The form's text, as typed.
    type Form: Clone + PartialEq + Send + Sync + 'static;
    /// What a valid form gives, ready to store.
    type Parsed: Send + Sync + 'static;
    /// The error summary's element id.
    const ERRORS_ID: &'static str;
    /// The Save button's text for a new record and for an edit.
    const SUBMIT: (&'static str, &'static str);

    fn find(doc: &Document, id: RecordId) -> Option<&Self>;
    fn to_form(&self, doc: &Document) -> Self::Form;
    fn parse(
        doc: &Document,
        form: &Self::Form,
        base: &Self,
        now: DateTime<Utc>,
    ) -> Result<Self::Parsed, Vec<FieldError<Self::Field>>>;
    /// Stores it; returns its name for the toast.
    fn store(doc: &mut Document, parsed: Self::Parsed, now: DateTime<Utc>) -> String;
    /// A plain text field's value and its change (list rows have their
    /// own, see [`RecordForm::text_with`]).
    fn get(form: &Self::Form, field: Self::Field) -> String;
    fn set(form: &mut Self::Form, field: Self::Field, value: String);
    /// Where to go after a save (`None`: stay and say "Changes saved.").
    fn after_save(id: RecordId, is_new: bool) -> Option<Route> {
        is_new.then(|| Self::route(id))
    }
    /// The record's own page.
    fn route(id: RecordId) -> Route;
    /// The Cancel link: where, and its text.
    fn cancel(id: RecordId, is_new: bool) -> (Route, &'static str);
}

/// One record's form. Copy: hand it to every field.
pub struct RecordForm<R: Editable> {
    pub form: RwSignal<R::Form>,
    /// The form as stored (a draft is what differs from it).
    saved: StoredValue<R::Form>,
    drafts: Drafts,
    /// A draft from before was brought back.
    restored: RwSignal<bool>,
    errors: FormErrors<R::Field>,
    guard: StaleGuard,
    base: StoredValue<R>,
    status: RwSignal<String>,
    doc: RwSignal<Document>,
    is_new: bool,
    /// Read-first pages: closes the editor, back to the record's summary
    /// (after a save that stays on the page, and on Cancel).
    close: StoredValue<Option<Callback<()>>>,
}

impl<R: Editable> Clone for RecordForm<R> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<R: Editable> Copy for RecordForm<R> {}

impl<R: Editable> RecordForm<R> {
    /// A form for `base` (a new record when `is_new`).
    pub fn new(base: R, is_new: bool) -> Self {
        let doc = use_doc();
        let saved = doc.with_untracked(|d| base.to_form(d));
        let drafts = expect_context::<Drafts>();
        let draft = drafts.get::<R::Form>(Self::key_of(&base, is_new));
        Self {
            restored: RwSignal::new(draft.is_some()),
            form: RwSignal::new(draft.unwrap_or_else(|| saved.clone())),
            saved: StoredValue::new(saved),
            drafts,
            errors: FormErrors::new(),
            guard: StaleGuard::new((!is_new).then_some(base.meta().updated)),
            base: StoredValue::new(base),
            status: RwSignal::new(String::new()),
            doc,
            is_new,
            close: StoredValue::new(None),
        }
    }

    /// An editor opened from the record's summary: Save and Cancel close it
    /// (`close`) instead of leaving the page.
    pub fn closing_with(self, close: Callback<()>) -> Self {
        self.close.set_value(Some(close));
        self
    }

    /// Whether a draft of `record`'s form is kept (a read-first page opens
    /// straight in its editor then, so the typed text is in view).
    pub fn has_draft(record: &R) -> bool {
        let drafts = expect_context::<Drafts>();
        drafts.get::<R::Form>(Self::key_of(record, false)).is_some()
    }

    pub fn id(self) -> RecordId {
        self.base.with_value(|b| b.meta().id)
    }

    pub fn is_new(self) -> bool {
        self.is_new
    }

    fn key_of(base: &R, is_new: bool) -> drafts::DraftKey {
        (R::ERRORS_ID, (!is_new).then(|| base.meta().id))
    }

    fn key(self) -> drafts::DraftKey {
        self.base.with_value(|b| Self::key_of(b, self.is_new))
    }

    /// Keeps the form as a draft while it differs from what is stored.
    fn keep_draft(self) {
        let changed = self
            .form
            .with_untracked(|f| self.saved.with_value(|s| f != s));
        if changed {
            self.drafts.keep(self.key(), self.form.get_untracked());
        } else {
            self.drafts.forget(self.key());
        }
    }

    /// Back to what is stored: the draft is gone.
    fn discard(self) {
        self.form.set(self.saved.get_value());
        self.drafts.forget(self.key());
        self.restored.set(false);
        self.errors.refresh(|| self.check());
    }

    /// The form checked against the latest stored version (another part
    /// of the page may have changed the record since it opened).
    fn check(self) -> Result<R::Parsed, Vec<FieldError<R::Field>>> {
        let id = self.id();
        self.doc.with_untracked(|d| {
            let current = R::find(d, id)
                .cloned()
                .unwrap_or_else(|| self.base.get_value());
            self.form
                .with_untracked(|f| R::parse(d, f, &current, now()))
        })
    }

    /// Changes the form (every input goes through here).
    pub fn edit(self, change: impl FnOnce(&mut R::Form)) {
        self.form.update(change);
        self.status.set(String::new());
        self.errors.refresh(|| self.check());
        self.keep_draft();
    }

    pub fn error(self, field: R::Field) -> Signal<Option<String>> {
        self.errors.message(field)
    }

    /// A labelled text field for `field`.
    pub fn text(self, field: R::Field, input: Input) -> impl IntoView {
        self.text_with(
            field,
            input,
            move |f| R::get(f, field),
            move |f, v| R::set(f, field, v),
        )
    }

    /// A text field whose value lives elsewhere in the form (a list row).
    pub fn text_with(
        self,
        field: R::Field,
        input: Input,
        get: impl Fn(&R::Form) -> String + Send + Sync + 'static,
        set: impl Fn(&mut R::Form, String) + Copy + Send + Sync + 'static,
    ) -> impl IntoView {
        let (id, label) = (field.dom_id(), FieldId::label(field));
        view! {
            <TextField
                id=id
                label=label
                value=Signal::derive(move || self.form.with(&get))
                error=self.error(field)
                on_input=Callback::new(move |v: String| self.edit(|f| set(f, v)))
                hint=input.hint
                input_type=input.kind.unwrap_or("text")
                multiline=input.multiline
                list=input.list
            />
        }
    }

    /// A labelled `<select>` for `field`.
    pub fn select(self, field: R::Field, options: Vec<(String, String)>) -> impl IntoView {
        let (id, label) = (field.dom_id(), FieldId::label(field));
        view! {
            <SelectField
                id=id
                label=label
                options=options
                value=Signal::derive(move || self.form.with(|f| R::get(f, field)))
                on_change=Callback::new(move |v: String| self.edit(|f| R::set(f, field, v)))
                error=self.error(field)
            />
        }
    }

    /// Save: checks, guards against another tab's change, stores.
    fn submit(self) {
        let id = self.id();
        let toaster = expect_context::<Toaster>();
        let updated = move || {
            self.doc
                .with_untracked(|d| R::find(d, id).map(|r| r.meta().updated))
        };
        match self.errors.on_save(self.check()) {
            None => {
                self.status
                    .set("Not saved: fix the fields listed above.".into());
                focus_later(R::ERRORS_ID);
            }
            Some(_) if !self.guard.allow(updated()) => {}
            Some(parsed) => {
                let Some(name) = self.doc.try_update(|d| R::store(d, parsed, now())) else {
                    return;
                };
                if let Some(updated) = updated() {
                    self.guard.saved(updated);
                }
                self.saved.set_value(self.form.get_untracked());
                self.drafts.forget(self.key());
                self.restored.set(false);
                match R::after_save(id, self.is_new) {
                    None => {
                        // The fields show what was kept (a link typed
                        // without https:// now has it).
                        let kept = self
                            .doc
                            .with_untracked(|d| R::find(d, id).map(|r| r.to_form(d)));
                        if let Some(kept) = kept {
                            // What is stored now: a draft is what differs.
                            self.saved.set_value(kept.clone());
                            self.form.set(kept);
                        }
                        match self.close.get_value() {
                            Some(close) => {
                                close.run(());
                                toaster.show(format!("Saved {name}."), None);
                            }
                            None => self.status.set("Changes saved.".into()),
                        }
                    }
                    Some(route) => {
                        go(&route);
                        let verb = if self.is_new { "Added" } else { "Saved" };
                        toaster.show(format!("{verb} {name}."), None);
                    }
                }
            }
        }
    }
}
