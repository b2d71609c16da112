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

#[component]
pub fn Page(route: Route) -> impl IntoView {
    use crate::ui::chunk::{load, Lazy};
    match route {
        Route::Dashboard => dashboard::DashboardPage().into_any(),
        Route::More => more::MorePage().into_any(),
        Route::NotFound(path) => view! { <not_found::NotFoundPage path=path /> }.into_any(),
        Route::Applications => view! { <Lazy load=load(lazy::applications) /> }.into_any(),
        Route::Portfolio => view! { <Lazy load=load(lazy::portfolio) /> }.into_any(),
        Route::Skills => view! { <Lazy load=load(lazy::skills) /> }.into_any(),
        Route::Contacts => view! { <Lazy load=load(lazy::contacts) /> }.into_any(),
        Route::Profile => view! { <Lazy load=load(lazy::profile) /> }.into_any(),
        Route::Data => view! { <Lazy load=load(|| lazy::data(None)) /> }.into_any(),
        Route::Transfer(data) => {
            view! { <Lazy load=load(move || lazy::data(Some(data.clone()))) /> }.into_any()
        }
        Route::NewApplication => {
            view! { <Lazy load=load(|| lazy::application(None)) /> }.into_any()
        }
        Route::Application(id) => {
            view! { <Lazy load=load(move || lazy::application(Some(id))) /> }.into_any()
        }
        Route::NewContact => view! { <Lazy load=load(|| lazy::contact(None)) /> }.into_any(),
        Route::Contact(id) => {
            view! { <Lazy load=load(move || lazy::contact(Some(id))) /> }.into_any()
        }
        Route::NewSkill => view! { <Lazy load=load(|| lazy::skill(None)) /> }.into_any(),
        Route::Skill(id) => view! { <Lazy load=load(move || lazy::skill(Some(id))) /> }.into_any(),
        Route::NewEntry => view! { <Lazy load=load(|| lazy::entry_edit(None)) /> }.into_any(),
        Route::Entry(id) => view! { <Lazy load=load(move || lazy::entry(id)) /> }.into_any(),
        Route::EditEntry(id) => {
            view! { <Lazy load=load(move || lazy::entry_edit(Some(id))) /> }.into_any()
        }
        Route::PrintPortfolio => view! { <Lazy load=load(lazy::print) /> }.into_any(),
        Route::SharePortfolio => view! { <Lazy load=load(lazy::share) /> }.into_any(),
        Route::Shared(data) => {
            view! { <Lazy load=load(move || lazy::shared(data.clone())) /> }.into_any()
        }
        Route::FeedbackRequest(id) => {
            view! { <Lazy load=load(move || lazy::feedback_request(id)) /> }.into_any()
        }
        Route::Supervisor(data) => {
            view! { <Lazy load=load(move || lazy::supervisor(data.clone())) /> }.into_any()
        }
        Route::FeedbackAnswer(data) => {
            view! { <Lazy load=load(move || lazy::feedback_response(data.clone())) /> }.into_any()
        }
    }
}
