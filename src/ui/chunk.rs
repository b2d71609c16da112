//! Views loaded when first opened. In a split build (feature `split`, which
//! `scripts/wasm-build.sh` turns on) each [`lazy_view!`] is a split point:
//! its code, and the code only it reaches, is a wasm chunk of its own that
//! the browser fetches the first time the view opens (`wasm_split`, the
//! mechanism under Leptos' `#[lazy]`). Without the feature the same
//! functions are plain async functions, so the wasm test tier and a debug
//! build run the same UI code unsplit.
//!
//! [`Lazy`] shows such a view: nothing for the first moments (a chunk
//! usually arrives within a frame or two), then "Loading…", and if the chunk
//! cannot be fetched (offline before the service worker has it, a dropped
//! connection) a message with Retry, never a blank view.

use leptos::prelude::*;
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// A chunk could not be fetched or instantiated (the loader logs why).
#[derive(Debug, Clone, Copy)]
pub struct ChunkError;

impl From<leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkError
    }
}

/// What a split view returns: the page, or the load failure.
pub type ChunkView = Result<AnyView, ChunkError>;

/// `lazy_fn!(chunk_name, vis fn name(args) -> T { body })` declares `vis
/// async fn name(args) -> Result<T, ChunkError>`: a split point in split
/// builds (functions named with the same chunk share one chunk), a plain
/// async function otherwise.
macro_rules! lazy_fn {
    ($chunk:ident, $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        $vis fn $name($($arg: $ty),*) -> Result<$ret, $crate::ui::chunk::ChunkError> {
            Ok($body)
        }
        #[cfg(not(feature = "split"))]
        $vis async fn $name($($arg: $ty),*) -> Result<$ret, $crate::ui::chunk::ChunkError> {
            Ok($body)
        }
    };
}
pub(crate) use lazy_fn;

/// `lazy_view!(chunk_name, fn name(args) { view })`: a [`lazy_fn!`] that
/// returns a page for [`Lazy`].
macro_rules! lazy_view {
    ($chunk:ident, fn $name:ident($($arg:ident: $ty:ty),* $(,)?) $body:block) => {
        $crate::ui::chunk::lazy_fn!($chunk, pub fn $name($($arg: $ty),*) -> ::leptos::prelude::AnyView {
            ::leptos::prelude::IntoAny::into_any($body)
        });
    };
}
pub(crate) use lazy_view;

thread_local! {
    static FOCUS_ON_ARRIVAL: Cell<bool> = const { Cell::new(false) };
}

/// Moves the focus to the view's heading, now if it is there, or when its
/// chunk arrives (so a screen reader announces the view either way).
pub fn focus_heading() {
    if !crate::ui::platform::try_focus("page-heading") {
        FOCUS_ON_ARRIVAL.with(|f| f.set(true));
    }
}

fn arrived() {
    if FOCUS_ON_ARRIVAL.with(|f| f.replace(false)) {
        crate::ui::platform::focus_element("page-heading");
    }
}

/// How [`Lazy`] fetches its view: boxed, so the one `Lazy` (its suspense,
/// its retry) is compiled once for every view, not once per view.
pub type Load = Arc<dyn Fn() -> Pin<Box<dyn Future<Output = ChunkView> + Send>> + Send + Sync>;

/// A [`Load`] from a split view's async function.
pub fn load<Fut>(f: impl Fn() -> Fut + Send + Sync + 'static) -> Load
where
    Fut: Future<Output = ChunkView> + Send + 'static,
{
    Arc::new(move || Box::pin(f()))
}

/// Shows the view `load` resolves to; see the module docs.
#[component]
pub fn Lazy(load: Load) -> impl IntoView {
    let attempt = RwSignal::new(0u32);
    let retry = move || attempt.update(|n| *n += 1);
    view! {
        <Suspense fallback=|| view! { <p class="chunk-loading" role="status">"Loading…"</p> }>
            {move || {
                attempt.track();
                let fetch = load();
                Suspend::new(async move {
                    let view = match fetch.await {
                        Ok(view) => view,
                        Err(ChunkError) => view! { <ChunkFailed retry=retry /> }.into_any(),
                    };
                    request_animation_frame(arrived);
                    view
                })
            }}
        </Suspense>
    }
}

/// The message in place of a view whose chunk could not be fetched.
#[component]
fn ChunkFailed(retry: impl Fn() + 'static) -> impl IntoView {
    view! {
        <section class="chunk-failed" role="alert">
            <h1 id="page-heading" tabindex="-1">"This view could not be loaded"</h1>
            <p>
                "Its part of the app did not arrive: the connection may have dropped, or you are offline and this view was not saved for offline use yet. Your data is safe in this browser."
            </p>
            <button type="button" class="primary" on:click=move |_| retry()>
                "Retry"
            </button>
        </section>
    }
}
