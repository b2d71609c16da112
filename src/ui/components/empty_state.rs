//! The friendly panel a view shows before it has anything in it: what the
//! view is for and what to do first.

use leptos::prelude::*;

#[component]
pub fn EmptyState(
    title: &'static str,
    children: Children,
    /// An optional next step: (link text, href).
    #[prop(optional)]
    action: Option<(&'static str, &'static str)>,
) -> impl IntoView {
    view! {
        <section class="empty-state">
            <h2>{title}</h2>
            {children()}
            {action.map(|(text, href)| view! { <a class="button" href=href>{text}</a> })}
        </section>
    }
}
