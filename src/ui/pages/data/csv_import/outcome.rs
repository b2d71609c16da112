//! The preview of a CSV import: how many applications will be added, the
//! rows left out with their problems, likely duplicates (skipped unless
//! ticked) and formula-looking cells (kept as text); then Import or Cancel.

use crate::domain::csv_import::headers::missing;
use crate::domain::csv_import::preview::{Choices, Preview, Problem};
use leptos::prelude::*;
use std::collections::HashSet;

/// The most problems listed (the count says how many more).
const SHOWN: usize = 50;

fn problem_list(problems: &[Problem]) -> impl IntoView {
    let more = problems.len().saturating_sub(SHOWN);
    let items = problems
        .iter()
        .take(SHOWN)
        .map(|p| {
            let value = if p.value.is_empty() {
                "(empty)".to_owned()
            } else {
                format!("“{}”", p.value)
            };
            view! { <li>{format!("Row {}, {}: {value}. {}", p.row, p.column, p.why)}</li> }
        })
        .collect_view();
    view! {
        <ul class="plain-list csv-problems">{items}</ul>
        {(more > 0).then(|| view! { <p class="hint">{format!("…and {more} more.")}</p> })}
    }
}

#[component]
pub fn ImportPreview(
    shown: Memo<Option<Preview>>,
    choices: RwSignal<Option<Choices>>,
    add_duplicates: RwSignal<HashSet<usize>>,
    import: Callback<()>,
    cancel: Callback<()>,
) -> impl IntoView {
    let missing_columns =
        move || choices.with(|c| c.as_ref().map(|c| missing(&c.columns)).unwrap_or_default());
    let count = move || {
        let chosen = add_duplicates.get();
        shown.with(|p| {
            p.as_ref().map_or(0, |p| {
                p.ready
                    .iter()
                    .filter(|r| !r.duplicate || chosen.contains(&r.row))
                    .count()
            })
        })
    };
    let summary = move || {
        let missing = missing_columns();
        if !missing.is_empty() {
            return view! {
                <p class="flag">{format!("Choose the column that holds: {}. Every application needs both.", missing.join(" and "))}</p>
            }
            .into_any();
        }
        let n = count();
        view! {
            <p><strong>{format!("{n} application{} will be added.", if n == 1 { "" } else { "s" })}</strong></p>
        }
        .into_any()
    };
    let problems = move || {
        shown.with(|p| {
            p.as_ref().filter(|p| !p.problems.is_empty() && missing_columns().is_empty()).map(|p| {
                view! {
                    <h4>{format!("Rows left out ({})", p.rows_left_out())}</h4>
                    <p class="hint">"Fix them in your spreadsheet and import it again, or change the columns above."</p>
                    {problem_list(&p.problems)}
                }
            })
        })
    };
    let duplicates = move || {
        shown.with(|p| {
            let dups: Vec<_> = p.iter().flat_map(|p| &p.ready).filter(|r| r.duplicate).collect();
            (!dups.is_empty()).then(|| {
                let items = dups
                    .into_iter()
                    .map(|r| {
                        let row = r.row;
                        let id = format!("csv-duplicate-{row}");
                        view! {
                            <div class="check">
                                <input
                                    type="checkbox"
                                    id=id.clone()
                                    prop:checked=move || add_duplicates.with(|s| s.contains(&row))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        add_duplicates.update(|s| { if on { s.insert(row); } else { s.remove(&row); } });
                                    }
                                />
                                <label for=id>{format!("Add row {row} anyway: {}", r.app.title())}</label>
                            </div>
                        }
                    })
                    .collect_view();
                view! {
                    <h4>"Likely duplicates"</h4>
                    <p class="hint">"An application with the same organization and role is already here. These rows are skipped unless you tick them."</p>
                    {items}
                }
            })
        })
    };
    let formulas = move || {
        shown.with(|p| {
            p.as_ref().filter(|p| !p.formulas.is_empty()).map(|p| {
                view! {
                    <h4>"Cells that look like formulas"</h4>
                    <p class="hint">"They are imported as the text they are and never run."</p>
                    {problem_list(&p.formulas)}
                }
            })
        })
    };
    let disabled = move || !missing_columns().is_empty() || count() == 0;
    view! {
        <div role="group" aria-label="What the import will do">
            <h4>"Preview"</h4>
            {summary}
            {problems}
            {duplicates}
            {formulas}
            <p class="hint">"Your data as it is now is kept, so you can undo the import."</p>
            <div class="actions">
                <button type="button" class="button primary" disabled=disabled on:click=move |_| import.run(())>
                    "Import"
                </button>
                <button type="button" class="button" on:click=move |_| cancel.run(())>"Cancel"</button>
            </div>
        </div>
    }
}
