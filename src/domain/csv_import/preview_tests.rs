//! The CSV import's preview and apply: problems, duplicates, stage
//! history, formula cells, fees and contacts, the export's round trip.

use super::dates::DateOrder;
use super::headers::Target;
use super::preview::apply;
use super::stages::unknown_values;
use super::tests::{again, date, empty, run};
use super::values::{cell_text, looks_like_formula};
use crate::domain::application::tests::{app, at, day};
use crate::domain::application::{AppField, ApplicationForm, Stage, StageChange};
use crate::domain::{exports, Contact, Meta, RecordId};
use std::collections::HashSet;

#[test]
fn a_file_with_ambiguous_dates_waits_for_the_students_choice() {
    let text = "Company,Role,Date applied\nAcme,Analyst,03/04/2026\nBeta,Intern,05/06/2026\n";
    let (sheet, mut choices, p) = run(text, &empty());
    assert_eq!(choices.order, None);
    assert_eq!(p.rows_left_out(), 2);
    choices.order = Some(DateOrder::DayFirst);
    let p = again(&sheet, &choices);
    assert_eq!(p.ready[0].app.date_applied, Some(date(2026, 4, 3)));
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
    let p = again(&sheet, &choices);
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
    // The third row is left out (no role): its formula is not listed.
    let text =
        "Company,Role,Notes\n=HYPERLINK(\"x\"),Analyst,-5 hours\n'=1+1,Intern,+1 555 0100\n@x,,\n";
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
