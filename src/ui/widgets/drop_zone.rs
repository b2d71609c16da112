//! A panel a file can be dropped on (the browser's own handling, opening
//! the file, is prevented), outlined while one is dragged over it. Its
//! children hold the heading (`labelledby`) and the file picker.

use crate::ui::platform::dropped_file;
use leptos::prelude::*;

#[component]
pub fn DropZone(
    /// The id of the panel's heading.
    labelledby: &'static str,
    /// Given the file dropped.
    on_file: Callback<web_sys::File>,
    children: Children,
) -> impl IntoView {
    let (over, set_over) = signal(false);
    let on_drop = move |ev: leptos::ev::DragEvent| {
        set_over.set(false);
        if let Some(file) = dropped_file(&ev) {
            on_file.run(file);
        }
    };
    view! {
        <section
            class="panel drop-zone"
            class:drop-target=move || over.get()
            aria-labelledby=labelledby
            on:dragover=move |ev| {
                ev.prevent_default();
                set_over.set(true);
            }
            on:dragleave=move |_| set_over.set(false)
            on:drop=on_drop
        >
            {children()}
        </section>
    }
}
