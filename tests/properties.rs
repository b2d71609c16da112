//! Property tests of the document parser (`decode`), the one door for
//! stored data and imported files: it never panics on any input, refuses
//! damaged text with an error instead of guessing, and `encode` then
//! `decode` gives back exactly the document, for any content; a default
//! share of any document leaves out everything private.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, Duration, NaiveDate, Utc};
use microfolio::domain::application::Money;
use microfolio::domain::application::{new_application, Stage};
use microfolio::domain::portfolio::{Deliverable, PortfolioEntry, Visibility};
use microfolio::domain::record::Meta;
use microfolio::domain::share::{build, decode_shared, encode_shared, ShareOptions};
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
    let contacts = prop::collection::vec((text, text, text), 0..4);
    let entries = prop::collection::vec(
        (
            text,
            text,
            prop::option::of(0.0f64..500.0),
            0u16..700,
            any::<(bool, Option<u32>, u8)>(),
        ),
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
        for (name, email, notes) in contacts {
            let mut c = Contact::new(Meta::new(id(), t0()));
            c.name = name;
            c.email = email;
            c.phone = notes.clone();
            c.notes = notes;
            doc.contacts.push(c);
        }
        let contact_ids: Vec<RecordId> = doc.contacts.iter().map(|c| c.meta.id).collect();
        for (title, description, hours, end, (private, fee, pick)) in entries {
            let mut e = PortfolioEntry::new(Meta::new(id(), t0()));
            if private {
                e.visibility = Visibility::Private;
            }
            e.fee = fee.map(|cents| Money {
                cents: cents.into(),
                currency: "USD".into(),
            });
            e.supervisor = contact_ids.get(pick as usize % 5).copied();
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
            let mut skill = Skill::new(Meta::new(id(), t0()), name.clone());
            skill.notes = name;
            doc.skills.push(skill);
        }
        let skill_ids: Vec<RecordId> = doc.skills.iter().map(|s| s.meta.id).collect();
        for (i, e) in doc.entries.iter_mut().enumerate() {
            e.skills = skill_ids.iter().copied().skip(i % 3).step_by(2).collect();
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

    #[test]
    fn decode_shared_never_panics_on_any_text(text in "\\PC{0,200}") {
        let _ = decode_shared(&text);
    }

    /// Redaction: a default share holds no private entry, fee, note or
    /// contact detail, refers only to what it holds, and reads back exactly.
    #[test]
    fn a_default_share_holds_nothing_private(doc in document()) {
        let share = build(&doc, &ShareOptions::default(), t0());
        for e in &share.entries {
            let own = doc.entry(e.id).unwrap();
            prop_assert_eq!(own.visibility, Visibility::Public);
            prop_assert!(e.fee.is_none() && e.payment.is_none());
            if let Some(s) = e.supervisor {
                prop_assert!(share.person(s).is_some());
            }
            for s in &e.skills {
                prop_assert!(share.skill(*s).is_some());
            }
        }
        let public = doc.entries.iter().filter(|e| e.visibility == Visibility::Public).count();
        prop_assert_eq!(share.entries.len(), public);
        for p in &share.people {
            prop_assert!(p.email.is_empty() && p.phone.is_empty() && p.notes.is_empty());
        }
        for s in &share.skills {
            prop_assert!(s.notes.is_empty());
        }
        prop_assert_eq!(decode_shared(&encode_shared(&share)).unwrap(), share);
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
