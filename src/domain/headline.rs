//! The dashboard's headline numbers: micro-internships completed, hours,
//! what was earned (per currency, never added across currencies), active
//! applications, the response rate and what is due this week. Derived,
//! never stored; `today` is passed in.

use super::application::Application;
use super::economics::{add_fee, counted_hours};
use super::portfolio::PortfolioEntry;
use super::query::due_soon;
use super::stats::response_by_source;
use chrono::NaiveDate;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Headline {
    /// Portfolio entries whose work has ended (or has no end date).
    pub completed: usize,
    /// Logged hours, else estimated, over every entry.
    pub hours: f64,
    /// Fees in cents, per currency, over every entry.
    pub earned: BTreeMap<String, u64>,
    /// Applications not closed and not completed.
    pub active: usize,
    /// Answered and counted applications (see `stats::SourceRate`).
    pub answered: usize,
    pub counted: usize,
    /// Deadlines and follow-ups in the next 7 days, overdue ones included.
    pub due: usize,
    pub overdue: usize,
}

impl Headline {
    /// Whole percent of the counted applications that got an answer; none
    /// until one is counted (a new student has no rate, not 0%).
    pub fn response_percent(&self) -> Option<u32> {
        (self.counted > 0)
            .then(|| (self.answered as f64 * 100.0 / self.counted as f64).round() as u32)
    }
}

pub fn headline(apps: &[Application], entries: &[PortfolioEntry], today: NaiveDate) -> Headline {
    let mut out = Headline::default();
    for e in entries {
        out.completed += usize::from(e.end_date.is_none_or(|end| end <= today));
        if let Some((h, _)) = counted_hours(e) {
            out.hours += h;
        }
        if let Some(fee) = &e.fee {
            add_fee(&mut out.earned, fee);
        }
    }
    out.active = apps.iter().filter(|a| a.stage().is_active()).count();
    for r in response_by_source(apps, today) {
        out.answered += r.answered;
        out.counted += r.counted;
    }
    let due = due_soon(apps, today);
    out.overdue = due.iter().filter(|d| d.overdue()).count();
    out.due = due.len();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::application::{new_application, Money, Stage};
    use crate::domain::record::Meta;
    use crate::domain::RecordId;
    use chrono::{DateTime, Utc};

    fn t0() -> DateTime<Utc> {
        DateTime::from_timestamp(1_790_000_000, 0).unwrap()
    }

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn entry(
        n: u8,
        end: Option<NaiveDate>,
        hours: f64,
        fee: Option<(u64, &str)>,
    ) -> PortfolioEntry {
        let mut e = PortfolioEntry::new(Meta::new(RecordId::from_random_bytes([n; 16]), t0()));
        e.end_date = end;
        e.logged_hours = Some(hours);
        e.fee = fee.map(|(cents, c)| Money {
            cents,
            currency: c.into(),
        });
        e
    }

    fn app(n: u8, stages: &[Stage]) -> Application {
        let mut a = new_application(RecordId::from_random_bytes([n; 16]), t0(), day(1, 1));
        for (i, s) in stages.iter().enumerate() {
            a.move_to(*s, day(2, 1 + i as u32), t0()).unwrap();
        }
        a
    }

    #[test]
    fn fees_stay_per_currency_and_work_not_yet_ended_is_not_completed() {
        let today = day(6, 1);
        let entries = [
            entry(1, Some(day(3, 1)), 10.0, Some((50_000, "USD"))),
            entry(2, None, 4.5, Some((12_000, "EUR"))),
            entry(3, Some(day(7, 1)), 2.0, Some((10_000, "USD"))),
        ];
        let h = headline(&[], &entries, today);
        assert_eq!(h.completed, 2);
        assert_eq!(h.hours, 16.5);
        assert_eq!(h.earned.get("USD"), Some(&60_000));
        assert_eq!(h.earned.get("EUR"), Some(&12_000));
    }

    #[test]
    fn a_student_with_no_answers_counted_has_no_rate_rather_than_zero() {
        let today = day(2, 2);
        let h = headline(&[app(1, &[]), app(2, &[Stage::Applied])], &[], today);
        assert_eq!(h.active, 2);
        assert_eq!(h.counted, 0);
        assert_eq!(h.response_percent(), None);
    }

    #[test]
    fn active_leaves_out_closed_and_completed_and_the_rate_counts_answers() {
        let later = day(6, 1);
        let apps = [
            app(1, &[Stage::Applied, Stage::Interviewing]),
            app(2, &[Stage::Applied, Stage::Rejected]),
            app(3, &[Stage::Applied, Stage::Ghosted]),
            app(
                4,
                &[
                    Stage::Applied,
                    Stage::Interviewing,
                    Stage::Offered,
                    Stage::InProgress,
                    Stage::Completed,
                ],
            ),
        ];
        let h = headline(&apps, &[], later);
        assert_eq!(h.active, 1);
        assert_eq!((h.answered, h.counted), (3, 4));
        assert_eq!(h.response_percent(), Some(75));
    }
}
