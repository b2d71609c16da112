//! One card on the board: the organization and role (a link to the
//! application), its stage when it sits in the Closed column, the fee and
//! hours, the next date, the required skills the student lacks, and the
//! "Move…" button with, when open, the other stages and the move's date.
//! A card holds no listener: the board handles its clicks and drags.

use crate::domain::{Application, Stage};
use crate::routes::Route;
use crate::ui::platform::{format_date, today};
use leptos::prelude::*;

/// The date a card shows: what comes next for it.
fn next_date(app: &Application) -> Option<String> {
    let stage = app.stage();
    match (stage, app.deadline, app.next_follow_up, app.start_date) {
        (Stage::Saved, Some(d), _, _) => Some(format!("Deadline {}", format_date(d))),
        (s, _, Some(f), _) if s.is_active() => Some(format!("Follow up {}", format_date(f))),
        (Stage::Offered | Stage::InProgress, _, _, Some(d)) if d >= today() => {
            Some(format!("Starts {}", format_date(d)))
        }
        _ => None,
    }
}

/// `open`: its "Move…" list is shown (the board builds the card again when
/// that changes). `lacks`: required skills not in the inventory.
#[component]
pub fn Card(app: Application, open: bool, lacks: Vec<String>) -> impl IntoView {
    let id = app.meta.id;
    let title = app.title();
    let stage = app.stage();
    let ghosted = app.possibly_ghosted(today());
    let terms = [
        app.fee.as_ref().map(ToString::to_string),
        app.estimated_hours.map(|h| format!("{h} h")),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    let next = next_date(&app);
    let menu_id = format!("move-menu-{id}");
    // The board handles the clicks on these through `data-stage`.
    let menu = open.then(|| {
        let options = Stage::ALL
            .into_iter()
            .filter(|s| *s != stage)
            .map(|target| {
                view! {
                    <li>
                        <button type="button" class="move-option" id=format!("move-{id}-{}", target.slug()) data-stage=target.slug()>
                            {target.label()}
                        </button>
                    </li>
                }
            })
            .collect_view();
        let date_id = format!("move-date-{id}");
        view! {
            <div class="move-menu" id=menu_id.clone()>
                <ul>{options}</ul>
                <div class="field compact">
                    <label for=date_id.clone()>"Date of the move"</label>
                    <input type="date" id=date_id value=today().to_string() />
                </div>
            </div>
        }
    });
    view! {
        <li class="card" draggable="true" data-id=id.to_string()>
            <span class="drag-handle" aria-hidden="true" title="Drag to another column">"⠿"</span>
            <a class="card-title" href=Route::Application(id).href()>
                <span class="org">{app.organization}</span>
                <span class="role">{app.role}</span>
            </a>
            {stage.is_closed().then(|| view! { <p class="badges"><span class="badge">{stage.label()}</span></p> })}
            {(!terms.is_empty()).then(|| view! { <p class="card-meta">{terms}</p> })}
            {next.map(|d| view! { <p class="card-meta">{d}</p> })}
            {(!lacks.is_empty()).then(|| view! { <p class="card-lacks">"Skills to build: " {lacks.join(", ")}</p> })}
            {ghosted.then(|| view! { <p class="flag">"Possibly ghosted: no reply in over 3 weeks"</p> })}
            <button
                type="button"
                class="move-toggle"
                id=format!("move-{id}")
                aria-label=format!("Move {title}…")
                aria-expanded=if open { "true" } else { "false" }
                aria-controls=open.then_some(menu_id)
            >
                "Move…"
            </button>
            {menu}
        </li>
    }
}
