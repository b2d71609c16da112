//! Property tests of the document parser (`decode`), the one door for
//! stored data and imported files: it never panics on any input, refuses
//! damaged text with an error instead of guessing, and `encode` then
//! `decode` gives back exactly the document, for any content.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, Duration, NaiveDate, Utc};
use microfolio::domain::application::{new_application, Stage};
use microfolio::domain::portfolio::{Deliverable, PortfolioEntry};
use microfolio::domain::record::Meta;
use microfolio::domain::{decode, encode, Contact, Document, RecordId, Skill};
use proptest::prelude::*;

fn fixture() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/v3.json"
    ))
    .unwrap()
}

fn t0() -> DateTime<Utc> {
    DateTime::from_timestamp(1_790_000_000, 0).unwrap()
}

fn day(offset: u16) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Duration::days(offset.into())
}

/// A document built through the domain's own API from arbitrary parts.
fn document() -> impl Strategy<Value = Document> {
    let text = "\\PC{0,30}";
    let apps = prop::collection::vec(
        (
            text,
            text,
            text,
            prop::collection::vec(0usize..9, 0..4),
            0u16..700,
        ),
        0..6,
    );
    let contacts = prop::collection::vec(text, 0..4);
    let entries = prop::collection::vec(
        (text, text, prop::option::of(0.0f64..500.0), 0u16..700),
        0..4,
    );
    let skills = prop::collection::vec(text, 0..5);
    (apps, contacts, entries, skills, text).prop_map(|(apps, contacts, entries, skills, name)| {
        let mut n = 0u8;
        let mut id = move || {
            n = n.wrapping_add(1);
            RecordId::from_random_bytes([n; 16])
        };
        let mut doc = Document::new(t0(), id());
        doc.profile.name = name;
        for (org, role, notes, moves, found) in apps {
            let mut a = new_application(id(), t0(), day(found));
            a.organization = org;
            a.role = role;
            a.notes = notes.clone();
            a.tags = vec![notes];
            for (i, m) in moves.into_iter().enumerate() {
                a.move_to(Stage::ALL[m], day(found + i as u16 + 1), t0());
            }
            doc.applications.push(a);
        }
        for name in contacts {
            let mut c = Contact::new(Meta::new(id(), t0()));
            c.name = name;
            doc.contacts.push(c);
        }
        for (title, description, hours, end) in entries {
            let mut e = PortfolioEntry::new(Meta::new(id(), t0()));
            e.title = title.clone();
            e.logged_hours = hours;
            e.end_date = Some(day(end));
            e.deliverables.push(Deliverable {
                title,
                description,
                link: None,
                date: Some(day(end)),
            });
            doc.entries.push(e);
        }
        for name in skills {
            doc.skills.push(Skill::new(Meta::new(id(), t0()), name));
        }
        doc
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn decode_never_panics_on_any_text(text in "\\PC{0,200}") {
        let _ = decode(&text);
    }

    #[test]
    fn damaged_documents_are_refused_or_read_never_guessed(pos in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let mut bytes = fixture().into_bytes();
        let i = pos.index(bytes.len());
        bytes[i] = byte;
        if let Ok(text) = String::from_utf8(bytes) {
            if let Ok(doc) = decode(&text) {
                prop_assert_eq!(decode(&encode(&doc)).unwrap(), doc);
            }
        }
    }

    #[test]
    fn encode_then_decode_is_the_identity(doc in document()) {
        prop_assert_eq!(decode(&encode(&doc)).unwrap(), doc);
    }
}

/// Regression: without serde_json's `float_roundtrip`, 211.71974135386733
/// hours came back as 211.7197413538673, so every save changed the data.
#[test]
fn hours_survive_a_round_trip_to_the_last_digit() {
    let mut doc = Document::new(t0(), RecordId::from_random_bytes([1; 16]));
    let mut e = PortfolioEntry::new(Meta::new(RecordId::from_random_bytes([2; 16]), t0()));
    e.logged_hours = Some(211.719_741_353_867_33);
    doc.entries.push(e);
    assert_eq!(decode(&encode(&doc)).unwrap(), doc);
}
