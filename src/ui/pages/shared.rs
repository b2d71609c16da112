//! The viewer for someone else's shared portfolio, opened from a file
//! (picker or drag and drop) or carried in a share link. It is read-only
//! and clearly marked as someone else's; what it shows lives in the tab
//! only ([`OpenedShare`]) and is never written into the viewer's own data.
//!
//! While a portfolio is showing, the page is its recipient's: it sets
//! [`RecipientView`], so the workspace leaves out the student app's shell,
//! and a slim bar above the portfolio says whose it is, that it is
//! read-only and where it came from, with Print. The file picker (before a
//! portfolio shows, or after a link failed) keeps the app's shell.

use crate::domain::share::{decode_shared, SharedPortfolio};
use crate::domain::LIMITS;
use crate::routes::Route;
use crate::ui::platform::{chosen_file, dropped_file, format_date, go, read_text_file};
use crate::ui::share_link::open_link;
use crate::ui::state::{OpenedShare, RecipientView, ShareOrigin};
use crate::ui::widgets::PageHeading;
use crate::ui::widgets::PortfolioView;
use leptos::prelude::*;

#[derive(Clone)]
enum Viewer {
    Choose(Option<String>),
    Opening,
    Showing(SharedPortfolio, ShareOrigin),
}

#[component]
pub fn SharedPage(data: Option<String>) -> impl IntoView {
    let opened = expect_context::<OpenedShare>().0;
    let recipient = expect_context::<RecipientView>().0;
    let from_link = data.is_some();
    let viewer = RwSignal::new(match (&data, opened.get_untracked()) {
        (Some(_), _) => Viewer::Opening,
        (None, Some((share, origin))) => Viewer::Showing(share, origin),
        (None, None) => Viewer::Choose(None),
    });
    if let Some(data) = data {
        leptos::task::spawn_local(async move {
            viewer.set(match open_link(&data).await {
                Ok(share) => Viewer::Showing(share, ShareOrigin::Link),
                Err(message) => Viewer::Choose(Some(message)),
            });
        });
    }

    Effect::new(move || {
        let showing = viewer.with(|v| matches!(v, Viewer::Showing(..)));
        if recipient.get_untracked() != showing {
            recipient.set(showing);
        }
    });
    on_cleanup(move || {
        // The workspace may be going too: its signal may be gone.
        recipient.try_set(false);
    });

    let take_file = move |file: web_sys::File| {
        let name = file.name();
        viewer.set(Viewer::Opening);
        leptos::task::spawn_local(async move {
            let result = read_text_file(file, LIMITS.max_bytes)
                .await
                .and_then(|text| {
                    decode_shared(&text).map_err(|e| format!("“{name}” cannot be shown. {e}"))
                });
            match result {
                Ok(share) => {
                    opened.set(Some((share.clone(), ShareOrigin::File(name.clone()))));
                    if from_link {
                        go(&Route::Shared(None));
                    } else {
                        viewer.set(Viewer::Showing(share, ShareOrigin::File(name)));
                    }
                }
                Err(message) => viewer.set(Viewer::Choose(Some(message))),
            }
        });
    };
    let on_pick = move |ev: leptos::ev::Event| chosen_file(&ev).map_or((), take_file);
    let (over, set_over) = signal(false);
    let on_drop = move |ev: leptos::ev::DragEvent| {
        set_over.set(false);
        dropped_file(&ev).map_or((), take_file)
    };
    let close = move |_| {
        opened.set(None);
        if from_link {
            go(&Route::Shared(None));
        } else {
            viewer.set(Viewer::Choose(None));
        }
    };
    let print = move |_| {
        let _ = window().print();
    };

    move || {
        match viewer.get() {
        Viewer::Opening => view! { <p role="status">"Opening the shared portfolio…"</p> }.into_any(),
        Viewer::Choose(error) => view! {
            <PageHeading>"Open a shared portfolio"</PageHeading>
            <p class="lead">
                "Did a student send you their Microfolio portfolio? Open the file here to read it. "
                "It is shown read-only and is not added to your own data. A share link opens by itself: just follow it."
            </p>
            <section
                class="panel drop-zone"
                class:drop-target=move || over.get()
                aria-labelledby="shared-file-heading"
                on:dragover=move |ev| {
                    ev.prevent_default();
                    set_over.set(true);
                }
                on:dragleave=move |_| set_over.set(false)
                on:drop=on_drop
            >
                <h2 id="shared-file-heading">"Choose the file"</h2>
                <div class="field">
                    <label for="shared-file">"Shared portfolio file"</label>
                    <input id="shared-file" type="file" accept=".json,application/json" on:change=on_pick />
                    <p class="hint">"Or drop it here. Files named like microfolio-portfolio-….json."</p>
                </div>
                {error.map(|e| view! { <p class="error" role="alert">{e}</p> })}
            </section>
        }
        .into_any(),
        Viewer::Showing(share, origin) => {
            let owner = share.owner().to_owned();
            let made = format_date(share.exported.date_naive());
            let preview = origin == ShareOrigin::Preview;
            // On a phone the bar is a line and its buttons: whose it is
            // (the heading just below says it), where it came from and
            // when are left to screen readers there.
            let text = match &origin {
                ShareOrigin::Preview => view! {
                    <strong class="shared-badge">"Preview"</strong>
                    " of your share, as a recipient sees it: read-only."
                }
                .into_any(),
                other => {
                    let how = match other {
                        ShareOrigin::File(name) => format!("from the file “{name}”"),
                        _ => "from a share link".to_owned(),
                    };
                    view! {
                        <strong>"Read-only portfolio"</strong>
                        <span class="wide-only">{format!(" of {owner}")}</span>
                        ", shared with Microfolio"
                        <span class="wide-only">{format!(" {how}, made {made}")}</span>
                        "."
                    }
                    .into_any()
                }
            };
            view! {
                <aside class="shared-banner print-toolbar" aria-label="About this shared portfolio">
                    <p class="shared-note">{text}</p>
                    <div class="actions tight">
                        <button type="button" class="button small primary" on:click=print>
                            <span>"Print"<span class="wide-only">" or save as PDF"</span></span>
                        </button>
                        {if preview {
                            view! { <a class="button small" href=Route::SharePortfolio.href()>"Back to sharing"</a> }.into_any()
                        } else {
                            view! {
                                <button type="button" class="button small" on:click=close>
                                    <span>"Close"<span class="wide-only">" and open another"</span></span>
                                </button>
                                <a class="button small" href=Route::Dashboard.href()>"Go to my Microfolio"</a>
                            }
                            .into_any()
                        }}
                    </div>
                </aside>
                <PortfolioView share=share />
            }
            .into_any()
        }
    }
    }
}
