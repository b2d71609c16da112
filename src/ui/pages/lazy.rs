//! The split points: every view but the dashboard (the first view of most
//! visits), More and Page not found is in a chunk fetched when the view
//! first opens (`ui/chunk.rs`). A list and its record pages share a chunk
//! (the tracker, contacts, the portfolio, the skills), as do profile and
//! data, and printing, sharing and feedback; the entry editor, the largest
//! form, is a chunk of its own. The
//! pages a recipient or a supervisor opens from a link (`shared`,
//! `supervisor`) have chunks of their own, so their first visit fetches
//! only what they show. Fewer split points also mean fewer chunks of shared
//! code: each distinct set of split points that uses a function is a chunk,
//! and a view fetches all of its sets.

use super::*;
use crate::domain::RecordId;
use crate::ui::chunk::lazy_view;

lazy_view!(
    tracker,
    fn applications() {
        applications::ApplicationsPage()
    }
);
lazy_view!(
    tracker,
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
    portfolio,
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
    skills,
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
    contacts,
    fn contact(id: Option<RecordId>) {
        view! { <contact::ContactPage id=id /> }
    }
);
lazy_view!(
    settings,
    fn profile() {
        profile::ProfilePage()
    }
);
lazy_view!(
    settings,
    fn data(transfer: Option<String>) {
        match transfer {
            Some(transfer) => view! { <data::DataPage transfer=transfer /> }.into_any(),
            None => view! { <data::DataPage /> }.into_any(),
        }
    }
);
lazy_view!(
    sharing,
    fn print() {
        print::PrintPage()
    }
);
lazy_view!(
    sharing,
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
    sharing,
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
    sharing,
    fn feedback_response(data: String) {
        view! { <feedback_response::FeedbackResponsePage data=data /> }
    }
);
