//! How a portfolio entry is found, shown in the form, parsed and stored
//! (skills by name, new names becoming skills with their categories).

use crate::domain::portfolio::{DeliverableForm, EntryField, ParsedEntry};
use crate::domain::{Document, EntryForm, FieldError, PortfolioEntry, RecordId};
use crate::routes::Route;
use crate::ui::form::Editable;
use crate::ui::platform::new_id;
use chrono::{DateTime, Utc};

impl Editable for PortfolioEntry {
    type Field = EntryField;
    type Form = EntryForm;
    type Parsed = ParsedEntry;
    const ERRORS_ID: &'static str = "entry-errors";
    const SUBMIT: (&'static str, &'static str) = ("Add entry", "Save entry");

    fn find(doc: &Document, id: RecordId) -> Option<&Self> {
        doc.entry(id)
    }
    /// Skills are shown by name.
    fn to_form(&self, doc: &Document) -> EntryForm {
        PortfolioEntry::to_form(self, |sid| doc.skill(sid).map(|s| s.name.clone()))
    }
    fn parse(
        _: &Document,
        form: &EntryForm,
        base: &Self,
        _: DateTime<Utc>,
    ) -> Result<ParsedEntry, Vec<FieldError<EntryField>>> {
        form.parse(base)
    }
    /// New skill names become skills.
    fn store(doc: &mut Document, parsed: ParsedEntry, now: DateTime<Utc>) -> String {
        let title = parsed.entry.title.clone();
        doc.save_entry(parsed, now, new_id);
        title
    }
    fn get(form: &EntryForm, field: EntryField) -> String {
        use EntryField as F;
        let row = |list: &[DeliverableForm], i: usize, pick: fn(&DeliverableForm) -> &String| {
            list.get(i).map(|d| pick(d).clone()).unwrap_or_default()
        };
        match field {
            F::DeliverableTitle(i) => row(&form.deliverables, i, |d| &d.title),
            F::DeliverableDescription(i) => row(&form.deliverables, i, |d| &d.description),
            F::DeliverableLink(i) => row(&form.deliverables, i, |d| &d.link),
            F::DeliverableDate(i) => row(&form.deliverables, i, |d| &d.date),
            F::MilestoneTitle(i) => form
                .milestones
                .get(i)
                .map(|m| m.title.clone())
                .unwrap_or_default(),
            F::MilestoneDue(i) => form
                .milestones
                .get(i)
                .map(|m| m.due.clone())
                .unwrap_or_default(),
            F::Objective(i) => form
                .objectives
                .get(i)
                .map(|o| o.text.clone())
                .unwrap_or_default(),
            simple => form.get(simple).to_owned(),
        }
    }
    fn set(form: &mut EntryForm, field: EntryField, value: String) {
        use EntryField as F;
        match field {
            F::DeliverableTitle(i) => form.deliverables.get_mut(i).map(|d| d.title = value),
            F::DeliverableDescription(i) => {
                form.deliverables.get_mut(i).map(|d| d.description = value)
            }
            F::DeliverableLink(i) => form.deliverables.get_mut(i).map(|d| d.link = value),
            F::DeliverableDate(i) => form.deliverables.get_mut(i).map(|d| d.date = value),
            F::MilestoneTitle(i) => form.milestones.get_mut(i).map(|m| m.title = value),
            F::MilestoneDue(i) => form.milestones.get_mut(i).map(|m| m.due = value),
            F::Objective(i) => form.objectives.get_mut(i).map(|o| o.text = value),
            simple => {
                form.set(simple, value);
                None
            }
        };
    }
    /// An entry is read on its page, new or edited.
    fn after_save(id: RecordId, _: bool) -> Option<Route> {
        Some(Route::Entry(id))
    }
    fn route(id: RecordId) -> Route {
        Route::Entry(id)
    }
    fn cancel(id: RecordId, is_new: bool) -> (Route, &'static str) {
        let to = if is_new {
            Route::Portfolio
        } else {
            Route::Entry(id)
        };
        (to, "Cancel")
    }
}
