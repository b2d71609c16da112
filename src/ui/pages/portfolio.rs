//! Portfolio: the micro-internships the student has done, newest first
//! (50 at a time, with "Show more"), with yearly totals, the pay-floor
//! setting, and filters by tag, skill and year. Skill names are joined
//! through an index built once per render ([`skills_by_id`]).

use crate::domain::application::Money;
use crate::domain::economics::{below_floor, effective_rate, money_list, yearly_totals};
use crate::domain::inventory::{skill_names, skills_by_id, skills_in_use};
use crate::domain::portfolio::{years_and_tags, EntryFilter, Visibility};
use crate::domain::RecordId;
use crate::routes::Route;
use crate::ui::platform::{format_date_range, now};
use crate::ui::state::use_doc;
use crate::ui::widgets::PageHeading;
use crate::ui::widgets::{EmptyState, ShowMore};
use leptos::prelude::*;

#[component]
pub fn PortfolioPage() -> impl IntoView {
    let doc = use_doc();
    let count = Memo::new(move |_| doc.with(|d| d.entries.len()));
    let content = move || {
        if count.get() == 0 {
            view! {
                <EmptyState title="Your portfolio is empty" action=("Add your first entry", Route::NewEntry)>
                    <p>
                        "Each micro-internship you finish becomes an entry here: the deliverable and its "
                        "milestones, hours and fixed fee, your supervisor's feedback, your reflection on "
                        "what you set out to learn, and the skills it shows."
                    </p>
                    <p>
                        "A completed application can become an entry in one step, from its page. "
                        "You decide which entries are shown when you print or share your portfolio."
                    </p>
                </EmptyState>
            }
            .into_any()
        } else {
            view! {
                <Totals />
                <EntryList />
            }
            .into_any()
        }
    };
    view! {
        <div class="page-head">
            <PageHeading>"Portfolio"</PageHeading>
            <div class="actions tight">
                <a class="button" href=Route::PrintPortfolio.href()>"Printable portfolio"</a>
                <a class="button" href=Route::SharePortfolio.href()>"Share"</a>
                <a class="button primary" href=Route::NewEntry.href()>"Add entry"</a>
            </div>
        </div>
        {content}
    }
}

/// Totals per calendar year, and the pay floor.
#[component]
fn Totals() -> impl IntoView {
    let doc = use_doc();
    let totals = Memo::new(move |_| doc.with(|d| yearly_totals(&d.entries)));
    let floor = Memo::new(move |_| doc.with(|d| d.settings.pay_floor.clone()));
    let (amount, set_amount) = signal(floor.get_untracked().amount_text());
    let (currency, set_currency) = signal(floor.get_untracked().currency);
    let (message, set_message) = signal(String::new());
    // The floor this form was filled from: if another tab changed it since,
    // saving says so first instead of overwriting it silently.
    let base = StoredValue::new(floor.get_untracked());
    let save_floor = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let stored = floor.get_untracked();
        if base.with_value(|b| *b != stored) {
            base.set_value(stored.clone());
            set_message.set(format!(
                "Changed in another tab to {stored} an hour. Save again to replace it with yours."
            ));
            return;
        }
        let code = currency.get_untracked().trim().to_ascii_uppercase();
        if code.len() != 3 || !code.chars().all(|c| c.is_ascii_alphabetic()) {
            set_message.set("Use a three-letter currency code, e.g. USD.".into());
            return;
        }
        match Money::parse_amount(&amount.get_untracked()) {
            Err(e) => set_message.set(e.into()),
            Ok(cents) => {
                let chosen = Money {
                    cents,
                    currency: code.clone(),
                };
                base.set_value(chosen.clone());
                doc.update(|d| d.set_pay_floor(chosen, now()));
                set_message.set(format!(
                    "Entries paying less than {} {code} an hour are flagged.",
                    amount.get_untracked()
                ));
            }
        }
    };
    let rows = move || {
        totals
            .get()
            .into_iter()
            .map(|t| {
                view! {
                    <tr>
                        <th scope="row">{t.year}</th>
                        <td>{t.entries}</td>
                        <td>{format!("{:.1}", t.hours)}</td>
                        <td>{money_list(&t.earned)}</td>
                        <td>{money_list(&t.paid)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="panel" aria-labelledby="totals-heading">
            <h2 id="totals-heading">"Totals by year"</h2>
            <div class="table-wrap" role="region" aria-label="Totals by year, table" tabindex="0">
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">"Year"</th>
                            <th scope="col">"Entries"</th>
                            <th scope="col">"Hours"</th>
                            <th scope="col">"Fees"</th>
                            <th scope="col">"Paid"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="hint">"Hours are the hours you logged, or the estimate where you logged none."</p>
            <form class="inline-form" on:submit=save_floor novalidate>
                <div class="field compact">
                    <label for="pay-floor">"Pay floor per hour"</label>
                    <input id="pay-floor" inputmode="decimal" prop:value=move || amount.get() on:input=move |ev| set_amount.set(event_target_value(&ev)) />
                </div>
                <div class="field compact">
                    <label for="pay-floor-currency">"Currency"</label>
                    <input id="pay-floor-currency" prop:value=move || currency.get() on:input=move |ev| set_currency.set(event_target_value(&ev)) />
                </div>
                <button type="submit" class="button">"Save floor"</button>
            </form>
            <p class="status" role="status">{move || message.get()}</p>
        </section>
    }
}

/// Entries rendered at first, and added by each "Show more".
const PAGE: usize = 50;

#[component]
fn EntryList() -> impl IntoView {
    let doc = use_doc();
    let filter = RwSignal::new(EntryFilter::default());
    let shown = RwSignal::new(PAGE);
    let matching = Memo::new(move |_| {
        doc.with(|d| filter.with(|f| d.entries.iter().filter(|e| f.matches(e)).count()))
    });
    let menus = Memo::new(move |_| doc.with(|d| years_and_tags(&d.entries)));
    let skills = Memo::new(move |_| doc.with(|d| skills_in_use(&d.skills, &d.entries)));
    let cards = move || {
        doc.with(|d| {
            let f = filter.get();
            let by_id = skills_by_id(&d.skills);
            d.entries_newest_first()
                .into_iter()
                .filter(|e| f.matches(e))
                .take(shown.get())
                .map(|e| {
                    let rate = effective_rate(e);
                    let low = below_floor(e, &d.settings);
                    let skill_names = skill_names(&by_id, &e.skills);
                    let dates = format_date_range(e.start_date, e.end_date);
                    view! {
                        <li class="entry-card">
                            <h2>
                                <a href=Route::Entry(e.meta.id).href()>{e.title.clone()}</a>
                            </h2>
                            <p class="entry-sub">
                                {[e.organization.clone(), e.role.clone(), dates].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ")}
                            </p>
                            <p class="badges">
                                {(e.visibility == Visibility::Private).then(|| view! { <span class="badge">"Private"</span> })}
                                {e.fee.as_ref().map(|_| view! { <span class="badge">{e.payment.label()}</span> })}
                                {rate.map(|r| view! { <span class="rate">{r.describe()}</span> })}
                                {low.then(|| view! { <span class="badge badge-danger">"Below your pay floor"</span> })}
                            </p>
                            {(!skill_names.is_empty()).then(|| view! { <p class="entry-skills">"Skills: " {skill_names.join(", ")}</p> })}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let select = move |id: &'static str,
                       label: &'static str,
                       all: &'static str,
                       options: Vec<(String, String)>,
                       current: String,
                       set: Box<dyn Fn(String) + Send + Sync>| {
        view! {
            <div class="field compact">
                <label for=id>{label}</label>
                <select id=id prop:value=current on:change=move |ev| set(event_target_value(&ev))>
                    <option value="">{all}</option>
                    {options.into_iter().map(|(v, t)| view! { <option value=v>{t}</option> }).collect_view()}
                </select>
            </div>
        }
    };
    let filters = move || {
        let (years, tags) = menus.get();
        let f = filter.get_untracked();
        view! {
            <div class="toolbar" role="group" aria-label="Filter entries">
                {select(
                    "entry-filter-tag",
                    "Tag",
                    "All tags",
                    tags.into_iter().map(|t| (t.clone(), t)).collect(),
                    f.tag.clone().unwrap_or_default(),
                    Box::new(move |v| filter.update(|f| f.tag = (!v.is_empty()).then_some(v))),
                )}
                {select(
                    "entry-filter-skill",
                    "Skill",
                    "All skills",
                    skills.get().into_iter().map(|(id, n)| (id.to_string(), n)).collect(),
                    f.skill.map(|s| s.to_string()).unwrap_or_default(),
                    Box::new(move |v| filter.update(|f| f.skill = RecordId::parse(&v))),
                )}
                {select(
                    "entry-filter-year",
                    "Year",
                    "All years",
                    years.into_iter().map(|y| (y.to_string(), y.to_string())).collect(),
                    f.year.map(|y| y.to_string()).unwrap_or_default(),
                    Box::new(move |v| filter.update(|f| f.year = v.parse().ok())),
                )}
            </div>
        }
    };
    view! {
        {filters}
        <ul class="entry-list">{cards}</ul>
        <ShowMore shown=shown total=matching step=PAGE what="portfolio entries" />
    }
}
