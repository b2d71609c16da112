//! The dashboard (home view): a greeting and the next steps.

use super::PageHeading;
use crate::routes::Route;
use crate::ui::components::DueSoon;
use crate::ui::state::use_doc;
use leptos::prelude::*;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let doc = use_doc();
    let name = move || doc.with(|d| d.profile.name.clone());
    let profile_blank = move || doc.with(|d| d.profile.is_blank());
    let has_applications = move || doc.with(|d| !d.applications.is_empty());
    let has_entries = move || doc.with(|d| !d.entries.is_empty());
    let has_skills = move || doc.with(|d| !d.skills.is_empty());
    let greeting = move || match name() {
        n if n.is_empty() => "Welcome to Microfolio".to_owned(),
        n => format!("Welcome back, {n}"),
    };
    let steps = [
        (
            Route::Profile,
            "Set up your profile",
            "Your name, school and links head every portfolio you share. Add your learning objectives and career aspirations too.",
        ),
        (
            Route::Applications,
            "Track applications",
            "Every micro-internship you consider or apply to, with its stage and deadline.",
        ),
        (
            Route::Portfolio,
            "Build your portfolio",
            "Record what you delivered, your supervisor's feedback and what you learned.",
        ),
        (
            Route::Skills,
            "Map your skills",
            "Rate your skills, set targets and link them to real work as evidence.",
        ),
    ];
    let cards = steps
        .into_iter()
        .map(|(route, title, body)| {
            let href = route.href();
            let done = move || match route {
                Route::Profile => !profile_blank(),
                Route::Applications => has_applications(),
                Route::Portfolio => has_entries(),
                Route::Skills => has_skills(),
                _ => false,
            };
            view! {
                <li class="step-card">
                    <h2>
                        <a href=href>{title}</a>
                    </h2>
                    <p>{body}</p>
                    {move || done().then(|| view! { <p class="done">"Started — keep it up to date."</p> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <PageHeading>{greeting}</PageHeading>
        <p class="lead">
            "Keep your micro-internships, applications and skills in one place. "
            "Everything stays in this browser; export a backup from the Data view whenever you like."
        </p>
        <DueSoon />
        <ul class="step-cards">{cards}</ul>
    }
}
