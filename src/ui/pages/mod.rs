//! One page per route; [`Page`] picks the page for the current route.
//! A page's own sections live beside it (`applications/board.rs`), and
//! are used by that page only.

pub use crate::ui::widgets::PageHeading;

pub mod application;
pub mod applications;
pub mod contact;
pub mod contacts;
pub mod dashboard;
pub mod dashboard_competencies;
pub mod data;
pub mod entry;
pub mod entry_edit;
pub mod entry_feedback;
pub mod feedback_request;
pub mod feedback_response;
pub mod lazy;
pub mod more;
pub mod not_found;
pub mod portfolio;
pub mod print;
pub mod profile;
pub mod share;
pub mod shared;
pub mod skill;
pub mod skills;
pub mod supervisor;

use crate::routes::Route;
use leptos::prelude::*;

/// The page for `route`: the dashboard, More and Page not found at once,
/// every other page from its chunk (`lazy.rs`).
#[component]
pub fn Page(route: Route) -> impl IntoView {
    use crate::ui::chunk::{load, Lazy};
    let chunk = match route {
        Route::Dashboard => return dashboard::DashboardPage().into_any(),
        Route::More => return more::MorePage().into_any(),
        Route::NotFound(path) => return view! { <not_found::NotFoundPage path=path /> }.into_any(),
        Route::Shared(data) => load(move || lazy::shared(data.clone())),
        Route::Supervisor(data) => load(move || lazy::supervisor(data.clone())),
        route @ (Route::NewEntry
        | Route::EditEntry(_)
        | Route::Data
        | Route::Transfer(_)
        | Route::PrintPortfolio
        | Route::SharePortfolio
        | Route::FeedbackRequest(_)
        | Route::FeedbackAnswer(_)) => load(move || lazy::tools(route.clone())),
        route => load(move || lazy::views(route.clone())),
    };
    view! { <Lazy load=chunk /> }.into_any()
}
