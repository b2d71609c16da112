//! The supervisor's page: a feedback request opened from its link. It
//! shows the project and a short form (the asked ratings with each level
//! described, a comment per competency and overall, what was gained,
//! "may be shown in shared portfolios", their name and title); submitting
//! seals the answer and gives the link back, with an e-mail to the student.
//!
//! It is the recipient's page (it sets [`RecipientView`]: no app chrome)
//! and writes nothing to this browser's storage: the request and the
//! answer live in this page's signals only, so closing the page with
//! feedback typed but no answer link made asks first (`beforeunload`). The request is untrusted and
//! every text from it is shown as text.

use crate::domain::feedback_link::format::{
    mailto, response_mail, FeedbackRequest, FeedbackResponse, LINK_VERSION, MAX_COMMENT, MAX_LONG,
    MAX_SHORT, RESPONSE_FORMAT,
};
use crate::domain::feedback_link::CompetencyRating;
use crate::domain::{SafeUrl, UrlPolicy};
use crate::ui::feedback_link::{open_request, response_link};
use crate::ui::platform::{format_date_range, new_id, today};
use crate::ui::state::RecipientView;
use crate::ui::widgets::{ExternalLink, LinkOutput, PageHeading, RatingScale};
use leptos::prelude::*;

#[derive(Clone)]
enum State {
    Opening,
    Failed(String),
    Answering(FeedbackRequest),
}

#[component]
pub fn SupervisorPage(data: String) -> impl IntoView {
    let recipient = expect_context::<RecipientView>().0;
    let state = RwSignal::new(State::Opening);
    leptos::task::spawn_local(async move {
        state.set(match open_request(&data).await {
            Ok(request) => State::Answering(request),
            Err(e) => State::Failed(e),
        });
    });
    Effect::new(move || {
        let showing = state.with(|s| matches!(s, State::Answering(_)));
        if recipient.get_untracked() != showing {
            recipient.set(showing);
        }
    });
    on_cleanup(move || {
        recipient.try_set(false);
    });
    move || match state.get() {
        State::Opening => view! { <p role="status">"Opening the feedback request…"</p> }.into_any(),
        State::Failed(e) => view! {
            <PageHeading>"This feedback request cannot be opened"</PageHeading>
            <p class="error" role="alert">{e}</p>
            <p>"Ask the student to send the link again."</p>
        }
        .into_any(),
        State::Answering(request) => view! { <AnswerForm request=request /> }.into_any(),
    }
}

/// One asked competency's answer.
#[derive(Clone)]
struct Asked {
    name: String,
    rating: RwSignal<Option<u8>>,
    comment: RwSignal<String>,
}

#[component]
fn AnswerForm(request: FeedbackRequest) -> impl IntoView {
    let r = request.clone();
    let overall = RwSignal::new(None::<u8>);
    let comment = RwSignal::new(String::new());
    let gained = RwSignal::new(String::new());
    let shareable = RwSignal::new(true);
    let name = RwSignal::new(String::new());
    let title = RwSignal::new(String::new());
    let asked: Vec<Asked> = r
        .questions
        .competencies
        .iter()
        .map(|n| Asked {
            name: n.clone(),
            rating: RwSignal::new(None),
            comment: RwSignal::new(String::new()),
        })
        .collect();
    let done = RwSignal::new(None::<Result<(String, Option<SafeUrl>), String>>);
    let missing_name = RwSignal::new(false);
    // Typed text is never lost silently: closing or reloading the page
    // before the answer link is made asks first.
    let typed = {
        let asked = asked.clone();
        move || {
            done.with_untracked(|d| !matches!(d, Some(Ok(_))))
                && (overall.get_untracked().is_some()
                    || [comment, gained, name, title]
                        .iter()
                        .any(|t| !t.with_untracked(String::is_empty))
                    || asked.iter().any(|a| {
                        a.rating.get_untracked().is_some()
                            || !a.comment.with_untracked(String::is_empty)
                    }))
        }
    };
    let ask = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if typed() {
            ev.prevent_default();
            ev.set_return_value("Your feedback is not sent yet.");
        }
    });
    on_cleanup(move || ask.remove());

    let submit = {
        let (asked, request) = (asked.clone(), request.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if name.get_untracked().trim().is_empty() {
                missing_name.set(true);
                crate::ui::platform::focus_element("answer-name");
                return;
            }
            missing_name.set(false);
            let response = FeedbackResponse {
                format: RESPONSE_FORMAT.into(),
                version: LINK_VERSION,
                id: new_id(),
                request: request.id,
                answered: today(),
                name: name.get_untracked().trim().to_owned(),
                title: title.get_untracked().trim().to_owned(),
                overall: overall.get_untracked(),
                comment: comment.get_untracked().trim().to_owned(),
                competencies: asked
                    .iter()
                    .map(|a| CompetencyRating {
                        name: a.name.clone(),
                        rating: a.rating.get_untracked(),
                        comment: a.comment.get_untracked().trim().to_owned(),
                    })
                    .collect(),
                gained: gained.get_untracked().trim().to_owned(),
                shareable: shareable.get_untracked(),
                seal: String::new(),
            };
            let request = request.clone();
            leptos::task::spawn_local(async move {
                done.set(Some(match response_link(response, &request.key).await {
                    Ok((link, response)) => {
                        let (subject, body) = response_mail(&request, &response, &link);
                        let mail = mailto(&request.reply_to, &subject, &body)
                            .and_then(|m| SafeUrl::parse(&m, UrlPolicy::WebOrMail).ok());
                        Ok((link, mail))
                    }
                    Err(e) => Err(e),
                }));
            });
        }
    };

    let competencies = asked
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let (id, comment_id) = (format!("rate-{i}"), format!("rate-{i}-comment"));
            let c = a.comment;
            view! {
                <div class="answer-block">
                    <RatingScale id=id legend=a.name.clone() value=a.rating />
                    <div class="field">
                        <label for=comment_id.clone()>{format!("Comment on {}", a.name)}</label>
                        <textarea id=comment_id rows="2" maxlength=MAX_COMMENT prop:value=move || c.get() on:input=move |ev| c.set(event_target_value(&ev))></textarea>
                    </div>
                </div>
            }
        })
        .collect_view();
    let dates = format_date_range(r.project.start_date, r.project.end_date);
    let deliverables = r
        .project
        .deliverables
        .iter()
        .map(|d| view! { <li>{d.clone()}</li> })
        .collect_view();
    let student = r.student.clone();
    let reply_to = r.reply_to.clone();
    let q = r.questions.clone();

    view! {
        <div class="supervisor-page">
            <PageHeading>{format!("Feedback for {}", r.student)}</PageHeading>
            <p class="lead">
                {format!("{} asks for your feedback on their work. It takes a few minutes and needs no account. ", r.student)}
                "Nothing you type is stored or sent anywhere: when you are done, you get a link to send back."
            </p>
            <section class="panel" aria-labelledby="project-heading">
                <h2 id="project-heading">"The project"</h2>
                <p><strong>{r.project.title.clone()}</strong></p>
                <p class="muted">{[r.project.organization.clone(), dates].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ")}</p>
                {(!r.project.deliverables.is_empty()).then(|| view! { <h3>"Deliverables"</h3> <ul class="plain-list">{deliverables}</ul> })}
            </section>
            <form class="panel form" aria-labelledby="answer-heading" on:submit=submit novalidate>
                <h2 id="answer-heading">"Your feedback"</h2>
                {q.overall.then(|| view! {
                    <RatingScale id="rate-overall".to_owned() legend="Overall" value=overall />
                    <div class="field">
                        <label for="answer-comment">"Overall comment"</label>
                        <textarea id="answer-comment" rows="3" maxlength=MAX_LONG prop:value=move || comment.get() on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
                    </div>
                })}
                {competencies}
                {q.gained.then(|| view! {
                    <div class="field">
                        <label for="answer-gained">"What did your organization gain from the project?"</label>
                        <textarea id="answer-gained" rows="3" maxlength=MAX_LONG prop:value=move || gained.get() on:input=move |ev| gained.set(event_target_value(&ev))></textarea>
                    </div>
                })}
                <div class="check">
                    <input type="checkbox" id="answer-shareable" prop:checked=move || shareable.get() on:change=move |ev| shareable.set(event_target_checked(&ev)) />
                    <label for="answer-shareable">{format!("{student} may show this feedback in shared portfolios")}</label>
                </div>
                <div class="field" class:field-invalid=move || missing_name.get()>
                    <label for="answer-name">"Your name"</label>
                    <input id="answer-name" type="text" autocomplete="name" maxlength=MAX_SHORT required
                        aria-invalid=move || missing_name.get().then_some("true")
                        aria-describedby=move || missing_name.get().then_some("answer-name-error")
                        prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                    <Show when=move || missing_name.get()>
                        <p class="error" id="answer-name-error">"Enter your name: the student shows it with your feedback."</p>
                    </Show>
                </div>
                <div class="field">
                    <label for="answer-title">"Your title"</label>
                    <input id="answer-title" type="text" autocomplete="organization-title" maxlength=MAX_SHORT prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev)) />
                </div>
                <div class="actions">
                    <button type="submit" class="button primary">"Make my answer link"</button>
                </div>
            </form>
            {move || done.get().map(|d| match d {
                Err(e) => view! { <p class="error" role="alert">{e}</p> }.into_any(),
                Ok((link, mail)) => view! {
                    <section class="panel" aria-labelledby="answer-done">
                        <h2 id="answer-done">"Send your answer back"</h2>
                        <LinkOutput id="answer-link" label="Answer link" url=link
                            hint="Your answer travels inside the link. Nothing was stored in this browser: if you change something above, make the link again." />
                        {mail.map(|url| view! { <p><ExternalLink url=url text=format!("E-mail it back to {reply_to}") /></p> })}
                    </section>
                }
                .into_any(),
            })}
        </div>
    }
}
