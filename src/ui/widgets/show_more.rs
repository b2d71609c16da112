//! "Show more" under a long list: lists of thousands of records render a
//! page at a time, so a keystroke in the search box or a start-up with
//! thousands of applications builds only what fits on a screen or two.

use leptos::prelude::*;

#[component]
pub fn ShowMore(
    /// How many rows are rendered now.
    shown: RwSignal<usize>,
    /// How many rows there are.
    #[prop(into)]
    total: Signal<usize>,
    /// How many more one click renders.
    step: usize,
    /// What the rows are, plural ("applications").
    what: &'static str,
) -> impl IntoView {
    let hidden = move || total.get().saturating_sub(shown.get());
    view! {
        <Show when=move || { hidden() > 0 }>
            <p class="show-more">
                <span>{move || format!("{} more {what} not shown.", hidden())}</span>
                " "
                <button type="button" class="button" on:click=move |_| shown.update(|n| *n += step)>
                    {move || format!("Show {} more", hidden().min(step))}
                </button>
            </p>
        </Show>
    }
}
