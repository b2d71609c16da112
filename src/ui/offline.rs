//! Offline use: registers the service worker (`sw.js`, written into release
//! builds by `scripts/offline.mjs`), which keeps the app's files so it opens
//! with no connection after one visit. When a new version has been
//! deployed and is ready, [`UpdateReady`] turns true and the student is
//! told; reloading (their choice) switches to it. Data lives in
//! `localStorage`, which the service worker never touches.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// A new version is installed and waiting for a reload.
#[derive(Clone, Copy)]
pub struct UpdateReady(pub RwSignal<bool>);

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    // Absent on plain-HTTP origins other than localhost.
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

/// Registers the service worker (release builds only: `trunk serve` has
/// none) and watches for updates.
pub fn register(ready: RwSignal<bool>) {
    if cfg!(debug_assertions) {
        return;
    }
    let Some(container) = container() else { return };
    let promise = container.register("sw.js");
    leptos::task::spawn_local(async move {
        // Blocked or failed registrations (private modes, test harnesses)
        // leave the app as it is, online only.
        let Some(registration) = JsFuture::from(promise)
            .await
            .ok()
            .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok())
        else {
            return;
        };
        let controlled = container.controller().is_some();
        if registration.waiting().is_some() && controlled {
            ready.set(true);
        }
        let watched = registration.clone();
        let on_found = Closure::<dyn FnMut()>::new(move || {
            let Some(worker) = watched.installing() else {
                return;
            };
            let observed = worker.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                // An installed worker while another controls the page is
                // an update (on a first visit there is no controller).
                let has_controller = container_controls();
                if observed.state() == ServiceWorkerState::Installed && has_controller {
                    ready.set(true);
                }
            });
            worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
        // Look for a new version now and then while the app stays open.
        let checking = registration.clone();
        let _ = set_interval_with_handle(
            move || {
                let _ = checking.update();
            },
            std::time::Duration::from_secs(30 * 60),
        );
        if !controlled {
            claim_when_active(&container).await;
        }
    });
}

/// Asks the first version's worker, once active, to take this page.
///
/// Its own claim on activation skips a page whose navigation was still in
/// flight (a reload during the first install, say), and such a page would
/// stay online-only until the next visit: a view not opened yet would fail
/// with no network.
async fn claim_when_active(container: &ServiceWorkerContainer) {
    let Ok(ready) = container.ready() else { return };
    let active = JsFuture::from(ready)
        .await
        .ok()
        .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok())
        .and_then(|r| r.active());
    if let Some(worker) = active {
        if container.controller().is_none() {
            let _ = worker.post_message(&"claim".into());
        }
    }
}

fn container_controls() -> bool {
    container().and_then(|c| c.controller()).is_some()
}

/// Switches to the waiting version: the page reloads once it controls it.
pub fn apply_update() {
    let Some(container) = container() else {
        let _ = window().location().reload();
        return;
    };
    let on_change = Closure::<dyn FnMut()>::new(|| {
        let _ = window().location().reload();
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    let promise = container.get_registration();
    leptos::task::spawn_local(async move {
        let waiting = JsFuture::from(promise)
            .await
            .ok()
            .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok())
            .and_then(|r| r.waiting());
        match waiting {
            Some(worker) => {
                let _ = worker.post_message(&"skip-waiting".into());
            }
            None => {
                let _ = window().location().reload();
            }
        }
    });
}

/// Tells the student a new version is ready, and reloads on request.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let ready = expect_context::<UpdateReady>().0;
    move || {
        ready.get().then(|| view! {
            <div class="banner banner-update" role="status">
                <p>
                    <strong>"A new version of Microfolio is ready. "</strong>
                    "Reload to use it; your data stays as it is."
                </p>
                <button type="button" class="button small primary" on:click=move |_| apply_update()>"Reload now"</button>
            </div>
        })
    }
}
