//! A portfolio as a recipient sees it, drawn from a [`SharedPortfolio`]:
//! the student's own printable page and the viewer for someone else's
//! share both render through here, so what is printed is exactly what is
//! shared. Every text is shown as text; links go through [`ExternalLink`],
//! which takes only checked URLs. Skills and people are looked up through
//! one [`ShareIndex`] per render, never by a scan per reference.

use crate::domain::portfolio::Outcome;
use crate::domain::share::{ShareIndex, SharedEntry, SharedPortfolio};
use crate::domain::skill::LEVELS;
use crate::ui::platform::{format_date, format_date_range};
use crate::ui::widgets::ExternalLink;
use crate::ui::widgets::PageHeading;
use leptos::prelude::*;

fn joined(parts: impl IntoIterator<Item = String>) -> String {
    parts
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

fn hours(e: &SharedEntry) -> String {
    match (e.logged_hours, e.estimated_hours) {
        (Some(h), _) => format!("{h} hours"),
        (None, Some(h)) => format!("about {h} hours (estimated)"),
        (None, None) => String::new(),
    }
}

fn entry_view(index: &ShareIndex, e: &SharedEntry) -> impl IntoView {
    let sub = joined([
        e.organization.clone(),
        e.role.clone(),
        format_date_range(e.start_date, e.end_date),
        e.arrangement
            .map(|a| a.label().to_owned())
            .unwrap_or_default(),
        hours(e),
    ]);
    let fee = e.fee.as_ref().map(|fee| {
        let payment = e
            .payment
            .map(|p| format!(" ({})", p.label().to_lowercase()))
            .unwrap_or_default();
        view! { <p><strong>"Fee: "</strong>{format!("{fee}{payment}")}</p> }
    });
    let met: Vec<String> = e
        .objectives
        .iter()
        .filter(|o| crate::domain::share::shows_as_met(o))
        .map(|o| {
            if o.outcome == Outcome::Met {
                o.text.clone()
            } else {
                format!("{} (partly)", o.text)
            }
        })
        .collect();
    let used = index.skill_names(e);
    let supervisor = index.supervisor(e);
    let feedback = e.feedback.clone().filter(|f| !f.quote.is_empty()).map(|f| {
        let who = supervisor.map(|p| {
            if p.organization.is_empty() {
                p.name.clone()
            } else {
                format!("{}, {}", p.name, p.organization)
            }
        });
        view! {
            <blockquote>
                <p>{format!("“{}”", f.quote)}</p>
                <footer>
                    {who.map(|w| format!("— {w}"))}
                    {f.rating.map(|r| format!(" · {}", stars(r)))}
                    {f.date.map(|d| format!(" · {}", format_date(d)))}
                </footer>
            </blockquote>
        }
    });
    let reference = supervisor.filter(|p| !(p.email.is_empty() && p.phone.is_empty() && p.url.is_none() && p.notes.is_empty())).map(|p| {
        let email = (!p.email.is_empty()).then(|| crate::domain::SafeUrl::parse(&format!("mailto:{}", p.email), crate::domain::UrlPolicy::WebOrMail).ok()).flatten();
        view! {
            <p class="reference">
                <strong>{format!("{}: ", p.kind.label())}</strong>
                {p.name.clone()}
                {email.map(|url| view! { " · " <ExternalLink url=url text=p.email.clone() /> })}
                {(!p.phone.is_empty()).then(|| format!(" · {}", p.phone))}
                {p.url.clone().map(|url| view! { " · " <ExternalLink url=url.clone() text=url.to_string() /> })}
                {(!p.notes.is_empty()).then(|| format!(" · {}", p.notes))}
            </p>
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
            {fee}
            {feedback}
            {reference}
        </section>
    }
}

#[component]
pub fn PortfolioView(share: SharedPortfolio) -> impl IntoView {
    let p = &share.profile;
    let about = joined([
        p.school.clone(),
        p.program.clone(),
        p.graduation
            .map(|g| format!("graduating {}", g.long_name()))
            .unwrap_or_default(),
    ]);
    let email = (!p.email.is_empty()).then(|| view! { <li>{p.email.clone()}</li> });
    let links = p
        .links()
        .into_iter()
        .map(|(label, url)| view! { <li>{label} ": " <ExternalLink url=url.clone() text=url.to_string() /></li> })
        .collect_view();
    let index = share.index();
    let entries = share
        .entries
        .iter()
        .map(|e| entry_view(&index, e))
        .collect_view();
    let skills = share
        .skills_by_evidence()
        .into_iter()
        .map(|(s, n)| {
            let level = s
                .level
                .and_then(|l| LEVELS.iter().find(|(n, ..)| *n == l))
                .map(|(l, word, _)| format!("{word}, level {l} of 5"))
                .unwrap_or_default();
            let projects = match n {
                0 => String::new(),
                1 => "1 project".to_owned(),
                n => format!("{n} projects"),
            };
            let detail = [projects, level, s.notes.clone()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join("; ");
            let evidence = s
                .evidence
                .iter()
                .map(|link| view! { " · " <ExternalLink url=link.url.clone() text=link.title.clone() /> })
                .collect_view();
            view! {
                <li>
                    {s.name.clone()}
                    {(!detail.is_empty()).then(|| format!(" ({detail})"))}
                    {evidence}
                </li>
            }
        })
        .collect_view();
    let name = if p.name.trim().is_empty() {
        "Portfolio".to_owned()
    } else {
        p.name.clone()
    };
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
            {share.entries.is_empty().then(|| view! { <p class="hint">"No entries are shown in this portfolio."</p> })}
            {entries}
            <h2>"Skills"</h2>
            {share.skills.is_empty().then(|| view! { <p class="hint">"No skills are listed."</p> })}
            <ul class="skills-summary">{skills}</ul>
        </article>
    }
}

/// "★★★★☆ (4 of 5)".
pub fn stars(rating: u8) -> String {
    let r = rating.min(5) as usize;
    format!("{}{} ({rating} of 5)", "★".repeat(r), "☆".repeat(5 - r))
}
