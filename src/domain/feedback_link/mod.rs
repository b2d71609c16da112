//! Feedback by link: a student asks a supervisor for ratings and comments
//! without an account or a server. The student's app makes a *request*
//! ([`format::FeedbackRequest`]: only what the supervisor needs) that travels
//! compressed in a link's fragment; the supervisor's page answers with a
//! *response* ([`format::FeedbackResponse`]) in a link back; the student's
//! app matches the response to the request remembered on the entry
//! ([`FeedbackAsk`], in the stored document) and attaches it
//! ([`matching`]).
//!
//! Both links are untrusted input, read like a share link: capped before
//! decoding, parsed within [`format::LINK_LIMITS`], shape and ranges
//! checked, and shown as text (no links are carried at all). A response
//! carries a seal: an HMAC (Web Crypto, in the UI) of its text under a key
//! that only the request link and the student's document hold, so a
//! response changed after it was made, or made without the request, is
//! refused. A link still proves nothing about *who* answered: the app says
//! "received by link from the name it gives".
//!
//! Pure: ids, keys and dates are passed in.

/// Declares a struct with the fields of a supervisor's answer (its date,
/// who, the ratings and comments, whether it may be shared) where it says
/// `..answer`: the link back ([`format::FeedbackResponse`]) and the answer
/// as stored ([`ReceivedAnswer`]) list them once, in one order (the seal
/// covers the response's text in its field order). Not a nested struct:
/// both formats stay as they are. Not `#[serde(flatten)]` either: an error
/// would lose the failing field's path, and "unknown field" the known ones.
macro_rules! with_answer {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $($(#[$before_meta:meta])* pub $before:ident: $before_ty:ty,)*
            ..answer,
            $($(#[$after_meta:meta])* pub $after:ident: $after_ty:ty,)*
        }
    ) => {
        $(#[$meta])*
        pub struct $name {
            $($(#[$before_meta])* pub $before: $before_ty,)*
            /// The date the answer gives for itself.
            pub answered: ::chrono::NaiveDate,
            /// The name and title it gives (not proven: a link proves
            /// nothing about who wrote it).
            pub name: String,
            pub title: String,
            /// Within [`competencies::SCALE`](crate::domain::feedback_link::competencies::SCALE);
            /// `None`: not asked or not rated.
            pub overall: Option<u8>,
            pub comment: String,
            pub competencies: Vec<$crate::domain::feedback_link::CompetencyRating>,
            /// What the supervisor's organization gained from the project.
            pub gained: String,
            /// The supervisor allows showing it in shared portfolios.
            pub shareable: bool,
            $($(#[$after_meta])* pub $after: $after_ty,)*
        }
    };
}

pub mod competencies;
pub mod format;
pub mod matching;
pub mod summary;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::RecordId;

/// What the student asks.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Questions {
    /// An overall rating (1 to 5) and comment.
    pub overall: bool,
    /// The competencies to rate, by name, in the order asked.
    pub competencies: Vec<String>,
    /// What the supervisor (their organization) gained from the project.
    pub gained: bool,
}

impl Questions {
    /// Whether nothing at all is asked.
    pub fn is_empty(&self) -> bool {
        !self.overall && !self.gained && self.competencies.is_empty()
    }
}

/// One rating of one competency (by the supervisor or the student).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompetencyRating {
    pub name: String,
    /// Within [`competencies::SCALE`]; `None`: not rated.
    pub rating: Option<u8>,
    pub comment: String,
}

/// A request the student made, remembered on its entry so the answer can
/// be matched (stored in the document).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FeedbackAsk {
    /// The request id the link carries.
    pub id: RecordId,
    /// The seal key (base64url, 32 bytes), also in the request link only.
    pub key: String,
    pub asked: NaiveDate,
    pub questions: Questions,
    /// The student's own ratings of the asked competencies before the work.
    pub self_before: Vec<CompetencyRating>,
    /// And after it.
    pub self_after: Vec<CompetencyRating>,
    /// The answer, once received.
    pub answer: Option<ReceivedAnswer>,
}

with_answer! {
    /// A supervisor's answer as attached to the entry.
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    pub struct ReceivedAnswer {
        /// The response's own id (a second copy of it is a duplicate).
        pub response: RecordId,
        /// When the student attached it.
        pub received: NaiveDate,
        ..answer,
    }
}
