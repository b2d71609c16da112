//! Applications: the tracker of opportunities considered, applied to and
//! worked on.

use super::PageHeading;
use crate::ui::components::EmptyState;
use leptos::prelude::*;

#[component]
pub fn ApplicationsPage() -> impl IntoView {
    view! {
        <PageHeading>"Applications"</PageHeading>
        <EmptyState title="No applications yet">
            <p>
                "This is where you follow every micro-internship, internship or job you consider, "
                "from saved to applied, interviewing, offered and completed, with deadlines, "
                "contacts and notes."
            </p>
            <p>
                "Students find micro-internships on Parker Dewey, MySphere, Upwork and their career "
                "center's job board, through alumni and on LinkedIn; noting the source of each "
                "shows you which ones lead somewhere."
            </p>
        </EmptyState>
    }
}
