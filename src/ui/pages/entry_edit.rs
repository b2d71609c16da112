//! The portfolio entry form, for a new entry and for editing one. It is
//! checked as a whole on "Save"; nothing is stored while a field is
//! invalid. Skills are typed by name: names that match a skill (in any
//! case) use it, new names create the skill.

use super::PageHeading;
use crate::domain::application::Arrangement;
use crate::domain::portfolio::{
    DeliverableForm, EntryField, MilestoneForm, ObjectiveForm, Outcome, PaymentStatus, Visibility,
};
use crate::domain::record::Meta;
use crate::domain::{EntryForm, PortfolioEntry, RecordId};
use crate::routes::Route;
use crate::ui::components::{
    ErrorSummary, SelectField, StaleGuard, StaleWarning, TextField, Toaster,
};
use crate::ui::field_ids::FieldId;
use crate::ui::form_errors::FormErrors;
use crate::ui::platform::{focus_later, go, new_id, now};
use crate::ui::state::use_doc;
use leptos::prelude::*;

#[component]
pub fn EntryEditPage(
    /// `None` for a new entry.
    id: Option<String>,
) -> impl IntoView {
    let doc = use_doc();
    match id {
        None => view! {
            <p class="breadcrumb"><a href="#/portfolio">"← Portfolio"</a></p>
            <PageHeading>"New portfolio entry"</PageHeading>
            <EntryEditor base=PortfolioEntry::new(Meta::new(new_id(), now())) is_new=true />
        }
        .into_any(),
        Some(text) => match RecordId::parse(&text).and_then(|id| doc.with_untracked(|d| d.entry(id).cloned())) {
            Some(entry) => view! {
                <p class="breadcrumb"><a href=Route::Entry(entry.meta.id.to_string()).href()>"← Back to the entry"</a></p>
                <PageHeading>{format!("Edit: {}", entry.title)}</PageHeading>
                <EntryEditor base=entry is_new=false />
            }
            .into_any(),
            None => view! {
                <PageHeading>"Entry not found"</PageHeading>
                <p><a class="button" href="#/portfolio">"Back to the portfolio"</a></p>
            }
            .into_any(),
        },
    }
}

#[component]
fn EntryEditor(base: PortfolioEntry, is_new: bool) -> impl IntoView {
    let doc = use_doc();
    let toaster = expect_context::<Toaster>();
    let id = base.meta.id;
    let guard = StaleGuard::new((!is_new).then_some(base.meta.updated));
    let base = StoredValue::new(base);
    let form = RwSignal::new(doc.with_untracked(|d| {
        base.with_value(|b| b.to_form(|sid| d.skill(sid).map(|s| s.name.clone())))
    }));
    let errors = FormErrors::<EntryField>::new();
    let current_base = move || {
        doc.with_untracked(|d| d.entry(id).cloned())
            .unwrap_or_else(|| base.get_value())
    };
    let recheck = move || errors.refresh(|| form.with_untracked(|f| f.parse(&current_base())));
    let edit = move |change: Box<dyn FnOnce(&mut EntryForm)>| {
        form.update(|f| change(f));
        recheck();
    };
    let error_for = move |field: EntryField| errors.message(field);
    let simple = move |field: EntryField,
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
                on_input=Callback::new(move |v: String| edit(Box::new(move |f| f.set(field, v))))
                on_commit=Callback::new(move |()| ())
                hint=hint
                input_type=kind
                multiline=multiline
                list=list
            />
        }
    };
    // A text field inside a list row.
    let row_field = move |field: EntryField,
                          kind: &'static str,
                          multiline: bool,
                          get: fn(&EntryForm, usize) -> String,
                          set: fn(&mut EntryForm, usize, String),
                          index: usize| {
        view! {
            <TextField
                id=field.dom_id()
                label=field.label()
                value=Signal::derive(move || form.with(|f| get(f, index)))
                error=error_for(field)
                on_input=Callback::new(move |v: String| edit(Box::new(move |f| set(f, index, v))))
                on_commit=Callback::new(move |()| ())
                input_type=kind
                multiline=multiline
            />
        }
    };

    let deliverables = move || {
        let n = form.with(|f| f.deliverables.len());
        (0..n)
            .map(|i| {
                view! {
                    <fieldset class="row-group">
                        <legend>{format!("Deliverable {}", i + 1)}</legend>
                        {row_field(EntryField::DeliverableTitle(i), "text", false, |f, i| f.deliverables[i].title.clone(), |f, i, v| f.deliverables[i].title = v, i)}
                        {row_field(EntryField::DeliverableDescription(i), "text", true, |f, i| f.deliverables[i].description.clone(), |f, i, v| f.deliverables[i].description = v, i)}
                        <div class="field-row">
                            {row_field(EntryField::DeliverableLink(i), "url", false, |f, i| f.deliverables[i].link.clone(), |f, i, v| f.deliverables[i].link = v, i)}
                            {row_field(EntryField::DeliverableDate(i), "date", false, |f, i| f.deliverables[i].date.clone(), |f, i, v| f.deliverables[i].date = v, i)}
                        </div>
                        <button
                            type="button"
                            class="button small"
                            on:click=move |_| {
                                edit(Box::new(move |f| { f.deliverables.remove(i); }));
                                focus_later("add-deliverable");
                            }
                        >
                            {format!("Remove deliverable {}", i + 1)}
                        </button>
                    </fieldset>
                }
            })
            .collect_view()
    };
    let milestones = move || {
        let n = form.with(|f| f.milestones.len());
        (0..n)
            .map(|i| {
                let done_id = format!("entry-milestone-{i}-done");
                view! {
                    <fieldset class="row-group">
                        <legend>{format!("Milestone {}", i + 1)}</legend>
                        <div class="field-row">
                            {row_field(EntryField::MilestoneTitle(i), "text", false, |f, i| f.milestones[i].title.clone(), |f, i, v| f.milestones[i].title = v, i)}
                            {row_field(EntryField::MilestoneDue(i), "date", false, |f, i| f.milestones[i].due.clone(), |f, i, v| f.milestones[i].due = v, i)}
                        </div>
                        <div class="check">
                            <input
                                type="checkbox"
                                id=done_id.clone()
                                prop:checked=move || form.with(|f| f.milestones.get(i).is_some_and(|m| m.done))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    edit(Box::new(move |f| f.milestones[i].done = on));
                                }
                            />
                            <label for=done_id>{format!("Milestone {} done", i + 1)}</label>
                        </div>
                        <button
                            type="button"
                            class="button small"
                            on:click=move |_| {
                                edit(Box::new(move |f| { f.milestones.remove(i); }));
                                focus_later("add-milestone");
                            }
                        >
                            {format!("Remove milestone {}", i + 1)}
                        </button>
                    </fieldset>
                }
            })
            .collect_view()
    };
    let objectives = move || {
        let n = form.with(|f| f.objectives.len());
        (0..n)
            .map(|i| {
                let outcome_id = format!("entry-objective-{i}-outcome");
                view! {
                    <fieldset class="row-group">
                        <legend>{format!("Objective {}", i + 1)}</legend>
                        {row_field(EntryField::Objective(i), "text", false, |f, i| f.objectives[i].text.clone(), |f, i, v| f.objectives[i].text = v, i)}
                        <div class="field">
                            <label for=outcome_id.clone()>{format!("Objective {} outcome", i + 1)}</label>
                            <select
                                id=outcome_id
                                prop:value=move || form.with(|f| f.objectives.get(i).map(|o| o.outcome.clone()).unwrap_or_default())
                                on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    edit(Box::new(move |f| f.objectives[i].outcome = v));
                                }
                            >
                                {Outcome::ALL.iter().map(|o| view! { <option value=o.slug()>{o.label()}</option> }).collect_view()}
                            </select>
                        </div>
                        <button
                            type="button"
                            class="button small"
                            on:click=move |_| {
                                edit(Box::new(move |f| { f.objectives.remove(i); }));
                                focus_later("add-objective");
                            }
                        >
                            {format!("Remove objective {}", i + 1)}
                        </button>
                    </fieldset>
                }
            })
            .collect_view()
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match errors.on_save(form.with_untracked(|f| f.parse(&current_base()))) {
            None => focus_later("entry-errors"),
            Some(_)
                if !guard.allow(doc.with_untracked(|d| d.entry(id).map(|e| e.meta.updated))) => {}
            Some(parsed) => {
                let title = parsed.entry.title.clone();
                doc.update(|d| d.save_entry(parsed, now(), new_id));
                go(Route::Entry(id.to_string()).href().as_str());
                toaster.show(
                    if is_new {
                        format!("Added {title}.")
                    } else {
                        format!("Saved {title}.")
                    },
                    None,
                );
            }
        }
    };
    let summary = errors.summary(|f| (f.dom_id(), f.label()));

    let arrangement_options = std::iter::once((String::new(), "Not set".to_owned()))
        .chain(
            Arrangement::ALL
                .iter()
                .map(|a| (a.slug().to_owned(), a.label().to_owned())),
        )
        .collect::<Vec<_>>();
    let payment_options = PaymentStatus::ALL
        .iter()
        .map(|p| (p.slug().to_owned(), p.label().to_owned()))
        .collect::<Vec<_>>();
    let contact_options = doc.with_untracked(|d| {
        std::iter::once((String::new(), "None".to_owned()))
            .chain(d.contacts.iter().map(|c| {
                (
                    c.meta.id.to_string(),
                    format!("{} ({})", c.name, c.kind.label()),
                )
            }))
            .collect::<Vec<_>>()
    });
    // The student's skills, then the deployment's suggestions.
    let suggested = crate::ui::branding::use_branding().config;
    let skill_names = move || {
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
    };
    let sources = crate::ui::branding::source_options;
    let select_simple = move |field: EntryField, options: Vec<(String, String)>| {
        view! {
            <SelectField
                id=field.dom_id()
                label=field.label()
                options=options
                value=Signal::derive(move || form.with(|f| f.get(field).to_owned()))
                on_change=Callback::new(move |v: String| edit(Box::new(move |f| f.set(field, v))))
                error=error_for(field)
            />
        }
    };

    view! {
        <ErrorSummary id="entry-errors" heading="Some details need fixing before this is saved" items=summary />
        <StaleWarning guard=guard />
        <form class="form" novalidate on:submit=submit>
            <datalist id="entry-sources">{sources}</datalist>
            <datalist id="entry-skill-names">{skill_names}</datalist>
            <fieldset>
                <legend>"Who shows it"</legend>
                <div class="radio-group" role="radiogroup" aria-label="Visibility">
                    <div class="check">
                        <input type="radio" id="visibility-public" name="visibility"
                            prop:checked=move || form.with(|f| f.visibility == Visibility::Public)
                            on:change=move |_| edit(Box::new(|f| f.visibility = Visibility::Public)) />
                        <label for="visibility-public">"Shown in shared and printed portfolios"</label>
                    </div>
                    <div class="check">
                        <input type="radio" id="visibility-private" name="visibility"
                            prop:checked=move || form.with(|f| f.visibility == Visibility::Private)
                            on:change=move |_| edit(Box::new(|f| f.visibility = Visibility::Private)) />
                        <label for="visibility-private">"Private: only for me"</label>
                    </div>
                </div>
            </fieldset>
            <fieldset>
                <legend>"The work"</legend>
                {simple(EntryField::Title, "text", Some("What you did or delivered, e.g. “Market sizing deck for a fintech start-up”."), false, None)}
                {simple(EntryField::Organization, "text", None, false, None)}
                {simple(EntryField::Role, "text", None, false, None)}
                {simple(EntryField::Source, "text", None, false, Some("entry-sources"))}
                <div class="field-row">
                    {simple(EntryField::StartDate, "date", None, false, None)}
                    {simple(EntryField::EndDate, "date", None, false, None)}
                </div>
                {select_simple(EntryField::Arrangement, arrangement_options)}
            </fieldset>
            <fieldset>
                <legend>"Deliverables and milestones"</legend>
                <p class="hint">"The deliverable is the final work product; milestones are its parts, delivered along the way."</p>
                {deliverables}
                <button type="button" class="button" id="add-deliverable"
                    on:click=move |_| {
                        let n = form.with_untracked(|f| f.deliverables.len());
                        edit(Box::new(|f| f.deliverables.push(DeliverableForm::default())));
                        focus_later(EntryField::DeliverableTitle(n).dom_id());
                    }>"Add a deliverable"</button>
                {milestones}
                <button type="button" class="button" id="add-milestone"
                    on:click=move |_| {
                        let n = form.with_untracked(|f| f.milestones.len());
                        edit(Box::new(|f| f.milestones.push(MilestoneForm::default())));
                        focus_later(EntryField::MilestoneTitle(n).dom_id());
                    }>"Add a milestone"</button>
            </fieldset>
            <fieldset>
                <legend>"Hours and pay"</legend>
                <div class="field-row">
                    {simple(EntryField::EstimatedHours, "text", Some("As agreed up front."), false, None)}
                    {simple(EntryField::LoggedHours, "text", Some("What it really took."), false, None)}
                </div>
                <div class="field-row">
                    {simple(EntryField::Fee, "text", None, false, None)}
                    {simple(EntryField::Currency, "text", None, false, None)}
                </div>
                {select_simple(EntryField::Payment, payment_options)}
            </fieldset>
            <fieldset>
                <legend>"Supervisor and feedback"</legend>
                <SelectField
                    id="entry-supervisor"
                    label="Supervisor"
                    options=contact_options
                    value=Signal::derive(move || form.with(|f| f.supervisor.map(|s| s.to_string()).unwrap_or_default()))
                    on_change=Callback::new(move |v: String| edit(Box::new(move |f| f.supervisor = RecordId::parse(&v))))
                />
                {simple(EntryField::FeedbackQuote, "text", Some("What your supervisor said about your work."), true, None)}
                <div class="field-row">
                    {select_simple(EntryField::FeedbackRating, vec![("".into(), "No rating".into()), ("5".into(), "5 – Excellent".into()), ("4".into(), "4 – Very good".into()), ("3".into(), "3 – Good".into()), ("2".into(), "2 – Fair".into()), ("1".into(), "1 – Poor".into())])}
                    {simple(EntryField::FeedbackDate, "date", None, false, None)}
                </div>
                <div class="check">
                    <input type="checkbox" id="entry-feedback-shareable"
                        prop:checked=move || form.with(|f| f.feedback_shareable)
                        on:change=move |ev| { let on = event_target_checked(&ev); edit(Box::new(move |f| f.feedback_shareable = on)); } />
                    <label for="entry-feedback-shareable">"My supervisor agreed that I may share this feedback"</label>
                </div>
            </fieldset>
            <fieldset>
                <legend>"Learning"</legend>
                <p class="hint">"State what you want to learn at the start; afterwards, say whether each objective was met."</p>
                {objectives}
                <button type="button" class="button" id="add-objective"
                    on:click=move |_| {
                        let n = form.with_untracked(|f| f.objectives.len());
                        edit(Box::new(|f| f.objectives.push(ObjectiveForm { outcome: "not_yet".into(), ..Default::default() })));
                        focus_later(EntryField::Objective(n).dom_id());
                    }>"Add an objective"</button>
                {simple(EntryField::Reflection, "text", Some("What you learned, what you would do differently."), true, None)}
                {simple(EntryField::Skills, "text", Some("Separate with commas. A new name adds the skill to your inventory."), false, Some("entry-skill-names"))}
                {simple(EntryField::Tags, "text", Some("Separate with commas."), false, None)}
            </fieldset>
            <div class="actions">
                <button type="submit" class="button primary">{if is_new { "Add entry" } else { "Save entry" }}</button>
                <a class="button" href=if is_new { "#/portfolio".to_owned() } else { Route::Entry(id.to_string()).href() }>"Cancel"</a>
            </div>
        </form>
    }
}
