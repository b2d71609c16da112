//! A repeated group of fields in a form (deliverables, milestones,
//! objectives, evidence links): one fieldset per row, numbered, each with
//! its Remove button, and an Add button after them. Focus follows: to the
//! new row's first field on Add, to the Add button on Remove.

use crate::ui::platform::focus_later;
use leptos::prelude::*;

#[component]
pub fn RowList<Row, V>(
    /// The row's name, capitalised: "Deliverable" gives "Deliverable 2",
    /// "Remove deliverable 2" and "Add a deliverable".
    noun: &'static str,
    /// The Add button's element id.
    add_id: &'static str,
    #[prop(into)] count: Signal<usize>,
    /// The fields of row `i`.
    row: Row,
    /// The element id of row `i`'s first field.
    first_field: fn(usize) -> String,
    on_add: Callback<()>,
    on_remove: Callback<usize>,
    /// "Add a …" when the article is not "a" ("Add an objective").
    #[prop(optional)]
    add_text: Option<&'static str>,
) -> impl IntoView
where
    Row: Fn(usize) -> V + Copy + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let lower = noun.to_lowercase();
    let add_text = add_text.map_or_else(|| format!("Add a {lower}"), str::to_owned);
    let rows = move || {
        (0..count.get())
            .map(|i| {
                let lower = noun.to_lowercase();
                view! {
                    <fieldset class="row-group">
                        <legend>{format!("{noun} {}", i + 1)}</legend>
                        {row(i)}
                        <button
                            type="button"
                            class="button small"
                            on:click=move |_| {
                                on_remove.run(i);
                                focus_later(add_id);
                            }
                        >
                            {format!("Remove {lower} {}", i + 1)}
                        </button>
                    </fieldset>
                }
            })
            .collect_view()
    };
    view! {
        {rows}
        <button
            type="button"
            class="button"
            id=add_id
            on:click=move |_| {
                let n = count.get_untracked();
                on_add.run(());
                focus_later(first_field(n));
            }
        >
            {add_text}
        </button>
    }
}
