//! What a decoded document (or shared portfolio) may hold beyond its shape,
//! judged once the whole of it is together: every record id unique within
//! its collection, every date and timestamp within [`YEARS`], and ratings,
//! levels, targets, fees and hours within the ranges the forms allow (the
//! forms' own constants: [`RATINGS`], [`LEVEL_RANGE`], [`MAX_FEE_CENTS`],
//! [`MAX_HOURS`]), and the save revision at most [`MAX_REVISION`].
//!
//! [`crate::domain::decode`] (both its direct read and its checked path),
//! [`crate::domain::packed::unpack`] (after the parts are put together) and
//! [`crate::domain::share::decode_shared`] (with the checks here) run these
//! checks, so nothing that passes them can make a later merge, total or
//! export go wrong: a duplicate id would be merged into a copy of its twin,
//! a date near chrono's limits overflows date arithmetic, a fee near
//! `u64::MAX` overflows a total. A refusal names the field's path, as the
//! deserializer's errors do (`applications[3].meta.id`).

use super::error::DecodeError;
use crate::domain::application::{Application, Money, MAX_FEE_CENTS, MAX_HOURS};
use crate::domain::bounds::{date_in_range, MAX_REVISION, YEARS, YEARS_TEXT};
use crate::domain::contact::Contact;
use crate::domain::document::Document;
use crate::domain::feedback_link::{CompetencyRating, FeedbackAsk};
use crate::domain::portfolio::{Deliverable, Feedback, Milestone, PortfolioEntry, RATINGS};
use crate::domain::profile::Profile;
use crate::domain::record::{Meta, RecordId};
use crate::domain::skill::{Skill, LEVEL_RANGE};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use std::collections::HashMap;
use std::fmt::Display;
use std::ops::RangeInclusive;

/// Where a value sits in the document, built on the stack as the checks
/// descend and written out only for an error.
#[derive(Clone, Copy)]
pub(crate) enum At<'a> {
    Root,
    Key(&'a At<'a>, &'a str),
    Index(&'a At<'a>, usize),
}

impl<'a> At<'a> {
    pub(crate) fn key(&'a self, key: &'a str) -> At<'a> {
        At::Key(self, key)
    }

    pub(crate) fn index(&'a self, i: usize) -> At<'a> {
        At::Index(self, i)
    }

    /// `applications[3].meta.id`, as serde_path_to_error writes paths.
    fn path(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            At::Root => {}
            At::Key(up, key) => {
                up.write(out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            At::Index(up, i) => {
                up.write(out);
                out.push_str(&format!("[{i}]"));
            }
        }
    }
}

fn out_of_range(at: &At, found: impl Display, allowed: impl Into<String>) -> DecodeError {
    DecodeError::OutOfRange {
        path: at.path(),
        found: found.to_string(),
        allowed: allowed.into(),
    }
}

fn date(at: &At, value: NaiveDate) -> Result<(), DecodeError> {
    if date_in_range(value) {
        Ok(())
    } else {
        Err(out_of_range(at, value, format!("a date in {YEARS_TEXT}")))
    }
}

fn opt_date(at: &At, value: Option<NaiveDate>) -> Result<(), DecodeError> {
    value.map_or(Ok(()), |d| date(at, d))
}

pub(crate) fn time(at: &At, value: DateTime<Utc>) -> Result<(), DecodeError> {
    if YEARS.contains(&value.year()) {
        Ok(())
    } else {
        Err(out_of_range(
            at,
            value.to_rfc3339(),
            format!("a time in {YEARS_TEXT}"),
        ))
    }
}

fn meta(at: &At, value: &Meta) -> Result<(), DecodeError> {
    time(&at.key("created"), value.created)?;
    time(&at.key("updated"), value.updated)
}

/// A rating, level or target: `range` is the form's.
pub(crate) fn small(
    at: &At,
    value: Option<u8>,
    range: &RangeInclusive<u8>,
) -> Result<(), DecodeError> {
    match value {
        Some(v) if !range.contains(&v) => Err(out_of_range(
            at,
            v,
            format!("{} to {}", range.start(), range.end()),
        )),
        _ => Ok(()),
    }
}

fn fee(at: &At, value: &Option<Money>) -> Result<(), DecodeError> {
    match value {
        Some(m) => money(&at.key("cents"), m),
        None => Ok(()),
    }
}

fn money(at: &At, value: &Money) -> Result<(), DecodeError> {
    if value.cents <= MAX_FEE_CENTS {
        Ok(())
    } else {
        Err(out_of_range(
            at,
            value.cents,
            format!("0 to {MAX_FEE_CENTS} (cents)"),
        ))
    }
}

/// Hours as the forms store them: 0 to [`MAX_HOURS`]. (The application
/// form refuses 0 typed as such, but rounds 0.01 to 0.0, so 0 must read
/// back.)
fn hours(at: &At, value: Option<f64>) -> Result<(), DecodeError> {
    match value {
        Some(h) if !(0.0..=MAX_HOURS).contains(&h) => {
            Err(out_of_range(at, h, format!("0 to {MAX_HOURS}")))
        }
        _ => Ok(()),
    }
}

/// Refuses a second record with an id already seen in the collection at
/// `list`; `id_key` is where a record keeps its id (`meta.id`, `id`).
pub(crate) fn unique_ids<T>(
    list: &At,
    records: &[T],
    id_key: &[&str],
    id: impl Fn(&T) -> RecordId,
) -> Result<(), DecodeError> {
    let mut seen: HashMap<RecordId, usize> = HashMap::with_capacity(records.len());
    for (i, record) in records.iter().enumerate() {
        if let Some(first) = seen.insert(id(record), i) {
            let at = list.index(i);
            let mut path = at.path();
            for key in id_key {
                path.push('.');
                path.push_str(key);
            }
            return Err(DecodeError::DuplicateId {
                path,
                first: list.index(first).path(),
            });
        }
    }
    Ok(())
}

fn profile(at: &At, p: &Profile) -> Result<(), DecodeError> {
    // The graduation month is bounded by `YearMonth` itself.
    meta(&at.key("meta"), &p.meta)
}

fn application(at: &At, a: &Application) -> Result<(), DecodeError> {
    meta(&at.key("meta"), &a.meta)?;
    hours(&at.key("estimated_hours"), a.estimated_hours)?;
    fee(&at.key("fee"), &a.fee)?;
    opt_date(&at.key("date_found"), a.date_found)?;
    opt_date(&at.key("date_applied"), a.date_applied)?;
    opt_date(&at.key("deadline"), a.deadline)?;
    opt_date(&at.key("start_date"), a.start_date)?;
    opt_date(&at.key("end_date"), a.end_date)?;
    opt_date(&at.key("next_follow_up"), a.next_follow_up)?;
    let history = at.key("history");
    for (i, change) in a.history.iter().enumerate() {
        date(&history.index(i).key("date"), change.date)?;
    }
    Ok(())
}

fn contact(at: &At, c: &Contact) -> Result<(), DecodeError> {
    meta(&at.key("meta"), &c.meta)
}

/// What entries and shared entries have in common.
pub(crate) struct EntryParts<'a> {
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub estimated_hours: Option<f64>,
    pub logged_hours: Option<f64>,
    pub fee: &'a Option<Money>,
    pub deliverables: &'a [Deliverable],
    pub milestones: &'a [Milestone],
}

pub(crate) fn entry_parts(at: &At, e: EntryParts) -> Result<(), DecodeError> {
    opt_date(&at.key("start_date"), e.start_date)?;
    opt_date(&at.key("end_date"), e.end_date)?;
    hours(&at.key("estimated_hours"), e.estimated_hours)?;
    hours(&at.key("logged_hours"), e.logged_hours)?;
    fee(&at.key("fee"), e.fee)?;
    let deliverables = at.key("deliverables");
    for (i, d) in e.deliverables.iter().enumerate() {
        opt_date(&deliverables.index(i).key("date"), d.date)?;
    }
    let milestones = at.key("milestones");
    for (i, m) in e.milestones.iter().enumerate() {
        opt_date(&milestones.index(i).key("due"), m.due)?;
    }
    Ok(())
}

pub(crate) fn feedback(
    at: &At,
    rating: Option<u8>,
    when: Option<NaiveDate>,
) -> Result<(), DecodeError> {
    small(&at.key("rating"), rating, &RATINGS)?;
    opt_date(&at.key("date"), when)
}

fn entry(at: &At, e: &PortfolioEntry) -> Result<(), DecodeError> {
    meta(&at.key("meta"), &e.meta)?;
    entry_parts(
        at,
        EntryParts {
            start_date: e.start_date,
            end_date: e.end_date,
            estimated_hours: e.estimated_hours,
            logged_hours: e.logged_hours,
            fee: &e.fee,
            deliverables: &e.deliverables,
            milestones: &e.milestones,
        },
    )?;
    let Feedback { rating, date, .. } = &e.feedback;
    feedback(&at.key("feedback"), *rating, *date)?;
    feedback_requests(&at.key("feedback_requests"), &e.feedback_requests)
}

/// An entry's feedback requests (`crate::domain::feedback_link`): ids
/// unique on the entry, dates and ratings in range.
fn feedback_requests(list: &At, asks: &[FeedbackAsk]) -> Result<(), DecodeError> {
    let ratings = |list: &At, ratings: &[CompetencyRating]| {
        ratings
            .iter()
            .enumerate()
            .try_for_each(|(i, r)| small(&list.index(i).key("rating"), r.rating, &RATINGS))
    };
    unique_ids(list, asks, &["id"], |a| a.id)?;
    for (i, ask) in asks.iter().enumerate() {
        let at = list.index(i);
        date(&at.key("asked"), ask.asked)?;
        ratings(&at.key("self_before"), &ask.self_before)?;
        ratings(&at.key("self_after"), &ask.self_after)?;
        if let Some(a) = &ask.answer {
            let at = at.key("answer");
            date(&at.key("received"), a.received)?;
            date(&at.key("answered"), a.answered)?;
            small(&at.key("overall"), a.overall, &RATINGS)?;
            ratings(&at.key("competencies"), &a.competencies)?;
        }
    }
    Ok(())
}

fn skill(at: &At, s: &Skill) -> Result<(), DecodeError> {
    meta(&at.key("meta"), &s.meta)?;
    small(&at.key("level"), s.level, &LEVEL_RANGE)?;
    small(&at.key("target"), s.target, &LEVEL_RANGE)
}

/// Every check of a whole document, in document order; the first problem
/// is the error.
pub(crate) fn check_document(doc: &Document) -> Result<(), DecodeError> {
    let root = At::Root;
    time(&root.key("created"), doc.created)?;
    time(&root.key("updated"), doc.updated)?;
    if doc.revision > MAX_REVISION {
        return Err(out_of_range(
            &root.key("revision"),
            doc.revision,
            format!("0 to {MAX_REVISION}"),
        ));
    }
    profile(&root.key("profile"), &doc.profile)?;

    let list = root.key("applications");
    unique_ids(&list, &doc.applications, &["meta", "id"], |a| a.meta.id)?;
    for (i, a) in doc.applications.iter().enumerate() {
        application(&list.index(i), a)?;
    }
    let list = root.key("contacts");
    unique_ids(&list, &doc.contacts, &["meta", "id"], |c| c.meta.id)?;
    for (i, c) in doc.contacts.iter().enumerate() {
        contact(&list.index(i), c)?;
    }
    let list = root.key("entries");
    unique_ids(&list, &doc.entries, &["meta", "id"], |e| e.meta.id)?;
    for (i, e) in doc.entries.iter().enumerate() {
        entry(&list.index(i), e)?;
    }
    let list = root.key("skills");
    unique_ids(&list, &doc.skills, &["meta", "id"], |s| s.meta.id)?;
    for (i, s) in doc.skills.iter().enumerate() {
        skill(&list.index(i), s)?;
    }

    let settings = root.key("settings");
    money(
        &settings.key("pay_floor").key("cents"),
        &doc.settings.pay_floor,
    )?;
    if let Some(t) = doc.settings.last_backup {
        time(&settings.key("last_backup"), t)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::application::tests::{app, at, day};
    use crate::domain::codec::{decode_value, parse_bounded};
    use crate::domain::packed::{plan_save, unpack};
    use crate::domain::share::{build, decode_shared, encode_shared, ShareOptions};
    use crate::domain::{decode, encode, Limits, LIMITS};
    use serde_json::Value;

    fn id(n: u8) -> RecordId {
        RecordId::from_random_bytes([n; 16])
    }

    /// Two records in every collection, every checked value set and valid.
    fn doc() -> Document {
        let mut d = Document::new(at(1, 1), id(1));
        for n in [10, 11] {
            let mut a = app(n, "Acme", "Research", day(3, 1));
            a.estimated_hours = Some(20.0);
            a.fee = Some(Money {
                cents: MAX_FEE_CENTS,
                currency: "USD".into(),
            });
            a.next_follow_up = Some(day(3, 10));
            d.applications.push(a);
            d.contacts
                .push(Contact::new(Meta::new(id(n + 10), at(1, 1))));
            let mut e = PortfolioEntry::new(Meta::new(id(n + 20), at(1, 1)));
            e.end_date = Some(day(4, 1));
            e.logged_hours = Some(0.0);
            e.fee = Some(Money {
                cents: 50_000,
                currency: "EUR".into(),
            });
            e.feedback.rating = Some(5);
            e.feedback.shareable = true;
            e.feedback.quote = "Good".into();
            d.entries.push(e);
            let mut s = Skill::new(Meta::new(id(n + 30), at(1, 1)), format!("Skill {n}"));
            s.level = Some(1);
            s.target = Some(5);
            d.skills.push(s);
        }
        d.entries[0].skills = vec![id(40)];
        d
    }

    fn value() -> Value {
        serde_json::to_value(doc()).unwrap()
    }

    /// Decodes `v` both ways: straight from the text and through the JSON
    /// tree; they must agree.
    fn decode_both(v: &Value) -> Result<Document, DecodeError> {
        let text = v.to_string();
        let direct = decode(&text);
        let checked = decode_value(parse_bounded(&text, &LIMITS).unwrap());
        assert_eq!(
            direct, checked,
            "the direct read and the checked path differ"
        );
        direct
    }

    #[test]
    fn the_sample_is_valid_and_round_trips() {
        assert_eq!(decode_both(&value()), Ok(doc()));
    }

    /// Regression: a backup with two applications sharing an id was
    /// restored and shown; the next merge with another tab's save replaced
    /// the second with a copy of the first.
    #[test]
    fn a_backup_with_two_applications_sharing_an_id_is_refused() {
        let mut v = value();
        v["applications"][1]["meta"]["id"] = v["applications"][0]["meta"]["id"].clone();
        let err = decode_both(&v).unwrap_err();
        assert_eq!(
            err,
            DecodeError::DuplicateId {
                path: "applications[1].meta.id".into(),
                first: "applications[0]".into(),
            }
        );
        assert_eq!(
            err.to_string(),
            "Two records in it have the same id: applications[1].meta.id: \
             the same id as applications[0]."
        );
    }

    #[test]
    fn duplicate_ids_are_refused_in_every_collection() {
        for list in ["applications", "contacts", "entries", "skills"] {
            let mut v = value();
            v[list][1]["meta"]["id"] = v[list][0]["meta"]["id"].clone();
            assert_eq!(
                decode_both(&v),
                Err(DecodeError::DuplicateId {
                    path: format!("{list}[1].meta.id"),
                    first: format!("{list}[0]"),
                }),
                "{list}"
            );
        }
        // One id in two collections is no clash: each is looked up apart.
        let mut v = value();
        v["contacts"][0]["meta"]["id"] = v["applications"][0]["meta"]["id"].clone();
        assert!(decode_both(&v).is_ok());
    }

    /// The stored parts are read one at a time: the check must see the
    /// whole collection once they are put together.
    #[test]
    fn duplicate_ids_in_two_stored_parts_are_refused_once_the_parts_are_together() {
        let mut d = Document::new(at(1, 1), id(1));
        for i in 0..300u32 {
            let mut bytes = [7u8; 16];
            bytes[..4].copy_from_slice(&i.to_be_bytes());
            let mut a = app(1, "Acme", "Research", day(3, 1));
            a.meta.id = RecordId::from_random_bytes(bytes);
            d.applications.push(a);
        }
        let mut map = std::collections::HashMap::new();
        let read = |d: &Document, map: &mut std::collections::HashMap<String, String>| {
            let plan = plan_save(d, None, |i| format!("part.{i}"));
            map.clear();
            map.extend(plan.writes.iter().cloned());
            let parts = plan.head.parts.iter().filter(|p| p.records > 0).count();
            (unpack(&plan.head, |k| map.get(k).cloned(), &LIMITS), parts)
        };
        assert_eq!(read(&d, &mut map).0.as_ref(), Ok(&d));
        d.applications[299].meta.id = d.applications[0].meta.id;
        let (result, parts) = read(&d, &mut map);
        assert!(parts >= 2, "the two records must sit in different parts");
        assert_eq!(
            result,
            Err(DecodeError::DuplicateId {
                path: "applications[299].meta.id".into(),
                first: "applications[0]".into(),
            })
        );
    }

    /// Regression: an imported follow-up of `+262142-12-31` passed the
    /// restore check and then panicked the calendar export.
    #[test]
    fn a_follow_up_in_year_262142_is_refused_at_decode() {
        let mut v = value();
        v["applications"][1]["next_follow_up"] = Value::from("+262142-12-31");
        let err = decode_both(&v).unwrap_err();
        assert_eq!(
            err,
            DecodeError::OutOfRange {
                path: "applications[1].next_follow_up".into(),
                found: "+262142-12-31".into(),
                allowed: "a date in 1900 to 2200".into(),
            }
        );
        assert!(
            err.to_string().contains("applications[1].next_follow_up"),
            "{err}"
        );
    }

    #[test]
    fn every_date_and_timestamp_is_bounded_and_the_edges_are_kept() {
        let dates = [
            "/applications/0/date_found",
            "/applications/0/date_applied",
            "/applications/0/deadline",
            "/applications/0/start_date",
            "/applications/0/end_date",
            "/applications/0/next_follow_up",
            "/applications/0/history/0/date",
            "/entries/1/start_date",
            "/entries/1/end_date",
            "/entries/1/feedback/date",
        ];
        for pointer in dates {
            let path = pointer[1..]
                .replace('/', ".")
                .replace(".0.", "[0].")
                .replace(".1.", "[1].");
            for (text, ok) in [
                ("1900-01-01", true),
                ("2200-12-31", true),
                ("1899-12-31", false),
                ("2201-01-01", false),
                ("-000001-01-01", false),
            ] {
                let mut v = value();
                *v.pointer_mut(pointer).unwrap() = Value::from(text);
                match decode_both(&v) {
                    Ok(_) => assert!(ok, "{pointer} {text} was accepted"),
                    Err(DecodeError::OutOfRange { path: p, .. }) => {
                        assert!(!ok, "{pointer} {text} was refused");
                        assert_eq!(p, path);
                    }
                    Err(other) => panic!("{pointer} {text}: {other}"),
                }
            }
        }
        // Nested list items.
        let mut v = value();
        v["entries"][0]["deliverables"] = serde_json::json!([
            { "title": "Deck", "description": "", "link": null, "date": "2201-01-01" }
        ]);
        assert!(matches!(decode_both(&v),
            Err(DecodeError::OutOfRange { path, .. }) if path == "entries[0].deliverables[0].date"));
        let mut v = value();
        v["entries"][0]["milestones"] = serde_json::json!([
            { "title": "Draft", "due": "1000-01-01", "done": false }
        ]);
        assert!(matches!(decode_both(&v),
            Err(DecodeError::OutOfRange { path, .. }) if path == "entries[0].milestones[0].due"));
        for (pointer, path) in [
            ("/created", "created"),
            ("/updated", "updated"),
            ("/profile/meta/created", "profile.meta.created"),
            (
                "/applications/1/meta/updated",
                "applications[1].meta.updated",
            ),
            ("/contacts/0/meta/created", "contacts[0].meta.created"),
            ("/entries/0/meta/created", "entries[0].meta.created"),
            ("/skills/1/meta/updated", "skills[1].meta.updated"),
            ("/settings/last_backup", "settings.last_backup"),
        ] {
            let mut v = value();
            *v.pointer_mut(pointer).unwrap() = Value::from("+262142-12-31T00:00:00Z");
            assert_eq!(
                decode_both(&v),
                Err(DecodeError::OutOfRange {
                    path: path.into(),
                    found: "+262142-12-31T00:00:00+00:00".into(),
                    allowed: "a time in 1900 to 2200".into(),
                }),
                "{pointer}"
            );
            *v.pointer_mut(pointer).unwrap() = Value::from("2200-12-31T23:59:59Z");
            assert!(decode_both(&v).is_ok(), "{pointer}");
        }
    }

    #[test]
    fn ratings_levels_fees_and_hours_out_of_range_are_refused_naming_path_and_range() {
        let cases: [(&str, Value, &str, &str); 11] = [
            (
                "/entries/1/feedback/rating",
                255.into(),
                "entries[1].feedback.rating",
                "1 to 5",
            ),
            (
                "/entries/0/feedback/rating",
                0.into(),
                "entries[0].feedback.rating",
                "1 to 5",
            ),
            ("/skills/0/level", 77.into(), "skills[0].level", "1 to 5"),
            ("/skills/1/target", 6.into(), "skills[1].target", "1 to 5"),
            (
                "/applications/0/fee/cents",
                u64::MAX.into(),
                "applications[0].fee.cents",
                "0 to 10000000000 (cents)",
            ),
            (
                "/settings/pay_floor/cents",
                (MAX_FEE_CENTS + 1).into(),
                "settings.pay_floor.cents",
                "0 to 10000000000 (cents)",
            ),
            (
                "/applications/1/estimated_hours",
                (-0.5).into(),
                "applications[1].estimated_hours",
                "0 to 2000",
            ),
            (
                "/applications/1/estimated_hours",
                2000.5.into(),
                "applications[1].estimated_hours",
                "0 to 2000",
            ),
            (
                "/entries/1/logged_hours",
                (-1.0).into(),
                "entries[1].logged_hours",
                "0 to 2000",
            ),
            (
                "/entries/1/estimated_hours",
                1e300.into(),
                "entries[1].estimated_hours",
                "0 to 2000",
            ),
            (
                "/revision",
                (MAX_REVISION + 1).into(),
                "revision",
                "0 to 9007199254740991",
            ),
        ];
        for (pointer, bad, path, allowed) in cases {
            let mut v = value();
            *v.pointer_mut(pointer).unwrap() = bad.clone();
            match decode_both(&v) {
                Err(DecodeError::OutOfRange {
                    path: p,
                    allowed: a,
                    found,
                }) => {
                    assert_eq!((p.as_str(), a.as_str()), (path, allowed), "{pointer}");
                    let err = DecodeError::OutOfRange {
                        path: p,
                        found,
                        allowed: a,
                    };
                    assert!(err.to_string().contains(path) && err.to_string().contains(allowed));
                }
                other => panic!("{pointer} = {bad}: {other:?}"),
            }
        }
        // The edges the forms take are kept.
        let mut v = value();
        v["entries"][1]["feedback"]["rating"] = 1.into();
        v["skills"][0]["level"] = 5.into();
        v["applications"][0]["estimated_hours"] = MAX_HOURS.into();
        v["applications"][1]["estimated_hours"] = 0.0.into();
        v["entries"][1]["logged_hours"] = MAX_HOURS.into();
        v["settings"]["pay_floor"]["cents"] = 0.into();
        v["revision"] = MAX_REVISION.into();
        assert!(decode_both(&v).is_ok());
    }

    /// Decoding may refuse only what the app never writes: the edges the
    /// forms accept must read back.
    #[test]
    fn the_edges_the_forms_accept_read_back() {
        use crate::domain::application::{AppField, ApplicationForm};
        use crate::domain::portfolio::EntryField;
        let mut d = doc();
        let mut form = ApplicationForm::default();
        for (field, text) in [
            (AppField::Organization, "Acme"),
            (AppField::Role, "Research"),
            // Rounded to 0.0, which must read back.
            (AppField::EstimatedHours, "0.01"),
            (AppField::Fee, "100,000,000"),
            (AppField::DateFound, "1900-01-01"),
            (AppField::NextFollowUp, "2200-12-31"),
        ] {
            form.set(field, text);
        }
        let a = form.parse(&d.applications[0], at(5, 1)).unwrap();
        assert_eq!(a.estimated_hours, Some(0.0));
        assert_eq!(a.fee.as_ref().map(|m| m.cents), Some(MAX_FEE_CENTS));
        d.applications[0] = a;
        let mut entry_form = d.entries[0].to_form(|_| None);
        entry_form.set(EntryField::Title, "Deck");
        entry_form.set(EntryField::Organization, "Acme");
        entry_form.set(EntryField::LoggedHours, "0");
        entry_form.set(EntryField::EstimatedHours, "2000");
        entry_form.set(EntryField::FeedbackRating, "1");
        let parsed = entry_form.parse(&d.entries[0]).unwrap();
        d.save_entry(parsed, at(5, 1), || id(90));
        d.skills[0].level = LEVEL_RANGE.max();
        d.skills[0].target = LEVEL_RANGE.min();
        assert_eq!(decode(&encode(&d)), Ok(d));
    }

    #[test]
    fn the_first_problem_in_document_order_is_named() {
        let mut v = value();
        v["skills"][0]["level"] = 9.into();
        v["applications"][1]["deadline"] = Value::from("2500-01-01");
        assert!(matches!(decode_both(&v),
            Err(DecodeError::OutOfRange { path, .. }) if path == "applications[1].deadline"));
    }

    #[test]
    fn older_versions_are_judged_after_their_migration() {
        let mut v = value();
        let object = v.as_object_mut().unwrap();
        for key in ["entries", "skills", "settings", "revision"] {
            object.remove(key);
        }
        object.insert("schema_version".into(), 2.into());
        assert!(decode(&v.to_string()).is_ok());
        v["contacts"][1]["meta"]["id"] = v["contacts"][0]["meta"]["id"].clone();
        assert!(matches!(
            decode(&v.to_string()),
            Err(DecodeError::DuplicateId { path, .. }) if path == "contacts[1].meta.id"
        ));
    }

    fn share_value() -> Value {
        let options = ShareOptions {
            fees: true,
            private_entries: true,
            ..ShareOptions::default()
        };
        serde_json::to_value(build(&doc(), &options, at(5, 1))).unwrap()
    }

    #[test]
    fn a_share_with_duplicate_ids_or_values_out_of_range_is_refused() {
        let v = share_value();
        assert!(decode_shared(&v.to_string()).is_ok());
        assert_eq!(v["entries"].as_array().unwrap().len(), 2);
        for list in ["entries", "skills"] {
            let mut v = share_value();
            v[list][1]["id"] = v[list][0]["id"].clone();
            assert_eq!(
                decode_shared(&v.to_string()),
                Err(DecodeError::DuplicateId {
                    path: format!("{list}[1].id"),
                    first: format!("{list}[0]"),
                }),
                "{list}"
            );
        }
        let mut v = share_value();
        v["people"] = serde_json::json!([
            { "id": id(60), "name": "A", "kind": "mentor", "organization": "", "url": null, "email": "", "phone": "", "notes": "" },
            { "id": id(60), "name": "B", "kind": "mentor", "organization": "", "url": null, "email": "", "phone": "", "notes": "" }
        ]);
        assert!(matches!(decode_shared(&v.to_string()),
            Err(DecodeError::DuplicateId { path, .. }) if path == "people[1].id"));
        for (pointer, bad, path) in [
            (
                "/entries/0/feedback/rating",
                Value::from(255),
                "entries[0].feedback.rating",
            ),
            ("/skills/0/level", Value::from(0), "skills[0].level"),
            (
                "/entries/1/fee/cents",
                Value::from(u64::MAX),
                "entries[1].fee.cents",
            ),
            (
                "/entries/1/end_date",
                Value::from("+262142-12-31"),
                "entries[1].end_date",
            ),
            (
                "/entries/0/logged_hours",
                Value::from(-0.5),
                "entries[0].logged_hours",
            ),
            ("/exported", Value::from("0001-01-01T00:00:00Z"), "exported"),
        ] {
            let mut v = share_value();
            *v.pointer_mut(pointer)
                .unwrap_or_else(|| panic!("{pointer}")) = bad;
            assert!(
                matches!(decode_shared(&v.to_string()),
                    Err(DecodeError::OutOfRange { path: ref p, .. }) if p == path),
                "{pointer}"
            );
        }
        // What `build` writes always reads back.
        let share = build(&doc(), &ShareOptions::default(), at(5, 1));
        assert_eq!(decode_shared(&encode_shared(&share)), Ok(share));
    }

    #[test]
    fn the_checked_path_alone_judges_the_same() {
        let mut v: Value = serde_json::from_str(&encode(&doc())).unwrap();
        // 60 bytes, 30 characters: over these limits for the byte scan,
        // within them for the checks, so only the checked path runs.
        v["profile"]["headline"] = Value::from("é".repeat(30));
        let tight = Limits {
            max_string_chars: 40,
            ..LIMITS
        };
        let read = |v: &Value| crate::domain::decode_within(&v.to_string(), &tight);
        assert!(read(&v).is_ok());
        v["skills"][1]["target"] = 8.into();
        assert!(matches!(
            read(&v),
            Err(DecodeError::OutOfRange { path, .. }) if path == "skills[1].target"
        ));
        v["skills"][1]["target"] = 4.into();
        v["entries"][1]["meta"]["id"] = v["entries"][0]["meta"]["id"].clone();
        assert!(matches!(
            read(&v),
            Err(DecodeError::DuplicateId { path, .. }) if path == "entries[1].meta.id"
        ));
    }

    #[test]
    fn paths_are_written_as_the_deserializer_writes_them() {
        let root = At::Root;
        let apps = root.key("applications");
        let third = apps.index(3);
        assert_eq!(
            third.key("history").index(0).key("date").path(),
            "applications[3].history[0].date"
        );
        assert_eq!(root.key("revision").path(), "revision");
    }
}
