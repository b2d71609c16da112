//! Exports for other tools: JSON Resume (jsonresume.org schema 1.x), the
//! applications as CSV (RFC 4180) and a calendar of deadlines, follow-ups
//! and interviews (RFC 5545). Pure: the caller downloads the text.

use super::application::Stage;
use super::portfolio::{PortfolioEntry, Visibility};
use super::skill::LEVELS;
use super::Document;
use chrono::{DateTime, NaiveDate, Utc};
use serde_json::{json, Map, Value};

fn put(map: &mut Map<String, Value>, key: &str, value: &str) {
    if !value.trim().is_empty() {
        map.insert(key.to_owned(), Value::from(value.trim()));
    }
}

/// The student's public portfolio as a JSON Resume document.
pub fn json_resume(doc: &Document) -> Value {
    let p = &doc.profile;
    let mut basics = Map::new();
    put(&mut basics, "name", &p.name);
    put(&mut basics, "label", &p.headline);
    put(&mut basics, "email", &p.email);
    if let Some(url) = &p.portfolio_url {
        put(&mut basics, "url", url.as_str());
    }
    put(&mut basics, "summary", &p.career_aspirations);
    let profiles: Vec<Value> = [("LinkedIn", &p.linkedin_url), ("GitHub", &p.github_url)]
        .into_iter()
        .filter_map(|(network, url)| {
            url.as_ref()
                .map(|u| json!({ "network": network, "url": u.as_str() }))
        })
        .collect();
    if !profiles.is_empty() {
        basics.insert("profiles".into(), Value::from(profiles));
    }

    let mut resume = Map::new();
    resume.insert("basics".into(), Value::Object(basics));
    if !p.school.is_empty() {
        let mut edu = Map::new();
        put(&mut edu, "institution", &p.school);
        put(&mut edu, "area", &p.program);
        if let Some(g) = p.graduation {
            edu.insert("endDate".into(), Value::from(g.to_string()));
        }
        resume.insert("education".into(), Value::from(vec![Value::Object(edu)]));
    }

    let skill_name = |id| doc.skill(id).map(|s| s.name.clone());
    let public: Vec<&PortfolioEntry> = doc
        .entries_newest_first()
        .into_iter()
        .filter(|e| e.visibility == Visibility::Public)
        .collect();
    let projects: Vec<Value> = public
        .iter()
        .map(|e| {
            let mut pr = Map::new();
            put(&mut pr, "name", &e.title);
            put(&mut pr, "entity", &e.organization);
            pr.insert("type".into(), Value::from("micro-internship"));
            let description = e
                .deliverables
                .first()
                .map(|d| d.description.as_str())
                .filter(|d| !d.is_empty())
                .unwrap_or(&e.reflection);
            put(&mut pr, "description", description);
            if !e.role.is_empty() {
                pr.insert("roles".into(), Value::from(vec![e.role.clone()]));
            }
            let keywords: Vec<String> = e.skills.iter().filter_map(|id| skill_name(*id)).collect();
            if !keywords.is_empty() {
                pr.insert("keywords".into(), Value::from(keywords));
            }
            let highlights: Vec<String> = e
                .deliverables
                .iter()
                .map(|d| {
                    if d.description.is_empty() {
                        d.title.clone()
                    } else {
                        format!("{}: {}", d.title, d.description)
                    }
                })
                .collect();
            if !highlights.is_empty() {
                pr.insert("highlights".into(), Value::from(highlights));
            }
            if let Some(d) = e.start_date {
                pr.insert("startDate".into(), Value::from(d.to_string()));
            }
            if let Some(d) = e.end_date {
                pr.insert("endDate".into(), Value::from(d.to_string()));
            }
            if let Some(url) = e.deliverables.iter().find_map(|d| d.link.as_ref()) {
                pr.insert("url".into(), Value::from(url.as_str()));
            }
            Value::Object(pr)
        })
        .collect();
    resume.insert("projects".into(), Value::from(projects));

    let skills: Vec<Value> = doc
        .skills
        .iter()
        .map(|s| {
            let mut sk = Map::new();
            put(&mut sk, "name", &s.name);
            if let Some(level) = s
                .level
                .and_then(|l| LEVELS.iter().find(|(n, _, _)| *n == l))
            {
                sk.insert("level".into(), Value::from(level.1));
            }
            sk.insert("keywords".into(), Value::from(vec![s.category.label()]));
            Value::Object(sk)
        })
        .collect();
    resume.insert("skills".into(), Value::from(skills));

    let references: Vec<Value> = public
        .iter()
        .filter(|e| e.feedback.shareable && !e.feedback.quote.is_empty())
        .map(|e| {
            let who = e
                .supervisor
                .and_then(|id| doc.contact(id))
                .map(|c| {
                    if c.organization.is_empty() {
                        c.name.clone()
                    } else {
                        format!("{}, {}", c.name, c.organization)
                    }
                })
                .unwrap_or_else(|| e.organization.clone());
            json!({ "name": who, "reference": e.feedback.quote })
        })
        .chain(public.iter().flat_map(|e| {
            // Answers received by link (issue 24).
            crate::domain::feedback_link::matching::shareable_answers(e)
                .into_iter()
                .map(|(name, text)| json!({ "name": name, "reference": text }))
        }))
        .collect();
    resume.insert("references".into(), Value::from(references));
    Value::Object(resume)
}

/// What a spreadsheet may run as a formula when a cell starts with it.
pub const FORMULA_SIGNS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether a cell holding `text` needs a `'` before it: it starts with a
/// [`FORMULA_SIGNS`] sign after any `'`s (`=x`, `'=x`), so that the CSV
/// import, which removes one `'` from such a cell, reads it back as it was.
pub fn needs_formula_guard(text: &str) -> bool {
    text.trim_start_matches('\'').starts_with(FORMULA_SIGNS)
}

/// One CSV field (RFC 4180): quoted when it holds a comma, quote or line
/// break, quotes doubled. A field a spreadsheet would run as a formula
/// (starting with `=`, `+`, `-`, `@`, tab or CR, see [`needs_formula_guard`])
/// gets a leading `'`.
fn csv_field(text: &str) -> String {
    let guarded = if needs_formula_guard(text) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// The applications as CSV, one row each, with a header; CRLF line ends
/// and a UTF-8 byte-order mark so spreadsheets read accents correctly.
pub fn applications_csv(doc: &Document) -> String {
    const HEADER: [&str; 22] = [
        "Organization",
        "Role",
        "Stage",
        "Source",
        "Posting link",
        "Arrangement",
        "Location",
        "Estimated hours",
        "Fixed fee",
        "Currency",
        "Date found",
        "Date applied",
        "Deadline",
        "Start date",
        "End date",
        "Next follow-up",
        "Required skills",
        "Tags",
        "Contacts",
        "Notes",
        "Created",
        "Updated",
    ];
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let mut out = String::from("\u{feff}");
    out.push_str(&HEADER.join(","));
    out.push_str("\r\n");
    for a in &doc.applications {
        let contacts: Vec<String> = a
            .contacts
            .iter()
            .filter_map(|id| doc.contact(*id).map(|c| c.name.clone()))
            .collect();
        let row = [
            a.organization.clone(),
            a.role.clone(),
            a.stage().label().to_owned(),
            a.source.clone(),
            a.posting_url
                .as_ref()
                .map(|u| u.to_string())
                .unwrap_or_default(),
            a.arrangement
                .map(|x| x.label().to_owned())
                .unwrap_or_default(),
            a.location.clone(),
            a.estimated_hours.map(|h| h.to_string()).unwrap_or_default(),
            a.fee
                .as_ref()
                .map(|m| format!("{}.{:02}", m.cents / 100, m.cents % 100))
                .unwrap_or_default(),
            a.fee
                .as_ref()
                .map(|m| m.currency.clone())
                .unwrap_or_default(),
            date(a.date_found),
            date(a.date_applied),
            date(a.deadline),
            date(a.start_date),
            date(a.end_date),
            date(a.next_follow_up),
            a.required_skills.join("; "),
            a.tags.join("; "),
            contacts.join("; "),
            a.notes.clone(),
            a.meta.created.to_rfc3339(),
            a.meta.updated.to_rfc3339(),
        ];
        out.push_str(
            &row.iter()
                .map(|f| csv_field(f))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push_str("\r\n");
    }
    out
}

/// RFC 5545 TEXT escaping.
fn ics_text(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace("\r\n", "\\n")
        .replace(['\n', '\r'], "\\n")
}

/// Folds a content line at 75 octets, never inside a UTF-8 character.
fn ics_fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
    out
}

/// Application deadlines (while Saved), follow-ups (while active) and the
/// dates applications reached Interviewing, as all-day events.
pub fn calendar_ics(doc: &Document, now: DateTime<Utc>) -> String {
    let mut events: Vec<(String, NaiveDate, String, String)> = Vec::new();
    for a in &doc.applications {
        let stage = a.stage();
        if let (Some(d), Stage::Saved) = (a.deadline, stage) {
            events.push((
                format!("{}-deadline", a.meta.id),
                d,
                format!("Application deadline: {}", a.title()),
                a.notes.clone(),
            ));
        }
        if let Some(d) = a.next_follow_up.filter(|_| stage.is_active()) {
            events.push((
                format!("{}-follow-up", a.meta.id),
                d,
                format!("Follow up: {}", a.title()),
                a.notes.clone(),
            ));
        }
        for (i, c) in a
            .history
            .iter()
            .enumerate()
            .filter(|(_, c)| c.stage == Stage::Interviewing)
        {
            events.push((
                format!("{}-interview-{i}", a.meta.id),
                c.date,
                format!("Interviewing: {}", a.title()),
                String::new(),
            ));
        }
    }
    events.sort_by(|x, y| x.1.cmp(&y.1).then(x.0.cmp(&y.0)));
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Microfolio//Applications//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        out.push_str(&ics_fold(line));
    }
    for (uid, date, summary, description) in events {
        out.push_str(&ics_fold("BEGIN:VEVENT"));
        out.push_str(&ics_fold(&format!("UID:{uid}@microfolio")));
        out.push_str(&ics_fold(&format!("DTSTAMP:{stamp}")));
        out.push_str(&ics_fold(&format!(
            "DTSTART;VALUE=DATE:{}",
            date.format("%Y%m%d")
        )));
        // Checked: `date + 1 day` panics on chrono's last date. Without a
        // DTEND an all-day event lasts one day anyway (RFC 5545 §3.6.1).
        if let Some(end) = date.succ_opt() {
            out.push_str(&ics_fold(&format!(
                "DTEND;VALUE=DATE:{}",
                end.format("%Y%m%d")
            )));
        }
        out.push_str(&ics_fold(&format!("SUMMARY:{}", ics_text(&summary))));
        if !description.is_empty() {
            out.push_str(&ics_fold(&format!(
                "DESCRIPTION:{}",
                ics_text(&description)
            )));
        }
        out.push_str(&ics_fold("END:VEVENT"));
    }
    out.push_str(&ics_fold("END:VCALENDAR"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::application::tests::{app, at, day};
    use crate::domain::RecordId;

    #[test]
    fn csv_fields_are_quoted_and_formulas_defused() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("+1 555"), "'+1 555");
    }

    #[test]
    fn ics_text_is_escaped_and_lines_fold_on_character_boundaries() {
        assert_eq!(ics_text("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
        let folded = ics_fold(&format!("SUMMARY:{}", "é".repeat(60)));
        for line in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        let unfolded: String = folded.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "é".repeat(60)));
    }

    /// Regression: an imported follow-up of `+262142-12-31` panicked the
    /// calendar at `date + Duration::days(1)`. Decoding refuses such dates
    /// now; the export must not panic on a document built in memory either.
    #[test]
    fn a_follow_up_on_chronos_last_date_does_not_panic_the_calendar() {
        let mut doc = Document::new(at(1, 1), RecordId::from_random_bytes([9; 16]));
        let mut a = app(1, "Acme", "Research", day(11, 1));
        a.next_follow_up = Some(NaiveDate::MAX);
        a.deadline = Some(NaiveDate::MIN);
        doc.applications = vec![a];
        let ics = calendar_ics(&doc, at(11, 23));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2, "{ics}");
        assert_eq!(
            ics.matches("DTEND").count(),
            1,
            "the last date has no next day: no DTEND, one day by RFC 5545"
        );
    }

    #[test]
    fn the_calendar_has_deadlines_follow_ups_and_interviews() {
        let mut doc = Document::new(at(1, 1), RecordId::from_random_bytes([9; 16]));
        let mut a = app(1, "Acme, Inc.", "Research", day(11, 1));
        a.deadline = Some(day(11, 30));
        let mut b = app(2, "Beta", "Clean-up", day(11, 1));
        b.move_to(Stage::Interviewing, day(11, 10), at(11, 10))
            .unwrap();
        b.next_follow_up = Some(day(11, 24));
        b.deadline = Some(day(11, 2));
        doc.applications = vec![a, b];
        let ics = calendar_ics(&doc, at(11, 23));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 3, "{ics}");
        assert!(ics.contains("SUMMARY:Application deadline: Acme\\, Inc. — Research\r\n"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20261124\r\nDTEND;VALUE=DATE:20261125\r\n"));
        assert!(ics.contains("SUMMARY:Interviewing: Beta — Clean-up"));
        assert!(
            !ics.contains("20261102"),
            "Beta's deadline no longer matters once past Saved"
        );
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
    }
}
