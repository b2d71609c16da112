//! Filters that fold under one "Filters" button on a phone, so a list's
//! first record is on the first screen; wider screens always show them
//! (CSS: `.filter-fields`). The button says when a filter is on.

use leptos::prelude::*;

#[component]
pub fn FilterFold(
    /// The id of the folded fields (for `aria-controls`).
    id: &'static str,
    /// Whether any folded filter narrows the list.
    #[prop(into)]
    active: Signal<bool>,
    children: Children,
) -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <button
            type="button"
            class="button phone-only filters-toggle"
            aria-expanded=move || if open.get() { "true" } else { "false" }
            aria-controls=id
            on:click=move |_| open.update(|o| *o = !*o)
        >
            {move || if active.get() { "Filters (on)" } else { "Filters" }}
        </button>
        <div id=id class="filter-fields" class:open=move || open.get()>
            {children()}
        </div>
    }
}
