//! The gap check: what active applications ask for that the student lacks,
//! has below target, or cannot show, most-demanded first. A missing skill
//! is added with a target in one action. When it lists nothing it says
//! why, and what it needs ([`why_no_gaps`]).

use crate::domain::inventory::{gap_check, why_no_gaps, NoGaps};
use crate::domain::record::Meta;
use crate::domain::Skill;
use crate::routes::Route;
use crate::ui::platform::{new_id, now};
use crate::ui::shell::Toaster;
use crate::ui::state::use_doc;
use leptos::prelude::*;

#[component]
pub fn GapCheck() -> impl IntoView {
    let doc = use_doc();
    let toaster = expect_context::<Toaster>();
    let gaps = Memo::new(move |_| doc.with(gap_check));
    let add = move |name: String, target: u8| {
        let mut skill = Skill::new(Meta::new(new_id(), now()), name.clone());
        skill.target = Some(target);
        doc.update(|d| d.upsert_skill(skill, now()));
        toaster.show(
            format!("Added {name} to your skills, with target {target}."),
            None,
        );
    };
    let why = Memo::new(move |_| {
        gaps.with(Vec::is_empty)
            .then(|| doc.with(why_no_gaps))
            .flatten()
    });
    let needs = move || {
        why.get().map(|why| {
            let plural = |n: usize, one: &str, many: &str| if n == 1 { one.to_owned() } else { format!("{n} {many}") };
            let text = match why {
                NoGaps::NoActiveApplication { closed: 0 } => "It compares your skills with what your active applications ask for, and you have no application yet. Add one with the skills it asks for, and what you lack shows here.".to_owned(),
                NoGaps::NoActiveApplication { closed } => format!(
                    "It compares your skills with what your active applications ask for, and none is active now ({} closed or completed). Add an application, or move one back to an open stage, with the skills it asks for.",
                    plural(closed, "your one application is", "applications are")
                ),
                NoGaps::NoSkillsAsked { active } => format!(
                    "{} no required skills. Fill in “Required skills” on an application, and what you lack shows here.",
                    if active == 1 { "Your active application lists".to_owned() } else { format!("Your {active} active applications list") }
                ),
                NoGaps::AllCovered { asked } => format!(
                    "Nothing to close: you have {} your active applications ask for, at your target, with evidence.",
                    if asked == 1 { "the one skill".to_owned() } else { format!("all {asked} skills") }
                ),
            };
            let add = matches!(why, NoGaps::NoActiveApplication { .. } | NoGaps::NoSkillsAsked { .. });
            view! {
                <section class="panel" aria-labelledby="gap-heading">
                    <h2 id="gap-heading">"Gap check"</h2>
                    <p>{text}</p>
                    {add.then(|| view! {
                        <p><a href=Route::Applications.href()>"Go to your applications"</a></p>
                    })}
                </section>
            }
        })
    };
    let list_view = move || {
        let list = gaps.get();
        (!list.is_empty()).then(|| {
            let rows = list
                .into_iter()
                .enumerate()
                .map(|(i, g)| {
                    let asked = format!("asked for by {} active application{}", g.demand, if g.demand == 1 { "" } else { "s" });
                    let action = match g.skill {
                        Some(id) => view! { <a href=Route::Skill(id).href()>{format!("Open {}", g.name)}</a> }.into_any(),
                        None => {
                            let select_id = format!("gap-target-{i}");
                            let (target, set_target) = signal(3u8);
                            let name = g.name.clone();
                            view! {
                                <span class="gap-add">
                                    <label for=select_id.clone()>{format!("Target for {}", g.name)}</label>
                                    <select id=select_id on:change=move |ev| set_target.set(event_target_value(&ev).parse().unwrap_or(3))>
                                        {(1..=5u8).map(|l| view! { <option value=l.to_string() selected=l == 3>{l.to_string()}</option> }).collect_view()}
                                    </select>
                                    <button type="button" class="button small primary" on:click=move |_| add(name.clone(), target.get_untracked())>
                                        {format!("Add {}", g.name)}
                                    </button>
                                </span>
                            }
                            .into_any()
                        }
                    };
                    view! {
                        <li class="gap" class:missing=g.missing()>
                            <span class="gap-name">{g.name.clone()}</span>
                            <span class="gap-why">{format!("{} · {asked}", g.describe())}</span>
                            {action}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="panel" aria-labelledby="gap-heading">
                    <h2 id="gap-heading">"Gap check"</h2>
                    <p class="hint">"Skills your active applications ask for that you lack, have below your target, or cannot show yet."</p>
                    <ul class="gap-list">{rows}</ul>
                </section>
            }
        })
    };
    view! {
        {needs}
        {list_view}
    }
}
