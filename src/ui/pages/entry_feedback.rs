//! The entry page's "Feedback by link" section: ask a supervisor (a link
//! to the request page), every request with its state, each answer marked
//! as received by link from the name it gives, and the student's own
//! ratings before and after against the supervisor's, with a form to rate
//! themselves after the work.

use crate::domain::feedback_link::matching::rate_self;
use crate::domain::feedback_link::{CompetencyRating, FeedbackAsk};
use crate::domain::RecordId;
use crate::routes::Route;
use crate::ui::platform::{format_date, now};
use crate::ui::state::use_doc;
use crate::ui::widgets::{AnswerView, RatingScale, SelfVersusSupervisor};
use leptos::prelude::*;

#[component]
pub fn FeedbackByLink(entry: RecordId) -> impl IntoView {
    let doc = use_doc();
    let asks = Memo::new(move |_| {
        doc.with(|d| {
            d.entry(entry)
                .map(|e| e.feedback_requests.clone())
                .unwrap_or_default()
        })
    });
    view! {
        <section class="panel" aria-labelledby="by-link-heading">
            <h2 id="by-link-heading">"Feedback by link"</h2>
            <p class="hint">"Your supervisor answers a short form from a link, with no account; the answer comes back to you as a link."</p>
            <p><a class="button" href=Route::FeedbackRequest(entry).href()>"Ask for feedback by link"</a></p>
            {move || asks.get().into_iter().rev().map(|ask| view! { <AskView entry=entry ask=ask /> }).collect_view()}
        </section>
    }
}

#[component]
fn AskView(entry: RecordId, ask: FeedbackAsk) -> impl IntoView {
    let asked = format!("Asked on {}", format_date(ask.asked));
    let names = ask.questions.competencies.clone();
    let table = (!names.is_empty()).then(|| {
        view! {
            <SelfVersusSupervisor
                names=names.clone()
                before=ask.self_before.clone()
                after=ask.self_after.clone()
                supervisor=ask.answer.as_ref().map(|a| a.competencies.clone()).unwrap_or_default()
                caption="Ratings, 1 to 5".to_owned()
            />
            <RateAfter entry=entry ask=ask.clone() />
        }
    });
    view! {
        <article class="ask">
            {match ask.answer.clone() {
                None => view! { <h3>{asked}</h3> <p>"Waiting for an answer."</p> }.into_any(),
                Some(a) => view! {
                    <h3>{format!("Received by link on {}", format_date(a.received))}</h3>
                    <p class="hint">{format!("{asked}. A link does not prove who wrote the answer: it is shown from the name it gives.")}</p>
                    <AnswerView answer=a />
                }
                .into_any(),
            }}
            {table}
        </article>
    }
}

/// Rating oneself after the work, on the asked competencies.
#[component]
fn RateAfter(entry: RecordId, ask: FeedbackAsk) -> impl IntoView {
    let doc = use_doc();
    let request = ask.id;
    let scales: Vec<(String, RwSignal<Option<u8>>)> = ask
        .questions
        .competencies
        .iter()
        .map(|n| {
            let now = ask
                .self_after
                .iter()
                .find(|c| &c.name == n)
                .and_then(|c| c.rating);
            (n.clone(), RwSignal::new(now))
        })
        .collect();
    let saved = RwSignal::new(false);
    let save = {
        let scales = scales.clone();
        move |_| {
            let ratings = scales
                .iter()
                .filter_map(|(name, r)| {
                    r.get_untracked().map(|r| CompetencyRating {
                        name: name.clone(),
                        rating: Some(r),
                        comment: String::new(),
                    })
                })
                .collect();
            let mut ok = false;
            doc.update(|d| ok = rate_self(d, entry, request, true, ratings, now()));
            saved.set(ok);
        }
    };
    let views = scales
        .iter()
        .enumerate()
        .map(|(i, (name, r))| view! { <RatingScale id=format!("after-{request}-{i}") legend=name.clone() value=*r /> })
        .collect_view();
    view! {
        <details>
            <summary>"Rate yourself after the work"</summary>
            {views}
            <div class="actions">
                <button type="button" class="button" on:click=save>"Save my ratings"</button>
                <Show when=move || saved.get()><span role="status">"Saved."</span></Show>
            </div>
        </details>
    }
}
