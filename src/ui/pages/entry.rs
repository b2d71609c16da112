//! One portfolio entry, as the student reads it: what was delivered, the
//! feedback, the reflection, the economics, and delete with undo. Its
//! skills' names are joined through an index ([`skills_by_id`]).

use crate::domain::economics::{below_floor, effective_rate};
use crate::domain::inventory::{skill_names, skills_by_id};
use crate::domain::portfolio::{Outcome, Visibility};
use crate::domain::{Document, PortfolioEntry, RecordId, RemovedEntry};
use crate::routes::Route;
use crate::ui::form::DeleteRecord;
use crate::ui::platform::{format_date, format_date_range};
use crate::ui::state::use_doc;
use crate::ui::widgets::PageHeading;
use crate::ui::widgets::{stars, ExternalLink};
use leptos::prelude::*;

#[component]
pub fn EntryPage(id: RecordId) -> impl IntoView {
    let doc = use_doc();
    if doc.with_untracked(|d| d.entry(id).is_none()) {
        return view! {
            <PageHeading>"Entry not found"</PageHeading>
            <p>"This portfolio entry does not exist here. It may have been deleted."</p>
            <p><a class="button" href=Route::Portfolio.href()>"Back to the portfolio"</a></p>
        }
        .into_any();
    }
    let entry = Memo::new(move |_| doc.with(|d| d.entry(id).cloned()));
    view! {
        <p class="breadcrumb"><a href=Route::Portfolio.href()>"← Portfolio"</a></p>
        {move || entry.get().map(|e| view! { <EntryView entry=e /> })}
        <super::entry_feedback::FeedbackByLink entry=id />
        <DeleteRecord
            id=id
            button="Delete entry"
            explain="Deleting removes this entry from your portfolio. You can undo it for a few seconds."
            remove=Document::remove_entry
            restore=Document::restore_entry
            told=|r: &RemovedEntry| format!("Deleted {}.", r.entry.title)
            then=Route::Portfolio
        />
    }
    .into_any()
}

#[component]
fn EntryView(entry: PortfolioEntry) -> impl IntoView {
    let doc = use_doc();
    let e = entry;
    let (rate, low, supervisor, skills, from_app) = doc.with_untracked(|d| {
        (
            effective_rate(&e),
            below_floor(&e, &d.settings),
            e.supervisor
                .and_then(|id| d.contact(id))
                .map(|c| (c.meta.id, c.name.clone())),
            skill_names(&skills_by_id(&d.skills), &e.skills),
            e.application
                .and_then(|id| d.application(id))
                .map(|a| (a.meta.id, a.title())),
        )
    });
    let dates = format_date_range(e.start_date, e.end_date);
    let sub = [
        e.organization.clone(),
        e.role.clone(),
        dates,
        e.arrangement
            .map(|a| a.label().to_owned())
            .unwrap_or_default(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(" · ");
    let deliverables = e
        .deliverables
        .iter()
        .map(|d| {
            view! {
                <li>
                    <strong>{d.title.clone()}</strong>
                    {d.date.map(|t| view! { <span class="muted">{format!(" · {}", format_date(t))}</span> })}
                    {(!d.description.is_empty()).then(|| view! { <p>{d.description.clone()}</p> })}
                    {d.link.clone().map(|url| view! { <p><ExternalLink url=url text="Open the deliverable" /></p> })}
                </li>
            }
        })
        .collect_view();
    let milestones = e
        .milestones
        .iter()
        .map(|m| {
            view! {
                <li>
                    {if m.done { "✓ Done: " } else { "○ Open: " }}
                    {m.title.clone()}
                    {m.due.map(|t| format!(" (due {})", format_date(t)))}
                </li>
            }
        })
        .collect_view();
    let objectives = e
        .objectives
        .iter()
        .map(|o| {
            let class = match o.outcome {
                Outcome::Met => "outcome met",
                Outcome::Partly => "outcome partly",
                Outcome::NotMet => "outcome not-met",
                Outcome::NotYet => "outcome",
            };
            view! {
                <li>
                    {o.text.clone()} " — " <span class=class>{o.outcome.label()}</span>
                </li>
            }
        })
        .collect_view();
    let feedback = (!e.feedback.is_empty()).then(|| {
        let f = e.feedback.clone();
        view! {
            <section class="panel" aria-labelledby="feedback-heading">
                <h2 id="feedback-heading">"Supervisor feedback"</h2>
                {(!f.quote.is_empty()).then(|| view! { <blockquote>{f.quote.clone()}</blockquote> })}
                <p class="muted">
                    {f.rating.map(stars)}
                    {f.date.map(|t| format!(" · {}", format_date(t)))}
                    {if f.shareable { " · You may share this feedback" } else { " · Private: not shown in shared portfolios" }}
                </p>
            </section>
        }
    });
    view! {
        <div class="page-head">
            <PageHeading>{e.title.clone()}</PageHeading>
            <a class="button primary" href=Route::EditEntry(e.meta.id).href()>"Edit"</a>
        </div>
        <p class="facts-line">{sub}</p>
        <p class="badges">
            <span class="badge">{if e.visibility == Visibility::Public { "Shown in shared portfolio" } else { "Private" }}</span>
            {from_app.map(|(aid, title)| view! { <span>"From application " <a href=Route::Application(aid).href()>{title}</a></span> })}
        </p>
        <section class="panel" aria-labelledby="deliverables-heading">
            <h2 id="deliverables-heading">"Deliverables"</h2>
            {if e.deliverables.is_empty() { Some(view! { <p class="hint">"No deliverables recorded yet."</p> }) } else { None }}
            <ul class="plain-list">{deliverables}</ul>
            {(!e.milestones.is_empty()).then(|| view! { <h3>"Milestones"</h3> <ul class="plain-list">{milestones}</ul> })}
        </section>
        {feedback}
        <section class="panel" aria-labelledby="learning-heading">
            <h2 id="learning-heading">"Learning"</h2>
            {(!e.objectives.is_empty()).then(|| view! { <h3>"Objectives"</h3> <ul class="plain-list">{objectives}</ul> })}
            {(!e.reflection.is_empty()).then(|| view! { <h3>"What I learned"</h3> <p class="prewrap">{e.reflection.clone()}</p> })}
            {(!skills.is_empty()).then(|| view! { <h3>"Skills shown"</h3> <p>{skills.join(", ")}</p> })}
            {(e.objectives.is_empty() && e.reflection.is_empty() && skills.is_empty()).then(|| view! { <p class="hint">"Add your learning objectives and a reflection from the Edit page."</p> })}
        </section>
        <section class="panel" aria-labelledby="money-heading">
            <h2 id="money-heading">"Hours and pay"</h2>
            <dl class="facts">
                <dt>"Estimated hours"</dt><dd>{e.estimated_hours.map(|h| h.to_string()).unwrap_or_else(|| "—".into())}</dd>
                <dt>"Hours logged"</dt><dd>{e.logged_hours.map(|h| h.to_string()).unwrap_or_else(|| "—".into())}</dd>
                <dt>"Fixed fee"</dt><dd>{e.fee.as_ref().map(|f| format!("{f} · {}", e.payment.label())).unwrap_or_else(|| "—".into())}</dd>
                <dt>"Effective rate"</dt><dd>{rate.map(|r| r.describe()).unwrap_or_else(|| "— (needs a fee and hours)".into())}</dd>
            </dl>
            {low.then(|| view! { <p class="flag">"This paid less per hour than your pay floor (set it on the Portfolio page)."</p> })}
            {supervisor.map(|(cid, name)| view! { <p>"Supervisor: " <a href=Route::Contact(cid).href()>{name}</a></p> })}
            {(!e.tags.is_empty()).then(|| view! { <p>"Tags: " {e.tags.join(", ")}</p> })}
        </section>
    }
}
