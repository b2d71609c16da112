//! The request and response formats, matching, duplicates, tampering and
//! the config list.

use super::competencies::{default_list, NACE};
use super::format::*;
use super::matching::{attach, build_request, find, judge, remember, Refusal};
use super::{CompetencyRating, Questions};
use crate::domain::config::parse_config;
use crate::domain::document::tests::{now, sample};
use crate::domain::portfolio::{Deliverable, Feedback};
use crate::domain::{decode, encode, Document, Meta, PortfolioEntry, RecordId};
use chrono::NaiveDate;

const KEY: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";

fn id(n: u8) -> RecordId {
    RecordId::from_random_bytes([n; 16])
}

pub(super) fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn questions() -> Questions {
    Questions {
        overall: true,
        competencies: vec!["Communication".into(), "Teamwork".into()],
        gained: true,
    }
}

/// A document with one entry (fee, notes, reflection: none of which may
/// travel) and a request remembered on it.
pub(super) fn doc_with_request() -> (Document, FeedbackRequest) {
    let mut doc = sample();
    let mut e = PortfolioEntry::new(Meta::new(id(1), now()));
    e.title = "Market sizing deck".into();
    e.organization = "Acme".into();
    e.start_date = Some(day(2));
    e.end_date = Some(day(20));
    e.reflection = "Private reflection".into();
    e.tags = vec!["secret-tag".into()];
    e.deliverables.push(Deliverable {
        title: "Deck".into(),
        description: "Secret description".into(),
        link: None,
        date: None,
    });
    doc.entries.push(e.clone());
    let request = build_request(&e, "Ada", "ada@example.org", questions(), id(2), KEY.into());
    assert!(remember(&mut doc, id(1), &request, day(21), now()));
    (doc, request)
}

pub(super) fn response(n: u8) -> FeedbackResponse {
    FeedbackResponse {
        format: RESPONSE_FORMAT.into(),
        version: LINK_VERSION,
        id: id(n),
        request: id(2),
        answered: day(22),
        name: "Grace Hopper".into(),
        title: "CTO".into(),
        overall: Some(5),
        comment: "Clear and on time.".into(),
        competencies: vec![CompetencyRating {
            name: "Communication".into(),
            rating: Some(4),
            comment: "Good slides.".into(),
        }],
        gained: "A deck for the board.".into(),
        shareable: true,
        seal: "s".repeat(43),
    }
}

#[test]
fn a_request_carries_only_what_the_supervisor_needs_and_reads_back() {
    let (_, request) = doc_with_request();
    let text = encode_request(&request);
    for private in [
        "Private reflection",
        "Secret description",
        "secret-tag",
        "\"fee\"",
        "\"skills\"",
    ] {
        assert!(!text.contains(private), "{private} in {text}");
    }
    assert!(text.contains("\"format\":\"microfolio-feedback-request\""));
    assert!(text.contains("\"version\":1"));
    assert!(text.contains(&id(2).to_string()));
    assert_eq!(request.project.deliverables, ["Deck"]);
    assert_eq!(decode_request(&text).unwrap(), request);
}

#[test]
fn a_response_round_trips_and_its_sealed_text_leaves_the_seal_out() {
    let r = response(3);
    assert_eq!(decode_response(&encode_response(&r)).unwrap(), r);
    let sealed = sealed_text(&r);
    assert!(sealed.contains("\"seal\":\"\""));
    let mut other = r.clone();
    other.seal = "t".repeat(43);
    assert_eq!(
        sealed_text(&other),
        sealed,
        "the seal is not part of what it seals"
    );
    other.comment.push('!');
    assert_ne!(sealed_text(&other), sealed, "every field is");
}

#[test]
fn the_wrong_format_a_newer_version_or_extra_fields_are_refused() {
    let (_, request) = doc_with_request();
    let text = encode_request(&request);
    assert_eq!(
        decode_response(&text),
        Err(LinkError::WrongFormat("feedback answer"))
    );
    let newer = text.replace("\"version\":1", "\"version\":2");
    assert_eq!(decode_request(&newer), Err(LinkError::Newer(2)));
    let none = text.replace("\"version\":1", "\"version\":0");
    assert_eq!(decode_request(&none), Err(LinkError::NoVersion));
    let extra = text.replacen('{', "{\"fee\":500,", 1);
    assert!(matches!(decode_request(&extra), Err(LinkError::Decode(_))));
}

#[test]
fn hostile_links_are_refused_by_size_depth_and_shape() {
    let deep = format!("{}{}", "[".repeat(50), "]".repeat(50));
    assert!(matches!(decode_request(&deep), Err(LinkError::Decode(_))));
    let huge = format!("\"{}\"", "a".repeat(70_000));
    assert!(matches!(decode_response(&huge), Err(LinkError::Decode(_))));
    let mut r = response(3);
    r.comment = "x".repeat(MAX_LONG + 1);
    assert!(matches!(
        decode_response(&encode_response(&r)),
        Err(LinkError::Invalid { .. })
    ));
    let mut r = response(3);
    r.competencies[0].rating = Some(9);
    let e = decode_response(&encode_response(&r)).unwrap_err();
    assert!(e.to_string().contains("not 1 to 5"), "{e}");
    let mut r = response(3);
    r.name = "Eve\u{202e}".into();
    assert!(
        decode_response(&encode_response(&r)).is_err(),
        "bidi/control characters"
    );
    let (_, mut q) = doc_with_request();
    q.questions.competencies.push("communication".into());
    assert!(decode_request(&encode_request(&q))
        .unwrap_err()
        .to_string()
        .contains("twice"));
    q.questions = Questions::default();
    assert!(decode_request(&encode_request(&q))
        .unwrap_err()
        .to_string()
        .contains("asks nothing"));
    let (_, mut q) = doc_with_request();
    q.key = "short".into();
    assert!(decode_request(&encode_request(&q)).is_err());
    q.key = KEY.into();
    q.reply_to = "javascript:alert(1)".into();
    assert!(decode_request(&encode_request(&q)).is_err());
}

#[test]
fn markup_in_a_link_is_kept_as_text() {
    let mut r = response(3);
    r.comment = "<img src=x onerror=alert(1)> https://evil.example".into();
    assert_eq!(
        decode_response(&encode_response(&r)).unwrap().comment,
        r.comment
    );
}

#[test]
fn a_sound_answer_is_matched_to_its_entry_and_attached() {
    let (mut doc, _) = doc_with_request();
    let verdict = judge(&doc, &response(3), true, day(23)).unwrap();
    assert_eq!((verdict.entry, verdict.replaces), (id(1), None));
    assert!(attach(&mut doc, verdict, now()));
    let (entry, ask) = find(&doc, id(2)).unwrap();
    let answer = ask.answer.as_ref().unwrap();
    assert_eq!(
        (answer.name.as_str(), answer.received),
        ("Grace Hopper", day(23))
    );
    // The entry had no feedback: the overall answer becomes it.
    assert_eq!(
        entry.feedback,
        Feedback {
            quote: "Clear and on time.".into(),
            rating: Some(5),
            date: Some(day(22)),
            shareable: true
        }
    );
    // And it survives the stored format.
    assert_eq!(decode(&encode(&doc)).unwrap(), doc);
}

#[test]
fn feedback_typed_by_the_student_is_not_overwritten() {
    let (mut doc, _) = doc_with_request();
    doc.entries[0].feedback.quote = "Typed by me".into();
    let verdict = judge(&doc, &response(3), true, day(23)).unwrap();
    assert!(attach(&mut doc, verdict, now()));
    assert_eq!(doc.entries[0].feedback.quote, "Typed by me");
    assert!(doc.entries[0].feedback_requests[0].answer.is_some());
}

#[test]
fn unknown_changed_and_duplicate_answers_are_refused_with_nothing_changed() {
    let (mut doc, _) = doc_with_request();
    let before = doc.clone();
    let mut stranger = response(3);
    stranger.request = id(7);
    assert_eq!(judge(&doc, &stranger, true, day(23)), Err(Refusal::Unknown));
    assert!(matches!(
        judge(&doc, &response(3), false, day(23)),
        Err(Refusal::Changed(_))
    ));
    let mut unasked = response(3);
    unasked.competencies[0].name = "Leadership".into();
    assert!(matches!(
        judge(&doc, &unasked, true, day(23)),
        Err(Refusal::Changed(_))
    ));
    assert_eq!(doc, before);

    let verdict = judge(&doc, &response(3), true, day(23)).unwrap();
    attach(&mut doc, verdict, now());
    let attached = doc.clone();
    assert_eq!(
        judge(&doc, &response(3), true, day(24)),
        Err(Refusal::Duplicate("Market sizing deck".into()))
    );
    // A second, different answer is flagged: it would replace the first.
    let second = judge(&doc, &response(4), true, day(24)).unwrap();
    assert_eq!(second.replaces, Some(day(22)));
    assert_eq!(doc, attached);
}

#[test]
fn an_answer_is_not_attached_to_an_entry_deleted_since_judging() {
    let (mut doc, _) = doc_with_request();
    let verdict = judge(&doc, &response(3), true, day(23)).unwrap();
    doc.entries.clear();
    let before = doc.clone();
    assert!(!attach(&mut doc, verdict, now()));
    assert_eq!(doc, before);
}

#[test]
fn stored_requests_are_checked_like_the_rest_of_the_document() {
    let (mut doc, _) = doc_with_request();
    doc.entries[0].feedback_requests[0]
        .self_before
        .push(CompetencyRating {
            name: "Teamwork".into(),
            rating: Some(6),
            comment: String::new(),
        });
    let e = decode(&encode(&doc)).unwrap_err().to_string();
    assert!(
        e.contains("entries[0].feedback_requests[0].self_before[0].rating"),
        "{e}"
    );
    let (mut doc, _) = doc_with_request();
    let again = doc.entries[0].feedback_requests[0].clone();
    doc.entries[0].feedback_requests.push(again);
    assert!(decode(&encode(&doc))
        .unwrap_err()
        .to_string()
        .contains("same id"));
}

#[test]
fn a_mailto_encodes_subject_and_body_and_needs_an_address() {
    let (_, request) = doc_with_request();
    let (subject, body) = request_mail(&request, "https://x.example/#/feedback/abc");
    let url = mailto("grace@acme.example", &subject, &body).unwrap();
    assert!(url.starts_with("mailto:grace@acme.example?subject=Feedback%20on%20"));
    assert!(url.contains("%0D%0A%0D%0Ahttps%3A%2F%2Fx.example%2F%23%2Ffeedback%2Fabc"));
    assert!(!url[7..].contains(['&', '?'].as_ref()) || url.matches('&').count() == 1);
    assert_eq!(mailto("", &subject, &body), None);
    assert_eq!(mailto("a@b.example?cc=x@y.example", "s", "b"), None);
}

#[test]
fn the_config_replaces_the_competency_list_or_keeps_nace() {
    assert_eq!(parse_config("{}").unwrap().competencies, default_list());
    assert_eq!(NACE.len(), 8);
    let c =
        parse_config(r#"{"competencies": ["Client focus", " Data literacy ", "client focus"]}"#)
            .unwrap();
    assert_eq!(c.competencies, ["Client focus", "Data literacy"]);
    let e = parse_config(r#"{"competencies": []}"#).unwrap_err();
    assert!(e[0].contains("competencies: list at least one"), "{e:?}");
    let long: Vec<String> = (0..21).map(|i| format!("\"C{i}\"")).collect();
    let e = parse_config(&format!("{{\"competencies\": [{}]}}", long.join(","))).unwrap_err();
    assert!(e[0].contains("more than 20"), "{e:?}");
}

/// Guards the field order `with_answer!` gives both formats: the seal
/// covers the response's text as written, so every deployment's build must
/// write the same order; the stored answer keeps the v4 fixture's order.
#[test]
fn the_response_and_the_stored_answer_keep_their_field_order() {
    let in_order = |text: &str, keys: &[&str]| {
        let at: Vec<usize> = keys
            .iter()
            .map(|k| text.find(&format!("\"{k}\":")).expect(k))
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{keys:?} in {text}");
    };
    let answer = [
        "answered",
        "name",
        "title",
        "overall",
        "comment",
        "competencies",
        "gained",
        "shareable",
    ];
    let link = encode_response(&response(3));
    in_order(
        &link,
        &[
            &["format", "version", "id", "request"][..],
            &answer,
            &["seal"],
        ]
        .concat(),
    );
    let (doc, _) = doc_with_request();
    let verdict = judge(&doc, &decode_response(&link).unwrap(), true, day(23)).unwrap();
    let stored = serde_json::to_string(verdict.answer()).unwrap();
    in_order(&stored, &[&["response", "received"][..], &answer].concat());
}
