//! The ranges the app keeps dates and counts in: every stored date and
//! timestamp within [`YEARS`], the save revision at most [`MAX_REVISION`].
//! The forms read dates through [`parse_date`], and stage changes refuse
//! dates outside [`YEARS`], so what the app writes it can always read back;
//! decoding judges a whole document by the same ranges
//! (`super::codec::checks`).

use chrono::{Datelike, NaiveDate};
use std::ops::RangeInclusive;

/// The years every stored date and timestamp lies in (graduation months
/// too). Wide enough for any student's past and plans; far enough from
/// chrono's limits (±262,143) that a day or a month more never overflows.
pub const YEARS: RangeInclusive<i32> = 1900..=2200;

/// [`YEARS`] in words, for messages ("1900 to 2200").
pub const YEARS_TEXT: &str = "1900 to 2200";

/// A form's message for a date outside [`YEARS`].
pub const DATE_OUT_OF_RANGE: &str = "Enter a date in the years 1900 to 2200.";

/// The highest save `revision` read: 2^53 - 1, the largest integer a
/// JavaScript number holds exactly, and far from `u64::MAX`, so counting
/// saves on never overflows (one save a second would take 285 million
/// years to reach it).
pub const MAX_REVISION: u64 = (1 << 53) - 1;

/// Whether a date lies within [`YEARS`].
pub fn date_in_range(date: NaiveDate) -> bool {
    YEARS.contains(&date.year())
}

/// Reads a date typed into a form (`YYYY-MM-DD`), refusing one outside
/// [`YEARS`], which could not be read back.
pub fn parse_date(text: &str) -> Result<NaiveDate, &'static str> {
    let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| "Enter a date as YYYY-MM-DD.")?;
    if date_in_range(date) {
        Ok(date)
    } else {
        Err(DATE_OUT_OF_RANGE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_messages_name_the_years_that_are_allowed() {
        let words = format!("{} to {}", YEARS.start(), YEARS.end());
        assert_eq!(YEARS_TEXT, words);
        assert!(DATE_OUT_OF_RANGE.contains(&words), "{DATE_OUT_OF_RANGE}");
    }

    #[test]
    fn form_dates_outside_the_years_are_refused_with_their_own_message() {
        assert_eq!(
            parse_date(" 2026-11-23 "),
            Ok(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap())
        );
        for (text, ok) in [
            ("1900-01-01", true),
            ("2200-12-31", true),
            ("1899-12-31", false),
            ("2201-01-01", false),
            ("+262142-12-31", false),
            ("0001-01-01", false),
        ] {
            assert_eq!(parse_date(text).is_ok(), ok, "{text}");
            if !ok {
                assert_eq!(parse_date(text), Err(DATE_OUT_OF_RANGE), "{text}");
            }
        }
        assert_eq!(parse_date("soon"), Err("Enter a date as YYYY-MM-DD."));
    }
}
