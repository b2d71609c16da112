//! The keyboard shortcuts, listed in a modal dialog. The browser's modal
//! `<dialog>` makes the page behind it inert and closes on Escape; Tab and
//! Shift+Tab wrap around inside it (the browser would otherwise let focus
//! leave for its own toolbar), and focus returns to whatever had it before
//! the dialog opened.

use crate::ui::shortcuts::SHORTCUTS;
use leptos::html::Dialog;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn ShortcutsDialog(open: RwSignal<bool>) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    let before = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |_| {
        let Some(el) = dialog.get() else { return };
        if open.get() && !el.open() {
            before.set_value(
                document()
                    .active_element()
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
            );
            let _ = el.show_modal();
        } else if !open.get() && el.open() {
            el.close();
        }
    });
    let on_close = move |_| {
        open.set(false);
        if let Some(el) = before.get_value() {
            let _ = el.focus();
        }
    };
    let trap = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() != "Tab" {
            return;
        }
        let Some(el) = dialog.get() else { return };
        let Ok(found) = el.query_selector_all(
            "button, a[href], input, select, textarea, [tabindex]:not([tabindex='-1'])",
        ) else {
            return;
        };
        let items: Vec<web_sys::HtmlElement> = (0..found.length())
            .filter_map(|i| found.get(i))
            .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
            .collect();
        let (Some(first), Some(last)) = (items.first(), items.last()) else {
            return;
        };
        let active = document().active_element();
        let at = |item: &web_sys::HtmlElement| {
            active
                .as_ref()
                .is_some_and(|a| a == item.unchecked_ref::<web_sys::Element>())
        };
        let inside = items.iter().any(at);
        if ev.shift_key() && (at(first) || !inside) {
            ev.prevent_default();
            let _ = last.focus();
        } else if !ev.shift_key() && (at(last) || !inside) {
            ev.prevent_default();
            let _ = first.focus();
        }
    };
    let rows = SHORTCUTS
        .iter()
        .map(
            |(key, what)| view! { <tr><th scope="row"><kbd>{*key}</kbd></th><td>{*what}</td></tr> },
        )
        .collect_view();
    view! {
        <dialog node_ref=dialog class="dialog" aria-labelledby="shortcuts-title" on:close=on_close on:keydown=trap>
            <h2 id="shortcuts-title">"Keyboard shortcuts"</h2>
            <p class="hint">"They work anywhere except while you type in a field."</p>
            <table class="shortcuts">
                <thead><tr><th scope="col">"Key"</th><th scope="col">"Does"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <div class="actions">
                <button type="button" class="button primary" on:click=move |_| open.set(false)>"Close"</button>
            </div>
        </dialog>
    }
}
