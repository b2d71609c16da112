//! The document: everything the app keeps, in one value, and the
//! operations on it that keep its records consistent (a skill renamed or
//! removed everywhere it is used, a contact unlinked, undo putting each
//! back where it was), with the student's [`Settings`]. How it is stored
//! and read back is [`super::codec`].

use super::application::{Application, Money};
use super::contact::Contact;
use super::portfolio::{ParsedEntry, PortfolioEntry};
use super::profile::Profile;
use super::record::{Meta, RecordId};
use super::skill::{self, Skill};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The `format` field of every Microfolio document.
pub const FORMAT: &str = "microfolio";

/// The schema version this build writes. Bump it together with a new step
/// in `super::codec::MIGRATIONS` and a fixture in `tests/fixtures/`.
pub const SCHEMA_VERSION: u32 = 4;

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

/// The student's settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// The hourly rate below which an entry is flagged.
    pub pay_floor: Money,
    /// When a full backup was last downloaded.
    pub last_backup: Option<chrono::DateTime<chrono::Utc>>,
    /// Ids of the sample records, while sample data is loaded
    /// (`domain::sample`). Optional in the file: absent means none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sample: Vec<RecordId>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            pay_floor: Money {
                cents: 2000,
                currency: "USD".into(),
            },
            last_backup: None,
            sample: Vec::new(),
        }
    }
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
    /// Sets several skills' level, target and category at once (the
    /// Skills list's quick edit). Returns how many changed; refuses all of
    /// them, changing none, if any level is out of range.
    pub fn rate_skills(
        &mut self,
        ratings: &[skill::Rating],
        now: DateTime<Utc>,
    ) -> Result<usize, &'static str> {
        if !ratings.iter().all(skill::Rating::is_valid) {
            return Err("Levels and targets go from 1 to 5.");
        }
        let mut changed = 0;
        for r in ratings {
            let Some(s) = self.skills.iter_mut().find(|s| s.meta.id == r.id) else {
                continue;
            };
            if skill::Rating::of(s) != *r {
                (s.level, s.target, s.category) = (r.level, r.target, r.category);
                s.meta.touch(now);
                changed += 1;
            }
        }
        if changed > 0 {
            self.touch(now);
        }
        Ok(changed)
    }

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
    pub fn set_pay_floor(&mut self, floor: Money, now: DateTime<Utc>) {
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
        let skills = skill::resolve_names(
            &mut self.skills,
            &parsed.skill_names,
            |n| parsed.category_of(n),
            now,
            new_id,
        );
        let mut entry = parsed.entry;
        entry.skills = skills;
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
        let skills = skill::resolve_names(
            &mut self.skills,
            &app.required_skills,
            |n| skill::propose_category(n, &[]),
            now,
            new_id,
        );
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

    /// Undoes a change to one application (a board move): puts `before`
    /// back, if the application is still exactly `after`, what the change
    /// left. Anything changed since (another tab, another edit) is never
    /// overwritten: returns false and changes nothing.
    pub fn undo_application_change(
        &mut self,
        before: &Application,
        after: &Application,
        now: DateTime<Utc>,
    ) -> bool {
        let Some(slot) = self
            .applications
            .iter_mut()
            .find(|a| a.meta.id == after.meta.id)
        else {
            return false;
        };
        if slot != after {
            return false;
        }
        *slot = before.clone();
        slot.meta.updated = now;
        self.touch(now);
        true
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::profile::ProfileForm;
    use chrono::TimeZone;

    pub(crate) fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 9, 30, 0).unwrap()
    }

    pub(crate) fn sample() -> Document {
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
    fn setting_an_identical_profile_changes_nothing() {
        let mut doc = sample();
        let before = doc.clone();
        assert!(!doc.set_profile(before.profile.clone(), now() + chrono::Duration::days(1)));
        assert_eq!(doc, before);
    }

    #[test]
    fn undoing_a_board_move_restores_the_stage_unless_the_application_changed_since() {
        use crate::domain::application::{new_application, Stage};
        let mut doc = sample();
        let id = RecordId::from_random_bytes([3; 16]);
        let today = now().date_naive();
        doc.upsert_application(new_application(id, now(), today), now());
        let before = doc.application(id).unwrap().clone();
        let later = now() + chrono::Duration::minutes(1);
        doc.update_application(id, later, |a| a.move_to(Stage::Applied, today, later));
        let after = doc.application(id).unwrap().clone();
        assert_eq!(after.stage(), Stage::Applied);
        assert!(after.date_applied.is_some());

        // Changed again since (another tab): Undo changes nothing.
        let mut edited = doc.clone();
        edited.update_application(id, later, |a| a.notes = "Called them".into());
        let unchanged = edited.clone();
        assert!(!edited.undo_application_change(&before, &after, later));
        assert_eq!(edited, unchanged);

        let undone = later + chrono::Duration::minutes(1);
        assert!(doc.undo_application_change(&before, &after, undone));
        let back = doc.application(id).unwrap();
        assert_eq!(back.stage(), Stage::Saved);
        assert_eq!(back.date_applied, before.date_applied);
        assert_eq!(
            back.meta.updated, undone,
            "the undo is a change other tabs merge"
        );
    }
}

#[cfg(test)]
mod rating_tests {
    use super::*;
    use crate::domain::application::tests::at;
    use crate::domain::skill::{Rating, SkillCategory};

    #[test]
    fn the_skills_list_changes_level_target_and_category_of_several_skills_at_once() {
        let mut d = Document::new(at(1, 1), RecordId::from_random_bytes([1; 16]));
        for (n, name) in [(2, "Excel"), (3, "SQL")] {
            d.upsert_skill(
                Skill::new(
                    Meta::new(RecordId::from_random_bytes([n; 16]), at(1, 1)),
                    name,
                ),
                at(1, 1),
            );
        }
        let mut ratings: Vec<Rating> = d.skills.iter().map(Rating::of).collect();
        assert_eq!(d.rate_skills(&ratings, at(2, 1)), Ok(0), "nothing changed");
        ratings[0] = Rating {
            level: Some(3),
            target: Some(4),
            category: SkillCategory::Tool,
            ..ratings[0]
        };
        assert_eq!(d.rate_skills(&ratings, at(2, 2)), Ok(1));
        let excel = &d.skills[0];
        assert_eq!(
            (excel.level, excel.target, excel.category),
            (Some(3), Some(4), SkillCategory::Tool)
        );
        assert_eq!(excel.meta.updated, at(2, 2));
        assert_eq!(
            d.skills[1].meta.updated,
            at(1, 1),
            "an unchanged skill is not touched"
        );

        // One level out of range: nothing changes.
        let before = d.clone();
        ratings[1].level = Some(6);
        ratings[0].level = Some(1);
        assert!(d.rate_skills(&ratings, at(3, 1)).is_err());
        assert_eq!(d, before);
    }
}

#[cfg(test)]
mod backup_tests {
    use super::*;
    use crate::domain::application::tests::{app, at, day};

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
pub(crate) mod tracker_tests {
    use super::*;
    use crate::domain::application::tests::{app, at, day};
    use crate::domain::application::Stage;
    use crate::domain::contact::Contact;

    pub(crate) fn doc_with_links() -> Document {
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
            a.move_to(Stage::Applied, day(11, 1), at(11, 1)).unwrap()
        });
        assert_eq!(moved, Some(true));
        assert_eq!(doc.updated, at(11, 1));
        let again = doc.update_application(id, at(12, 1), |a| {
            a.move_to(Stage::Applied, day(12, 1), at(12, 1)).unwrap()
        });
        assert_eq!(again, Some(false));
        assert_eq!(doc.updated, at(11, 1));
        assert_eq!(
            doc.update_application(RecordId::from_random_bytes([0; 16]), at(12, 2), |_| ()),
            None
        );
    }
}
