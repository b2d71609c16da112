//! The dashboard (home view): the headline numbers, what is due, the pipeline funnel, response
//! rate by source, hours and earnings per month and skills against their
//! targets, as SVG charts with text alternatives (figures from
//! `domain::stats`). An empty dashboard shows the first steps and offers
//! sample data, clearly marked and removable in one action.

mod charts;
mod headline;

use crate::domain::Document;
use crate::routes::Route;
use crate::ui::branding::use_branding;
use crate::ui::chunk::{lazy_fn, ChunkError};
use crate::ui::pages::dashboard_competencies::CompetencyComparison;
use crate::ui::platform::{new_id, now, today};
use crate::ui::shell::Toaster;
use crate::ui::state::use_doc;
use crate::ui::widgets::PageHeading;
use crate::ui::widgets::{DueSoon, ExternalLink};
use charts::Charts;
use chrono::{DateTime, NaiveDate, Utc};
use headline::HeadlineNumbers;
use leptos::prelude::*;

// The sample records are built in a chunk of their own: only a new student
// asks for them, once.
lazy_fn!(
    sample,
    fn sample(now: DateTime<Utc>, today: NaiveDate) -> Document {
        Document::sample(now, today, new_id)
    }
);

#[component]
pub fn DashboardPage() -> impl IntoView {
    let doc = use_doc();
    let branding = use_branding();
    let name = move || doc.with(|d| d.profile.name.clone());
    let empty = move || {
        doc.with(|d| d.applications.is_empty() && d.entries.is_empty() && d.skills.is_empty())
    };
    let profile_blank = move || doc.with(|d| d.profile.is_blank());
    let greeting = move || match name() {
        n if n.is_empty() => "Welcome to Microfolio".to_owned(),
        n => format!("Welcome back, {n}"),
    };
    let toaster = expect_context::<Toaster>();
    let load_sample = move |_| {
        leptos::task::spawn_local(async move {
            match sample(now(), today()).await {
                Ok(sample) => doc.update(|d| d.add_sample_from(sample, now())),
                Err(ChunkError) => toaster.show(
                    "The sample data did not load. Check the connection and try again.",
                    None,
                ),
            }
        });
    };
    let steps = [
        (
            Route::Profile,
            "Set up your profile",
            "Your name, school and links head every portfolio you share.",
        ),
        (
            Route::NewApplication,
            "Track an application",
            "A micro-internship you are considering or applied to, with its stage and deadline.",
        ),
        (
            Route::NewEntry,
            "Record finished work",
            "What you delivered, your supervisor's feedback and what you learned.",
        ),
        (
            Route::NewSkill,
            "Map your skills",
            "Rate your skills, set targets and link them to real work as evidence.",
        ),
    ];
    let cards = steps
        .into_iter()
        .map(|(route, title, body)| {
            let href = route.href();
            let is_profile = route == Route::Profile;
            let done = move || is_profile && !profile_blank();
            view! {
                <li class="step-card">
                    <h3><a href=href>{title}</a></h3>
                    <p>{body}</p>
                    {move || done().then(|| view! { <p class="done">"Done — keep it up to date."</p> })}
                </li>
            }
        })
        .collect_view();
    let welcome = move || {
        let text = branding.config.with(|c| c.welcome.clone());
        (!text.is_empty()).then(|| view! { <p class="panel callout prewrap">{text}</p> })
    };
    let resources = move || {
        let links = branding.config.with(|c| c.resources.clone());
        (!links.is_empty()).then(|| {
            let institution = branding.config.with(|c| c.institution.clone());
            let heading = if institution.is_empty() {
                "From your career center".to_owned()
            } else {
                format!("From {institution}")
            };
            let items = links
                .into_iter()
                .map(|r| view! { <li><ExternalLink url=r.url text=r.title /></li> })
                .collect_view();
            view! {
                <section class="panel" aria-labelledby="resources-heading">
                    <h2 id="resources-heading">{heading}</h2>
                    <ul class="link-list">{items}</ul>
                </section>
            }
        })
    };
    view! {
        <PageHeading>{greeting}</PageHeading>
        {welcome}
        {move || if empty() {
            view! {
                <p class="lead">
                    "Keep your micro-internships, applications and skills in one place. "
                    "Everything stays in this browser. Start with one of these:"
                </p>
                <ul class="step-cards">{cards.clone()}</ul>
                <section class="panel" aria-labelledby="sample-heading">
                    <h2 id="sample-heading">"Look around first?"</h2>
                    <p>
                        "Load a few sample applications, two finished micro-internships and some skills to see the dashboard at work. "
                        "Every sample record is marked “(sample)”, and one button removes them all."
                    </p>
                    <button type="button" class="button" on:click=load_sample>"Load sample data"</button>
                </section>
            }
            .into_any()
        } else {
            view! {
                <HeadlineNumbers />
                <DueSoon />
                <Charts />
                <CompetencyComparison />
            }
            .into_any()
        }}
        {resources}
    }
}
