//! The pipeline board: a column per stage. Cards move by drag and drop, or
//! with the keyboard through each card's "Move…" button, which opens a
//! list of the other stages. A move is recorded as a stage change dated
//! today and announced in a live region.

use crate::domain::query::page_of;
use crate::domain::{Application, RecordId, Stage};
use crate::routes::Route;
use crate::ui::components::ShowMore;
use crate::ui::platform::{focus_element, focus_later, format_date, now, today};
use crate::ui::state::use_doc;
use leptos::prelude::*;

/// Moves application `id` to `stage` (today), announcing the result.
fn move_card(id: RecordId, stage: Stage, announce: WriteSignal<String>) {
    let doc = use_doc();
    let mut title = String::new();
    let moved = doc
        .try_update(|d| {
            d.update_application(id, now(), |a| {
                title = a.title();
                a.move_to(stage, today(), now())
            })
        })
        .flatten()
        .unwrap_or(false);
    if moved {
        announce.set(format!("Moved {title} to {}.", stage.label()));
        // The card now lives in another column: give it the focus back.
        focus_later(format!("move-{id}"));
    }
}

/// Cards rendered at first in each column, and added by each "Show more".
const PAGE: usize = 25;

#[component]
pub fn StageBoard(
    /// Positions in `Document.applications`, filtered and sorted.
    #[prop(into)]
    rows: Signal<Vec<usize>>,
) -> impl IntoView {
    let doc = use_doc();
    let (announcement, announce) = signal(String::new());
    let columns = Stage::ALL
        .into_iter()
        .map(|stage| {
            let shown = RwSignal::new(PAGE);
            // This column's applications, in order.
            let in_stage = Memo::new(move |_| {
                doc.with(|d| {
                    rows.with(|rows| {
                        rows.iter()
                            .copied()
                            .filter(|&i| d.applications.get(i).is_some_and(|a| a.stage() == stage))
                            .collect::<Vec<_>>()
                    })
                })
            });
            let cards = move || {
                doc.with(|d| in_stage.with(|list| page_of(&d.applications, list, shown.get())))
            };
            let count = Signal::derive(move || in_stage.with(Vec::len));
            let (over, set_over) = signal(false);
            let heading_id = format!("column-{}", stage.slug());
            let labelled_by = heading_id.clone();
            view! {
                <section
                    class="board-column"
                    class:closed=stage.is_closed()
                    class:drop-target=move || over.get()
                    aria-labelledby=labelled_by
                    on:dragover=move |ev| {
                        ev.prevent_default();
                        set_over.set(true);
                    }
                    on:dragleave=move |_| set_over.set(false)
                    on:drop=move |ev| {
                        ev.prevent_default();
                        set_over.set(false);
                        let id = ev
                            .data_transfer()
                            .and_then(|dt| dt.get_data("text/plain").ok())
                            .and_then(|s| RecordId::parse(&s));
                        if let Some(id) = id {
                            move_card(id, stage, announce);
                        }
                    }
                >
                    <h2 id=heading_id>
                        {stage.label()} <span class="count">{count}</span>
                    </h2>
                    <ul class="cards">
                        <For each=cards key=|a| (a.meta.id, a.meta.updated) let:app>
                            <Card app=app announce=announce />
                        </For>
                    </ul>
                    <ShowMore shown=shown total=count step=PAGE what="cards" />
                </section>
            }
        })
        .collect_view();
    view! {
        <p class="visually-hidden" role="status" aria-live="polite">
            {announcement}
        </p>
        <div class="board" aria-label="Applications by stage" role="region" tabindex="0">
            {columns}
        </div>
    }
}

#[component]
fn Card(app: Application, announce: WriteSignal<String>) -> impl IntoView {
    let id = app.meta.id;
    let title = app.title();
    let stage = app.stage();
    let (open, set_open) = signal(false);
    let ghosted = app.possibly_ghosted(today());
    let due = match (stage, app.deadline, app.next_follow_up) {
        (Stage::Saved, Some(d), _) => Some(format!("Deadline {}", format_date(d))),
        (s, _, Some(f)) if s.is_active() => Some(format!("Follow up {}", format_date(f))),
        _ => None,
    };
    let menu_id = format!("move-menu-{id}");
    // Built when the menu opens: a board of thousands of cards holds one
    // button per card, not one per stage.
    let targets = move || {
        open.get().then(|| {
            Stage::ALL
                .into_iter()
                .filter(|s| *s != stage)
                .map(|target| {
                    view! {
                        <li>
                            <button
                                type="button"
                                class="move-option"
                                id=format!("move-{id}-{}", target.slug())
                                on:click=move |_| {
                                    set_open.set(false);
                                    move_card(id, target, announce);
                                }
                            >
                                {target.label()}
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let menu_label = format!("Move {title}…");
    view! {
        <li
            class="card"
            draggable="true"
            on:dragstart=move |ev| {
                if let Some(dt) = ev.data_transfer() {
                    let _ = dt.set_data("text/plain", &id.to_string());
                    dt.set_effect_allowed("move");
                }
            }
        >
            <a class="card-title" href=Route::Application(id.to_string()).href()>
                <span class="org">{app.organization.clone()}</span>
                <span class="role">{app.role.clone()}</span>
            </a>
            {due.map(|d| view! { <p class="card-meta">{d}</p> })}
            {ghosted.then(|| view! { <p class="flag">"Possibly ghosted: no reply in over 3 weeks"</p> })}
            <div
                class="move"
                on:keydown=move |ev| {
                    if ev.key() == "Escape" && open.get_untracked() {
                        set_open.set(false);
                        focus_element(&format!("move-{id}"));
                    }
                }
            >
                <button
                    type="button"
                    class="move-toggle"
                    id=format!("move-{id}")
                    aria-label=menu_label
                    aria-expanded=move || if open.get() { "true" } else { "false" }
                    aria-controls=menu_id.clone()
                    on:click=move |_| {
                        let opening = !open.get_untracked();
                        set_open.set(opening);
                        if opening {
                            // Focus the likeliest move: the next stage on the board.
                            let next = stage.neighbour(1).unwrap_or(Stage::Saved);
                            focus_later(format!("move-{id}-{}", next.slug()));
                        }
                    }
                >
                    "Move…"
                </button>
                <ul class="move-menu" id=menu_id hidden=move || !open.get()>
                    {targets}
                </ul>
            </div>
        </li>
    }
}
