//! The dashboard's "Competencies: you and your supervisors": for every
//! competency rated in feedback received by link, the supervisors' mean
//! as the bar and the student's own latest rating as the mark
//! (`domain::feedback_link::summary`). Shown once an answer has come in.

use crate::domain::feedback_link::summary::competency_means;
use crate::ui::state::use_doc;
use crate::ui::widgets::{Bar, BarChart};
use leptos::prelude::*;

#[component]
pub fn CompetencyComparison() -> impl IntoView {
    let doc = use_doc();
    let rows = Memo::new(move |_| doc.with(competency_means));
    move || {
        let rows = rows.get();
        (!rows.is_empty()).then(|| {
            let bars: Vec<Bar> = rows
                .into_iter()
                .map(|r| Bar {
                    text: match r.own {
                        Some(own) => format!("supervisors {} ({} answers), you {own}", r.supervisor, r.answers),
                        None => format!("supervisors {} ({} answers), you not rated", r.supervisor, r.answers),
                    },
                    label: r.name,
                    value: r.supervisor,
                    target: r.own,
                })
                .collect();
            view! {
                <section class="panel" aria-labelledby="competencies-heading">
                    <h2 id="competencies-heading">"Competencies: you and your supervisors"</h2>
                    <BarChart title="Supervisors’ mean rating (1 to 5); the mark is your own" bars=bars max=5.0 />
                </section>
            }
        })
    }
}
