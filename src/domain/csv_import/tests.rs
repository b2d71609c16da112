//! The CSV import's rules, end to end on small files.

use super::dates::{read, shape, DateOrder, OrderEvidence, Shape};
use super::headers::{assign, missing, propose, propose_one, Target};
use super::preview::{apply, preview, Choices, Preview};
use super::stages::{known, unknown_values};
use super::values::{cell_text, looks_like_formula};
use super::*;
use crate::domain::application::tests::{app, at, day};
use crate::domain::application::{AppField, ApplicationForm, Stage, StageChange};
use crate::domain::{exports, Contact, Document, Meta, RecordId};
use chrono::NaiveDate;
use std::collections::HashSet;

fn empty() -> Document {
    Document::new(at(1, 1), RecordId::from_random_bytes([200; 16]))
}

fn ids() -> impl FnMut() -> RecordId {
    let mut n = 0u8;
    move || {
        n += 1;
        RecordId::from_random_bytes([n; 16])
    }
}

fn run(text: &str, here: &Document) -> (Sheet, Choices, Preview) {
    let sheet = read_sheet(text).expect("readable");
    let choices = Choices::propose(&sheet);
    let p = preview(&sheet, &choices, here, at(12, 1), day(12, 1), &mut ids());
    (sheet, choices, p)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
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
fn a_file_with_ambiguous_dates_waits_for_the_students_choice() {
    let text = "Company,Role,Date applied\nAcme,Analyst,03/04/2026\nBeta,Intern,05/06/2026\n";
    let (sheet, mut choices, p) = run(text, &empty());
    assert_eq!(choices.order, None);
    assert_eq!(p.rows_left_out(), 2);
    choices.order = Some(DateOrder::DayFirst);
    let p = preview(
        &sheet,
        &choices,
        &empty(),
        at(12, 1),
        day(12, 1),
        &mut ids(),
    );
    assert_eq!(p.ready[0].app.date_applied, Some(date(2026, 4, 3)));
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
fn unknown_status_values_are_listed_once_and_mapped_by_the_student() {
    let text = "Company,Role,Status\nAcme,A,Maybe later\nBeta,B,maybe LATER!\nCity,C,Offer\n";
    let (sheet, mut choices, p) = run(text, &empty());
    assert_eq!(
        unknown_values(&sheet, &choices.columns),
        [("Maybe later".to_owned(), 2)]
    );
    assert_eq!(p.problems[0].why, "Choose a stage for “Maybe later” above.");
    assert_eq!(p.ready.len(), 1);
    choices.stages.insert("maybe later".into(), Stage::Saved);
    let p = preview(
        &sheet,
        &choices,
        &empty(),
        at(12, 1),
        day(12, 1),
        &mut ids(),
    );
    assert_eq!(p.ready.len(), 3);
    assert_eq!(p.ready[1].app.stage(), Stage::Saved);
}

#[test]
fn the_history_starts_at_the_applied_date() {
    let text =
        "Company,Role,Status,Applied\nAcme,A,Interview,2026-10-01\nBeta,B,,2026-10-02\nCity,C,,\n";
    let (_, _, p) = run(text, &empty());
    let h: Vec<Vec<StageChange>> = p.ready.iter().map(|r| r.app.history.clone()).collect();
    let step = |stage, date| StageChange { stage, date };
    assert_eq!(
        h[0],
        [
            step(Stage::Applied, day(10, 1)),
            step(Stage::Interviewing, day(10, 1))
        ]
    );
    assert_eq!(h[1], [step(Stage::Applied, day(10, 2))]);
    assert_eq!(
        h[2],
        [step(Stage::Saved, day(12, 1))],
        "no date: saved today"
    );
}

#[test]
fn rows_with_problems_are_left_out_with_row_column_value_and_why() {
    let text = "Company,Role,Deadline,Link\nAcme,,2026-11-03,\nBeta,Intern,someday,\nCity,Survey,,javascript:alert(1)\nDelta,Ok,,delta.example\n";
    let (_, _, p) = run(text, &empty());
    assert_eq!(p.rows_left_out(), 3);
    let got: Vec<(usize, &str, &str)> = p
        .problems
        .iter()
        .map(|x| (x.row, x.column.as_str(), x.value.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (2, "Role", ""),
            (3, "Deadline", "someday"),
            (4, "Link", "javascript:alert(1)")
        ]
    );
    assert_eq!(p.problems[0].why, "Enter the role or project title.");
    assert_eq!(p.ready.len(), 1);
    assert_eq!(
        p.ready[0].app.posting_url.as_ref().unwrap().as_str(),
        "https://delta.example"
    );
}

#[test]
fn likely_duplicates_are_flagged_and_skipped_unless_chosen() {
    let mut here = empty();
    here.applications
        .push(app(50, "Acme Corp", "Data Analyst", day(9, 1)));
    let text = "Company,Role\nacme  corp,data analyst\nAcme Corp,Designer\n";
    let (_, _, p) = run(text, &here);
    assert_eq!(
        p.ready.iter().map(|r| r.duplicate).collect::<Vec<_>>(),
        [true, false]
    );
    let (doc, added) = apply(&here, &p, &HashSet::new(), at(12, 1));
    assert_eq!((added, doc.applications.len()), (1, 2));
    let (doc, added) = apply(&here, &p, &HashSet::from([2]), at(12, 1));
    assert_eq!((added, doc.applications.len()), (2, 3));
    assert_eq!(here.applications.len(), 1, "the preview changed nothing");
}

#[test]
fn formula_looking_cells_are_kept_as_text_and_noted() {
    let text = "Company,Role,Notes\n=HYPERLINK(\"x\"),Analyst,-5 hours\n'=1+1,Intern,+1 555 0100\n";
    let (_, _, p) = run(text, &empty());
    assert_eq!(p.ready[0].app.organization, "=HYPERLINK(\"x\")");
    assert_eq!(
        p.ready[1].app.organization, "=1+1",
        "the export's guard is removed"
    );
    assert_eq!(p.formulas.len(), 2);
    assert!(
        looks_like_formula("@SUM(A1)")
            && !looks_like_formula("-5")
            && !looks_like_formula("+1 555")
    );
    assert_eq!(cell_text(" '@x "), "@x");
    assert_eq!(cell_text("'quoted"), "'quoted");
}

#[test]
fn fees_contacts_and_extra_note_columns_fill_what_exists() {
    let mut here = empty();
    let mut jane = Contact::new(Meta::new(RecordId::from_random_bytes([77; 16]), at(1, 1)));
    jane.name = "Jane Roe".into();
    here.contacts.push(jane);
    let text = "Company,Role,Pay,Contact,Notes,Comments\nAcme,A,\"€1.250,50\",jane roe; Sam Poe,first,second\n";
    let (_, _, p) = run(text, &here);
    let a = &p.ready[0].app;
    assert_eq!(
        a.fee.as_ref().map(|m| (m.cents, m.currency.as_str())),
        Some((125_050, "EUR"))
    );
    assert_eq!(a.contacts, [RecordId::from_random_bytes([77; 16])]);
    assert_eq!(a.notes, "first\n\nComments: second\n\nContact: Sam Poe");
}

/// The app's own export, read back, gives the same applications.
#[test]
fn the_apps_own_csv_export_round_trips() {
    let mut doc = empty();
    let mut form = ApplicationForm::default();
    for (f, v) in [
        (AppField::Organization, "Acme, \"Inc\""),
        (AppField::Role, "Research; analysis"),
        (AppField::Source, "Parker Dewey"),
        (AppField::PostingUrl, "https://acme.example/jobs?id=1&x=2"),
        (AppField::Arrangement, "in_person"),
        (AppField::Location, "Zürich"),
        (AppField::EstimatedHours, "7.5"),
        (AppField::Fee, "1250.5"),
        (AppField::Currency, "CHF"),
        (AppField::DateFound, "2026-09-01"),
        (AppField::DateApplied, "2026-09-02"),
        (AppField::Deadline, "2026-09-30"),
        (AppField::StartDate, "2026-10-01"),
        (AppField::EndDate, "2026-10-15"),
        (AppField::NextFollowUp, "2026-09-10"),
        (AppField::RequiredSkills, "SQL, Excel"),
        (AppField::Tags, "remote, paid"),
        (
            AppField::Notes,
            "=not a formula\nsecond line, with \"quotes\"",
        ),
    ] {
        form.set(f, v);
    }
    let mut a = form.parse(&app(1, "x", "y", day(9, 1)), at(9, 1)).unwrap();
    a.move_to(Stage::Applied, day(9, 2), at(9, 2)).unwrap();
    a.move_to(Stage::Offered, day(9, 20), at(9, 20)).unwrap();
    doc.applications.push(a);
    doc.applications
        .push(app(2, "-Beta", "Clean-up", day(9, 5)));
    let text = exports::applications_csv(&doc);
    let (_, choices, p) = run(&text, &empty());
    // Every column is read but Created and Updated (the import's own times).
    let ignored = choices
        .columns
        .iter()
        .filter(|t| **t == Target::Ignore)
        .count();
    assert_eq!(ignored, 2);
    assert_eq!((p.problems.clone(), p.ready.len()), (vec![], 2));
    for (before, r) in doc.applications.iter().zip(&p.ready) {
        let mut after = r.app.clone();
        after.meta = before.meta.clone();
        after.history = before.history.clone();
        assert_eq!(after, *before);
        assert_eq!(r.app.stage(), before.stage());
    }
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
