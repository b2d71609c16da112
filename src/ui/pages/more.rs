//! More: on a phone, the tab bar's last tab. It lists the views that do
//! not fit in the tab bar (contacts, profile, data and settings), each with
//! what it holds, so nothing is two taps from a menu nobody opens.

use crate::routes::Route;
use crate::ui::widgets::PageHeading;
use leptos::prelude::*;

#[component]
pub fn MorePage() -> impl IntoView {
    let items = [
        (
            Route::Contacts,
            "People you met: recruiters, supervisors and referrals.",
        ),
        (
            Route::Profile,
            "Your name, school and links, shown on what you share.",
        ),
        (
            Route::Data,
            "Back up, restore and export; the theme; where your data is kept.",
        ),
    ]
    .into_iter()
    .map(|(route, what)| {
        view! {
            <li>
                <a class="more-link" href=route.href()>
                    <span class="more-title">{route.title()}</span>
                    <span class="more-what">{what}</span>
                </a>
            </li>
        }
    })
    .collect_view();
    view! {
        <PageHeading>"More"</PageHeading>
        <ul class="more-list">{items}</ul>
    }
}
