//! Sample data for a first look at the dashboard: a few applications along
//! the pipeline, two finished micro-internships and some skills, each
//! marked "(sample)" in its name, their ids remembered in
//! `Settings::sample` so they can be removed in one action — references
//! from the student's own records included. Dates are relative to `today`.

use super::application::{new_application, Arrangement, Money, Stage};
use super::contact::{Contact, ContactKind};
use super::portfolio::{Deliverable, Feedback, Objective, Outcome, PaymentStatus, PortfolioEntry};
use super::record::Meta;
use super::skill::{Skill, SkillCategory};
use super::{Document, RecordId};
use chrono::{DateTime, Duration, NaiveDate, Utc};

/// Organization, role, source, stages reached, days ago, deadline in days.
type SampleApplication = (
    &'static str,
    &'static str,
    &'static str,
    &'static [Stage],
    i64,
    Option<i64>,
);

impl Document {
    /// Whether sample records are loaded.
    pub fn has_sample(&self) -> bool {
        !self.settings.sample.is_empty()
    }

    /// Adds the records of `sample` (made by [`Document::sample`], where the
    /// sample's code is loaded: a chunk of its own in the app), once: with
    /// sample records already here it adds nothing.
    pub fn add_sample_from(&mut self, sample: Document, now: DateTime<Utc>) {
        if self.has_sample() {
            return;
        }
        self.skills.extend(sample.skills);
        self.contacts.extend(sample.contacts);
        self.applications.extend(sample.applications);
        self.entries.extend(sample.entries);
        self.settings.sample = sample.settings.sample;
        self.touch(now);
    }

    /// The sample records, in a document of their own.
    pub fn sample(
        now: DateTime<Utc>,
        today: NaiveDate,
        mut new_id: impl FnMut() -> RecordId,
    ) -> Document {
        let days = |n: i64| today - Duration::days(n);
        let mut ids = Vec::new();
        let mut id = || {
            let id = new_id();
            ids.push(id);
            id
        };

        let mut skills = Vec::new();
        for (name, category, level, target) in [
            ("Excel (sample)", SkillCategory::Technical, Some(4), Some(4)),
            ("SQL (sample)", SkillCategory::Technical, Some(2), Some(4)),
            (
                "Market research (sample)",
                SkillCategory::Domain,
                Some(3),
                Some(4),
            ),
            (
                "Client communication (sample)",
                SkillCategory::Soft,
                Some(3),
                None,
            ),
            ("Python (sample)", SkillCategory::Technical, None, Some(3)),
        ] {
            let mut s = Skill::new(Meta::new(id(), now), name);
            s.category = category;
            s.level = level;
            s.target = target;
            skills.push(s);
        }

        let mut lead = Contact::new(Meta::new(id(), now));
        lead.name = "Jordan Lee (sample)".into();
        lead.kind = ContactKind::Supervisor;
        lead.organization = "Northwind Analytics (sample)".into();

        // The path of a finished micro-internship.
        const TO_COMPLETED: &[Stage] = &[
            Stage::Applied,
            Stage::Interviewing,
            Stage::Offered,
            Stage::InProgress,
            Stage::Completed,
        ];
        let apps_spec: [SampleApplication; 6] = [
            (
                "Northwind Analytics (sample)",
                "Market sizing analyst",
                "Parker Dewey",
                TO_COMPLETED,
                80,
                None,
            ),
            (
                "Contoso Health (sample)",
                "Survey data clean-up",
                "Parker Dewey",
                TO_COMPLETED,
                50,
                None,
            ),
            (
                "Fabrikam Foods (sample)",
                "Competitor pricing scan",
                "Handshake",
                &[Stage::Applied, Stage::Interviewing],
                12,
                Some(-3),
            ),
            (
                "Tailspin Travel (sample)",
                "Social media audit",
                "Handshake",
                &[Stage::Applied, Stage::Rejected],
                30,
                None,
            ),
            (
                "Litware Labs (sample)",
                "SQL reporting sprint",
                "School job board",
                &[Stage::Applied],
                6,
                Some(-5),
            ),
            (
                "Adatum Energy (sample)",
                "Customer interview notes",
                "LinkedIn",
                &[],
                2,
                Some(-9),
            ),
        ];
        let mut apps = Vec::new();
        for (org, role, source, stages, ago, deadline_in) in apps_spec {
            let mut a = new_application(id(), now, days(ago + 3));
            a.date_found = Some(days(ago + 3));
            a.organization = org.into();
            a.role = role.into();
            a.source = source.into();
            a.arrangement = Some(Arrangement::Remote);
            a.estimated_hours = Some(20.0);
            a.fee = Some(Money {
                cents: 50_000,
                currency: "USD".into(),
            });
            a.required_skills = vec!["Excel (sample)".into(), "SQL (sample)".into()];
            a.deadline = deadline_in.map(|d| today - Duration::days(d));
            for (i, stage) in stages.iter().enumerate() {
                a.move_to_dating_back(*stage, days(ago - 4 * i as i64), now);
            }
            if stages.last() == Some(&Stage::Applied) {
                a.next_follow_up = Some(today + Duration::days(2));
            }
            apps.push(a);
        }
        apps[0].contacts = vec![lead.meta.id];

        let mut entries = Vec::new();
        for (i, (title, org, ended, hours, fee)) in [
            (
                "Market sizing deck (sample)",
                "Northwind Analytics (sample)",
                60,
                22.0,
                50_000,
            ),
            (
                "Survey data clean-up (sample)",
                "Contoso Health (sample)",
                30,
                12.5,
                30_000,
            ),
        ]
        .into_iter()
        .enumerate()
        {
            let mut e = PortfolioEntry::new(Meta::new(id(), now));
            e.title = title.into();
            e.organization = org.into();
            e.role = apps[i].role.clone();
            e.source = "Parker Dewey".into();
            e.start_date = Some(days(ended + 14));
            e.end_date = Some(days(ended));
            e.arrangement = Some(Arrangement::Remote);
            e.estimated_hours = Some(20.0);
            e.logged_hours = Some(hours);
            e.fee = Some(Money {
                cents: fee,
                currency: "USD".into(),
            });
            e.payment = PaymentStatus::Paid;
            e.deliverables = vec![Deliverable {
                title: "Final report (sample)".into(),
                description: "Findings and recommendations in ten slides.".into(),
                link: None,
                date: Some(days(ended)),
            }];
            e.objectives = vec![Objective {
                text: "Present findings to a client (sample)".into(),
                outcome: Outcome::Met,
            }];
            e.reflection = "Sample reflection: what went well and what to try next time.".into();
            e.skills = vec![skills[0].meta.id, skills[2].meta.id];
            e.application = Some(apps[i].meta.id);
            if i == 0 {
                e.supervisor = Some(lead.meta.id);
                e.feedback = Feedback {
                    quote: "Clear, well-sourced and on time. (sample)".into(),
                    rating: Some(5),
                    date: Some(days(ended)),
                    shareable: true,
                };
            }
            entries.push(e);
        }

        let mut sample = Document::new(now, new_id());
        sample.skills = skills;
        sample.contacts = vec![lead];
        sample.applications = apps;
        sample.entries = entries;
        sample.settings.sample = ids;
        sample
    }

    /// Removes every sample record and every reference to one from the
    /// student's own records. Returns how many records were removed.
    pub fn remove_sample(&mut self, now: DateTime<Utc>) -> usize {
        let ids = std::mem::take(&mut self.settings.sample);
        let mut removed = 0;
        for id in &ids {
            removed += usize::from(self.remove_entry(*id, now).is_some());
            removed += usize::from(self.remove_application(*id, now).is_some());
            removed += usize::from(self.remove_contact(*id, now).is_some());
            removed += usize::from(self.remove_skill(*id, now).is_some());
        }
        for e in &mut self.entries {
            if e.application.is_some_and(|a| ids.contains(&a)) {
                e.application = None;
            }
        }
        self.touch(now);
        removed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{decode, encode};

    fn t0() -> DateTime<Utc> {
        DateTime::from_timestamp(1_790_000_000, 0).unwrap()
    }

    fn ids() -> impl FnMut() -> RecordId {
        let mut n = 100u8;
        move || {
            n += 1;
            RecordId::from_random_bytes([n; 16])
        }
    }

    fn own_document() -> Document {
        let mut doc = Document::new(t0(), RecordId::from_random_bytes([1; 16]));
        doc.profile.name = "Ada".into();
        let mut mine = Skill::new(
            Meta::new(RecordId::from_random_bytes([2; 16]), t0()),
            "Writing",
        );
        mine.level = Some(3);
        doc.skills.push(mine);
        doc
    }

    /// The sample added as the dashboard adds it.
    fn add_sample(doc: &mut Document) {
        doc.add_sample_from(Document::sample(t0(), t0().date_naive(), ids()), t0());
    }

    #[test]
    fn sample_data_is_marked_and_fills_every_chart() {
        let mut doc = own_document();
        add_sample(&mut doc);
        assert_eq!(doc.applications.len(), 6);
        assert_eq!(doc.entries.len(), 2);
        assert_eq!(doc.skills.len(), 6);
        assert_eq!(doc.settings.sample.len(), 6 + 2 + 5 + 1);
        for a in &doc.applications {
            assert!(a.organization.ends_with("(sample)"));
        }
        for e in &doc.entries {
            assert!(e.title.ends_with("(sample)"));
        }
        // Adding twice adds nothing.
        let before = doc.clone();
        add_sample(&mut doc);
        assert_eq!(doc, before);
        // It is a valid document.
        assert_eq!(decode(&encode(&doc)).unwrap(), doc);
    }

    #[test]
    fn removing_sample_data_leaves_exactly_the_students_own_records() {
        let own = own_document();
        let mut doc = own.clone();
        add_sample(&mut doc);
        // The student's own entry uses a sample skill and links the sample contact.
        let mut mine = PortfolioEntry::new(Meta::new(RecordId::from_random_bytes([3; 16]), t0()));
        mine.skills = vec![doc.skills[1].meta.id, own.skills[0].meta.id];
        mine.supervisor = Some(doc.contacts[0].meta.id);
        mine.application = Some(doc.applications[0].meta.id);
        doc.entries.push(mine.clone());

        assert_eq!(doc.remove_sample(t0()), 14);
        assert!(!doc.has_sample());
        assert_eq!(doc.applications, own.applications);
        assert_eq!(doc.contacts, own.contacts);
        assert_eq!(doc.skills, own.skills);
        let kept = &doc.entries[0];
        assert_eq!(doc.entries.len(), 1);
        assert_eq!(kept.skills, [own.skills[0].meta.id]);
        assert_eq!(kept.supervisor, None);
        assert_eq!(kept.application, None);
    }
}
