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
    match route {
        Route::Dashboard => dashboard::DashboardPage().into_any(),
        Route::Applications => applications::ApplicationsPage().into_any(),
        Route::Portfolio => portfolio::PortfolioPage().into_any(),
        Route::Skills => skills::SkillsPage().into_any(),
        Route::Contacts => contacts::ContactsPage().into_any(),
        Route::Profile => profile::ProfilePage().into_any(),
        Route::Data => view! { <data::DataPage /> }.into_any(),
        Route::Transfer(data) => view! { <data::DataPage transfer=data /> }.into_any(),
        Route::More => more::MorePage().into_any(),
        Route::NewApplication => view! { <application::ApplicationPage id=None /> }.into_any(),
        Route::Application(id) => view! { <application::ApplicationPage id=Some(id) /> }.into_any(),
        Route::NewContact => view! { <contact::ContactPage id=None /> }.into_any(),
        Route::Contact(id) => view! { <contact::ContactPage id=Some(id) /> }.into_any(),
        Route::NewSkill => view! { <skill::SkillPage id=None /> }.into_any(),
        Route::Skill(id) => view! { <skill::SkillPage id=Some(id) /> }.into_any(),
        Route::NewEntry => view! { <entry_edit::EntryEditPage id=None /> }.into_any(),
        Route::Entry(id) => view! { <entry::EntryPage id=id /> }.into_any(),
        Route::EditEntry(id) => view! { <entry_edit::EntryEditPage id=Some(id) /> }.into_any(),
        Route::PrintPortfolio => print::PrintPage().into_any(),
        Route::SharePortfolio => share::SharePage().into_any(),
        Route::Shared(data) => view! { <shared::SharedPage data=data /> }.into_any(),
        Route::FeedbackRequest(id) => {
            view! { <feedback_request::FeedbackRequestPage id=id /> }.into_any()
        }
        Route::Supervisor(data) => view! { <supervisor::SupervisorPage data=data /> }.into_any(),
        Route::FeedbackAnswer(data) => {
            view! { <feedback_response::FeedbackResponsePage data=data /> }.into_any()
        }
        Route::NotFound(path) => view! { <not_found::NotFoundPage path=path /> }.into_any(),
    }
}
