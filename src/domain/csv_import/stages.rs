//! A spreadsheet's status words mapped to the app's stages ("Phone
//! screen" → Interviewing, "No response" → Ghosted). Values nobody knows
//! are shown for the student to map ([`unknown_values`]); an empty status
//! means Applied when the row has an applied date, Saved otherwise.

use super::headers::{words, Target};
use super::Sheet;
use crate::domain::application::Stage;
use std::collections::HashMap;

/// Whole values (their words, space-joined), then words a value contains.
const EXACT: &[(Stage, &[&str])] = &[
    (
        Stage::Saved,
        &[
            "saved",
            "wishlist",
            "wish list",
            "interested",
            "to apply",
            "not applied",
            "not applied yet",
            "bookmarked",
            "draft",
            "planning",
            "planned",
            "idea",
            "researching",
            "not started",
            "todo",
            "to do",
        ],
    ),
    (
        Stage::Applied,
        &[
            "applied",
            "submitted",
            "sent",
            "application sent",
            "application submitted",
            "in review",
            "under review",
            "pending",
            "waiting",
            "awaiting response",
            "waiting to hear back",
        ],
    ),
    (
        Stage::Interviewing,
        &[
            "interview",
            "interviewing",
            "interviewed",
            "phone screen",
            "phone interview",
            "screen",
            "screening",
            "assessment",
            "case study",
            "technical",
            "first round",
            "second round",
            "final round",
            "onsite",
            "on site",
        ],
    ),
    (
        Stage::Offered,
        &["offer", "offered", "offer received", "got offer"],
    ),
    (
        Stage::InProgress,
        &[
            "accepted",
            "accepted in progress",
            "in progress",
            "accepted offer",
            "hired",
            "started",
            "working",
            "ongoing",
            "underway",
            "under way",
        ],
    ),
    (
        Stage::Completed,
        &["completed", "complete", "done", "finished", "paid"],
    ),
    (
        Stage::Withdrawn,
        &[
            "withdrawn",
            "withdrew",
            "withdraw",
            "cancelled",
            "canceled",
            "not interested",
            "no longer interested",
            "declined offer",
            "offer declined",
            "i declined",
            "turned down offer",
        ],
    ),
    (
        Stage::Rejected,
        &[
            "rejected",
            "rejection",
            "declined",
            "not selected",
            "denied",
            "unsuccessful",
            "turned down",
            "refused",
            "not successful",
        ],
    ),
    (
        Stage::Ghosted,
        &[
            "ghosted",
            "no response",
            "no reply",
            "no answer",
            "never heard back",
            "no news",
            "silence",
        ],
    ),
];

const CONTAINS: &[(Stage, &str)] = &[
    (Stage::Interviewing, "interview"),
    (Stage::Rejected, "reject"),
    (Stage::Ghosted, "ghost"),
    (Stage::Withdrawn, "withdr"),
    (Stage::Offered, "offer"),
];

/// A value's key: its words, lower-case, space-joined ("Phone-screen!" →
/// "phone screen"), so choices apply to every spelling of it.
pub fn key(value: &str) -> String {
    words(value).join(" ")
}

/// The stage a status word means, if the app knows it (the app's own
/// labels and slugs too: "Accepted / In progress", "in_progress").
pub fn known(value: &str) -> Option<Stage> {
    let k = key(value);
    if let Some(s) = Stage::ALL
        .into_iter()
        .find(|s| key(s.label()) == k || s.slug() == value.trim())
    {
        return Some(s);
    }
    EXACT
        .iter()
        .find(|(_, names)| names.contains(&k.as_str()))
        .map(|(s, _)| *s)
        .or_else(|| {
            CONTAINS
                .iter()
                .find(|(_, part)| k.contains(part))
                .map(|(s, _)| *s)
        })
}

/// A status value neither the app nor the student has mapped yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unmapped;

/// The stage for `value`: the student's choice for its key, or what the
/// app knows; Ok(None) for an empty cell.
pub fn resolve(value: &str, chosen: &HashMap<String, Stage>) -> Result<Option<Stage>, Unmapped> {
    let k = key(value);
    if k.is_empty() {
        return Ok(None);
    }
    chosen
        .get(&k)
        .copied()
        .or_else(|| known(value))
        .map(Some)
        .ok_or(Unmapped)
}

/// The values of the Stage column the app does not know, each once (first
/// spelling, in the order met), with how many rows have it.
pub fn unknown_values(sheet: &Sheet, columns: &[Target]) -> Vec<(String, usize)> {
    let Some(col) = columns.iter().position(|t| *t == Target::Stage) else {
        return Vec::new();
    };
    let mut out: Vec<(String, String, usize)> = Vec::new();
    for row in &sheet.rows {
        let v = sheet.cell(row, col).trim();
        let k = key(v);
        if k.is_empty() || known(v).is_some() {
            continue;
        }
        match out.iter_mut().find(|(key, _, _)| *key == k) {
            Some(slot) => slot.2 += 1,
            None => out.push((k, v.to_owned(), 1)),
        }
    }
    out.into_iter()
        .map(|(k, v, n)| (if v.is_empty() { k } else { v }, n))
        .collect()
}
