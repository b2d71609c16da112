//! The stored document: one versioned JSON format for everything the app
//! keeps, and the only way to read it back ([`decode`]), which always goes
//! through the migration path.
//!
//! ```json
//! { "format": "microfolio", "schema_version": 3,
//!   "created": "...", "updated": "...", "profile": { "meta": {...}, ... },
//!   "applications": [...], "contacts": [...],
//!   "entries": [...], "skills": [...], "settings": {...} }
//! ```
//!
//! Decoding never falls back to a default: a text that is not JSON, not a
//! Microfolio document, from a newer version, of the wrong shape, or
//! holding what the app never writes (two records of a collection with one
//! id, a date, rating, level, fee or hours out of range: see
//! [`super::bounds`]) is an error that says which and where, so the caller
//! can keep the data untouched.

use super::application::Application;
use super::bounds::check_document;
use super::contact::Contact;
use super::economics::Settings;
use super::portfolio::{ParsedEntry, PortfolioEntry};
use super::profile::Profile;
use super::record::{Meta, RecordId};
use super::skill::{self, Skill};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The `format` field of every Microfolio document.
pub const FORMAT: &str = "microfolio";

/// The schema version this build writes. Bump it together with a new step
/// in [`MIGRATIONS`] and a fixture in `tests/fixtures/`.
pub const SCHEMA_VERSION: u32 = 3;

/// Days after which a backup reminder appears (once data has changed).
pub const BACKUP_REMINDER_DAYS: i64 = 14;

/// Everything the app keeps.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub format: String,
    pub schema_version: u32,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    /// Bumped by every save, so a tab can tell that another tab saved
    /// since it last read (see `crate::domain::merge`).
    pub revision: u64,
    pub profile: Profile,
    pub applications: Vec<Application>,
    pub contacts: Vec<Contact>,
    /// Portfolio entries.
    pub entries: Vec<PortfolioEntry>,
    pub skills: Vec<Skill>,
    pub settings: Settings,
}

/// A skill taken out by [`Document::remove_skill`], with every reference
/// to it and where it stood, so undo puts all of them back.
#[derive(Clone, Debug, PartialEq)]
pub struct RemovedSkill {
    pub skill: Skill,
    index: usize,
    /// (entry, position in its skills)
    entry_refs: Vec<(RecordId, usize)>,
    /// (application, position in its required skills, the name as spelled)
    app_refs: Vec<(RecordId, usize, String)>,
}

impl RemovedSkill {
    /// How many entries and applications referred to the skill.
    pub fn counts(&self) -> (usize, usize) {
        (self.entry_refs.len(), self.app_refs.len())
    }
}

/// A portfolio entry taken out by [`Document::remove_entry`].
#[derive(Clone, Debug, PartialEq)]
pub struct RemovedEntry {
    pub entry: PortfolioEntry,
    index: usize,
}

/// An application taken out by [`Document::remove_application`], with
/// what [`Document::restore_application`] needs to put it back exactly.
#[derive(Clone, Debug, PartialEq)]
pub struct RemovedApplication {
    pub application: Application,
    index: usize,
}

/// A contact taken out by [`Document::remove_contact`], with the
/// applications that linked to it (and where), so undo restores the links.
#[derive(Clone, Debug, PartialEq)]
pub struct RemovedContact {
    pub contact: Contact,
    index: usize,
    links: Vec<(RecordId, usize)>,
    /// Entries whose supervisor this contact was.
    supervised: Vec<RecordId>,
}

impl Document {
    /// A new, empty document.
    pub fn new(now: DateTime<Utc>, profile_id: RecordId) -> Self {
        Self {
            format: FORMAT.to_owned(),
            schema_version: SCHEMA_VERSION,
            created: now,
            updated: now,
            revision: 0,
            profile: Profile::new(Meta::new(profile_id, now)),
            applications: Vec::new(),
            contacts: Vec::new(),
            entries: Vec::new(),
            skills: Vec::new(),
            settings: Settings::default(),
        }
    }

    /// How many entries and applications refer to a skill.
    pub fn skill_usage(&self, id: RecordId) -> (usize, usize) {
        let Some(skill) = self.skill(id) else {
            return (0, 0);
        };
        let entries = self
            .entries
            .iter()
            .filter(|e| e.skills.contains(&id))
            .count();
        let apps = self
            .applications
            .iter()
            .filter(|a| {
                a.required_skills
                    .iter()
                    .any(|n| n.eq_ignore_ascii_case(&skill.name))
            })
            .count();
        (entries, apps)
    }

    /// Adds or replaces a skill. A rename carries over to applications,
    /// which name their required skills (entries refer by id already).
    pub fn upsert_skill(&mut self, skill: Skill, now: DateTime<Utc>) {
        let old_name = self.skill(skill.meta.id).map(|s| s.name.clone());
        match self.skills.iter_mut().find(|s| s.meta.id == skill.meta.id) {
            Some(slot) if *slot == skill => return,
            Some(slot) => *slot = skill.clone(),
            None => self.skills.push(skill.clone()),
        }
        if let Some(old) = old_name.filter(|o| *o != skill.name) {
            self.rename_in_applications(&old, &skill.name, now);
        }
        self.touch(now);
    }

    /// Replaces `old` (any case) by `new` in required skills, without
    /// making duplicates.
    fn rename_in_applications(&mut self, old: &str, new: &str, now: DateTime<Utc>) {
        for app in &mut self.applications {
            if !app
                .required_skills
                .iter()
                .any(|n| n.eq_ignore_ascii_case(old))
            {
                continue;
            }
            let mut renamed: Vec<String> = Vec::new();
            for n in &app.required_skills {
                let n = if n.eq_ignore_ascii_case(old) {
                    new.to_owned()
                } else {
                    n.clone()
                };
                if !renamed.iter().any(|r| r.eq_ignore_ascii_case(&n)) {
                    renamed.push(n);
                }
            }
            app.required_skills = renamed;
            app.meta.touch(now);
        }
    }

    /// Merges skill `from` into `into` ("JS" into "JavaScript"): every
    /// entry and application that referred to `from` refers to `into`,
    /// manual evidence moves over, level and target keep the higher, and
    /// `from` is removed.
    pub fn merge_skills(
        &mut self,
        from: RecordId,
        into: RecordId,
        now: DateTime<Utc>,
    ) -> Result<(), &'static str> {
        if from == into {
            return Err("Choose a different skill to merge into.");
        }
        let source = self
            .skill(from)
            .cloned()
            .ok_or("That skill no longer exists.")?;
        let target_name = self
            .skill(into)
            .map(|s| s.name.clone())
            .ok_or("The skill to merge into no longer exists.")?;
        for entry in &mut self.entries {
            if let Some(pos) = entry.skills.iter().position(|s| *s == from) {
                if entry.skills.contains(&into) {
                    entry.skills.remove(pos);
                } else {
                    entry.skills[pos] = into;
                }
                entry.meta.touch(now);
            }
        }
        self.rename_in_applications(&source.name, &target_name, now);
        let target = self
            .skills
            .iter_mut()
            .find(|s| s.meta.id == into)
            .expect("checked above");
        target.level = target.level.max(source.level);
        target.target = target.target.max(source.target);
        for link in source.evidence {
            if !target.evidence.iter().any(|l| l.url == link.url) {
                target.evidence.push(link);
            }
        }
        if !source.notes.is_empty() {
            target.notes = if target.notes.is_empty() {
                source.notes
            } else {
                format!("{}\n\n{}", target.notes, source.notes)
            };
        }
        target.meta.touch(now);
        self.skills.retain(|s| s.meta.id != from);
        self.touch(now);
        Ok(())
    }

    /// Removes a skill and every reference to it.
    pub fn remove_skill(&mut self, id: RecordId, now: DateTime<Utc>) -> Option<RemovedSkill> {
        let index = self.skills.iter().position(|s| s.meta.id == id)?;
        let skill = self.skills.remove(index);
        let mut entry_refs = Vec::new();
        for entry in &mut self.entries {
            if let Some(pos) = entry.skills.iter().position(|s| *s == id) {
                entry.skills.remove(pos);
                entry_refs.push((entry.meta.id, pos));
            }
        }
        let mut app_refs = Vec::new();
        for app in &mut self.applications {
            if let Some(pos) = app
                .required_skills
                .iter()
                .position(|n| n.eq_ignore_ascii_case(&skill.name))
            {
                let name = app.required_skills.remove(pos);
                app_refs.push((app.meta.id, pos, name));
            }
        }
        self.touch(now);
        Some(RemovedSkill {
            skill,
            index,
            entry_refs,
            app_refs,
        })
    }

    /// Puts a removed skill back, with every reference where it was.
    pub fn restore_skill(&mut self, removed: RemovedSkill, now: DateTime<Utc>) {
        let id = removed.skill.meta.id;
        if self.skill(id).is_some()
            || super::skill::find_by_name(&self.skills, &removed.skill.name).is_some()
        {
            return;
        }
        let index = removed.index.min(self.skills.len());
        self.skills.insert(index, removed.skill);
        for (entry_id, pos) in removed.entry_refs {
            if let Some(e) = self.entries.iter_mut().find(|e| e.meta.id == entry_id) {
                if !e.skills.contains(&id) {
                    let pos = pos.min(e.skills.len());
                    e.skills.insert(pos, id);
                }
            }
        }
        for (app_id, pos, name) in removed.app_refs {
            if let Some(a) = self.applications.iter_mut().find(|a| a.meta.id == app_id) {
                if !a
                    .required_skills
                    .iter()
                    .any(|n| n.eq_ignore_ascii_case(&name))
                {
                    let pos = pos.min(a.required_skills.len());
                    a.required_skills.insert(pos, name);
                }
            }
        }
        self.touch(now);
    }

    /// Notes that a full backup was downloaded at `now`.
    pub fn record_backup(&mut self, now: DateTime<Utc>) {
        self.settings.last_backup = Some(now);
        self.touch(now);
    }

    /// Whether to remind the student to download a backup: something
    /// changed since the last one (or since the start), and that was more
    /// than [`BACKUP_REMINDER_DAYS`] days ago.
    pub fn backup_due(&self, now: DateTime<Utc>) -> bool {
        let since = self.settings.last_backup.unwrap_or(self.created);
        let has_data = !(self.applications.is_empty()
            && self.entries.is_empty()
            && self.skills.is_empty()
            && self.contacts.is_empty()
            && self.profile.is_blank());
        has_data
            && self.updated > since
            && now - since > chrono::Duration::days(BACKUP_REMINDER_DAYS)
    }

    /// Changes the pay floor.
    pub fn set_pay_floor(&mut self, floor: super::application::Money, now: DateTime<Utc>) {
        if self.settings.pay_floor != floor {
            self.settings.pay_floor = floor;
            self.touch(now);
        }
    }

    pub fn entry(&self, id: RecordId) -> Option<&PortfolioEntry> {
        self.entries.iter().find(|e| e.meta.id == id)
    }

    /// The entry made from application `id`, if any.
    pub fn entry_for_application(&self, id: RecordId) -> Option<&PortfolioEntry> {
        self.entries.iter().find(|e| e.application == Some(id))
    }

    pub fn skill(&self, id: RecordId) -> Option<&Skill> {
        self.skills.iter().find(|s| s.meta.id == id)
    }

    /// Entries, newest first (by end, else start, else recorded date).
    pub fn entries_newest_first(&self) -> Vec<&PortfolioEntry> {
        let mut list: Vec<&PortfolioEntry> = self.entries.iter().collect();
        list.sort_by(|a, b| {
            b.date()
                .cmp(&a.date())
                .then(b.meta.created.cmp(&a.meta.created))
        });
        list
    }

    /// Stores a parsed entry form: resolves its skill names to skills
    /// (creating new ones with ids from `new_id`), drops a supervisor who
    /// is no longer a contact, and adds or replaces the entry.
    pub fn save_entry(
        &mut self,
        parsed: ParsedEntry,
        now: DateTime<Utc>,
        new_id: impl FnMut() -> RecordId,
    ) {
        let mut entry = parsed.entry;
        entry.skills = skill::resolve_names(&mut self.skills, &parsed.skill_names, now, new_id);
        if entry
            .supervisor
            .is_some_and(|id| self.contact(id).is_none())
        {
            entry.supervisor = None;
        }
        match self.entries.iter_mut().find(|e| e.meta.id == entry.meta.id) {
            Some(slot) if *slot == entry => return,
            Some(slot) => {
                entry.meta.touch(now);
                *slot = entry;
            }
            None => self.entries.push(entry),
        }
        self.touch(now);
    }

    pub fn remove_entry(&mut self, id: RecordId, now: DateTime<Utc>) -> Option<RemovedEntry> {
        let index = self.entries.iter().position(|e| e.meta.id == id)?;
        let entry = self.entries.remove(index);
        self.touch(now);
        Some(RemovedEntry { entry, index })
    }

    pub fn restore_entry(&mut self, removed: RemovedEntry, now: DateTime<Utc>) {
        if self.entry(removed.entry.meta.id).is_some() {
            return;
        }
        let index = removed.index.min(self.entries.len());
        self.entries.insert(index, removed.entry);
        self.touch(now);
    }

    /// Turns a Completed application into a portfolio entry, prefilled and
    /// linked to it. Returns the new entry's id, or the existing one's if
    /// the application was converted before.
    pub fn convert_application(
        &mut self,
        app_id: RecordId,
        entry_id: RecordId,
        now: DateTime<Utc>,
        new_id: impl FnMut() -> RecordId,
    ) -> Result<RecordId, &'static str> {
        if let Some(existing) = self.entry_for_application(app_id) {
            return Ok(existing.meta.id);
        }
        let app = self
            .application(app_id)
            .ok_or("That application no longer exists.")?
            .clone();
        if app.stage() != super::application::Stage::Completed {
            return Err("Only a completed application can become a portfolio entry.");
        }
        let skills = skill::resolve_names(&mut self.skills, &app.required_skills, now, new_id);
        let entry = PortfolioEntry::from_application(
            &app,
            Meta::new(entry_id, now),
            &self.contacts,
            skills,
        );
        self.entries.push(entry);
        self.touch(now);
        Ok(entry_id)
    }

    pub fn application(&self, id: RecordId) -> Option<&Application> {
        self.applications.iter().find(|a| a.meta.id == id)
    }

    pub fn contact(&self, id: RecordId) -> Option<&Contact> {
        self.contacts.iter().find(|c| c.meta.id == id)
    }

    /// Adds a new application or replaces the one with the same id.
    /// Links to contacts that no longer exist are dropped.
    pub fn upsert_application(&mut self, mut app: Application, now: DateTime<Utc>) {
        app.contacts
            .retain(|id| self.contacts.iter().any(|c| c.meta.id == *id));
        match self
            .applications
            .iter_mut()
            .find(|a| a.meta.id == app.meta.id)
        {
            Some(slot) if *slot == app => return,
            Some(slot) => *slot = app,
            None => self.applications.push(app),
        }
        self.touch(now);
    }

    /// Applies `change` to the application `id`; returns what it returned.
    pub fn update_application<R>(
        &mut self,
        id: RecordId,
        now: DateTime<Utc>,
        change: impl FnOnce(&mut Application) -> R,
    ) -> Option<R> {
        let app = self.applications.iter_mut().find(|a| a.meta.id == id)?;
        let before = app.clone();
        let result = change(app);
        if *app != before {
            self.touch(now);
        }
        Some(result)
    }

    pub fn remove_application(
        &mut self,
        id: RecordId,
        now: DateTime<Utc>,
    ) -> Option<RemovedApplication> {
        let index = self.applications.iter().position(|a| a.meta.id == id)?;
        let application = self.applications.remove(index);
        self.touch(now);
        Some(RemovedApplication { application, index })
    }

    /// Puts a removed application back where it was.
    pub fn restore_application(&mut self, removed: RemovedApplication, now: DateTime<Utc>) {
        if self.application(removed.application.meta.id).is_some() {
            return;
        }
        let index = removed.index.min(self.applications.len());
        self.applications.insert(index, removed.application);
        self.touch(now);
    }

    pub fn upsert_contact(&mut self, contact: Contact, now: DateTime<Utc>) {
        match self
            .contacts
            .iter_mut()
            .find(|c| c.meta.id == contact.meta.id)
        {
            Some(slot) if *slot == contact => return,
            Some(slot) => *slot = contact,
            None => self.contacts.push(contact),
        }
        self.touch(now);
    }

    /// Removes a contact and every link to it.
    pub fn remove_contact(&mut self, id: RecordId, now: DateTime<Utc>) -> Option<RemovedContact> {
        let index = self.contacts.iter().position(|c| c.meta.id == id)?;
        let contact = self.contacts.remove(index);
        let mut links = Vec::new();
        for app in &mut self.applications {
            if let Some(pos) = app.contacts.iter().position(|c| *c == id) {
                app.contacts.remove(pos);
                links.push((app.meta.id, pos));
            }
        }
        let mut supervised = Vec::new();
        for entry in &mut self.entries {
            if entry.supervisor == Some(id) {
                entry.supervisor = None;
                supervised.push(entry.meta.id);
            }
        }
        self.touch(now);
        Some(RemovedContact {
            contact,
            index,
            links,
            supervised,
        })
    }

    /// Puts a removed contact back, with its links.
    pub fn restore_contact(&mut self, removed: RemovedContact, now: DateTime<Utc>) {
        let id = removed.contact.meta.id;
        if self.contact(id).is_some() {
            return;
        }
        let index = removed.index.min(self.contacts.len());
        self.contacts.insert(index, removed.contact);
        for entry in &mut self.entries {
            if removed.supervised.contains(&entry.meta.id) && entry.supervisor.is_none() {
                entry.supervisor = Some(id);
            }
        }
        for (app_id, pos) in removed.links {
            if let Some(app) = self.applications.iter_mut().find(|a| a.meta.id == app_id) {
                if !app.contacts.contains(&id) {
                    let pos = pos.min(app.contacts.len());
                    app.contacts.insert(pos, id);
                }
            }
        }
        self.touch(now);
    }

    /// The applications a contact is linked to.
    pub fn applications_of(&self, contact: RecordId) -> Vec<&Application> {
        self.applications
            .iter()
            .filter(|a| a.contacts.contains(&contact))
            .collect()
    }

    /// Replaces the profile; returns whether anything changed.
    pub fn set_profile(&mut self, profile: Profile, now: DateTime<Utc>) -> bool {
        if self.profile == profile {
            return false;
        }
        self.profile = profile;
        self.touch(now);
        true
    }

    pub(crate) fn touch(&mut self, now: DateTime<Utc>) {
        if now > self.updated {
            self.updated = now;
        }
    }
}

/// Why a stored or imported text could not be read as a document.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("It is not valid JSON (line {line}, column {column}: {message}).")]
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("It is JSON, but not a Microfolio document (no \"format\": \"microfolio\").")]
    NotMicrofolio,
    #[error(
        "This is a portfolio someone shared, not a backup. Open it under \
         “Open a shared portfolio” to view it."
    )]
    IsSharedPortfolio,
    #[error(
        "This is a full Microfolio backup, not a shared portfolio. To load it \
         into your own data, use Data → Restore."
    )]
    IsBackup,
    #[error("It is JSON, but not a shared Microfolio portfolio (no \"format\": \"microfolio-portfolio\").")]
    NotSharedPortfolio,
    #[error("It has no valid schema_version.")]
    NoVersion,
    #[error(
        "It was saved by a newer version of Microfolio (format version {found}; \
         this copy reads up to {supported}). Open it with the newer version."
    )]
    NewerVersion { found: u64, supported: u32 },
    #[error("Upgrading it from format version {from} failed: {message}")]
    MigrationFailed { from: u32, message: String },
    #[error("Part of it has the wrong shape: {path}: {message}")]
    WrongShape { path: String, message: String },
    #[error(
        "It was saved by a newer version of Microfolio (storage layout {found}; \
         this copy reads up to {supported}). Open it with the newer version."
    )]
    NewerLayout { found: u64, supported: u32 },
    #[error("Part of the saved data is missing ({key}).")]
    MissingPart { key: String },
    #[error("Part of the saved data is damaged ({key}: {reason}).")]
    DamagedPart { key: String, reason: String },
    #[error("It is too large ({bytes} bytes; at most {max} bytes are read).")]
    TooLarge { bytes: usize, max: usize },
    #[error("It is nested too deeply (more than {max} levels).")]
    TooDeep { max: usize },
    #[error("A text in it is too long: {path} has more than {max} characters.")]
    StringTooLong { path: String, max: usize },
    #[error("It has too many records: {path} has {count} (at most {max}).")]
    TooManyRecords {
        path: String,
        count: usize,
        max: usize,
    },
    /// Two records of one collection share an id (`path` is the second's
    /// id, `first` the record it repeats).
    #[error("Two records in it have the same id: {path}: the same id as {first}.")]
    DuplicateId { path: String, first: String },
    /// A date, rating, level, fee or number of hours outside what the app
    /// allows (`crate::domain::bounds`).
    #[error("A value in it is out of range: {path} is {found} (allowed: {allowed}).")]
    OutOfRange {
        path: String,
        found: String,
        allowed: String,
    },
}

impl DecodeError {
    /// Written by a newer version of the app (schema or storage layout):
    /// never to be overwritten by this one.
    pub fn is_newer(&self) -> bool {
        matches!(
            self,
            DecodeError::NewerVersion { .. } | DecodeError::NewerLayout { .. }
        )
    }
}

/// Caps on what [`decode`] reads, checked before any real work, so a
/// hostile or broken file cannot exhaust memory or time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub max_bytes: usize,
    pub max_depth: usize,
    pub max_string_chars: usize,
    pub max_records: usize,
}

/// Generous for any real student (thousands of records), small enough to
/// refuse abuse quickly.
pub const LIMITS: Limits = Limits {
    max_bytes: 10 * 1024 * 1024,
    max_depth: 16,
    max_string_chars: 100_000,
    max_records: 50_000,
};

/// What [`check_text`] learned in its one pass over the bytes: upper
/// bounds on the longest string (in bytes, which are never fewer than its
/// characters) and the longest array (commas + 1).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Scan {
    pub longest_string_bytes: usize,
    pub longest_array: usize,
}

impl Scan {
    /// Whether [`check_value`] is sure to pass on this text's value: then a
    /// reader may deserialize the text directly, without the JSON tree.
    pub fn within(&self, limits: &Limits) -> bool {
        self.longest_string_bytes <= limits.max_string_chars
            && self.longest_array <= limits.max_records
    }
}

/// Size, then nesting depth (by scanning the bytes, before parsing). Also
/// bounds string and array lengths from above ([`Scan`]).
pub(crate) fn check_text(text: &str, limits: &Limits) -> Result<Scan, DecodeError> {
    if text.len() > limits.max_bytes {
        return Err(DecodeError::TooLarge {
            bytes: text.len(),
            max: limits.max_bytes,
        });
    }
    let mut scan = Scan::default();
    let (mut in_string, mut escaped, mut string_start) = (false, false, 0);
    // One entry per open bracket: the commas seen so far in an array,
    // `None` for an object. Its length is the nesting depth.
    let mut open: Vec<Option<usize>> = Vec::new();
    for (i, b) in text.bytes().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => {
                    in_string = false;
                    scan.longest_string_bytes = scan.longest_string_bytes.max(i - string_start);
                }
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => {
                in_string = true;
                string_start = i + 1;
            }
            b'[' | b'{' => {
                if open.len() == limits.max_depth {
                    return Err(DecodeError::TooDeep {
                        max: limits.max_depth,
                    });
                }
                if b == b'[' {
                    // An empty array counts as one item: a bound, not a count.
                    scan.longest_array = scan.longest_array.max(1);
                    open.push(Some(0));
                } else {
                    open.push(None);
                }
            }
            b']' | b'}' => {
                open.pop();
            }
            b',' => {
                if let Some(Some(commas)) = open.last_mut() {
                    *commas += 1;
                    scan.longest_array = scan.longest_array.max(*commas + 1);
                }
            }
            _ => {}
        }
    }
    Ok(scan)
}

/// String lengths and array lengths, on the parsed value.
pub(crate) fn check_value(
    value: &Value,
    path: &mut String,
    limits: &Limits,
) -> Result<(), DecodeError> {
    match value {
        Value::String(s)
            if s.len() > limits.max_string_chars && s.chars().count() > limits.max_string_chars =>
        {
            Err(DecodeError::StringTooLong {
                path: path.clone(),
                max: limits.max_string_chars,
            })
        }
        Value::Array(items) => {
            if items.len() > limits.max_records {
                return Err(DecodeError::TooManyRecords {
                    path: path.clone(),
                    count: items.len(),
                    max: limits.max_records,
                });
            }
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                check_value(item, path, limits)?;
                path.truncate(len);
            }
            Ok(())
        }
        Value::Object(map) => {
            for (key, item) in map {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                check_value(item, path, limits)?;
                path.truncate(len);
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// One migration step: turns a document of version `n` into version `n + 1`.
type Migration = fn(Value) -> Result<Value, String>;

/// `MIGRATIONS[i]` upgrades version `i + 1` to `i + 2`.
const MIGRATIONS: [Migration; SCHEMA_VERSION as usize - 1] = [v1_to_v2, v2_to_v3];

/// Version 2 adds the application tracker: empty `applications` and
/// `contacts` collections.
fn v1_to_v2(mut value: Value) -> Result<Value, String> {
    let object = value
        .as_object_mut()
        .ok_or("the document is not an object")?;
    for key in ["applications", "contacts"] {
        if object.contains_key(key) {
            return Err(format!("a version 1 document has no \"{key}\""));
        }
        object.insert(key.to_owned(), Value::Array(Vec::new()));
    }
    Ok(value)
}

/// A backup file: the document plus the app version and export time
/// (extra top-level fields, which `decode` reads past).
pub fn encode_backup(doc: &Document, app_version: &str, exported: DateTime<Utc>) -> String {
    let mut value = serde_json::to_value(doc).expect("a Document always serializes");
    if let Some(object) = value.as_object_mut() {
        object.insert("app_version".into(), Value::from(app_version));
        object.insert("exported".into(), Value::from(exported.to_rfc3339()));
    }
    value.to_string()
}

/// Serializes a document for storage or export.
pub fn encode(doc: &Document) -> String {
    serde_json::to_string(doc).expect("a Document always serializes")
}

/// Reads a document from text, migrating older versions to the current one.
/// Stored data and imported files alike go through here, within [`LIMITS`].
pub fn decode(text: &str) -> Result<Document, DecodeError> {
    decode_within(text, &LIMITS)
}

/// [`decode`] with explicit caps.
pub fn decode_within(text: &str, limits: &Limits) -> Result<Document, DecodeError> {
    let scan = check_text(text, limits)?;
    // The usual file, of this version and within the limits (the scan
    // proves every string and list short enough), goes straight from the
    // text to the document, with no JSON tree. Anything else, or anything
    // that fails there, takes the checked path, which judges it and names
    // what is wrong.
    if scan.within(limits) {
        if let Ok(doc) = serde_json::from_str::<Document>(text) {
            if doc.format == FORMAT && doc.schema_version == SCHEMA_VERSION {
                // The checked path would read the same document and judge
                // it the same way.
                check_document(&doc)?;
                return Ok(doc);
            }
        }
    }
    decode_value(parse_checked(text, limits)?)
}

/// The second half of [`decode`], for a value already parsed and checked
/// within the limits: the envelope, the migrations, the typed document,
/// then what its shape cannot say ([`check_document`]: unique ids, values
/// in range).
pub(crate) fn decode_value(value: Value) -> Result<Document, DecodeError> {
    let value = migrate(value, &MIGRATIONS)?;
    let doc = deserialize_with_path(value)?;
    check_document(&doc)?;
    Ok(doc)
}

/// Checks the envelope of a document value (format and version) and
/// migrates it, without deserializing: the packed store reads its small
/// core part through here.
pub(crate) fn migrate_value(value: Value) -> Result<Value, DecodeError> {
    migrate(value, &MIGRATIONS)
}

/// Parses JSON within `limits`: size and nesting before parsing, string and
/// array lengths before any deserializing. Shared by every reader of
/// untrusted text (documents, shared portfolios).
pub(crate) fn parse_bounded(text: &str, limits: &Limits) -> Result<Value, DecodeError> {
    check_text(text, limits)?;
    parse_checked(text, limits)
}

/// [`parse_bounded`] after [`check_text`]: parses, then checks string and
/// array lengths.
fn parse_checked(text: &str, limits: &Limits) -> Result<Value, DecodeError> {
    let value: Value = serde_json::from_str(text).map_err(|e| DecodeError::NotJson {
        line: e.line(),
        column: e.column(),
        message: json_error_message(&e),
    })?;
    check_value(&value, &mut String::new(), limits)?;
    Ok(value)
}

/// Deserializes a checked value, naming the path of the first wrong field.
pub(crate) fn deserialize_with_path<T: serde::de::DeserializeOwned>(
    value: Value,
) -> Result<T, DecodeError> {
    serde_path_to_error::deserialize::<_, T>(value).map_err(|e| DecodeError::WrongShape {
        path: e.path().to_string(),
        message: e.inner().to_string(),
    })
}

/// Checks the envelope and applies `steps` from the document's version up to
/// the current one.
fn migrate(mut value: Value, steps: &[Migration]) -> Result<Value, DecodeError> {
    match value.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        Some(super::share::SHARE_FORMAT) => return Err(DecodeError::IsSharedPortfolio),
        _ => return Err(DecodeError::NotMicrofolio),
    }
    let current = steps.len() as u64 + 1;
    let found = match value.get("schema_version").and_then(Value::as_u64) {
        Some(v) if v >= 1 => v,
        _ => return Err(DecodeError::NoVersion),
    };
    if found > current {
        return Err(DecodeError::NewerVersion {
            found,
            supported: current as u32,
        });
    }
    for from in found as u32..current as u32 {
        value = steps[from as usize - 1](value)
            .map_err(|message| DecodeError::MigrationFailed { from, message })?;
        value["schema_version"] = Value::from(from + 1);
    }
    Ok(value)
}

/// Version 3 adds the portfolio and skills (empty `entries` and `skills`,
/// `settings` with the default pay floor) and the save `revision`.
fn v2_to_v3(mut value: Value) -> Result<Value, String> {
    let object = value
        .as_object_mut()
        .ok_or("the document is not an object")?;
    for key in ["entries", "skills", "settings", "revision"] {
        if object.contains_key(key) {
            return Err(format!("a version 2 document has no \"{key}\""));
        }
    }
    object.insert("revision".into(), Value::from(0));
    object.insert("entries".into(), Value::Array(Vec::new()));
    object.insert("skills".into(), Value::Array(Vec::new()));
    let settings = serde_json::to_value(Settings::default()).map_err(|e| e.to_string())?;
    object.insert("settings".into(), settings);
    Ok(value)
}

/// serde_json's message without its trailing " at line L column C".
fn json_error_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::profile::ProfileForm;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 9, 30, 0).unwrap()
    }

    fn sample() -> Document {
        let mut doc = Document::new(now(), RecordId::from_random_bytes([9; 16]));
        let form = ProfileForm {
            name: "Ada".into(),
            graduation: "2027-05".into(),
            github_url: "https://github.com/ada".into(),
            learning_objectives: "Line one\nLine \"two\" — ünïcode".into(),
            ..Default::default()
        };
        let later = now() + chrono::Duration::minutes(5);
        let profile = form.parse(&doc.profile, later).unwrap();
        assert!(doc.set_profile(profile, later));
        doc
    }

    #[test]
    fn encode_then_decode_is_the_identity() {
        let doc = sample();
        assert_eq!(decode(&encode(&doc)).unwrap(), doc);
        assert_eq!(doc.updated, now() + chrono::Duration::minutes(5));
    }

    #[test]
    fn setting_an_identical_profile_changes_nothing() {
        let mut doc = sample();
        let before = doc.clone();
        assert!(!doc.set_profile(before.profile.clone(), now() + chrono::Duration::days(1)));
        assert_eq!(doc, before);
    }

    #[test]
    fn not_json_reports_line_and_column() {
        let err = decode("{\n  \"format\": \"microfolio\",\n  oops\n}").unwrap_err();
        match err {
            DecodeError::NotJson { line, column, .. } => assert_eq!((line, column), (3, 3)),
            other => panic!("{other:?}"),
        }
        assert!(matches!(decode(""), Err(DecodeError::NotJson { .. })));
    }

    #[test]
    fn other_json_is_not_a_microfolio_document() {
        for text in ["[]", "42", "{}", r#"{"format":"other","schema_version":1}"#] {
            assert_eq!(decode(text), Err(DecodeError::NotMicrofolio), "{text}");
        }
    }

    #[test]
    fn missing_or_invalid_versions_are_refused() {
        for v in [
            "",
            r#","schema_version":0"#,
            r#","schema_version":"1""#,
            r#","schema_version":-1"#,
        ] {
            let text = format!(r#"{{"format":"microfolio"{v}}}"#);
            assert_eq!(decode(&text), Err(DecodeError::NoVersion), "{text}");
        }
    }

    #[test]
    fn a_newer_version_is_refused_not_downgraded() {
        let mut value = serde_json::to_value(sample()).unwrap();
        value["schema_version"] = Value::from(SCHEMA_VERSION + 1);
        let err = decode(&value.to_string()).unwrap_err();
        assert_eq!(
            err,
            DecodeError::NewerVersion {
                found: u64::from(SCHEMA_VERSION) + 1,
                supported: SCHEMA_VERSION
            }
        );
        assert!(err.to_string().contains("newer version"));
    }

    #[test]
    fn wrong_shape_names_the_field_path() {
        let mut value = serde_json::to_value(sample()).unwrap();
        value["profile"]["graduation"] = Value::from("spring");
        match decode(&value.to_string()).unwrap_err() {
            DecodeError::WrongShape { path, message } => {
                assert_eq!(path, "profile.graduation");
                assert!(message.contains("not a month"), "{message}");
            }
            other => panic!("{other:?}"),
        }
        value["profile"]["graduation"] = Value::Null;
        value["profile"]["linkedin_url"] = Value::from("javascript:alert(1)");
        let err = decode(&value.to_string()).unwrap_err();
        assert!(
            matches!(err, DecodeError::WrongShape { ref path, .. } if path == "profile.linkedin_url")
        );
    }

    #[test]
    fn migration_steps_run_in_order_and_stamp_each_version() {
        fn add_a(mut v: Value) -> Result<Value, String> {
            v["trail"] = Value::from("a");
            Ok(v)
        }
        fn append_b(mut v: Value) -> Result<Value, String> {
            let trail = v["trail"].as_str().ok_or("no trail")?.to_owned();
            v["trail"] = Value::from(trail + "b");
            Ok(v)
        }
        let steps: [Migration; 2] = [add_a, append_b];
        let v1 = serde_json::json!({"format": "microfolio", "schema_version": 1});
        let out = migrate(v1, &steps).unwrap();
        assert_eq!(
            (out["trail"].as_str(), out["schema_version"].as_u64()),
            (Some("ab"), Some(3))
        );
        let v2 = serde_json::json!({"format": "microfolio", "schema_version": 2});
        assert_eq!(
            migrate(v2, &steps).unwrap_err(),
            DecodeError::MigrationFailed {
                from: 2,
                message: "no trail".into()
            }
        );
    }

    #[test]
    fn version_1_gains_empty_tracker_collections() {
        let mut value = serde_json::to_value(sample()).unwrap();
        let object = value.as_object_mut().unwrap();
        for key in [
            "applications",
            "contacts",
            "entries",
            "skills",
            "settings",
            "revision",
        ] {
            object.remove(key);
        }
        object.insert("schema_version".into(), Value::from(1));
        let doc = decode(&value.to_string()).unwrap();
        assert_eq!(doc, sample());
        // A "version 1" that already has the collections is not one.
        let mut bad = serde_json::to_value(sample()).unwrap();
        bad["schema_version"] = Value::from(1);
        assert!(matches!(
            decode(&bad.to_string()),
            Err(DecodeError::MigrationFailed { from: 1, .. })
        ));
    }

    #[test]
    fn the_current_version_needs_no_migration() {
        let value = serde_json::to_value(sample()).unwrap();
        assert_eq!(migrate(value.clone(), &MIGRATIONS).unwrap(), value);
    }
}

#[cfg(test)]
mod backup_tests {
    use super::*;
    use crate::domain::application::tests::{app, at, day};

    #[test]
    fn a_backup_file_names_its_app_version_and_export_time_and_reads_back() {
        let doc = Document::new(at(1, 1), RecordId::from_random_bytes([1; 16]));
        let text = encode_backup(&doc, "0.1.0", at(2, 3));
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["app_version"], "0.1.0");
        assert_eq!(value["exported"], at(2, 3).to_rfc3339());
        assert_eq!(
            (value["format"].as_str(), value["schema_version"].as_u64()),
            (Some(FORMAT), Some(SCHEMA_VERSION.into()))
        );
        assert_eq!(decode(&text).unwrap(), doc);
    }

    #[test]
    fn the_reminder_needs_a_change_since_a_backup_older_than_14_days() {
        let mut d = Document::new(at(1, 1), RecordId::from_random_bytes([1; 16]));
        assert!(!d.backup_due(at(6, 1)), "nothing entered yet");
        d.upsert_application(app(2, "Acme", "Research", day(1, 2)), at(1, 2));
        assert!(!d.backup_due(at(1, 10)), "only 9 days since the start");
        assert!(d.backup_due(at(1, 16)), "15 days, never backed up");
        d.record_backup(at(1, 16));
        assert!(!d.backup_due(at(3, 1)), "nothing changed since the backup");
        d.update_application(d.applications[0].meta.id, at(3, 2), |a| {
            a.notes = "new".into()
        });
        assert!(
            d.backup_due(at(3, 2)),
            "changed, and the backup is 45 days old"
        );
        d.record_backup(at(3, 3));
        assert!(!d.backup_due(at(3, 4)));
    }
}

#[cfg(test)]
mod limit_tests {
    use super::*;

    const SMALL: Limits = Limits {
        max_bytes: 2000,
        max_depth: 6,
        max_string_chars: 50,
        max_records: 3,
    };

    fn doc_text() -> String {
        let now = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
        encode(&Document::new(now, RecordId::from_random_bytes([1; 16])))
    }

    #[test]
    fn a_file_over_the_size_cap_is_refused_before_parsing() {
        let text = format!("{}{}", doc_text(), " ".repeat(2000));
        assert!(matches!(
            decode_within(&text, &SMALL),
            Err(DecodeError::TooLarge { max: 2000, .. })
        ));
        // Even text that is not JSON at all: the size check comes first.
        assert!(matches!(
            decode_within(&"x".repeat(5000), &SMALL),
            Err(DecodeError::TooLarge { .. })
        ));
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing_brackets_in_strings_do_not_count() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(
            decode_within(
                &deep,
                &Limits {
                    max_bytes: usize::MAX,
                    ..SMALL
                }
            ),
            Err(DecodeError::TooDeep { max: 6 })
        );
        assert!(matches!(
            decode(&"[".repeat(1_000_000)),
            Err(DecodeError::TooDeep { .. })
        ));
        let mut v: Value = serde_json::from_str(&doc_text()).unwrap();
        v["profile"]["name"] = Value::from("[[[[[[[[[[\\\"{{{{{{{{");
        assert!(decode_within(&v.to_string(), &SMALL).is_ok());
    }

    #[test]
    fn long_strings_and_too_many_records_name_their_path() {
        let mut v: Value = serde_json::from_str(&doc_text()).unwrap();
        v["profile"]["headline"] = Value::from("é".repeat(51));
        assert_eq!(
            decode_within(&v.to_string(), &SMALL),
            Err(DecodeError::StringTooLong {
                path: "profile.headline".into(),
                max: 50
            })
        );
        v["profile"]["headline"] = Value::from("");
        v["applications"] = serde_json::json!([{}, {}, {}, {}]);
        assert_eq!(
            decode_within(&v.to_string(), &SMALL),
            Err(DecodeError::TooManyRecords {
                path: "applications".into(),
                count: 4,
                max: 3
            })
        );
    }

    /// proptest is a native dev-dependency only.
    #[cfg(not(target_arch = "wasm32"))]
    mod scan_properties {
        use super::*;

        /// The longest string (characters) and list anywhere in a value.
        fn longest(value: &Value) -> (usize, usize) {
            match value {
                Value::String(s) => (s.chars().count(), 0),
                Value::Array(items) => items
                    .iter()
                    .map(longest)
                    .fold((0, items.len()), |a, b| (a.0.max(b.0), a.1.max(b.1))),
                Value::Object(map) => map
                    .iter()
                    .map(|(k, v)| {
                        let (s, a) = longest(v);
                        (s.max(k.chars().count()), a)
                    })
                    .fold((0, 0), |a, b| (a.0.max(b.0), a.1.max(b.1))),
                _ => (0, 0),
            }
        }

        fn arbitrary_json() -> impl proptest::strategy::Strategy<Value = Value> {
            use proptest::prelude::*;
            let leaf = prop_oneof![
                any::<String>().prop_map(Value::from),
                "[\\[\\]{},\"\\\\ é]{0,12}".prop_map(Value::from),
                any::<i64>().prop_map(Value::from),
                Just(Value::Null),
            ];
            leaf.prop_recursive(4, 64, 8, |inner| {
                prop_oneof![
                    proptest::collection::vec(inner.clone(), 0..10).prop_map(Value::Array),
                    proptest::collection::btree_map("[a-z,\\[\"]{0,4}", inner, 0..5)
                        .prop_map(|m| Value::Object(m.into_iter().collect())),
                ]
            })
        }

        proptest::proptest! {
            /// The scan's bounds are never below the truth, compact or pretty,
            /// whatever brackets, commas, quotes and escapes strings hold:
            /// a part is read without its tree only on this promise.
            #[test]
            fn the_scan_bounds_every_string_and_list_from_above(value in arbitrary_json()) {
                let (string, list) = longest(&value);
                for text in [value.to_string(), serde_json::to_string_pretty(&value).unwrap()] {
                    let scan = check_text(&text, &LIMITS).unwrap();
                    proptest::prop_assert!(scan.longest_string_bytes >= string, "{text}");
                    proptest::prop_assert!(scan.longest_array >= list, "{text}");
                }
            }
        }
    }

    #[test]
    fn the_scan_is_tight_on_plain_text() {
        let scan = check_text(r#"{"a":["xy","z",[1,2,3,4]],"b":"\"q\""}"#, &LIMITS).unwrap();
        assert_eq!(scan.longest_array, 4);
        // `\"q\"` as written: five bytes for three characters.
        assert_eq!(scan.longest_string_bytes, 5);
        assert!(scan.within(&LIMITS));
        assert!(!scan.within(&Limits {
            max_string_chars: 4,
            ..LIMITS
        }));
        assert!(!scan.within(&Limits {
            max_records: 3,
            ..LIMITS
        }));
    }

    /// A file of this version is read straight from its text when the
    /// scan allows; the checked path must agree with it, and must still
    /// take what the scan cannot prove (bytes over the cap, characters not).
    #[test]
    fn the_direct_read_and_the_checked_path_agree() {
        let mut v: Value = serde_json::from_str(&doc_text()).unwrap();
        v["profile"]["headline"] = Value::from("é".repeat(30));
        v["app_version"] = Value::from("0.1.0");
        let text = v.to_string();
        let direct = decode_within(&text, &LIMITS).unwrap();
        assert_eq!(
            Ok(direct.clone()),
            decode_value(parse_bounded(&text, &LIMITS).unwrap())
        );
        // 60 bytes, 30 characters: over SMALL's 50 for the scan, within it.
        assert_eq!(decode_within(&text, &SMALL), Ok(direct));
        // A duplicate key fails the direct read; the tree keeps the last.
        let twice = text.replacen("\"revision\":", "\"revision\":99,\"revision\":", 1);
        assert_eq!(decode(&twice).map(|d| d.revision), Ok(0));
    }

    #[test]
    fn the_default_caps_leave_room_for_real_data() {
        assert!(decode(&doc_text()).is_ok());
        let limits = LIMITS;
        assert!(
            limits.max_bytes >= 5 * 1024 * 1024,
            "a full localStorage quota must still load"
        );
        assert!(limits.max_records >= 10_000);
    }
}

#[cfg(test)]
mod tracker_tests {
    use super::*;
    use crate::domain::application::tests::{app, at, day};
    use crate::domain::application::Stage;
    use crate::domain::contact::Contact;

    fn doc_with_links() -> Document {
        let mut doc = Document::new(at(1, 1), RecordId::from_random_bytes([9; 16]));
        for n in [20, 21] {
            let mut c = Contact::new(Meta::new(RecordId::from_random_bytes([n; 16]), at(1, 1)));
            c.name = format!("Contact {n}");
            doc.upsert_contact(c, at(1, 1));
        }
        let (c20, c21) = (doc.contacts[0].meta.id, doc.contacts[1].meta.id);
        let mut a = app(1, "Acme", "Research", day(10, 1));
        a.contacts = vec![c21, c20];
        doc.upsert_application(a, at(1, 2));
        let mut b = app(2, "Beta", "Clean-up", day(10, 2));
        b.contacts = vec![c20];
        doc.upsert_application(b, at(1, 2));
        doc.upsert_application(app(3, "City", "Survey", day(10, 3)), at(1, 2));
        doc
    }

    #[test]
    fn deleting_then_restoring_an_application_is_exact() {
        let mut doc = doc_with_links();
        let before = doc.clone();
        let id = doc.applications[1].meta.id;
        let removed = doc.remove_application(id, at(2, 1)).unwrap();
        assert_eq!(doc.applications.len(), 2);
        doc.restore_application(removed.clone(), at(2, 2));
        assert_eq!(
            doc.applications, before.applications,
            "same place, same links"
        );
        doc.restore_application(removed, at(2, 3));
        assert_eq!(doc.applications.len(), 3, "restoring twice adds nothing");
    }

    #[test]
    fn deleting_a_contact_unlinks_it_and_undo_relinks_exactly() {
        let mut doc = doc_with_links();
        let before = doc.clone();
        let c20 = doc.contacts[0].meta.id;
        assert_eq!(doc.applications_of(c20).len(), 2);
        let removed = doc.remove_contact(c20, at(2, 1)).unwrap();
        assert!(
            doc.applications.iter().all(|a| !a.contacts.contains(&c20)),
            "no dangling ids"
        );
        assert_eq!(doc.applications[0].contacts.len(), 1);
        doc.restore_contact(removed, at(2, 2));
        assert_eq!(doc.contacts, before.contacts);
        assert_eq!(
            doc.applications, before.applications,
            "links back in their places"
        );
    }

    #[test]
    fn upserting_drops_links_to_missing_contacts_and_skips_no_ops() {
        let mut doc = doc_with_links();
        let mut a = doc.applications[2].clone();
        a.contacts = vec![RecordId::from_random_bytes([99; 16])];
        doc.upsert_application(a, at(3, 1));
        assert!(doc.applications[2].contacts.is_empty());
        let before = doc.clone();
        doc.upsert_application(before.applications[0].clone(), at(4, 1));
        assert_eq!(
            doc, before,
            "an identical record changes nothing, not even `updated`"
        );
    }

    #[test]
    fn update_application_touches_the_document_only_on_change() {
        let mut doc = doc_with_links();
        let id = doc.applications[0].meta.id;
        let moved = doc.update_application(id, at(11, 1), |a| {
            a.move_to(Stage::Applied, day(11, 1), at(11, 1))
        });
        assert_eq!(moved, Some(true));
        assert_eq!(doc.updated, at(11, 1));
        let again = doc.update_application(id, at(12, 1), |a| {
            a.move_to(Stage::Applied, day(12, 1), at(12, 1))
        });
        assert_eq!(again, Some(false));
        assert_eq!(doc.updated, at(11, 1));
        assert_eq!(
            doc.update_application(RecordId::from_random_bytes([0; 16]), at(12, 2), |_| ()),
            None
        );
    }

    #[test]
    fn a_document_with_applications_round_trips() {
        let doc = doc_with_links();
        assert_eq!(decode(&encode(&doc)).unwrap(), doc);
    }
}
