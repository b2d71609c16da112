//! The applications as a table; every column header sorts (click again to
//! reverse), with `aria-sort` telling screen readers the order. On a phone
//! each row is a list item (organization, role, stage, the next dates) and
//! the headers a row of sort buttons (CSS only: the table stays a table).

use crate::domain::query::{page_of, SortKey};
use crate::routes::Route;
use crate::ui::platform::format_date;
use crate::ui::state::{use_doc, TrackerView};
use crate::ui::widgets::ShowMore;
use leptos::prelude::*;

/// Rows rendered at first, and added by each "Show more".
const PAGE: usize = 100;

#[component]
pub fn ApplicationTable(
    /// Positions in `Document.applications`, filtered and sorted.
    #[prop(into)]
    rows: Signal<Vec<usize>>,
) -> impl IntoView {
    let doc = use_doc();
    let shown = RwSignal::new(PAGE);
    let page = move || doc.with(|d| rows.with(|rows| page_of(&d.applications, rows, shown.get())));
    let total = Signal::derive(move || rows.with(Vec::len));
    let view_state = expect_context::<TrackerView>();
    let sort = view_state.sort;
    let headers = SortKey::ALL
        .into_iter()
        .map(|key| {
            let aria_sort = move || {
                sort.with(|s| match (s.key == key, s.descending) {
                    (false, _) => "none",
                    (true, false) => "ascending",
                    (true, true) => "descending",
                })
            };
            let arrow = move || {
                sort.with(|s| match (s.key == key, s.descending) {
                    (false, _) => "",
                    (true, false) => " ▲",
                    (true, true) => " ▼",
                })
            };
            view! {
                <th scope="col" aria-sort=aria_sort>
                    <button type="button" class="sort" on:click=move |_| sort.update(|s| *s = s.toggled(key))>
                        {key.label()}
                        <span aria-hidden="true">{arrow}</span>
                    </button>
                </th>
            }
        })
        .collect_view();
    let date = |d: Option<chrono::NaiveDate>| d.map(format_date).unwrap_or_default();
    view! {
        <div class="table-wrap" role="region" aria-label="Applications table" tabindex="0">
            <table class="data-table">
                <thead>
                    <tr>{headers}</tr>
                </thead>
                <tbody>
                    <For each=page key=|a| (a.meta.id, a.meta.updated) let:app>
                        <tr>
                            <td class="cell-org">
                                <a href=Route::Application(app.meta.id).href()>
                                    {app.organization.clone()}
                                </a>
                            </td>
                            <td class="cell-role">{app.role.clone()}</td>
                            <td class="cell-stage">{app.stage().label()}</td>
                            <td class="cell-aside">{app.source.clone()}</td>
                            <td class="cell-date" data-label="Deadline">{date(app.deadline)}</td>
                            <td class="cell-date" data-label="Follow up">{date(app.next_follow_up)}</td>
                            <td class="cell-aside">{format_date(app.meta.updated.date_naive())}</td>
                        </tr>
                    </For>
                </tbody>
            </table>
        </div>
        <ShowMore shown=shown total=total step=PAGE what="applications" />
    }
}
