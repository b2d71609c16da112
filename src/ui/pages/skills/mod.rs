//! Skills: the inventory grouped by category, with level against target,
//! evidence and the "unbacked" flag, and the gap check. The rows come
//! from [`skill_groups`], which indexes the entries once per render.

mod gap_check;
mod quick_edit;

use crate::domain::inventory::skill_groups;
use crate::routes::Route;
use crate::ui::state::use_doc;
use crate::ui::widgets::PageHeading;
use crate::ui::widgets::{EmptyState, LevelBar};
use gap_check::GapCheck;
use leptos::prelude::*;
use quick_edit::QuickEdit;

#[component]
pub fn SkillsPage() -> impl IntoView {
    let doc = use_doc();
    let groups = move || {
        doc.with(|d| {
            skill_groups(&d.skills, &d.entries)
                .into_iter()
                .map(|(cat, skills)| {
                    let rows = skills
                        .into_iter()
                        .map(|s| {
                            let ev_text = match (s.entries, s.manual) {
                                (0, 0) => "No evidence yet".to_owned(),
                                (e, 0) => format!("{e} portfolio entr{}", if e == 1 { "y" } else { "ies" }),
                                (0, m) => format!("{m} link{}", if m == 1 { "" } else { "s" }),
                                (e, m) => format!("{e} entr{}, {m} link{}", if e == 1 { "y" } else { "ies" }, if m == 1 { "" } else { "s" }),
                            };
                            let flag = s.unbacked;
                            view! {
                                <li class="skill-row">
                                    <a class="skill-name" href=Route::Skill(s.id).href()>{s.name}</a>
                                    <LevelBar level=s.level target=s.target />
                                    <span class="muted">{ev_text}</span>
                                    {flag.then(|| view! { <span class="badge badge-danger" title="Rated 3 or more with no evidence">"Unbacked"</span> })}
                                </li>
                            }
                        })
                        .collect_view();
                    let heading_id = format!("skills-{}", cat.slug());
                    let labelled_by = heading_id.clone();
                    view! {
                        <section class="panel" aria-labelledby=labelled_by>
                            <h2 id=heading_id>{cat.label()}</h2>
                            <ul class="skill-list">{rows}</ul>
                        </section>
                    }
                })
                .collect_view()
        })
    };
    let empty = move || doc.with(|d| d.skills.is_empty());
    view! {
        <div class="page-head">
            <PageHeading>"Skills"</PageHeading>
            <a class="button primary" href=Route::NewSkill.href()>"Add skill"</a>
        </div>
        // The inventory first (on a phone its first skill is on the first
        // screen), then what the applications ask for.
        <Show when=empty fallback=move || view! {
            <p class="hint legend">
                <span aria-hidden="true"><LevelBar level=Some(3) target=Some(4) /></span>
                " Filled steps: your level, 1 to 5. Outlined step: your target. "
                "“Unbacked”: rated 3 or more with no evidence yet."
            </p>
            <QuickEdit />
            {groups}
        }>
            <EmptyState title="No skills recorded yet" action=("Add your first skill", Route::NewSkill)>
                <p>
                    "Rate each skill from 1 to 5, set the level you are aiming for, and back it with evidence: "
                    "the portfolio entries where you used it, or a certificate."
                </p>
                <p>"Communication, research and data clean-up are among the skills micro-internships show best."</p>
            </EmptyState>
        </Show>
        <GapCheck />
    }
}
