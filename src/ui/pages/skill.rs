//! One skill: its level against target, the evidence (derived from the
//! portfolio, plus manual links), the applications that ask for it, the
//! edit form (also for a new skill), merge into another skill, and delete
//! with undo.

use super::PageHeading;
use crate::domain::inventory::{applications_asking, evidence};
use crate::domain::record::Meta;
use crate::domain::skill::{level_name, SkillCategory, SkillField, SkillForm, LEVELS};
use crate::domain::{RecordId, Skill};
use crate::routes::Route;
use crate::ui::components::toast::UndoAction;
use crate::ui::components::{
    ErrorSummary, ExternalLink, LevelBar, SelectField, TextField, Toaster,
};
use crate::ui::components::{StaleGuard, StaleWarning};
use crate::ui::field_ids::FieldId;
use crate::ui::form_errors::FormErrors;
use crate::ui::platform::{focus_later, format_date, go, new_id, now};
use crate::ui::state::use_doc;
use leptos::prelude::*;

#[component]
pub fn SkillPage(id: Option<String>) -> impl IntoView {
    let doc = use_doc();
    match id {
        None => view! {
            <p class="breadcrumb"><a href="#/skills">"← Skills"</a></p>
            <PageHeading>"New skill"</PageHeading>
            <SkillEditor base=Skill::new(Meta::new(new_id(), now()), "") is_new=true />
        }
        .into_any(),
        Some(text) => match RecordId::parse(&text)
            .and_then(|id| doc.with_untracked(|d| d.skill(id).cloned()))
        {
            Some(skill) => {
                let id = skill.meta.id;
                let current = Memo::new(move |_| doc.with(|d| d.skill(id).cloned()));
                view! {
                    <p class="breadcrumb"><a href="#/skills">"← Skills"</a></p>
                    <PageHeading>{move || current.get().map(|s| s.name).unwrap_or_default()}</PageHeading>
                    {move || current.get().map(|s| view! {
                        <p class="facts-line">
                            <LevelBar level=s.level target=s.target />
                            " " {s.level.map(level_name).unwrap_or_else(|| "Not rated".into())}
                            {s.target.map(|t| format!(" · target {}", level_name(t)))}
                            " · " {s.category.label()}
                        </p>
                    })}
                    <SkillEvidence id=id />
                    <h2 class="section-heading">"Details"</h2>
                    <SkillEditor base=skill is_new=false />
                    <MergeSkill id=id />
                    <DeleteSkill id=id />
                }
                .into_any()
            }
            None => view! {
                <PageHeading>"Skill not found"</PageHeading>
                <p>"This skill does not exist here. It may have been merged or deleted."</p>
                <p><a class="button" href="#/skills">"Back to skills"</a></p>
            }
            .into_any(),
        },
    }
}

#[component]
fn SkillEvidence(id: RecordId) -> impl IntoView {
    let doc = use_doc();
    move || {
        doc.with(|d| {
            let skill = d.skill(id)?;
            let ev = evidence(skill, &d.entries);
            let entries = ev
                .entries
                .iter()
                .map(|(eid, title, date)| view! {
                    <li><a href=Route::Entry(eid.to_string()).href()>{title.clone()}</a> " · " {format_date(*date)}</li>
                })
                .collect_view();
            let manual = skill
                .evidence
                .iter()
                .map(|l| view! { <li><ExternalLink url=l.url.clone() text=l.title.clone() /></li> })
                .collect_view();
            let asking = applications_asking(d, skill);
            let none_asking = asking.is_empty();
            let asking = asking
                .into_iter()
                .map(|a| view! {
                    <li><a href=Route::Application(a.meta.id.to_string()).href()>{a.title()}</a> " · " {a.stage().label()}</li>
                })
                .collect_view();
            let summary = match ev.total() {
                0 => "Nothing shows this skill yet. Link it from a portfolio entry, or add a link below (a certificate, a project).".to_owned(),
                n => format!(
                    "{n} piece{} of evidence{}.",
                    if n == 1 { "" } else { "s" },
                    ev.latest().map(|d| format!(", the latest from {}", format_date(d))).unwrap_or_default()
                ),
            };
            Some(view! {
                <section class="panel" aria-labelledby="evidence-heading">
                    <h2 id="evidence-heading">"Evidence"</h2>
                    <p>{summary}</p>
                    {(!ev.entries.is_empty()).then(|| view! { <h3>"Portfolio entries"</h3> <ul class="link-list">{entries}</ul> })}
                    {(ev.manual > 0).then(|| view! { <h3>"Links"</h3> <ul class="link-list">{manual}</ul> })}
                </section>
                <section class="panel" aria-labelledby="asking-heading">
                    <h2 id="asking-heading">"Applications asking for it"</h2>
                    {if none_asking {
                        view! { <p class="hint">"None of your applications lists this skill."</p> }.into_any()
                    } else {
                        view! { <ul class="link-list">{asking}</ul> }.into_any()
                    }}
                </section>
            })
        })
    }
}

#[component]
fn SkillEditor(base: Skill, is_new: bool) -> impl IntoView {
    let doc = use_doc();
    let toaster = expect_context::<Toaster>();
    let id = base.meta.id;
    let guard = StaleGuard::new((!is_new).then_some(base.meta.updated));
    let base = StoredValue::new(base);
    let form = RwSignal::new(base.with_value(Skill::to_form));
    let errors = FormErrors::<SkillField>::new();
    let (status, set_status) = signal(String::new());
    let check = move || {
        doc.with_untracked(|d| {
            let current = d.skill(id).cloned().unwrap_or_else(|| base.get_value());
            form.with_untracked(|f| f.parse(&current, &d.skills, now()))
        })
    };
    let edit = move |change: Box<dyn FnOnce(&mut SkillForm)>| {
        form.update(|f| change(f));
        set_status.set(String::new());
        errors.refresh(check);
    };
    let error_for = move |field: SkillField| errors.message(field);
    let text = move |field: SkillField,
                     get: fn(&SkillForm) -> String,
                     set: fn(&mut SkillForm, String),
                     multiline: bool| {
        view! {
            <TextField
                id=field.dom_id()
                label=field.label()
                value=Signal::derive(move || form.with(get))
                error=error_for(field)
                on_input=Callback::new(move |v: String| edit(Box::new(move |f| set(f, v))))
                on_commit=Callback::new(move |()| ())
                multiline=multiline
                list=(field == SkillField::Name).then_some("suggested-skills")
            />
        }
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
    let evidence_rows = move || {
        let n = form.with(|f| f.evidence.len());
        (0..n)
            .map(|i| {
                let title_field = SkillField::EvidenceTitle(i);
                let url_field = SkillField::EvidenceUrl(i);
                view! {
                    <fieldset class="row-group">
                        <legend>{format!("Evidence {}", i + 1)}</legend>
                        <TextField
                            id=title_field.dom_id()
                            label=title_field.label()
                            value=Signal::derive(move || form.with(|f| f.evidence.get(i).map(|e| e.0.clone()).unwrap_or_default()))
                            error=error_for(title_field)
                            on_input=Callback::new(move |v: String| edit(Box::new(move |f| f.evidence[i].0 = v)))
                            on_commit=Callback::new(move |()| ())
                        />
                        <TextField
                            id=url_field.dom_id()
                            label=url_field.label()
                            value=Signal::derive(move || form.with(|f| f.evidence.get(i).map(|e| e.1.clone()).unwrap_or_default()))
                            error=error_for(url_field)
                            on_input=Callback::new(move |v: String| edit(Box::new(move |f| f.evidence[i].1 = v)))
                            on_commit=Callback::new(move |()| ())
                            input_type="url"
                        />
                        <button type="button" class="button small" on:click=move |_| {
                            edit(Box::new(move |f| { f.evidence.remove(i); }));
                            focus_later("add-evidence");
                        }>{format!("Remove evidence {}", i + 1)}</button>
                    </fieldset>
                }
            })
            .collect_view()
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match errors.on_save(check()) {
            None => focus_later("skill-errors"),
            Some(_)
                if !guard.allow(doc.with_untracked(|d| d.skill(id).map(|s| s.meta.updated))) => {}
            Some(skill) => {
                let name = skill.name.clone();
                doc.update(|d| d.upsert_skill(skill, now()));
                if let Some(updated) = doc.with_untracked(|d| d.skill(id).map(|s| s.meta.updated)) {
                    guard.saved(updated);
                }
                if is_new {
                    go(Route::Skill(id.to_string()).href().as_str());
                    toaster.show(format!("Added {name}."), None);
                } else {
                    set_status.set("Changes saved.".into());
                }
            }
        }
    };
    let summary = errors.summary(|f| (f.dom_id(), f.label()));
    let categories = SkillCategory::ALL
        .iter()
        .map(|c| (c.slug().to_owned(), c.label().to_owned()))
        .collect::<Vec<_>>();
    view! {
        <ErrorSummary id="skill-errors" heading="Some details need fixing before this is saved" items=summary />
        <StaleWarning guard=guard />
        <form class="form" novalidate on:submit=submit>
            <datalist id="suggested-skills">{suggestions}</datalist>
            <fieldset>
                <legend>"The skill"</legend>
                {text(SkillField::Name, |f| f.name.clone(), |f, v| f.name = v, false)}
                <SelectField
                    id=SkillField::Category.dom_id()
                    label=SkillField::Category.label()
                    options=categories
                    value=Signal::derive(move || form.with(|f| f.category.clone()))
                    on_change=Callback::new(move |v: String| edit(Box::new(move |f| f.category = v)))
                />
                <SelectField
                    id=SkillField::Level.dom_id()
                    label=SkillField::Level.label()
                    options=level_options("Not rated yet")
                    value=Signal::derive(move || form.with(|f| f.level.clone()))
                    on_change=Callback::new(move |v: String| edit(Box::new(move |f| f.level = v)))
                    error=error_for(SkillField::Level)
                />
                <SelectField
                    id=SkillField::Target.dom_id()
                    label=SkillField::Target.label()
                    options=level_options("No target")
                    value=Signal::derive(move || form.with(|f| f.target.clone()))
                    on_change=Callback::new(move |v: String| edit(Box::new(move |f| f.target = v)))
                    error=error_for(SkillField::Target)
                />
                {text(SkillField::Notes, |f| f.notes.clone(), |f, v| f.notes = v, true)}
            </fieldset>
            <fieldset>
                <legend>"Evidence links"</legend>
                <p class="hint">"Portfolio entries that list this skill count by themselves. Add links for anything else: a certificate, a course, a project."</p>
                {evidence_rows}
                <button type="button" class="button" id="add-evidence" on:click=move |_| {
                    let n = form.with_untracked(|f| f.evidence.len());
                    edit(Box::new(|f| f.evidence.push((String::new(), String::new()))));
                    focus_later(SkillField::EvidenceTitle(n).dom_id());
                }>"Add an evidence link"</button>
            </fieldset>
            <div class="actions">
                <button type="submit" class="button primary">{if is_new { "Add skill" } else { "Save changes" }}</button>
                <a class="button" href="#/skills">"Cancel"</a>
            </div>
            <p class="status save-status" role="status">{move || status.get()}</p>
        </form>
    }
}

/// Merging "JS" into "JavaScript": every reference follows.
#[component]
fn MergeSkill(id: RecordId) -> impl IntoView {
    let doc = use_doc();
    let toaster = expect_context::<Toaster>();
    let others = Memo::new(move |_| {
        doc.with(|d| {
            let mut list: Vec<(String, String)> = d
                .skills
                .iter()
                .filter(|s| s.meta.id != id)
                .map(|s| (s.meta.id.to_string(), s.name.clone()))
                .collect();
            list.sort_by_key(|(_, n)| n.to_lowercase());
            list
        })
    });
    let (target, set_target) = signal(String::new());
    let (error, set_error) = signal(None::<String>);
    let merge = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(into) = RecordId::parse(&target.get_untracked()) else {
            set_error.set(Some("Choose the skill to merge into.".into()));
            return;
        };
        let names = doc.with_untracked(|d| {
            (
                d.skill(id).map(|s| s.name.clone()),
                d.skill(into).map(|s| s.name.clone()),
            )
        });
        match doc.try_update(|d| d.merge_skills(id, into, now())) {
            Some(Ok(())) => {
                go(Route::Skill(into.to_string()).href().as_str());
                toaster.show(
                    format!(
                        "Merged {} into {}.",
                        names.0.unwrap_or_default(),
                        names.1.unwrap_or_default()
                    ),
                    None,
                );
            }
            Some(Err(e)) => set_error.set(Some(e.into())),
            None => {}
        }
    };
    move || {
        (!others.with(Vec::is_empty)).then(|| view! {
            <section class="panel" aria-labelledby="merge-heading">
                <h2 id="merge-heading">"Merge into another skill"</h2>
                <p class="hint">"For two names of one skill, like “JS” and “JavaScript”: entries and applications move to the other skill, and this one goes."</p>
                <form class="inline-form" on:submit=merge novalidate>
                    <div class="field compact">
                        <label for="merge-into">"Merge into"</label>
                        <select id="merge-into" on:change=move |ev| set_target.set(event_target_value(&ev))>
                            <option value="">"Choose a skill…"</option>
                            {others.get().into_iter().map(|(v, n)| view! { <option value=v>{n}</option> }).collect_view()}
                        </select>
                    </div>
                    <button type="submit" class="button">"Merge"</button>
                </form>
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            </section>
        })
    }
}

#[component]
fn DeleteSkill(id: RecordId) -> impl IntoView {
    let doc = use_doc();
    let toaster = expect_context::<Toaster>();
    let usage = Memo::new(move |_| doc.with(|d| d.skill_usage(id)));
    let delete = move |_| {
        let Some(removed) = doc.try_update(|d| d.remove_skill(id, now())).flatten() else {
            return;
        };
        let name = removed.skill.name.clone();
        let (e, a) = removed.counts();
        go(Route::Skills.href().as_str());
        let undo: UndoAction =
            std::sync::Arc::new(move || doc.update(|d| d.restore_skill(removed.clone(), now())));
        toaster.show(
            format!(
                "Deleted {name} and its {e} entry and {a} application reference{}.",
                if e + a == 1 { "" } else { "s" }
            ),
            Some(undo),
        );
    };
    view! {
        <section class="danger-zone" aria-labelledby="delete-heading">
            <h2 id="delete-heading">"Delete"</h2>
            <p>
                {move || {
                    let (e, a) = usage.get();
                    format!(
                        "{e} portfolio entr{} and {a} application{} refer to this skill. Deleting removes those references too; you can undo it for a few seconds.",
                        if e == 1 { "y" } else { "ies" },
                        if a == 1 { "" } else { "s" }
                    )
                }}
            </p>
            <button type="button" class="button danger" on:click=delete>"Delete skill"</button>
        </section>
    }
}
