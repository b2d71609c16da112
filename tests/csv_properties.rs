//! Property tests of the CSV import: reading and previewing never panic on
//! any text, and the app's own CSV export of any form-valid applications
//! reads back to the same applications.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, NaiveDate, Utc};
use microfolio::domain::application::{new_application, AppField, ApplicationForm};
use microfolio::domain::csv_import::preview::{preview, Choices};
use microfolio::domain::csv_import::read_sheet;
use microfolio::domain::{exports, Document, RecordId};
use proptest::prelude::*;

fn t0() -> DateTime<Utc> {
    DateTime::from_timestamp(1_790_000_000, 0).unwrap()
}

fn today() -> NaiveDate {
    t0().date_naive()
}

fn ids() -> impl FnMut() -> RecordId {
    let mut n = 0u128;
    move || {
        n += 1;
        RecordId::from_random_bytes(n.to_le_bytes())
    }
}

/// Text a form keeps as it is (trimmed), with what CSV and spreadsheets
/// treat specially: quotes, delimiters, line breaks, formula signs, `'`.
fn field() -> impl Strategy<Value = String> {
    "[a-zA-Zé0-9=+@'\",;\t\n\\-]{1,12}( [a-zA-Z0-9=+@'\",;\n\\-]{1,8}){0,3}"
        .prop_filter("as the form keeps it", |s| s.trim() == s)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn reading_and_previewing_never_panic_on_any_text(body in "\\PC{0,300}", header in any::<bool>()) {
        let text = if header { format!("Company;Role;Status;Applied;Pay\n{body}") } else { body };
        if let Ok(sheet) = read_sheet(&text) {
            let here = Document::new(t0(), RecordId::from_random_bytes([0; 16]));
            let choices = Choices::propose(&sheet);
            let _ = preview(&sheet, &choices, &here, t0(), today(), &mut ids());
        }
    }

    #[test]
    fn the_apps_csv_export_reads_back_to_the_same_applications(
        rows in prop::collection::vec((field(), field(), field(), field()), 1..6)
    ) {
        let mut doc = Document::new(t0(), RecordId::from_random_bytes([0; 16]));
        let mut id = ids();
        for (organization, role, location, notes) in rows {
            let mut form = ApplicationForm::default();
            form.set(AppField::Organization, organization);
            form.set(AppField::Role, role);
            form.set(AppField::Location, location);
            form.set(AppField::Notes, notes);
            let base = new_application(id(), t0(), today());
            doc.applications.push(form.parse(&base, t0()).unwrap());
        }
        let sheet = read_sheet(&exports::applications_csv(&doc)).unwrap();
        let empty = Document::new(t0(), RecordId::from_random_bytes([0; 16]));
        let p = preview(&sheet, &Choices::propose(&sheet), &empty, t0(), today(), &mut ids());
        prop_assert_eq!(&p.problems, &vec![]);
        let back: Vec<_> = p.ready.iter().map(|r| (&r.app.organization, &r.app.role, &r.app.location, &r.app.notes)).collect();
        let sent: Vec<_> = doc.applications.iter().map(|a| (&a.organization, &a.role, &a.location, &a.notes)).collect();
        prop_assert_eq!(back, sent);
    }
}
