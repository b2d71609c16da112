//! Skills: the inventory of what the student can do, with evidence.

use super::PageHeading;
use crate::ui::components::EmptyState;
use leptos::prelude::*;

#[component]
pub fn SkillsPage() -> impl IntoView {
    view! {
        <PageHeading>"Skills"</PageHeading>
        <EmptyState title="No skills recorded yet">
            <p>
                "Rate each skill from 1 to 5, set the level you are aiming for, and back it "
                "with evidence: the portfolio entries where you used it."
            </p>
            <p>"Communication, research and data clean-up are among the skills micro-internships show best."</p>
        </EmptyState>
    }
}
