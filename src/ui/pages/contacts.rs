//! Contacts: supervisors, mentors, recruiters and alumni.

use super::PageHeading;
use crate::ui::components::EmptyState;
use leptos::prelude::*;

#[component]
pub fn ContactsPage() -> impl IntoView {
    view! {
        <PageHeading>"Contacts"</PageHeading>
        <EmptyState title="No contacts yet">
            <p>
                "Keep the people you meet along the way: project supervisors, mentors, "
                "recruiters and alumni, linked to the applications and portfolio entries "
                "where they appear."
            </p>
        </EmptyState>
    }
}
