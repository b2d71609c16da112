//! The pipeline board: a column per stage. Cards move by drag and drop, or
//! with the keyboard through each card's "Move…" button, which opens a
//! list of the other stages. A move is recorded as a stage change dated
//! today and announced in a live region.
//!
//! Cards are cheap to build, since a keystroke in the search box can
//! replace a hundred of them: a card holds no listener and no reactive
//! state. The board holds which card's menu is open (one at most), builds
//! that card again when it opens or closes, and listens once for the
//! cards' clicks, drags and Escape, finding the card by its `data-id`.

use crate::domain::query::page_of;
use crate::domain::{Application, Document, RecordId, Stage};
use crate::routes::Route;
use crate::ui::platform::{focus_later, format_date, now, today};
use crate::ui::state::use_doc;
use crate::ui::widgets::ShowMore;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Moves application `id` to `stage` (today), announcing the result.
fn move_card(doc: RwSignal<Document>, id: RecordId, stage: Stage, announce: WriteSignal<String>) {
    let mut title = String::new();
    let moved = doc
        .try_update(|d| {
            d.update_application(id, now(), |a| {
                title = a.title();
                a.move_to(stage, today(), now())
            })
        })
        .flatten()
        .unwrap_or(Ok(false));
    if let Err(conflict) = moved {
        // Only a step dated after today (imported data) can conflict.
        announce.set(format!(
            "{title} not moved to {}: {}",
            stage.label(),
            conflict.message(format_date)
        ));
    } else if moved == Ok(true) {
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
    // The card whose "Move…" menu is open.
    let open_menu = RwSignal::new(None::<RecordId>);
    // A search or filter that hides that card closes its menu, so the card
    // does not come back with its menu open and nothing focused in it.
    // (Tracks the rows only while a menu is open.)
    Effect::new(move |_| {
        let hidden = open_menu.with(|open| {
            open.is_some_and(|id| {
                doc.with(|d| {
                    rows.with(|rows| {
                        !rows
                            .iter()
                            .any(|&i| d.applications.get(i).is_some_and(|a| a.meta.id == id))
                    })
                })
            })
        });
        if hidden {
            open_menu.set(None);
        }
    });
    // The rows of each stage, in order, in one pass over the rows.
    let by_stage = Memo::new(move |_| {
        doc.with(|d| {
            rows.with(|rows| {
                let mut columns: [Vec<usize>; Stage::ALL.len()] = Default::default();
                for &i in rows {
                    if let Some(a) = d.applications.get(i) {
                        columns[a.stage().index()].push(i);
                    }
                }
                columns
            })
        })
    });
    let columns = Stage::ALL
        .into_iter()
        .map(|stage| {
            let shown = RwSignal::new(PAGE);
            // This column's applications, in order (unchanged columns do
            // not notify their cards).
            let in_stage = Memo::new(move |_| by_stage.with(|c| c[stage.index()].clone()));
            // Each shown card, and whether its menu is open: a card is
            // built again when its menu opens or closes, so a closed card
            // holds no reactive state at all.
            let cards = move || {
                let open = open_menu.get();
                doc.with(|d| in_stage.with(|list| page_of(&d.applications, list, shown.get())))
                    .into_iter()
                    .map(|a| {
                        let is_open = open == Some(a.meta.id);
                        (a, is_open)
                    })
                    .collect::<Vec<_>>()
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
                            move_card(doc, id, stage, announce);
                        }
                    }
                >
                    <h2 id=heading_id>
                        {stage.label()} <span class="count">{count}</span>
                    </h2>
                    <ul class="cards">
                        <For
                            each=cards
                            key=|(a, open)| (a.meta.id, a.meta.updated, *open)
                            let:((app, open))
                        >
                            <Card app=app open=open />
                        </For>
                    </ul>
                    <ShowMore shown=shown total=count step=PAGE what="cards" />
                </section>
            }
        })
        .collect_view();
    // The cards' clicks: a "Move…" button opens or closes its card's menu
    // (focusing the likeliest move, the next stage), a stage in the menu
    // moves the card there.
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some((target, id)) = card_event(&ev) else {
            return;
        };
        if let Some(option) = target.closest(".move-option").ok().flatten() {
            if let Some(stage) = option
                .get_attribute("data-stage")
                .and_then(|s| Stage::from_slug(&s))
            {
                open_menu.set(None);
                move_card(doc, id, stage, announce);
            }
        } else if target.closest(".move-toggle").ok().flatten().is_some() {
            let opening = open_menu.get_untracked() != Some(id);
            open_menu.set(opening.then_some(id));
            // The card is built again: focus its new button or list.
            let stage = doc.with_untracked(|d| d.application(id).map(Application::stage));
            match (opening, stage) {
                (true, Some(stage)) => {
                    let next = stage.neighbour(1).unwrap_or(Stage::Saved);
                    focus_later(format!("move-{id}-{}", next.slug()));
                }
                _ => focus_later(format!("move-{id}")),
            }
        }
    };
    // Escape in an open menu closes it and gives the focus back to its button.
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let Some(open) = open_menu.get_untracked() else {
            return;
        };
        if ev.key() == "Escape"
            && card_event(&ev).is_some_and(|(target, id)| {
                id == open
                    && target
                        .closest(".move-toggle, .move-menu")
                        .ok()
                        .flatten()
                        .is_some()
            })
        {
            open_menu.set(None);
            focus_later(format!("move-{open}"));
        }
    };
    let on_dragstart = move |ev: web_sys::DragEvent| {
        if let (Some((_, id)), Some(dt)) = (card_event(&ev), ev.data_transfer()) {
            let _ = dt.set_data("text/plain", &id.to_string());
            dt.set_effect_allowed("move");
        }
    };
    view! {
        <p class="visually-hidden" role="status" aria-live="polite">
            {announcement}
        </p>
        <div
            class="board"
            aria-label="Applications by stage"
            role="region"
            tabindex="0"
            on:click=on_click
            on:keydown=on_keydown
            on:dragstart=on_dragstart
        >
            {columns}
        </div>
    }
}

/// The element an event came from, and the id of the card it is in.
fn card_event(ev: &web_sys::Event) -> Option<(web_sys::Element, RecordId)> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let card = target.closest("li.card[data-id]").ok().flatten()?;
    let id = RecordId::parse(&card.get_attribute("data-id")?)?;
    Some((target, id))
}

/// One card. `open`: its "Move…" list is shown (the board builds the card
/// again when that changes).
#[component]
fn Card(app: Application, open: bool) -> impl IntoView {
    let id = app.meta.id;
    let title = app.title();
    let stage = app.stage();
    let ghosted = app.possibly_ghosted(today());
    let due = match (stage, app.deadline, app.next_follow_up) {
        (Stage::Saved, Some(d), _) => Some(format!("Deadline {}", format_date(d))),
        (s, _, Some(f)) if s.is_active() => Some(format!("Follow up {}", format_date(f))),
        _ => None,
    };
    let menu_id = format!("move-menu-{id}");
    // The board handles the clicks on these through `data-stage`.
    let menu = open.then(|| {
        let options = Stage::ALL
            .into_iter()
            .filter(|s| *s != stage)
            .map(|target| {
                view! {
                    <li>
                        <button
                            type="button"
                            class="move-option"
                            id=format!("move-{id}-{}", target.slug())
                            data-stage=target.slug()
                        >
                            {target.label()}
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="move-menu" id=menu_id.clone()>{options}</ul> }
    });
    view! {
        <li class="card" draggable="true" data-id=id.to_string()>
            <a class="card-title" href=Route::Application(id).href()>
                <span class="org">{app.organization}</span>
                <span class="role">{app.role}</span>
            </a>
            {due.map(|d| view! { <p class="card-meta">{d}</p> })}
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
