//! A link the app made, shown read-only with a Copy button (and what it
//! is for below it). Selecting the field selects the whole link.

use leptos::prelude::*;

#[component]
pub fn LinkOutput(
    id: &'static str,
    #[prop(into)] label: String,
    url: String,
    #[prop(into)] hint: String,
) -> impl IntoView {
    let copied = RwSignal::new(false);
    let copy = {
        let url = url.clone();
        move |_| {
            let promise = window().navigator().clipboard().write_text(&url);
            leptos::task::spawn_local(async move {
                copied.set(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
            });
        }
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id type="text" readonly prop:value=url on:focus=move |ev| {
                let input: web_sys::HtmlInputElement = event_target(&ev);
                input.select();
            } />
            <p class="hint">{hint}</p>
        </div>
        <div class="actions">
            <button type="button" class="button" on:click=copy>"Copy link"</button>
            <Show when=move || copied.get()>
                <span role="status">"Copied."</span>
            </Show>
        </div>
    }
}
