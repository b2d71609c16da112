//! The pipeline board: a column per pipeline stage and one Closed column
//! (Rejected, Withdrawn, Ghosted; each card there says which), so every
//! stage is in reach at 1280 px. Cards move by drag and drop (a handle
//! shows they can; the column under the card lights up), or with the
//! keyboard through each card's "Move…" button, which opens a list of the
//! other stages and a date (today unless the student picks another). A
//! move is confirmed by a toast with Undo; a refused one is announced.
//!
//! Cards are cheap to build, since a keystroke in the search box can
//! replace a hundred of them: a card holds no listener and no reactive
//! state. The board holds which card's menu is open (one at most), builds
//! that card again when it opens or closes, and listens once for the
//! cards' clicks, drags and Escape, finding the card by its `data-id`.

mod card;

use crate::domain::query::page_of;
use crate::domain::{Application, Document, RecordId, Stage};
use crate::ui::platform::{focus_later, format_date, now, today};
use crate::ui::shell::{Toaster, UndoAction};
use crate::ui::state::use_doc;
use crate::ui::widgets::ShowMore;
use card::Card;
use chrono::NaiveDate;
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Moves application `id` to `stage` on `date`; a move is confirmed with
/// an Undo toast, a refused one announced.
fn move_card(
    doc: RwSignal<Document>,
    toaster: Toaster,
    id: RecordId,
    stage: Stage,
    date: NaiveDate,
    announce: WriteSignal<String>,
) {
    let Some(before) = doc.with_untracked(|d| d.application(id).cloned()) else {
        return;
    };
    let title = before.title();
    let moved = doc
        .try_update(|d| d.update_application(id, now(), |a| a.move_to(stage, date, now())))
        .flatten()
        .unwrap_or(Ok(false));
    match moved {
        Err(conflict) => announce.set(format!(
            "{title} not moved to {}: {}",
            stage.label(),
            conflict.message(format_date)
        )),
        Ok(false) => {}
        Ok(true) => {
            let Some(after) = doc.with_untracked(|d| d.application(id).cloned()) else {
                return;
            };
            let undo: UndoAction = Arc::new(move || {
                let mut undone = false;
                doc.update(|d| undone = d.undo_application_change(&before, &after, now()));
                if !undone {
                    toaster.show("Not undone: the application changed since the move.", None);
                }
            });
            let when = if date == today() {
                String::new()
            } else {
                format!(" on {}", format_date(date))
            };
            toaster.offer_undo(format!("Moved {title} to {}{when}.", stage.label()), undo);
            // The card now lives in another column: give it the focus back.
            focus_later(format!("move-{id}"));
        }
    }
}

/// The date picked in card `id`'s open Move list; today if none.
fn picked_date(id: RecordId) -> NaiveDate {
    document()
        .get_element_by_id(&format!("move-date-{id}"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|input| NaiveDate::parse_from_str(&input.value(), "%Y-%m-%d").ok())
        .unwrap_or_else(today)
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
    let toaster = expect_context::<Toaster>();
    let (announcement, announce) = signal(String::new());
    // The inventory's skill names, to show on each card what it asks for
    // that the student does not have yet.
    let inventory = Memo::new(move |_| {
        doc.with(|d| {
            d.skills
                .iter()
                .map(|s| s.name.trim().to_ascii_lowercase())
                .collect::<BTreeSet<_>>()
        })
    });
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
                let mut columns: [Vec<usize>; Stage::BOARD_COLUMNS] = Default::default();
                for &i in rows {
                    if let Some(a) = d.applications.get(i) {
                        columns[a.stage().board_column()].push(i);
                    }
                }
                columns
            })
        })
    });
    let columns = Stage::ALL[..Stage::BOARD_COLUMNS]
        .iter()
        .copied()
        .map(|stage| {
            // The last column holds every closed stage; a drop there asks which.
            let closed = stage.is_closed();
            let name = if closed { "Closed" } else { stage.label() };
            let shown = RwSignal::new(PAGE);
            // This column's applications, in order (unchanged columns do
            // not notify their cards).
            let in_stage = Memo::new(move |_| by_stage.with(|c| c[stage.board_column()].clone()));
            // Each shown card, and whether its menu is open: a card is
            // built again when its menu opens or closes, so a closed card
            // holds no reactive state at all.
            let cards = move || {
                let open = open_menu.get();
                let lacking = |a: &Application| -> Vec<String> {
                    inventory.with(|names| {
                        a.required_skills
                            .iter()
                            .filter(|n| a.stage().is_active() && !names.contains(&n.trim().to_ascii_lowercase()))
                            .cloned()
                            .collect()
                    })
                };
                doc.with(|d| in_stage.with(|list| page_of(&d.applications, list, shown.get())))
                    .into_iter()
                    .map(|a| {
                        let is_open = open == Some(a.meta.id);
                        let lacks = lacking(&a);
                        (a, is_open, lacks)
                    })
                    .collect::<Vec<_>>()
            };
            let count = Signal::derive(move || in_stage.with(Vec::len));
            let (over, set_over) = signal(false);
            let heading_id = if closed { "column-closed".to_owned() } else { format!("column-{}", stage.slug()) };
            let labelled_by = heading_id.clone();
            view! {
                <section
                    class="board-column"
                    class:closed=closed
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
                        match id {
                            Some(id) if closed => {
                                // Which way it closed is the student's to say.
                                open_menu.set(Some(id));
                                focus_later(format!("move-{id}-{}", Stage::Rejected.slug()));
                                announce.set("Closed: choose Rejected, Withdrawn or Ghosted.".into());
                            }
                            Some(id) => move_card(doc, toaster, id, stage, today(), announce),
                            None => {}
                        }
                    }
                >
                    <h2 id=heading_id>
                        {name} <span class="count">{count}</span>
                    </h2>
                    <ul class="cards">
                        <For
                            each=cards
                            key=|(a, open, lacks)| (a.meta.id, a.meta.updated, *open, lacks.clone())
                            let:((app, open, lacks))
                        >
                            <Card app=app open=open lacks=lacks />
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
                let date = picked_date(id);
                open_menu.set(None);
                move_card(doc, toaster, id, stage, date, announce);
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
