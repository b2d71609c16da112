//! The column mapping: each column's header, a few of its values and where
//! it goes (changeable, or left out); then the questions the file leaves
//! open: whether `03/04/2026` is month or day first, and the stage of each
//! status value the app does not know.

use crate::domain::application::Stage;
use crate::domain::csv_import::dates::DateOrder;
use crate::domain::csv_import::headers::{assign, Target};
use crate::domain::csv_import::preview::{date_evidence, Choices};
use crate::domain::csv_import::stages::{key, unknown_values};
use crate::domain::csv_import::{Sheet, SAMPLE_ROWS};
use leptos::prelude::*;
use std::sync::Arc;

/// Up to [`SAMPLE_ROWS`] non-empty values of a column, for its hint.
fn samples(sheet: &Sheet, column: usize) -> String {
    let values: Vec<String> = sheet
        .rows
        .iter()
        .map(|r| sheet.cell(r, column).trim())
        .filter(|v| !v.is_empty())
        .take(SAMPLE_ROWS)
        .map(|v| match v.char_indices().nth(40) {
            Some((cut, _)) => format!("{}…", &v[..cut]),
            None => v.to_owned(),
        })
        .collect();
    if values.is_empty() {
        "(empty in every row)".to_owned()
    } else {
        format!("e.g. {}", values.join(" · "))
    }
}

#[component]
fn ColumnChoice(
    sheet: Arc<Sheet>,
    column: usize,
    choices: RwSignal<Option<Choices>>,
) -> impl IntoView {
    let id = format!("csv-column-{column}");
    let hint = format!("{id}-values");
    let header = match sheet.headers[column].as_str() {
        "" => format!("Column {} (no header)", column + 1),
        h => h.to_owned(),
    };
    let current = move || choices.with(|c| c.as_ref().and_then(|c| c.columns.get(column).copied()));
    let options = Target::all()
        .into_iter()
        .map(|t| {
            view! {
                <option value=t.slug() prop:selected=move || current() == Some(t)>
                    {t.label()}
                </option>
            }
        })
        .collect_view();
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(t) = Target::from_slug(&event_target_value(&ev)) {
            choices.update(|c| {
                if let Some(c) = c {
                    assign(&mut c.columns, column, t);
                }
            });
        }
    };
    view! {
        <li class="field">
            <label for=id.clone()>{header}</label>
            <p class="hint" id=hint.clone()>{samples(&sheet, column)}</p>
            <select id=id aria-describedby=hint on:change=on_change>
                {options}
            </select>
        </li>
    }
}

#[component]
fn DateOrderChoice(choices: RwSignal<Option<Choices>>) -> impl IntoView {
    let option = move |order: DateOrder, id: &'static str| {
        view! {
            <div class="check">
                <input
                    type="radio"
                    id=id
                    name="csv-date-order"
                    prop:checked=move || choices.with(|c| c.as_ref().and_then(|c| c.order)) == Some(order)
                    on:change=move |_| choices.update(|c| if let Some(c) = c { c.order = Some(order) })
                />
                <label for=id>{order.label()}</label>
            </div>
        }
    };
    view! {
        <fieldset>
            <legend>"How are dates like 03/04/2026 written in this file?"</legend>
            {option(DateOrder::MonthFirst, "csv-order-month")}
            {option(DateOrder::DayFirst, "csv-order-day")}
        </fieldset>
    }
}

#[component]
fn StageChoice(value: String, rows: usize, choices: RwSignal<Option<Choices>>) -> impl IntoView {
    let k = key(&value);
    let id = format!("csv-stage-{}", k.replace(' ', "-"));
    let k2 = k.clone();
    let chosen = move || choices.with(|c| c.as_ref().and_then(|c| c.stages.get(&k2).copied()));
    let chosen = Signal::derive(chosen);
    let on_change = move |ev: leptos::ev::Event| {
        let slug = event_target_value(&ev);
        choices.update(|c| {
            if let Some(c) = c {
                match Stage::from_slug(&slug) {
                    Some(s) => c.stages.insert(k.clone(), s),
                    None => c.stages.remove(&k),
                };
            }
        });
    };
    let options = Stage::ALL
        .into_iter()
        .map(|s| view! { <option value=s.slug() prop:selected=move || chosen.get() == Some(s)>{s.label()}</option> })
        .collect_view();
    view! {
        <li class="field">
            <label for=id.clone()>{format!("Stage for “{value}” ({rows} row{})", if rows == 1 { "" } else { "s" })}</label>
            <select id=id on:change=on_change>
                <option value="" prop:selected=move || chosen.get().is_none()>"Choose a stage"</option>
                {options}
            </select>
        </li>
    }
}

#[component]
pub fn ColumnMapping(sheet: Arc<Sheet>, choices: RwSignal<Option<Choices>>) -> impl IntoView {
    let columns = (0..sheet.headers.len())
        .map(|column| view! { <ColumnChoice sheet=sheet.clone() column choices /> })
        .collect_view();
    let sheet2 = sheet.clone();
    // Memos, so that choosing a stage or an order re-renders nothing (the
    // focus stays where it is); only a change of columns can change them.
    let has_slashed_dates = Memo::new(move |_| {
        choices.with(|c| {
            c.as_ref().is_some_and(|c| {
                let e = date_evidence(&sheet2, &c.columns);
                e.either + e.month_first + e.day_first > 0
            })
        })
    });
    let unknown = Memo::new(move |_| {
        choices.with(|c| {
            c.as_ref()
                .map(|c| unknown_values(&sheet, &c.columns))
                .unwrap_or_default()
        })
    });
    let stages = move || {
        let list = unknown.get();
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .map(|(value, rows)| view! { <StageChoice value rows choices /> })
                .collect_view();
            view! {
                <h4>"Status values the app does not know"</h4>
                <ul class="csv-columns">{items}</ul>
            }
        })
    };
    view! {
        <h4>"Columns"</h4>
        <p class="hint">"Each column goes where its header suggests. Change any of them, or leave a column out. Several columns may go into the notes: each is added under its header."</p>
        <ul class="csv-columns">{columns}</ul>
        <Show when=move || has_slashed_dates.get()>
            <DateOrderChoice choices />
        </Show>
        {stages}
    }
}
