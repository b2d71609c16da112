//! While sample data is loaded, every view says so and offers to remove it
//! in one action (`Document::remove_sample`: every sample record and every
//! reference to one).

use crate::ui::platform::now;
use crate::ui::shell::Toaster;
use crate::ui::state::use_doc;
use leptos::prelude::*;

#[component]
pub fn SampleBanner() -> impl IntoView {
    let doc = use_doc();
    let toaster = expect_context::<Toaster>();
    let remove = move |_| {
        let mut removed = 0;
        doc.update(|d| removed = d.remove_sample(now()));
        toaster.show(
            format!("Sample data removed ({removed} records). Your own records are untouched."),
            None,
        );
    };
    move || {
        doc.with(|d| d.has_sample()).then(|| view! {
            <div class="banner banner-sample" role="region" aria-label="Sample data">
                <p>
                    <strong>"Sample data is loaded. "</strong>
                    "Records marked “(sample)” are examples, not yours."
                    <span class="wide-only">" Removing them also removes any link your own records have to them."</span>
                </p>
                <button type="button" class="button small" on:click=remove>"Remove sample data"</button>
            </div>
        })
    }
}
