//! Column mapping: what each column of the sheet goes into. A column is
//! proposed from its header's words ("Company name" → Organization, "Job
//! URL" → Posting link), the student may change or ignore each. There is no
//! contact text field on an application: a Contact column links contacts
//! that already exist by name, and other names go into the notes.

use crate::domain::application::AppField;

/// Where a column's values go.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    Ignore,
    Field(AppField),
    Stage,
    Contact,
}

impl Target {
    /// The choices, in the order the mapping offers them.
    pub fn all() -> Vec<Target> {
        let mut all = vec![Target::Ignore];
        for f in AppField::ALL {
            all.push(Target::Field(f));
            if f == AppField::Role {
                all.push(Target::Stage);
            }
            if f == AppField::Tags {
                all.push(Target::Contact);
            }
        }
        all
    }

    pub fn label(self) -> &'static str {
        match self {
            Target::Ignore => "Leave out",
            Target::Stage => "Stage",
            Target::Contact => "Contact (linked by name, or noted)",
            Target::Field(f) => f.label(),
        }
    }

    /// A stable name, for a `<select>` value.
    pub fn slug(self) -> &'static str {
        match self {
            Target::Ignore => "ignore",
            Target::Stage => "stage",
            Target::Contact => "contact",
            Target::Field(f) => f.key(),
        }
    }

    pub fn from_slug(slug: &str) -> Option<Target> {
        Target::all().into_iter().find(|t| t.slug() == slug)
    }

    /// Whether several columns may go into it (their values are joined).
    pub fn takes_many(self) -> bool {
        matches!(
            self,
            Target::Ignore
                | Target::Contact
                | Target::Field(AppField::Notes | AppField::Tags | AppField::RequiredSkills)
        )
    }
}

/// Header words for each target, most specific first: the first rule with
/// a phrase found among a header's words wins ("Job URL" is a link, not a
/// role; "Where found" a source, not a location).
const RULES: &[(Target, &[&str])] = &[
    (Target::Ignore, &["created", "updated", "id"]),
    (
        Target::Field(AppField::Source),
        &[
            "source",
            "platform",
            "where found",
            "found via",
            "found through",
            "channel",
        ],
    ),
    (
        Target::Field(AppField::DateFound),
        &[
            "date found",
            "found on",
            "found date",
            "date added",
            "added on",
        ],
    ),
    (
        Target::Field(AppField::DateApplied),
        &[
            "date applied",
            "applied on",
            "applied date",
            "application date",
            "applied",
            "submitted",
        ],
    ),
    (
        Target::Field(AppField::Deadline),
        &["deadline", "due date", "closing date", "apply by", "closes"],
    ),
    (
        Target::Field(AppField::NextFollowUp),
        &["follow up", "followup", "follow"],
    ),
    (
        Target::Field(AppField::StartDate),
        &["start date", "start", "starts"],
    ),
    (
        Target::Field(AppField::EndDate),
        &["end date", "end", "ends"],
    ),
    (
        Target::Field(AppField::PostingUrl),
        &["url", "link", "posting", "website", "web page", "href"],
    ),
    (Target::Stage, &["status", "stage", "outcome", "result"]),
    (Target::Field(AppField::Currency), &["currency"]),
    (
        Target::Field(AppField::Fee),
        &[
            "salary",
            "pay",
            "fee",
            "compensation",
            "stipend",
            "rate",
            "amount",
            "wage",
        ],
    ),
    (
        Target::Field(AppField::EstimatedHours),
        &["hours", "hrs", "effort"],
    ),
    (
        Target::Field(AppField::Arrangement),
        &[
            "arrangement",
            "remote",
            "work type",
            "work mode",
            "workplace",
            "on site",
        ],
    ),
    (
        Target::Field(AppField::Location),
        &["location", "city", "place", "where", "country"],
    ),
    (
        Target::Contact,
        &[
            "contact",
            "contacts",
            "recruiter",
            "hiring manager",
            "referral",
            "referrer",
        ],
    ),
    (
        Target::Field(AppField::RequiredSkills),
        &["skills", "skill", "requirements"],
    ),
    (
        Target::Field(AppField::Tags),
        &["tags", "tag", "labels", "label", "category"],
    ),
    (
        Target::Field(AppField::Notes),
        &[
            "notes",
            "note",
            "comments",
            "comment",
            "remarks",
            "details",
            "description",
            "next steps",
        ],
    ),
    (
        Target::Field(AppField::Organization),
        &[
            "company",
            "organization",
            "organisation",
            "employer",
            "org",
            "business",
            "client",
            "firm",
        ],
    ),
    (
        Target::Field(AppField::Role),
        &[
            "position",
            "role",
            "title",
            "job",
            "project",
            "opportunity",
            "internship",
            "gig",
        ],
    ),
];

/// A header's words, lower-case, without punctuation ("Follow-up date" →
/// ["follow", "up", "date"]).
pub fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Whether `phrase`'s words occur, in order and together, among `words`.
fn has_phrase(words: &[String], phrase: &str) -> bool {
    let phrase: Vec<&str> = phrase.split(' ').collect();
    words
        .windows(phrase.len())
        .any(|w| w.iter().zip(&phrase).all(|(a, b)| a == b))
}

/// The target a header suggests, or None when no rule knows it (the
/// export's "Created" and "Updated" are Some(Ignore): known, left out).
pub fn propose_one(header: &str) -> Option<Target> {
    let words = words(header);
    RULES
        .iter()
        .find(|(_, phrases)| phrases.iter().any(|p| has_phrase(&words, p)))
        .map(|(t, _)| *t)
}

/// A target for every column; a target that takes one column goes to the
/// first column that suggests it, the others are left out.
pub fn propose(headers: &[String]) -> Vec<Target> {
    let mut out: Vec<Target> = Vec::new();
    for h in headers {
        let t = propose_one(h).unwrap_or(Target::Ignore);
        let taken = !t.takes_many() && out.contains(&t);
        out.push(if taken { Target::Ignore } else { t });
    }
    out
}

/// Sets `column` to `target`; a target that takes one column is taken from
/// any other column that had it.
pub fn assign(columns: &mut [Target], column: usize, target: Target) {
    if !target.takes_many() {
        for t in columns.iter_mut().filter(|t| **t == target) {
            *t = Target::Ignore;
        }
    }
    if let Some(slot) = columns.get_mut(column) {
        *slot = target;
    }
}

/// What must be mapped before anything can be imported: an organization
/// and a role (every application has both).
pub fn missing(columns: &[Target]) -> Vec<&'static str> {
    [AppField::Organization, AppField::Role]
        .into_iter()
        .filter(|f| !columns.contains(&Target::Field(*f)))
        .map(AppField::label)
        .collect()
}
