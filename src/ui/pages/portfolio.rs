//! Portfolio: the micro-internships the student has done, to show employers.

use super::PageHeading;
use crate::ui::components::EmptyState;
use leptos::prelude::*;

#[component]
pub fn PortfolioPage() -> impl IntoView {
    view! {
        <PageHeading>"Portfolio"</PageHeading>
        <EmptyState title="Your portfolio is empty">
            <p>
                "Each micro-internship you finish becomes an entry here: the deliverable and its "
                "milestones, hours and fixed fee, your supervisor's feedback, your reflection "
                "on what you set out to learn, and the skills it shows."
            </p>
            <p>"You decide which entries are shared when you send your portfolio to an employer."</p>
        </EmptyState>
    }
}
