//! The app's header: the name (with the career center's name and logo when
//! its config gives them), the colour theme switch and the button that
//! lists the keyboard shortcuts.

use crate::routes::Route;
use crate::ui::branding::{use_branding, Theme};
use leptos::prelude::*;

#[component]
pub fn AppHeader(on_help: Callback<()>) -> impl IntoView {
    let branding = use_branding();
    let theme = RwSignal::new(Theme::stored());
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
    let options = Theme::ALL
        .into_iter()
        .map(|t| view! { <option value=t.slug() selected=move || theme.get() == t>{t.label()}</option> })
        .collect_view();
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
            <div class="header-tools">
                <div class="field compact inline">
                    <label for="theme-choice">"Theme"</label>
                    <select
                        id="theme-choice"
                        on:change=move |ev| {
                            let chosen = Theme::from_slug(&event_target_value(&ev));
                            theme.set(chosen);
                            chosen.choose();
                        }
                    >
                        {options}
                    </select>
                </div>
                <button type="button" class="button small" aria-keyshortcuts="?" on:click=move |_| on_help.run(())>
                    "Keyboard shortcuts"
                </button>
            </div>
        </header>
    }
}
