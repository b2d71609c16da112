//! Applications: the opportunities a student considers, applies to and
//! works on, each with a dated stage history.
//!
//! Stages run Saved → Applied → Interviewing → Offered → Accepted / In
//! progress → Completed, plus the closed stages Rejected, Withdrawn and
//! Ghosted. Every stage change is recorded with its date, which the student
//! can edit (they often log late). An application still in Applied more
//! than [`GHOSTED_AFTER_DAYS`] days after its last change is *flagged* as
//! possibly ghosted, never moved. Dates come in as arguments: the core does
//! not read the clock.

use super::bounds;
use super::record::{Meta, RecordId};
use super::validate::{check_length, FieldError, SafeUrl, UrlPolicy};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Days in Applied with no change before an application is flagged.
pub const GHOSTED_AFTER_DAYS: i64 = 21;
/// The "due soon" window, in days from today.
pub const DUE_SOON_DAYS: i64 = 7;
/// The most hours an application may estimate (a generous full-time
/// semester); micro-internships are typically 5 to 40 hours in total.
pub const MAX_HOURS: f64 = 2000.0;
/// The largest fee the forms take, in cents (100,000,000.00): far from
/// `u64::MAX`, so even 50,000 of them add up without overflow.
pub const MAX_FEE_CENTS: u64 = 10_000_000_000;

/// Where an application stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Saved,
    Applied,
    Interviewing,
    Offered,
    /// Accepted, or the work is under way.
    InProgress,
    Completed,
    Rejected,
    Withdrawn,
    Ghosted,
}

impl Stage {
    /// Board order: the pipeline, then the closed stages.
    pub const ALL: [Stage; 9] = [
        Stage::Saved,
        Stage::Applied,
        Stage::Interviewing,
        Stage::Offered,
        Stage::InProgress,
        Stage::Completed,
        Stage::Rejected,
        Stage::Withdrawn,
        Stage::Ghosted,
    ];

    /// The board's columns: the pipeline's six, then one Closed column for
    /// Rejected, Withdrawn and Ghosted (each card there says which), so every
    /// stage is in reach on a laptop's width.
    pub const BOARD_COLUMNS: usize = 7;

    /// This stage's column on the board (0 to [`Stage::BOARD_COLUMNS`] - 1).
    pub fn board_column(self) -> usize {
        self.index().min(Self::BOARD_COLUMNS - 1)
    }

    /// Its place in [`Stage::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn label(self) -> &'static str {
        match self {
            Stage::Saved => "Saved",
            Stage::Applied => "Applied",
            Stage::Interviewing => "Interviewing",
            Stage::Offered => "Offered",
            Stage::InProgress => "Accepted / In progress",
            Stage::Completed => "Completed",
            Stage::Rejected => "Rejected",
            Stage::Withdrawn => "Withdrawn",
            Stage::Ghosted => "Ghosted",
        }
    }

    /// A stable, id-safe name (`in_progress`).
    pub fn slug(self) -> &'static str {
        match self {
            Stage::Saved => "saved",
            Stage::Applied => "applied",
            Stage::Interviewing => "interviewing",
            Stage::Offered => "offered",
            Stage::InProgress => "in_progress",
            Stage::Completed => "completed",
            Stage::Rejected => "rejected",
            Stage::Withdrawn => "withdrawn",
            Stage::Ghosted => "ghosted",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// Rejected, Withdrawn or Ghosted: the application ended without work.
    pub fn is_closed(self) -> bool {
        matches!(self, Stage::Rejected | Stage::Withdrawn | Stage::Ghosted)
    }

    /// Still going somewhere: neither closed nor completed.
    pub fn is_active(self) -> bool {
        !self.is_closed() && self != Stage::Completed
    }

    /// The next and previous stage on the board (for keyboard moves).
    pub fn neighbour(self, step: isize) -> Option<Stage> {
        let i = Stage::ALL.iter().position(|s| *s == self)? as isize + step;
        usize::try_from(i)
            .ok()
            .and_then(|i| Stage::ALL.get(i).copied())
    }
}

/// One recorded stage change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageChange {
    pub stage: Stage,
    pub date: NaiveDate,
}

/// Where the work happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Arrangement {
    Remote,
    InPerson,
    Hybrid,
}

impl Arrangement {
    pub const ALL: [Arrangement; 3] = [
        Arrangement::Remote,
        Arrangement::InPerson,
        Arrangement::Hybrid,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Arrangement::Remote => "Remote",
            Arrangement::InPerson => "In person",
            Arrangement::Hybrid => "Hybrid",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Arrangement::Remote => "remote",
            Arrangement::InPerson => "in_person",
            Arrangement::Hybrid => "hybrid",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.slug() == slug)
    }
}

/// Where students find opportunities (shared/DOMAIN.md); offered as
/// suggestions, any other text is fine too.
pub const KNOWN_SOURCES: [&str; 10] = [
    "Parker Dewey",
    "MySphere",
    "Internshala",
    "Upwork",
    "Career services",
    "Job board",
    "Alumni network",
    "LinkedIn",
    "Job fair",
    "Company website",
];

/// A fixed fee in minor units (cents) and an ISO 4217 currency code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Money {
    pub cents: u64,
    pub currency: String,
}

impl Money {
    /// Parses "1,250.50" (commas and spaces ignored, at most 2 decimals).
    pub fn parse_amount(text: &str) -> Result<u64, &'static str> {
        let cleaned: String = text
            .chars()
            .filter(|c| !matches!(c, ',' | ' ' | '_'))
            .collect();
        let cleaned = cleaned.trim_start_matches(['$', '€', '£']);
        if cleaned.starts_with('-') {
            return Err("The fee cannot be negative.");
        }
        let (whole, frac) = cleaned.split_once('.').unwrap_or((cleaned, ""));
        let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        if !digits(whole) || !(frac.is_empty() || digits(frac)) || frac.len() > 2 {
            return Err("Enter the fee as a number, e.g. 400 or 1250.50.");
        }
        let whole: u64 = whole.parse().map_err(|_| "That fee is too large.")?;
        let frac: u64 = format!("{frac:0<2}").parse().unwrap_or(0);
        whole
            .checked_mul(100)
            .and_then(|c| c.checked_add(frac))
            .filter(|c| *c <= MAX_FEE_CENTS)
            .ok_or("That fee is too large.")
    }

    /// "1,250.50" without a currency.
    pub fn amount_text(&self) -> String {
        let whole = (self.cents / 100).to_string();
        let mut grouped = String::new();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        match self.cents % 100 {
            0 => grouped,
            f => format!("{grouped}.{f:02}"),
        }
    }
}

impl std::fmt::Display for Money {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.amount_text(), self.currency)
    }
}

/// Why a step's date was not changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RedateError {
    OutOfRange,
    Conflict(DateConflict),
}

/// An opportunity and its history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Application {
    pub meta: Meta,
    pub organization: String,
    /// The role or project title.
    pub role: String,
    pub source: String,
    pub posting_url: Option<SafeUrl>,
    pub arrangement: Option<Arrangement>,
    pub location: String,
    pub estimated_hours: Option<f64>,
    pub fee: Option<Money>,
    pub date_found: Option<NaiveDate>,
    pub date_applied: Option<NaiveDate>,
    pub deadline: Option<NaiveDate>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub next_follow_up: Option<NaiveDate>,
    pub required_skills: Vec<String>,
    pub tags: Vec<String>,
    pub notes: String,
    /// Linked contacts, by id.
    pub contacts: Vec<RecordId>,
    /// Never empty. In the order the changes were recorded: the last one is
    /// the current stage. Dates never decrease along it (a back-dated
    /// change moves the automatic first Saved step back, or is refused as a
    /// [`DateConflict`]), so it is also in date order, as it always was.
    pub history: Vec<StageChange>,
}

/// A stage change dated on the wrong side of a step recorded before (or
/// after) it; `stage` and `date` name that other step, for the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateConflict {
    /// Where the other step is in the history.
    pub index: usize,
    pub stage: Stage,
    pub date: NaiveDate,
    /// The other step comes after the one being dated.
    pub later: bool,
}

impl DateConflict {
    /// "Interviewing is dated Nov 10, 2026, after that." with the app's
    /// date format passed in.
    pub fn message(&self, format: impl Fn(NaiveDate) -> String) -> String {
        let side = if self.later { "before" } else { "after" };
        format!(
            "{} is dated {}, {side} that. Change one of the two dates.",
            self.stage.label(),
            format(self.date)
        )
    }
}

impl Application {
    /// The current stage: the change recorded last (list order, never the
    /// latest date: back-dating a change never makes another one current).
    pub fn stage(&self) -> Stage {
        self.history.last().map_or(Stage::Saved, |c| c.stage)
    }

    /// The date of the current stage (the last recorded change).
    pub fn last_change(&self) -> Option<NaiveDate> {
        self.history.last().map(|c| c.date)
    }

    /// Whether `history[0]` is the Saved step every application starts
    /// with: a back-dated change may move it back.
    fn automatic_first(&self, index: usize) -> bool {
        index == 0
            && self
                .history
                .first()
                .is_some_and(|c| c.stage == Stage::Saved)
    }

    /// The step before `index` dated after `date`, unless it is only the
    /// automatic first Saved step.
    fn earlier_conflict(&self, index: usize, date: NaiveDate) -> Option<DateConflict> {
        let (i, c) = self.history[..index]
            .iter()
            .enumerate()
            .rev()
            .find(|(i, c)| c.date > date && !self.automatic_first(*i))?;
        Some(DateConflict {
            index: i,
            stage: c.stage,
            date: c.date,
            later: false,
        })
    }

    /// Dates every step before `index` that lies after `date` back to
    /// `date`, and Date found too (found no later than acted on).
    fn date_back_before(&mut self, index: usize, date: NaiveDate) {
        for c in &mut self.history[..index] {
            c.date = c.date.min(date);
        }
        if self.date_found.is_some_and(|f| f > date) {
            self.date_found = Some(date);
        }
    }

    /// Whether recording `stage` on `date` would conflict with a step
    /// recorded before (dated after `date`, other than the automatic Saved).
    pub fn move_conflict(&self, date: NaiveDate) -> Option<DateConflict> {
        self.earlier_conflict(self.history.len(), date)
    }

    /// Moves to `stage` as of `date`: it becomes the current stage,
    /// whatever its date. Returns Ok(false) (and records nothing) if the
    /// application is already there, or if `date` lies outside
    /// [`bounds::YEARS`] (it could not be read back). A date before the
    /// automatic first Saved step (or Date found) moves them back to it; a
    /// date before any other recorded step is refused with the
    /// [`DateConflict`] (see [`Application::move_to_dating_back`]).
    /// Moving to Applied fills in the applied date when it is empty.
    pub fn move_to(
        &mut self,
        stage: Stage,
        date: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<bool, DateConflict> {
        if let Some(conflict) = self.move_conflict(date) {
            if self.stage() != stage && bounds::date_in_range(date) {
                return Err(conflict);
            }
        }
        Ok(self.move_to_dating_back(stage, date, now))
    }

    /// Like [`Application::move_to`], but a conflicting earlier step is
    /// dated back to `date` too (the student chose that fix).
    pub fn move_to_dating_back(
        &mut self,
        stage: Stage,
        date: NaiveDate,
        now: DateTime<Utc>,
    ) -> bool {
        if self.stage() == stage || !bounds::date_in_range(date) {
            return false;
        }
        self.date_back_before(self.history.len(), date);
        self.history.push(StageChange { stage, date });
        if stage == Stage::Applied && self.date_applied.is_none() {
            self.date_applied = Some(date);
        }
        self.meta.touch(now);
        true
    }

    /// Changes the date of the step at `index`, keeping the order (and so
    /// the current stage). A date before the automatic first Saved step
    /// moves it back; one before another earlier step, or after a later
    /// step, is refused with the conflicting step. Returns whether anything
    /// changed.
    pub fn redate(
        &mut self,
        index: usize,
        date: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<bool, RedateError> {
        if index >= self.history.len() {
            return Ok(false);
        }
        if !bounds::date_in_range(date) {
            return Err(RedateError::OutOfRange);
        }
        if let Some(conflict) = self.earlier_conflict(index, date) {
            return Err(RedateError::Conflict(conflict));
        }
        if let Some((i, c)) = self
            .history
            .iter()
            .enumerate()
            .skip(index + 1)
            .find(|(_, c)| c.date < date)
        {
            return Err(RedateError::Conflict(DateConflict {
                index: i,
                stage: c.stage,
                date: c.date,
                later: true,
            }));
        }
        let before = self.clone();
        self.date_back_before(index, date);
        self.history[index].date = date;
        if *self != before {
            self.meta.touch(now);
        }
        Ok(*self != before)
    }

    /// Removes the step at `index` (never the only one); the others keep
    /// their order. Returns it.
    pub fn remove_change(&mut self, index: usize, now: DateTime<Utc>) -> Option<StageChange> {
        if self.history.len() < 2 || index >= self.history.len() {
            return None;
        }
        let removed = self.history.remove(index);
        self.meta.touch(now);
        Some(removed)
    }

    /// Still in Applied, with no stage change for more than
    /// [`GHOSTED_AFTER_DAYS`] days: worth a follow-up, or marking Ghosted.
    pub fn possibly_ghosted(&self, today: NaiveDate) -> bool {
        self.stage() == Stage::Applied
            && self
                .last_change()
                .is_some_and(|d| (today - d).num_days() > GHOSTED_AFTER_DAYS)
    }

    /// "Organization — Role", for lists and messages.
    pub fn title(&self) -> String {
        format!("{} — {}", self.organization, self.role)
    }
}

/// The application form's fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AppField {
    Organization,
    Role,
    Source,
    PostingUrl,
    Arrangement,
    Location,
    EstimatedHours,
    Fee,
    Currency,
    DateFound,
    DateApplied,
    Deadline,
    StartDate,
    EndDate,
    NextFollowUp,
    RequiredSkills,
    Tags,
    Notes,
}

impl AppField {
    pub const ALL: [AppField; 18] = [
        AppField::Organization,
        AppField::Role,
        AppField::Source,
        AppField::PostingUrl,
        AppField::Arrangement,
        AppField::Location,
        AppField::EstimatedHours,
        AppField::Fee,
        AppField::Currency,
        AppField::DateFound,
        AppField::DateApplied,
        AppField::Deadline,
        AppField::StartDate,
        AppField::EndDate,
        AppField::NextFollowUp,
        AppField::RequiredSkills,
        AppField::Tags,
        AppField::Notes,
    ];

    pub fn label(self) -> &'static str {
        match self {
            AppField::Organization => "Organization",
            AppField::Role => "Role or project title",
            AppField::Source => "Source",
            AppField::PostingUrl => "Posting link",
            AppField::Arrangement => "Arrangement",
            AppField::Location => "Location",
            AppField::EstimatedHours => "Estimated hours",
            AppField::Fee => "Fixed fee",
            AppField::Currency => "Currency",
            AppField::DateFound => "Date found",
            AppField::DateApplied => "Date applied",
            AppField::Deadline => "Application deadline",
            AppField::StartDate => "Start date",
            AppField::EndDate => "End date",
            AppField::NextFollowUp => "Next follow-up",
            AppField::RequiredSkills => "Required skills",
            AppField::Tags => "Tags",
            AppField::Notes => "Notes",
        }
    }

    /// The field's key in [`ApplicationForm::text`] (`posting-url`).
    pub fn key(self) -> &'static str {
        match self {
            AppField::Organization => "organization",
            AppField::Role => "role",
            AppField::Source => "source",
            AppField::PostingUrl => "posting-url",
            AppField::Arrangement => "arrangement",
            AppField::Location => "location",
            AppField::EstimatedHours => "estimated-hours",
            AppField::Fee => "fee",
            AppField::Currency => "currency",
            AppField::DateFound => "date-found",
            AppField::DateApplied => "date-applied",
            AppField::Deadline => "deadline",
            AppField::StartDate => "start-date",
            AppField::EndDate => "end-date",
            AppField::NextFollowUp => "next-follow-up",
            AppField::RequiredSkills => "required-skills",
            AppField::Tags => "tags",
            AppField::Notes => "notes",
        }
    }
}

/// The raw text of the application form (dates as `YYYY-MM-DD`, lists
/// comma-separated), plus the linked contacts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ApplicationForm {
    pub text: std::collections::HashMap<&'static str, String>,
    pub contacts: Vec<RecordId>,
}

impl ApplicationForm {
    pub fn get(&self, field: AppField) -> &str {
        self.text.get(field.key()).map_or("", String::as_str)
    }

    pub fn set(&mut self, field: AppField, value: impl Into<String>) {
        self.text.insert(field.key(), value.into());
    }

    /// Validates the form. On success returns `base` updated (a new
    /// application's `base` comes from [`new_application`]).
    pub fn parse(
        &self,
        base: &Application,
        now: DateTime<Utc>,
    ) -> Result<Application, Vec<FieldError<AppField>>> {
        let mut errors = Vec::new();
        let mut err = |field, message: &str| errors.push(FieldError::new(field, message));
        let text = |field: AppField| self.get(field).trim();

        for field in AppField::ALL {
            let max = if field == AppField::Notes {
                10_000
            } else {
                300
            };
            if let Err(message) = check_length(text(field), max) {
                err(field, &message);
            }
        }
        if text(AppField::Organization).is_empty() {
            err(AppField::Organization, "Enter the organization.");
        }
        if text(AppField::Role).is_empty() {
            err(AppField::Role, "Enter the role or project title.");
        }
        let posting_url = match text(AppField::PostingUrl) {
            "" => None,
            t => SafeUrl::parse_typed(t, UrlPolicy::Web)
                .map_err(|e| err(AppField::PostingUrl, &e.to_string()))
                .ok(),
        };
        let arrangement = match text(AppField::Arrangement) {
            "" => None,
            t => Arrangement::from_slug(t).or_else(|| {
                err(AppField::Arrangement, "Choose remote, in person or hybrid.");
                None
            }),
        };
        let estimated_hours = match text(AppField::EstimatedHours) {
            "" => None,
            t => match t.parse::<f64>() {
                Ok(h) if h.is_finite() && h > 0.0 && h <= MAX_HOURS => {
                    Some((h * 10.0).round() / 10.0)
                }
                Ok(h) if h.is_finite() && h <= 0.0 => {
                    err(AppField::EstimatedHours, "Hours must be more than 0.");
                    None
                }
                Ok(_) => {
                    err(
                        AppField::EstimatedHours,
                        "That is more hours than any internship (at most 2000).",
                    );
                    None
                }
                Err(_) => {
                    err(
                        AppField::EstimatedHours,
                        "Enter hours as a number, e.g. 20 or 7.5.",
                    );
                    None
                }
            },
        };
        let currency = text(AppField::Currency).to_ascii_uppercase();
        let fee = match text(AppField::Fee) {
            "" => None,
            t => match Money::parse_amount(t) {
                Ok(cents) => {
                    let currency = if currency.is_empty() {
                        "USD".to_owned()
                    } else {
                        currency.clone()
                    };
                    Some(Money { cents, currency })
                }
                Err(message) => {
                    err(AppField::Fee, message);
                    None
                }
            },
        };
        if !currency.is_empty()
            && (currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_alphabetic()))
        {
            err(
                AppField::Currency,
                "Use a three-letter currency code, e.g. USD or EUR.",
            );
        }
        let mut date = |field: AppField| match text(field) {
            "" => None,
            t => bounds::parse_date(t).map_err(|m| err(field, m)).ok(),
        };
        let date_found = date(AppField::DateFound);
        let date_applied = date(AppField::DateApplied);
        let deadline = date(AppField::Deadline);
        let start_date = date(AppField::StartDate);
        let end_date = date(AppField::EndDate);
        let next_follow_up = date(AppField::NextFollowUp);
        if let (Some(s), Some(e)) = (start_date, end_date) {
            if e < s {
                err(AppField::EndDate, "The end date is before the start date.");
            }
        }
        if let (Some(f), Some(a)) = (date_found, date_applied) {
            if a < f {
                err(
                    AppField::DateApplied,
                    "The applied date is before the date you found it.",
                );
            }
        }
        if !errors.is_empty() {
            errors.sort_by_key(|e| AppField::ALL.iter().position(|f| *f == e.field));
            return Err(errors);
        }
        let mut app = Application {
            meta: base.meta.clone(),
            organization: text(AppField::Organization).to_owned(),
            role: text(AppField::Role).to_owned(),
            source: text(AppField::Source).to_owned(),
            posting_url,
            arrangement,
            location: text(AppField::Location).to_owned(),
            estimated_hours,
            fee,
            date_found,
            date_applied,
            deadline,
            start_date,
            end_date,
            next_follow_up,
            required_skills: split_list(text(AppField::RequiredSkills)),
            tags: split_list(text(AppField::Tags)),
            notes: text(AppField::Notes).to_owned(),
            contacts: self.contacts.clone(),
            history: base.history.clone(),
        };
        if app != *base {
            app.meta.touch(now);
        }
        Ok(app)
    }
}

/// Splits "SQL, Excel,  sql" into ["SQL", "Excel"]: trimmed, no empties,
/// no case-insensitive duplicates (the first spelling wins).
pub fn split_list(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        if !out.iter().any(|o| o.eq_ignore_ascii_case(item)) {
            out.push(item.to_owned());
        }
    }
    out
}

/// A blank application, saved as of `today` with the given id. Date found
/// stays empty until the student sets it: a default must never block a
/// date they type (an applied date before it was refused).
pub fn new_application(id: RecordId, now: DateTime<Utc>, today: NaiveDate) -> Application {
    Application {
        meta: Meta::new(id, now),
        organization: String::new(),
        role: String::new(),
        source: String::new(),
        posting_url: None,
        arrangement: None,
        location: String::new(),
        estimated_hours: None,
        fee: None,
        date_found: None,
        date_applied: None,
        deadline: None,
        start_date: None,
        end_date: None,
        next_follow_up: None,
        required_skills: Vec::new(),
        tags: Vec::new(),
        notes: String::new(),
        contacts: Vec::new(),
        history: vec![StageChange {
            stage: Stage::Saved,
            date: today,
        }],
    }
}

impl Application {
    /// The form showing this application.
    pub fn to_form(&self) -> ApplicationForm {
        let mut form = ApplicationForm {
            contacts: self.contacts.clone(),
            ..Default::default()
        };
        let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        form.set(AppField::Organization, self.organization.clone());
        form.set(AppField::Role, self.role.clone());
        form.set(AppField::Source, self.source.clone());
        form.set(
            AppField::PostingUrl,
            self.posting_url
                .as_ref()
                .map(|u| u.to_string())
                .unwrap_or_default(),
        );
        form.set(
            AppField::Arrangement,
            self.arrangement.map(|a| a.slug()).unwrap_or_default(),
        );
        form.set(AppField::Location, self.location.clone());
        form.set(
            AppField::EstimatedHours,
            self.estimated_hours
                .map(|h| h.to_string())
                .unwrap_or_default(),
        );
        form.set(
            AppField::Fee,
            self.fee
                .as_ref()
                .map(|m| m.amount_text().replace(',', ""))
                .unwrap_or_default(),
        );
        form.set(
            AppField::Currency,
            self.fee
                .as_ref()
                .map_or("USD".to_owned(), |m| m.currency.clone()),
        );
        form.set(AppField::DateFound, date(self.date_found));
        form.set(AppField::DateApplied, date(self.date_applied));
        form.set(AppField::Deadline, date(self.deadline));
        form.set(AppField::StartDate, date(self.start_date));
        form.set(AppField::EndDate, date(self.end_date));
        form.set(AppField::NextFollowUp, date(self.next_follow_up));
        form.set(AppField::RequiredSkills, self.required_skills.join(", "));
        form.set(AppField::Tags, self.tags.join(", "));
        form.set(AppField::Notes, self.notes.clone());
        form
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use chrono::TimeZone;

    pub fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    pub fn at(m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, m, d, 12, 0, 0).unwrap()
    }

    /// A valid application "org — role" saved on `found`.
    pub fn app(n: u8, org: &str, role: &str, found: NaiveDate) -> Application {
        let mut a = new_application(RecordId::from_random_bytes([n; 16]), at(1, 1), found);
        a.organization = org.into();
        a.role = role.into();
        a
    }

    /// Issue 20: at 1280 px the board showed 5 of its 9 columns.
    #[test]
    fn the_closed_stages_share_the_boards_last_column() {
        let columns: Vec<usize> = Stage::ALL.iter().map(|s| s.board_column()).collect();
        assert_eq!(columns, [0, 1, 2, 3, 4, 5, 6, 6, 6]);
        assert!(Stage::ALL
            .iter()
            .all(|s| s.is_closed() == (s.board_column() == Stage::BOARD_COLUMNS - 1)));
    }

    #[test]
    fn a_new_application_starts_saved_with_one_dated_change() {
        let a = app(1, "Acme", "Research", day(11, 1));
        assert_eq!(a.stage(), Stage::Saved);
        assert_eq!(
            a.history,
            [StageChange {
                stage: Stage::Saved,
                date: day(11, 1)
            }]
        );
    }

    #[test]
    fn moving_records_each_change_with_its_date_and_skips_no_ops() {
        let mut a = app(1, "Acme", "Research", day(11, 1));
        assert_eq!(a.move_to(Stage::Applied, day(11, 3), at(11, 3)), Ok(true));
        assert_eq!(
            a.date_applied,
            Some(day(11, 3)),
            "applying fills the applied date"
        );
        assert!(
            a.move_to(Stage::Applied, day(11, 4), at(11, 4)) == Ok(false),
            "already there"
        );
        assert_eq!(
            a.move_to(Stage::Interviewing, day(11, 10), at(11, 10)),
            Ok(true)
        );
        assert_eq!(a.stage(), Stage::Interviewing);
        assert_eq!(a.history.len(), 3);
        assert_eq!(a.meta.updated, at(11, 10));
    }

    fn stages(a: &Application) -> Vec<Stage> {
        a.history.iter().map(|c| c.stage).collect()
    }

    /// Issue 19, item 1: added today, then every step logged dated in the
    /// past; the automatic Saved step (today) used to be the latest date
    /// and so the "current" stage.
    #[test]
    fn an_application_logged_late_does_not_get_stuck_in_saved() {
        let today = day(11, 23);
        let mut a = app(1, "Acme", "Research", today);
        a.date_found = Some(today);
        let steps = [
            (Stage::Applied, day(10, 14)),
            (Stage::Interviewing, day(10, 20)),
            (Stage::Offered, day(10, 28)),
            (Stage::InProgress, day(11, 2)),
            (Stage::Completed, day(11, 21)),
        ];
        for (stage, date) in steps {
            assert_eq!(a.move_to(stage, date, at(11, 23)), Ok(true), "{stage:?}");
            assert_eq!(a.stage(), stage, "the change recorded last is current");
        }
        assert_eq!(
            a.history[0],
            StageChange {
                stage: Stage::Saved,
                date: day(10, 14)
            },
            "the automatic Saved step moved back to the applied date"
        );
        assert_eq!(a.date_found, Some(day(10, 14)), "and Date found with it");
        assert_eq!(a.date_applied, Some(day(10, 14)));
        assert!(
            a.history.windows(2).all(|w| w[0].date <= w[1].date),
            "the history stays in date order"
        );
        // The form still accepts the application as it is now.
        assert!(a.to_form().parse(&a, at(11, 23)).is_ok());
    }

    #[test]
    fn a_change_dated_before_an_earlier_recorded_step_is_refused_naming_it() {
        let mut a = app(1, "Acme", "Research", day(11, 1));
        a.move_to(Stage::Interviewing, day(11, 10), at(11, 10))
            .unwrap();
        // The student forgot to log the application itself, done on the 3rd.
        let before = a.clone();
        let conflict = a.move_to(Stage::Applied, day(11, 3), at(11, 12));
        assert_eq!(
            conflict,
            Err(DateConflict {
                index: 1,
                stage: Stage::Interviewing,
                date: day(11, 10),
                later: false
            })
        );
        assert_eq!(a, before, "nothing recorded, the stage is not changed");
        assert_eq!(
            conflict.unwrap_err().message(|d| d.to_string()),
            "Interviewing is dated 2026-11-10, after that. Change one of the two dates."
        );
        // The offered fix: record it, dating the earlier step back.
        assert!(a.move_to_dating_back(Stage::Applied, day(11, 3), at(11, 12)));
        assert_eq!(a.stage(), Stage::Applied, "recorded last: current");
        assert_eq!(
            stages(&a),
            [Stage::Saved, Stage::Interviewing, Stage::Applied]
        );
        assert!(a.history.iter().all(|c| c.date <= day(11, 3)));
    }

    #[test]
    fn redating_a_step_keeps_the_order_and_the_current_stage() {
        let mut a = app(1, "Acme", "Research", day(11, 1));
        a.date_found = Some(day(11, 1));
        a.move_to(Stage::Applied, day(11, 3), at(11, 3)).unwrap();
        a.move_to(Stage::Interviewing, day(11, 10), at(11, 10))
            .unwrap();
        // Before the automatic Saved step: it moves back.
        assert_eq!(a.redate(1, day(10, 30), at(11, 11)), Ok(true));
        assert_eq!(a.history[0].date, day(10, 30));
        assert_eq!(a.date_found, Some(day(10, 30)));
        // Interviewing before Applied, or Applied after Interviewing: refused.
        assert_eq!(
            a.redate(2, day(10, 29), at(11, 11)),
            Err(RedateError::Conflict(DateConflict {
                index: 1,
                stage: Stage::Applied,
                date: day(10, 30),
                later: false
            }))
        );
        assert_eq!(
            a.redate(1, day(11, 12), at(11, 11)),
            Err(RedateError::Conflict(DateConflict {
                index: 2,
                stage: Stage::Interviewing,
                date: day(11, 10),
                later: true
            }))
        );
        assert_eq!(a.stage(), Stage::Interviewing);
        assert_eq!(a.redate(2, day(11, 10), at(11, 12)), Ok(false), "no change");
        assert_eq!(a.meta.updated, at(11, 11));
        // Removing keeps the others in order, never the last one.
        assert_eq!(
            a.remove_change(2, at(11, 13)).map(|c| c.stage),
            Some(Stage::Interviewing)
        );
        assert_eq!(a.stage(), Stage::Applied);
        a.remove_change(0, at(11, 13));
        assert_eq!(a.remove_change(0, at(11, 14)), None, "never empty");
        assert_eq!(stages(&a), [Stage::Applied]);
    }

    #[test]
    fn ghosted_is_a_flag_after_21_quiet_days_in_applied_never_a_move() {
        let mut a = app(1, "Acme", "Research", day(10, 1));
        a.move_to(Stage::Applied, day(10, 2), at(10, 2)).unwrap();
        assert!(!a.possibly_ghosted(day(10, 23)), "exactly 21 days: not yet");
        assert!(a.possibly_ghosted(day(10, 24)));
        assert_eq!(a.stage(), Stage::Applied, "flagging never moves it");
        a.move_to(Stage::Interviewing, day(10, 20), at(10, 20))
            .unwrap();
        assert!(
            !a.possibly_ghosted(day(12, 1)),
            "only applications still in Applied"
        );
        let saved = app(2, "Beta", "Data entry", day(1, 1));
        assert!(!saved.possibly_ghosted(day(12, 1)));
    }

    #[test]
    fn stage_groups_and_neighbours() {
        assert!(Stage::Ghosted.is_closed() && !Stage::Ghosted.is_active());
        assert!(!Stage::Completed.is_closed() && !Stage::Completed.is_active());
        assert!(Stage::Offered.is_active());
        assert_eq!(Stage::Saved.neighbour(-1), None);
        assert_eq!(Stage::Saved.neighbour(1), Some(Stage::Applied));
        assert_eq!(Stage::Ghosted.neighbour(1), None);
        for (i, s) in Stage::ALL.into_iter().enumerate() {
            assert_eq!(s.index(), i, "the board finds a column by index");
            assert_eq!(Stage::from_slug(s.slug()), Some(s));
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(json, format!("\"{}\"", s.slug()));
        }
    }

    fn form(pairs: &[(AppField, &str)]) -> ApplicationForm {
        let mut f = ApplicationForm::default();
        for (k, v) in pairs {
            f.set(*k, *v);
        }
        f
    }

    #[test]
    fn validation_names_every_bad_field_in_form_order() {
        let base = app(1, "", "", day(11, 1));
        let bad = form(&[
            (AppField::PostingUrl, "javascript:alert(1)"),
            (AppField::EstimatedHours, "-3"),
            (AppField::Fee, "-20"),
            (AppField::Currency, "dollars"),
            (AppField::DateFound, "2026-11-05"),
            (AppField::DateApplied, "2026-11-01"),
            (AppField::StartDate, "2026-12-10"),
            (AppField::EndDate, "2026-12-01"),
            (AppField::Deadline, "next friday"),
        ]);
        let errors = bad.parse(&base, at(11, 2)).unwrap_err();
        let got: Vec<(AppField, &str)> = errors
            .iter()
            .map(|e| (e.field, e.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (AppField::Organization, "Enter the organization."),
                (AppField::Role, "Enter the role or project title."),
                (
                    AppField::PostingUrl,
                    "Only https:// and http:// links are allowed."
                ),
                (AppField::EstimatedHours, "Hours must be more than 0."),
                (AppField::Fee, "The fee cannot be negative."),
                (
                    AppField::Currency,
                    "Use a three-letter currency code, e.g. USD or EUR."
                ),
                (
                    AppField::DateApplied,
                    "The applied date is before the date you found it."
                ),
                (AppField::Deadline, "Enter a date as YYYY-MM-DD."),
                (AppField::EndDate, "The end date is before the start date."),
            ]
        );
    }

    /// What the app writes it must read back: decoding refuses dates
    /// outside `bounds::YEARS`, so neither a form nor a stage change may
    /// store one (the stage history's date inputs accept "0001-01-01").
    #[test]
    fn dates_outside_the_readable_years_are_never_stored() {
        let base = app(1, "A", "B", day(11, 1));
        for field in [
            AppField::NextFollowUp,
            AppField::Deadline,
            AppField::DateFound,
        ] {
            let f = form(&[
                (AppField::Organization, "A"),
                (AppField::Role, "B"),
                (field, "+262142-12-31"),
            ]);
            let errors = f.parse(&base, at(11, 2)).unwrap_err();
            assert_eq!(
                (errors[0].field, errors[0].message.as_str()),
                (field, crate::domain::bounds::DATE_OUT_OF_RANGE)
            );
        }
        let mut a = base.clone();
        let old = NaiveDate::from_ymd_opt(1, 1, 1).unwrap();
        assert_eq!(
            a.move_to(Stage::Applied, old, at(11, 2)),
            Ok(false),
            "not recorded"
        );
        assert_eq!(a, base);
        assert_eq!(a.redate(0, old, at(11, 2)), Err(RedateError::OutOfRange));
        assert_eq!(a, base);
        assert_eq!(a.move_to(Stage::Applied, day(11, 3), at(11, 3)), Ok(true));
    }

    /// Issue 19, item 2: Date found defaulted to today, so a past applied
    /// date was refused ("before the date you found it").
    #[test]
    fn a_past_date_applied_is_accepted_on_a_new_application() {
        let base = new_application(
            RecordId::from_random_bytes([1; 16]),
            at(11, 23),
            day(11, 23),
        );
        assert_eq!(base.date_found, None, "no default to get in the way");
        assert_eq!(base.to_form().get(AppField::DateFound), "");
        let f = form(&[
            (AppField::Organization, "Acme"),
            (AppField::Role, "Research"),
            (AppField::DateApplied, "2026-10-20"),
        ]);
        let a = f.parse(&base, at(11, 23)).unwrap();
        assert_eq!(a.date_applied, Some(day(10, 20)));
        assert_eq!(a.date_found, None);
        // A Date found the student typed is still checked against it.
        let mut typed = f.clone();
        typed.set(AppField::DateFound, "2026-10-25");
        assert_eq!(
            typed.parse(&base, at(11, 23)).unwrap_err()[0].field,
            AppField::DateApplied
        );
    }

    #[test]
    fn hours_must_be_within_reason() {
        let base = app(1, "A", "B", day(11, 1));
        for (hours, ok) in [
            ("20", true),
            ("7.5", true),
            ("0", false),
            ("2001", false),
            ("lots", false),
            ("NaN", false),
        ] {
            let f = form(&[
                (AppField::Organization, "A"),
                (AppField::Role, "B"),
                (AppField::EstimatedHours, hours),
            ]);
            assert_eq!(f.parse(&base, at(11, 2)).is_ok(), ok, "{hours}");
        }
    }

    #[test]
    fn a_valid_form_round_trips_and_cleans_lists_and_money() {
        let base = app(1, "", "", day(11, 1));
        let f = form(&[
            (AppField::Organization, " Acme Analytics "),
            (AppField::Role, "Market sizing"),
            (AppField::Source, "Parker Dewey"),
            (AppField::PostingUrl, "https://example.org/p/1"),
            (AppField::Arrangement, "hybrid"),
            (AppField::EstimatedHours, "20"),
            (AppField::Fee, "1,250.5"),
            (AppField::Currency, "eur"),
            (AppField::StartDate, "2026-11-03"),
            (AppField::EndDate, "2026-11-14"),
            (AppField::RequiredSkills, "Excel, , market research, excel"),
            (AppField::Tags, "research"),
        ]);
        let a = f.parse(&base, at(11, 2)).unwrap();
        assert_eq!(a.organization, "Acme Analytics");
        assert_eq!(
            a.fee,
            Some(Money {
                cents: 125_050,
                currency: "EUR".into()
            })
        );
        assert_eq!(a.fee.as_ref().unwrap().to_string(), "1,250.50 EUR");
        assert_eq!(a.required_skills, ["Excel", "market research"]);
        assert_eq!(a.arrangement, Some(Arrangement::Hybrid));
        assert_eq!(a.meta.updated, at(11, 2));
        let again = a.to_form().parse(&a, at(11, 9)).unwrap();
        assert_eq!(
            again, a,
            "an unchanged form changes nothing, not even `updated`"
        );
    }

    /// Regression (issue 19, A): a posting link typed without `https://`
    /// was refused.
    #[test]
    fn a_posting_link_typed_without_https_is_kept_with_https() {
        let base = app(1, "", "", day(11, 1));
        let f = form(&[
            (AppField::Organization, "Acme"),
            (AppField::Role, "Research"),
            (AppField::PostingUrl, "parkerdewey.com/projects/12345"),
        ]);
        let a = f.parse(&base, at(11, 2)).unwrap();
        assert_eq!(
            a.posting_url.as_ref().map(|u| u.as_str()),
            Some("https://parkerdewey.com/projects/12345")
        );
        assert_eq!(
            a.to_form().get(AppField::PostingUrl),
            "https://parkerdewey.com/projects/12345"
        );
        let f = form(&[
            (AppField::Organization, "Acme"),
            (AppField::Role, "Research"),
            (AppField::PostingUrl, "javascript:alert(1)"),
        ]);
        assert!(f.parse(&base, at(11, 2)).is_err());
    }

    #[test]
    fn money_parses_and_formats() {
        assert_eq!(Money::parse_amount("400"), Ok(40_000));
        assert_eq!(Money::parse_amount("$1,000.05"), Ok(100_005));
        assert_eq!(Money::parse_amount("0.5"), Ok(50));
        assert!(Money::parse_amount("1.234").is_err());
        assert!(Money::parse_amount("12abc").is_err());
        assert!(Money::parse_amount("99999999999999999999").is_err());
        let m = Money {
            cents: 123_456_700,
            currency: "USD".into(),
        };
        assert_eq!(m.amount_text(), "1,234,567");
    }
}
