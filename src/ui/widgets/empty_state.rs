//! The friendly panel a view shows before it has anything in it: what the
//! view is for and what to do first.

use crate::routes::Route;
use leptos::prelude::*;

#[component]
pub fn EmptyState(
    title: &'static str,
    children: Children,
    /// An optional next step: (link text, the view it opens).
    #[prop(optional)]
    action: Option<(&'static str, Route)>,
) -> impl IntoView {
    view! {
        <section class="empty-state">
            <h2>{title}</h2>
            {children()}
            {action.map(|(text, route)| view! { <a class="button" href=route.href()>{text}</a> })}
        </section>
    }
}
