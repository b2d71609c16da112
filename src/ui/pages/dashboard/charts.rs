//! The dashboard's charts: the pipeline funnel, response rate by source,
//! hours and earnings in the months that had work, and skills against
//! their targets (SVG with text alternatives, figures from `domain::stats`).

use crate::domain::application::Money;
use crate::domain::economics::money_list;
use crate::domain::stats::{funnel, monthly, response_by_source, skills_against_targets};
use crate::routes::Route;
use crate::ui::platform::today;
use crate::ui::state::use_doc;
use crate::ui::widgets::{Bar, BarChart};
use leptos::prelude::*;

#[component]
pub fn Charts() -> impl IntoView {
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
                        "none yet".to_owned()
                    } else {
                        format!("{}% of {}", r.percent(), r.counted)
                    };
                    let waiting = match r.waiting {
                        0 => String::new(),
                        n => format!(", {n} waiting"),
                    };
                    Bar {
                        label: r.source.clone(),
                        value: f64::from(r.percent()),
                        text: format!("{counted}{waiting}"),
                        target: None,
                    }
                })
                .collect();
            // Only the months that had work: a typical student's year is
            // mostly empty, and a column of zeros says nothing.
            let months: Vec<_> = monthly(&d.entries, today(), 12)
                .into_iter()
                .filter(|m| m.hours > 0.0 || !m.fees.is_empty())
                .collect();
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
                        {if months.is_empty() {
                            view! { <p class="hint">"No hours or fees in the last 12 months. Finished work in your portfolio shows here by the month it ended."</p> }.into_any()
                        } else {
                            view! {
                                <BarChart title="Hours in the months with work, last 12 months" bars=hours />
                                <BarChart title=format!("Fees in {currency} in the months with work, last 12 months") bars=earnings />
                            }.into_any()
                        }}
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
