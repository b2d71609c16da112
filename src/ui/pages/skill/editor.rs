//! The skill form (new and edit): name unique in any case, category,
//! level and target, notes, evidence links; and how a skill is found,
//! parsed and stored.

use crate::domain::skill::{SkillCategory, SkillField, SkillForm, LEVELS};
use crate::domain::{Document, FieldError, RecordId, Skill};
use crate::routes::Route;
use crate::ui::field_ids::FieldId;
use crate::ui::form::{Editable, Input, RecordForm, RecordFormView, RowList};
use crate::ui::state::use_doc;
use chrono::{DateTime, Utc};
use leptos::prelude::*;

impl Editable for Skill {
    type Field = SkillField;
    type Form = SkillForm;
    type Parsed = Skill;
    const ERRORS_ID: &'static str = "skill-errors";
    const SUBMIT: (&'static str, &'static str) = ("Add skill", "Save changes");

    fn find(doc: &Document, id: RecordId) -> Option<&Self> {
        doc.skill(id)
    }
    fn to_form(&self, _: &Document) -> SkillForm {
        Skill::to_form(self)
    }
    /// Against the other skills: names are unique in any case.
    fn parse(
        doc: &Document,
        form: &SkillForm,
        base: &Self,
        now: DateTime<Utc>,
    ) -> Result<Skill, Vec<FieldError<SkillField>>> {
        form.parse(base, &doc.skills, now)
    }
    fn store(doc: &mut Document, skill: Skill, now: DateTime<Utc>) -> String {
        let name = skill.name.clone();
        doc.upsert_skill(skill, now);
        name
    }
    fn get(form: &SkillForm, field: SkillField) -> String {
        match field {
            SkillField::Name => form.name.clone(),
            SkillField::Category => form.category.clone(),
            SkillField::Level => form.level.clone(),
            SkillField::Target => form.target.clone(),
            SkillField::Notes => form.notes.clone(),
            SkillField::EvidenceTitle(i) => form
                .evidence
                .get(i)
                .map(|e| e.0.clone())
                .unwrap_or_default(),
            SkillField::EvidenceUrl(i) => form
                .evidence
                .get(i)
                .map(|e| e.1.clone())
                .unwrap_or_default(),
        }
    }
    fn set(form: &mut SkillForm, field: SkillField, value: String) {
        match field {
            SkillField::Name => form.name = value,
            SkillField::Category => form.category = value,
            SkillField::Level => form.level = value,
            SkillField::Target => form.target = value,
            SkillField::Notes => form.notes = value,
            SkillField::EvidenceTitle(i) => {
                if let Some(e) = form.evidence.get_mut(i) {
                    e.0 = value;
                }
            }
            SkillField::EvidenceUrl(i) => {
                if let Some(e) = form.evidence.get_mut(i) {
                    e.1 = value;
                }
            }
        }
    }
    fn route(id: RecordId) -> Route {
        Route::Skill(id)
    }
    fn cancel(_: RecordId, _: bool) -> (Route, &'static str) {
        (Route::Skills, "Cancel")
    }
}

#[component]
pub fn SkillEditor(
    base: Skill,
    is_new: bool,
    /// Opened from the page's summary: Save and Cancel close it.
    close: Option<Callback<()>>,
) -> impl IntoView {
    let doc = use_doc();
    let form = RecordForm::new(base, is_new);
    let form = match close {
        Some(close) => form.closing_with(close),
        None => form,
    };
    // The deployment's suggested skills (config.json) that the student
    // does not have yet.
    let suggested = crate::ui::branding::use_branding().config;
    let suggestions = move || {
        let have: std::collections::BTreeSet<String> = doc.with_untracked(|d| {
            d.skills
                .iter()
                .map(|s| s.name.to_ascii_lowercase())
                .collect()
        });
        suggested
            .with(|c| c.skills.clone())
            .into_iter()
            .filter(|name| !have.contains(&name.to_ascii_lowercase()))
            .map(|name| view! { <option value=name></option> })
            .collect_view()
    };
    let level_options = |none: &str| {
        std::iter::once((String::new(), none.to_owned()))
            .chain(
                LEVELS
                    .iter()
                    .map(|(l, name, what)| (l.to_string(), format!("{l} – {name}: {what}"))),
            )
            .collect::<Vec<_>>()
    };
    let categories = SkillCategory::ALL
        .iter()
        .map(|c| (c.slug().to_owned(), c.label().to_owned()))
        .collect::<Vec<_>>();
    let evidence_row = move |i: usize| {
        view! {
            {form.text(SkillField::EvidenceTitle(i), Input::TEXT)}
            {form.text(SkillField::EvidenceUrl(i), Input::of("url"))}
        }
    };
    view! {
        <RecordFormView form=form>
            <datalist id="suggested-skills">{suggestions}</datalist>
            <fieldset>
                <legend>"The skill"</legend>
                {form.text(SkillField::Name, Input::TEXT.list("suggested-skills"))}
                {form.select(SkillField::Category, categories)}
                {form.select(SkillField::Level, level_options("Not rated yet"))}
                {form.select(SkillField::Target, level_options("No target"))}
                {form.text(SkillField::Notes, Input::AREA)}
            </fieldset>
            <fieldset>
                <legend>"Evidence links"</legend>
                <p class="hint">"Portfolio entries that list this skill count by themselves. Add links for anything else: a certificate, a course, a project."</p>
                <RowList
                    noun="Evidence"
                    add_id="add-evidence"
                    add_text="Add an evidence link"
                    count=Signal::derive(move || form.form.with(|f| f.evidence.len()))
                    row=evidence_row
                    first_field=|i| SkillField::EvidenceTitle(i).dom_id()
                    on_add=Callback::new(move |()| form.edit(|f| f.evidence.push(Default::default())))
                    on_remove=Callback::new(move |i| form.edit(|f| { f.evidence.remove(i); }))
                />
            </fieldset>
        </RecordFormView>
    }
}
