//! An application's stage: the current one, a form to record a change
//! (dated today unless the student says otherwise), and the history with
//! editable dates, since students often log late.

use crate::domain::application::StageChange;
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

    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(stage) = Stage::from_slug(&target.get_untracked()) else {
            set_error.set(Some("Choose the new stage.".into()));
            return;
        };
        match parse_past_date(&date.get_untracked()) {
            Err(e) => set_error.set(Some(e.into())),
            Ok(day) => {
                set_error.set(None);
                doc.update(|d| {
                    d.update_application(id, now(), |a| a.move_to(stage, day, now()));
                });
                set_target.set(String::new());
                set_message.set(format!(
                    "Recorded: {} on {}.",
                    stage.label(),
                    format_date(day)
                ));
            }
        }
    };

    let edit_date = move |index: usize, text: String| match parse_past_date(&text) {
        Err(e) => set_message.set(format!("Date not changed: {e}")),
        Ok(day) => {
            let mut changed = history.get_untracked();
            if let Some(c) = changed.get_mut(index) {
                c.date = day;
            }
            doc.update(|d| {
                d.update_application(id, now(), |a| a.set_history(changed, now()));
            });
            set_message.set("Date changed.".into());
        }
    };
    let remove = move |index: usize| {
        let mut changed = history.get_untracked();
        let removed: StageChange = changed.remove(index);
        doc.update(|d| {
            d.update_application(id, now(), |a| a.set_history(changed, now()));
        });
        set_message.set(format!("Removed the {} change.", removed.stage.label()));
    };

    let rows = move || {
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
                    <select id="new-stage" prop:value=move || target.get() on:change=move |ev| set_target.set(event_target_value(&ev))>
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
                        on:input=move |ev| set_date.set(event_target_value(&ev))
                    />
                </div>
                <button type="submit" class="button primary">"Record stage change"</button>
            </form>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <p class="status" role="status">{move || message.get()}</p>
            <h3>"History"</h3>
            <ol class="history">{rows}</ol>
        </section>
    }
}
