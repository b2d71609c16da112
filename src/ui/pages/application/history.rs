//! An application's stage: the current one, a form to record a change
//! (dated today unless the student says otherwise), and the history with
//! editable dates, since students often log late. The change recorded
//! last is the current stage, whatever its date; a date that conflicts
//! with another step is refused, naming that step, and a new change can
//! be recorded anyway with the earlier steps dated back (the offered fix).

use crate::domain::application::{DateConflict, RedateError};
use crate::domain::{RecordId, Stage};
use crate::ui::platform::{format_date, now, today};
use crate::ui::state::use_doc;
use chrono::NaiveDate;
use leptos::prelude::*;

/// Reads a date typed into a date input; refuses future dates.
fn parse_past_date(text: &str) -> Result<NaiveDate, &'static str> {
    // The years the stored format allows (`domain::bounds`): the domain
    // records nothing outside them, so say so here.
    let date = crate::domain::bounds::parse_date(text)?;
    if date > today() {
        return Err("A stage change cannot be dated in the future.");
    }
    Ok(date)
}

/// What a conflicting date is up against, in the app's date format.
fn conflict_text(conflict: DateConflict) -> String {
    conflict.message(format_date)
}

#[component]
pub fn StageHistory(id: RecordId) -> impl IntoView {
    let doc = use_doc();
    let app = Memo::new(move |_| doc.with(|d| d.application(id).cloned()));
    let history =
        Memo::new(move |_| app.with(|a| a.as_ref().map(|a| a.history.clone()).unwrap_or_default()));
    let current = Memo::new(move |_| app.with(|a| a.as_ref().map(|a| a.stage())));
    let (target, set_target) = signal(String::new());
    let (date, set_date) = signal(today().to_string());
    let (error, set_error) = signal(None::<String>);
    let (message, set_message) = signal(String::new());
    // A refused change of stage, with the fix offered for it.
    let (refused, set_refused) = signal(None::<(Stage, NaiveDate)>);
    // Re-renders the rows after a refused date edit (the input shows the
    // stored date again).
    let redraw = RwSignal::new(0u32);

    let recorded = move |stage: Stage, day: NaiveDate| {
        set_error.set(None);
        set_refused.set(None);
        set_target.set(String::new());
        set_message.set(format!(
            "Recorded: {} on {}.",
            stage.label(),
            format_date(day)
        ));
    };
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(stage) = Stage::from_slug(&target.get_untracked()) else {
            set_error.set(Some("Choose the new stage.".into()));
            return;
        };
        match parse_past_date(&date.get_untracked()) {
            Err(e) => set_error.set(Some(e.into())),
            Ok(day) => {
                let result = doc
                    .try_update(|d| {
                        d.update_application(id, now(), |a| a.move_to(stage, day, now()))
                    })
                    .flatten();
                match result {
                    Some(Err(conflict)) => {
                        set_error.set(Some(format!(
                            "{} on {} not recorded: {}",
                            stage.label(),
                            format_date(day),
                            conflict_text(conflict)
                        )));
                        set_refused.set(Some((stage, day)));
                    }
                    _ => recorded(stage, day),
                }
            }
        }
    };
    let record_dating_back = move |_| {
        let Some((stage, day)) = refused.get_untracked() else {
            return;
        };
        doc.update(|d| {
            d.update_application(id, now(), |a| a.move_to_dating_back(stage, day, now()));
        });
        recorded(stage, day);
    };

    let edit_date = move |index: usize, text: String| {
        let result: Result<(), String> = match parse_past_date(&text) {
            Err(e) => Err(e.into()),
            Ok(day) => match doc
                .try_update(|d| d.update_application(id, now(), |a| a.redate(index, day, now())))
                .flatten()
            {
                Some(Err(RedateError::OutOfRange)) => {
                    Err(crate::domain::bounds::DATE_OUT_OF_RANGE.into())
                }
                Some(Err(RedateError::Conflict(c))) => Err(conflict_text(c)),
                _ => Ok(()),
            },
        };
        match result {
            Ok(()) => set_message.set("Date changed.".into()),
            Err(e) => {
                set_message.set(format!("Date not changed: {e}"));
                redraw.update(|n| *n += 1);
            }
        }
    };
    let remove = move |index: usize| {
        let removed = doc
            .try_update(|d| d.update_application(id, now(), |a| a.remove_change(index, now())))
            .flatten()
            .flatten();
        if let Some(removed) = removed {
            set_message.set(format!("Removed the {} change.", removed.stage.label()));
        }
    };

    let rows = move || {
        redraw.track();
        let list = history.get();
        let removable = list.len() > 1;
        list.into_iter()
            .enumerate()
            .map(|(i, change)| {
                let input_id = format!("history-date-{i}");
                let label = format!("Date of {}", change.stage.label());
                let remove_label = format!("Remove the {} change", change.stage.label());
                view! {
                    <li class="history-item">
                        <span class="stage-pill">{change.stage.label()}</span>
                        <label class="visually-hidden" for=input_id.clone()>{label}</label>
                        <input
                            id=input_id
                            type="date"
                            prop:value=change.date.to_string()
                            on:change=move |ev| edit_date(i, event_target_value(&ev))
                        />
                        {removable.then(|| view! {
                            <button type="button" class="button small" aria-label=remove_label on:click=move |_| remove(i)>
                                "Remove"
                            </button>
                        })}
                    </li>
                }
            })
            .collect_view()
    };

    let options = move || {
        Stage::ALL
            .into_iter()
            .filter(|s| Some(*s) != current.get())
            .map(|s| view! { <option value=s.slug()>{s.label()}</option> })
            .collect_view()
    };
    let ghosted = move || app.with(|a| a.as_ref().is_some_and(|a| a.possibly_ghosted(today())));

    view! {
        <section class="panel" aria-labelledby="stage-heading">
            <h2 id="stage-heading">
                "Stage: " {move || current.get().map(|s| s.label()).unwrap_or_default()}
            </h2>
            <Show when=ghosted>
                <p class="flag">
                    "Possibly ghosted: no change for over 3 weeks since you applied. "
                    "A polite follow-up often gets an answer; if not, move it to Ghosted."
                </p>
            </Show>
            <form class="inline-form" on:submit=record novalidate>
                <div class="field compact">
                    <label for="new-stage">"Move to stage"</label>
                    <select id="new-stage" prop:value=move || target.get() on:change=move |ev| { set_refused.set(None); set_target.set(event_target_value(&ev)) }>
                        <option value="">"Choose…"</option>
                        {options}
                    </select>
                </div>
                <div class="field compact">
                    <label for="new-stage-date">"Date of the change"</label>
                    <input
                        id="new-stage-date"
                        type="date"
                        prop:value=move || date.get()
                        on:input=move |ev| { set_refused.set(None); set_date.set(event_target_value(&ev)) }
                    />
                </div>
                <button type="submit" class="button primary">"Record stage change"</button>
            </form>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            {move || refused.get().map(|(stage, day)| view! {
                <p>
                    <button type="button" class="button" on:click=record_dating_back>
                        {format!("Record {} and date earlier steps {}", stage.label(), format_date(day))}
                    </button>
                </p>
            })}
            <p class="status" role="status">{move || message.get()}</p>
            <h3>"History"</h3>
            <ol class="history">{rows}</ol>
        </section>
    }
}
