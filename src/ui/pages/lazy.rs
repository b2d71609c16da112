//! The split points: every view but the dashboard (the first view of most
//! visits), More and Page not found is a chunk of its own in a split build,
//! fetched when the view first opens (`ui/chunk.rs`). A view's sections go
//! with it; code two chunks share goes to a shared chunk, code the shell
//! needs stays in the main module.

use super::*;
use crate::domain::RecordId;
use crate::ui::chunk::lazy_view;

lazy_view!(
    applications,
    fn applications() {
        applications::ApplicationsPage()
    }
);
lazy_view!(
    application,
    fn application(id: Option<RecordId>) {
        view! { <application::ApplicationPage id=id /> }
    }
);
lazy_view!(
    portfolio,
    fn portfolio() {
        portfolio::PortfolioPage()
    }
);
lazy_view!(
    entry,
    fn entry(id: RecordId) {
        view! { <entry::EntryPage id=id /> }
    }
);
lazy_view!(
    entry_edit,
    fn entry_edit(id: Option<RecordId>) {
        view! { <entry_edit::EntryEditPage id=id /> }
    }
);
lazy_view!(
    skills,
    fn skills() {
        skills::SkillsPage()
    }
);
lazy_view!(
    skill,
    fn skill(id: Option<RecordId>) {
        view! { <skill::SkillPage id=id /> }
    }
);
lazy_view!(
    contacts,
    fn contacts() {
        contacts::ContactsPage()
    }
);
lazy_view!(
    contact,
    fn contact(id: Option<RecordId>) {
        view! { <contact::ContactPage id=id /> }
    }
);
lazy_view!(
    profile,
    fn profile() {
        profile::ProfilePage()
    }
);
lazy_view!(
    data,
    fn data(transfer: Option<String>) {
        match transfer {
            Some(transfer) => view! { <data::DataPage transfer=transfer /> }.into_any(),
            None => view! { <data::DataPage /> }.into_any(),
        }
    }
);
lazy_view!(
    print,
    fn print() {
        print::PrintPage()
    }
);
lazy_view!(
    share,
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
    feedback_request,
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
    feedback_response,
    fn feedback_response(data: String) {
        view! { <feedback_response::FeedbackResponsePage data=data /> }
    }
);
