//! Fee economics: a micro-internship pays a fixed fee, so what it paid per
//! hour depends on the hours it really took. The effective rate is the fee
//! over the hours logged (or, when none are logged, the estimated hours,
//! and it says so); entries below the pay floor (by default 20 USD an hour,
//! the minimum Parker Dewey requires per estimated hour) are flagged.

use super::application::Money;
use super::document::Settings;
use super::portfolio::{PaymentStatus, PortfolioEntry};
use chrono::Datelike;
use std::collections::BTreeMap;

/// Which hours a rate was computed from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HoursBasis {
    Logged,
    Estimated,
}

/// What an entry paid per hour.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rate {
    pub per_hour: Money,
    pub basis: HoursBasis,
}

impl Rate {
    /// "25.00 USD/hour (from logged hours)".
    pub fn describe(&self) -> String {
        let basis = match self.basis {
            HoursBasis::Logged => "from logged hours",
            HoursBasis::Estimated => "from estimated hours; no hours logged",
        };
        let amount = format!(
            "{}.{:02}",
            self.per_hour.cents / 100,
            self.per_hour.cents % 100
        );
        format!("{amount} {}/hour ({basis})", self.per_hour.currency)
    }
}

/// The hours an entry counts: logged when any, else estimated.
pub fn counted_hours(entry: &PortfolioEntry) -> Option<(f64, HoursBasis)> {
    match (entry.logged_hours, entry.estimated_hours) {
        (Some(h), _) if h > 0.0 => Some((h, HoursBasis::Logged)),
        (_, Some(h)) if h > 0.0 => Some((h, HoursBasis::Estimated)),
        _ => None,
    }
}

/// Fee divided by hours, rounded to the cent; `None` without both.
pub fn effective_rate(entry: &PortfolioEntry) -> Option<Rate> {
    let fee = entry.fee.as_ref()?;
    let (hours, basis) = counted_hours(entry)?;
    let cents = (fee.cents as f64 / hours).round() as u64;
    Some(Rate {
        per_hour: Money {
            cents,
            currency: fee.currency.clone(),
        },
        basis,
    })
}

/// Whether the entry paid less per hour than the floor. Only compared in
/// the floor's own currency (there are no exchange rates offline).
pub fn below_floor(entry: &PortfolioEntry, settings: &Settings) -> bool {
    effective_rate(entry).is_some_and(|r| {
        r.per_hour.currency == settings.pay_floor.currency
            && r.per_hour.cents < settings.pay_floor.cents
    })
}

/// One calendar year of the portfolio.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct YearTotals {
    pub year: i32,
    pub entries: usize,
    /// Logged hours, or estimated where none were logged.
    pub hours: f64,
    /// Fees per currency (cents).
    pub earned: BTreeMap<String, u64>,
    /// Of those, the ones marked paid.
    pub paid: BTreeMap<String, u64>,
}

/// Totals per calendar year (of each entry's date), newest year first.
pub fn yearly_totals(entries: &[PortfolioEntry]) -> Vec<YearTotals> {
    let mut years: BTreeMap<i32, YearTotals> = BTreeMap::new();
    for e in entries {
        let year = e.date().year();
        let t = years.entry(year).or_insert_with(|| YearTotals {
            year,
            ..Default::default()
        });
        t.entries += 1;
        t.hours += counted_hours(e).map_or(0.0, |(h, _)| h);
        if let Some(fee) = &e.fee {
            add_fee(&mut t.earned, fee);
            if e.payment == PaymentStatus::Paid {
                add_fee(&mut t.paid, fee);
            }
        }
    }
    years.into_values().rev().collect()
}

/// Adds a fee to per-currency totals, saturating: decoded fees are at most
/// [`super::application::MAX_FEE_CENTS`], but a total never overflows
/// whatever it is given.
pub fn add_fee(totals: &mut BTreeMap<String, u64>, fee: &Money) {
    let total = totals.entry(fee.currency.clone()).or_default();
    *total = total.saturating_add(fee.cents);
}

/// "500 USD + 120 EUR", or "none".
pub fn money_list(amounts: &BTreeMap<String, u64>) -> String {
    if amounts.is_empty() {
        return "none".into();
    }
    amounts
        .iter()
        .map(|(currency, cents)| {
            Money {
                cents: *cents,
                currency: currency.clone(),
            }
            .to_string()
        })
        .collect::<Vec<_>>()
        .join(" + ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::Meta;
    use crate::domain::RecordId;

    /// Regression: a fee of `u64::MAX` cents overflowed the yearly totals
    /// (a panic in a debug build, a wrapped total in a release one).
    #[test]
    fn fees_near_u64_max_saturate_the_yearly_totals_instead_of_overflowing() {
        let t = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
        let entry = |n: u8| {
            let mut e = PortfolioEntry::new(Meta::new(RecordId::from_random_bytes([n; 16]), t));
            e.fee = Some(Money {
                cents: u64::MAX - 1,
                currency: "USD".into(),
            });
            e.payment = PaymentStatus::Paid;
            e
        };
        let totals = yearly_totals(&[entry(1), entry(2)]);
        assert_eq!(totals[0].earned.get("USD"), Some(&u64::MAX));
        assert_eq!(totals[0].paid.get("USD"), Some(&u64::MAX));
        let mut sums = BTreeMap::new();
        for cents in [1, 2] {
            add_fee(
                &mut sums,
                &Money {
                    cents,
                    currency: "EUR".into(),
                },
            );
        }
        assert_eq!(sums.get("EUR"), Some(&3), "ordinary sums are exact");
    }
}
