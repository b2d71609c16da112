//! The split points: every view but the dashboard (the first view of most
//! visits), More and Page not found is in a chunk fetched when it is first
//! needed (`ui/chunk.rs`). One split point per chunk, taking the route, and
//! [`super::Page`] picks the chunk. Four chunks, because every module costs a fetch
//! and an instantiation (with 19 split points a view needed up to 81 of
//! them: the splitter makes a module of each distinct set of split points
//! that shares code, and a view fetches all of its sets):
//! - `views`: the lists and record pages a student moves between (tracker,
//!   contacts, portfolio, skills, profile);
//! - `tools`: the entry editor, data (backups, imports, exports, sync,
//!   transfer), printing, sharing and feedback requests;
//! - `shared` and `supervisor`: what a recipient or a supervisor opens from
//!   a link, alone, so their first visit fetches only what they see.

use super::*;
use crate::routes::Route;
use crate::ui::chunk::lazy_view;

lazy_view!(
    views,
    fn views(route: Route) {
        match route {
            Route::Applications => applications::ApplicationsPage().into_any(),
            Route::NewApplication => view! { <application::ApplicationPage id=None /> }.into_any(),
            Route::Application(id) => {
                view! { <application::ApplicationPage id=Some(id) /> }.into_any()
            }
            Route::Contacts => contacts::ContactsPage().into_any(),
            Route::NewContact => view! { <contact::ContactPage id=None /> }.into_any(),
            Route::Contact(id) => view! { <contact::ContactPage id=Some(id) /> }.into_any(),
            Route::Portfolio => portfolio::PortfolioPage().into_any(),
            Route::Entry(id) => view! { <entry::EntryPage id=id /> }.into_any(),
            Route::Skills => skills::SkillsPage().into_any(),
            Route::NewSkill => view! { <skill::SkillPage id=None /> }.into_any(),
            Route::Skill(id) => view! { <skill::SkillPage id=Some(id) /> }.into_any(),
            Route::Profile => profile::ProfilePage().into_any(),
            other => elsewhere(other),
        }
    }
);

lazy_view!(
    tools,
    fn tools(route: Route) {
        match route {
            Route::NewEntry => view! { <entry_edit::EntryEditPage id=None /> }.into_any(),
            Route::EditEntry(id) => view! { <entry_edit::EntryEditPage id=Some(id) /> }.into_any(),
            Route::Data => view! { <data::DataPage /> }.into_any(),
            Route::Transfer(transfer) => view! { <data::DataPage transfer=transfer /> }.into_any(),
            Route::PrintPortfolio => print::PrintPage().into_any(),
            Route::SharePortfolio => share::SharePage().into_any(),
            Route::FeedbackRequest(id) => {
                view! { <feedback_request::FeedbackRequestPage id=id /> }.into_any()
            }
            Route::FeedbackAnswer(data) => {
                view! { <feedback_response::FeedbackResponsePage data=data /> }.into_any()
            }
            other => elsewhere(other),
        }
    }
);

lazy_view!(
    shared,
    fn shared(data: Option<String>) {
        view! { <shared::SharedPage data=data /> }
    }
);

lazy_view!(
    supervisor,
    fn supervisor(data: String) {
        view! { <supervisor::SupervisorPage data=data /> }
    }
);

/// A route of another chunk, which [`super::Page`] never sends here: the
/// not-found page rather than a panic.
fn elsewhere(route: Route) -> AnyView {
    view! { <not_found::NotFoundPage path=route.href() /> }.into_any()
}
