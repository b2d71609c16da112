//! Applications: every opportunity the student considers, applies to or
//! works on, as a board or a table, with search, filters and what is due.

mod board;
mod table;

use crate::domain::query::{filter_ordered, order, tags_and_sources, DueFilter, SearchIndex};
use crate::domain::Stage;
use crate::routes::Route;
use crate::ui::platform::today;
use crate::ui::state::{use_doc, TrackerView};
use crate::ui::widgets::PageHeading;
use crate::ui::widgets::{DueSoon, EmptyState, FilterFold};
use board::StageBoard;
use leptos::prelude::*;
use table::ApplicationTable;

/// A labelled `<select>` bound to one part of the filter.
fn filter_select(
    id: &'static str,
    label: &'static str,
    all: &'static str,
    options: impl Fn() -> Vec<(String, String)> + Send + Sync + 'static,
    value: impl Fn() -> String + Send + Sync + 'static,
    set: impl Fn(String) + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <div class="field compact">
            <label for=id>{label}</label>
            <select id=id prop:value=value on:change=move |ev| set(event_target_value(&ev))>
                <option value="">{all}</option>
                {move || {
                    options()
                        .into_iter()
                        .map(|(v, text)| view! { <option value=v>{text}</option> })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

#[component]
pub fn ApplicationsPage() -> impl IntoView {
    let doc = use_doc();
    let TrackerView {
        filter,
        sort,
        board,
    } = expect_context();
    let total = Memo::new(move |_| doc.with(|d| d.applications.len()));
    let menus = Memo::new(move |_| doc.with(|d| tags_and_sources(&d.applications)));
    // Lower-cased text, rebuilt only when the applications change, so a
    // keystroke in the search box allocates nothing per application.
    let index = Memo::new_with_compare(
        move |_| doc.with(|d| SearchIndex::new(&d.applications)),
        |_, _| true,
    );
    // Every position in `Document.applications`, sorted: kept while only
    // the filter changes, so a keystroke sorts nothing.
    let ordered = Memo::new(move |_| {
        doc.with(|d| index.with(|index| order(&d.applications, index, sort.get())))
    });
    // Positions of what passes the filter, in order: the views clone only
    // the rows they show.
    let visible = Memo::new(move |_| {
        doc.with(|d| {
            index.with(|index| {
                ordered.with(|ordered| {
                    filter.with(|f| filter_ordered(&d.applications, index, ordered, f, today()))
                })
            })
        })
    });
    let filtering = move || filter.with(|f| *f != Default::default());
    let narrowed = Signal::derive(move || {
        filter.with(|f| {
            f.stage.is_some() || f.source.is_some() || f.tag.is_some() || f.due != DueFilter::Any
        })
    });

    let toolbar = move || {
        view! {
            <div class="toolbar" role="search" aria-label="Search and filter applications">
                <div class="field compact search">
                    <label for="app-search">"Search"</label>
                    <input
                        id="app-search"
                        type="search"
                        placeholder="Organization, role, notes or tag"
                        prop:value=move || filter.with(|f| f.text.clone())
                        on:input=move |ev| filter.update(|f| f.text = event_target_value(&ev))
                    />
                </div>
                <FilterFold id="application-filters" active=narrowed>
                {filter_select(
                    "filter-stage",
                    "Stage",
                    "All stages",
                    || Stage::ALL.iter().map(|s| (s.slug().to_owned(), s.label().to_owned())).collect(),
                    move || filter.with(|f| f.stage.map(|s| s.slug().to_owned()).unwrap_or_default()),
                    move |v| filter.update(|f| f.stage = Stage::from_slug(&v)),
                )}
                {filter_select(
                    "filter-source",
                    "Source",
                    "All sources",
                    move || menus.with(|(_, sources)| sources.iter().map(|s| (s.clone(), s.clone())).collect()),
                    move || filter.with(|f| f.source.clone().unwrap_or_default()),
                    move |v| filter.update(|f| f.source = (!v.is_empty()).then_some(v)),
                )}
                {filter_select(
                    "filter-tag",
                    "Tag",
                    "All tags",
                    move || menus.with(|(tags, _)| tags.iter().map(|t| (t.clone(), t.clone())).collect()),
                    move || filter.with(|f| f.tag.clone().unwrap_or_default()),
                    move |v| filter.update(|f| f.tag = (!v.is_empty()).then_some(v)),
                )}
                {filter_select(
                    "filter-due",
                    "Due",
                    "Any time",
                    || {
                        vec![
                            ("soon".to_owned(), "Due in the next 7 days".to_owned()),
                            ("overdue".to_owned(), "Overdue".to_owned()),
                        ]
                    },
                    move || {
                        filter
                            .with(|f| match f.due {
                                DueFilter::Any => "",
                                DueFilter::DueSoon => "soon",
                                DueFilter::Overdue => "overdue",
                            })
                            .to_owned()
                    },
                    move |v| {
                        filter.update(|f| {
                            f.due = match v.as_str() {
                                "soon" => DueFilter::DueSoon,
                                "overdue" => DueFilter::Overdue,
                                _ => DueFilter::Any,
                            }
                        })
                    },
                )}
                </FilterFold>
                <Show when=filtering>
                    <button type="button" class="button" on:click=move |_| filter.set(Default::default())>
                        "Clear filters"
                    </button>
                </Show>
            </div>
        }
    };

    let content = move || {
        if total.get() == 0 {
            return view! {
                <EmptyState title="No applications yet" action=("Add your first application", Route::NewApplication)>
                    <p>
                        "Follow every micro-internship, internship or job you consider, from saved to "
                        "applied, interviewing, offered and completed, with deadlines, contacts and notes."
                    </p>
                    <p>
                        "Students find micro-internships on Parker Dewey, MySphere, Upwork and their "
                        "career center's job board, through alumni and on LinkedIn; noting the source of "
                        "each shows you which ones lead somewhere."
                    </p>
                </EmptyState>
            }
            .into_any();
        }
        view! {
            // On a phone the dashboard and each card say what is due.
            <div class="phone-hidden">
                <DueSoon />
            </div>
            {toolbar()}
            <div class="list-head">
                <p class="result-count" role="status">
                    {move || {
                        let shown = visible.with(Vec::len);
                        let all = total.get();
                        if shown == all {
                            format!("{all} application{}", if all == 1 { "" } else { "s" })
                        } else {
                            format!("Showing {shown} of {all} applications")
                        }
                    }}
                </p>
                <div class="view-toggle" role="group" aria-label="Show as">
                    <button
                        type="button"
                        aria-pressed=move || if board.get() { "true" } else { "false" }
                        on:click=move |_| board.set(true)
                    >
                        "Board"
                    </button>
                    <button
                        type="button"
                        aria-pressed=move || if board.get() { "false" } else { "true" }
                        on:click=move |_| board.set(false)
                    >
                        "Table"
                    </button>
                </div>
            </div>
            {move || {
                if board.get() {
                    view! { <StageBoard rows=visible /> }.into_any()
                } else {
                    view! { <ApplicationTable rows=visible /> }.into_any()
                }
            }}
        }
        .into_any()
    };

    view! {
        <div class="page-head">
            <PageHeading>"Applications"</PageHeading>
            <a class="button primary" href=Route::NewApplication.href()>
                "Add application"
            </a>
        </div>
        {content}
    }
}
