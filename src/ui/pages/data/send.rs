//! Send to another device: the whole data in an encrypted link
//! (`ui/transfer.rs`) to this same deployment, with a proposed passphrase
//! of random words (`domain/passphrase.rs`; the student may type their
//! own, if strong enough), shown to copy and, when it fits, as a QR code.
//! The passphrase lives in this view only: it is never stored.

use crate::domain::encode;
use crate::domain::passphrase::{check, propose};
use crate::domain::transfer::qr_image;
use crate::ui::state::use_doc;
use crate::ui::transfer::{make_link, random_bytes};
use crate::ui::widgets::PassphraseField;
use leptos::prelude::*;

#[derive(Clone)]
enum Link {
    None,
    Making,
    Ready(String),
    Failed(String),
}

fn proposal() -> String {
    random_bytes().map(propose).unwrap_or_default()
}

#[component]
pub fn SendToDevice() -> impl IntoView {
    let doc = use_doc();
    let passphrase = RwSignal::new(proposal());
    let link = RwSignal::new(Link::None);
    let weak = move || passphrase.with(|p| check(p).err().map(|e| e.to_string()));
    let set_passphrase = move |p: String| {
        passphrase.set(p);
        link.set(Link::None);
    };
    let make = move |_| {
        if weak().is_some() || matches!(link.get_untracked(), Link::Making) {
            return;
        }
        let text = doc.with_untracked(encode);
        let secret = passphrase.get_untracked();
        link.set(Link::Making);
        leptos::task::spawn_local(async move {
            link.set(match make_link(&text, &secret).await {
                Ok(url) => Link::Ready(url),
                Err(e) => Link::Failed(e),
            });
        });
    };
    let link_view = move || match link.get() {
        Link::None => None,
        Link::Making => Some(view! { <p role="status">"Encrypting your data…"</p> }.into_any()),
        Link::Failed(e) => Some(view! { <p class="error" role="alert">{e}</p> }.into_any()),
        Link::Ready(url) => Some(view! { <LinkReady url=url /> }.into_any()),
    };
    view! {
        <section class="panel" aria-labelledby="send-heading">
            <h2 id="send-heading">"Send to another device"</h2>
            <p>
                "Move all your data to another browser or device, with no server in between: "
                "the link holds your data, encrypted with a passphrase. Open it on the other "
                "device and type the passphrase there."
            </p>
            <PassphraseField
                id="send-passphrase"
                label="Passphrase for the link"
                value=passphrase
                on_input=Callback::new(set_passphrase)
                hint="Chosen at random; you may type your own. It is not kept anywhere: note it, \
                      and send it apart from the link."
                error=Signal::derive(weak)
            />
            <div class="actions">
                <button type="button" class="button" on:click=move |_| set_passphrase(proposal())>
                    "New words"
                </button>
                <button type="button" class="button primary" on:click=make disabled=move || weak().is_some()>
                    "Make the link"
                </button>
            </div>
            {link_view}
        </section>
    }
}

/// The link made: to copy, its size, and its QR code when it fits in one.
#[component]
fn LinkReady(url: String) -> impl IntoView {
    let copied = RwSignal::new(None::<bool>);
    let size = format!(
        "The link is {} characters long ({:.1} KB).",
        url.len(),
        url.len() as f64 / 1024.0
    );
    let qr = match qr_image(&url) {
        Some(image) => {
            let w = image.width.to_string();
            let view_box = format!("0 0 {w} {w}");
            view! {
                <svg class="qr" role="img" aria-label="QR code of the transfer link" viewBox=view_box shape-rendering="crispEdges">
                    <rect width=w.clone() height=w fill="#fff" />
                    <path d=image.path fill="#000" />
                </svg>
                <p class="hint">"Scan it with the other device's camera."</p>
            }
            .into_any()
        }
        None => view! {
            <p class="hint">"Too long for a QR code (one holds at most 2,953 characters): copy the link and send it to yourself, in a note or a message."</p>
        }
        .into_any(),
    };
    let text = url.clone();
    let copy = move |_| {
        let promise = window().navigator().clipboard().write_text(&text);
        leptos::task::spawn_local(async move {
            copied.set(Some(
                wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
            ));
        });
    };
    view! {
        <div class="field">
            <label for="send-link">"Transfer link"</label>
            <textarea id="send-link" readonly rows="3" prop:value=url></textarea>
        </div>
        <p role="status">{size}</p>
        <div class="actions">
            <button type="button" class="button" on:click=copy>"Copy link"</button>
        </div>
        <p role="status">
            {move || copied.get().map(|ok| if ok { "Copied." } else { "The browser did not allow copying: select the link and copy it." })}
        </p>
        {qr}
    }
}
