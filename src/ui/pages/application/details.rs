//! An application's details as read: its dates, the skills it asks for,
//! tags, notes and linked contacts (the facts line above has the source,
//! hours, fee and posting).

use crate::domain::RecordId;
use crate::routes::Route;
use crate::ui::platform::format_date;
use crate::ui::state::use_doc;
use leptos::prelude::*;

#[component]
pub fn ApplicationDetails(id: RecordId) -> impl IntoView {
    let doc = use_doc();
    move || {
        doc.with(|d| {
            let a = d.application(id)?;
            let dates = [
                ("Found", a.date_found),
                ("Applied", a.date_applied),
                ("Deadline", a.deadline),
                ("Next follow-up", a.next_follow_up),
                ("Starts", a.start_date),
                ("Ends", a.end_date),
            ]
            .into_iter()
            .filter_map(|(label, date)| date.map(|date| (label, format_date(date))))
            .map(|(label, date)| view! { <dt>{label}</dt><dd>{date}</dd> })
            .collect_view();
            let list = |label: &'static str, items: &[String]| {
                (!items.is_empty()).then(|| view! { <dt>{label}</dt><dd>{items.join(", ")}</dd> })
            };
            let contacts = a
                .contacts
                .iter()
                .filter_map(|cid| d.contacts.iter().find(|c| c.meta.id == *cid))
                .map(|c| view! { <li><a href=Route::Contact(c.meta.id).href()>{c.name.clone()}</a></li> })
                .collect_view();
            let has_contacts = !a.contacts.is_empty();
            let notes = (!a.notes.trim().is_empty()).then(|| view! { <dt>"Notes"</dt><dd class="prewrap">{a.notes.clone()}</dd> });
            Some(view! {
                <dl class="facts details">
                    {dates}
                    {list("Skills asked for", &a.required_skills)}
                    {list("Tags", &a.tags)}
                    {notes}
                    {has_contacts.then(|| view! { <dt>"Contacts"</dt><dd><ul class="plain-list">{contacts}</ul></dd> })}
                </dl>
            })
        })
    }
}
