//! Self against supervisor across the portfolio: for every competency
//! rated in an answer received by link, the supervisors' mean rating and
//! the student's own (their latest: after the work, else before), over
//! the same requests. Derived, never stored.

use super::CompetencyRating;
use crate::domain::Document;

/// One competency's means (1 to 5, one decimal).
#[derive(Clone, Debug, PartialEq)]
pub struct CompetencyMeans {
    pub name: String,
    /// Answers that rated it.
    pub answers: usize,
    pub supervisor: f64,
    /// The student's own mean over those requests, if they rated it.
    pub own: Option<f64>,
}

fn rating(list: &[CompetencyRating], name: &str) -> Option<u8> {
    list.iter().find(|c| c.name == name).and_then(|c| c.rating)
}

fn mean(values: &[u8]) -> Option<f64> {
    (!values.is_empty()).then(|| {
        let sum: f64 = values.iter().map(|v| f64::from(*v)).sum();
        (sum / values.len() as f64 * 10.0).round() / 10.0
    })
}

/// The competencies rated by supervisors, in first-seen order.
pub fn competency_means(doc: &Document) -> Vec<CompetencyMeans> {
    let mut rows: Vec<(String, Vec<u8>, Vec<u8>)> = Vec::new();
    for ask in doc.entries.iter().flat_map(|e| &e.feedback_requests) {
        let Some(answer) = &ask.answer else { continue };
        for c in &answer.competencies {
            let Some(r) = c.rating else { continue };
            let i = match rows.iter().position(|(n, ..)| *n == c.name) {
                Some(i) => i,
                None => {
                    rows.push((c.name.clone(), Vec::new(), Vec::new()));
                    rows.len() - 1
                }
            };
            rows[i].1.push(r);
            let own =
                rating(&ask.self_after, &c.name).or_else(|| rating(&ask.self_before, &c.name));
            rows[i].2.extend(own);
        }
    }
    rows.into_iter()
        .map(|(name, sup, own)| CompetencyMeans {
            name,
            answers: sup.len(),
            supervisor: mean(&sup).unwrap_or_default(),
            own: mean(&own),
        })
        .collect()
}
