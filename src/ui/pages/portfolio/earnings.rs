//! Earnings: the money side of the portfolio, apart from the showcase:
//! totals per calendar year, each paid entry's rate per hour, and the pay
//! floor that flags work paying less. Closed until the student opens it.

use crate::domain::application::Money;
use crate::domain::economics::{below_floor, effective_rate, money_list, yearly_totals};
use crate::routes::Route;
use crate::ui::platform::now;
use crate::ui::state::use_doc;
use leptos::prelude::*;

#[component]
pub fn Earnings() -> impl IntoView {
    let doc = use_doc();
    let totals = Memo::new(move |_| doc.with(|d| yearly_totals(&d.entries)));
    let floor = Memo::new(move |_| doc.with(|d| d.settings.pay_floor.clone()));
    let (amount, set_amount) = signal(floor.get_untracked().amount_text());
    let (currency, set_currency) = signal(floor.get_untracked().currency);
    let (message, set_message) = signal(String::new());
    // The floor this form was filled from: if another tab changed it since,
    // saving says so first instead of overwriting it silently.
    let base = StoredValue::new(floor.get_untracked());
    let save_floor = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let stored = floor.get_untracked();
        if base.with_value(|b| *b != stored) {
            base.set_value(stored.clone());
            set_message.set(format!(
                "Changed in another tab to {stored} an hour. Save again to replace it with yours."
            ));
            return;
        }
        let code = currency.get_untracked().trim().to_ascii_uppercase();
        if code.len() != 3 || !code.chars().all(|c| c.is_ascii_alphabetic()) {
            set_message.set("Use a three-letter currency code, e.g. USD.".into());
            return;
        }
        match Money::parse_amount(&amount.get_untracked()) {
            Err(e) => set_message.set(e.into()),
            Ok(cents) => {
                let chosen = Money {
                    cents,
                    currency: code.clone(),
                };
                base.set_value(chosen.clone());
                doc.update(|d| d.set_pay_floor(chosen, now()));
                set_message.set(format!(
                    "Entries paying less than {} {code} an hour are flagged.",
                    amount.get_untracked()
                ));
            }
        }
    };
    let rows = move || {
        totals
            .get()
            .into_iter()
            .map(|t| {
                view! {
                    <tr>
                        <th scope="row">{t.year}</th>
                        <td>{t.entries}</td>
                        <td>{format!("{:.1}", t.hours)}</td>
                        <td>{money_list(&t.earned)}</td>
                        <td>{money_list(&t.paid)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let rates = move || {
        doc.with(|d| {
            d.entries_newest_first()
                .into_iter()
                .filter_map(|e| effective_rate(e).map(|r| (e, r)))
                .map(|(e, r)| {
                    let low = below_floor(e, &d.settings);
                    view! {
                        <li>
                            <a href=Route::Entry(e.meta.id).href()>{e.title.clone()}</a>
                            <span class="rate">{r.describe()}</span>
                            <span class="badge">{e.payment.label()}</span>
                            {low.then(|| view! { <span class="badge badge-danger">"Below your pay floor"</span> })}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <details class="panel earnings">
            <summary>
                <h2 id="earnings-heading">"Earnings"</h2>
                <span class="hint">"Totals by year, rates and your pay floor"</span>
            </summary>
            <h3 id="totals-heading">"Totals by year"</h3>
            <div class="table-wrap" role="region" aria-label="Totals by year, table" tabindex="0">
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">"Year"</th>
                            <th scope="col">"Entries"</th>
                            <th scope="col">"Hours"</th>
                            <th scope="col">"Fees"</th>
                            <th scope="col">"Paid"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="hint">"Hours are the hours you logged, or the estimate where you logged none."</p>
            <h3>"Rate per hour"</h3>
            <ul class="rate-list">{rates}</ul>
            <form class="inline-form" on:submit=save_floor novalidate>
                <div class="field compact">
                    <label for="pay-floor">"Pay floor per hour"</label>
                    <input id="pay-floor" inputmode="decimal" prop:value=move || amount.get() on:input=move |ev| set_amount.set(event_target_value(&ev)) />
                </div>
                <div class="field compact">
                    <label for="pay-floor-currency">"Currency"</label>
                    <input id="pay-floor-currency" prop:value=move || currency.get() on:input=move |ev| set_currency.set(event_target_value(&ev)) />
                </div>
                <button type="submit" class="button">"Save floor"</button>
            </form>
            <p class="status" role="status">{move || message.get()}</p>
        </details>
    }
}
