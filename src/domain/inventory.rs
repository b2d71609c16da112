//! The skill inventory's derived views: evidence (the portfolio entries
//! that demonstrate a skill, plus manual links), the "unbacked" flag, the
//! gap check against what active applications ask for, and the joins the
//! Skills and Portfolio pages show (rows with evidence counts, the skills
//! in use, an entry's skill names). All derived, never stored, so they
//! cannot go stale. Joins over many records index them once
//! ([`EvidenceIndex`], [`ById`]), so their cost follows the size of the
//! data, not skills × entries × references.

use super::application::Application;
use super::index::{listing, ById};
use super::portfolio::PortfolioEntry;
use super::record::RecordId;
use super::skill::{Skill, SkillCategory};
use super::Document;
use chrono::NaiveDate;
use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet};

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

/// The evidence of `skill` from the entries that show it (in document
/// order): newest first, entries of the same date in document order.
fn evidence_of<'a>(skill: &Skill, showing: impl Iterator<Item = &'a PortfolioEntry>) -> Evidence {
    let mut list: Vec<(RecordId, String, NaiveDate)> = showing
        .map(|e| (e.meta.id, e.title.clone(), e.date()))
        .collect();
    list.sort_by_key(|e| Reverse(e.2));
    Evidence {
        entries: list,
        manual: skill.evidence.len(),
    }
}

/// The evidence of one skill (one pass over the entries). For many skills
/// use an [`EvidenceIndex`].
pub fn evidence(skill: &Skill, entries: &[PortfolioEntry]) -> Evidence {
    evidence_of(
        skill,
        entries.iter().filter(|e| e.skills.contains(&skill.meta.id)),
    )
}

fn is_unbacked(skill: &Skill, total: usize) -> bool {
    skill.level.is_some_and(|l| l >= BACKED_FROM_LEVEL) && total == 0
}

/// Rated 3 or more with nothing to show for it.
pub fn unbacked(skill: &Skill, entries: &[PortfolioEntry]) -> bool {
    is_unbacked(skill, evidence(skill, entries).total())
}

/// Which entries show each skill, built in one pass over every entry's
/// skill list; then a skill's evidence costs only what it returns.
pub struct EvidenceIndex<'a> {
    entries: &'a [PortfolioEntry],
    showing: BTreeMap<RecordId, Vec<usize>>,
}

impl<'a> EvidenceIndex<'a> {
    pub fn new(entries: &'a [PortfolioEntry]) -> Self {
        Self {
            entries,
            showing: listing(entries, |e| e.skills.as_slice()),
        }
    }

    fn positions(&self, skill: RecordId) -> &[usize] {
        self.showing.get(&skill).map_or(&[], Vec::as_slice)
    }

    /// How many entries show the skill.
    pub fn entry_count(&self, skill: RecordId) -> usize {
        self.positions(skill).len()
    }

    /// Entries and manual links, as [`evidence`] gives them.
    pub fn total(&self, skill: &Skill) -> usize {
        self.entry_count(skill.meta.id) + skill.evidence.len()
    }

    /// As [`evidence`] gives it.
    pub fn evidence(&self, skill: &Skill) -> Evidence {
        evidence_of(
            skill,
            self.positions(skill.meta.id)
                .iter()
                .map(|&i| &self.entries[i]),
        )
    }

    /// As [`unbacked`] gives it.
    pub fn unbacked(&self, skill: &Skill) -> bool {
        is_unbacked(skill, self.total(skill))
    }
}

/// One line of the Skills page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkillRow {
    pub id: RecordId,
    pub name: String,
    pub level: Option<u8>,
    pub target: Option<u8>,
    /// Portfolio entries that show it.
    pub entries: usize,
    /// Links added by hand.
    pub manual: usize,
    pub unbacked: bool,
}

/// The Skills page: the skills of each category, in the order of
/// [`SkillCategory::ALL`] (categories without skills left out), each by
/// name (case-insensitively; equal names in document order), with its
/// evidence counts and the unbacked flag.
pub fn skill_groups(
    skills: &[Skill],
    entries: &[PortfolioEntry],
) -> Vec<(SkillCategory, Vec<SkillRow>)> {
    let index = EvidenceIndex::new(entries);
    SkillCategory::ALL
        .into_iter()
        .filter_map(|cat| {
            let mut in_cat: Vec<&Skill> = skills.iter().filter(|s| s.category == cat).collect();
            if in_cat.is_empty() {
                return None;
            }
            in_cat.sort_by_cached_key(|s| s.name.to_lowercase());
            let rows = in_cat
                .into_iter()
                .map(|s| SkillRow {
                    id: s.meta.id,
                    name: s.name.clone(),
                    level: s.level,
                    target: s.target,
                    entries: index.entry_count(s.meta.id),
                    manual: s.evidence.len(),
                    unbacked: index.unbacked(s),
                })
                .collect();
            Some((cat, rows))
        })
        .collect()
}

/// The skills some entry shows, for the Portfolio page's skill filter:
/// (id, name) by name, case-insensitively (equal names in document order).
pub fn skills_in_use(skills: &[Skill], entries: &[PortfolioEntry]) -> Vec<(RecordId, String)> {
    let used: BTreeSet<RecordId> = entries
        .iter()
        .flat_map(|e| e.skills.iter().copied())
        .collect();
    let mut list: Vec<(RecordId, String)> = skills
        .iter()
        .filter(|s| used.contains(&s.meta.id))
        .map(|s| (s.meta.id, s.name.clone()))
        .collect();
    list.sort_by_cached_key(|(_, n)| n.to_lowercase());
    list
}

/// The names of the skills `ids` refer to, in their order; ids of no skill
/// are left out. Build `skills` once ([`ById::new`]) for many lists.
pub fn skill_names(skills: &ById<Skill>, ids: &[RecordId]) -> Vec<String> {
    ids.iter()
        .filter_map(|id| skills.get(*id).map(|s| s.name.clone()))
        .collect()
}

/// Skills by id, for [`skill_names`].
pub fn skills_by_id(skills: &[Skill]) -> ById<'_, Skill> {
    ById::new(skills, |s| s.meta.id)
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
/// missing before the rest at equal demand, then by name. Names match
/// ignoring ASCII case (and, against the inventory, surrounding spaces, as
/// [`super::skill::find_by_name`] does).
pub fn gap_check(doc: &Document) -> Vec<Gap> {
    // Each name in the spelling of its first mention, with the active
    // applications asking for it (each once), in order of first mention.
    let mut demand: Vec<(String, Vec<RecordId>, BTreeSet<RecordId>)> = Vec::new();
    let mut by_name: BTreeMap<String, usize> = BTreeMap::new();
    let active = doc
        .applications
        .iter()
        .filter(|a: &&Application| a.stage().is_active());
    for app in active {
        for name in &app.required_skills {
            match by_name.get(&name.to_ascii_lowercase()) {
                Some(&i) => {
                    let (_, apps, seen) = &mut demand[i];
                    if seen.insert(app.meta.id) {
                        apps.push(app.meta.id);
                    }
                }
                None => {
                    by_name.insert(name.to_ascii_lowercase(), demand.len());
                    demand.push((name.clone(), vec![app.meta.id], [app.meta.id].into()));
                }
            }
        }
    }
    // The first skill of each name, as `find_by_name` finds it.
    let mut inventory: BTreeMap<String, &Skill> = BTreeMap::new();
    for s in &doc.skills {
        inventory.entry(s.name.to_ascii_lowercase()).or_insert(s);
    }
    let evidence = EvidenceIndex::new(&doc.entries);
    let mut gaps: Vec<Gap> = demand
        .into_iter()
        .filter_map(|(name, applications, _)| {
            let skill = inventory.get(&name.trim().to_ascii_lowercase()).copied();
            let (below_target, no_evidence) = match skill {
                None => (false, false),
                Some(s) => (s.below_target(), evidence.total(s) == 0),
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
    // Stable, as the comparison sort was: equal keys keep their order.
    gaps.sort_by_cached_key(|g| {
        (
            Reverse(g.demand),
            Reverse(g.missing()),
            g.name.to_lowercase(),
        )
    });
    gaps
}

/// Why the gap check lists nothing, so the page says what it needs
/// instead of disappearing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoGaps {
    /// No application is in an active stage (`closed` are rejected,
    /// withdrawn, ghosted or completed).
    NoActiveApplication { closed: usize },
    /// Active applications, none of which lists the skills it asks for.
    NoSkillsAsked { active: usize },
    /// Every skill asked for is in the inventory, at target, with evidence.
    AllCovered { asked: usize },
}

/// Why [`gap_check`] lists nothing (`None`: it lists something).
pub fn why_no_gaps(doc: &Document) -> Option<NoGaps> {
    if !gap_check(doc).is_empty() {
        return None;
    }
    let active: Vec<&Application> = doc
        .applications
        .iter()
        .filter(|a| a.stage().is_active())
        .collect();
    let mut asked: BTreeSet<String> = BTreeSet::new();
    for a in &active {
        asked.extend(
            a.required_skills
                .iter()
                .map(|n| n.trim().to_ascii_lowercase()),
        );
    }
    Some(if active.is_empty() {
        NoGaps::NoActiveApplication {
            closed: doc.applications.len(),
        }
    } else if asked.is_empty() {
        NoGaps::NoSkillsAsked {
            active: active.len(),
        }
    } else {
        NoGaps::AllCovered { asked: asked.len() }
    })
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
        closed
            .move_to(Stage::Rejected, day(9, 20), at(9, 20))
            .unwrap();
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

    /// Regression (issue 19, D): with no active application the gap check
    /// disappeared without a word. It says what it needs instead.
    #[test]
    fn the_gap_check_says_what_it_needs_when_it_lists_nothing() {
        let mut d = doc();
        assert_eq!(why_no_gaps(&d), None, "it lists gaps");
        // Every application closed or done.
        for (i, a) in d.applications.iter_mut().enumerate() {
            let stage = if i == 0 {
                Stage::Completed
            } else {
                Stage::Withdrawn
            };
            a.move_to(stage, day(11, 20), at(11, 20)).unwrap();
        }
        assert!(gap_check(&d).is_empty());
        assert_eq!(
            why_no_gaps(&d),
            Some(NoGaps::NoActiveApplication { closed: 3 })
        );
        let mut empty = d.clone();
        empty.applications.clear();
        assert_eq!(
            why_no_gaps(&empty),
            Some(NoGaps::NoActiveApplication { closed: 0 })
        );
        // Active, but asking for nothing.
        let mut fresh = app(30, "Gamma", "Intern", day(11, 1));
        fresh.required_skills.clear();
        d.applications.push(fresh);
        assert_eq!(why_no_gaps(&d), Some(NoGaps::NoSkillsAsked { active: 1 }));
        // Asking only for what the student has, at target, with evidence.
        d.applications[3].required_skills = vec!["excel".into(), " Excel".into()];
        d.skills[0].target = Some(3);
        assert_eq!(why_no_gaps(&d), Some(NoGaps::AllCovered { asked: 1 }));
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

    /// The gap check as it was, with a scan per name, per skill and per
    /// entry: the reference the indexed one must agree with.
    fn gap_check_by_scanning(doc: &Document) -> Vec<Gap> {
        let mut demand: Vec<(String, Vec<RecordId>)> = Vec::new();
        for app in doc.applications.iter().filter(|a| a.stage().is_active()) {
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
                let skill = crate::domain::skill::find_by_name(&doc.skills, &name);
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

    /// A document full of what makes joins go wrong: duplicate ids, a skill
    /// listed twice by one entry, ids of no skill, names in several cases
    /// and with spaces, non-ASCII names, an application listed twice.
    fn tangled(seed: u64) -> Document {
        let mut next = crate::domain::index::seeded(seed);
        let names = ["Excel", "SQL", "Writing", "Ärger", "ärger", "Python", "R"];
        let spell = |name: &str, how: u64| match how {
            0 => name.to_owned(),
            1 => name.to_ascii_lowercase(),
            2 => name.to_ascii_uppercase(),
            _ => format!(" {name} "),
        };
        let mut d = doc();
        let mut skills = Vec::new();
        for i in 0..40u8 {
            let name = format!("{} {}", names[next(7) as usize], next(12));
            let mut s = skill(
                100 + i,
                &spell(&name, next(3)),
                Some(next(6) as u8).filter(|l| *l > 0),
                Some(next(6) as u8).filter(|t| *t > 0),
            );
            s.category = SkillCategory::ALL[next(SkillCategory::ALL.len() as u64) as usize];
            if next(5) == 0 {
                s.evidence = d.skills[2].evidence.clone();
            }
            if next(8) == 0 {
                s.meta.id = skills.last().map_or(s.meta.id, |p: &Skill| p.meta.id);
            }
            skills.push(s);
        }
        d.skills.extend(skills);
        let ids: Vec<RecordId> = d.skills.iter().map(|s| s.meta.id).collect();
        for i in 0..30u8 {
            let listed: Vec<&Skill> = Vec::new();
            let mut e = entry(
                150 + i,
                &format!("Entry {i}"),
                day(1 + next(12) as u32, 1 + next(28) as u32),
                &listed,
            );
            for _ in 0..next(12) {
                e.skills.push(match next(10) {
                    0 => RecordId::from_random_bytes([250; 16]),
                    _ => ids[next(ids.len() as u64) as usize],
                });
            }
            if let Some(&first) = e.skills.first() {
                if next(3) == 0 {
                    e.skills.push(first);
                }
            }
            d.entries.push(e);
        }
        for i in 0..20u8 {
            let mut a = app(200 + i, "Org", "Role", day(10, 1));
            for _ in 0..next(8) {
                let name = format!("{} {}", names[next(7) as usize], next(12));
                a.required_skills.push(spell(&name, next(4)));
            }
            if next(4) == 0 {
                a.move_to(Stage::Rejected, day(10, 5), at(10, 5)).unwrap();
            }
            if next(6) == 0 {
                d.applications.push(a.clone());
            }
            d.applications.push(a);
        }
        d
    }

    #[test]
    fn the_indexed_joins_agree_with_a_scan_on_tangled_data() {
        for seed in 0..40 {
            let d = tangled(seed);
            assert_eq!(gap_check(&d), gap_check_by_scanning(&d), "seed {seed}");

            let index = EvidenceIndex::new(&d.entries);
            for s in &d.skills {
                assert_eq!(index.evidence(s), evidence(s, &d.entries), "seed {seed}");
                assert_eq!(index.unbacked(s), unbacked(s, &d.entries), "seed {seed}");
            }

            let groups = skill_groups(&d.skills, &d.entries);
            let expected: Vec<(SkillCategory, Vec<SkillRow>)> = SkillCategory::ALL
                .into_iter()
                .filter_map(|cat| {
                    let mut in_cat: Vec<&Skill> =
                        d.skills.iter().filter(|s| s.category == cat).collect();
                    in_cat.sort_by_key(|s| s.name.to_lowercase());
                    let rows: Vec<SkillRow> = in_cat
                        .into_iter()
                        .map(|s| {
                            let ev = evidence(s, &d.entries);
                            SkillRow {
                                id: s.meta.id,
                                name: s.name.clone(),
                                level: s.level,
                                target: s.target,
                                entries: ev.entries.len(),
                                manual: ev.manual,
                                unbacked: unbacked(s, &d.entries),
                            }
                        })
                        .collect();
                    (!rows.is_empty()).then_some((cat, rows))
                })
                .collect();
            assert_eq!(groups, expected, "seed {seed}");

            let mut used: Vec<(RecordId, String)> = d
                .skills
                .iter()
                .filter(|s| d.entries.iter().any(|e| e.skills.contains(&s.meta.id)))
                .map(|s| (s.meta.id, s.name.clone()))
                .collect();
            used.sort_by_key(|(_, n)| n.to_lowercase());
            assert_eq!(skills_in_use(&d.skills, &d.entries), used, "seed {seed}");

            let by_id = skills_by_id(&d.skills);
            for e in &d.entries {
                let scanned: Vec<String> = e
                    .skills
                    .iter()
                    .filter_map(|id| d.skill(*id).map(|s| s.name.clone()))
                    .collect();
                assert_eq!(skill_names(&by_id, &e.skills), scanned, "seed {seed}");
            }
        }
    }

    /// Regression: the Skills and Portfolio pages and the gap check joined
    /// skills to entries with a scan per skill, per entry and per reference
    /// (skills × entries × references), and the gap check's names with a
    /// scan per name: a backup of this shape took the student's own Skills
    /// and Portfolio views about 9 s, and far longer here (minutes). Indexed
    /// once, it is one pass; the output is checked against what the shape
    /// implies.
    #[test]
    fn a_large_inventory_is_joined_by_index_not_skills_times_entries_times_references() {
        const SKILLS: usize = 20_000;
        const ENTRIES: usize = 20;
        const APPS: usize = 100;
        const ASKED: usize = 500;
        const NO_ENTRY: usize = 1_000;
        // Skill j is shown by entry i unless (i + j) % 7 == 0; the last
        // NO_ENTRY skills by none.
        let shows = |i: usize, j: usize| j < SKILLS - NO_ENTRY && (i + j) % 7 != 0;
        let big = move || {
            let t = at(1, 1);
            let sid = |j: usize| {
                let mut b = [0u8; 16];
                b[..8].copy_from_slice(&(j as u64).to_le_bytes());
                RecordId::from_random_bytes(b)
            };
            let mut d = Document::new(t, RecordId::from_random_bytes([99; 16]));
            d.skills = (0..SKILLS)
                .map(|j| {
                    let mut s = Skill::new(Meta::new(sid(j), t), format!("Skill {j}"));
                    s.level = Some((j % 5 + 1) as u8);
                    s.target = (j % 3 == 0).then_some(4);
                    s.category = SkillCategory::ALL[j % SkillCategory::ALL.len()];
                    s
                })
                .collect();
            d.entries = (0..ENTRIES)
                .map(|i| {
                    let mut e = PortfolioEntry::new(Meta::new(sid(SKILLS + i), t));
                    e.title = format!("Entry {i}");
                    e.end_date = Some(day(1 + (i % 12) as u32, 1 + (i % 28) as u32));
                    e.skills = (0..SKILLS).filter(|&j| shows(i, j)).map(sid).collect();
                    e
                })
                .collect();
            // Application a asks for names a*ASKED/2 .. a*ASKED/2 + ASKED, in
            // lower case, so names overlap between neighbours; past SKILLS
            // they are missing from the inventory.
            d.applications = (0..APPS)
                .map(|a| {
                    let mut app = crate::domain::application::new_application(
                        sid(2 * SKILLS + a),
                        t,
                        day(10, 1),
                    );
                    let from = a * ASKED / 2;
                    app.required_skills =
                        (from..from + ASKED).map(|k| format!("skill {k}")).collect();
                    app
                })
                .collect();
            let groups = skill_groups(&d.skills, &d.entries);
            let used = skills_in_use(&d.skills, &d.entries);
            let by_id = skills_by_id(&d.skills);
            let names: Vec<Vec<String>> = d
                .entries
                .iter()
                .map(|e| skill_names(&by_id, &e.skills))
                .collect();
            let gaps = gap_check(&d);
            (d, groups, used, names, gaps)
        };
        let (d, groups, used, names, gaps) = crate::domain::index::finishes_within(60, big);

        // Every skill once, in its category, by name, with the count the
        // shape gives.
        assert_eq!(
            groups.iter().map(|(_, rows)| rows.len()).sum::<usize>(),
            SKILLS
        );
        for (cat, rows) in &groups {
            assert!(rows
                .windows(2)
                .all(|w| w[0].name.to_lowercase() <= w[1].name.to_lowercase()));
            for row in rows {
                let j: usize = row.name["Skill ".len()..].parse().unwrap();
                assert_eq!(*cat, SkillCategory::ALL[j % SkillCategory::ALL.len()]);
                let count = (0..ENTRIES).filter(|&i| shows(i, j)).count();
                assert_eq!(row.entries, count, "{}", row.name);
                assert_eq!(row.unbacked, count == 0 && j % 5 + 1 >= 3, "{}", row.name);
            }
        }
        assert_eq!(used.len(), SKILLS - NO_ENTRY);
        for (i, list) in names.iter().enumerate() {
            assert_eq!(list.len(), (0..SKILLS).filter(|&j| shows(i, j)).count());
        }
        // The evidence of a skill, as the Skill page's single scan gives it.
        let index = EvidenceIndex::new(&d.entries);
        for j in [0, 1, 7, SKILLS - NO_ENTRY - 1, SKILLS - 1] {
            assert_eq!(
                index.evidence(&d.skills[j]),
                evidence(&d.skills[j], &d.entries)
            );
        }

        // The gap check: every name asked for that is missing, below
        // target or unshown, with its demand; ranked.
        let asked = APPS * ASKED / 2 + ASKED / 2;
        let expected: Vec<(String, usize, &str)> = (0..asked)
            .filter_map(|k| {
                let demand = (0..APPS)
                    .filter(|a| (a * ASKED / 2..a * ASKED / 2 + ASKED).contains(&k))
                    .count();
                let (name, why) = if k >= SKILLS {
                    (format!("skill {k}"), "Not in your inventory")
                } else {
                    let below = k % 3 == 0 && k % 5 + 1 < 4;
                    let unshown = (0..ENTRIES).all(|i| !shows(i, k));
                    let why = match (below, unshown) {
                        (false, false) => return None,
                        (true, true) => "Below your target, no evidence yet",
                        (true, false) => "Below your target",
                        (false, true) => "No evidence yet",
                    };
                    (format!("Skill {k}"), why)
                };
                Some((name, demand, why))
            })
            .collect();
        let mut got: Vec<(String, usize, &str)> = gaps
            .iter()
            .map(|g| (g.name.clone(), g.demand, g.describe()))
            .collect();
        assert!(gaps.windows(2).all(|w| {
            (w[0].demand, w[0].missing()) > (w[1].demand, w[1].missing())
                || ((w[0].demand, w[0].missing()) == (w[1].demand, w[1].missing())
                    && w[0].name.to_lowercase() <= w[1].name.to_lowercase())
        }));
        got.sort();
        let mut expected = expected;
        expected.sort();
        assert_eq!(got, expected);
    }
}
