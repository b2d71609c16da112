//! The colour theme switch (same as the device, light, dark), remembered in
//! this browser. It lives with the settings (Data, "This browser"), not in
//! the header, so a phone's top bar stays one line.

use crate::ui::branding::Theme;
use leptos::prelude::*;

#[component]
pub fn ThemeChoice() -> impl IntoView {
    let theme = RwSignal::new(Theme::stored());
    let options = Theme::ALL
        .into_iter()
        .map(|t| view! { <option value=t.slug() selected=move || theme.get() == t>{t.label()}</option> })
        .collect_view();
    view! {
        <div class="field">
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
    }
}
