//! Portfolio entries: the micro-internships (or projects) a student has
//! done, with their deliverables and milestones, hours and fixed fee,
//! supervisor feedback, the learning objectives set at the start and the
//! reflection after, the skills shown, tags, and whether the entry is shown
//! in shared portfolios.

use super::application::{split_list, Application, Arrangement, Money, Stage, MAX_HOURS};
use super::contact::{Contact, ContactKind};
use super::record::{Meta, RecordId};
use super::skill::SkillCategory;
use super::validate::{check_length, FieldError, SafeUrl, UrlPolicy};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// Shown in shared and printed portfolios.
    #[default]
    Public,
    /// Only for the student.
    Private,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentStatus {
    #[default]
    NotInvoiced,
    Invoiced,
    Paid,
}

impl PaymentStatus {
    pub const ALL: [PaymentStatus; 3] = [
        PaymentStatus::NotInvoiced,
        PaymentStatus::Invoiced,
        PaymentStatus::Paid,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PaymentStatus::NotInvoiced => "Not invoiced",
            PaymentStatus::Invoiced => "Invoiced",
            PaymentStatus::Paid => "Paid",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            PaymentStatus::NotInvoiced => "not_invoiced",
            PaymentStatus::Invoiced => "invoiced",
            PaymentStatus::Paid => "paid",
        }
    }

    pub fn from_slug(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.slug() == s)
    }
}

/// The final work product, or a part of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Deliverable {
    pub title: String,
    pub description: String,
    pub link: Option<SafeUrl>,
    pub date: Option<NaiveDate>,
}

/// A component of the deliverable, due along the way.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Milestone {
    pub title: String,
    pub due: Option<NaiveDate>,
    pub done: bool,
}

/// The ratings a supervisor's feedback may have (the form's choices).
pub const RATINGS: std::ops::RangeInclusive<u8> = 1..=5;

/// What the supervisor said.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Feedback {
    pub quote: String,
    /// Within [`RATINGS`] (1 to 5).
    pub rating: Option<u8>,
    pub date: Option<NaiveDate>,
    /// The student may show this feedback in shared portfolios.
    pub shareable: bool,
}

impl Feedback {
    pub fn is_empty(&self) -> bool {
        self.quote.is_empty() && self.rating.is_none() && self.date.is_none()
    }
}

/// Whether a learning objective was met, judged in the reflection.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    #[default]
    NotYet,
    Met,
    Partly,
    NotMet,
}

impl Outcome {
    pub const ALL: [Outcome; 4] = [
        Outcome::NotYet,
        Outcome::Met,
        Outcome::Partly,
        Outcome::NotMet,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Outcome::NotYet => "Not reflected on yet",
            Outcome::Met => "Met",
            Outcome::Partly => "Partly met",
            Outcome::NotMet => "Not met",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Outcome::NotYet => "not_yet",
            Outcome::Met => "met",
            Outcome::Partly => "partly",
            Outcome::NotMet => "not_met",
        }
    }

    pub fn from_slug(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.slug() == s)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Objective {
    pub text: String,
    pub outcome: Outcome,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PortfolioEntry {
    pub meta: Meta,
    /// What it was, e.g. "Market sizing deck for a fintech start-up".
    pub title: String,
    pub organization: String,
    pub source: String,
    pub role: String,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub arrangement: Option<Arrangement>,
    pub estimated_hours: Option<f64>,
    pub logged_hours: Option<f64>,
    pub fee: Option<Money>,
    pub payment: PaymentStatus,
    pub deliverables: Vec<Deliverable>,
    pub milestones: Vec<Milestone>,
    /// A contact, usually of kind supervisor.
    pub supervisor: Option<RecordId>,
    pub feedback: Feedback,
    pub objectives: Vec<Objective>,
    /// What was learned.
    pub reflection: String,
    /// Skills demonstrated, by id.
    pub skills: Vec<RecordId>,
    pub tags: Vec<String>,
    pub visibility: Visibility,
    /// The application this entry came from, if any.
    pub application: Option<RecordId>,
    /// Feedback asked for by link, and the answers received
    /// (`super::feedback_link`; schema version 4).
    pub feedback_requests: Vec<super::feedback_link::FeedbackAsk>,
}

impl PortfolioEntry {
    pub fn new(meta: Meta) -> Self {
        Self {
            meta,
            title: String::new(),
            organization: String::new(),
            source: String::new(),
            role: String::new(),
            start_date: None,
            end_date: None,
            arrangement: None,
            estimated_hours: None,
            logged_hours: None,
            fee: None,
            payment: PaymentStatus::NotInvoiced,
            deliverables: Vec::new(),
            milestones: Vec::new(),
            supervisor: None,
            feedback: Feedback::default(),
            objectives: Vec::new(),
            reflection: String::new(),
            skills: Vec::new(),
            tags: Vec::new(),
            visibility: Visibility::Public,
            application: None,
            feedback_requests: Vec::new(),
        }
    }

    /// The date the entry is filed under: its end, else its start, else
    /// when it was recorded.
    pub fn date(&self) -> NaiveDate {
        self.end_date
            .or(self.start_date)
            .unwrap_or_else(|| self.meta.created.date_naive())
    }

    /// A new entry prefilled from a completed application, linked to it.
    /// `skills` are the ids of the application's required skills.
    pub fn from_application(
        app: &Application,
        meta: Meta,
        contacts: &[Contact],
        skills: Vec<RecordId>,
    ) -> Self {
        let linked: Vec<&Contact> = contacts
            .iter()
            .filter(|c| app.contacts.contains(&c.meta.id))
            .collect();
        let supervisor = linked
            .iter()
            .find(|c| c.kind == ContactKind::Supervisor)
            .or(linked.first())
            .map(|c| c.meta.id);
        let completed = app
            .history
            .iter()
            .rev()
            .find(|c| c.stage == Stage::Completed)
            .map(|c| c.date);
        Self {
            title: app.role.clone(),
            organization: app.organization.clone(),
            source: app.source.clone(),
            role: app.role.clone(),
            start_date: app.start_date,
            end_date: app.end_date.or(completed),
            arrangement: app.arrangement,
            estimated_hours: app.estimated_hours,
            fee: app.fee.clone(),
            supervisor,
            skills,
            tags: app.tags.clone(),
            application: Some(app.meta.id),
            ..Self::new(meta)
        }
    }
}

/// The entry form's fields; list rows carry their index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntryField {
    Title,
    Organization,
    Role,
    Source,
    StartDate,
    EndDate,
    Arrangement,
    EstimatedHours,
    LoggedHours,
    Fee,
    Currency,
    Payment,
    DeliverableTitle(usize),
    DeliverableDescription(usize),
    DeliverableLink(usize),
    DeliverableDate(usize),
    MilestoneTitle(usize),
    MilestoneDue(usize),
    FeedbackQuote,
    FeedbackRating,
    FeedbackDate,
    Objective(usize),
    Reflection,
    Skills,
    Tags,
}

impl EntryField {
    /// Simple (non-list) fields, in form order.
    pub const SIMPLE: [EntryField; 18] = [
        EntryField::Title,
        EntryField::Organization,
        EntryField::Role,
        EntryField::Source,
        EntryField::StartDate,
        EntryField::EndDate,
        EntryField::Arrangement,
        EntryField::EstimatedHours,
        EntryField::LoggedHours,
        EntryField::Fee,
        EntryField::Currency,
        EntryField::Payment,
        EntryField::FeedbackQuote,
        EntryField::FeedbackRating,
        EntryField::FeedbackDate,
        EntryField::Reflection,
        EntryField::Skills,
        EntryField::Tags,
    ];

    pub fn label(self) -> String {
        match self {
            EntryField::Title => "Title".into(),
            EntryField::Organization => "Organization".into(),
            EntryField::Role => "Your role".into(),
            EntryField::Source => "Source".into(),
            EntryField::StartDate => "Start date".into(),
            EntryField::EndDate => "End date".into(),
            EntryField::Arrangement => "Arrangement".into(),
            EntryField::EstimatedHours => "Estimated hours".into(),
            EntryField::LoggedHours => "Hours logged".into(),
            EntryField::Fee => "Fixed fee".into(),
            EntryField::Currency => "Currency".into(),
            EntryField::Payment => "Payment".into(),
            EntryField::DeliverableTitle(i) => format!("Deliverable {} title", i + 1),
            EntryField::DeliverableDescription(i) => format!("Deliverable {} description", i + 1),
            EntryField::DeliverableLink(i) => format!("Deliverable {} link", i + 1),
            EntryField::DeliverableDate(i) => format!("Deliverable {} date", i + 1),
            EntryField::MilestoneTitle(i) => format!("Milestone {} title", i + 1),
            EntryField::MilestoneDue(i) => format!("Milestone {} due date", i + 1),
            EntryField::FeedbackQuote => "Feedback".into(),
            EntryField::FeedbackRating => "Rating".into(),
            EntryField::FeedbackDate => "Feedback date".into(),
            EntryField::Objective(i) => format!("Objective {}", i + 1),
            EntryField::Reflection => "What you learned".into(),
            EntryField::Skills => "Skills shown".into(),
            EntryField::Tags => "Tags".into(),
        }
    }

    /// The key of a simple field in `EntryForm::text`.
    pub fn key(self) -> &'static str {
        match self {
            EntryField::Title => "title",
            EntryField::Organization => "organization",
            EntryField::Role => "role",
            EntryField::Source => "source",
            EntryField::StartDate => "start-date",
            EntryField::EndDate => "end-date",
            EntryField::Arrangement => "arrangement",
            EntryField::EstimatedHours => "estimated-hours",
            EntryField::LoggedHours => "logged-hours",
            EntryField::Fee => "fee",
            EntryField::Currency => "currency",
            EntryField::Payment => "payment",
            EntryField::FeedbackQuote => "feedback-quote",
            EntryField::FeedbackRating => "feedback-rating",
            EntryField::FeedbackDate => "feedback-date",
            EntryField::Reflection => "reflection",
            EntryField::Skills => "skills",
            EntryField::Tags => "tags",
            _ => "list",
        }
    }

    /// Where the field sits in the form, for ordering errors.
    fn order(self) -> (usize, usize) {
        match self {
            EntryField::DeliverableTitle(i) => (20, i * 4),
            EntryField::DeliverableDescription(i) => (20, i * 4 + 1),
            EntryField::DeliverableLink(i) => (20, i * 4 + 2),
            EntryField::DeliverableDate(i) => (20, i * 4 + 3),
            EntryField::MilestoneTitle(i) => (21, i * 2),
            EntryField::MilestoneDue(i) => (21, i * 2 + 1),
            EntryField::Objective(i) => (26, i),
            simple => (
                match simple {
                    EntryField::FeedbackQuote => 22,
                    EntryField::FeedbackRating => 23,
                    EntryField::FeedbackDate => 24,
                    EntryField::Reflection => 27,
                    EntryField::Skills => 28,
                    EntryField::Tags => 29,
                    other => EntryField::SIMPLE
                        .iter()
                        .position(|f| *f == other)
                        .unwrap_or(0),
                },
                0,
            ),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeliverableForm {
    pub title: String,
    pub description: String,
    pub link: String,
    pub date: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MilestoneForm {
    pub title: String,
    pub due: String,
    pub done: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ObjectiveForm {
    pub text: String,
    pub outcome: String,
}

/// The raw content of the entry form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EntryForm {
    text: HashMap<&'static str, String>,
    pub deliverables: Vec<DeliverableForm>,
    pub milestones: Vec<MilestoneForm>,
    pub objectives: Vec<ObjectiveForm>,
    pub supervisor: Option<RecordId>,
    pub feedback_shareable: bool,
    pub visibility: Visibility,
    pub application: Option<RecordId>,
    /// The category of each new skill name (lower-cased), as shown in the
    /// form: proposed, or chosen by the student.
    pub skill_categories: BTreeMap<String, SkillCategory>,
}

/// A parsed form: the entry, and the skill names still to resolve to ids
/// (with the categories of new ones).
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedEntry {
    pub entry: PortfolioEntry,
    pub skill_names: Vec<String>,
    pub skill_categories: BTreeMap<String, SkillCategory>,
}

impl ParsedEntry {
    /// A new skill's category: as the form has it, else proposed.
    pub fn category_of(&self, name: &str) -> SkillCategory {
        self.skill_categories
            .get(&name.trim().to_lowercase())
            .copied()
            .unwrap_or_else(|| super::skill::propose_category(name, &[]))
    }
}

fn parse_date(text: &str) -> Result<Option<NaiveDate>, &'static str> {
    match text.trim() {
        "" => Ok(None),
        t => super::bounds::parse_date(t).map(Some),
    }
}

fn parse_hours(text: &str) -> Result<Option<f64>, &'static str> {
    match text.trim() {
        "" => Ok(None),
        t => match t.parse::<f64>() {
            Ok(h) if (0.0..=MAX_HOURS).contains(&h) => Ok(Some((h * 10.0).round() / 10.0)),
            Ok(h) if h.is_finite() && h < 0.0 => Err("Hours cannot be negative."),
            Ok(_) => Err("That is more hours than any internship (at most 2000)."),
            Err(_) => Err("Enter hours as a number, e.g. 20 or 7.5."),
        },
    }
}

impl EntryForm {
    pub fn get(&self, field: EntryField) -> &str {
        self.text.get(field.key()).map_or("", String::as_str)
    }

    pub fn set(&mut self, field: EntryField, value: impl Into<String>) {
        self.text.insert(field.key(), value.into());
    }

    /// Validates everything. `skill_names` maps the entry's skill ids back
    /// to names for the form.
    /// Timestamps are left to [`crate::domain::Document::save_entry`],
    /// which also resolves the skill names.
    pub fn parse(&self, base: &PortfolioEntry) -> Result<ParsedEntry, Vec<FieldError<EntryField>>> {
        let mut errors: Vec<FieldError<EntryField>> = Vec::new();
        let text = |f: EntryField| self.get(f).trim();
        let mut fail = |f: EntryField, m: &str| errors.push(FieldError::new(f, m));

        for f in EntryField::SIMPLE {
            let max = if matches!(f, EntryField::Reflection | EntryField::FeedbackQuote) {
                10_000
            } else {
                300
            };
            if let Err(m) = check_length(text(f), max) {
                fail(f, &m);
            }
        }
        if text(EntryField::Title).is_empty() {
            fail(EntryField::Title, "Enter a title, e.g. what you delivered.");
        }
        if text(EntryField::Organization).is_empty() {
            fail(
                EntryField::Organization,
                "Enter the organization you did it for.",
            );
        }
        let mut date = |f: EntryField| parse_date(text(f)).map_err(|m| fail(f, m)).ok().flatten();
        let start_date = date(EntryField::StartDate);
        let end_date = date(EntryField::EndDate);
        let feedback_date = date(EntryField::FeedbackDate);
        if let (Some(s), Some(e)) = (start_date, end_date) {
            if e < s {
                fail(
                    EntryField::EndDate,
                    "The end date is before the start date.",
                );
            }
        }
        let mut hours = |f: EntryField| parse_hours(text(f)).map_err(|m| fail(f, m)).ok().flatten();
        let estimated_hours = hours(EntryField::EstimatedHours);
        let logged_hours = hours(EntryField::LoggedHours);
        let currency = text(EntryField::Currency).to_ascii_uppercase();
        if !currency.is_empty()
            && (currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_alphabetic()))
        {
            fail(
                EntryField::Currency,
                "Use a three-letter currency code, e.g. USD or EUR.",
            );
        }
        let fee = match text(EntryField::Fee) {
            "" => None,
            t => match Money::parse_amount(t) {
                Ok(cents) => Some(Money {
                    cents,
                    currency: if currency.is_empty() {
                        "USD".into()
                    } else {
                        currency.clone()
                    },
                }),
                Err(m) => {
                    fail(EntryField::Fee, m);
                    None
                }
            },
        };
        let rating = match text(EntryField::FeedbackRating) {
            "" => None,
            t => match t.parse::<u8>() {
                Ok(r) if RATINGS.contains(&r) => Some(r),
                _ => {
                    fail(EntryField::FeedbackRating, "Choose a rating from 1 to 5.");
                    None
                }
            },
        };
        let arrangement = Arrangement::from_slug(text(EntryField::Arrangement));
        let payment = PaymentStatus::from_slug(text(EntryField::Payment)).unwrap_or_default();

        let mut deliverables = Vec::new();
        for (i, d) in self.deliverables.iter().enumerate() {
            if d == &DeliverableForm::default()
                || [&d.title, &d.description, &d.link, &d.date]
                    .iter()
                    .all(|s| s.trim().is_empty())
            {
                continue;
            }
            if d.title.trim().is_empty() {
                fail(
                    EntryField::DeliverableTitle(i),
                    "Give the deliverable a title.",
                );
            }
            for (f, s, max) in [
                (EntryField::DeliverableTitle(i), &d.title, 300),
                (EntryField::DeliverableDescription(i), &d.description, 5000),
            ] {
                if let Err(m) = check_length(s.trim(), max) {
                    fail(f, &m);
                }
            }
            let link = match d.link.trim() {
                "" => None,
                t => SafeUrl::parse_typed(t, UrlPolicy::Web)
                    .map_err(|e| fail(EntryField::DeliverableLink(i), &e.to_string()))
                    .ok(),
            };
            let when = parse_date(&d.date)
                .map_err(|m| fail(EntryField::DeliverableDate(i), m))
                .ok()
                .flatten();
            deliverables.push(Deliverable {
                title: d.title.trim().to_owned(),
                description: d.description.trim().to_owned(),
                link,
                date: when,
            });
        }
        let mut milestones = Vec::new();
        for (i, m) in self.milestones.iter().enumerate() {
            if m.title.trim().is_empty() && m.due.trim().is_empty() {
                continue;
            }
            if m.title.trim().is_empty() {
                fail(EntryField::MilestoneTitle(i), "Give the milestone a title.");
            }
            if let Err(msg) = check_length(m.title.trim(), 300) {
                fail(EntryField::MilestoneTitle(i), &msg);
            }
            let due = parse_date(&m.due)
                .map_err(|msg| fail(EntryField::MilestoneDue(i), msg))
                .ok()
                .flatten();
            milestones.push(Milestone {
                title: m.title.trim().to_owned(),
                due,
                done: m.done,
            });
        }
        let mut objectives = Vec::new();
        for (i, o) in self.objectives.iter().enumerate() {
            if o.text.trim().is_empty() {
                continue;
            }
            if let Err(msg) = check_length(o.text.trim(), 1000) {
                fail(EntryField::Objective(i), &msg);
            }
            objectives.push(Objective {
                text: o.text.trim().to_owned(),
                outcome: Outcome::from_slug(&o.outcome).unwrap_or_default(),
            });
        }

        if !errors.is_empty() {
            errors.sort_by_key(|e| e.field.order());
            errors.dedup_by(|a, b| a.field == b.field);
            return Err(errors);
        }
        let entry = PortfolioEntry {
            meta: base.meta.clone(),
            title: text(EntryField::Title).to_owned(),
            organization: text(EntryField::Organization).to_owned(),
            source: text(EntryField::Source).to_owned(),
            role: text(EntryField::Role).to_owned(),
            start_date,
            end_date,
            arrangement,
            estimated_hours,
            logged_hours,
            fee,
            payment,
            deliverables,
            milestones,
            supervisor: self.supervisor,
            feedback: Feedback {
                quote: text(EntryField::FeedbackQuote).to_owned(),
                rating,
                date: feedback_date,
                shareable: self.feedback_shareable,
            },
            objectives,
            reflection: text(EntryField::Reflection).to_owned(),
            skills: base.skills.clone(),
            tags: split_list(text(EntryField::Tags)),
            visibility: self.visibility,
            application: self.application,
            feedback_requests: base.feedback_requests.clone(),
        };
        Ok(ParsedEntry {
            entry,
            skill_names: split_list(text(EntryField::Skills)),
            skill_categories: self.skill_categories.clone(),
        })
    }
}

impl PortfolioEntry {
    /// The form showing this entry; `skill_name` turns skill ids into names.
    pub fn to_form(&self, skill_name: impl Fn(RecordId) -> Option<String>) -> EntryForm {
        let mut f = EntryForm {
            deliverables: self
                .deliverables
                .iter()
                .map(|d| DeliverableForm {
                    title: d.title.clone(),
                    description: d.description.clone(),
                    link: d.link.as_ref().map(|l| l.to_string()).unwrap_or_default(),
                    date: d.date.map(|d| d.to_string()).unwrap_or_default(),
                })
                .collect(),
            milestones: self
                .milestones
                .iter()
                .map(|m| MilestoneForm {
                    title: m.title.clone(),
                    due: m.due.map(|d| d.to_string()).unwrap_or_default(),
                    done: m.done,
                })
                .collect(),
            objectives: self
                .objectives
                .iter()
                .map(|o| ObjectiveForm {
                    text: o.text.clone(),
                    outcome: o.outcome.slug().to_owned(),
                })
                .collect(),
            supervisor: self.supervisor,
            feedback_shareable: self.feedback.shareable,
            visibility: self.visibility,
            application: self.application,
            ..Default::default()
        };
        let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        let hours = |h: Option<f64>| h.map(|h| h.to_string()).unwrap_or_default();
        f.set(EntryField::Title, self.title.clone());
        f.set(EntryField::Organization, self.organization.clone());
        f.set(EntryField::Role, self.role.clone());
        f.set(EntryField::Source, self.source.clone());
        f.set(EntryField::StartDate, date(self.start_date));
        f.set(EntryField::EndDate, date(self.end_date));
        f.set(
            EntryField::Arrangement,
            self.arrangement.map(|a| a.slug()).unwrap_or_default(),
        );
        f.set(EntryField::EstimatedHours, hours(self.estimated_hours));
        f.set(EntryField::LoggedHours, hours(self.logged_hours));
        f.set(
            EntryField::Fee,
            self.fee
                .as_ref()
                .map(|m| m.amount_text().replace(',', ""))
                .unwrap_or_default(),
        );
        f.set(
            EntryField::Currency,
            self.fee
                .as_ref()
                .map_or("USD".to_owned(), |m| m.currency.clone()),
        );
        f.set(EntryField::Payment, self.payment.slug());
        f.set(EntryField::FeedbackQuote, self.feedback.quote.clone());
        f.set(
            EntryField::FeedbackRating,
            self.feedback
                .rating
                .map(|r| r.to_string())
                .unwrap_or_default(),
        );
        f.set(EntryField::FeedbackDate, date(self.feedback.date));
        f.set(EntryField::Reflection, self.reflection.clone());
        f.set(
            EntryField::Skills,
            self.skills
                .iter()
                .filter_map(|id| skill_name(*id))
                .collect::<Vec<_>>()
                .join(", "),
        );
        f.set(EntryField::Tags, self.tags.join(", "));
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::application::tests::{app, at, day};
    use crate::domain::document::Settings;
    use crate::domain::economics::{
        below_floor, effective_rate, money_list, yearly_totals, HoursBasis,
    };
    use crate::domain::Document;

    fn entry(n: u8) -> PortfolioEntry {
        let mut e = PortfolioEntry::new(Meta::new(RecordId::from_random_bytes([n; 16]), at(11, 1)));
        e.title = format!("Entry {n}");
        e.organization = "Acme".into();
        e
    }

    fn usd(cents: u64) -> Option<Money> {
        Some(Money {
            cents,
            currency: "USD".into(),
        })
    }

    #[test]
    fn the_rate_uses_logged_hours_and_falls_back_to_estimated_saying_so() {
        let mut e = entry(1);
        e.fee = usd(50_000);
        e.estimated_hours = Some(20.0);
        let rate = effective_rate(&e).unwrap();
        assert_eq!(
            (rate.per_hour.cents, rate.basis),
            (2500, HoursBasis::Estimated)
        );
        assert!(
            rate.describe().contains("no hours logged"),
            "{}",
            rate.describe()
        );
        e.logged_hours = Some(40.0);
        let rate = effective_rate(&e).unwrap();
        assert_eq!(
            (rate.per_hour.cents, rate.basis),
            (1250, HoursBasis::Logged)
        );
        assert_eq!(rate.describe(), "12.50 USD/hour (from logged hours)");
        e.logged_hours = Some(0.0);
        assert_eq!(
            effective_rate(&e).unwrap().basis,
            HoursBasis::Estimated,
            "0 logged hours means none logged"
        );
        e.fee = None;
        assert_eq!(effective_rate(&e), None);
    }

    #[test]
    fn entries_below_the_floor_are_flagged_in_the_floor_currency_only() {
        let settings = Settings::default();
        let mut e = entry(1);
        e.fee = usd(30_000);
        e.logged_hours = Some(20.0);
        assert!(below_floor(&e, &settings), "15 USD/hour < 20");
        e.logged_hours = Some(15.0);
        assert!(
            !below_floor(&e, &settings),
            "exactly 20 USD/hour is not below"
        );
        e.fee = Some(Money {
            cents: 1000,
            currency: "EUR".into(),
        });
        assert!(
            !below_floor(&e, &settings),
            "no exchange rates: EUR is not compared with USD"
        );
        let euro_floor = Settings {
            pay_floor: Money {
                cents: 2500,
                currency: "EUR".into(),
            },
            ..Settings::default()
        };
        assert!(below_floor(&e, &euro_floor));
    }

    #[test]
    fn yearly_totals_count_hours_and_mixed_currencies_separately() {
        let mut a = entry(1);
        a.end_date = Some(day(11, 14));
        a.fee = usd(50_000);
        a.logged_hours = Some(25.0);
        a.payment = PaymentStatus::Paid;
        let mut b = entry(2);
        b.end_date = Some(day(5, 30));
        b.fee = Some(Money {
            cents: 15_000,
            currency: "EUR".into(),
        });
        b.estimated_hours = Some(10.0);
        let mut c = entry(3);
        c.start_date = NaiveDate::from_ymd_opt(2025, 12, 1);
        c.fee = usd(20_000);
        let totals = yearly_totals(&[a, b, c]);
        assert_eq!(totals.len(), 2);
        assert_eq!(
            (totals[0].year, totals[0].entries, totals[0].hours),
            (2026, 2, 35.0)
        );
        assert_eq!(money_list(&totals[0].earned), "150 EUR + 500 USD");
        assert_eq!(money_list(&totals[0].paid), "500 USD");
        assert_eq!(
            (totals[1].year, totals[1].entries, totals[1].hours),
            (2025, 1, 0.0)
        );
        assert_eq!(money_list(&totals[1].paid), "none");
    }

    fn valid_form() -> EntryForm {
        let mut f = entry(1).to_form(|_| None);
        f.set(EntryField::Title, "Market sizing deck");
        f.set(EntryField::Organization, "Acme");
        f.deliverables = vec![
            DeliverableForm {
                title: "Deck".into(),
                link: "https://ex.org/d".into(),
                date: "2026-11-14".into(),
                ..Default::default()
            },
            DeliverableForm::default(),
        ];
        f.milestones = vec![MilestoneForm {
            title: "Outline".into(),
            due: "2026-11-06".into(),
            done: true,
        }];
        f.objectives = vec![
            ObjectiveForm {
                text: "Size a market".into(),
                outcome: "met".into(),
            },
            ObjectiveForm::default(),
        ];
        f.set(EntryField::FeedbackQuote, "Great work");
        f.set(EntryField::FeedbackRating, "5");
        f.set(EntryField::Skills, "Excel, excel, Market research");
        f
    }

    #[test]
    fn a_valid_form_drops_blank_rows_and_keeps_everything_else() {
        let parsed = valid_form().parse(&entry(1)).unwrap();
        let e = &parsed.entry;
        assert_eq!(
            e.deliverables.len(),
            1,
            "the blank deliverable row is dropped"
        );
        assert_eq!(
            e.deliverables[0].link.as_ref().map(|l| l.as_str()),
            Some("https://ex.org/d")
        );
        assert_eq!(
            e.milestones,
            [Milestone {
                title: "Outline".into(),
                due: Some(day(11, 6)),
                done: true
            }]
        );
        assert_eq!(
            e.objectives,
            [Objective {
                text: "Size a market".into(),
                outcome: Outcome::Met
            }]
        );
        assert_eq!(e.feedback.rating, Some(5));
        assert_eq!(parsed.skill_names, ["Excel", "Market research"]);
    }

    /// Decoding refuses dates outside `bounds::YEARS`: the entry form must
    /// not store one, in any of its date fields.
    #[test]
    fn entry_dates_outside_the_years_are_refused_by_the_form() {
        use crate::domain::bounds::DATE_OUT_OF_RANGE;
        let mut f = valid_form();
        f.set(EntryField::EndDate, "+262142-12-31");
        f.set(EntryField::FeedbackDate, "1899-12-31");
        f.deliverables[0].date = "2201-01-01".into();
        f.milestones[0].due = "0001-01-01".into();
        let errors = f.parse(&entry(1)).unwrap_err();
        let got: Vec<(EntryField, &str)> = errors
            .iter()
            .map(|e| (e.field, e.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (EntryField::EndDate, DATE_OUT_OF_RANGE),
                (EntryField::DeliverableDate(0), DATE_OUT_OF_RANGE),
                (EntryField::MilestoneDue(0), DATE_OUT_OF_RANGE),
                (EntryField::FeedbackDate, DATE_OUT_OF_RANGE),
            ]
        );
    }

    #[test]
    fn validation_covers_links_dates_hours_fee_rating_and_rows() {
        let mut f = valid_form();
        f.set(EntryField::Title, "");
        f.set(EntryField::StartDate, "2026-11-10");
        f.set(EntryField::EndDate, "2026-11-01");
        f.set(EntryField::LoggedHours, "-1");
        f.set(EntryField::Fee, "-5");
        f.set(EntryField::FeedbackRating, "7");
        f.deliverables[0].link = "javascript:alert(1)".into();
        f.deliverables[1].description = "no title".into();
        f.milestones.push(MilestoneForm {
            title: "".into(),
            due: "soon".into(),
            done: false,
        });
        let errors = f.parse(&entry(1)).unwrap_err();
        let fields: Vec<EntryField> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                EntryField::Title,
                EntryField::EndDate,
                EntryField::LoggedHours,
                EntryField::Fee,
                EntryField::DeliverableLink(0),
                EntryField::DeliverableTitle(1),
                EntryField::MilestoneTitle(1),
                EntryField::MilestoneDue(1),
                EntryField::FeedbackRating,
            ]
        );
        assert_eq!(EntryField::DeliverableLink(0).label(), "Deliverable 1 link");
    }

    #[test]
    fn skills_created_from_an_entry_take_the_category_the_form_shows() {
        let mut doc = Document::new(at(1, 1), RecordId::from_random_bytes([9; 16]));
        let mut n = 100u8;
        let mut ids = || {
            n += 1;
            RecordId::from_random_bytes([n; 16])
        };
        let mut form = valid_form();
        form.set(
            EntryField::Skills,
            "Client communication, Excel, Forecasting",
        );
        // The student changed one proposal; the others are left as proposed.
        form.skill_categories
            .insert("forecasting".into(), SkillCategory::Domain);
        doc.save_entry(form.parse(&entry(1)).unwrap(), at(11, 2), &mut ids);
        let category = |name: &str| {
            doc.skills
                .iter()
                .find(|s| s.name == name)
                .map(|s| s.category)
        };
        assert_eq!(category("Client communication"), Some(SkillCategory::Soft));
        assert_eq!(category("Excel"), Some(SkillCategory::Tool));
        assert_eq!(category("Forecasting"), Some(SkillCategory::Domain));
    }

    #[test]
    fn saving_resolves_skills_touches_on_change_and_round_trips() {
        let mut doc = Document::new(at(1, 1), RecordId::from_random_bytes([9; 16]));
        let base = entry(1);
        let mut n = 100u8;
        let mut ids = || {
            n += 1;
            RecordId::from_random_bytes([n; 16])
        };
        doc.save_entry(valid_form().parse(&base).unwrap(), at(11, 2), &mut ids);
        assert_eq!(doc.skills.len(), 2);
        let saved = doc.entries[0].clone();
        assert_eq!(saved.skills.len(), 2);
        let form = saved.to_form(|id| doc.skill(id).map(|s| s.name.clone()));
        assert_eq!(form.get(EntryField::Skills), "Excel, Market research");
        let before = doc.clone();
        doc.save_entry(form.parse(&saved).unwrap(), at(11, 3), &mut ids);
        assert_eq!(doc, before, "saving an unchanged form changes nothing");
        let mut changed = form.clone();
        changed.set(EntryField::Reflection, "Learned a lot");
        doc.save_entry(changed.parse(&saved).unwrap(), at(11, 4), &mut ids);
        assert_eq!(doc.entries[0].meta.updated, at(11, 4));
        assert_eq!(
            crate::domain::decode(&crate::domain::encode(&doc)).unwrap(),
            doc
        );
    }

    #[test]
    fn a_completed_application_converts_once_prefilled_and_linked() {
        use crate::domain::contact::{Contact, ContactKind};
        let mut doc = Document::new(at(1, 1), RecordId::from_random_bytes([9; 16]));
        let mut mentor = Contact::new(Meta::new(RecordId::from_random_bytes([30; 16]), at(1, 1)));
        mentor.kind = ContactKind::Mentor;
        let mut boss = Contact::new(Meta::new(RecordId::from_random_bytes([31; 16]), at(1, 1)));
        boss.kind = ContactKind::Supervisor;
        doc.upsert_contact(mentor.clone(), at(1, 1));
        doc.upsert_contact(boss.clone(), at(1, 1));
        let mut a = app(1, "Acme", "Market sizing", day(10, 1));
        a.contacts = vec![mentor.meta.id, boss.meta.id];
        a.required_skills = vec!["Excel".into()];
        a.start_date = Some(day(11, 3));
        a.estimated_hours = Some(20.0);
        a.fee = usd(50_000);
        a.tags = vec!["research".into()];
        let app_id = a.meta.id;
        doc.upsert_application(a, at(10, 1));
        let mut n = 50u8;
        let mut ids = || {
            n += 1;
            RecordId::from_random_bytes([n; 16])
        };
        let entry_id = RecordId::from_random_bytes([40; 16]);
        assert!(
            doc.convert_application(app_id, entry_id, at(11, 20), &mut ids)
                .is_err(),
            "not completed yet"
        );
        doc.update_application(app_id, at(11, 20), |a| {
            a.move_to(Stage::Completed, day(11, 18), at(11, 20))
                .unwrap()
        });
        assert_eq!(
            doc.convert_application(app_id, entry_id, at(11, 20), &mut ids),
            Ok(entry_id)
        );
        let e = doc.entry(entry_id).unwrap();
        assert_eq!(
            (e.organization.as_str(), e.role.as_str(), e.title.as_str()),
            ("Acme", "Market sizing", "Market sizing")
        );
        assert_eq!(
            (e.start_date, e.end_date),
            (Some(day(11, 3)), Some(day(11, 18)))
        );
        assert_eq!(
            (e.estimated_hours, e.fee.clone()),
            (Some(20.0), usd(50_000))
        );
        assert_eq!(
            e.supervisor,
            Some(boss.meta.id),
            "the supervisor, not the first contact"
        );
        assert_eq!(e.application, Some(app_id));
        assert_eq!(
            doc.skill(e.skills[0]).map(|s| s.name.as_str()),
            Some("Excel")
        );
        assert_eq!(
            doc.entry_for_application(app_id).map(|e| e.meta.id),
            Some(entry_id)
        );
        let again = RecordId::from_random_bytes([41; 16]);
        assert_eq!(
            doc.convert_application(app_id, again, at(11, 21), &mut ids),
            Ok(entry_id),
            "converted once"
        );
        assert_eq!(doc.entries.len(), 1);
    }

    #[test]
    fn deleting_a_supervisor_unlinks_the_entry_and_undo_relinks_it() {
        use crate::domain::contact::Contact;
        let mut doc = Document::new(at(1, 1), RecordId::from_random_bytes([9; 16]));
        let boss = Contact::new(Meta::new(RecordId::from_random_bytes([31; 16]), at(1, 1)));
        doc.upsert_contact(boss.clone(), at(1, 1));
        let mut e = entry(1);
        e.supervisor = Some(boss.meta.id);
        doc.entries.push(e);
        let before = doc.entries.clone();
        let removed = doc.remove_contact(boss.meta.id, at(2, 1)).unwrap();
        assert_eq!(doc.entries[0].supervisor, None);
        doc.restore_contact(removed, at(2, 2));
        assert_eq!(doc.entries, before);
    }

    #[test]
    fn entries_list_newest_first() {
        let mut doc = Document::new(at(1, 1), RecordId::from_random_bytes([9; 16]));
        for (n, end) in [(1, day(3, 1)), (2, day(9, 1)), (3, day(6, 1))] {
            let mut e = entry(n);
            e.end_date = Some(end);
            doc.entries.push(e);
        }
        let titles: Vec<_> = doc
            .entries_newest_first()
            .iter()
            .map(|e| e.title.clone())
            .collect();
        assert_eq!(titles, ["Entry 2", "Entry 3", "Entry 1"]);
        let removed = doc.remove_entry(doc.entries[1].meta.id, at(2, 1)).unwrap();
        assert_eq!(doc.entries.len(), 2);
        doc.restore_entry(removed, at(2, 2));
        assert_eq!(doc.entries[1].title, "Entry 2");
    }
}

/// What the portfolio list is narrowed to; empty parts do not filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntryFilter {
    pub tag: Option<String>,
    pub skill: Option<RecordId>,
    pub year: Option<i32>,
}

impl EntryFilter {
    pub fn matches(&self, e: &PortfolioEntry) -> bool {
        use chrono::Datelike;
        self.tag
            .as_ref()
            .is_none_or(|t| e.tags.iter().any(|x| x.eq_ignore_ascii_case(t)))
            && self.skill.is_none_or(|s| e.skills.contains(&s))
            && self.year.is_none_or(|y| e.date().year() == y)
    }
}

/// The years and tags in use, for the filter menus (years newest first).
pub fn years_and_tags(entries: &[PortfolioEntry]) -> (Vec<i32>, Vec<String>) {
    use chrono::Datelike;
    let mut years: Vec<i32> = entries.iter().map(|e| e.date().year()).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let mut tags: Vec<String> = Vec::new();
    for t in entries.iter().flat_map(|e| e.tags.iter()) {
        if !tags.iter().any(|x| x.eq_ignore_ascii_case(t)) {
            tags.push(t.clone());
        }
    }
    tags.sort_by_key(|t| t.to_lowercase());
    (years, tags)
}

#[cfg(test)]
mod filter_tests {
    use super::*;
    use crate::domain::application::tests::{at, day};

    #[test]
    fn the_list_filters_by_tag_skill_and_year() {
        let skill = RecordId::from_random_bytes([7; 16]);
        let mut a = PortfolioEntry::new(Meta::new(RecordId::from_random_bytes([1; 16]), at(1, 1)));
        a.tags = vec!["Research".into()];
        a.skills = vec![skill];
        a.end_date = Some(day(11, 1));
        let mut b = PortfolioEntry::new(Meta::new(RecordId::from_random_bytes([2; 16]), at(1, 1)));
        b.tags = vec!["design".into(), "research".into()];
        b.end_date = NaiveDate::from_ymd_opt(2025, 6, 1);
        let entries = [a, b];
        let count = |f: EntryFilter| entries.iter().filter(|e| f.matches(e)).count();
        assert_eq!(count(EntryFilter::default()), 2);
        assert_eq!(
            count(EntryFilter {
                tag: Some("RESEARCH".into()),
                ..Default::default()
            }),
            2
        );
        assert_eq!(
            count(EntryFilter {
                skill: Some(skill),
                ..Default::default()
            }),
            1
        );
        assert_eq!(
            count(EntryFilter {
                year: Some(2025),
                ..Default::default()
            }),
            1
        );
        assert_eq!(
            count(EntryFilter {
                tag: Some("design".into()),
                year: Some(2026),
                ..Default::default()
            }),
            0
        );
        assert_eq!(
            years_and_tags(&entries),
            (
                vec![2026, 2025],
                vec!["design".to_owned(), "Research".to_owned()]
            )
        );
    }
}
