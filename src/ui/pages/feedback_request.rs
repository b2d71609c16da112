//! Asking a supervisor for feedback on one entry: the student picks the
//! questions (an overall rating, competencies from the deployment's list,
//! what the organization gained), may rate themselves on those
//! competencies first, sees exactly what the link will carry, and gets the
//! request link and a ready e-mail. Making the link remembers the request
//! on the entry, so the answer can be matched when it comes back.

use crate::domain::feedback_link::format::{
    check_questions, mailto, request_mail, FeedbackRequest,
};
use crate::domain::feedback_link::matching::{build_request, remember};
use crate::domain::feedback_link::{CompetencyRating, Questions};
use crate::domain::{RecordId, SafeUrl, UrlPolicy};
use crate::routes::Route;
use crate::ui::branding::use_branding;
use crate::ui::feedback_link::{new_key, request_link};
use crate::ui::platform::{format_date_range, new_id, now, today};
use crate::ui::state::use_doc;
use crate::ui::widgets::{ExternalLink, LinkOutput, PageHeading, RatingScale};
use leptos::prelude::*;

#[derive(Clone)]
enum Made {
    None,
    Making,
    Ready(String, Option<SafeUrl>),
    Failed(String),
}

#[component]
pub fn FeedbackRequestPage(id: RecordId) -> impl IntoView {
    let doc = use_doc();
    let Some(entry) = doc.with_untracked(|d| d.entry(id).cloned()) else {
        return view! {
            <PageHeading>"Entry not found"</PageHeading>
            <p>"This portfolio entry does not exist here. It may have been deleted."</p>
            <p><a class="button" href=Route::Portfolio.href()>"Back to the portfolio"</a></p>
        }
        .into_any();
    };
    let (student, email, supervisor_email) = doc.with_untracked(|d| {
        (
            d.profile.name.clone(),
            d.profile.email.clone(),
            entry
                .supervisor
                .and_then(|s| d.contact(s))
                .map(|c| c.email.clone())
                .unwrap_or_default(),
        )
    });
    let list = use_branding().config.get_untracked().competencies;
    let overall = RwSignal::new(true);
    let gained = RwSignal::new(true);
    let include_email = RwSignal::new(!email.is_empty());
    let to = RwSignal::new(supervisor_email);
    let chosen: Vec<(String, RwSignal<bool>, RwSignal<Option<u8>>)> = list
        .iter()
        .map(|c| (c.clone(), RwSignal::new(true), RwSignal::new(None)))
        .collect();
    let made = RwSignal::new(Made::None);

    let questions = {
        let chosen = chosen.clone();
        move || Questions {
            overall: overall.get(),
            competencies: chosen
                .iter()
                .filter(|(_, on, _)| on.get())
                .map(|(n, ..)| n.clone())
                .collect(),
            gained: gained.get(),
        }
    };
    let problem = {
        let questions = questions.clone();
        let student = student.clone();
        move || {
            if student.trim().is_empty() {
                Some("Add your name on the Profile page first: the supervisor needs to know who asks.".to_owned())
            } else {
                check_questions(&questions())
                    .err()
                    .map(|why| format!("Choose what to ask: {why}."))
            }
        }
    };
    let make = {
        let (questions, chosen, entry, student) = (
            questions.clone(),
            chosen.clone(),
            entry.clone(),
            student.clone(),
        );
        move |_| {
            let key = match new_key() {
                Ok(key) => key,
                Err(e) => return made.set(Made::Failed(e)),
            };
            let reply = if include_email.get_untracked() {
                email.clone()
            } else {
                String::new()
            };
            let request = build_request(&entry, &student, &reply, questions(), new_id(), key);
            let before: Vec<CompetencyRating> = chosen
                .iter()
                .filter(|(_, on, r)| on.get_untracked() && r.get_untracked().is_some())
                .map(|(name, _, r)| CompetencyRating {
                    name: name.clone(),
                    rating: r.get_untracked(),
                    comment: String::new(),
                })
                .collect();
            made.set(Made::Making);
            leptos::task::spawn_local(
                async move { finish(doc, id, request, before, to, made).await },
            );
        }
    };

    let boxes = chosen
        .iter()
        .enumerate()
        .map(|(i, (name, on, _))| {
            let (name, on, box_id) = (name.clone(), *on, format!("ask-competency-{i}"));
            view! {
                <div class="check">
                    <input type="checkbox" id=box_id.clone() prop:checked=move || on.get()
                        on:change=move |ev| { on.set(event_target_checked(&ev)); made.set(Made::None); } />
                    <label for=box_id>{name}</label>
                </div>
            }
        })
        .collect_view();
    let self_scales = chosen
        .iter()
        .enumerate()
        .map(|(i, (name, on, rating))| {
            let (on, scale) = (
                *on,
                view! { <RatingScale id=format!("self-{i}") legend=name.clone() value=*rating /> },
            );
            view! { <div hidden=move || !on.get()>{scale}</div> }
        })
        .collect_view();
    let dates = format_date_range(entry.start_date, entry.end_date);
    let deliverables = entry
        .deliverables
        .iter()
        .map(|d| view! { <li>{d.title.clone()}</li> })
        .collect_view();
    let has_email = !doc.with_untracked(|d| d.profile.email.is_empty());

    view! {
        <p class="breadcrumb"><a href=Route::Entry(id).href()>{format!("← {}", entry.title)}</a></p>
        <PageHeading>"Ask for feedback"</PageHeading>
        <p class="lead">
            "Send your supervisor a link. It opens a short form in their browser, with no account; "
            "their answer comes back to you as a link, which adds it to this entry. Nothing passes through a server."
        </p>
        <section class="panel" aria-labelledby="ask-what">
            <h2 id="ask-what">"What to ask"</h2>
            <div class="check">
                <input type="checkbox" id="ask-overall" prop:checked=move || overall.get() on:change=move |ev| overall.set(event_target_checked(&ev)) />
                <label for="ask-overall">"An overall rating (1 to 5) and comment"</label>
            </div>
            <fieldset>
                <legend>"Competencies to rate"</legend>
                {boxes}
            </fieldset>
            <div class="check">
                <input type="checkbox" id="ask-gained" prop:checked=move || gained.get() on:change=move |ev| gained.set(event_target_checked(&ev)) />
                <label for="ask-gained">"What their organization gained from the project"</label>
            </div>
        </section>
        <details class="panel">
            <summary>"Rate yourself first (optional)"</summary>
            <p class="hint">"Your own ratings stay in your Microfolio; the entry shows them beside your supervisor’s. They are not in the link."</p>
            {self_scales}
        </details>
        <section class="panel" aria-labelledby="ask-sent">
            <h2 id="ask-sent">"What the link carries"</h2>
            <p>"Only this: your name"{has_email.then_some(" (and your e-mail, if you tick it below)")}", the project and the questions."</p>
            <dl class="facts">
                <dt>"From"</dt><dd>{if student.is_empty() { "— (no name on your profile)".to_owned() } else { student.clone() }}</dd>
                <dt>"Project"</dt><dd>{entry.title.clone()}</dd>
                <dt>"Organization"</dt><dd>{if entry.organization.is_empty() { "—".to_owned() } else { entry.organization.clone() }}</dd>
                <dt>"Dates"</dt><dd>{if dates.is_empty() { "—".to_owned() } else { dates }}</dd>
            </dl>
            {(!entry.deliverables.is_empty()).then(|| view! { <h3>"Deliverables"</h3> <ul class="plain-list">{deliverables}</ul> })}
            <p class="hint">"Never in it: fees, hours, notes, your reflection, skills, links, tags or contacts."</p>
            {has_email.then(|| view! {
                <div class="check">
                    <input type="checkbox" id="ask-email" prop:checked=move || include_email.get() on:change=move |ev| include_email.set(event_target_checked(&ev)) />
                    <label for="ask-email">"My e-mail address, so the answer can be e-mailed back"</label>
                </div>
            })}
            <div class="field">
                <label for="ask-to">"Supervisor’s e-mail"</label>
                <p class="hint">"For the ready e-mail; leave it empty to send the link another way."</p>
                <input id="ask-to" type="email" autocomplete="off" prop:value=move || to.get() on:input=move |ev| to.set(event_target_value(&ev)) />
            </div>
        </section>
        <section class="panel" aria-labelledby="ask-make">
            <h2 id="ask-make">"Send it"</h2>
            {let problem = problem.clone(); move || problem().map(|p| view! { <p class="error" role="alert">{p}</p> })}
            <div class="actions">
                <button type="button" class="button primary" disabled=move || problem().is_some() on:click=make>"Make the request link"</button>
            </div>
            {move || made_view(made.get())}
        </section>
    }
    .into_any()
}

/// Makes the link, then remembers the request on the entry.
async fn finish(
    doc: RwSignal<crate::domain::Document>,
    entry: RecordId,
    request: FeedbackRequest,
    before: Vec<CompetencyRating>,
    to: RwSignal<String>,
    made: RwSignal<Made>,
) {
    let link = match request_link(&request).await {
        Ok(link) => link,
        Err(e) => return made.set(Made::Failed(e)),
    };
    let mut stored = false;
    doc.update(|d| {
        stored = remember(d, entry, &request, today(), now());
        if let Some(ask) = d
            .entries
            .iter_mut()
            .find(|e| e.meta.id == entry)
            .and_then(|e| e.feedback_requests.last_mut())
        {
            ask.self_before = before;
        }
    });
    if !stored {
        return made.set(Made::Failed(
            "The entry was deleted meanwhile; no request was made.".into(),
        ));
    }
    let (subject, body) = request_mail(&request, &link);
    let mail = mailto(&to.get_untracked(), &subject, &body)
        .and_then(|m| SafeUrl::parse(&m, UrlPolicy::WebOrMail).ok());
    made.set(Made::Ready(link, mail));
}

fn made_view(made: Made) -> impl IntoView {
    match made {
        Made::None => ().into_any(),
        Made::Making => view! { <p role="status">"Making the link…"</p> }.into_any(),
        Made::Failed(e) => view! { <p class="error" role="alert">{e}</p> }.into_any(),
        Made::Ready(link, mail) => {
            let chars = link.chars().count();
            view! {
                <p role="status">"The request is made and remembered on this entry."</p>
                <LinkOutput id="request-link" label="Request link" url=link
                    hint=format!("{chars} characters. Anyone with the link can answer it; the answer names who they say they are.") />
                {mail.map(|url| view! { <p><ExternalLink url=url text="Open the ready e-mail" /></p> })}
            }
            .into_any()
        }
    }
}
