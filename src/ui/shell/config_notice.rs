//! Tells everyone when this copy's `config.json` could not be used, and
//! why, field by field. The app then runs with its defaults.

use crate::ui::branding::use_branding;
use leptos::prelude::*;

#[component]
pub fn ConfigNotice() -> impl IntoView {
    let problems = use_branding().problems;
    move || {
        let list = problems.get();
        (!list.is_empty()).then(|| {
            let items = list.into_iter().map(|p| view! { <li>{p}</li> }).collect_view();
            view! {
                <div class="banner banner-warn" role="status">
                    <p>
                        <strong>"This copy’s settings file (config.json) has problems, "</strong>
                        "so Microfolio shows its standard name, colours and lists. Your data is not affected. "
                        "For the career center to fix:"
                    </p>
                    <ul>{items}</ul>
                </div>
            }
        })
    }
}
