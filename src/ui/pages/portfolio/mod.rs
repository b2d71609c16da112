//! Portfolio: the micro-internships the student has done, newest first
//! (50 at a time, with "Show more"), as a showcase of the work (cards in
//! `entry_card.rs`), filtered by tag, skill and year; the money (yearly
//! totals, rates, the pay floor) in its own Earnings section, closed until
//! opened. Skill names are joined
//! through an index built once per render ([`skills_by_id`]).

mod earnings;
mod entry_card;

use crate::domain::inventory::{skill_names, skills_by_id, skills_in_use};
use crate::domain::portfolio::{years_and_tags, EntryFilter};
use crate::domain::RecordId;
use crate::routes::Route;
use crate::ui::state::use_doc;
use crate::ui::widgets::PageHeading;
use crate::ui::widgets::{EmptyState, FilterFold, ShowMore};
use earnings::Earnings;
use entry_card::EntryCard;
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
                <EntryList />
                <Earnings />
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
                .map(|e| view! { <EntryCard entry=e.clone() skills=skill_names(&by_id, &e.skills) /> })
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
                <FilterFold id="entry-filters" active=Signal::derive(move || filter.with(|f| *f != EntryFilter::default()))>
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
                </FilterFold>
            </div>
        }
    };
    view! {
        {filters}
        <ul class="entry-list">{cards}</ul>
        <ShowMore shown=shown total=matching step=PAGE what="portfolio entries" />
    }
}
