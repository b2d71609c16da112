//! The dashboard (home view): what is due, the pipeline funnel, response
//! rate by source, hours and earnings per month and skills against their
//! targets, as SVG charts with text alternatives (figures from
//! `domain::stats`). An empty dashboard shows the first steps and offers
//! sample data, clearly marked and removable in one action.

use crate::domain::application::Money;
use crate::domain::economics::money_list;
use crate::domain::stats::{funnel, monthly, response_by_source, skills_against_targets};
use crate::routes::Route;
use crate::ui::branding::use_branding;
use crate::ui::platform::{new_id, now, today};
use crate::ui::state::use_doc;
use crate::ui::widgets::PageHeading;
use crate::ui::widgets::{Bar, BarChart, DueSoon, ExternalLink};
use leptos::prelude::*;

#[component]
fn Charts() -> impl IntoView {
    let doc = use_doc();
    move || {
        doc.with(|d| {
            let funnel_bars: Vec<Bar> = funnel(&d.applications)
                .into_iter()
                .map(|(stage, n)| Bar { label: stage.label().to_owned(), value: n as f64, text: n.to_string(), target: None })
                .collect();
            let sources: Vec<Bar> = response_by_source(&d.applications, today())
                .into_iter()
                .take(8)
                .map(|r| {
                    let counted = if r.counted == 0 {
                        "none counted yet".to_owned()
                    } else {
                        format!("{}% of {}", r.percent(), r.counted)
                    };
                    let waiting = match r.waiting {
                        0 => String::new(),
                        n => format!(", {n} still waiting"),
                    };
                    Bar {
                        label: r.source.clone(),
                        value: f64::from(r.percent()),
                        text: format!("{counted}{waiting}"),
                        target: None,
                    }
                })
                .collect();
            let months = monthly(&d.entries, today(), 12);
            let currency = d.settings.pay_floor.currency.clone();
            let hours: Vec<Bar> = months
                .iter()
                .map(|m| Bar { label: m.short_name(), value: m.hours, text: format!("{} h", (m.hours * 10.0).round() / 10.0), target: None })
                .collect();
            let earnings: Vec<Bar> = months
                .iter()
                .map(|m| {
                    let cents = m.fees.get(&currency).copied().unwrap_or(0);
                    Bar {
                        label: m.short_name(),
                        value: cents as f64 / 100.0,
                        text: Money { cents, currency: currency.clone() }.to_string(),
                        target: None,
                    }
                })
                .collect();
            let other_fees: std::collections::BTreeMap<String, u64> = months
                .iter()
                .flat_map(|m| m.fees.iter())
                .filter(|(c, _)| **c != currency)
                .fold(Default::default(), |mut acc, (c, v)| {
                    *acc.entry(c.clone()).or_default() += v;
                    acc
                });
            let skills: Vec<Bar> = skills_against_targets(&d.skills, 10)
                .into_iter()
                .map(|s| Bar {
                    label: s.name.clone(),
                    value: f64::from(s.level),
                    text: match s.target {
                        Some(t) => format!("{} of 5, target {t}", s.level),
                        None => format!("{} of 5", s.level),
                    },
                    target: s.target.map(f64::from),
                })
                .collect();
            let no_apps = d.applications.is_empty();
            view! {
                <div class="chart-grid">
                    <section class="panel" aria-labelledby="funnel-heading">
                        <h2 id="funnel-heading">"Pipeline"</h2>
                        {if no_apps {
                            view! { <p class="hint">"No applications yet. " <a href=Route::NewApplication.href()>"Add one"</a></p> }.into_any()
                        } else {
                            view! { <BarChart title="Applications that reached each stage" bars=funnel_bars /> }.into_any()
                        }}
                    </section>
                    <section class="panel" aria-labelledby="sources-heading">
                        <h2 id="sources-heading">"Response rate by source"</h2>
                        {if sources.is_empty() {
                            view! { <p class="hint">"Shown once you have applied somewhere."</p> }.into_any()
                        } else {
                            view! {
                                <BarChart
                                    title="Share of applications that got an answer (interview, offer or rejection), counting each once it is answered or has had no answer for over 3 weeks; newer ones are still waiting"
                                    bars=sources
                                    max=100.0
                                />
                            }
                            .into_any()
                        }}
                    </section>
                    <section class="panel" aria-labelledby="hours-heading">
                        <h2 id="hours-heading">"Hours and earnings"</h2>
                        <BarChart title="Hours per month, last 12 months" bars=hours />
                        <BarChart title=format!("Fees per month in {currency}, last 12 months") bars=earnings />
                        {(!other_fees.is_empty()).then(|| view! {
                            <p class="hint">{format!("Also earned in other currencies in these months: {}.", money_list(&other_fees))}</p>
                        })}
                    </section>
                    <section class="panel" aria-labelledby="skills-heading">
                        <h2 id="skills-heading">"Skills against targets"</h2>
                        {if skills.is_empty() {
                            view! { <p class="hint">"Rate a skill or give it a target to see it here. " <a href=Route::NewSkill.href()>"Add a skill"</a></p> }.into_any()
                        } else {
                            view! { <BarChart title="Level of each skill (1 to 5); the mark is the target" bars=skills max=5.0 /> }.into_any()
                        }}
                    </section>
                </div>
            }
        })
    }
}

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
    let load_sample = move |_| {
        doc.update(|d| d.add_sample(now(), today(), new_id));
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
                <DueSoon />
                <Charts />
                <super::dashboard_competencies::CompetencyComparison />
            }
            .into_any()
        }}
        {resources}
    }
}
