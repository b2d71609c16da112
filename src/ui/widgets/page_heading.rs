//! The heading every page starts with; focused when the view changes, so
//! a screen reader announces the new view.

use leptos::prelude::*;

#[component]
pub fn PageHeading(children: Children) -> impl IntoView {
    view! {
        <h1 id="page-heading" tabindex="-1">
            {children()}
        </h1>
    }
}
