//! The preview: every row built into an application through the form's own
//! rules ([`ApplicationForm::parse`]: lengths, links, fees, date order), or
//! left out with its problems (row, column, value, why); likely duplicates
//! of applications already here (same organization and role, ignoring
//! case); formula-looking cells, kept as text. [`apply`] adds the rows:
//! nothing changes before it.

use super::dates::{self, DateOrder, OrderEvidence};
use super::headers::{self, Target};
use super::stages;
use super::values::{amount, arrangement, cell_text, looks_like_formula};
use super::{Row, Sheet};
use crate::domain::application::{
    new_application, AppField, Application, ApplicationForm, Stage, StageChange,
};
use crate::domain::{Document, RecordId};
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::{HashMap, HashSet};

/// What the student decided (or accepted as proposed).
#[derive(Clone, Debug, PartialEq)]
pub struct Choices {
    /// A target per column.
    pub columns: Vec<Target>,
    /// How `03/04/2026` reads; None until the dates tell or the student says.
    pub order: Option<DateOrder>,
    /// Stages chosen for unknown status values, by [`stages::key`].
    pub stages: HashMap<String, Stage>,
}

impl Choices {
    /// The proposal for a sheet: columns from their headers, the date
    /// order from the dates themselves.
    pub fn propose(sheet: &Sheet) -> Self {
        let columns = headers::propose(&sheet.headers);
        let order = date_evidence(sheet, &columns).decided();
        Self {
            columns,
            order,
            stages: HashMap::new(),
        }
    }
}

fn is_date(field: AppField) -> bool {
    matches!(
        field,
        AppField::DateFound
            | AppField::DateApplied
            | AppField::Deadline
            | AppField::StartDate
            | AppField::EndDate
            | AppField::NextFollowUp
    )
}

/// What the mapped date columns say about the order of their dates.
pub fn date_evidence(sheet: &Sheet, columns: &[Target]) -> OrderEvidence {
    let date_columns: Vec<usize> = (0..columns.len())
        .filter(|&i| matches!(columns[i], Target::Field(f) if is_date(f)))
        .collect();
    OrderEvidence::of(
        sheet
            .rows
            .iter()
            .flat_map(|r| date_columns.iter().map(move |&c| sheet.cell(r, c))),
    )
}

/// A cell found wrong, or worth a note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub row: usize,
    pub column: String,
    pub value: String,
    pub why: String,
}

/// A row that can be imported.
#[derive(Clone, Debug, PartialEq)]
pub struct Ready {
    pub row: usize,
    pub app: Application,
    /// An application with the same organization and role is here already.
    pub duplicate: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Preview {
    pub ready: Vec<Ready>,
    /// Problems of the rows left out, in row order.
    pub problems: Vec<Problem>,
    /// Cells that look like spreadsheet formulas: imported as the text they are.
    pub formulas: Vec<Problem>,
}

impl Preview {
    /// How many rows are left out.
    pub fn rows_left_out(&self) -> usize {
        let rows: HashSet<usize> = self.problems.iter().map(|p| p.row).collect();
        rows.len()
    }
}

/// The application form a row fills in, the stage it names, and problems
/// found before the form's own checks.
fn fill(
    sheet: &Sheet,
    row: &Row,
    choices: &Choices,
    here: &Document,
    out: &mut Preview,
) -> (
    ApplicationForm,
    Result<Option<Stage>, stages::Unmapped>,
    Vec<Problem>,
) {
    let mut form = ApplicationForm::default();
    let mut stage = Ok(None);
    let mut problems = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    let mut contact_notes: Vec<String> = Vec::new();
    let first_notes = choices
        .columns
        .iter()
        .position(|t| *t == Target::Field(AppField::Notes));
    let mut lists: HashMap<AppField, Vec<String>> = HashMap::new();
    let mut currency = None;
    for (col, target) in choices.columns.iter().enumerate() {
        let value = cell_text(sheet.cell(row, col));
        let header = &sheet.headers[col];
        let problem = |why: String| Problem {
            row: row.number,
            column: header.clone(),
            value: value.to_owned(),
            why,
        };
        if value.is_empty() || *target == Target::Ignore {
            continue;
        }
        if looks_like_formula(value) {
            out.formulas
                .push(problem("Looks like a formula: kept as text.".into()));
        }
        match *target {
            Target::Ignore => {}
            Target::Stage => {
                stage = stages::resolve(value, &choices.stages);
                if stage.is_err() {
                    problems.push(problem(format!("Choose a stage for “{value}” above.")));
                }
            }
            Target::Contact => {
                for name in value.split(';').map(str::trim).filter(|n| !n.is_empty()) {
                    match here
                        .contacts
                        .iter()
                        .find(|c| c.name.trim().eq_ignore_ascii_case(name))
                    {
                        Some(c) if !form.contacts.contains(&c.meta.id) => {
                            form.contacts.push(c.meta.id)
                        }
                        Some(_) => {}
                        None => contact_notes.push(format!("Contact: {name}")),
                    }
                }
            }
            Target::Field(AppField::Notes) if Some(col) == first_notes => {
                notes.push(value.to_owned())
            }
            Target::Field(AppField::Notes) => notes.push(format!("{header}: {value}")),
            Target::Field(f @ (AppField::Tags | AppField::RequiredSkills)) => lists
                .entry(f)
                .or_default()
                .extend(value.split([';', ',']).map(|s| s.trim().to_owned())),
            Target::Field(f) if is_date(f) => match dates::read(value, choices.order) {
                Ok(d) => form.set(f, d.to_string()),
                Err(why) => problems.push(problem(why)),
            },
            Target::Field(AppField::Fee) => {
                let (amount, code) = amount(value);
                form.set(AppField::Fee, amount);
                currency = code;
            }
            Target::Field(AppField::EstimatedHours) => {
                form.set(AppField::EstimatedHours, amount(value).0)
            }
            Target::Field(AppField::Arrangement) => {
                form.set(AppField::Arrangement, arrangement(value))
            }
            Target::Field(f) => form.set(f, value),
        }
    }
    if let (Some(code), "") = (currency, form.get(AppField::Currency)) {
        form.set(AppField::Currency, code);
    }
    for (f, items) in lists {
        form.set(f, items.join(", "));
    }
    notes.append(&mut contact_notes);
    form.set(AppField::Notes, notes.join("\n\n"));
    (form, stage, problems)
}

/// The header of the column that fills `field` (its label when none does).
fn column_of(sheet: &Sheet, columns: &[Target], field: AppField) -> String {
    let fee_col = |f| {
        if f == AppField::Currency {
            AppField::Fee
        } else {
            f
        }
    };
    [field, fee_col(field)]
        .iter()
        .find_map(|f| columns.iter().position(|t| *t == Target::Field(*f)))
        .map_or_else(|| field.label().to_owned(), |i| sheet.headers[i].clone())
}

/// The stage history of an imported application: it starts at the applied
/// date (else the date found, else `today`); a stage past Applied is dated
/// then too, as no later date is known.
fn history(app: &Application, stage: Option<Stage>, today: NaiveDate) -> Vec<StageChange> {
    let stage = stage.unwrap_or(if app.date_applied.is_some() {
        Stage::Applied
    } else {
        Stage::Saved
    });
    let date = app.date_applied.or(app.date_found).unwrap_or(today);
    let mut steps = Vec::new();
    if app.date_applied.is_some() && !matches!(stage, Stage::Saved | Stage::Applied) {
        steps.push(StageChange {
            stage: Stage::Applied,
            date,
        });
    }
    steps.push(StageChange { stage, date });
    steps
}

/// "acme corp|analyst": how duplicates are told.
fn same_key(organization: &str, role: &str) -> String {
    format!("{}|{}", stages::key(organization), stages::key(role))
}

/// What importing `sheet` with `choices` into `here` would do. Each row
/// that can be imported gets an id from `new_id`.
pub fn preview(
    sheet: &Sheet,
    choices: &Choices,
    here: &Document,
    now: DateTime<Utc>,
    today: NaiveDate,
    new_id: &mut dyn FnMut() -> RecordId,
) -> Preview {
    let existing: HashSet<String> = here
        .applications
        .iter()
        .map(|a| same_key(&a.organization, &a.role))
        .collect();
    let mut out = Preview::default();
    for row in &sheet.rows {
        let (form, stage, mut problems) = fill(sheet, row, choices, here, &mut out);
        let base = new_application(new_id(), now, today);
        match form.parse(&base, now) {
            Ok(mut app) if problems.is_empty() => {
                app.history = history(&app, stage.ok().flatten(), today);
                let duplicate = existing.contains(&same_key(&app.organization, &app.role));
                out.ready.push(Ready {
                    row: row.number,
                    app,
                    duplicate,
                });
            }
            Ok(_) => out.problems.append(&mut problems),
            Err(errors) => {
                for e in errors {
                    problems.push(Problem {
                        row: row.number,
                        column: column_of(sheet, &choices.columns, e.field),
                        value: form.get(e.field).chars().take(80).collect(),
                        why: e.message,
                    });
                }
                out.problems.append(&mut problems);
            }
        }
    }
    // Only the cells that will be imported are worth a note.
    let ready: HashSet<usize> = out.ready.iter().map(|r| r.row).collect();
    out.formulas.retain(|f| ready.contains(&f.row));
    out
}

/// `here` with the previewed applications added: duplicates only when their
/// row is in `add_duplicates`. Returns the document and how many were added.
pub fn apply(
    here: &Document,
    preview: &Preview,
    add_duplicates: &HashSet<usize>,
    now: DateTime<Utc>,
) -> (Document, usize) {
    let mut doc = here.clone();
    let before = doc.applications.len();
    doc.applications.extend(
        preview
            .ready
            .iter()
            .filter(|r| !r.duplicate || add_duplicates.contains(&r.row))
            .map(|r| r.app.clone()),
    );
    let added = doc.applications.len() - before;
    if added > 0 {
        doc.touch(now);
    }
    (doc, added)
}
