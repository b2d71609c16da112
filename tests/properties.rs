//! Property tests of the document parser (`decode`), the one door for
//! stored data and imported files: it never panics on any input, refuses
//! damaged text with an error instead of guessing, and `encode` then
//! `decode` gives back exactly the document, for any content; a default
//! share of any document leaves out everything private. What it accepts
//! has unique ids and values in range (`domain::codec::checks`), so exports and
//! totals of it never panic.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use microfolio::domain::application::{new_application, Stage};
use microfolio::domain::application::{Money, MAX_FEE_CENTS, MAX_HOURS};
use microfolio::domain::bounds::{MAX_REVISION, YEARS};
use microfolio::domain::portfolio::{Deliverable, PortfolioEntry, Visibility, RATINGS};
use microfolio::domain::record::Meta;
use microfolio::domain::share::{build, decode_shared, encode_shared, ShareOptions};
use microfolio::domain::skill::LEVEL_RANGE;
use microfolio::domain::{decode, encode, Contact, DecodeError, Document, RecordId, Skill};
use proptest::prelude::*;
use serde_json::Value;

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
                a.move_to(Stage::ALL[m], day(found + i as u16 + 1), t0())
                    .unwrap();
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

/// Everything a decoded document feeds that could overflow or panic on a
/// hostile value: the exports, the totals, the charts, a share of it.
fn use_everything(doc: &Document) {
    use microfolio::domain::{economics, exports, stats};
    let _ = exports::calendar_ics(doc, t0());
    let _ = exports::applications_csv(doc);
    let _ = exports::json_resume(doc);
    for t in economics::yearly_totals(&doc.entries) {
        let _ = economics::money_list(&t.earned);
    }
    for e in &doc.entries {
        let _ = economics::effective_rate(e).map(|r| r.describe());
        let _ = economics::below_floor(e, &doc.settings);
    }
    let _ = stats::monthly(&doc.entries, t0().date_naive(), 12);
    let _ = stats::skills_against_targets(&doc.skills, 10);
    let _ = stats::funnel(&doc.applications);
    let everything = ShareOptions {
        my_email: true,
        private_entries: true,
        fees: true,
        notes: true,
        contact_details: true,
    };
    let share = build(doc, &everything, t0());
    assert_eq!(decode_shared(&encode_shared(&share)).unwrap(), share);
}

/// Values around and far beyond the edges of what the app allows.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    let edge = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    prop_oneof![
        Just(edge(1899, 12, 31)),
        Just(edge(1900, 1, 1)),
        Just(edge(2200, 12, 31)),
        Just(edge(2201, 1, 1)),
        Just(NaiveDate::MAX),
        Just(NaiveDate::MIN),
        (NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce())
            .prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap()),
        (0i64..120_000).prop_map(move |n| edge(1880, 1, 1) + Duration::days(n)),
    ]
}

fn any_small() -> impl Strategy<Value = Option<u8>> {
    prop::option::of(prop_oneof![0u8..=7, any::<u8>()])
}

fn any_cents() -> impl Strategy<Value = u64> {
    prop_oneof![
        0..=MAX_FEE_CENTS,
        (MAX_FEE_CENTS - 2)..=(MAX_FEE_CENTS + 2),
        any::<u64>()
    ]
}

fn any_hours() -> impl Strategy<Value = f64> {
    prop_oneof![
        -10.0..MAX_HOURS + 10.0,
        Just(0.0),
        Just(MAX_HOURS),
        Just(f64::MIN_POSITIVE),
        Just(1e300),
        Just(-0.0),
    ]
}

fn leaf_pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                leaf_pointers(v, format!("{at}/{i}"), out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                leaf_pointers(v, format!("{at}/{k}"), out);
            }
        }
        _ => out.push(at),
    }
}

/// A hostile value for one leaf of a document: far dates and times, huge
/// and negative numbers, another record's id.
fn hostile() -> impl Strategy<Value = Value> {
    prop_oneof![
        any_date().prop_map(|d| Value::from(d.to_string())),
        any_date().prop_map(|d| Value::from(format!("{d}T00:00:00Z"))),
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any_hours().prop_map(Value::from),
        any_small().prop_map(|v| v.map_or(Value::Null, Value::from)),
        Just(Value::from("9a3b1f2e-5c4d-4e6f-8a7b-1c2d3e4f5a6b")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Dates, ratings, levels, fees, hours and the revision: a document is
    /// read back exactly when every one is in range, and refused, naming
    /// the field, when any is not.
    #[test]
    fn values_out_of_range_are_refused_and_the_rest_read_back(
        date in any_date(),
        rating in any_small(),
        level in any_small(),
        cents in any_cents(),
        hours in any_hours(),
        revision in prop_oneof![0..=MAX_REVISION, any::<u64>()],
    ) {
        let id = |n: u8| RecordId::from_random_bytes([n; 16]);
        let mut doc = Document::new(t0(), id(1));
        doc.revision = revision;
        let mut a = new_application(id(2), t0(), day(0));
        a.next_follow_up = Some(date);
        a.estimated_hours = Some(hours);
        a.fee = Some(Money { cents, currency: "USD".into() });
        doc.applications.push(a);
        let mut e = PortfolioEntry::new(Meta::new(id(3), t0()));
        e.feedback.rating = rating;
        e.logged_hours = Some(hours);
        doc.entries.push(e);
        let mut s = Skill::new(Meta::new(id(4), t0()), "SQL");
        s.level = level;
        s.target = level;
        doc.skills.push(s);

        let in_range = YEARS.contains(&date.year())
            && rating.is_none_or(|r| RATINGS.contains(&r))
            && level.is_none_or(|l| LEVEL_RANGE.contains(&l))
            && cents <= MAX_FEE_CENTS
            && (0.0..=MAX_HOURS).contains(&hours)
            && revision <= MAX_REVISION;
        match decode(&encode(&doc)) {
            Ok(back) => {
                prop_assert!(in_range, "accepted {doc:?}");
                prop_assert_eq!(&back, &doc);
                use_everything(&back);
            }
            Err(DecodeError::OutOfRange { path, allowed, .. }) => {
                prop_assert!(!in_range, "refused {path}");
                prop_assert!(!path.is_empty() && !allowed.is_empty());
            }
            Err(other) => prop_assert!(false, "{other}"),
        }
    }

    /// Two records of one collection with one id are always refused, and
    /// the error names both.
    #[test]
    fn duplicate_ids_are_always_refused(doc in document(), list in 0usize..4, i in any::<prop::sample::Index>(), j in any::<prop::sample::Index>()) {
        let mut doc = doc;
        let (name, len) = match list {
            0 => ("applications", doc.applications.len()),
            1 => ("contacts", doc.contacts.len()),
            2 => ("entries", doc.entries.len()),
            _ => ("skills", doc.skills.len()),
        };
        if len >= 2 {
            let (i, j) = (i.index(len), j.index(len));
            let (first, second) = if i == j { (0, len - 1) } else { (i.min(j), i.max(j)) };
            fn copy<T>(list: &mut [T], meta: impl Fn(&mut T) -> &mut Meta, from: usize, to: usize) {
                let id = meta(&mut list[from]).id;
                meta(&mut list[to]).id = id;
            }
            match list {
                0 => copy(&mut doc.applications, |r| &mut r.meta, first, second),
                1 => copy(&mut doc.contacts, |r| &mut r.meta, first, second),
                2 => copy(&mut doc.entries, |r| &mut r.meta, first, second),
                _ => copy(&mut doc.skills, |r| &mut r.meta, first, second),
            }
            prop_assert_eq!(
                decode(&encode(&doc)),
                Err(DecodeError::DuplicateId {
                    path: format!("{name}[{second}].meta.id"),
                    first: format!("{name}[{first}]"),
                })
            );
        }
    }

    /// One leaf of the fixture replaced by a hostile value: whatever is
    /// accepted reads back exactly, and exports, totals and shares of it
    /// never panic.
    #[test]
    fn whatever_decode_accepts_can_be_exported(pick in any::<prop::sample::Index>(), replacement in hostile()) {
        let mut value: Value = serde_json::from_str(&fixture()).unwrap();
        let mut leaves = Vec::new();
        leaf_pointers(&value, String::new(), &mut leaves);
        let pointer = &leaves[pick.index(leaves.len())];
        *value.pointer_mut(pointer).unwrap() = replacement;
        if let Ok(doc) = decode(&value.to_string()) {
            prop_assert_eq!(decode(&encode(&doc)).unwrap(), doc.clone());
            use_everything(&doc);
        }
    }

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

/// Regression: two parts of one collection whose record counts add up to
/// more than `usize` holds overflowed the sum (a panic in a debug build)
/// before the record limit was checked.
#[test]
fn a_head_whose_record_counts_overflow_is_refused_without_panicking() {
    use microfolio::domain::packed::{read_head, unpack};
    use microfolio::domain::LIMITS;
    let text = format!(
        r#"{{"format":"microfolio-store","layout":1,"schema_version":3,"revision":0,"parts":[
            {{"kind":"core","key":"c","records":0}},
            {{"kind":"applications","key":"a","records":{max}}},
            {{"kind":"applications","key":"b","records":{max}}}]}}"#,
        max = usize::MAX
    );
    let head = read_head(&text).unwrap().unwrap();
    assert_eq!(
        unpack(&head, |_| None, &LIMITS),
        Err(DecodeError::TooManyRecords {
            path: "applications".into(),
            count: usize::MAX,
            max: LIMITS.max_records,
        })
    );
}
