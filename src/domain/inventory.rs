//! The skill inventory's derived views: evidence (the portfolio entries
//! that demonstrate a skill, plus manual links), the "unbacked" flag, and
//! the gap check against what active applications ask for. All derived,
//! never stored, so they cannot go stale.

use super::application::Application;
use super::portfolio::PortfolioEntry;
use super::record::RecordId;
use super::skill::Skill;
use super::Document;
use chrono::NaiveDate;

/// A level at or above which a skill should be backed by evidence.
pub const BACKED_FROM_LEVEL: u8 = 3;

/// What shows a skill.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    /// (entry id, entry title, entry date), newest first.
    pub entries: Vec<(RecordId, String, NaiveDate)>,
    pub manual: usize,
}

impl Evidence {
    pub fn total(&self) -> usize {
        self.entries.len() + self.manual
    }

    pub fn latest(&self) -> Option<NaiveDate> {
        self.entries.first().map(|e| e.2)
    }
}

pub fn evidence(skill: &Skill, entries: &[PortfolioEntry]) -> Evidence {
    let mut list: Vec<(RecordId, String, NaiveDate)> = entries
        .iter()
        .filter(|e| e.skills.contains(&skill.meta.id))
        .map(|e| (e.meta.id, e.title.clone(), e.date()))
        .collect();
    list.sort_by_key(|e| std::cmp::Reverse(e.2));
    Evidence {
        entries: list,
        manual: skill.evidence.len(),
    }
}

/// Rated 3 or more with nothing to show for it.
pub fn unbacked(skill: &Skill, entries: &[PortfolioEntry]) -> bool {
    skill.level.is_some_and(|l| l >= BACKED_FROM_LEVEL) && evidence(skill, entries).total() == 0
}

/// One skill that active applications ask for and the student lacks, has
/// below target, or cannot show.
#[derive(Clone, Debug, PartialEq)]
pub struct Gap {
    /// As the applications spell it (or as the inventory does, if present).
    pub name: String,
    /// How many active applications ask for it.
    pub demand: usize,
    pub applications: Vec<RecordId>,
    /// The skill in the inventory, if any (`None`: missing).
    pub skill: Option<RecordId>,
    pub below_target: bool,
    pub no_evidence: bool,
}

impl Gap {
    pub fn missing(&self) -> bool {
        self.skill.is_none()
    }

    /// "Not in your inventory", "Below your target, no evidence yet", ...
    pub fn describe(&self) -> &'static str {
        match (self.missing(), self.below_target, self.no_evidence) {
            (true, _, _) => "Not in your inventory",
            (false, true, true) => "Below your target, no evidence yet",
            (false, true, false) => "Below your target",
            (false, false, _) => "No evidence yet",
        }
    }
}

/// The gap check: required skills of applications in active stages that
/// are missing, below target or without evidence; most-demanded first,
/// missing before the rest at equal demand, then by name.
pub fn gap_check(doc: &Document) -> Vec<Gap> {
    let mut demand: Vec<(String, Vec<RecordId>)> = Vec::new();
    let active = doc
        .applications
        .iter()
        .filter(|a: &&Application| a.stage().is_active());
    for app in active {
        for name in &app.required_skills {
            match demand
                .iter_mut()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
            {
                Some((_, apps)) if !apps.contains(&app.meta.id) => apps.push(app.meta.id),
                Some(_) => {}
                None => demand.push((name.clone(), vec![app.meta.id])),
            }
        }
    }
    let mut gaps: Vec<Gap> = demand
        .into_iter()
        .filter_map(|(name, applications)| {
            let skill = super::skill::find_by_name(&doc.skills, &name);
            let (below_target, no_evidence) = match skill {
                None => (false, false),
                Some(s) => (s.below_target(), evidence(s, &doc.entries).total() == 0),
            };
            let gap = Gap {
                name: skill.map_or(name, |s| s.name.clone()),
                demand: applications.len(),
                applications,
                skill: skill.map(|s| s.meta.id),
                below_target,
                no_evidence,
            };
            (gap.missing() || gap.below_target || gap.no_evidence).then_some(gap)
        })
        .collect();
    gaps.sort_by(|a, b| {
        b.demand
            .cmp(&a.demand)
            .then(b.missing().cmp(&a.missing()))
            .then(a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    gaps
}

/// The applications (any stage) that ask for a skill by name.
pub fn applications_asking<'a>(doc: &'a Document, skill: &Skill) -> Vec<&'a Application> {
    doc.applications
        .iter()
        .filter(|a| {
            a.required_skills
                .iter()
                .any(|n| n.eq_ignore_ascii_case(&skill.name))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::application::tests::{app, at, day};
    use crate::domain::application::Stage;
    use crate::domain::record::Meta;
    use crate::domain::skill::{EvidenceLink, SkillForm};
    use crate::domain::validate::{SafeUrl, UrlPolicy};

    fn skill(n: u8, name: &str, level: Option<u8>, target: Option<u8>) -> Skill {
        let mut s = Skill::new(
            Meta::new(RecordId::from_random_bytes([n; 16]), at(1, 1)),
            name,
        );
        s.level = level;
        s.target = target;
        s
    }

    fn entry(n: u8, title: &str, end: NaiveDate, skills: &[&Skill]) -> PortfolioEntry {
        let mut e = PortfolioEntry::new(Meta::new(RecordId::from_random_bytes([n; 16]), at(1, 1)));
        e.title = title.into();
        e.end_date = Some(end);
        e.skills = skills.iter().map(|s| s.meta.id).collect();
        e
    }

    /// Excel (3, target 4) shown in two entries; SQL (4) unbacked; Writing
    /// (2, target 3) with a certificate; JS and JavaScript to merge.
    fn doc() -> Document {
        let mut d = Document::new(at(1, 1), RecordId::from_random_bytes([99; 16]));
        let excel = skill(1, "Excel", Some(3), Some(4));
        let sql = skill(2, "SQL", Some(4), None);
        let mut writing = skill(3, "Writing", Some(2), Some(3));
        writing.evidence.push(EvidenceLink {
            title: "Writing course".into(),
            url: SafeUrl::parse("https://ex.org/c", UrlPolicy::Web).unwrap(),
        });
        let js = skill(4, "JS", Some(2), Some(4));
        let javascript = skill(5, "JavaScript", Some(3), None);
        d.entries
            .push(entry(10, "Deck", day(11, 14), &[&excel, &js]));
        d.entries.push(entry(11, "Clean-up", day(6, 1), &[&excel]));
        d.entries
            .push(entry(12, "Site", day(9, 1), &[&javascript, &js]));
        d.skills = vec![excel, sql, writing, js, javascript];
        let mut a = app(20, "Acme", "Analyst", day(10, 1));
        a.required_skills = vec!["excel".into(), "Python".into(), "SQL".into()];
        let mut b = app(21, "Beta", "Researcher", day(10, 2));
        b.required_skills = vec!["Python".into(), "Writing".into(), "JS".into()];
        let mut closed = app(22, "Gone", "Old", day(9, 1));
        closed.required_skills = vec!["Python".into(), "Cobol".into()];
        closed.move_to(Stage::Rejected, day(9, 20), at(9, 20));
        d.applications = vec![a, b, closed];
        d
    }

    #[test]
    fn evidence_is_derived_from_entries_newest_first_plus_manual_links() {
        let d = doc();
        let ev = evidence(&d.skills[0], &d.entries);
        let titles: Vec<_> = ev.entries.iter().map(|e| e.1.as_str()).collect();
        assert_eq!(titles, ["Deck", "Clean-up"]);
        assert_eq!((ev.total(), ev.latest()), (2, Some(day(11, 14))));
        assert_eq!(
            evidence(&d.skills[2], &d.entries).total(),
            1,
            "the certificate counts"
        );
    }

    #[test]
    fn a_skill_rated_3_or_more_with_no_evidence_is_unbacked() {
        let d = doc();
        assert!(!unbacked(&d.skills[0], &d.entries), "Excel has entries");
        assert!(
            unbacked(&d.skills[1], &d.entries),
            "SQL: level 4, nothing to show"
        );
        assert!(!unbacked(&d.skills[2], &d.entries), "Writing: level 2");
    }

    #[test]
    fn the_gap_check_ranks_by_demand_from_active_applications_only() {
        let d = doc();
        let gaps = gap_check(&d);
        let got: Vec<(&str, usize, &str)> = gaps
            .iter()
            .map(|g| (g.name.as_str(), g.demand, g.describe()))
            .collect();
        assert_eq!(
            got,
            [
                ("Python", 2, "Not in your inventory"),
                ("Excel", 1, "Below your target"),
                ("JS", 1, "Below your target"),
                ("SQL", 1, "No evidence yet"),
                ("Writing", 1, "Below your target"),
            ]
        );
        assert!(
            gaps.iter().all(|g| g.name != "Cobol"),
            "only active applications count"
        );
        assert_eq!(
            gaps[1].name, "Excel",
            "the inventory's spelling, not the application's"
        );
    }

    #[test]
    fn merging_moves_every_reference_and_leaves_none_dangling() {
        let mut d = doc();
        let (js, javascript) = (d.skills[3].meta.id, d.skills[4].meta.id);
        d.merge_skills(js, javascript, at(12, 1)).unwrap();
        assert!(d.skill(js).is_none());
        let site = &d.entries[2];
        assert_eq!(
            site.skills,
            [javascript],
            "no duplicate when both were there"
        );
        assert_eq!(d.entries[0].skills[1], javascript);
        assert_eq!(
            d.applications[1].required_skills,
            ["Python", "Writing", "JavaScript"]
        );
        let merged = d.skill(javascript).unwrap();
        assert_eq!(
            (merged.level, merged.target),
            (Some(3), Some(4)),
            "the higher of each"
        );
        for e in &d.entries {
            assert!(
                e.skills.iter().all(|id| d.skill(*id).is_some()),
                "dangling id in {}",
                e.title
            );
        }
        assert!(d.merge_skills(javascript, javascript, at(12, 2)).is_err());
        assert_eq!(
            crate::domain::decode(&crate::domain::encode(&d)).unwrap(),
            d
        );
    }

    #[test]
    fn renaming_carries_over_to_applications() {
        let mut d = doc();
        let mut excel = d.skills[0].clone();
        excel.name = "Microsoft Excel".into();
        d.upsert_skill(excel, at(12, 1));
        assert_eq!(
            d.applications[0].required_skills,
            ["Microsoft Excel", "Python", "SQL"]
        );
        assert_eq!(d.skill_usage(d.skills[0].meta.id), (2, 1));
    }

    #[test]
    fn deleting_removes_references_and_undo_restores_them_exactly() {
        let mut d = doc();
        let before = d.clone();
        let excel = d.skills[0].meta.id;
        let removed = d.remove_skill(excel, at(12, 1)).unwrap();
        assert_eq!(removed.counts(), (2, 1));
        assert!(d.entries.iter().all(|e| !e.skills.contains(&excel)));
        assert_eq!(d.applications[0].required_skills, ["Python", "SQL"]);
        d.restore_skill(removed, at(12, 2));
        assert_eq!(d.skills, before.skills);
        assert_eq!(d.entries, before.entries);
        assert_eq!(d.applications, before.applications);
    }

    #[test]
    fn the_form_refuses_duplicate_names_in_any_case_and_bad_evidence() {
        let d = doc();
        let fresh = skill(50, "", None, None);
        let form = SkillForm {
            name: "excel".into(),
            category: "tool".into(),
            ..Default::default()
        };
        let errors = form.parse(&fresh, &d.skills, at(12, 1)).unwrap_err();
        assert!(
            errors[0]
                .message
                .contains("You already have a skill called “Excel”"),
            "{:?}",
            errors
        );
        // Its own name is fine when editing.
        let own = d.skills[0].to_form();
        assert!(own.parse(&d.skills[0], &d.skills, at(12, 1)).is_ok());
        let bad = SkillForm {
            name: "Figma".into(),
            level: "9".into(),
            evidence: vec![
                ("Cert".into(), "javascript:alert(1)".into()),
                ("".into(), "".into()),
                ("".into(), "https://x.org".into()),
            ],
            ..Default::default()
        };
        let fields: Vec<_> = bad
            .parse(&fresh, &d.skills, at(12, 1))
            .unwrap_err()
            .into_iter()
            .map(|e| e.field.label())
            .collect();
        assert_eq!(
            fields,
            ["Your level", "Evidence 1 link", "Evidence 3 title"]
        );
    }
}
