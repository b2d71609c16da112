//! Sharing a portfolio: the portfolio-only file a student gives an employer
//! or advisor, what it leaves out, and the share link's text encoding.
//!
//! A share is built from the document by [`build`] and holds only what a
//! recipient should see: the profile's public fields, the entries shown in
//! shared portfolios, feedback the student marked shareable, the skills
//! with their evidence, and the names of the supervisors of those entries.
//! Private entries, fees and payment, notes, and supervisors' e-mail and
//! phone are left out unless [`ShareOptions`] ticks them in. An entry's
//! objectives go in only when met or partly met (what the viewer and the
//! printable portfolio show as "Objectives met"). The profile's learning
//! objectives, objectives not (yet) met, tags, applications and other
//! contacts are never shared.
//!
//! A received share is untrusted: [`decode_shared`] reads it within the same
//! caps as a backup, every link in it is checked again by [`SafeUrl`], and
//! it is refused when two of its entries, skills or people share an id or a
//! date, rating, level, fee or hours is out of range (`super::codec::checks`).
//! The share link carries the same JSON, compressed by the browser (raw
//! DEFLATE) and written as base64url ([`to_base64url`]) in the URL
//! fragment, which browsers never send to a server. The link's text is
//! refused above [`MAX_LINK_DATA_CHARS`] before it is decoded.
//!
//! Building a share and drawing one join records by id through indexes
//! ([`ById`], [`ShareIndex`]), so a large or hostile share costs what its
//! size does, not skills × entries × references.

use super::application::{Arrangement, Money};
use super::codec::checks::{entry_parts, feedback, small, time, unique_ids, At, EntryParts};
use super::codec::{deserialize_with_path, parse_bounded, DecodeError, Limits, LIMITS};
use super::contact::ContactKind;
use super::index::{listing, ById};
use super::portfolio::{Deliverable, Milestone, Objective, PaymentStatus, Visibility};
use super::profile::YearMonth;
use super::skill::{EvidenceLink, SkillCategory, LEVEL_RANGE};
use super::{Document, RecordId, SafeUrl};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeSet;

/// The `format` of a shared portfolio file (kept with the codec, which
/// tells a share from a backup).
pub use super::codec::SHARE_FORMAT;
/// The version of the shared portfolio format this build writes and reads.
pub const SHARE_VERSION: u32 = 1;
/// Longest share link offered. Browsers accept far longer URLs, but mail
/// programs and chat apps cut or mangle long ones; above this the student is
/// offered the file instead.
pub const MAX_LINK_CHARS: usize = 8_000;
/// Longest share-link data (the text after `#/shared/`) read: eight times
/// the longest link this app makes, so links from a copy that allows longer
/// ones still open. Longer text is refused before it is decoded or
/// inflated; what it inflates to is capped again ([`LIMITS`]).
pub const MAX_LINK_DATA_CHARS: usize = 8 * MAX_LINK_CHARS;

/// What the student chose to include beyond the public defaults.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShareOptions {
    /// The student's own e-mail address (on by default: it is how a
    /// recipient replies).
    pub my_email: bool,
    /// Entries marked private.
    pub private_entries: bool,
    /// Fees and payment status.
    pub fees: bool,
    /// The student's notes on skills and on supervisors.
    pub notes: bool,
    /// Supervisors' e-mail addresses and phone numbers.
    pub contact_details: bool,
}

impl Default for ShareOptions {
    fn default() -> Self {
        Self {
            my_email: true,
            private_entries: false,
            fees: false,
            notes: false,
            contact_details: false,
        }
    }
}

/// A shared portfolio: everything a recipient sees, nothing else.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SharedPortfolio {
    pub format: String,
    pub schema_version: u32,
    pub exported: DateTime<Utc>,
    pub profile: SharedProfile,
    pub entries: Vec<SharedEntry>,
    pub skills: Vec<SharedSkill>,
    /// Supervisors of the shared entries.
    pub people: Vec<SharedPerson>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SharedProfile {
    pub name: String,
    pub headline: String,
    pub school: String,
    pub program: String,
    pub graduation: Option<YearMonth>,
    /// Empty unless the student chose to include it.
    pub email: String,
    pub portfolio_url: Option<SafeUrl>,
    pub linkedin_url: Option<SafeUrl>,
    pub github_url: Option<SafeUrl>,
    pub career_aspirations: String,
}

impl SharedProfile {
    /// The profile's links with their labels.
    pub fn links(&self) -> Vec<(&'static str, &SafeUrl)> {
        super::profile::labelled_links(&self.portfolio_url, &self.linkedin_url, &self.github_url)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SharedEntry {
    pub id: RecordId,
    pub title: String,
    pub organization: String,
    pub role: String,
    pub source: String,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub arrangement: Option<Arrangement>,
    pub estimated_hours: Option<f64>,
    pub logged_hours: Option<f64>,
    /// Present only when the student included fees.
    pub fee: Option<Money>,
    pub payment: Option<PaymentStatus>,
    pub deliverables: Vec<Deliverable>,
    pub milestones: Vec<Milestone>,
    pub objectives: Vec<Objective>,
    pub reflection: String,
    /// Only feedback the student marked shareable.
    pub feedback: Option<SharedFeedback>,
    /// A person in [`SharedPortfolio::people`].
    pub supervisor: Option<RecordId>,
    /// Skills in [`SharedPortfolio::skills`].
    pub skills: Vec<RecordId>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SharedFeedback {
    pub quote: String,
    pub rating: Option<u8>,
    pub date: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SharedSkill {
    pub id: RecordId,
    pub name: String,
    pub category: SkillCategory,
    pub level: Option<u8>,
    /// Links the student added as evidence (entries are evidence too).
    pub evidence: Vec<EvidenceLink>,
    /// Empty unless the student included notes.
    pub notes: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SharedPerson {
    pub id: RecordId,
    pub name: String,
    pub kind: ContactKind,
    pub organization: String,
    pub url: Option<SafeUrl>,
    /// Empty unless the student included contact details.
    pub email: String,
    pub phone: String,
    /// Empty unless the student included notes.
    pub notes: String,
}

/// What [`build`] left out, for the share page to say so.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LeftOut {
    pub private_entries: usize,
    pub fees: usize,
    pub unshareable_feedback: usize,
    pub notes: usize,
    pub contact_details: usize,
}

/// Whether an entry's objective goes into a share: met or partly met, as
/// the viewer shows it ("Objectives met: …"). One not met, or not
/// reflected on yet, is the student's own business.
pub fn shows_as_met(objective: &Objective) -> bool {
    matches!(
        objective.outcome,
        super::portfolio::Outcome::Met | super::portfolio::Outcome::Partly
    )
}

/// The share of `doc` with `options`, newest entries first.
pub fn build(doc: &Document, options: &ShareOptions, exported: DateTime<Utc>) -> SharedPortfolio {
    build_with_report(doc, options, exported).0
}

/// [`build`], plus counts of what it left out.
pub fn build_with_report(
    doc: &Document,
    options: &ShareOptions,
    exported: DateTime<Utc>,
) -> (SharedPortfolio, LeftOut) {
    let mut left = LeftOut::default();
    let known_skills = ById::new(&doc.skills, |s| s.meta.id);
    let contacts = ById::new(&doc.contacts, |c| c.meta.id);
    let p = &doc.profile;
    let profile = SharedProfile {
        name: p.name.clone(),
        headline: p.headline.clone(),
        school: p.school.clone(),
        program: p.program.clone(),
        graduation: p.graduation,
        email: if options.my_email {
            p.email.clone()
        } else {
            String::new()
        },
        portfolio_url: p.portfolio_url.clone(),
        linkedin_url: p.linkedin_url.clone(),
        github_url: p.github_url.clone(),
        career_aspirations: p.career_aspirations.clone(),
    };

    let mut entries = Vec::new();
    for e in doc.entries_newest_first() {
        if e.visibility == Visibility::Private && !options.private_entries {
            left.private_entries += 1;
            continue;
        }
        if e.fee.is_some() && !options.fees {
            left.fees += 1;
        }
        let feedback = if e.feedback.shareable && !e.feedback.is_empty() {
            Some(SharedFeedback {
                quote: e.feedback.quote.clone(),
                rating: e.feedback.rating,
                date: e.feedback.date,
            })
        } else {
            if !e.feedback.is_empty() {
                left.unshareable_feedback += 1;
            }
            None
        };
        entries.push(SharedEntry {
            id: e.meta.id,
            title: e.title.clone(),
            organization: e.organization.clone(),
            role: e.role.clone(),
            source: e.source.clone(),
            start_date: e.start_date,
            end_date: e.end_date,
            arrangement: e.arrangement,
            estimated_hours: e.estimated_hours,
            logged_hours: e.logged_hours,
            fee: e.fee.clone().filter(|_| options.fees),
            payment: options
                .fees
                .then_some(e.payment)
                .filter(|_| e.fee.is_some()),
            deliverables: e.deliverables.clone(),
            milestones: e.milestones.clone(),
            objectives: e
                .objectives
                .iter()
                .filter(|o| shows_as_met(o))
                .cloned()
                .collect(),
            reflection: e.reflection.clone(),
            feedback,
            supervisor: e.supervisor.filter(|id| contacts.contains(*id)),
            skills: e
                .skills
                .iter()
                .copied()
                .filter(|id| known_skills.contains(*id))
                .collect(),
        });
    }

    let mut people = Vec::new();
    let mut listed = BTreeSet::new();
    for id in entries.iter().filter_map(|e| e.supervisor) {
        if !listed.insert(id) {
            continue;
        }
        let Some(c) = contacts.get(id) else { continue };
        let has_details = !c.email.is_empty() || !c.phone.is_empty();
        if has_details && !options.contact_details {
            left.contact_details += 1;
        }
        if !options.notes && !c.notes.is_empty() {
            left.notes += 1;
        }
        people.push(SharedPerson {
            id,
            name: c.name.clone(),
            kind: c.kind,
            organization: c.organization.clone(),
            url: c.url.clone(),
            email: if options.contact_details {
                c.email.clone()
            } else {
                String::new()
            },
            phone: if options.contact_details {
                c.phone.clone()
            } else {
                String::new()
            },
            notes: if options.notes {
                c.notes.clone()
            } else {
                String::new()
            },
        });
    }

    // Skills the student rated, documented, or showed in a shared entry.
    let shown: BTreeSet<RecordId> = entries
        .iter()
        .flat_map(|e| e.skills.iter().copied())
        .collect();
    let skills = doc
        .skills
        .iter()
        .filter(|s| s.level.is_some() || !s.evidence.is_empty() || shown.contains(&s.meta.id))
        .map(|s| {
            if !options.notes && !s.notes.is_empty() {
                left.notes += 1;
            }
            SharedSkill {
                id: s.meta.id,
                name: s.name.clone(),
                category: s.category,
                level: s.level,
                evidence: s.evidence.clone(),
                notes: if options.notes {
                    s.notes.clone()
                } else {
                    String::new()
                },
            }
        })
        .collect();

    let share = SharedPortfolio {
        format: SHARE_FORMAT.to_owned(),
        schema_version: SHARE_VERSION,
        exported,
        profile,
        entries,
        skills,
        people,
    };
    (share, left)
}

impl SharedPortfolio {
    pub fn person(&self, id: RecordId) -> Option<&SharedPerson> {
        self.people.iter().find(|p| p.id == id)
    }

    pub fn skill(&self, id: RecordId) -> Option<&SharedSkill> {
        self.skills.iter().find(|s| s.id == id)
    }

    /// The shared entries that show a skill.
    pub fn entries_showing(&self, skill: RecordId) -> Vec<&SharedEntry> {
        self.entries
            .iter()
            .filter(|e| e.skills.contains(&skill))
            .collect()
    }

    /// Skills by evidence: most shared entries first, then by name (equal
    /// ones in the share's order).
    pub fn skills_by_evidence(&self) -> Vec<(&SharedSkill, usize)> {
        let showing = listing(&self.entries, |e| e.skills.as_slice());
        let mut skills: Vec<_> = self
            .skills
            .iter()
            .map(|s| (s, showing.get(&s.id).map_or(0, Vec::len)))
            .collect();
        skills.sort_by_cached_key(|(s, n)| (std::cmp::Reverse(*n), s.name.to_lowercase()));
        skills
    }

    /// The share's skills and people by id, for drawing every entry.
    pub fn index(&self) -> ShareIndex<'_> {
        ShareIndex {
            skills: ById::new(&self.skills, |s| s.id),
            people: ById::new(&self.people, |p| p.id),
        }
    }

    /// The name to call the owner by ("Ada Lovelace", or "the student").
    pub fn owner(&self) -> &str {
        let name = self.profile.name.trim();
        if name.is_empty() {
            "the student"
        } else {
            name
        }
    }
}

/// A share's skills and people by id ([`SharedPortfolio::index`]): what
/// [`SharedPortfolio::skill`] and [`SharedPortfolio::person`] find, without
/// a scan per reference.
pub struct ShareIndex<'a> {
    skills: ById<'a, SharedSkill>,
    people: ById<'a, SharedPerson>,
}

impl<'a> ShareIndex<'a> {
    pub fn skill(&self, id: RecordId) -> Option<&'a SharedSkill> {
        self.skills.get(id)
    }

    pub fn person(&self, id: RecordId) -> Option<&'a SharedPerson> {
        self.people.get(id)
    }

    /// The names of the skills an entry shows, in its order (ids the share
    /// does not list are left out).
    pub fn skill_names(&self, entry: &SharedEntry) -> Vec<String> {
        entry
            .skills
            .iter()
            .filter_map(|id| self.skill(*id))
            .map(|s| s.name.clone())
            .collect()
    }

    /// The entry's supervisor, if the share lists them.
    pub fn supervisor(&self, entry: &SharedEntry) -> Option<&'a SharedPerson> {
        entry.supervisor.and_then(|id| self.person(id))
    }
}

/// Whether a share link's data is short enough to be read at all (at most
/// [`MAX_LINK_DATA_CHARS`] bytes; a sound link is ASCII, a byte a
/// character), checked before anything decodes it.
pub fn link_data_within_cap(data: &str) -> bool {
    data.len() <= MAX_LINK_DATA_CHARS
}

/// The share as the text of a file or a link.
pub fn encode_shared(share: &SharedPortfolio) -> String {
    serde_json::to_string(share).expect("a SharedPortfolio always serializes")
}

/// Reads a shared portfolio from untrusted text, within [`LIMITS`]. A full
/// backup is recognized and refused with a pointer to Restore.
pub fn decode_shared(text: &str) -> Result<SharedPortfolio, DecodeError> {
    decode_shared_within(text, &LIMITS)
}

/// [`decode_shared`] with explicit caps.
pub fn decode_shared_within(text: &str, limits: &Limits) -> Result<SharedPortfolio, DecodeError> {
    let value = parse_bounded(text, limits)?;
    match value.get("format").and_then(Value::as_str) {
        Some(SHARE_FORMAT) => {}
        Some(super::FORMAT) => return Err(DecodeError::IsBackup),
        _ => return Err(DecodeError::NotSharedPortfolio),
    }
    match value.get("schema_version").and_then(Value::as_u64) {
        Some(v) if v > u64::from(SHARE_VERSION) => {
            return Err(DecodeError::NewerVersion {
                found: v,
                supported: SHARE_VERSION,
            })
        }
        Some(v) if v >= 1 => {}
        _ => return Err(DecodeError::NoVersion),
    }
    let share = deserialize_with_path(value)?;
    check_shared(&share)?;
    Ok(share)
}

/// A file name for the share: `microfolio-portfolio-ada-lovelace-2026-11-23.json`.
pub fn file_name(share: &SharedPortfolio, today: NaiveDate) -> String {
    let mut slug = String::new();
    for c in share.profile.name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() && c.is_ascii() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        format!("microfolio-portfolio-{today}.json")
    } else {
        format!("microfolio-portfolio-{slug}-{today}.json")
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding (RFC 4648 §5), as used in the share link.
pub fn to_base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Why a share link could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "This share link is damaged: it has characters a share link never has, \
     or it was cut short. Ask for the link again, or for the file."
)]
pub struct DamagedLink;

/// Reads base64url (padding and surrounding spaces tolerated).
pub fn from_base64url(text: &str) -> Result<Vec<u8>, DamagedLink> {
    let text = text.trim().trim_end_matches('=');
    if text.len() % 4 == 1 {
        return Err(DamagedLink);
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            let v = ALPHABET.iter().position(|a| a == c).ok_or(DamagedLink)? as u32;
            n |= v << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Ok(out)
}

fn shared_entry(at: &At, e: &SharedEntry) -> Result<(), DecodeError> {
    entry_parts(
        at,
        EntryParts {
            start_date: e.start_date,
            end_date: e.end_date,
            estimated_hours: e.estimated_hours,
            logged_hours: e.logged_hours,
            fee: &e.fee,
            deliverables: &e.deliverables,
            milestones: &e.milestones,
        },
    )?;
    match &e.feedback {
        Some(f) => feedback(&at.key("feedback"), f.rating, f.date),
        None => Ok(()),
    }
}

/// Every check of a shared portfolio: ids unique among its entries, skills
/// and people; dates, hours, fees, ratings and levels within range.
fn check_shared(share: &SharedPortfolio) -> Result<(), DecodeError> {
    let root = At::Root;
    time(&root.key("exported"), share.exported)?;
    let list = root.key("entries");
    unique_ids(&list, &share.entries, &["id"], |e| e.id)?;
    for (i, e) in share.entries.iter().enumerate() {
        shared_entry(&list.index(i), e)?;
    }
    let list = root.key("skills");
    unique_ids(&list, &share.skills, &["id"], |s| s.id)?;
    for (i, s) in share.skills.iter().enumerate() {
        small(&list.index(i).key("level"), s.level, &LEVEL_RANGE)?;
    }
    unique_ids(&root.key("people"), &share.people, &["id"], |p| p.id)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::application::new_application;
    use crate::domain::portfolio::{Feedback, Outcome, PortfolioEntry};
    use crate::domain::record::Meta;
    use crate::domain::{Contact, Skill};

    fn t0() -> DateTime<Utc> {
        DateTime::from_timestamp(1_790_000_000, 0).unwrap()
    }

    fn id(n: u8) -> RecordId {
        RecordId::from_random_bytes([n; 16])
    }

    /// A document with a unique marker in every field a share must not
    /// carry by default, and public content beside them.
    fn sample() -> Document {
        let mut doc = Document::new(t0(), id(1));
        doc.profile.name = "Ada Lovelace".into();
        doc.profile.headline = "Analyst".into();
        doc.profile.email = "ada@example.org".into();
        doc.profile.learning_objectives = "SECRET-learning-objectives".into();
        let mut sup = Contact::new(Meta::new(id(2), t0()));
        sup.name = "Grace Hopper".into();
        sup.organization = "Navy".into();
        sup.email = "SECRET-sup-email@example.org".into();
        sup.phone = "SECRET-sup-phone".into();
        sup.notes = "SECRET-sup-notes".into();
        let mut other = Contact::new(Meta::new(id(3), t0()));
        other.name = "SECRET-unrelated-contact".into();
        doc.contacts = vec![sup, other];
        let mut skill = Skill::new(Meta::new(id(4), t0()), "SQL");
        skill.level = Some(3);
        skill.target = Some(5);
        skill.notes = "SECRET-skill-notes".into();
        let wish = Skill::new(Meta::new(id(5), t0()), "SECRET-wishlist-skill");
        doc.skills = vec![skill, wish];
        let mut public = PortfolioEntry::new(Meta::new(id(6), t0()));
        public.title = "Market sizing deck".into();
        public.supervisor = Some(id(2));
        public.skills = vec![id(4)];
        public.fee = Some(Money {
            cents: 9_876_543,
            currency: "USD".into(),
        });
        public.tags = vec!["SECRET-tag".into()];
        public.objectives = [
            ("Shown-objective-met", Outcome::Met),
            ("Shown-objective-partly", Outcome::Partly),
            ("SECRET-objective-not-met", Outcome::NotMet),
            ("SECRET-objective-not-yet", Outcome::NotYet),
        ]
        .map(|(text, outcome)| Objective {
            text: text.into(),
            outcome,
        })
        .into();
        public.feedback = Feedback {
            quote: "Sharp work".into(),
            rating: Some(5),
            date: None,
            shareable: true,
        };
        let mut private = PortfolioEntry::new(Meta::new(id(7), t0()));
        private.title = "SECRET-private-entry".into();
        private.visibility = Visibility::Private;
        let mut quiet = PortfolioEntry::new(Meta::new(id(8), t0()));
        quiet.title = "Survey analysis".into();
        quiet.feedback = Feedback {
            quote: "SECRET-unshareable-feedback".into(),
            rating: Some(2),
            date: None,
            shareable: false,
        };
        doc.entries = vec![public, private, quiet];
        let mut app = new_application(id(9), t0(), t0().date_naive());
        app.organization = "SECRET-application".into();
        app.notes = "SECRET-application-notes".into();
        doc.applications = vec![app];
        doc
    }

    #[test]
    fn redaction_leaves_no_private_field_in_a_default_share() {
        let text = encode_shared(&build(&sample(), &ShareOptions::default(), t0()));
        for marker in ["SECRET", "9876543", "98765.43", "not_invoiced", "target"] {
            assert!(!text.contains(marker), "{marker} leaked into {text}");
        }
        for shown in [
            "Ada Lovelace",
            "ada@example.org",
            "Market sizing deck",
            "Grace Hopper",
            "Sharp work",
            "SQL",
            "Survey analysis",
            "Shown-objective-met",
            "Shown-objective-partly",
        ] {
            assert!(text.contains(shown), "{shown} is missing from {text}");
        }
    }

    /// Regression (issue 19, C): the Share page said learning objectives
    /// are never shared while the viewer showed "Objectives met: …", and
    /// the file carried objectives not met that nothing showed. A share
    /// holds an entry's objectives met or partly met, exactly what the
    /// viewer shows, and never the profile's learning objectives.
    #[test]
    fn a_share_holds_only_the_objectives_shown_as_met_never_the_learning_objectives() {
        let share = build(&sample(), &ShareOptions::default(), t0());
        let deck = share
            .entries
            .iter()
            .find(|e| e.title == "Market sizing deck")
            .unwrap();
        let texts: Vec<&str> = deck.objectives.iter().map(|o| o.text.as_str()).collect();
        assert_eq!(texts, ["Shown-objective-met", "Shown-objective-partly"]);
        assert!(deck.objectives.iter().all(shows_as_met));
        assert!(!encode_shared(&share).contains("SECRET-learning-objectives"));
    }

    #[test]
    fn each_option_brings_in_exactly_its_fields() {
        let doc = sample();
        let with = |o: ShareOptions| encode_shared(&build(&doc, &o, t0()));
        let base = ShareOptions::default();
        let no_email = with(ShareOptions {
            my_email: false,
            ..base
        });
        assert!(!no_email.contains("ada@example.org"));

        let private = with(ShareOptions {
            private_entries: true,
            ..base
        });
        assert!(private.contains("SECRET-private-entry"));
        assert!(!private.contains("9876543"));

        let fees = with(ShareOptions { fees: true, ..base });
        assert!(fees.contains("9876543") && fees.contains("not_invoiced"));
        assert!(!fees.contains("SECRET-private-entry"));

        let notes = with(ShareOptions {
            notes: true,
            ..base
        });
        assert!(notes.contains("SECRET-skill-notes") && notes.contains("SECRET-sup-notes"));
        assert!(!notes.contains("SECRET-sup-email"));

        let details = with(ShareOptions {
            contact_details: true,
            ..base
        });
        assert!(details.contains("SECRET-sup-email") && details.contains("SECRET-sup-phone"));
        assert!(!details.contains("SECRET-sup-notes"));

        // Never shared, whatever is ticked.
        let all = with(ShareOptions {
            my_email: true,
            private_entries: true,
            fees: true,
            notes: true,
            contact_details: true,
        });
        for marker in [
            "SECRET-learning-objectives",
            "SECRET-objective-not-met",
            "SECRET-objective-not-yet",
            "SECRET-unrelated-contact",
            "SECRET-wishlist-skill",
            "SECRET-tag",
            "SECRET-unshareable-feedback",
            "SECRET-application",
            "\"target\"",
        ] {
            assert!(!all.contains(marker), "{marker} leaked");
        }
    }

    #[test]
    fn the_report_counts_what_was_left_out() {
        let (share, left) = build_with_report(&sample(), &ShareOptions::default(), t0());
        assert_eq!(
            left,
            LeftOut {
                private_entries: 1,
                fees: 1,
                unshareable_feedback: 1,
                notes: 2,
                contact_details: 1,
            }
        );
        assert_eq!(share.entries.len(), 2);
        assert_eq!(share.people.len(), 1);
        assert_eq!(share.skills.len(), 1);
        assert_eq!(share.skills_by_evidence()[0].1, 1);
    }

    #[test]
    fn a_share_reads_back_exactly() {
        let share = build(&sample(), &ShareOptions::default(), t0());
        assert_eq!(decode_shared(&encode_shared(&share)).unwrap(), share);
    }

    #[test]
    fn a_backup_is_not_a_share_and_a_share_is_not_a_backup() {
        let doc = sample();
        assert_eq!(
            decode_shared(&crate::domain::encode(&doc)),
            Err(DecodeError::IsBackup)
        );
        let share = encode_shared(&build(&doc, &ShareOptions::default(), t0()));
        assert_eq!(
            crate::domain::decode(&share),
            Err(DecodeError::IsSharedPortfolio)
        );
        assert_eq!(
            decode_shared(r#"{"format":"other"}"#),
            Err(DecodeError::NotSharedPortfolio)
        );
    }

    #[test]
    fn shares_from_a_newer_version_or_with_bad_links_are_refused() {
        let share = build(&sample(), &ShareOptions::default(), t0());
        let mut value = serde_json::to_value(&share).unwrap();
        value["schema_version"] = 2.into();
        assert!(matches!(
            decode_shared(&value.to_string()),
            Err(DecodeError::NewerVersion { found: 2, .. })
        ));
        let mut value = serde_json::to_value(&share).unwrap();
        value["entries"][0]["deliverables"] = serde_json::json!([{ "title": "x", "description": "", "link": "javascript:alert(1)", "date": null }]);
        match decode_shared(&value.to_string()) {
            Err(DecodeError::WrongShape { path, .. }) => {
                assert_eq!(path, "entries[0].deliverables[0].link")
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn file_names_are_safe_slugs() {
        let mut share = build(&sample(), &ShareOptions::default(), t0());
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(
            file_name(&share, day),
            "microfolio-portfolio-ada-lovelace-2026-11-23.json"
        );
        share.profile.name = "  ../Zoë  O'Brien / <x> ".into();
        assert_eq!(
            file_name(&share, day),
            "microfolio-portfolio-zo-o-brien-x-2026-11-23.json"
        );
        share.profile.name = String::new();
        assert_eq!(
            file_name(&share, day),
            "microfolio-portfolio-2026-11-23.json"
        );
    }

    #[test]
    fn base64url_matches_rfc_4648_vectors() {
        // RFC 4648 §10, in the URL-safe alphabet without padding.
        let vectors = [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in vectors {
            assert_eq!(to_base64url(plain.as_bytes()), encoded);
            assert_eq!(from_base64url(encoded).unwrap(), plain.as_bytes());
        }
        assert_eq!(to_base64url(&[0xfb, 0xff, 0xfe]), "-__-");
        assert_eq!(from_base64url("Zm9vYg==").unwrap(), b"foob");
        for damaged in ["Zm9vY", "Zm9v+g", "a b", "Zm9v%3D"] {
            assert_eq!(from_base64url(damaged), Err(DamagedLink), "{damaged}");
        }
    }

    #[test]
    fn base64url_round_trips_every_byte_value() {
        let bytes: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).collect();
        for len in 0..bytes.len() {
            assert_eq!(
                from_base64url(&to_base64url(&bytes[..len])).unwrap(),
                &bytes[..len]
            );
        }
    }

    /// A share from a document with what makes joins go wrong: duplicate
    /// skill and contact ids, skills listed twice by an entry, ids of no
    /// skill or contact, the same supervisor on many entries.
    fn tangled(seed: u64) -> Document {
        let mut next = crate::domain::index::seeded(seed);
        let mut doc = sample();
        for i in 0..30u8 {
            let mut s = Skill::new(Meta::new(id(100 + i), t0()), format!("Skill {}", next(9)));
            s.level = Some(next(6) as u8).filter(|l| *l > 0);
            if next(7) == 0 {
                s.meta.id = doc.skills.last().unwrap().meta.id;
            }
            doc.skills.push(s);
        }
        for i in 0..10u8 {
            let mut c = Contact::new(Meta::new(id(140 + i), t0()));
            c.name = format!("Person {i}");
            if next(4) == 0 {
                c.meta.id = doc.contacts.last().unwrap().meta.id;
            }
            doc.contacts.push(c);
        }
        let skill_ids: Vec<RecordId> = doc.skills.iter().map(|s| s.meta.id).collect();
        let contact_ids: Vec<RecordId> = doc.contacts.iter().map(|c| c.meta.id).collect();
        for i in 0..25u8 {
            let mut e = PortfolioEntry::new(Meta::new(id(160 + i), t0()));
            e.title = format!("Entry {i}");
            e.end_date = NaiveDate::from_ymd_opt(2026, 1 + next(12) as u32, 1);
            e.visibility = if next(5) == 0 {
                Visibility::Private
            } else {
                Visibility::Public
            };
            e.supervisor = match next(4) {
                0 => None,
                1 => Some(id(250)),
                _ => Some(contact_ids[next(contact_ids.len() as u64) as usize]),
            };
            for _ in 0..next(10) {
                e.skills.push(match next(8) {
                    0 => id(251),
                    _ => skill_ids[next(skill_ids.len() as u64) as usize],
                });
            }
            if let Some(&first) = e.skills.first() {
                e.skills.push(first);
            }
            doc.entries.push(e);
        }
        doc
    }

    /// Skills by evidence as it was: a scan of the entries per skill.
    fn skills_by_evidence_by_scanning(share: &SharedPortfolio) -> Vec<(&SharedSkill, usize)> {
        let mut skills: Vec<_> = share
            .skills
            .iter()
            .map(|s| (s, share.entries_showing(s.id).len()))
            .collect();
        skills.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| a.0.name.to_lowercase().cmp(&b.0.name.to_lowercase()))
        });
        skills
    }

    #[test]
    fn the_indexed_joins_of_a_share_agree_with_a_scan_on_tangled_data() {
        for seed in 0..40 {
            let doc = tangled(seed);
            let options = ShareOptions {
                private_entries: seed % 2 == 0,
                ..ShareOptions::default()
            };
            let share = build(&doc, &options, t0());
            let shared: Vec<&PortfolioEntry> = doc
                .entries_newest_first()
                .into_iter()
                .filter(|e| options.private_entries || e.visibility == Visibility::Public)
                .collect();
            assert_eq!(share.entries.len(), shared.len());
            for (got, e) in share.entries.iter().zip(&shared) {
                let skills: Vec<RecordId> = e
                    .skills
                    .iter()
                    .copied()
                    .filter(|id| doc.skill(*id).is_some())
                    .collect();
                assert_eq!(got.skills, skills, "seed {seed}");
                assert_eq!(
                    got.supervisor,
                    e.supervisor.filter(|id| doc.contact(*id).is_some()),
                    "seed {seed}"
                );
            }
            let mut people: Vec<RecordId> = Vec::new();
            for id in share.entries.iter().filter_map(|e| e.supervisor) {
                if !people.contains(&id) {
                    people.push(id);
                }
            }
            let got: Vec<(RecordId, &str)> = share
                .people
                .iter()
                .map(|p| (p.id, p.name.as_str()))
                .collect();
            let want: Vec<(RecordId, &str)> = people
                .iter()
                .map(|id| (*id, doc.contact(*id).unwrap().name.as_str()))
                .collect();
            assert_eq!(got, want, "seed {seed}");
            let skills: Vec<RecordId> = doc
                .skills
                .iter()
                .filter(|s| {
                    s.level.is_some()
                        || !s.evidence.is_empty()
                        || share.entries.iter().any(|e| e.skills.contains(&s.meta.id))
                })
                .map(|s| s.meta.id)
                .collect();
            let got: Vec<RecordId> = share.skills.iter().map(|s| s.id).collect();
            assert_eq!(got, skills, "seed {seed}");

            assert_eq!(
                share.skills_by_evidence(),
                skills_by_evidence_by_scanning(&share),
                "seed {seed}"
            );
            let index = share.index();
            for e in &share.entries {
                let names: Vec<String> = e
                    .skills
                    .iter()
                    .filter_map(|id| share.skill(*id))
                    .map(|s| s.name.clone())
                    .collect();
                assert_eq!(index.skill_names(e), names, "seed {seed}");
                assert_eq!(
                    index.supervisor(e),
                    e.supervisor.and_then(|id| share.person(id)),
                    "seed {seed}"
                );
            }
        }
    }

    /// Regression: building a share, and drawing one (the viewer, the
    /// printable page), joined entries to skills and people with a scan per
    /// reference, and counted each skill's entries with a scan of every
    /// entry's list (skills × entries × references): a share link of
    /// 36,231 characters froze the viewer's tab for 38 s, and a share of
    /// this shape takes minutes. Indexed, it is one pass; the output is
    /// checked against what the shape implies.
    #[test]
    fn a_large_share_is_built_and_drawn_by_index_not_skills_times_entries_times_references() {
        const SKILLS: usize = 20_000;
        const ENTRIES: usize = 20;
        const CONTACTS: usize = 5_000;
        let shows = |i: usize, j: usize| (i + j) % 7 != 0;
        let big = move || {
            let rid = |kind: u8, n: usize| {
                let mut b = [kind; 16];
                b[..8].copy_from_slice(&(n as u64).to_le_bytes());
                RecordId::from_random_bytes(b)
            };
            let mut doc = Document::new(t0(), id(1));
            doc.skills = (0..SKILLS)
                .map(|j| {
                    let mut s = Skill::new(Meta::new(rid(1, j), t0()), format!("Skill {j}"));
                    s.level = (j % 2 == 0).then_some(3);
                    s
                })
                .collect();
            doc.contacts = (0..CONTACTS)
                .map(|c| {
                    let mut p = Contact::new(Meta::new(rid(2, c), t0()));
                    p.name = format!("Person {c}");
                    p
                })
                .collect();
            doc.entries = (0..ENTRIES)
                .map(|i| {
                    let mut e = PortfolioEntry::new(Meta::new(rid(3, i), t0()));
                    e.title = format!("Entry {i}");
                    e.end_date = NaiveDate::from_ymd_opt(2026, 1, 1 + i as u32 % 28);
                    // Supervisors from the end of the list; every third entry's is
                    // not a contact.
                    e.supervisor = Some(if i % 3 == 2 {
                        rid(9, i)
                    } else {
                        rid(2, CONTACTS - 1 - i % 10)
                    });
                    e.skills = (0..SKILLS)
                        .filter(|&j| shows(i, j))
                        .map(|j| rid(1, j))
                        .collect();
                    e.skills.push(rid(9, SKILLS + i));
                    e
                })
                .collect();
            let share = build(&doc, &ShareOptions::default(), t0());
            let by_evidence: Vec<(String, usize)> = share
                .skills_by_evidence()
                .into_iter()
                .map(|(s, n)| (s.name.clone(), n))
                .collect();
            let index = share.index();
            let drawn: Vec<(usize, Option<String>)> = share
                .entries
                .iter()
                .map(|e| {
                    (
                        index.skill_names(e).len(),
                        index.supervisor(e).map(|p| p.name.clone()),
                    )
                })
                .collect();
            (share, by_evidence, drawn)
        };
        let (share, by_evidence, drawn) = crate::domain::index::finishes_within(60, big);

        assert_eq!(share.skills.len(), SKILLS, "every skill is shown or rated");
        assert_eq!(share.people.len(), 10);
        let count = |j: usize| (0..ENTRIES).filter(|&i| shows(i, j)).count();
        assert_eq!(by_evidence.len(), SKILLS);
        for w in by_evidence.windows(2) {
            assert!(
                w[0].1 > w[1].1
                    || (w[0].1 == w[1].1 && w[0].0.to_lowercase() <= w[1].0.to_lowercase())
            );
        }
        for (name, n) in &by_evidence {
            let j: usize = name["Skill ".len()..].parse().unwrap();
            assert_eq!(*n, count(j), "{name}");
        }
        for (e, (skills, supervisor)) in share.entries.iter().zip(&drawn) {
            let i: usize = e.title["Entry ".len()..].parse().unwrap();
            let expected = (0..SKILLS).filter(|&j| shows(i, j)).count();
            assert_eq!(
                (e.skills.len(), *skills),
                (expected, expected),
                "{}",
                e.title
            );
            let want = (i % 3 != 2).then(|| format!("Person {}", CONTACTS - 1 - i % 10));
            assert_eq!(*supervisor, want, "{}", e.title);
        }
    }

    /// Regression (with the inflating cap in the browser): link text over
    /// the cap is refused before it is decoded; a link the app makes is
    /// well within it.
    #[test]
    fn a_share_link_longer_than_the_cap_is_refused_before_decoding() {
        assert!(link_data_within_cap(&"A".repeat(MAX_LINK_DATA_CHARS)));
        assert!(!link_data_within_cap(&"A".repeat(MAX_LINK_DATA_CHARS + 1)));
    }
}
