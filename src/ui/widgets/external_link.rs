//! A link to somewhere outside the app. It takes only a [`SafeUrl`], so
//! only `http`, `https` and `mailto` links are ever rendered as links;
//! web links open in a new tab without access to this one.

use crate::domain::SafeUrl;
use leptos::prelude::*;

#[component]
pub fn ExternalLink(url: SafeUrl, #[prop(into)] text: String) -> impl IntoView {
    let web = !url.as_str().to_ascii_lowercase().starts_with("mailto:");
    view! {
        <a
            href=url.to_string()
            target=web.then_some("_blank")
            rel=web.then_some("noopener noreferrer")
        >
            {text}
        </a>
    }
}
