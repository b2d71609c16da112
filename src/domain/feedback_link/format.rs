//! The two link formats: the request a student sends and the response a
//! supervisor sends back, as JSON (compressed and base64url-encoded in a
//! link's fragment by the UI, like a share link). Each has a `format`, a
//! `version` and an id; both are read as untrusted text
//! ([`decode_request`], [`decode_response`]): capped, shape-checked with
//! unknown fields refused, every text length and rating checked.
//!
//! A request carries only what the supervisor needs: the student's name
//! (and e-mail, if the student chose, so the answer can be mailed back),
//! the entry's title, organization, dates and deliverables' titles, the
//! questions, the request id and the seal key. Nothing else of the entry
//! (fees, notes, reflection, skills, links, contacts) goes in.

use super::competencies::{MAX_COMPETENCIES, SCALE};
use super::Questions;
use crate::domain::codec::{deserialize_with_path, parse_bounded, DecodeError, Limits};
use crate::domain::validate::check_email;
use crate::domain::RecordId;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub const REQUEST_FORMAT: &str = "microfolio-feedback-request";
pub const RESPONSE_FORMAT: &str = "microfolio-feedback-response";
/// The version of both formats this build writes and reads.
pub const LINK_VERSION: u32 = 1;
/// Longest link data (after the route) read; longer is refused unread.
pub const MAX_LINK_DATA_CHARS: usize = 24_000;
/// What a request or response may unpack to: far more than any needs.
pub const LINK_LIMITS: Limits = Limits {
    max_bytes: 64 * 1024,
    max_depth: 6,
    max_string_chars: 4_000,
    max_records: 40,
};
/// Longest name, title, organization or deliverable title.
pub const MAX_SHORT: usize = 200;
/// Longest comment on one competency.
pub const MAX_COMMENT: usize = 1_000;
/// Longest overall comment or "what we gained".
pub const MAX_LONG: usize = 2_000;
/// Most deliverables listed in a request.
pub const MAX_DELIVERABLES: usize = 20;

/// The project as the supervisor sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    pub title: String,
    pub organization: String,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    /// The deliverables' titles.
    pub deliverables: Vec<String>,
}

/// A feedback request, as the link carries it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeedbackRequest {
    pub format: String,
    pub version: u32,
    pub id: RecordId,
    /// The seal key (base64url of 32 random bytes).
    pub key: String,
    pub student: String,
    /// The student's e-mail, for the answer's `mailto:`; empty for none.
    pub reply_to: String,
    pub project: Project,
    pub questions: Questions,
}

with_answer! {
    /// A supervisor's answer, as the link back carries it.
    #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct FeedbackResponse {
        pub format: String,
        pub version: u32,
        /// The response's own id.
        pub id: RecordId,
        /// The request it answers.
        pub request: RecordId,
        ..answer,
        /// HMAC-SHA256 (base64url) of [`sealed_text`] under the request's key.
        pub seal: String,
    }
}

/// Why a link could not be read (every message says what to do).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    #[error("It cannot be read: {0}")]
    Decode(#[from] DecodeError),
    #[error("It is not a Microfolio {0} link.")]
    WrongFormat(&'static str),
    #[error("It was made by a newer version of Microfolio (version {0}; this copy reads {LINK_VERSION}).")]
    Newer(u64),
    #[error("It has no valid version.")]
    NoVersion,
    #[error("It is not a sound {what}: {why}.")]
    Invalid { what: &'static str, why: String },
}

/// The request as link text (JSON).
pub fn encode_request(request: &FeedbackRequest) -> String {
    serde_json::to_string(request).expect("a request always serializes")
}

/// The response as link text (JSON).
pub fn encode_response(response: &FeedbackResponse) -> String {
    serde_json::to_string(response).expect("a response always serializes")
}

/// What the seal covers: the response's canonical text with an empty seal
/// (its fields in their fixed order, as this build writes them).
pub fn sealed_text(response: &FeedbackResponse) -> String {
    encode_response(&FeedbackResponse {
        seal: String::new(),
        ..response.clone()
    })
}

/// Reads a request from untrusted text.
pub fn decode_request(text: &str) -> Result<FeedbackRequest, LinkError> {
    let value = envelope(text, REQUEST_FORMAT, "feedback request")?;
    let request: FeedbackRequest = deserialize_with_path(value)?;
    check_request(&request).map_err(|why| LinkError::Invalid {
        what: "feedback request",
        why,
    })?;
    Ok(request)
}

/// Reads a response from untrusted text (the seal is checked by the UI).
pub fn decode_response(text: &str) -> Result<FeedbackResponse, LinkError> {
    let value = envelope(text, RESPONSE_FORMAT, "feedback answer")?;
    let response: FeedbackResponse = deserialize_with_path(value)?;
    check_response(&response).map_err(|why| LinkError::Invalid {
        what: "feedback answer",
        why,
    })?;
    Ok(response)
}

fn envelope(text: &str, format: &str, name: &'static str) -> Result<Value, LinkError> {
    let value = parse_bounded(text, &LINK_LIMITS)?;
    if value.get("format").and_then(Value::as_str) != Some(format) {
        return Err(LinkError::WrongFormat(name));
    }
    match value.get("version").and_then(Value::as_u64) {
        Some(v) if v > u64::from(LINK_VERSION) => Err(LinkError::Newer(v)),
        Some(v) if v >= 1 => Ok(value),
        _ => Err(LinkError::NoVersion),
    }
}

/// `text` is at most `max` characters and has no control character but
/// line breaks and tabs, and no bidirectional override (which could make a
/// name read as something else).
fn text(field: &str, text: &str, max: usize) -> Result<(), String> {
    if text.chars().count() > max {
        return Err(format!("{field} is longer than {max} characters"));
    }
    if text.chars().any(|c| {
        c.is_control() && !matches!(c, '\n' | '\r' | '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    }) {
        return Err(format!("{field} has control characters"));
    }
    Ok(())
}

fn date(field: &str, d: Option<NaiveDate>) -> Result<(), String> {
    use chrono::Datelike;
    match d {
        Some(d) if !(1900..=2200).contains(&d.year()) => {
            Err(format!("{field} is not a date in 1900–2200"))
        }
        _ => Ok(()),
    }
}

fn rating(field: &str, r: Option<u8>) -> Result<(), String> {
    match r {
        Some(r) if !SCALE.contains(&r) => Err(format!("{field} is {r}, not 1 to 5")),
        _ => Ok(()),
    }
}

/// The asked competencies: 1 to 200 characters each, no repeats, at most
/// [`MAX_COMPETENCIES`].
pub fn check_questions(q: &Questions) -> Result<(), String> {
    if q.competencies.len() > MAX_COMPETENCIES {
        return Err(format!(
            "it asks about more than {MAX_COMPETENCIES} competencies"
        ));
    }
    for (i, name) in q.competencies.iter().enumerate() {
        text("a competency's name", name, MAX_SHORT)?;
        if name.trim().is_empty() {
            return Err("a competency has no name".into());
        }
        if q.competencies[..i]
            .iter()
            .any(|n| n.eq_ignore_ascii_case(name))
        {
            return Err(format!("it asks about “{name}” twice"));
        }
    }
    if q.is_empty() {
        return Err("it asks nothing".into());
    }
    Ok(())
}

fn check_request(r: &FeedbackRequest) -> Result<(), String> {
    text("the student's name", &r.student, MAX_SHORT)?;
    if r.student.trim().is_empty() {
        return Err("it has no student's name".into());
    }
    if !r.reply_to.is_empty() && check_email(&r.reply_to).is_err() {
        return Err("its reply address is not an e-mail address".into());
    }
    if r.key.len() != 43 || super::super::share::from_base64url(&r.key).is_err() {
        return Err("its key is damaged".into());
    }
    let p = &r.project;
    text("the title", &p.title, MAX_SHORT)?;
    text("the organization", &p.organization, MAX_SHORT)?;
    date("the start date", p.start_date)?;
    date("the end date", p.end_date)?;
    if p.deliverables.len() > MAX_DELIVERABLES {
        return Err(format!(
            "it lists more than {MAX_DELIVERABLES} deliverables"
        ));
    }
    for d in &p.deliverables {
        text("a deliverable", d, MAX_SHORT)?;
    }
    check_questions(&r.questions)
}

fn check_response(r: &FeedbackResponse) -> Result<(), String> {
    text("the name", &r.name, MAX_SHORT)?;
    if r.name.trim().is_empty() {
        return Err("it gives no name".into());
    }
    text("the title", &r.title, MAX_SHORT)?;
    date("its date", Some(r.answered))?;
    rating("the overall rating", r.overall)?;
    text("the comment", &r.comment, MAX_LONG)?;
    text("what was gained", &r.gained, MAX_LONG)?;
    if r.competencies.len() > MAX_COMPETENCIES {
        return Err(format!(
            "it rates more than {MAX_COMPETENCIES} competencies"
        ));
    }
    for c in &r.competencies {
        text("a competency's name", &c.name, MAX_SHORT)?;
        rating(&format!("the rating of “{}”", c.name), c.rating)?;
        text("a competency's comment", &c.comment, MAX_COMMENT)?;
    }
    if r.seal.len() != 43 {
        return Err("it has no seal".into());
    }
    Ok(())
}

/// A `mailto:` with a subject and a body (RFC 6068: every byte but the
/// unreserved ones percent-encoded, line breaks as CRLF). `to` must be an
/// e-mail address; `None` when it is not.
pub fn mailto(to: &str, subject: &str, body: &str) -> Option<String> {
    let to = to.trim();
    check_email(to).ok()?;
    Some(format!(
        "mailto:{}?subject={}&body={}",
        encode(to, b"@"),
        encode(subject, b""),
        encode(&body.replace("\r\n", "\n").replace('\n', "\r\n"), b"")
    ))
}

fn encode(text: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) || keep.contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The e-mail that sends a request.
pub fn request_mail(request: &FeedbackRequest, link: &str) -> (String, String) {
    let p = &request.project;
    let at = if p.organization.is_empty() {
        String::new()
    } else {
        format!(" at {}", p.organization)
    };
    let subject = format!("Feedback on “{}”?", p.title);
    let body = format!(
        "Hello,\n\nCould you give me feedback on my work on “{}”{at}? It takes a few minutes and needs no account: the link opens a short form, and your answer comes back to me as a link. Nothing is stored on a server.\n\n{link}\n\nThank you,\n{}",
        p.title, request.student
    );
    (subject, body)
}

/// The e-mail that sends an answer back.
pub fn response_mail(
    request: &FeedbackRequest,
    response: &FeedbackResponse,
    link: &str,
) -> (String, String) {
    let subject = format!("My feedback on “{}”", request.project.title);
    let body = format!(
        "Hello {},\n\nHere is my feedback on “{}”. Open the link in the browser where you keep your Microfolio to add it to your portfolio.\n\n{link}\n\n{}",
        request.student, request.project.title, response.name
    );
    (subject, body)
}
