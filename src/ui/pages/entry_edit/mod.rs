//! The portfolio entry form, for a new entry and for editing one. It is
//! checked as a whole on "Save"; nothing is stored while a field is
//! invalid. Skills are typed by name: names that match a skill (in any
//! case) use it, new names create the skill.

mod editable;
mod new_skills;
mod supervisor;

use new_skills::NewSkillCategories;
use supervisor::SupervisorPicker;

use crate::domain::application::Arrangement;
use crate::domain::portfolio::{
    DeliverableForm, EntryField, MilestoneForm, ObjectiveForm, Outcome, PaymentStatus, Visibility,
};
use crate::domain::record::Meta;
use crate::domain::{PortfolioEntry, RecordId};
use crate::routes::Route;
use crate::ui::field_ids::FieldId;
use crate::ui::form::RowList;
use crate::ui::form::{Input, RecordForm, RecordFormView};
use crate::ui::platform::{new_id, now};
use crate::ui::state::use_doc;
use crate::ui::widgets::PageHeading;
use leptos::prelude::*;

#[component]
pub fn EntryEditPage(
    /// `None` for a new entry.
    id: Option<RecordId>,
) -> impl IntoView {
    let doc = use_doc();
    match id {
        None => view! {
            <p class="breadcrumb"><a href=Route::Portfolio.href()>"← Portfolio"</a></p>
            <PageHeading>"New portfolio entry"</PageHeading>
            <EntryEditor base=PortfolioEntry::new(Meta::new(new_id(), now())) is_new=true />
        }
        .into_any(),
        Some(id) => match doc.with_untracked(|d| d.entry(id).cloned()) {
            Some(entry) => view! {
                <p class="breadcrumb"><a href=Route::Entry(entry.meta.id).href()>"← Back to the entry"</a></p>
                <PageHeading>{format!("Edit: {}", entry.title)}</PageHeading>
                <EntryEditor base=entry is_new=false />
            }
            .into_any(),
            None => view! {
                <PageHeading>"Entry not found"</PageHeading>
                <p><a class="button" href=Route::Portfolio.href()>"Back to the portfolio"</a></p>
            }
            .into_any(),
        },
    }
}

#[component]
fn EntryEditor(base: PortfolioEntry, is_new: bool) -> impl IntoView {
    let form = RecordForm::new(base, is_new);
    view! {
        <RecordFormView form=form>
            <datalist id="entry-sources">{crate::ui::branding::source_options}</datalist>
            <datalist id="entry-skill-names"><SkillNames /></datalist>
            <VisibilityChoice form=form />
            <WorkSection form=form />
            <DeliverySection form=form />
            <PaySection form=form />
            <FeedbackSection form=form />
            <LearningSection form=form />
        </RecordFormView>
    }
}

/// The entry form, as its sections take it.
pub type Form = RecordForm<PortfolioEntry>;

/// Choices of a select: (value, text).
fn options<T: Copy>(
    all: &[T],
    slug: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<(String, String)> {
    all.iter()
        .map(|&x| (slug(x).to_owned(), label(x).to_owned()))
        .collect()
}

/// The student's skills, then the deployment's suggestions.
#[component]
fn SkillNames() -> impl IntoView {
    let doc = use_doc();
    let suggested = crate::ui::branding::use_branding().config;
    move || {
        let mut names: Vec<String> =
            doc.with_untracked(|d| d.skills.iter().map(|s| s.name.clone()).collect());
        suggested.with(|c| {
            for s in &c.skills {
                if !names.iter().any(|n| n.eq_ignore_ascii_case(s)) {
                    names.push(s.clone());
                }
            }
        });
        names
            .into_iter()
            .map(|n| view! { <option value=n></option> })
            .collect_view()
    }
}

#[component]
fn VisibilityChoice(form: Form) -> impl IntoView {
    let radio = move |id: &'static str, value: Visibility, text: &'static str| {
        view! {
            <div class="check">
                <input type="radio" id=id name="visibility"
                    prop:checked=move || form.form.with(|f| f.visibility == value)
                    on:change=move |_| form.edit(|f| f.visibility = value) />
                <label for=id>{text}</label>
            </div>
        }
    };
    view! {
        <fieldset class="across">
            <legend>"Who shows it"</legend>
            <div class="radio-group" role="radiogroup" aria-label="Visibility">
                {radio("visibility-public", Visibility::Public, "Shown in shared and printed portfolios")}
                {radio("visibility-private", Visibility::Private, "Private: only for me")}
            </div>
        </fieldset>
    }
}

#[component]
fn WorkSection(form: Form) -> impl IntoView {
    let arrangements = std::iter::once((String::new(), "Not set".to_owned()))
        .chain(options(
            &Arrangement::ALL,
            Arrangement::slug,
            Arrangement::label,
        ))
        .collect();
    view! {
        <fieldset>
            <legend>"The work"</legend>
            {form.text(EntryField::Title, Input::TEXT.hint("What you did or delivered, e.g. “Market sizing deck for a fintech start-up”."))}
            {form.text(EntryField::Organization, Input::TEXT)}
            {form.text(EntryField::Role, Input::TEXT)}
            {form.text(EntryField::Source, Input::TEXT.list("entry-sources"))}
            <div class="field-row">
                {form.text(EntryField::StartDate, Input::of("date"))}
                {form.text(EntryField::EndDate, Input::of("date"))}
            </div>
            {form.select(EntryField::Arrangement, arrangements)}
        </fieldset>
    }
}

#[component]
fn DeliverySection(form: Form) -> impl IntoView {
    let deliverable = move |i: usize| {
        view! {
            {form.text(EntryField::DeliverableTitle(i), Input::TEXT)}
            {form.text(EntryField::DeliverableDescription(i), Input::AREA)}
            <div class="field-row">
                {form.text(EntryField::DeliverableLink(i), Input::of("url"))}
                {form.text(EntryField::DeliverableDate(i), Input::of("date"))}
            </div>
        }
    };
    let milestone = move |i: usize| {
        let done_id = format!("entry-milestone-{i}-done");
        view! {
            <div class="field-row">
                {form.text(EntryField::MilestoneTitle(i), Input::TEXT)}
                {form.text(EntryField::MilestoneDue(i), Input::of("date"))}
            </div>
            <div class="check">
                <input
                    type="checkbox"
                    id=done_id.clone()
                    prop:checked=move || form.form.with(|f| f.milestones.get(i).is_some_and(|m| m.done))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        form.edit(|f| f.milestones[i].done = on);
                    }
                />
                <label for=done_id>{format!("Milestone {} done", i + 1)}</label>
            </div>
        }
    };
    view! {
        <fieldset>
            <legend>"Deliverables and milestones"</legend>
            <p class="hint">"The deliverable is the final work product; milestones are its parts, delivered along the way."</p>
            <RowList
                noun="Deliverable"
                add_id="add-deliverable"
                count=Signal::derive(move || form.form.with(|f| f.deliverables.len()))
                row=deliverable
                first_field=|i| EntryField::DeliverableTitle(i).dom_id()
                on_add=Callback::new(move |()| form.edit(|f| f.deliverables.push(DeliverableForm::default())))
                on_remove=Callback::new(move |i| form.edit(|f| { f.deliverables.remove(i); }))
            />
            <RowList
                noun="Milestone"
                add_id="add-milestone"
                count=Signal::derive(move || form.form.with(|f| f.milestones.len()))
                row=milestone
                first_field=|i| EntryField::MilestoneTitle(i).dom_id()
                on_add=Callback::new(move |()| form.edit(|f| f.milestones.push(MilestoneForm::default())))
                on_remove=Callback::new(move |i| form.edit(|f| { f.milestones.remove(i); }))
            />
        </fieldset>
    }
}

#[component]
fn PaySection(form: Form) -> impl IntoView {
    view! {
        <fieldset>
            <legend>"Hours and pay"</legend>
            <div class="field-row">
                {form.text(EntryField::EstimatedHours, Input::TEXT.hint("As agreed up front."))}
                {form.text(EntryField::LoggedHours, Input::TEXT.hint("What it really took."))}
            </div>
            <div class="field-row">
                {form.text(EntryField::Fee, Input::TEXT)}
                {form.text(EntryField::Currency, Input::TEXT)}
            </div>
            {form.select(EntryField::Payment, options(&PaymentStatus::ALL, PaymentStatus::slug, PaymentStatus::label))}
        </fieldset>
    }
}

#[component]
fn FeedbackSection(form: Form) -> impl IntoView {
    let ratings = [
        ("", "No rating"),
        ("5", "5 – Excellent"),
        ("4", "4 – Very good"),
        ("3", "3 – Good"),
        ("2", "2 – Fair"),
        ("1", "1 – Poor"),
    ]
    .map(|(v, t)| (v.to_owned(), t.to_owned()))
    .to_vec();
    view! {
        <fieldset>
            <legend>"Supervisor and feedback"</legend>
            <SupervisorPicker form=form />
            {form.text(EntryField::FeedbackQuote, Input::AREA.hint("What your supervisor said about your work."))}
            <div class="field-row">
                {form.select(EntryField::FeedbackRating, ratings)}
                {form.text(EntryField::FeedbackDate, Input::of("date"))}
            </div>
            <div class="check">
                <input type="checkbox" id="entry-feedback-shareable"
                    prop:checked=move || form.form.with(|f| f.feedback_shareable)
                    on:change=move |ev| { let on = event_target_checked(&ev); form.edit(|f| f.feedback_shareable = on); } />
                <label for="entry-feedback-shareable">"My supervisor agreed that I may share this feedback"</label>
            </div>
        </fieldset>
    }
}

#[component]
fn LearningSection(form: Form) -> impl IntoView {
    let objective = move |i: usize| {
        let outcome_id = format!("entry-objective-{i}-outcome");
        view! {
            {form.text(EntryField::Objective(i), Input::TEXT)}
            <div class="field">
                <label for=outcome_id.clone()>{format!("Objective {} outcome", i + 1)}</label>
                <select
                    id=outcome_id
                    prop:value=move || form.form.with(|f| f.objectives.get(i).map(|o| o.outcome.clone()).unwrap_or_default())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        form.edit(|f| f.objectives[i].outcome = v);
                    }
                >
                    {Outcome::ALL.iter().map(|o| view! { <option value=o.slug()>{o.label()}</option> }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <fieldset>
            <legend>"Learning"</legend>
            <p class="hint">"State what you want to learn at the start; afterwards, say whether each objective was met."</p>
            <RowList
                noun="Objective"
                add_id="add-objective"
                add_text="Add an objective"
                count=Signal::derive(move || form.form.with(|f| f.objectives.len()))
                row=objective
                first_field=|i| EntryField::Objective(i).dom_id()
                on_add=Callback::new(move |()| form.edit(|f| f.objectives.push(ObjectiveForm { outcome: "not_yet".into(), ..Default::default() })))
                on_remove=Callback::new(move |i| form.edit(|f| { f.objectives.remove(i); }))
            />
            {form.text(EntryField::Reflection, Input::AREA.hint("What you learned, what you would do differently."))}
            {form.text(EntryField::Skills, Input::TEXT.hint("Separate with commas. A new name adds the skill to your inventory.").list("entry-skill-names"))}
            <NewSkillCategories form=form />
            {form.text(EntryField::Tags, Input::TEXT.hint("Separate with commas."))}
        </fieldset>
    }
}
