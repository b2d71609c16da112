//! A supervisor's answer, opened by the student from its link: matched to
//! the request remembered on an entry, its seal checked against that
//! request's key, previewed, and attached only when the student says so.
//! An answer whose request is unknown, that was changed, or that is
//! already attached is refused with nothing changed
//! ([`crate::domain::feedback_link::matching`]).

use crate::domain::feedback_link::matching::{attach, find, judge, Verdict};
use crate::routes::Route;
use crate::ui::feedback_link::{open_response, seal_valid};
use crate::ui::platform::{format_date, go, now, today};
use crate::ui::shell::Toaster;
use crate::ui::state::use_doc;
use crate::ui::widgets::{AnswerView, PageHeading};
use leptos::prelude::*;

#[derive(Clone)]
enum State {
    Opening,
    Refused(String),
    Preview(Box<Verdict>),
}

#[component]
pub fn FeedbackResponsePage(data: String) -> impl IntoView {
    let doc = use_doc();
    let toaster = expect_context::<Toaster>();
    let state = RwSignal::new(State::Opening);
    leptos::task::spawn_local(async move {
        let judged = async {
            let response = open_response(&data).await?;
            let key = doc.with_untracked(|d| find(d, response.request).map(|(_, a)| a.key.clone()));
            let valid = match key {
                Some(key) => seal_valid(&response, &key).await,
                None => false,
            };
            doc.with_untracked(|d| judge(d, &response, valid, today()))
                .map_err(|r| r.to_string())
        };
        state.set(match judged.await {
            Ok(verdict) => State::Preview(Box::new(verdict)),
            Err(message) => State::Refused(message),
        });
    });
    let add = move |verdict: Verdict| {
        let (entry, name, title) = (
            verdict.entry,
            verdict.answer().name.clone(),
            verdict.entry_title.clone(),
        );
        let mut added = false;
        doc.update(|d| added = attach(d, verdict, now()));
        if added {
            toaster.show(
                format!("Added the feedback from {name} to “{title}”."),
                None,
            );
            go(&Route::Entry(entry));
        } else {
            state.set(State::Refused(
                "The entry or its request was deleted meanwhile. Nothing was added.".into(),
            ));
        }
    };

    move || match state.get() {
        State::Opening => view! { <p role="status">"Opening the feedback answer…"</p> }.into_any(),
        State::Refused(message) => view! {
            <PageHeading>"This feedback answer was not added"</PageHeading>
            <p class="error" role="alert">{message}</p>
            <p><a class="button" href=Route::Portfolio.href()>"Back to the portfolio"</a></p>
        }
        .into_any(),
        State::Preview(verdict) => {
            let v = (*verdict).clone();
            let entry = v.entry;
            let button = if v.replaces.is_some() {
                "Replace the earlier answer"
            } else {
                "Add to the entry"
            };
            view! {
                <p class="breadcrumb"><a href=Route::Entry(entry).href()>{format!("← {}", v.entry_title)}</a></p>
                <PageHeading>"Feedback received"</PageHeading>
                <p class="lead">
                    {format!("An answer to your request for feedback on “{}”. Check it, then add it to the entry.", v.entry_title)}
                </p>
                {v.replaces.map(|d| view! {
                    <p class="flag" role="alert">{format!(
                        "This request already has a different answer (dated {}). Adding this one replaces it.",
                        format_date(d)
                    )}</p>
                })}
                <section class="panel" aria-labelledby="answer-preview">
                    <h2 id="answer-preview">"The answer"</h2>
                    <AnswerView answer=v.answer().clone() />
                </section>
                <div class="actions">
                    <button type="button" class="button primary" on:click=move |_| add(v.clone())>{button}</button>
                    <a class="button" href=Route::Entry(entry).href()>"Don’t add"</a>
                </div>
            }
            .into_any()
        }
    }
}
