//! Skills: what the student can do, with a self-assessed level (1-5) and a
//! target. Portfolio entries and applications refer to skills; entries do
//! so by id, so renaming a skill never breaks a reference.

use super::record::{Meta, RecordId};
use super::validate::{check_length, FieldError, SafeUrl, UrlPolicy};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What each level means, shown wherever a level is chosen or shown.
pub const LEVELS: [(u8, &str, &str); 5] = [
    (
        1,
        "Beginner",
        "You know the basics and still need guidance.",
    ),
    (2, "Developing", "You can do simple tasks on your own."),
    (3, "Competent", "You do typical tasks independently."),
    (4, "Proficient", "You handle complex tasks and help others."),
    (5, "Expert", "Others come to you for it."),
];

/// The levels and targets a skill may have: the numbers of [`LEVELS`].
pub const LEVEL_RANGE: std::ops::RangeInclusive<u8> = 1..=5;

/// "3 – Competent".
pub fn level_name(level: u8) -> String {
    LEVELS
        .iter()
        .find(|(l, _, _)| *l == level)
        .map(|(l, name, _)| format!("{l} – {name}"))
        .unwrap_or_else(|| "Not rated".into())
}

/// Evidence typed in by hand, e.g. a certificate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EvidenceLink {
    pub title: String,
    pub url: SafeUrl,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SkillCategory {
    Technical,
    Soft,
    Tool,
    Domain,
    Language,
}

impl SkillCategory {
    pub const ALL: [SkillCategory; 5] = [
        SkillCategory::Technical,
        SkillCategory::Soft,
        SkillCategory::Tool,
        SkillCategory::Domain,
        SkillCategory::Language,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            SkillCategory::Technical => "technical",
            SkillCategory::Soft => "soft",
            SkillCategory::Tool => "tool",
            SkillCategory::Domain => "domain",
            SkillCategory::Language => "language",
        }
    }

    pub fn from_slug(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.slug() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            SkillCategory::Technical => "Technical",
            SkillCategory::Soft => "Soft skill",
            SkillCategory::Tool => "Tool",
            SkillCategory::Domain => "Domain knowledge",
            SkillCategory::Language => "Language",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Skill {
    pub meta: Meta,
    /// Unique among skills, compared case-insensitively.
    pub name: String,
    pub category: SkillCategory,
    /// Self-assessed, 1 (beginner) to 5 (expert), within [`LEVEL_RANGE`];
    /// `None` until rated.
    pub level: Option<u8>,
    /// Within [`LEVEL_RANGE`] too.
    pub target: Option<u8>,
    pub notes: String,
    /// Manual evidence; portfolio evidence is derived, never typed twice.
    pub evidence: Vec<EvidenceLink>,
}

impl Skill {
    pub fn new(meta: Meta, name: impl Into<String>) -> Self {
        Self {
            meta,
            name: name.into(),
            category: SkillCategory::Technical,
            level: None,
            target: None,
            notes: String::new(),
            evidence: Vec::new(),
        }
    }

    /// Below its target (or not rated while it has one).
    pub fn below_target(&self) -> bool {
        self.target.is_some_and(|t| self.level.unwrap_or(0) < t)
    }

    pub fn to_form(&self) -> SkillForm {
        SkillForm {
            name: self.name.clone(),
            category: self.category.slug().to_owned(),
            level: self.level.map(|l| l.to_string()).unwrap_or_default(),
            target: self.target.map(|l| l.to_string()).unwrap_or_default(),
            notes: self.notes.clone(),
            evidence: self
                .evidence
                .iter()
                .map(|e| (e.title.clone(), e.url.to_string()))
                .collect(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SkillField {
    Name,
    Category,
    Level,
    Target,
    Notes,
    EvidenceTitle(usize),
    EvidenceUrl(usize),
}

impl SkillField {
    pub fn label(self) -> String {
        match self {
            SkillField::Name => "Name".into(),
            SkillField::Category => "Category".into(),
            SkillField::Level => "Your level".into(),
            SkillField::Target => "Target level".into(),
            SkillField::Notes => "Notes".into(),
            SkillField::EvidenceTitle(i) => format!("Evidence {} title", i + 1),
            SkillField::EvidenceUrl(i) => format!("Evidence {} link", i + 1),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SkillForm {
    pub name: String,
    pub category: String,
    pub level: String,
    pub target: String,
    pub notes: String,
    /// (title, link) rows.
    pub evidence: Vec<(String, String)>,
}

fn parse_level(text: &str) -> Result<Option<u8>, ()> {
    match text.trim() {
        "" => Ok(None),
        t => t
            .parse::<u8>()
            .ok()
            .filter(|l| LEVEL_RANGE.contains(l))
            .map(Some)
            .ok_or(()),
    }
}

impl SkillForm {
    /// Validates the form; `others` are the other skills, for the unique
    /// name rule.
    pub fn parse(
        &self,
        base: &Skill,
        others: &[Skill],
        now: DateTime<Utc>,
    ) -> Result<Skill, Vec<FieldError<SkillField>>> {
        let mut errors = Vec::new();
        let name = self.name.trim();
        if name.is_empty() {
            errors.push(FieldError::new(SkillField::Name, "Enter the skill's name."));
        } else if let Err(m) = check_length(name, 100) {
            errors.push(FieldError::new(SkillField::Name, m));
        } else if let Some(other) = others
            .iter()
            .find(|s| s.meta.id != base.meta.id && s.name.eq_ignore_ascii_case(name))
        {
            errors.push(FieldError::new(
                SkillField::Name,
                format!(
                    "You already have a skill called “{}”. Use another name, or merge the two.",
                    other.name
                ),
            ));
        }
        let level = parse_level(&self.level)
            .map_err(|_| {
                errors.push(FieldError::new(
                    SkillField::Level,
                    "Choose a level from 1 to 5.",
                ))
            })
            .ok()
            .flatten();
        let target = parse_level(&self.target)
            .map_err(|_| {
                errors.push(FieldError::new(
                    SkillField::Target,
                    "Choose a target from 1 to 5.",
                ))
            })
            .ok()
            .flatten();
        if let Err(m) = check_length(self.notes.trim(), 5000) {
            errors.push(FieldError::new(SkillField::Notes, m));
        }
        let mut evidence = Vec::new();
        for (i, (title, url)) in self.evidence.iter().enumerate() {
            let (title, url) = (title.trim(), url.trim());
            if title.is_empty() && url.is_empty() {
                continue;
            }
            if title.is_empty() {
                errors.push(FieldError::new(
                    SkillField::EvidenceTitle(i),
                    "Give the evidence a title, e.g. the certificate's name.",
                ));
            }
            match SafeUrl::parse_typed(url, UrlPolicy::Web) {
                Ok(url) => evidence.push(EvidenceLink {
                    title: title.to_owned(),
                    url,
                }),
                Err(e) if url.is_empty() => {
                    let _ = e;
                    errors.push(FieldError::new(
                        SkillField::EvidenceUrl(i),
                        "Add the link to the evidence.",
                    ));
                }
                Err(e) => errors.push(FieldError::new(SkillField::EvidenceUrl(i), e.to_string())),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut skill = Skill {
            meta: base.meta.clone(),
            name: name.to_owned(),
            category: SkillCategory::from_slug(self.category.trim()).unwrap_or(base.category),
            level,
            target,
            notes: self.notes.trim().to_owned(),
            evidence,
        };
        if skill != *base {
            skill.meta.touch(now);
        }
        Ok(skill)
    }
}

/// Finds the skill called `name` (case-insensitively).
pub fn find_by_name<'a>(skills: &'a [Skill], name: &str) -> Option<&'a Skill> {
    let name = name.trim();
    skills.iter().find(|s| s.name.eq_ignore_ascii_case(name))
}

/// Turns skill names into ids, creating the skills that do not exist yet
/// (ids from `new_id`, the core has no random source). Returns the ids in
/// the order given, without duplicates.
pub fn resolve_names(
    skills: &mut Vec<Skill>,
    names: &[String],
    category_of: impl Fn(&str) -> SkillCategory,
    now: DateTime<Utc>,
    mut new_id: impl FnMut() -> RecordId,
) -> Vec<RecordId> {
    let mut ids = Vec::new();
    for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        let id = match find_by_name(skills, name) {
            Some(s) => s.meta.id,
            None => {
                let mut skill = Skill::new(Meta::new(new_id(), now), name);
                skill.category = category_of(name);
                let id = skill.meta.id;
                skills.push(skill);
                id
            }
        };
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

/// A skill's level, target and category, as the Skills list's quick edit
/// sets them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rating {
    pub id: RecordId,
    pub level: Option<u8>,
    pub target: Option<u8>,
    pub category: SkillCategory,
}

impl Rating {
    pub fn of(skill: &Skill) -> Self {
        Self {
            id: skill.meta.id,
            level: skill.level,
            target: skill.target,
            category: skill.category,
        }
    }

    /// Whether its levels lie in [`LEVEL_RANGE`] (unset is fine).
    pub fn is_valid(&self) -> bool {
        [self.level, self.target]
            .iter()
            .flatten()
            .all(|l| LEVEL_RANGE.contains(l))
    }
}

/// Common skills by category, as words a skill's name may contain
/// ("client communication" is a soft skill). Tools and languages are
/// names; soft skills and domains are also matched inside a longer name.
const SOFT: &[&str] = &[
    "communication",
    "teamwork",
    "team work",
    "leadership",
    "presentation",
    "presenting",
    "public speaking",
    "negotiation",
    "collaboration",
    "problem solving",
    "problem-solving",
    "time management",
    "project management",
    "organization",
    "organisation",
    "adaptability",
    "creativity",
    "critical thinking",
    "writing",
    "listening",
    "mentoring",
    "coaching",
    "customer service",
    "client relations",
    "stakeholder management",
    "interpersonal",
    "facilitation",
    "conflict resolution",
    "empathy",
    "networking",
    "attention to detail",
    "self-management",
    "storytelling",
    "persuasion",
    "initiative",
    "work ethic",
];
const TOOLS: &[&str] = &[
    "excel",
    "microsoft excel",
    "word",
    "powerpoint",
    "outlook",
    "google sheets",
    "google docs",
    "google slides",
    "google analytics",
    "sheets",
    "figma",
    "canva",
    "tableau",
    "power bi",
    "looker",
    "salesforce",
    "hubspot",
    "jira",
    "asana",
    "trello",
    "notion",
    "slack",
    "github",
    "git",
    "photoshop",
    "illustrator",
    "indesign",
    "premiere pro",
    "wordpress",
    "shopify",
    "mailchimp",
    "airtable",
    "zapier",
    "quickbooks",
    "sap",
    "spss",
    "stata",
    "matlab",
    "autocad",
    "miro",
    "hootsuite",
    "zendesk",
    "linkedin recruiter",
];
const LANGUAGES: &[&str] = &[
    "english",
    "spanish",
    "french",
    "german",
    "mandarin",
    "cantonese",
    "chinese",
    "japanese",
    "korean",
    "arabic",
    "portuguese",
    "italian",
    "russian",
    "hindi",
    "urdu",
    "bengali",
    "dutch",
    "swedish",
    "turkish",
    "vietnamese",
    "polish",
    "greek",
    "hebrew",
    "swahili",
    "tagalog",
    "sign language",
    "asl",
];
const DOMAINS: &[&str] = &[
    "marketing",
    "finance",
    "accounting",
    "market research",
    "sales",
    "healthcare",
    "legal",
    "human resources",
    "supply chain",
    "real estate",
    "nonprofit",
    "education",
    "journalism",
    "public policy",
    "ux research",
    "seo",
    "branding",
    "fundraising",
    "economics",
    "social media",
    "content strategy",
    "recruiting",
    "compliance",
    "sustainability",
];

/// The category proposed for a new skill named `name`: the career center's
/// (`listed`, from `config.json`) when it lists the name, else a common
/// skill's, else Technical. Only a proposal: the form shows it, and the
/// student may change it.
pub fn propose_category(name: &str, listed: &[(String, SkillCategory)]) -> SkillCategory {
    let name = name.trim().to_lowercase();
    if let Some((_, c)) = listed.iter().find(|(n, _)| n.to_lowercase() == name) {
        return *c;
    }
    let words: Vec<&str> = name
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    // `phrase`'s words appear together in the name.
    let within = |phrase: &&str| {
        let p: Vec<&str> = phrase.split(' ').collect();
        words.windows(p.len()).any(|w| w == p.as_slice())
    };
    let whole = |phrase: &&str| *phrase == words.join(" ");
    if TOOLS.iter().any(whole) {
        SkillCategory::Tool
    } else if LANGUAGES.iter().any(whole) {
        SkillCategory::Language
    } else if SOFT.iter().any(within) {
        SkillCategory::Soft
    } else if DOMAINS.iter().any(within) {
        SkillCategory::Domain
    } else if TOOLS.iter().any(within) {
        SkillCategory::Tool
    } else {
        SkillCategory::Technical
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn skills_created_from_an_entry_all_land_in_technical_no_more() {
        let none: &[(String, SkillCategory)] = &[];
        for (name, category) in [
            ("client communication", SkillCategory::Soft),
            ("Public Speaking", SkillCategory::Soft),
            ("Excel", SkillCategory::Tool),
            ("Google Sheets", SkillCategory::Tool),
            ("pivot tables in Excel", SkillCategory::Tool),
            ("Spanish", SkillCategory::Language),
            ("Market research", SkillCategory::Domain),
            ("SQL", SkillCategory::Technical),
            ("Python", SkillCategory::Technical),
            // A word inside another is not that word.
            ("Wordsmithing", SkillCategory::Technical),
            ("Gitlab CI", SkillCategory::Technical),
        ] {
            assert_eq!(propose_category(name, none), category, "{name}");
        }
        // The career center's word comes first, in any case.
        let listed = [
            ("Python".to_owned(), SkillCategory::Tool),
            ("Excel".into(), SkillCategory::Technical),
        ];
        assert_eq!(propose_category("python", &listed), SkillCategory::Tool);
        assert_eq!(
            propose_category(" EXCEL ", &listed),
            SkillCategory::Technical
        );
    }

    #[test]
    fn resolving_names_reuses_skills_case_insensitively_and_creates_the_rest() {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 0, 0, 0).unwrap();
        let excel = Skill::new(
            Meta::new(RecordId::from_random_bytes([1; 16]), now),
            "Excel",
        );
        let mut skills = vec![excel.clone()];
        let mut n = 10u8;
        let names: Vec<String> = ["excel", " SQL ", "", "sql", "Excel"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let ids = resolve_names(
            &mut skills,
            &names,
            |_| SkillCategory::Soft,
            now,
            || {
                n += 1;
                RecordId::from_random_bytes([n; 16])
            },
        );
        assert_eq!(ids.len(), 2);
        assert_eq!(ids[0], excel.meta.id);
        assert_eq!(skills.len(), 2);
        assert_eq!(skills[1].name, "SQL");
        assert_eq!(
            skills[1].category,
            SkillCategory::Soft,
            "the new one takes the category given"
        );
        assert_eq!(
            skills[0].category, excel.category,
            "an existing one keeps its own"
        );
        assert_eq!(
            find_by_name(&skills, "sql").map(|s| s.meta.id),
            Some(ids[1])
        );
    }
}
