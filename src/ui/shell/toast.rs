//! A short message at the bottom of the screen, with an optional Undo,
//! shown for [`TOAST_SECONDS`] seconds or until dismissed. A toast belongs
//! to the view it was raised for: leaving that view takes it away, except
//! an Undo, which stays its full time (the page leaves room below the
//! content for it, so it covers nothing the student must reach).

use crate::routes::Route;
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;

/// What Undo runs. A plain closure, not a Leptos `Callback`: a callback
/// lives as long as the component that made it, and the page that deleted
/// a record is usually gone by the time the student presses Undo.
pub type UndoAction = Arc<dyn Fn() + Send + Sync>;

/// How long a toast stays (the Undo window is at least 10 seconds).
pub const TOAST_SECONDS: u64 = 15;

#[derive(Clone)]
pub struct Toast {
    id: u64,
    message: String,
    undo: Option<UndoAction>,
    /// The view it is about (where the app is, or is going, when shown).
    view: Route,
}

/// The toast on show, as context.
#[derive(Clone, Copy)]
pub struct Toaster {
    current: RwSignal<Option<Toast>>,
    next_id: StoredValue<u64>,
}

impl Toaster {
    pub fn new() -> Self {
        Self {
            current: RwSignal::new(None),
            next_id: StoredValue::new(0),
        }
    }

    /// Shows `message`; with `undo`, an Undo button that runs it once and
    /// takes keyboard focus, so the undo is one key away.
    pub fn show(&self, message: impl Into<String>, undo: Option<UndoAction>) {
        self.raise(message.into(), undo, true);
    }

    /// Shows `message` with Undo, leaving the focus where it is: for an
    /// action done again and again from the keyboard (moving a card), where
    /// the next move is the likelier key than Undo.
    pub fn offer_undo(&self, message: impl Into<String>, undo: UndoAction) {
        self.raise(message.into(), Some(undo), false);
    }

    fn raise(&self, message: String, undo: Option<UndoAction>, focus_undo: bool) {
        let id = self.next_id.get_value() + 1;
        self.next_id.set_value(id);
        let has_undo = undo.is_some();
        // The hash is set before the view follows it: a toast raised with a
        // navigation (Added, Deleted) belongs to the view navigated to.
        let view = Route::from_hash(&window().location().hash().unwrap_or_default());
        self.current.set(Some(Toast {
            id,
            message,
            undo,
            view,
        }));
        let current = self.current;
        set_timeout(
            move || {
                current.update(|t| {
                    if t.as_ref().is_some_and(|t| t.id == id) {
                        *t = None
                    }
                })
            },
            Duration::from_secs(TOAST_SECONDS),
        );
        if has_undo && focus_undo {
            // After the view change (which focuses the new page's heading).
            set_timeout(
                || crate::ui::platform::focus_element("toast-undo"),
                Duration::from_millis(120),
            );
        }
    }

    /// The view is now `route`: a toast of another view goes, unless it
    /// offers Undo.
    pub fn view_changed(&self, route: &Route) {
        let stale = self.current.with_untracked(|t| {
            t.as_ref()
                .is_some_and(|t| t.undo.is_none() && t.view != *route)
        });
        if stale {
            self.dismiss();
        }
    }

    fn dismiss(&self) {
        self.current.set(None);
    }
}

impl Default for Toaster {
    fn default() -> Self {
        Self::new()
    }
}

#[component]
pub fn ToastRegion() -> impl IntoView {
    let toaster = expect_context::<Toaster>();
    view! {
        <div class="toast-region" role="status" aria-live="polite">
            {move || {
                toaster
                    .current
                    .get()
                    .map(|t| {
                        let undo = t.undo.map(|undo| {
                            view! {
                                <button
                                    type="button"
                                    id="toast-undo"
                                    class="button primary"
                                    on:click=move |_| {
                                        toaster.dismiss();
                                        undo();
                                    }
                                >
                                    "Undo"
                                </button>
                            }
                        });
                        view! {
                            <div class="toast">
                                <p>{t.message}</p>
                                {undo}
                                <button type="button" class="button" on:click=move |_| toaster.dismiss()>
                                    "Dismiss"
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}
