//! Keyboard shortcuts for the common actions. A key counts only when no
//! modifier is held and focus is not in a text field, a list box or an
//! editable region, so no shortcut ever takes a key from typing.

use crate::routes::Route;
use crate::ui::platform::{focus_element, go};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Every shortcut, for the help dialog.
pub const SHORTCUTS: [(&str, &str); 6] = [
    ("n", "New application"),
    ("e", "New portfolio entry"),
    ("k", "New skill"),
    ("/", "Search applications"),
    ("?", "Show these shortcuts"),
    ("Esc", "Close a dialog"),
];

/// Whether the key belongs to what the student is typing.
fn typing(event: &web_sys::KeyboardEvent) -> bool {
    let Some(target) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    let tag = target.tag_name().to_ascii_lowercase();
    matches!(tag.as_str(), "input" | "textarea" | "select")
        || target
            .closest("[contenteditable]:not([contenteditable=false]), dialog[open]")
            .ok()
            .flatten()
            .is_some()
}

/// Listens for the shortcuts while the workspace is shown, except while
/// it shows a shared portfolio to its recipient (`recipient`), which has
/// none of the app's actions.
pub fn install(help: RwSignal<bool>, recipient: RwSignal<bool>) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.default_prevented()
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.alt_key()
            || recipient.get_untracked()
            || typing(&ev)
        {
            return;
        }
        match ev.key().as_str() {
            "n" => go(&Route::NewApplication),
            "e" => go(&Route::NewEntry),
            "k" => go(&Route::NewSkill),
            "/" => {
                let here = window().location().hash().unwrap_or_default();
                if Route::from_hash(&here) == Route::Applications {
                    focus_element("app-search");
                } else {
                    go(&Route::Applications);
                    // After the view and its heading focus have settled.
                    set_timeout(
                        || focus_element("app-search"),
                        std::time::Duration::from_millis(120),
                    );
                }
            }
            "?" => help.set(true),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || handle.remove());
}
