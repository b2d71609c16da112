//! Deadlines and follow-ups in the next 7 days, overdue ones first and
//! marked. Used on the Applications view and the Dashboard.

use crate::domain::query::due_soon;
use crate::routes::Route;
use crate::ui::platform::{format_date, today};
use crate::ui::state::use_doc;
use crate::ui::widgets::ShowMore;
use leptos::prelude::*;

/// Items listed at first, and added by each "Show more": the soonest
/// (and the overdue) come first.
const PAGE: usize = 10;

#[component]
pub fn DueSoon() -> impl IntoView {
    let doc = use_doc();
    let items = Memo::new(move |_| doc.with(|d| due_soon(&d.applications, today())));
    let shown = RwSignal::new(PAGE);
    let total = Signal::derive(move || items.with(Vec::len));
    move || {
        let list = items.get();
        (!list.is_empty()).then(|| {
            let overdue = list.iter().filter(|i| i.overdue()).count();
            let rows = list
                .into_iter()
                .take(shown.get())
                .map(|item| {
                    let href = Route::Application(item.application).href();
                    let class = if item.overdue() { "due-item overdue" } else { "due-item" };
                    view! {
                        <li class=class>
                            <span class="due-when">
                                {item.overdue().then(|| view! { <strong>"Overdue: "</strong> })}
                                {format!("{} ({})", format_date(item.date), item.when())}
                            </span>
                            <span class="due-what">
                                {item.kind.label()} " · "
                                <a href=href>{item.title}</a>
                            </span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="panel due-soon" aria-labelledby="due-soon-heading">
                    <h2 id="due-soon-heading">
                        "Due soon"
                        {(overdue > 0).then(|| view! { <span class="badge badge-danger">{format!("{overdue} overdue")}</span> })}
                    </h2>
                    <ul class="due-list">{rows}</ul>
                    <ShowMore shown=shown total=total step=PAGE what="dates" />
                </section>
            }
        })
    }
}
