//! The student's profile: who they are, how to reach them, what they want
//! to learn and where they want to go. Shown at the top of a shared
//! portfolio.
//!
//! The edit form works on a [`ProfileForm`] (the raw text of every field);
//! [`ProfileForm::parse`] turns it into a [`Profile`] or field-level errors,
//! so invalid input is never stored.

use super::record::Meta;
use super::validate::{check_email, check_length, FieldError, SafeUrl, UrlPolicy};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Length caps (characters) for profile text.
pub const MAX_SHORT: usize = 200;
pub const MAX_LONG: usize = 5000;

/// The stored profile. Empty strings mean "not given".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub meta: Meta,
    pub name: String,
    pub headline: String,
    pub school: String,
    pub program: String,
    /// Expected or actual graduation month.
    pub graduation: Option<YearMonth>,
    pub email: String,
    pub portfolio_url: Option<SafeUrl>,
    pub linkedin_url: Option<SafeUrl>,
    pub github_url: Option<SafeUrl>,
    /// What the student wants to learn (stated up front, reflected on later).
    pub learning_objectives: String,
    /// Where the student wants their career to go.
    pub career_aspirations: String,
}

/// A calendar month, stored as `"YYYY-MM"` (the value of `<input type=month>`),
/// in a year of [`super::bounds::YEARS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct YearMonth {
    year: i32,
    month: u32,
}

impl YearMonth {
    pub fn new(year: i32, month: u32) -> Option<Self> {
        (super::bounds::YEARS.contains(&year) && (1..=12).contains(&month))
            .then_some(Self { year, month })
    }

    /// Parses `YYYY-MM` (also accepting a full `YYYY-MM-DD` date).
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            return Self::new(date.year(), date.month());
        }
        let (y, m) = text.split_once('-')?;
        if y.len() != 4 || m.is_empty() || m.len() > 2 {
            return None;
        }
        Self::new(y.parse().ok()?, m.parse().ok()?)
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u32 {
        self.month
    }

    /// "May 2027".
    pub fn long_name(self) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        format!("{} {}", MONTHS[self.month as usize - 1], self.year)
    }
}

impl std::fmt::Display for YearMonth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        YearMonth::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not a month (YYYY-MM): {text:?}")))
    }
}

/// The profile's fields, for error messages and form wiring.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProfileField {
    Name,
    Headline,
    School,
    Program,
    Graduation,
    Email,
    PortfolioUrl,
    LinkedinUrl,
    GithubUrl,
    LearningObjectives,
    CareerAspirations,
}

impl ProfileField {
    pub const ALL: [ProfileField; 11] = [
        Self::Name,
        Self::Headline,
        Self::School,
        Self::Program,
        Self::Graduation,
        Self::Email,
        Self::PortfolioUrl,
        Self::LinkedinUrl,
        Self::GithubUrl,
        Self::LearningObjectives,
        Self::CareerAspirations,
    ];

    /// The visible label of the field.
    pub fn label(self) -> &'static str {
        match self {
            Self::Name => "Name",
            Self::Headline => "Headline",
            Self::School => "School",
            Self::Program => "Program or major",
            Self::Graduation => "Graduation (month)",
            Self::Email => "E-mail",
            Self::PortfolioUrl => "Portfolio or personal site",
            Self::LinkedinUrl => "LinkedIn",
            Self::GithubUrl => "GitHub",
            Self::LearningObjectives => "Learning objectives",
            Self::CareerAspirations => "Career aspirations",
        }
    }

    /// A stable name, unique among the fields (`portfolio-url`).
    pub fn key(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Headline => "headline",
            Self::School => "school",
            Self::Program => "program",
            Self::Graduation => "graduation",
            Self::Email => "email",
            Self::PortfolioUrl => "portfolio-url",
            Self::LinkedinUrl => "linkedin-url",
            Self::GithubUrl => "github-url",
            Self::LearningObjectives => "learning-objectives",
            Self::CareerAspirations => "career-aspirations",
        }
    }

    fn max_len(self) -> usize {
        match self {
            Self::LearningObjectives | Self::CareerAspirations => MAX_LONG,
            _ => MAX_SHORT,
        }
    }
}

/// The raw text of every profile field, as typed into the form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProfileForm {
    pub name: String,
    pub headline: String,
    pub school: String,
    pub program: String,
    pub graduation: String,
    pub email: String,
    pub portfolio_url: String,
    pub linkedin_url: String,
    pub github_url: String,
    pub learning_objectives: String,
    pub career_aspirations: String,
}

impl ProfileForm {
    /// The stored profile's text with only the `typed` fields taken from
    /// `self` (what this form holds): a save from one tab changes the
    /// fields typed there, never another tab's newer value of the rest.
    pub fn overlay_on(
        &self,
        stored: &ProfileForm,
        typed: impl IntoIterator<Item = ProfileField>,
    ) -> ProfileForm {
        let mut out = stored.clone();
        for field in typed {
            out.set(field, self.get(field).to_owned());
        }
        out
    }

    /// The fields whose text differs between `self` and `other`.
    pub fn differing(&self, other: &ProfileForm) -> Vec<ProfileField> {
        ProfileField::ALL
            .into_iter()
            .filter(|f| self.get(*f) != other.get(*f))
            .collect()
    }

    pub fn get(&self, field: ProfileField) -> &str {
        match field {
            ProfileField::Name => &self.name,
            ProfileField::Headline => &self.headline,
            ProfileField::School => &self.school,
            ProfileField::Program => &self.program,
            ProfileField::Graduation => &self.graduation,
            ProfileField::Email => &self.email,
            ProfileField::PortfolioUrl => &self.portfolio_url,
            ProfileField::LinkedinUrl => &self.linkedin_url,
            ProfileField::GithubUrl => &self.github_url,
            ProfileField::LearningObjectives => &self.learning_objectives,
            ProfileField::CareerAspirations => &self.career_aspirations,
        }
    }

    pub fn set(&mut self, field: ProfileField, value: String) {
        let slot = match field {
            ProfileField::Name => &mut self.name,
            ProfileField::Headline => &mut self.headline,
            ProfileField::School => &mut self.school,
            ProfileField::Program => &mut self.program,
            ProfileField::Graduation => &mut self.graduation,
            ProfileField::Email => &mut self.email,
            ProfileField::PortfolioUrl => &mut self.portfolio_url,
            ProfileField::LinkedinUrl => &mut self.linkedin_url,
            ProfileField::GithubUrl => &mut self.github_url,
            ProfileField::LearningObjectives => &mut self.learning_objectives,
            ProfileField::CareerAspirations => &mut self.career_aspirations,
        };
        *slot = value;
    }

    /// Saving as you type: the profile `base` becomes with every `typed`
    /// field that is valid taken from `self`, and the errors of the typed
    /// fields that are not (those keep their stored value until fixed).
    /// The profile is `None` only when `base` itself does not pass (data
    /// read from an older import, say): then nothing is stored.
    pub fn parse_valid_fields(
        &self,
        base: &Profile,
        typed: &std::collections::HashSet<ProfileField>,
        now: DateTime<Utc>,
    ) -> (Option<Profile>, Vec<FieldError<ProfileField>>) {
        let stored = base.to_form();
        let all = self.overlay_on(&stored, typed.iter().copied());
        let errors = match all.parse(base, now) {
            Ok(profile) => return (Some(profile), Vec::new()),
            Err(errors) => errors,
        };
        let valid = typed
            .iter()
            .copied()
            .filter(|f| !errors.iter().any(|e| e.field == *f));
        let profile = self.overlay_on(&stored, valid).parse(base, now).ok();
        (profile, errors)
    }

    /// Validates every field; on success returns the profile that `base`
    /// becomes (same id, `updated` moved to `now` if anything changed).
    pub fn parse(
        &self,
        base: &Profile,
        now: DateTime<Utc>,
    ) -> Result<Profile, Vec<FieldError<ProfileField>>> {
        let mut errors = Vec::new();
        for field in ProfileField::ALL {
            if let Err(message) = check_length(self.get(field).trim(), field.max_len()) {
                errors.push(FieldError::new(field, message));
            }
        }
        let email = self.email.trim();
        if !email.is_empty() {
            if let Err(message) = check_email(email) {
                errors.push(FieldError::new(ProfileField::Email, message));
            }
        }
        let graduation = match self.graduation.trim() {
            "" => None,
            text => YearMonth::parse(text).or_else(|| {
                errors.push(FieldError::new(
                    ProfileField::Graduation,
                    "Enter a month as YYYY-MM, for example 2027-05.",
                ));
                None
            }),
        };
        let mut link = |field: ProfileField| match self.get(field).trim() {
            "" => None,
            text => SafeUrl::parse_typed(text, UrlPolicy::Web)
                .map_err(|e| errors.push(FieldError::new(field, e.to_string())))
                .ok(),
        };
        let portfolio_url = link(ProfileField::PortfolioUrl);
        let linkedin_url = link(ProfileField::LinkedinUrl);
        let github_url = link(ProfileField::GithubUrl);
        if !errors.is_empty() {
            errors.sort_by_key(|e| ProfileField::ALL.iter().position(|f| *f == e.field));
            return Err(errors);
        }
        let mut profile = Profile {
            meta: base.meta.clone(),
            name: self.name.trim().to_owned(),
            headline: self.headline.trim().to_owned(),
            school: self.school.trim().to_owned(),
            program: self.program.trim().to_owned(),
            graduation,
            email: email.to_owned(),
            portfolio_url,
            linkedin_url,
            github_url,
            learning_objectives: self.learning_objectives.trim().to_owned(),
            career_aspirations: self.career_aspirations.trim().to_owned(),
        };
        if profile != *base {
            profile.meta.touch(now);
        }
        Ok(profile)
    }
}

impl Profile {
    /// An empty profile.
    pub fn new(meta: Meta) -> Self {
        Self {
            meta,
            name: String::new(),
            headline: String::new(),
            school: String::new(),
            program: String::new(),
            graduation: None,
            email: String::new(),
            portfolio_url: None,
            linkedin_url: None,
            github_url: None,
            learning_objectives: String::new(),
            career_aspirations: String::new(),
        }
    }

    /// The form showing this profile.
    pub fn to_form(&self) -> ProfileForm {
        let url = |u: &Option<SafeUrl>| u.as_ref().map(|u| u.to_string()).unwrap_or_default();
        ProfileForm {
            name: self.name.clone(),
            headline: self.headline.clone(),
            school: self.school.clone(),
            program: self.program.clone(),
            graduation: self.graduation.map(|g| g.to_string()).unwrap_or_default(),
            email: self.email.clone(),
            portfolio_url: url(&self.portfolio_url),
            linkedin_url: url(&self.linkedin_url),
            github_url: url(&self.github_url),
            learning_objectives: self.learning_objectives.clone(),
            career_aspirations: self.career_aspirations.clone(),
        }
    }

    /// Whether the student has filled in anything at all.
    pub fn is_blank(&self) -> bool {
        self.to_form() == ProfileForm::default()
    }

    /// The links worth showing, with their labels.
    pub fn links(&self) -> Vec<(&'static str, &SafeUrl)> {
        labelled_links(&self.portfolio_url, &self.linkedin_url, &self.github_url)
    }
}

/// A profile's links that are set, with their labels (the student's own
/// profile and a shared one label them alike).
pub fn labelled_links<'a>(
    portfolio: &'a Option<SafeUrl>,
    linkedin: &'a Option<SafeUrl>,
    github: &'a Option<SafeUrl>,
) -> Vec<(&'static str, &'a SafeUrl)> {
    [
        ("Portfolio", portfolio),
        ("LinkedIn", linkedin),
        ("GitHub", github),
    ]
    .into_iter()
    .filter_map(|(label, url)| url.as_ref().map(|u| (label, u)))
    .collect()
}

#[cfg(test)]
mod tests {

    /// Regression: two tabs on the Profile overwrote each other silently:
    /// tab B, typing its School, stored its whole form, so the Name tab A
    /// had just saved went back to the old value.
    #[test]
    fn a_field_typed_in_one_tab_keeps_the_other_tabs_newer_fields() {
        let old = ProfileForm {
            name: "Ada".into(),
            school: String::new(),
            ..Default::default()
        };
        // Tab A saved a new name; tab B's form still shows the old one.
        let stored = ProfileForm {
            name: "Ada Lovelace".into(),
            ..old.clone()
        };
        let mut b = old.clone();
        b.school = "State University".into();
        let merged = b.overlay_on(&stored, [ProfileField::School]);
        assert_eq!(merged.name, "Ada Lovelace");
        assert_eq!(merged.school, "State University");
        assert_eq!(stored.differing(&old), vec![ProfileField::Name]);
        assert!(merged.differing(&merged).is_empty());
    }

    use super::*;
    use crate::domain::record::RecordId;
    use chrono::TimeZone;

    fn t(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, day, 12, 0, 0).unwrap()
    }

    fn blank() -> Profile {
        Profile::new(Meta::new(RecordId::from_random_bytes([3; 16]), t(1)))
    }

    fn filled_form() -> ProfileForm {
        ProfileForm {
            name: "  Ada Student ".into(),
            headline: "Data analyst in the making".into(),
            school: "State University".into(),
            program: "Economics".into(),
            graduation: "2027-05".into(),
            email: "ada@state.edu".into(),
            portfolio_url: "https://ada.example".into(),
            linkedin_url: "https://www.linkedin.com/in/ada".into(),
            github_url: "".into(),
            learning_objectives: "SQL\nPresenting findings".into(),
            career_aspirations: "Policy research".into(),
        }
    }

    #[test]
    fn a_valid_form_becomes_a_trimmed_profile_and_round_trips() {
        let profile = filled_form().parse(&blank(), t(2)).unwrap();
        assert_eq!(profile.name, "Ada Student");
        assert_eq!(profile.graduation, YearMonth::new(2027, 5));
        assert_eq!(profile.github_url, None);
        assert_eq!(profile.meta.updated, t(2));
        assert_eq!(profile.meta.created, t(1));
        assert_eq!(profile.links().len(), 2);
        let again = profile.to_form().parse(&profile, t(3)).unwrap();
        assert_eq!(
            again, profile,
            "re-parsing an unchanged form must not touch `updated`"
        );
    }

    #[test]
    fn every_bad_field_gets_its_own_message_in_form_order() {
        let mut form = filled_form();
        form.github_url = "javascript:alert(1)".into();
        form.email = "ada-at-state.edu".into();
        form.graduation = "May 2027".into();
        form.linkedin_url = "linkedin/in/ada".into();
        form.name = "x".repeat(MAX_SHORT + 1);
        let errors = form.parse(&blank(), t(2)).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                ProfileField::Name,
                ProfileField::Graduation,
                ProfileField::Email,
                ProfileField::LinkedinUrl,
                ProfileField::GithubUrl
            ]
        );
        assert!(errors[3].message.contains("https://"), "{:?}", errors[3]);
    }

    /// Regression (issue 19, A): "linkedin.com/in/ada" was refused, and
    /// on the Profile lost. It is kept as `https://linkedin.com/in/ada`,
    /// and what is kept reads back as itself.
    #[test]
    fn a_profile_link_typed_without_https_is_kept_with_https() {
        let mut form = filled_form();
        form.linkedin_url = "linkedin.com/in/ada".into();
        form.github_url = " github.com/ada ".into();
        let profile = form.parse(&blank(), t(2)).unwrap();
        assert_eq!(
            profile.to_form().linkedin_url,
            "https://linkedin.com/in/ada"
        );
        assert_eq!(profile.to_form().github_url, "https://github.com/ada");
        let json = serde_json::to_string(&profile).unwrap();
        assert_eq!(serde_json::from_str::<Profile>(&json).unwrap(), profile);
    }

    /// Regression (issue 19, A): on the Profile an invalid field held back
    /// every other field, and its text was lost on leaving the page. Each
    /// valid typed field is stored; an invalid one keeps the stored value
    /// and says why.
    #[test]
    fn an_invalid_profile_field_holds_back_only_itself() {
        let base = filled_form().parse(&blank(), t(2)).unwrap();
        let mut form = base.to_form();
        form.name = "Ada Lovelace".into();
        form.github_url = "javascript:alert(1)".into();
        form.linkedin_url = "linkedin.com/in/ada-l".into();
        let typed: std::collections::HashSet<_> = [
            ProfileField::Name,
            ProfileField::GithubUrl,
            ProfileField::LinkedinUrl,
        ]
        .into();
        let (profile, errors) = form.parse_valid_fields(&base, &typed, t(3));
        let profile = profile.unwrap();
        assert_eq!(profile.name, "Ada Lovelace");
        assert_eq!(profile.github_url, None, "the stored value stays");
        assert_eq!(
            profile.to_form().linkedin_url,
            "https://linkedin.com/in/ada-l"
        );
        assert_eq!(profile.meta.updated, t(3));
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, ProfileField::GithubUrl);
        // A field not typed here is never taken from this form.
        form.school = "Old School".into();
        let (profile, _) = form.parse_valid_fields(&base, &typed, t(3));
        assert_eq!(profile.unwrap().school, "State University");
        // All valid: no errors.
        form.github_url = "github.com/ada".into();
        let (profile, errors) = form.parse_valid_fields(&base, &typed, t(3));
        assert!(errors.is_empty());
        assert_eq!(
            profile.unwrap().to_form().github_url,
            "https://github.com/ada"
        );
    }

    #[test]
    fn empty_optional_fields_are_fine() {
        let profile = ProfileForm::default().parse(&blank(), t(2)).unwrap();
        assert!(profile.is_blank());
        assert_eq!(profile.meta.updated, t(1), "nothing changed");
    }

    #[test]
    fn year_month_parses_months_and_dates_and_refuses_nonsense() {
        assert_eq!(YearMonth::parse("2027-5"), YearMonth::new(2027, 5));
        assert_eq!(YearMonth::parse("2027-05-31"), YearMonth::new(2027, 5));
        assert_eq!(YearMonth::new(2027, 5).unwrap().long_name(), "May 2027");
        for bad in ["2027-13", "27-05", "2027", "2027-", "abcd-ef", "2027-005"] {
            assert_eq!(YearMonth::parse(bad), None, "{bad}");
        }
        let json = serde_json::to_string(&YearMonth::new(2027, 5)).unwrap();
        assert_eq!(json, "\"2027-05\"");
    }

    #[test]
    fn form_fields_have_unique_ids_and_labels() {
        let mut ids: Vec<_> = ProfileField::ALL.iter().map(|f| f.key()).collect();
        let mut labels: Vec<_> = ProfileField::ALL.iter().map(|f| f.label()).collect();
        ids.sort();
        ids.dedup();
        labels.sort();
        labels.dedup();
        assert_eq!((ids.len(), labels.len()), (11, 11));
    }
}
