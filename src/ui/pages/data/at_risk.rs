//! Where data is at risk in this browser (`domain/device.rs` decides): no
//! synced file here, so what works instead; Safari's removal of unused
//! site data after 7 days outside an installed home-screen app, and what to
//! do about it. Shown only when something applies.

use crate::domain::device::{risks, webkit_caps_storage, Browser, Risk};
use js_sys::Reflect;
use leptos::prelude::*;

/// The facts `risks` needs, read from the browser.
fn this_browser() -> Browser {
    let Some(window) = web_sys::window() else {
        return Browser::default();
    };
    let has = |target: &wasm_bindgen::JsValue, name: &str| {
        Reflect::get(target, &name.into()).is_ok_and(|v| !v.is_undefined() && !v.is_null())
    };
    let navigator = window.navigator();
    let standalone_media = window
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    let ios_standalone = Reflect::get(&navigator, &"standalone".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    Browser {
        file_api: has(&window, "showSaveFilePicker"),
        seven_day_cap: navigator
            .user_agent()
            .is_ok_and(|ua| webkit_caps_storage(&ua)),
        installed: standalone_media || ios_standalone,
    }
}

#[component]
pub fn AtRisk() -> impl IntoView {
    let found = risks(this_browser());
    (!found.is_empty()).then(|| {
        let items = found
            .into_iter()
            .map(|risk| match risk {
                Risk::SevenDayRemoval => {
                    "Safari removes a site's data when the site has not been used for 7 days, \
                     unless it runs as an app from the Home Screen. Add Microfolio to your Home \
                     Screen (Share, then “Add to Home Screen”; on a Mac: File, then “Add to Dock”) \
                     and open it from there. Until then, download a backup often, or send your \
                     data to another device with a transfer link."
                }
                Risk::NoSyncedFile => {
                    "This browser cannot keep a synced copy in a file (Chrome and Edge on a \
                     computer can). What works here: a transfer link to send your data to \
                     another device, and backup files you download and restore."
                }
            })
            .map(|text| view! { <li>{text}</li> })
            .collect_view();
        view! {
            <section class="panel callout" aria-labelledby="risk-heading">
                <h2 id="risk-heading">"Keeping your data in this browser"</h2>
                <ul>{items}</ul>
            </section>
        }
    })
}
