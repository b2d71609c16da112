//! The printable portfolio: the profile, the entries shown in shared
//! portfolios (deliverables, outcome, feedback the student may share) and a
//! skills summary. The print stylesheet drops the app around it, so the
//! browser's "Save as PDF" gives a clean document on A4 or Letter.

use super::PageHeading;
use crate::domain::portfolio::{Outcome, Visibility};
use crate::domain::RecordId;
use crate::ui::components::ExternalLink;
use crate::ui::pages::entry::stars;
use crate::ui::platform::format_date_range;
use crate::ui::state::use_doc;
use leptos::prelude::*;

#[component]
pub fn PrintPage() -> impl IntoView {
    let doc = use_doc();
    let print = move |_| {
        let _ = window().print();
    };
    let content = move || {
        doc.with(|d| {
            let p = &d.profile;
            let public: Vec<_> = d.entries_newest_first().into_iter().filter(|e| e.visibility == Visibility::Public).collect();
            let name = if p.name.is_empty() { "Portfolio".to_owned() } else { p.name.clone() };
            let about = [p.school.clone(), p.program.clone(), p.graduation.map(|g| format!("graduating {}", g.long_name())).unwrap_or_default()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" · ");
            let links = p
                .links()
                .into_iter()
                .map(|(label, url)| view! { <li>{label} ": " <ExternalLink url=url.clone() text=url.to_string() /></li> })
                .collect_view();
            let email = (!p.email.is_empty()).then(|| view! { <li>{p.email.clone()}</li> });
            // Skills shown by public entries, most evidence first.
            let mut skills: Vec<(String, usize, Option<u8>)> = d
                .skills
                .iter()
                .map(|s| (s.name.clone(), public.iter().filter(|e| e.skills.contains(&s.meta.id)).count(), s.level))
                .filter(|(_, n, _)| *n > 0)
                .collect();
            skills.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.to_lowercase().cmp(&b.0.to_lowercase())));
            let skill_name = |id: &RecordId| d.skill(*id).map(|s| s.name.clone());
            let entries = public
                .iter()
                .map(|e| {
                    let dates = format_date_range(e.start_date, e.end_date);
                    let sub = [e.organization.clone(), e.role.clone(), dates].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ");
                    let met: Vec<String> = e
                        .objectives
                        .iter()
                        .filter(|o| matches!(o.outcome, Outcome::Met | Outcome::Partly))
                        .map(|o| if o.outcome == Outcome::Met { o.text.clone() } else { format!("{} (partly)", o.text) })
                        .collect();
                    let used: Vec<String> = e.skills.iter().filter_map(skill_name).collect();
                    let feedback = (e.feedback.shareable && !e.feedback.quote.is_empty()).then(|| {
                        let who = e.supervisor.and_then(|id| d.contact(id)).map(|c| {
                            if c.organization.is_empty() { c.name.clone() } else { format!("{}, {}", c.name, c.organization) }
                        });
                        view! {
                            <blockquote>
                                <p>{format!("“{}”", e.feedback.quote)}</p>
                                <footer>
                                    {who.map(|w| format!("— {w}"))}
                                    {e.feedback.rating.map(|r| format!(" · {}", stars(r)))}
                                </footer>
                            </blockquote>
                        }
                    });
                    view! {
                        <section class="print-entry">
                            <h3>{e.title.clone()}</h3>
                            <p class="muted">{sub}</p>
                            {(!e.deliverables.is_empty()).then(|| view! {
                                <ul>
                                    {e.deliverables.iter().map(|dl| view! {
                                        <li>
                                            <strong>{dl.title.clone()}</strong>
                                            {(!dl.description.is_empty()).then(|| format!(": {}", dl.description))}
                                            {dl.link.clone().map(|url| view! { " " <ExternalLink url=url.clone() text=url.to_string() /> })}
                                        </li>
                                    }).collect_view()}
                                </ul>
                            })}
                            {(!met.is_empty()).then(|| view! { <p><strong>"Objectives met: "</strong>{met.join("; ")}</p> })}
                            {(!e.reflection.is_empty()).then(|| view! { <p class="prewrap"><strong>"What I learned: "</strong>{e.reflection.clone()}</p> })}
                            {(!used.is_empty()).then(|| view! { <p><strong>"Skills: "</strong>{used.join(", ")}</p> })}
                            {feedback}
                        </section>
                    }
                })
                .collect_view();
            let skills_view = skills
                .into_iter()
                .map(|(name, n, level)| {
                    let level = level.map(|l| format!(", level {l} of 5")).unwrap_or_default();
                    view! { <li>{format!("{name} ({n} project{}{level})", if n == 1 { "" } else { "s" })}</li> }
                })
                .collect_view();
            view! {
                <article class="printable">
                    <header class="print-header">
                        <PageHeading>{name}</PageHeading>
                        {(!p.headline.is_empty()).then(|| view! { <p class="lead">{p.headline.clone()}</p> })}
                        {(!about.is_empty()).then(|| view! { <p>{about}</p> })}
                        <ul class="inline-list">{email}{links}</ul>
                        {(!p.career_aspirations.is_empty()).then(|| view! { <p class="prewrap"><strong>"Aspirations: "</strong>{p.career_aspirations.clone()}</p> })}
                    </header>
                    <h2>"Micro-internships and projects"</h2>
                    {if public.is_empty() {
                        Some(view! { <p class="hint">"No entries are shown in your shared portfolio yet."</p> })
                    } else {
                        None
                    }}
                    {entries}
                    <h2>"Skills"</h2>
                    <ul class="skills-summary">{skills_view}</ul>
                </article>
            }
        })
    };
    view! {
        <div class="print-toolbar">
            <p class="breadcrumb"><a href="#/portfolio">"← Portfolio"</a></p>
            <p class="hint">
                "This page shows the entries you marked as shown in shared portfolios, and only the feedback you may share. "
                "Fees and private entries are left out. Use Print, then “Save as PDF”, to make a PDF."
            </p>
            <button type="button" class="button primary" on:click=print>"Print or save as PDF"</button>
        </div>
        {content}
    }
}
