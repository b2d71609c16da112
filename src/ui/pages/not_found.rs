//! Shown for a link that names no view.

use crate::routes::Route;
use crate::ui::widgets::PageHeading;
use leptos::prelude::*;

#[component]
pub fn NotFoundPage(path: String) -> impl IntoView {
    view! {
        <PageHeading>"Page not found"</PageHeading>
        <p>"There is no view called “" {path} "” in Microfolio. The link may be out of date."</p>
        <p>
            <a class="button" href=Route::Dashboard.href()>
                "Go to the dashboard"
            </a>
        </p>
    }
}
