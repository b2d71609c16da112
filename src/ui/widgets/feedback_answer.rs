//! A supervisor's answer received by link, as text (it came from outside):
//! who it says it is from, the overall rating and comment, each
//! competency's rating and comment, what was gained; and the table of the
//! student's own ratings against the supervisor's.

use crate::domain::feedback_link::competencies::level_label;
use crate::domain::feedback_link::{CompetencyRating, ReceivedAnswer};
use crate::ui::platform::format_date;
use leptos::prelude::*;

#[component]
pub fn AnswerView(answer: ReceivedAnswer) -> impl IntoView {
    let a = answer;
    let who = if a.title.is_empty() {
        a.name.clone()
    } else {
        format!("{}, {}", a.name, a.title)
    };
    let rated = a
        .competencies
        .iter()
        .map(|c| {
            view! {
                <li>
                    <strong>{c.name.clone()}</strong>
                    ": "
                    {c.rating.map_or_else(|| "not rated".to_owned(), level_label)}
                    {(!c.comment.is_empty()).then(|| view! { <p class="prewrap">{c.comment.clone()}</p> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <p class="muted">
            {format!("From the name “{who}”, dated {}. ", format_date(a.answered))}
            {if a.shareable { "May be shown in shared portfolios." } else { "Not for shared portfolios." }}
        </p>
        {a.overall.map(|r| view! { <p><strong>"Overall: "</strong>{level_label(r)}</p> })}
        {(!a.comment.is_empty()).then(|| view! { <blockquote class="prewrap">{a.comment.clone()}</blockquote> })}
        {(!a.competencies.is_empty()).then(|| view! { <ul class="plain-list">{rated}</ul> })}
        {(!a.gained.is_empty()).then(|| view! {
            <h3>"What their organization gained"</h3>
            <p class="prewrap">{a.gained.clone()}</p>
        })}
    }
}

/// Self (before and after) against the supervisor, one row a competency.
#[component]
pub fn SelfVersusSupervisor(
    names: Vec<String>,
    before: Vec<CompetencyRating>,
    after: Vec<CompetencyRating>,
    supervisor: Vec<CompetencyRating>,
    caption: String,
) -> impl IntoView {
    let of = |list: &[CompetencyRating], name: &str| {
        list.iter()
            .find(|c| c.name == name)
            .and_then(|c| c.rating)
            .map_or_else(|| "—".to_owned(), |r| r.to_string())
    };
    let rows = names
        .iter()
        .map(|n| {
            view! {
                <tr>
                    <th scope="row">{n.clone()}</th>
                    <td>{of(&before, n)}</td>
                    <td>{of(&after, n)}</td>
                    <td>{of(&supervisor, n)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="data-table compare-table">
                <caption>{caption}</caption>
                <thead>
                    <tr><th scope="col">"Competency"</th><th scope="col">"You before"</th><th scope="col">"You after"</th><th scope="col">"Supervisor"</th></tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
