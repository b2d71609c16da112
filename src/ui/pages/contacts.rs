//! Contacts: supervisors, mentors, recruiters and alumni.

use crate::routes::Route;
use crate::ui::state::use_doc;
use crate::ui::widgets::EmptyState;
use crate::ui::widgets::PageHeading;
use leptos::prelude::*;

#[component]
pub fn ContactsPage() -> impl IntoView {
    let doc = use_doc();
    let rows = Memo::new(move |_| {
        doc.with(|d| {
            let mut list: Vec<_> = d
                .contacts
                .iter()
                .map(|c| {
                    (
                        c.meta.id,
                        c.name.clone(),
                        c.kind.label(),
                        c.organization.clone(),
                        d.applications_of(c.meta.id).len(),
                    )
                })
                .collect();
            list.sort_by_key(|r| r.1.to_lowercase());
            list
        })
    });
    let content = move || {
        if rows.with(Vec::is_empty) {
            return view! {
                <EmptyState title="No contacts yet" action=("Add your first contact", Route::NewContact)>
                    <p>
                        "Keep the people you meet along the way: project supervisors, mentors, "
                        "recruiters and alumni, linked to the applications where they appear."
                    </p>
                </EmptyState>
            }
            .into_any();
        }
        view! {
            <div class="table-wrap" role="region" aria-label="Contacts table" tabindex="0">
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">"Name"</th>
                            <th scope="col">"Kind"</th>
                            <th scope="col">"Organization"</th>
                            <th scope="col">"Applications"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .get()
                            .into_iter()
                            .map(|(id, name, kind, org, apps)| {
                                view! {
                                    <tr>
                                        <td><a href=Route::Contact(id).href()>{name}</a></td>
                                        <td>{kind}</td>
                                        <td>{org}</td>
                                        <td>{apps}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <div class="page-head">
            <PageHeading>"Contacts"</PageHeading>
            <a class="button primary" href=Route::NewContact.href()>"Add contact"</a>
        </div>
        {content}
    }
}
