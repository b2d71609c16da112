//! One skill: its level against target, the evidence (derived from the
//! portfolio, plus manual links), the applications that ask for it, read
//! first with an Edit button that opens the form in their place (the form
//! is also the page for a new skill), merge into another skill, and delete
//! with undo.

mod editor;

use editor::SkillEditor;

use crate::domain::inventory::{applications_asking, evidence};
use crate::domain::record::Meta;
use crate::domain::skill::level_name;
use crate::domain::skill::SkillField;
use crate::domain::{Document, RecordId, RemovedSkill, Skill};
use crate::routes::Route;
use crate::ui::field_ids::FieldId;
use crate::ui::form::{DeleteRecord, ReadFirst, RecordForm};
use crate::ui::platform::{format_date, go, new_id, now};
use crate::ui::shell::Toaster;
use crate::ui::state::use_doc;
use crate::ui::widgets::PageHeading;
use crate::ui::widgets::{ExternalLink, LevelBar};
use leptos::prelude::*;

#[component]
pub fn SkillPage(id: Option<RecordId>) -> impl IntoView {
    let doc = use_doc();
    match id {
        None => view! {
            <p class="breadcrumb"><a href=Route::Skills.href()>"← Skills"</a></p>
            <PageHeading>"New skill"</PageHeading>
            <SkillEditor base=Skill::new(Meta::new(new_id(), now()), "") is_new=true close=None />
        }
        .into_any(),
        Some(id) => match doc.with_untracked(|d| d.skill(id).cloned()) {
            Some(skill) => {
                let id = skill.meta.id;
                let editing = RwSignal::new(RecordForm::<Skill>::has_draft(&skill));
                let current = Memo::new(move |_| doc.with(|d| d.skill(id).cloned()));
                view! {
                    <p class="breadcrumb"><a href=Route::Skills.href()>"← Skills"</a></p>
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
                    <ReadFirst
                        editing=editing
                        edit_id="edit-skill"
                        edit="Edit skill"
                        first_field=SkillField::Name.dom_id()
                        summary=|| ()
                    >
                        <h2 class="section-heading">"Edit skill"</h2>
                        {move || doc.with_untracked(|d| d.skill(id).cloned()).map(|base| view! {
                            <SkillEditor base=base is_new=false close=Some(Callback::new(move |()| editing.set(false))) />
                        })}
                    </ReadFirst>
                    <MergeSkill id=id />
                    <DeleteSkill id=id />
                }
                .into_any()
            }
            None => view! {
                <PageHeading>"Skill not found"</PageHeading>
                <p>"This skill does not exist here. It may have been merged or deleted."</p>
                <p><a class="button" href=Route::Skills.href()>"Back to skills"</a></p>
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
                    <li><a href=Route::Entry(*eid).href()>{title.clone()}</a> " · " {format_date(*date)}</li>
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
                    <li><a href=Route::Application(a.meta.id).href()>{a.title()}</a> " · " {a.stage().label()}</li>
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
                go(&Route::Skill(into));
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
    let usage = Memo::new(move |_| doc.with(|d| d.skill_usage(id)));
    let explain = move || {
        let (e, a) = usage.get();
        format!(
            "{} and {} refer to this skill. Deleting removes those references too; you can undo it for a few seconds.",
            count(e, "portfolio entry", "portfolio entries"),
            count(a, "application", "applications"),
        )
    };
    view! {
        <DeleteRecord
            id=id
            button="Delete skill"
            explain=Signal::derive(explain)
            remove=Document::remove_skill
            restore=Document::restore_skill
            told=|r: &RemovedSkill| {
                let (e, a) = r.counts();
                format!(
                    "Deleted {} and its references from {} and {}.",
                    r.skill.name,
                    count(e, "entry", "entries"),
                    count(a, "application", "applications"),
                )
            }
            then=Route::Skills
        />
    }
}

/// "1 entry", "3 entries".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
