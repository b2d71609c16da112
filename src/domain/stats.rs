//! Figures for the dashboard's charts, derived from the document (never
//! stored): the pipeline funnel, response rate by source, hours and
//! earnings per month, and skills against their targets. Pure: `today` is
//! passed in. Each figure takes a fixed number of passes over the records
//! (an entry's month is found by arithmetic, not by a search per entry).

use super::application::{Application, Stage, GHOSTED_AFTER_DAYS};
use super::economics::{add_fee, counted_hours};
use super::portfolio::PortfolioEntry;
use super::skill::Skill;
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;

/// The pipeline stages in order, for the funnel: the board's first six
/// (the rest are the closed stages).
pub const FUNNEL: &[Stage] = Stage::ALL.split_at(6).0;

fn rank(stage: Stage) -> Option<usize> {
    Some(stage.index()).filter(|&i| i < FUNNEL.len())
}

/// How far an application got along the pipeline (ended ones keep the
/// furthest stage they reached before ending).
fn furthest(app: &Application) -> Option<usize> {
    app.history.iter().filter_map(|c| rank(c.stage)).max()
}

/// How many applications reached each stage of [`FUNNEL`] (or passed it).
pub fn funnel(apps: &[Application]) -> Vec<(Stage, usize)> {
    FUNNEL
        .iter()
        .enumerate()
        .map(|(i, stage)| {
            let n = apps
                .iter()
                .filter(|a| furthest(a).is_some_and(|f| f >= i))
                .count();
            (*stage, n)
        })
        .collect()
}

/// Applications sent through one source, and how many got any answer.
/// Only *decided* applications count towards the rate: answered, or with
/// no answer for long enough to count as ghosted (over
/// [`GHOSTED_AFTER_DAYS`] days in Applied, or marked Ghosted). One applied
/// yesterday is `waiting`, neither an answer nor a failure; one withdrawn
/// within the wait is left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceRate {
    pub source: String,
    /// Every application sent through it.
    pub applied: usize,
    /// Those counted: answered, or waited out.
    pub counted: usize,
    /// Moved on from Applied: an interview, an offer, or a rejection.
    pub answered: usize,
    /// Still in Applied, not yet long enough to count. (One withdrawn
    /// before that is neither counted nor waiting.)
    pub waiting: usize,
}

impl SourceRate {
    /// Whole percent of the counted applications that got an answer.
    pub fn percent(&self) -> u32 {
        if self.counted == 0 {
            0
        } else {
            (self.answered as f64 * 100.0 / self.counted as f64).round() as u32
        }
    }
}

/// No answer, and either marked Ghosted or over [`GHOSTED_AFTER_DAYS`]
/// days in Applied (until the next step, or `today` while still there):
/// the app's ghosted rule (`Application::possibly_ghosted`).
fn waited_out(app: &Application, today: NaiveDate) -> bool {
    if app.history.iter().any(|c| c.stage == Stage::Ghosted) {
        return true;
    }
    let Some(i) = app.history.iter().position(|c| c.stage == Stage::Applied) else {
        return false;
    };
    let end = app.history.get(i + 1).map_or(today, |c| c.date);
    (end - app.history[i].date).num_days() > GHOSTED_AFTER_DAYS
}

/// Response rate per source, most applications first. Applications with
/// no source are counted as "Other".
pub fn response_by_source(apps: &[Application], today: NaiveDate) -> Vec<SourceRate> {
    let mut by: BTreeMap<String, SourceRate> = BTreeMap::new();
    for app in apps {
        let applied = app.history.iter().any(|c| c.stage == Stage::Applied)
            || furthest(app).is_some_and(|f| f > 1);
        if !applied {
            continue;
        }
        let answered = app.history.iter().any(|c| {
            matches!(
                c.stage,
                Stage::Interviewing
                    | Stage::Offered
                    | Stage::InProgress
                    | Stage::Completed
                    | Stage::Rejected
            )
        });
        let counted = answered || waited_out(app, today);
        let source = match app.source.trim() {
            "" => "Other".to_owned(),
            s => s.to_owned(),
        };
        let row = by.entry(source.to_lowercase()).or_insert(SourceRate {
            source,
            applied: 0,
            counted: 0,
            answered: 0,
            waiting: 0,
        });
        row.applied += 1;
        row.counted += usize::from(counted);
        row.answered += usize::from(answered);
        row.waiting += usize::from(!counted && app.stage() == Stage::Applied);
    }
    let mut rows: Vec<SourceRate> = by.into_values().collect();
    rows.sort_by(|a, b| {
        b.applied
            .cmp(&a.applied)
            .then_with(|| a.source.to_lowercase().cmp(&b.source.to_lowercase()))
    });
    rows
}

/// Work in one calendar month.
#[derive(Clone, Debug, PartialEq)]
pub struct Month {
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
    pub hours: f64,
    /// Fees in cents, per currency.
    pub fees: BTreeMap<String, u64>,
}

impl Month {
    pub fn short_name(&self) -> String {
        const NAMES: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        format!("{} {}", NAMES[self.month as usize - 1], self.year)
    }
}

/// Hours and fees of entries per month, for the `months` months up to and
/// including `today`'s, oldest first; an entry counts in the month it ended
/// (or started, or was recorded).
pub fn monthly(entries: &[PortfolioEntry], today: NaiveDate, months: u32) -> Vec<Month> {
    // Months counted from year 0: the window is `first..=last`, and an
    // entry's month is found by subtraction, not by a search per entry.
    let month_number = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
    let last = month_number(today);
    let first = last - i64::from(months) + 1;
    let mut out: Vec<Month> = (first..=last)
        .map(|index| Month {
            year: index.div_euclid(12) as i32,
            month: index.rem_euclid(12) as u32 + 1,
            hours: 0.0,
            fees: BTreeMap::new(),
        })
        .collect();
    for e in entries {
        let Some(m) = usize::try_from(month_number(e.date()) - first)
            .ok()
            .and_then(|i| out.get_mut(i))
        else {
            continue;
        };
        if let Some((h, _)) = counted_hours(e) {
            m.hours += h;
        }
        if let Some(fee) = &e.fee {
            add_fee(&mut m.fees, fee);
        }
    }
    out
}

/// A skill with a level or a target, for the chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkillBar {
    pub name: String,
    pub level: u8,
    pub target: Option<u8>,
}

/// Skills that have a target, furthest below it first, then the rest
/// with a level; at most `limit`.
pub fn skills_against_targets(skills: &[Skill], limit: usize) -> Vec<SkillBar> {
    let mut bars: Vec<SkillBar> = skills
        .iter()
        .filter(|s| s.level.is_some() || s.target.is_some())
        .map(|s| SkillBar {
            name: s.name.clone(),
            level: s.level.unwrap_or(0),
            target: s.target,
        })
        .collect();
    let gap = |b: &SkillBar| i16::from(b.target.unwrap_or(0)) - i16::from(b.level);
    bars.sort_by(|a, b| {
        b.target
            .is_some()
            .cmp(&a.target.is_some())
            .then(gap(b).cmp(&gap(a)))
            .then(a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    bars.truncate(limit);
    bars
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::application::{new_application, Money};
    use crate::domain::record::Meta;
    use crate::domain::RecordId;
    use chrono::{DateTime, Utc};

    fn t0() -> DateTime<Utc> {
        DateTime::from_timestamp(1_790_000_000, 0).unwrap()
    }

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn app(n: u8, source: &str, stages: &[Stage]) -> Application {
        let mut a = new_application(RecordId::from_random_bytes([n; 16]), t0(), day(1, 1));
        a.source = source.into();
        for (i, s) in stages.iter().enumerate() {
            a.move_to(*s, day(2, 1 + i as u32), t0()).unwrap();
        }
        a
    }

    #[test]
    fn the_funnel_is_the_open_pipeline_from_saved_to_completed() {
        assert_eq!(FUNNEL.first(), Some(&Stage::Saved));
        assert_eq!(FUNNEL.last(), Some(&Stage::Completed));
        assert!(FUNNEL.iter().all(|s| !s.is_closed()));
        assert_eq!(rank(Stage::Completed), Some(5));
        assert_eq!(rank(Stage::Rejected), None);
    }

    #[test]
    fn the_funnel_counts_everything_that_reached_a_stage() {
        let apps = [
            app(1, "Parker Dewey", &[]),
            app(2, "Parker Dewey", &[Stage::Applied]),
            app(
                3,
                "Handshake",
                &[Stage::Applied, Stage::Interviewing, Stage::Rejected],
            ),
            app(
                4,
                "Handshake",
                &[
                    Stage::Applied,
                    Stage::Interviewing,
                    Stage::Offered,
                    Stage::InProgress,
                    Stage::Completed,
                ],
            ),
        ];
        let counts: Vec<usize> = funnel(&apps).into_iter().map(|(_, n)| n).collect();
        assert_eq!(counts, [4, 3, 2, 1, 1, 1]);
    }

    #[test]
    fn response_rate_counts_answers_including_rejections() {
        // Every move is dated in February; months later, nothing is waiting.
        let later = day(6, 1);
        let apps = [
            app(1, "Parker Dewey", &[]),
            app(2, "Parker Dewey", &[Stage::Applied]),
            app(3, "Parker Dewey", &[Stage::Applied, Stage::Ghosted]),
            app(4, "handshake", &[Stage::Applied, Stage::Rejected]),
            app(5, "Handshake", &[Stage::Applied, Stage::Interviewing]),
            app(6, "", &[Stage::Applied, Stage::Withdrawn]),
        ];
        let rows = response_by_source(&apps, later);
        assert_eq!(
            rows[0],
            SourceRate {
                source: "handshake".into(),
                applied: 2,
                counted: 2,
                answered: 2,
                waiting: 0,
            }
        );
        assert_eq!(
            rows[1],
            SourceRate {
                source: "Parker Dewey".into(),
                applied: 2,
                counted: 2,
                answered: 0,
                waiting: 0,
            }
        );
        assert_eq!(rows[2].source, "Other");
        assert_eq!(rows[0].percent(), 100);
        assert_eq!(rows[1].percent(), 0);
    }

    /// Issue 19, item 3: "Handshake 0% of 1" for one applied yesterday.
    #[test]
    fn response_rate_does_not_count_applications_still_waiting_as_failures() {
        let today = day(3, 1);
        let applied_on = |n: u8, date: NaiveDate| {
            let mut a = app(n, "Handshake", &[]);
            a.move_to(Stage::Applied, date, t0()).unwrap();
            a
        };
        let yesterday = applied_on(1, day(2, 28));
        let rows = response_by_source(std::slice::from_ref(&yesterday), today);
        assert_eq!(
            rows,
            [SourceRate {
                source: "Handshake".into(),
                applied: 1,
                counted: 0,
                answered: 0,
                waiting: 1,
            }]
        );
        // 21 days: still waiting; 22 days: counts, as the ghosted flag does.
        let three_weeks = applied_on(2, day(2, 8));
        let over = applied_on(3, day(2, 7));
        assert!(!three_weeks.possibly_ghosted(today) && over.possibly_ghosted(today));
        let mut withdrawn_soon = applied_on(4, day(1, 10));
        withdrawn_soon
            .move_to(Stage::Withdrawn, day(1, 20), t0())
            .unwrap();
        let mut answered = applied_on(5, day(2, 27));
        answered
            .move_to(Stage::Interviewing, day(2, 28), t0())
            .unwrap();
        let rows = response_by_source(
            &[yesterday, three_weeks, over, withdrawn_soon, answered],
            today,
        );
        assert_eq!(
            (
                rows[0].applied,
                rows[0].counted,
                rows[0].answered,
                rows[0].waiting
            ),
            (5, 2, 1, 2)
        );
        assert_eq!(rows[0].percent(), 50);
    }

    #[test]
    fn months_cover_the_window_across_a_year_end_and_sum_hours_and_fees() {
        let mut a = PortfolioEntry::new(Meta::new(RecordId::from_random_bytes([1; 16]), t0()));
        a.end_date = Some(NaiveDate::from_ymd_opt(2025, 12, 20).unwrap());
        a.logged_hours = Some(10.5);
        a.fee = Some(Money {
            cents: 40_000,
            currency: "USD".into(),
        });
        let mut b = a.clone();
        b.logged_hours = None;
        b.estimated_hours = Some(4.0);
        b.fee = Some(Money {
            cents: 10_000,
            currency: "EUR".into(),
        });
        let mut old = a.clone();
        old.end_date = Some(NaiveDate::from_ymd_opt(2024, 12, 1).unwrap());
        let months = monthly(&[a, b, old], day(2, 10), 3);
        let names: Vec<String> = months.iter().map(Month::short_name).collect();
        assert_eq!(names, ["Dec 2025", "Jan 2026", "Feb 2026"]);
        assert_eq!(months[0].hours, 14.5);
        assert_eq!(months[0].fees.get("USD"), Some(&40_000));
        assert_eq!(months[0].fees.get("EUR"), Some(&10_000));
        assert_eq!(months[1].hours, 0.0);
    }

    /// Regression: fees near `u64::MAX` overflowed the monthly sums.
    #[test]
    fn fees_near_u64_max_saturate_the_monthly_totals_instead_of_overflowing() {
        let mut a = PortfolioEntry::new(Meta::new(RecordId::from_random_bytes([1; 16]), t0()));
        a.end_date = Some(day(2, 1));
        a.fee = Some(Money {
            cents: u64::MAX,
            currency: "USD".into(),
        });
        let mut b = a.clone();
        b.meta.id = RecordId::from_random_bytes([2; 16]);
        let months = monthly(&[a, b], day(2, 10), 1);
        assert_eq!(months[0].fees.get("USD"), Some(&u64::MAX));
    }

    #[test]
    fn skills_furthest_below_target_come_first() {
        let skill = |n: u8, name: &str, level: Option<u8>, target: Option<u8>| {
            let mut s = Skill::new(Meta::new(RecordId::from_random_bytes([n; 16]), t0()), name);
            s.level = level;
            s.target = target;
            s
        };
        let skills = [
            skill(1, "Excel", Some(4), None),
            skill(2, "SQL", Some(2), Some(4)),
            skill(3, "Python", None, Some(3)),
            skill(4, "Empty", None, None),
            skill(5, "Writing", Some(4), Some(4)),
        ];
        let names: Vec<String> = skills_against_targets(&skills, 10)
            .into_iter()
            .map(|b| b.name)
            .collect();
        assert_eq!(names, ["Python", "SQL", "Writing", "Excel"]);
        assert_eq!(skills_against_targets(&skills, 2).len(), 2);
    }

    /// The months as they were found: a search of the window per entry.
    fn monthly_by_scanning(
        entries: &[PortfolioEntry],
        today: NaiveDate,
        months: u32,
    ) -> Vec<Month> {
        let mut out: Vec<Month> = (0..months)
            .rev()
            .map(|back| {
                let index = today.year() * 12 + today.month0() as i32 - back as i32;
                Month {
                    year: index.div_euclid(12),
                    month: index.rem_euclid(12) as u32 + 1,
                    hours: 0.0,
                    fees: BTreeMap::new(),
                }
            })
            .collect();
        for e in entries {
            let d = e.date();
            let Some(m) = out
                .iter_mut()
                .find(|m| m.year == d.year() && m.month == d.month())
            else {
                continue;
            };
            if let Some((h, _)) = counted_hours(e) {
                m.hours += h;
            }
            if let Some(fee) = &e.fee {
                add_fee(&mut m.fees, fee);
            }
        }
        out
    }

    #[test]
    fn an_entrys_month_is_found_by_arithmetic_with_the_same_result_as_a_search() {
        let entries: Vec<PortfolioEntry> = (0..400u32)
            .map(|i| {
                let mut e = PortfolioEntry::new(Meta::new(
                    RecordId::from_random_bytes([(i % 250) as u8; 16]),
                    t0(),
                ));
                // From 2021 to 2029, on and off month ends.
                e.end_date = NaiveDate::from_ymd_opt(2021 + (i % 9) as i32, 1 + i % 12, 1 + i % 28)
                    .filter(|_| i % 11 != 0);
                e.start_date = NaiveDate::from_ymd_opt(2020, 1 + i % 12, 1);
                e.logged_hours = Some(f64::from(i % 7));
                e.fee = Some(Money {
                    cents: u64::from(i) * 100,
                    currency: if i % 2 == 0 { "USD" } else { "EUR" }.into(),
                });
                e
            })
            .collect();
        for today in [day(1, 1), day(2, 10), day(12, 31)] {
            for months in [0, 1, 2, 12, 13, 30, 200] {
                assert_eq!(
                    monthly(&entries, today, months),
                    monthly_by_scanning(&entries, today, months),
                    "{today} {months}"
                );
            }
        }
        assert!(monthly(&entries, day(2, 10), 200)
            .iter()
            .any(|m| m.hours > 0.0));
    }
}
