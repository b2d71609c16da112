//! The CSV import's reading rules: headers, delimiters, quoting, dates,
//! status words, bad input; and the helpers `preview_tests` shares.

use super::dates::{read, shape, DateOrder, OrderEvidence, Shape};
use super::headers::{assign, missing, propose, propose_one, Target};
use super::preview::{preview, Choices, Preview};
use super::stages::known;
use super::*;
use crate::domain::application::tests::{at, day};
use crate::domain::application::{AppField, Stage};
use crate::domain::{Document, RecordId};
use chrono::NaiveDate;

pub(super) fn empty() -> Document {
    Document::new(at(1, 1), RecordId::from_random_bytes([200; 16]))
}

pub(super) fn ids() -> impl FnMut() -> RecordId {
    let mut n = 0u8;
    move || {
        n += 1;
        RecordId::from_random_bytes([n; 16])
    }
}

pub(super) fn run(text: &str, here: &Document) -> (Sheet, Choices, Preview) {
    let sheet = read_sheet(text).expect("readable");
    let choices = Choices::propose(&sheet);
    let p = preview(&sheet, &choices, here, at(12, 1), day(12, 1), &mut ids());
    (sheet, choices, p)
}

/// The preview again, after the test changed the choices.
pub(super) fn again(sheet: &Sheet, choices: &Choices) -> Preview {
    preview(sheet, choices, &empty(), at(12, 1), day(12, 1), &mut ids())
}

pub(super) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn headers_are_recognised_by_their_words() {
    use AppField::*;
    for (header, target) in [
        ("Company", Target::Field(Organization)),
        ("Employer name", Target::Field(Organization)),
        ("Organisation", Target::Field(Organization)),
        ("Job title", Target::Field(Role)),
        ("Position", Target::Field(Role)),
        ("Application status", Target::Stage),
        ("Stage", Target::Stage),
        ("Date applied", Target::Field(DateApplied)),
        ("Applied on", Target::Field(DateApplied)),
        ("Deadline", Target::Field(Deadline)),
        ("Follow-up date", Target::Field(NextFollowUp)),
        ("Job URL", Target::Field(PostingUrl)),
        ("Link", Target::Field(PostingUrl)),
        ("Location", Target::Field(Location)),
        ("Where found", Target::Field(Source)),
        ("Platform", Target::Field(Source)),
        ("Notes", Target::Field(Notes)),
        ("Salary", Target::Field(Fee)),
        ("Pay", Target::Field(Fee)),
        ("Recruiter contact", Target::Contact),
        ("Tags", Target::Field(Tags)),
        ("Created", Target::Ignore),
    ] {
        assert_eq!(propose_one(header), Some(target), "{header}");
    }
    assert_eq!(propose_one("Favourite colour"), None);
}

#[test]
fn a_target_taking_one_column_goes_to_the_first_and_moves_when_reassigned() {
    let headers: Vec<String> = ["Company", "Employer", "Notes", "Comments"]
        .map(String::from)
        .into();
    let mut cols = propose(&headers);
    let org = Target::Field(AppField::Organization);
    let notes = Target::Field(AppField::Notes);
    assert_eq!(cols, [org, Target::Ignore, notes, notes]);
    assign(&mut cols, 1, org);
    assert_eq!(cols[..2], [Target::Ignore, org]);
    assert_eq!(missing(&cols), ["Role or project title"]);
}

#[test]
fn the_delimiter_is_detected_and_a_byte_order_mark_dropped() {
    for (text, delimiter) in [
        ("Company,Role\nAcme,Analyst\n", b','),
        ("\u{feff}Company;Role\r\nAcme;Analyst\r\n", b';'),
        ("Company\tRole\nAcme\tAnalyst\n", b'\t'),
        ("\"Company;Inc\",Role\nAcme,Analyst\n", b','),
    ] {
        let sheet = read_sheet(text).unwrap();
        assert_eq!(sheet.delimiter, delimiter, "{text:?}");
        assert_eq!(
            sheet.headers[0].trim_start_matches('\u{feff}'),
            sheet.headers[0]
        );
        assert_eq!(sheet.rows[0].cells[0], "Acme");
    }
}

#[test]
fn quoted_fields_keep_line_breaks_delimiters_and_quotes() {
    let text = "Company,Role,Notes\r\nAcme,Analyst,\"Line one\r\nline two, with \"\"quotes\"\"\"\r\n,,\r\nBeta,Intern,\r\n";
    let sheet = read_sheet(text).unwrap();
    assert_eq!(sheet.rows.len(), 2, "the blank row is skipped");
    assert_eq!(
        sheet.rows[0].cells[2],
        "Line one\r\nline two, with \"quotes\""
    );
    // Row numbers are the spreadsheet's: the blank row 3 still counts.
    assert_eq!((sheet.rows[0].number, sheet.rows[1].number), (2, 4));
}

#[test]
fn every_date_form_is_read() {
    for (text, order, expected) in [
        ("2026-11-03", None, date(2026, 11, 3)),
        ("2026-11-03T09:30:00Z", None, date(2026, 11, 3)),
        ("2026/11/03", None, date(2026, 11, 3)),
        (
            "11/25/2026",
            Some(DateOrder::MonthFirst),
            date(2026, 11, 25),
        ),
        ("25/11/2026", Some(DateOrder::DayFirst), date(2026, 11, 25)),
        ("03/11/2026", Some(DateOrder::DayFirst), date(2026, 11, 3)),
        ("03/11/2026", Some(DateOrder::MonthFirst), date(2026, 3, 11)),
        ("3/11/26", Some(DateOrder::MonthFirst), date(2026, 3, 11)),
        ("03.11.2026", None, date(2026, 11, 3)),
        ("Nov 3, 2026", None, date(2026, 11, 3)),
        ("3 November 2026", None, date(2026, 11, 3)),
        ("03-Nov-2026", None, date(2026, 11, 3)),
        ("46329", None, date(2026, 11, 3)),
        ("46329.5", None, date(2026, 11, 3)),
        ("07/07/2026", None, date(2026, 7, 7)),
    ] {
        assert_eq!(read(text, order), Ok(expected), "{text}");
    }
    assert!(read("next Friday", None)
        .unwrap_err()
        .starts_with("Not a date"));
    assert!(read("2026", None).is_err(), "a year alone is not a serial");
    // Regression (found by tests/csv_properties.rs): a character of more
    // than one byte in the first four panicked the ISO check.
    assert!(read("2é26-11-03", None).is_err());
    assert!(read("31/02/2026", Some(DateOrder::DayFirst))
        .unwrap_err()
        .starts_with("Not a date"));
    assert_eq!(
        read("12/31/2026", Some(DateOrder::DayFirst)).unwrap_err(),
        "Not a day-first date, as the others in this file are."
    );
    assert_eq!(
        read("1850-01-01", None).unwrap_err(),
        "Not a date in the years 1900 to 2200."
    );
}

#[test]
fn the_date_order_is_asked_only_when_every_slashed_date_fits_both() {
    let e = OrderEvidence::of(["03/04/2026", "05/06/2026", "2026-01-02"]);
    assert_eq!((e.either, e.decided(), e.must_ask()), (2, None, true));
    assert_eq!(
        read("03/04/2026", None).unwrap_err(),
        "Choose above whether dates are month or day first."
    );
    let e = OrderEvidence::of(["03/04/2026", "25/06/2026"]);
    assert_eq!(
        (e.decided(), e.must_ask()),
        (Some(DateOrder::DayFirst), false)
    );
    let e = OrderEvidence::of(["03/04/2026", "12/31/2026"]);
    assert_eq!(e.decided(), Some(DateOrder::MonthFirst));
    assert!(matches!(shape("04/04/2026"), Some(Shape::Fixed(_))));
}

#[test]
fn status_words_map_to_the_apps_stages() {
    for (word, stage) in [
        ("Interview", Stage::Interviewing),
        ("Phone screen", Stage::Interviewing),
        ("2nd interview", Stage::Interviewing),
        ("Offer", Stage::Offered),
        ("Rejected", Stage::Rejected),
        ("Declined", Stage::Rejected),
        ("Declined offer", Stage::Withdrawn),
        ("No response", Stage::Ghosted),
        ("ghosted", Stage::Ghosted),
        ("Wishlist", Stage::Saved),
        ("Submitted", Stage::Applied),
        ("Accepted / In progress", Stage::InProgress),
        ("in_progress", Stage::InProgress),
        ("Completed", Stage::Completed),
    ] {
        assert_eq!(known(word), Some(stage), "{word}");
    }
    assert_eq!(known("Maybe later"), None);
}

#[test]
fn each_bad_input_gets_its_own_message() {
    let big = "a".repeat(MAX_CSV_FILE + 1);
    let many = format!("Company,Role\n{}", "Acme,A\n".repeat(MAX_CSV_ROWS + 1));
    for (text, error) in [
        ("", CsvError::Empty),
        ("\u{feff}  \r\n", CsvError::Empty),
        ("Company,Role\n", CsvError::NoRows),
        ("Colour,Size\nred,9\n", CsvError::NoColumns),
        ("PK\u{3}\u{4}\u{14}\0\0", CsvError::Workbook),
        ("{\"format\":\"microfolio\"}", CsvError::Json),
        ("Company\0Role", CsvError::Binary),
        ("Company,Role\nCaf\u{fffd},A\n", CsvError::NotUtf8),
        (big.as_str(), CsvError::TooLarge(MAX_CSV_FILE + 1)),
        (many.as_str(), CsvError::TooManyRows(MAX_CSV_ROWS + 1)),
    ] {
        assert_eq!(
            read_sheet(text).err(),
            Some(error.clone()),
            "{:?}",
            &text[..text.len().min(30)]
        );
        assert!(error.to_string().ends_with('.'), "{error}");
    }
    assert_eq!(
        CsvError::NoColumns.to_string(),
        "None of its column headers is one the app knows (such as Company, Role, Status or Date applied). The first row must name the columns."
    );
}
