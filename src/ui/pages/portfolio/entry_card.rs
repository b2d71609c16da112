//! One portfolio entry as a showcase card: what it was, for whom and when,
//! links to the deliverables, the supervisor's words and the skills shown.
//! The money is in the Earnings section, not here.

use crate::domain::portfolio::{PortfolioEntry, Visibility};
use crate::routes::Route;
use crate::ui::platform::format_date_range;
use crate::ui::widgets::{stars, ExternalLink};
use leptos::prelude::*;

/// Deliverable links shown on a card; the entry's page has them all.
const LINKS: usize = 3;

#[component]
pub fn EntryCard(entry: PortfolioEntry, skills: Vec<String>) -> impl IntoView {
    let e = entry;
    let dates = format_date_range(e.start_date, e.end_date);
    let sub = [e.organization.clone(), e.role.clone(), dates]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let links = e
        .deliverables
        .iter()
        .filter_map(|d| d.link.clone().map(|url| (url, d.title.clone())))
        .take(LINKS)
        .map(|(url, title)| view! { <li><ExternalLink url=url text=title /></li> })
        .collect_view();
    let has_links = e.deliverables.iter().any(|d| d.link.is_some());
    let quote = (!e.feedback.quote.trim().is_empty()).then(|| {
        let private = !e.feedback.shareable;
        view! {
            <figure class="entry-quote">
                <blockquote>{e.feedback.quote.clone()}</blockquote>
                <figcaption>
                    {e.feedback.rating.map(|r| format!("{} ", stars(r)))}
                    {private.then(|| view! { <span class="badge">"Not shared"</span> })}
                </figcaption>
            </figure>
        }
    });
    let chips = (!skills.is_empty()).then(|| {
        let items = skills
            .into_iter()
            .map(|s| view! { <li class="chip">{s}</li> })
            .collect_view();
        view! { <ul class="chips" aria-label="Skills shown">{items}</ul> }
    });
    view! {
        <li class="entry-card">
            <h2>
                <a href=Route::Entry(e.meta.id).href()>{e.title.clone()}</a>
            </h2>
            <p class="entry-sub">{sub}</p>
            {(e.visibility == Visibility::Private).then(|| view! {
                <p class="badges"><span class="badge">"Private: left out of what you share"</span></p>
            })}
            {has_links.then(|| view! { <ul class="entry-links" aria-label="Deliverables">{links}</ul> })}
            {quote}
            {chips}
        </li>
    }
}
