//! Dates as spreadsheets write them: ISO (`2026-11-03`, also with a time
//! or slashes), US month-first (`11/03/2026`), day-first (`03/11/2026`,
//! `03.11.2026`: dots are always day-first), month names (`Nov 3, 2026`,
//! `3 November 2026`) and spreadsheet serial numbers (`46329`, days since
//! 1899-12-30, as Excel, Sheets and Numbers count them).
//!
//! Whether `03/04/2026` is March or April is decided for the whole file:
//! a date that fits only one order (`25/03/2026`) tells; when every slashed
//! date fits both, the student chooses ([`OrderEvidence::decided`] is None).

use crate::domain::bounds;
use chrono::NaiveDate;

/// Which number comes first in `03/04/2026`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateOrder {
    /// US: MM/DD/YYYY.
    MonthFirst,
    /// DD/MM/YYYY.
    DayFirst,
}

impl DateOrder {
    pub fn label(self) -> &'static str {
        match self {
            DateOrder::MonthFirst => "Month first (US): 03/04/2026 is March 4",
            DateOrder::DayFirst => "Day first: 03/04/2026 is 3 April",
        }
    }
}

/// How a date cell reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// One date, whatever the order.
    Fixed(NaiveDate),
    /// `a/b/year`: month-first and day-first readings (None when invalid).
    Slashed {
        month_first: Option<NaiveDate>,
        day_first: Option<NaiveDate>,
    },
}

/// The first day a spreadsheet serial counts from (Excel's 1900 system,
/// with its phantom 29 February 1900, matches it from March 1900 on).
fn serial_epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1899, 12, 30).expect("a valid date")
}

fn number(text: &str) -> Option<u32> {
    (!text.is_empty() && text.len() <= 4 && text.chars().all(|c| c.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

fn year(text: &str) -> Option<i32> {
    let n = number(text)? as i32;
    match text.len() {
        4 => Some(n),
        // Two-digit years: 00–69 are 2000s, 70–99 the 1900s.
        2 if n < 70 => Some(2000 + n),
        2 => Some(1900 + n),
        _ => None,
    }
}

/// A spreadsheet serial: five digits (1927 to 2173), an optional fraction
/// (a time of day).
fn serial(text: &str) -> Option<NaiveDate> {
    let whole = text.split_once('.').map_or(text, |(w, f)| {
        if f.chars().all(|c| c.is_ascii_digit()) {
            w
        } else {
            ""
        }
    });
    if whole.len() != 5 || !whole.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    serial_epoch().checked_add_days(chrono::Days::new(whole.parse().ok()?))
}

fn named_month(text: &str) -> Option<NaiveDate> {
    let text = text.replace(',', " ");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    [
        "%b %d %Y", "%B %d %Y", "%d %b %Y", "%d %B %Y", "%d-%b-%Y", "%d-%b-%y",
    ]
    .iter()
    .find_map(|f| NaiveDate::parse_from_str(&text, f).ok())
}

/// How `text` reads as a date, or None when it is not one.
pub fn shape(text: &str) -> Option<Shape> {
    let text = text.trim();
    // ISO, possibly with a time after it.
    let head = text.get(..10).unwrap_or(text);
    let rest_ok = text.len() == head.len() || text[head.len()..].starts_with(['T', ' ']);
    let four_digit_year = head.len() == 10
        && head
            .get(..4)
            .is_some_and(|y| y.chars().all(|c| c.is_ascii_digit()));
    if rest_ok && four_digit_year {
        for f in ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d"] {
            if let Ok(d) = NaiveDate::parse_from_str(head, f) {
                return Some(Shape::Fixed(d));
            }
        }
    }
    if let Some(d) = serial(text).or_else(|| named_month(text)) {
        return Some(Shape::Fixed(d));
    }
    // Only a time may follow a day-month-year date.
    let date = text.split_whitespace().next().unwrap_or("");
    for sep in ['/', '-', '.'] {
        let parts: Vec<&str> = date.split(sep).collect();
        let [a, b, y] = parts[..] else { continue };
        let (Some(a), Some(b), Some(y)) = (number(a), number(b), year(y)) else {
            return None;
        };
        let month_first = NaiveDate::from_ymd_opt(y, a, b);
        let day_first = NaiveDate::from_ymd_opt(y, b, a);
        if month_first.is_none() && day_first.is_none() {
            return None;
        }
        return Some(match sep {
            '.' => Shape::Fixed(day_first?),
            _ if a == b || month_first == day_first => Shape::Fixed(month_first?),
            _ => Shape::Slashed {
                month_first,
                day_first,
            },
        });
    }
    None
}

/// What the file's slashed dates say about their order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OrderEvidence {
    /// Dates that fit only month-first (`12/25/2026`).
    pub month_first: usize,
    /// Dates that fit only day-first (`25/12/2026`).
    pub day_first: usize,
    /// Dates that fit both (`03/04/2026`).
    pub either: usize,
}

impl OrderEvidence {
    /// Counts the slashed dates among `values`.
    pub fn of<'a>(values: impl IntoIterator<Item = &'a str>) -> Self {
        let mut e = Self::default();
        for v in values {
            if let Some(Shape::Slashed {
                month_first,
                day_first,
            }) = shape(v)
            {
                match (month_first.is_some(), day_first.is_some()) {
                    (true, true) => e.either += 1,
                    (true, false) => e.month_first += 1,
                    (false, true) => e.day_first += 1,
                    (false, false) => {}
                }
            }
        }
        e
    }

    /// The order the dates show (the more common one if they disagree:
    /// dates that fit only the other are then problems), or None when
    /// nothing tells.
    pub fn decided(&self) -> Option<DateOrder> {
        match (self.month_first, self.day_first) {
            (0, 0) => None,
            (m, d) if m >= d => Some(DateOrder::MonthFirst),
            _ => Some(DateOrder::DayFirst),
        }
    }

    /// Whether the student must choose: some dates fit both orders and
    /// none tells which.
    pub fn must_ask(&self) -> bool {
        self.either > 0 && self.decided().is_none()
    }
}

/// Reads one date cell with the file's order (None: not chosen yet). The
/// error says why, as the preview shows it.
pub fn read(text: &str, order: Option<DateOrder>) -> Result<NaiveDate, String> {
    let date = match shape(text) {
        None => return Err(
            "Not a date the app reads (e.g. 2026-11-03, 11/03/2026, 03.11.2026 or Nov 3, 2026)."
                .into(),
        ),
        Some(Shape::Fixed(d)) => d,
        Some(Shape::Slashed {
            month_first,
            day_first,
        }) => match order {
            None => return Err("Choose above whether dates are month or day first.".into()),
            Some(DateOrder::MonthFirst) => {
                month_first.ok_or("Not a month-first date, as the others in this file are.")?
            }
            Some(DateOrder::DayFirst) => {
                day_first.ok_or("Not a day-first date, as the others in this file are.")?
            }
        },
    };
    if bounds::date_in_range(date) {
        Ok(date)
    } else {
        Err(bounds::DATE_OUT_OF_RANGE.replace("Enter a date", "Not a date"))
    }
}
