//! The split points: every view but the dashboard (the first view of most
//! visits), More and Page not found is in a chunk fetched when it is first
//! needed (`ui/chunk.rs`). Four chunks, because every module costs a fetch
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
use crate::domain::RecordId;
use crate::ui::chunk::lazy_view;

lazy_view!(
    views,
    fn applications() {
        applications::ApplicationsPage()
    }
);
lazy_view!(
    views,
    fn application(id: Option<RecordId>) {
        view! { <application::ApplicationPage id=id /> }
    }
);
lazy_view!(
    views,
    fn portfolio() {
        portfolio::PortfolioPage()
    }
);
lazy_view!(
    views,
    fn entry(id: RecordId) {
        view! { <entry::EntryPage id=id /> }
    }
);
lazy_view!(
    tools,
    fn entry_edit(id: Option<RecordId>) {
        view! { <entry_edit::EntryEditPage id=id /> }
    }
);
lazy_view!(
    views,
    fn skills() {
        skills::SkillsPage()
    }
);
lazy_view!(
    views,
    fn skill(id: Option<RecordId>) {
        view! { <skill::SkillPage id=id /> }
    }
);
lazy_view!(
    views,
    fn contacts() {
        contacts::ContactsPage()
    }
);
lazy_view!(
    views,
    fn contact(id: Option<RecordId>) {
        view! { <contact::ContactPage id=id /> }
    }
);
lazy_view!(
    views,
    fn profile() {
        profile::ProfilePage()
    }
);
lazy_view!(
    tools,
    fn data(transfer: Option<String>) {
        match transfer {
            Some(transfer) => view! { <data::DataPage transfer=transfer /> }.into_any(),
            None => view! { <data::DataPage /> }.into_any(),
        }
    }
);
lazy_view!(
    tools,
    fn print() {
        print::PrintPage()
    }
);
lazy_view!(
    tools,
    fn share() {
        share::SharePage()
    }
);
lazy_view!(
    shared,
    fn shared(data: Option<String>) {
        view! { <shared::SharedPage data=data /> }
    }
);
lazy_view!(
    tools,
    fn feedback_request(id: RecordId) {
        view! { <feedback_request::FeedbackRequestPage id=id /> }
    }
);
lazy_view!(
    supervisor,
    fn supervisor(data: String) {
        view! { <supervisor::SupervisorPage data=data /> }
    }
);
lazy_view!(
    tools,
    fn feedback_response(data: String) {
        view! { <feedback_response::FeedbackResponsePage data=data /> }
    }
);
