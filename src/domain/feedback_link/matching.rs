//! Making a request from an entry and bringing an answer home: the request
//! is remembered on its entry ([`remember`]); a response is matched to it
//! by the request id ([`judge`]) and attached ([`attach`]) only as judged.
//!
//! A response is refused, with nothing changed, when its request is not
//! in this document ([`Refusal::Unknown`]), when its seal does not match
//! or it answers what was not asked ([`Refusal::Changed`]), or when it is
//! already attached ([`Refusal::Duplicate`]). A second, different answer
//! to one request is flagged: it replaces the first only when the student
//! says so ([`Verdict::replaces`]).

use super::format::{FeedbackRequest, FeedbackResponse, Project, LINK_VERSION, REQUEST_FORMAT};
use super::{FeedbackAsk, Questions, ReceivedAnswer};
use crate::domain::{Document, PortfolioEntry, RecordId};
use chrono::{DateTime, NaiveDate, Utc};

/// The request link's content for `entry`. `reply_to` is the student's
/// e-mail when they chose to include it.
pub fn build_request(
    entry: &PortfolioEntry,
    student: &str,
    reply_to: &str,
    questions: Questions,
    id: RecordId,
    key: String,
) -> FeedbackRequest {
    FeedbackRequest {
        format: REQUEST_FORMAT.into(),
        version: LINK_VERSION,
        id,
        key,
        student: student.trim().to_owned(),
        reply_to: reply_to.trim().to_owned(),
        project: Project {
            title: entry.title.clone(),
            organization: entry.organization.clone(),
            start_date: entry.start_date,
            end_date: entry.end_date,
            deliverables: entry.deliverables.iter().map(|d| d.title.clone()).collect(),
        },
        questions,
    }
}

/// Remembers `request` on entry `entry` (so its answer can come home).
/// False when the entry is gone.
pub fn remember(
    doc: &mut Document,
    entry: RecordId,
    request: &FeedbackRequest,
    asked: NaiveDate,
    now: DateTime<Utc>,
) -> bool {
    let Some(e) = doc.entries.iter_mut().find(|e| e.meta.id == entry) else {
        return false;
    };
    e.feedback_requests.push(FeedbackAsk {
        id: request.id,
        key: request.key.clone(),
        asked,
        questions: request.questions.clone(),
        self_before: Vec::new(),
        self_after: Vec::new(),
        answer: None,
    });
    e.meta.touch(now);
    doc.touch(now);
    true
}

/// The entry and request a response answers, if this document has it.
pub fn find(doc: &Document, request: RecordId) -> Option<(&PortfolioEntry, &FeedbackAsk)> {
    doc.entries.iter().find_map(|e| {
        e.feedback_requests
            .iter()
            .find(|a| a.id == request)
            .map(|a| (e, a))
    })
}

/// Why a response is not attached.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("This answer is for a feedback request that this browser did not make (or whose entry was deleted). Open it in the browser where you asked for it.")]
    Unknown,
    #[error("This answer was changed after it was made, or was not made from your request ({0}). It was not added. Ask your supervisor to send the link again.")]
    Changed(&'static str),
    #[error("This answer is already on the entry “{0}”. Nothing was changed.")]
    Duplicate(String),
}

/// A response judged sound, ready to attach.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    pub entry: RecordId,
    pub entry_title: String,
    /// The request answered.
    pub request: RecordId,
    /// The date of an earlier, different answer to the same request, which
    /// attaching replaces.
    pub replaces: Option<NaiveDate>,
    answer: ReceivedAnswer,
}

impl Verdict {
    pub fn answer(&self) -> &ReceivedAnswer {
        &self.answer
    }
}

/// Judges `response` against the document. `seal_valid`: whether its seal
/// is the HMAC of its text under the request's key (checked by the UI
/// with Web Crypto, using [`find`]'s key).
pub fn judge(
    doc: &Document,
    response: &FeedbackResponse,
    seal_valid: bool,
    received: NaiveDate,
) -> Result<Verdict, Refusal> {
    let (entry, ask) = find(doc, response.request).ok_or(Refusal::Unknown)?;
    if !seal_valid {
        return Err(Refusal::Changed("its seal does not match"));
    }
    let q = &ask.questions;
    if response.overall.is_some() && !q.overall || !response.gained.is_empty() && !q.gained {
        return Err(Refusal::Changed("it answers a question you did not ask"));
    }
    if response
        .competencies
        .iter()
        .any(|c| !q.competencies.contains(&c.name))
    {
        return Err(Refusal::Changed(
            "it rates a competency you did not ask about",
        ));
    }
    if let Some(previous) = &ask.answer {
        if previous.response == response.id {
            return Err(Refusal::Duplicate(entry.title.clone()));
        }
    }
    Ok(Verdict {
        entry: entry.meta.id,
        entry_title: entry.title.clone(),
        request: ask.id,
        replaces: ask.answer.as_ref().map(|a| a.answered),
        answer: ReceivedAnswer {
            response: response.id,
            received,
            answered: response.answered,
            name: response.name.trim().to_owned(),
            title: response.title.trim().to_owned(),
            overall: response.overall,
            comment: response.comment.trim().to_owned(),
            competencies: response.competencies.clone(),
            gained: response.gained.trim().to_owned(),
            shareable: response.shareable,
        },
    })
}

/// Attaches a judged answer to its request. When the entry has no
/// feedback of its own yet, the answer's overall comment and rating become
/// it (so the printable portfolio, the share and JSON Resume show it,
/// shareable only if the supervisor allowed). False when the entry or the
/// request is gone since judging.
pub fn attach(doc: &mut Document, verdict: Verdict, now: DateTime<Utc>) -> bool {
    let Some(entry) = doc.entries.iter_mut().find(|e| e.meta.id == verdict.entry) else {
        return false;
    };
    let Some(ask) = entry
        .feedback_requests
        .iter_mut()
        .find(|a| a.id == verdict.request)
    else {
        return false;
    };
    let a = verdict.answer;
    if entry.feedback.is_empty() && (!a.comment.is_empty() || a.overall.is_some()) {
        entry.feedback = crate::domain::portfolio::Feedback {
            quote: a.comment.clone(),
            rating: a.overall,
            date: Some(a.answered),
            shareable: a.shareable,
        };
    }
    ask.answer = Some(a);
    entry.meta.touch(now);
    doc.touch(now);
    true
}

/// Stores the student's own ratings for request `request` on entry
/// `entry`: before the work (`after` false) or after it. False when the
/// request is gone.
pub fn rate_self(
    doc: &mut Document,
    entry: RecordId,
    request: RecordId,
    after: bool,
    ratings: Vec<super::CompetencyRating>,
    now: DateTime<Utc>,
) -> bool {
    let Some(e) = doc.entries.iter_mut().find(|e| e.meta.id == entry) else {
        return false;
    };
    let Some(ask) = e.feedback_requests.iter_mut().find(|a| a.id == request) else {
        return false;
    };
    let slot = if after {
        &mut ask.self_after
    } else {
        &mut ask.self_before
    };
    if *slot == ratings {
        return true;
    }
    *slot = ratings;
    e.meta.touch(now);
    doc.touch(now);
    true
}

/// The answers on `entry` its supervisors allowed to share, with an overall
/// comment that is not already the entry's own feedback: (who, comment),
/// for JSON Resume's references.
pub fn shareable_answers(entry: &PortfolioEntry) -> Vec<(String, String)> {
    entry
        .feedback_requests
        .iter()
        .filter_map(|ask| ask.answer.as_ref())
        .filter(|a| a.shareable && !a.comment.is_empty() && a.comment != entry.feedback.quote)
        .map(|a| {
            let who = if a.title.is_empty() {
                a.name.clone()
            } else {
                format!("{}, {}", a.name, a.title)
            };
            (who, a.comment.clone())
        })
        .collect()
}
