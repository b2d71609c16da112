//! What the stored document's checks add for feedback requests
//! (`crate::domain::codec::checks` calls [`check`] for every entry): ids
//! unique on the entry, dates and ratings in range.

use super::competencies::SCALE;
use super::{CompetencyRating, FeedbackAsk};
use crate::domain::codec::checks::{date, small, unique_ids, At};
use crate::domain::DecodeError;

/// Checks an entry's `feedback_requests` at `list`.
pub(crate) fn check(list: &At, asks: &[FeedbackAsk]) -> Result<(), DecodeError> {
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
            small(&at.key("overall"), a.overall, &SCALE)?;
            ratings(&at.key("competencies"), &a.competencies)?;
        }
    }
    Ok(())
}

fn ratings(list: &At, ratings: &[CompetencyRating]) -> Result<(), DecodeError> {
    for (i, r) in ratings.iter().enumerate() {
        small(&list.index(i).key("rating"), r.rating, &SCALE)?;
    }
    Ok(())
}
