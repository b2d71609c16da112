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

#[cfg(test)]
mod tests {
    use super::super::matching::{attach, judge};
    use super::super::tests::{day, doc_with_request, response};
    use super::*;
    use crate::domain::document::tests::now;

    #[test]
    fn json_resume_gets_shareable_answers_as_references_once() {
        let (mut doc, _) = doc_with_request();
        doc.entries[0].feedback.quote = "Typed by me".into();
        doc.entries[0].feedback.shareable = true;
        let verdict = judge(&doc, &response(3), true, day(23)).unwrap();
        attach(&mut doc, verdict, now());
        let resume = crate::domain::exports::json_resume(&doc);
        let refs: Vec<&str> = resume["references"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["reference"].as_str().unwrap())
            .collect();
        assert_eq!(refs, ["Typed by me", "Clear and on time."]);
        assert_eq!(resume["references"][1]["name"], "Grace Hopper, CTO");
        // Not shareable: left out.
        doc.entries[0].feedback_requests[0]
            .answer
            .as_mut()
            .unwrap()
            .shareable = false;
        assert_eq!(
            crate::domain::exports::json_resume(&doc)["references"]
                .as_array()
                .unwrap()
                .len(),
            1
        );
    }

    #[test]
    fn the_dashboard_means_compare_own_latest_rating_with_supervisors() {
        let (mut doc, _) = doc_with_request();
        doc.entries[0].feedback_requests[0]
            .self_before
            .push(CompetencyRating {
                name: "Communication".into(),
                rating: Some(2),
                comment: String::new(),
            });
        assert!(competency_means(&doc).is_empty(), "no answer yet");
        let verdict = judge(&doc, &response(3), true, day(23)).unwrap();
        attach(&mut doc, verdict, now());
        let rows = competency_means(&doc);
        assert_eq!(rows.len(), 1);
        assert_eq!(
            (rows[0].answers, rows[0].supervisor, rows[0].own),
            (1, 4.0, Some(2.0))
        );
        doc.entries[0].feedback_requests[0]
            .self_after
            .push(CompetencyRating {
                name: "Communication".into(),
                rating: Some(5),
                comment: String::new(),
            });
        assert_eq!(competency_means(&doc)[0].own, Some(5.0), "after wins");
    }
}
