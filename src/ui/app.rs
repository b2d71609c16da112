//! The app root: opens storage once, then shows either the workspace (the
//! shell with its pages), the recovery screen for unreadable data, or a
//! notice that the browser allows no storage. Inside a frame it opens
//! nothing and offers a link to open it in its own tab: a meta CSP cannot
//! say `frame-ancestors` and static hosts set no headers, so another page
//! could otherwise frame the student's data and trick clicks on Replace or
//! Delete.
//!
//! The workspace starts saving ([`crate::ui::saving`]): the one
//! [`SaveController`] owns the storage writer; it writes the persisted
//! [`Document`] shortly after every change (never on start-up, so opening
//! the app writes nothing).

use crate::domain::Document;
use crate::routes::Route;
use crate::storage::{self, Local, Opened, SaveController, Unreadable};
use crate::ui::branding::{Branding, Theme};
use crate::ui::offline::{UpdateBanner, UpdateReady};
use crate::ui::pages::Page;
use crate::ui::platform::{focus_element, new_id, now};
use crate::ui::router::use_hash_route;
use crate::ui::saving::Saving;
use crate::ui::shell::{
    AppHeader, BackupReminder, ConfigNotice, Nav, Recovery, SampleBanner, SaveBanner,
    ShortcutsDialog, ToastRegion, Toaster,
};
use crate::ui::state::{Doc, OpenedShare, ProfileDraft, RecipientView, TrackerView};
use leptos::prelude::*;

/// What start-up found.
#[allow(clippy::large_enum_variant)] // made once
#[derive(Clone)]
enum Startup {
    /// Running inside another page's frame.
    Framed,
    Unavailable(String),
    Recovery(Local, std::sync::Arc<Unreadable>),
    /// The document and the controller that saves it.
    Working(Document, StoredValue<SaveController<Local>, LocalStorage>),
}

/// Reads storage once (writing nothing).
fn start_up() -> Startup {
    if framed() {
        return Startup::Framed;
    }
    let store = match Local::open() {
        Ok(store) => store,
        Err(e) => return Startup::Unavailable(e.to_string()),
    };
    let opened = match storage::open(&store, &storage::key_for_this_page(), &storage::tab_nonce()) {
        Ok(opened) => opened,
        Err(e) => return Startup::Unavailable(e.to_string()),
    };
    let (doc, controller) = match opened {
        Opened::Empty(writer) => {
            let doc = Document::new(now(), new_id());
            (doc.clone(), SaveController::new(store, writer, doc, None))
        }
        Opened::Ready(doc, writer, stored) => (
            doc.clone(),
            SaveController::new(store, writer, doc, Some(stored)),
        ),
        Opened::Unreadable(u) => return Startup::Recovery(store, std::sync::Arc::new(u)),
    };
    Startup::Working(doc, StoredValue::new_local(controller))
}

#[component]
pub fn App() -> impl IntoView {
    Theme::stored().apply();
    let stage = RwSignal::new_local(start_up());
    let (fresh_error, set_fresh_error) = signal(None::<String>);

    move || {
        match stage.get() {
        Startup::Working(doc, controller) => {
            view! { <Workspace doc=doc controller=controller /> }.into_any()
        }
        Startup::Framed => view! {
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
        Startup::Unavailable(message) => view! {
            <main id="main" class="recovery" tabindex="-1">
                <h1>"Microfolio cannot keep data in this browser"</h1>
                <p class="lead">{message}</p>
            </main>
        }
        .into_any(),
        Startup::Recovery(store, unreadable) => {
            let on_start_fresh = {
                let unreadable = unreadable.clone();
                Callback::new(move |()| {
                    let doc = Document::new(now(), new_id());
                    match SaveController::start_fresh(store.clone(), &unreadable, doc.clone()) {
                        Ok(c) => stage.set(Startup::Working(doc, StoredValue::new_local(c))),
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
fn Workspace(
    doc: Document,
    controller: StoredValue<SaveController<Local>, LocalStorage>,
) -> impl IntoView {
    let doc = RwSignal::new(doc);
    provide_context(Doc(doc));
    let toaster = Toaster::new();
    provide_context(toaster);
    crate::ui::form::Drafts::provide();
    provide_context(TrackerView::new());
    provide_context(OpenedShare(RwSignal::new(None)));
    provide_context(ProfileDraft(RwSignal::new(None)));
    // A shared portfolio shown to its recipient has none of the student
    // app's shell around it (set by the viewer while it shows one).
    let recipient = RwSignal::new(false);
    provide_context(RecipientView(recipient));
    let app = move || !recipient.get();
    provide_context(Branding::load());
    let update_ready = RwSignal::new(false);
    provide_context(UpdateReady(update_ready));
    crate::ui::offline::register(update_ready);
    let help = RwSignal::new(false);
    crate::ui::shortcuts::install(help, recipient);
    let saving = Saving::start(doc, controller);
    crate::ui::syncing::Syncing::start(doc, saving);

    let route = use_hash_route();
    // Each view gets its own page title, and focus moves to its heading so a
    // screen reader announces the new view.
    Effect::new(move |prev: Option<Route>| {
        let current = route.get();
        toaster.view_changed(&current);
        document().set_title(&format!("{} · Microfolio", current.title()));
        if prev.is_some() {
            crate::ui::chunk::focus_heading();
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
        <Show when=app>
            <AppHeader on_help=Callback::new(move |()| help.set(true)) />
            <Nav route=route />
        </Show>
        <UpdateBanner />
        <ConfigNotice />
        <SaveBanner />
        <Show when=app>
            <SampleBanner />
            <BackupReminder route=route />
        </Show>
        <main id="main" tabindex="-1">
            {move || view! { <Page route=route.get() /> }}
        </main>
        <ToastRegion />
        <ShortcutsDialog open=help />
        <Show when=app>
            <footer class="app-footer">
                <p>
                    "Your data stays in this browser. Nothing is sent anywhere unless you export it."
                </p>
            </footer>
        </Show>
    }
}
