//! The printable portfolio: the student's own share with the default
//! choices (public entries, feedback they may share, no fees, notes or
//! contact details), drawn by [`PortfolioView`], so the PDF holds exactly
//! what a default share holds. The print stylesheet drops the app around
//! it, so the browser's "Save as PDF" gives a clean document on A4 or
//! Letter.

use crate::domain::share::{build, ShareOptions};
use crate::routes::Route;
use crate::ui::platform::now;
use crate::ui::state::use_doc;
use crate::ui::widgets::PortfolioView;
use leptos::prelude::*;

#[component]
pub fn PrintPage() -> impl IntoView {
    let doc = use_doc();
    let print = move |_| {
        let _ = window().print();
    };
    let content = move || {
        let share = doc.with(|d| build(d, &ShareOptions::default(), now()));
        view! { <PortfolioView share=share /> }
    };
    view! {
        <div class="print-toolbar">
            <p class="breadcrumb"><a href=Route::Portfolio.href()>"← Portfolio"</a></p>
            <p class="hint">
                "This page shows the entries you marked as shown in shared portfolios, and only the feedback you may share. "
                "Fees, notes and private entries are left out. Use Print, then “Save as PDF”, to make a PDF. "
            </p>
            <div class="actions">
                <button type="button" class="button primary" on:click=print>"Print or save as PDF"</button>
                <a class="button" href=Route::SharePortfolio.href()>"Share as a file or link…"</a>
            </div>
        </div>
        {content}
    }
}
