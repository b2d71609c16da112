//! The dashboard's headline numbers (`domain::headline`): what the student
//! has done and what is going on, in a row of figures read at a glance.

use crate::domain::economics::money_list;
use crate::domain::headline::headline;
use crate::ui::platform::today;
use crate::ui::state::use_doc;
use leptos::prelude::*;

#[component]
pub fn HeadlineNumbers() -> impl IntoView {
    let doc = use_doc();
    let figures = Memo::new(move |_| doc.with(|d| headline(&d.applications, &d.entries, today())));
    move || {
        let h = figures.get();
        let hours = (h.hours * 10.0).round() / 10.0;
        let earned = if h.earned.is_empty() {
            "None yet".to_owned()
        } else {
            money_list(&h.earned)
        };
        let (rate, rate_note) = match h.response_percent() {
            Some(p) => (
                format!("{p}%"),
                format!("{} of {} answered", h.answered, h.counted),
            ),
            None => ("—".to_owned(), "none decided yet".to_owned()),
        };
        let due_note = match h.overdue {
            0 => "in the next 7 days".to_owned(),
            n => format!("{n} overdue"),
        };
        let tiles = [
            ("Micro-internships completed", h.completed.to_string(), String::new()),
            ("Hours", format!("{hours} h"), String::new()),
            ("Earned", earned, String::new()),
            ("Active applications", h.active.to_string(), String::new()),
            ("Response rate", rate, rate_note),
            ("Due", h.due.to_string(), due_note),
        ]
        .into_iter()
        .map(|(label, value, note)| {
            view! {
                <div class="headline-figure">
                    <dt>{label}</dt>
                    <dd>
                        <span class="headline-value">{value}</span>
                        {(!note.is_empty()).then(|| view! { <span class="headline-note">{note}</span> })}
                    </dd>
                </div>
            }
        })
        .collect_view();
        view! {
            <section aria-label="At a glance">
                <dl class="headline-figures">{tiles}</dl>
            </section>
        }
    }
}
