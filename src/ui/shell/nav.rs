//! The main navigation: one link per view, the current one marked with
//! `aria-current="page"`.

use crate::routes::Route;
use leptos::prelude::*;

#[component]
pub fn Nav(route: ReadSignal<Route>) -> impl IntoView {
    let links = Route::NAV
        .into_iter()
        .map(|r| {
            let current = {
                let r = r.clone();
                move || route.with(|now| now.section() == r).then_some("page")
            };
            view! {
                <li>
                    <a href=r.href() aria-current=current>
                        {r.title()}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="main-nav" aria-label="Main">
            <ul>{links}</ul>
        </nav>
    }
}
