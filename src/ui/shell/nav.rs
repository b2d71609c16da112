//! The main navigation: one link per view, the current one marked with
//! `aria-current="page"`. On a phone it is a tab bar at the bottom of the
//! screen: the four main views and More (contacts, profile, data and
//! settings); on a wider screen the same links sit in a row under the
//! header, all seven, and More is not needed. Which links show is CSS
//! (`.nav-secondary`, `.nav-more`); the structure is the same.

use crate::routes::Route;
use leptos::prelude::*;

#[component]
pub fn Nav(route: ReadSignal<Route>) -> impl IntoView {
    let links = Route::NAV
        .into_iter()
        .chain([Route::More])
        .map(|r| {
            let class = match &r {
                Route::More => "nav-more",
                r if r.in_tab_bar() => "nav-main",
                _ => "nav-secondary",
            };
            let current = {
                let r = r.clone();
                move || {
                    route
                        .with(|now| {
                            now.section() == r || (r == Route::More && now.tab() == Route::More)
                        })
                        .then_some("page")
                }
            };
            view! {
                <li class=class>
                    <a href=r.href() aria-current=current>
                        <NavIcon route=r.clone() />
                        <span>{r.title()}</span>
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

/// A small line icon above a tab's name (decoration: the name says it).
#[component]
fn NavIcon(route: Route) -> impl IntoView {
    let d = match route {
        Route::Dashboard => "M4 13h6V4H4zm10 7h6V11h-6zM4 20h6v-4H4zm10-11h6V4h-6z",
        Route::Applications => "M4 8h16v11H4zM9 8V5h6v3M4 13h16",
        Route::Portfolio => "M12 4l2.4 5 5.6.8-4 3.9.9 5.5-4.9-2.6-4.9 2.6.9-5.5-4-3.9 5.6-.8z",
        Route::Skills => "M5 20V10m7 10V4m7 16v-7",
        _ => "M5 12h.01M12 12h.01M19 12h.01",
    };
    view! {
        <svg class="nav-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=d />
        </svg>
    }
}
