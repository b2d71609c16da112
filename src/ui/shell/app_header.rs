//! The app's top bar: the name (with the career center's name and logo when
//! its config gives them) and, where there is a keyboard, the button that
//! lists the keyboard shortcuts. On a phone it is one short line; the theme
//! switch lives with the settings (Data).

use crate::routes::Route;
use crate::ui::branding::use_branding;
use leptos::prelude::*;

#[component]
pub fn AppHeader(on_help: Callback<()>) -> impl IntoView {
    let branding = use_branding();
    let institution = move || branding.config.with(|c| c.institution.clone());
    let logo = move || {
        branding.config.with(|c| c.logo.clone()).map(|src| {
            // Beside the institution's name the logo is decoration.
            let alt = if institution().is_empty() {
                "Career center logo"
            } else {
                ""
            };
            view! { <img class="brand-logo" src=src alt=alt /> }
        })
    };
    view! {
        <header class="app-header">
            <div class="brand-line">
                <a class="brand" href=Route::Dashboard.href()>
                    <span class="brand-mark" aria-hidden="true">"M"</span>
                    "Microfolio"
                </a>
                {move || {
                    let name = institution();
                    (!name.is_empty() || branding.config.with(|c| c.logo.is_some())).then(|| view! {
                        <span class="institution">{logo}{name}</span>
                    })
                }}
            </div>
            <p class="tagline">"Micro-internships, applications and skills, kept in your browser"</p>
            // Only where there is a keyboard (a fine pointer that can hover).
            <button
                type="button"
                class="button small keyboard-only"
                aria-label="Keyboard shortcuts"
                aria-keyshortcuts="?"
                on:click=move |_| on_help.run(())
            >
                <span aria-hidden="true" class="key">"?"</span>
                <span class="wide-only" aria-hidden="true">" Keyboard shortcuts"</span>
            </button>
        </header>
    }
}
