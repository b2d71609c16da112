//! The app root: opens storage once, then shows either the workspace (the
//! shell with its pages), the recovery screen for unreadable data, or a
//! notice that the browser allows no storage. Inside a frame it opens
//! nothing and offers a link to open it in its own tab: a meta CSP cannot
//! say `frame-ancestors` and static hosts set no headers, so another page
//! could otherwise frame the student's data and trick clicks on Replace or
//! Delete.
//!
//! The workspace starts the one save controller ([`crate::ui::sync`]): it
//! tracks only the persisted [`Document`] and writes it through the
//! storage [`Writer`] shortly after every change (never on start-up, so
//! opening the app writes nothing).

use crate::domain::Document;
use crate::routes::Route;
use crate::storage::{self, Opened, Stored, Unreadable, Writer};
use crate::ui::branding::{Branding, Theme};
use crate::ui::components::{
    AppHeader, BackupReminder, ConfigNotice, Nav, Recovery, SampleBanner, SaveBanner,
    ShortcutsDialog, ToastRegion, Toaster,
};
use crate::ui::offline::{UpdateBanner, UpdateReady};
use crate::ui::pages::Page;
use crate::ui::platform::{focus_element, new_id, now};
use crate::ui::router::use_hash_route;
use crate::ui::state::{Doc, OpenedShare, SaveState, SaveStatus, TrackerView};
use crate::ui::sync::Sync;
use leptos::prelude::*;

#[derive(Clone)]
enum Stage {
    /// Running inside another page's frame.
    Framed,
    Unavailable(String),
    Recovery(std::sync::Arc<Unreadable>),
    /// The document, its writer, and what it was read from.
    Working(Document, Writer, Option<Stored>),
}

#[component]
pub fn App() -> impl IntoView {
    Theme::stored().apply();
    let first = if framed() {
        Stage::Framed
    } else {
        match storage::open(&storage::key_for_this_page()) {
            Err(e) => Stage::Unavailable(e.to_string()),
            Ok(Opened::Empty(writer)) => {
                Stage::Working(Document::new(now(), new_id()), writer, None)
            }
            Ok(Opened::Ready(doc, writer, raw)) => Stage::Working(doc, writer, Some(raw)),
            Ok(Opened::Unreadable(u)) => Stage::Recovery(std::sync::Arc::new(u)),
        }
    };
    let stage = RwSignal::new(first);
    let (fresh_error, set_fresh_error) = signal(None::<String>);

    move || {
        match stage.get() {
        Stage::Working(doc, writer, raw) => {
            view! { <Workspace doc=doc writer=writer raw=raw /> }.into_any()
        }
        Stage::Framed => view! {
            <main id="main" class="recovery" tabindex="-1">
                <h1>"Microfolio opens in its own tab"</h1>
                <p class="lead">
                    "This page shows Microfolio inside another site. To keep your data safe, it only runs in a tab of its own."
                </p>
                <p>
                    <a class="button primary" href=window().location().href().unwrap_or_default() target="_blank" rel="noopener noreferrer">
                        "Open Microfolio in its own tab"
                    </a>
                </p>
            </main>
        }
        .into_any(),
        Stage::Unavailable(message) => view! {
            <main id="main" class="recovery" tabindex="-1">
                <h1>"Microfolio cannot keep data in this browser"</h1>
                <p class="lead">{message}</p>
            </main>
        }
        .into_any(),
        Stage::Recovery(unreadable) => {
            let on_start_fresh = {
                let unreadable = unreadable.clone();
                Callback::new(move |()| {
                    let writer = unreadable.start_fresh();
                    let doc = Document::new(now(), new_id());
                    match writer.save(&doc, None) {
                        Ok(raw) => stage.set(Stage::Working(doc, writer, Some(raw))),
                        Err(e) => set_fresh_error.set(Some(e.to_string())),
                    }
                })
            };
            view! {
                <Recovery
                    error=unreadable.error().clone()
                    raw=unreadable.raw().to_owned()
                    on_start_fresh=on_start_fresh
                />
                {move || fresh_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            }
            .into_any()
        }
    }
    }
}

/// Whether this page runs inside a frame (of any origin).
fn framed() -> bool {
    let this = window();
    match this.top() {
        Ok(Some(top)) => !js_sys::Object::is(&top, &this),
        // No top to compare with, or the browser refused: play safe.
        _ => true,
    }
}

/// The app proper: provides the document and save status, saves every
/// change, and lays out the shell around the current page.
#[component]
fn Workspace(doc: Document, writer: Writer, raw: Option<Stored>) -> impl IntoView {
    let doc = RwSignal::new(doc);
    let status = RwSignal::new(SaveState::Idle);
    provide_context(Doc(doc));
    provide_context(SaveStatus(status));
    provide_context(writer.clone());
    provide_context(Toaster::new());
    provide_context(TrackerView::new());
    provide_context(OpenedShare(RwSignal::new(None)));
    provide_context(Branding::load());
    let update_ready = RwSignal::new(false);
    provide_context(UpdateReady(update_ready));
    crate::ui::offline::register(update_ready);
    let help = RwSignal::new(false);
    crate::ui::shortcuts::install(help);
    provide_context(Sync::start(doc, status, writer, raw));

    let route = use_hash_route();
    // Each view gets its own page title, and focus moves to its heading so a
    // screen reader announces the new view.
    Effect::new(move |prev: Option<Route>| {
        let current = route.get();
        document().set_title(&format!("{} · Microfolio", current.title()));
        if prev.is_some() {
            focus_element("page-heading");
        }
        current
    });
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        focus_element("main");
    };

    view! {
        <a class="skip-link" href="#main" on:click=skip>
            "Skip to content"
        </a>
        <AppHeader on_help=Callback::new(move |()| help.set(true)) />
        <Nav route=route />
        <UpdateBanner />
        <ConfigNotice />
        <SaveBanner />
        <SampleBanner />
        <BackupReminder route=route />
        <main id="main" tabindex="-1">
            {move || view! { <Page route=route.get() /> }}
        </main>
        <ToastRegion />
        <ShortcutsDialog open=help />
        <footer class="app-footer">
            <p>
                "Your data stays in this browser. Nothing is sent anywhere unless you export it."
            </p>
        </footer>
    }
}
