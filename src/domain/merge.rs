//! Three-way merge of documents, for two tabs (or a tab and a restored
//! backup) that changed the same stored data. Records merge by id against
//! the common `base`: a change on one side wins over no change on the
//! other; when both sides changed one record, the later `updated` wins and
//! the conflict is reported, never hidden.

use super::record::{Meta, RecordId};
use super::Document;

/// A record changed on both sides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// "application", "contact", ...
    pub kind: &'static str,
    pub title: String,
    /// What was kept, in words.
    pub outcome: &'static str,
}

/// Anything with record metadata and a title to report.
pub trait Record: Clone + PartialEq {
    fn meta(&self) -> &Meta;
    fn title(&self) -> String;
}

impl Record for super::Application {
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn title(&self) -> String {
        Self::title(self)
    }
}

impl Record for super::Contact {
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn title(&self) -> String {
        self.name.clone()
    }
}

impl Record for super::PortfolioEntry {
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn title(&self) -> String {
        self.title.clone()
    }
}

impl Record for super::Skill {
    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn title(&self) -> String {
        self.name.clone()
    }
}

fn find<T: Record>(list: &[T], id: RecordId) -> Option<&T> {
    list.iter().find(|r| r.meta().id == id)
}

/// Merges one collection; the result keeps `theirs`' order, then records
/// only `ours` has.
fn merge_list<T: Record>(
    kind: &'static str,
    base: &[T],
    ours: &[T],
    theirs: &[T],
    conflicts: &mut Vec<Conflict>,
) -> Vec<T> {
    let mut out = Vec::new();
    let mut ids: Vec<RecordId> = theirs.iter().map(|r| r.meta().id).collect();
    ids.extend(
        ours.iter()
            .map(|r| r.meta().id)
            .filter(|id| find(theirs, *id).is_none()),
    );
    for id in ids {
        let (b, o, t) = (find(base, id), find(ours, id), find(theirs, id));
        let pick = match (b, o, t) {
            (_, Some(o), Some(t)) if o == t => Some(o.clone()),
            (Some(b), Some(o), Some(t)) if o == b => Some(t.clone()),
            (Some(b), Some(o), Some(t)) if t == b => Some(o.clone()),
            (_, Some(o), Some(t)) => {
                let keep_ours = o.meta().updated > t.meta().updated;
                conflicts.push(Conflict {
                    kind,
                    title: if keep_ours { o.title() } else { t.title() },
                    outcome: "changed in two places; the later change was kept",
                });
                Some(if keep_ours { o.clone() } else { t.clone() })
            }
            // Deleted on one side.
            (Some(b), Some(o), None) if o == b => None,
            (Some(_), Some(o), None) => {
                conflicts.push(Conflict {
                    kind,
                    title: o.title(),
                    outcome: "deleted elsewhere but changed here; kept",
                });
                Some(o.clone())
            }
            (Some(b), None, Some(t)) if t == b => None,
            (Some(_), None, Some(t)) => {
                conflicts.push(Conflict {
                    kind,
                    title: t.title(),
                    outcome: "deleted here but changed elsewhere; kept",
                });
                Some(t.clone())
            }
            // New on one side.
            (None, Some(o), None) => Some(o.clone()),
            (None, None, Some(t)) => Some(t.clone()),
            (_, None, None) => None,
        };
        out.extend(pick);
    }
    out
}

/// Merges `ours` and `theirs`, both descended from `base`.
pub fn merge3(base: &Document, ours: &Document, theirs: &Document) -> (Document, Vec<Conflict>) {
    let mut conflicts = Vec::new();
    let mut doc = theirs.clone();
    doc.applications = merge_list(
        "application",
        &base.applications,
        &ours.applications,
        &theirs.applications,
        &mut conflicts,
    );
    doc.contacts = merge_list(
        "contact",
        &base.contacts,
        &ours.contacts,
        &theirs.contacts,
        &mut conflicts,
    );
    doc.entries = merge_list(
        "portfolio entry",
        &base.entries,
        &ours.entries,
        &theirs.entries,
        &mut conflicts,
    );
    doc.skills = merge_list(
        "skill",
        &base.skills,
        &ours.skills,
        &theirs.skills,
        &mut conflicts,
    );
    doc.profile = match (ours.profile == base.profile, theirs.profile == base.profile) {
        (true, _) => theirs.profile.clone(),
        (false, true) => ours.profile.clone(),
        (false, false) if ours.profile == theirs.profile => ours.profile.clone(),
        (false, false) => {
            conflicts.push(Conflict {
                kind: "profile",
                title: "Your profile".into(),
                outcome: "changed in two places; the later change was kept",
            });
            if ours.profile.meta.updated > theirs.profile.meta.updated {
                ours.profile.clone()
            } else {
                theirs.profile.clone()
            }
        }
    };
    if ours.settings != base.settings {
        doc.settings = ours.settings.clone();
    }
    doc.created = ours.created.min(theirs.created);
    doc.updated = ours.updated.max(theirs.updated);
    doc.revision = theirs.revision;
    (doc, conflicts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::application::tests::{app, at, day};

    fn base() -> Document {
        let mut d = Document::new(at(1, 1), RecordId::from_random_bytes([9; 16]));
        d.applications = vec![
            app(1, "Acme", "Research", day(10, 1)),
            app(2, "Beta", "Clean-up", day(10, 2)),
        ];
        d
    }

    #[test]
    fn edits_to_different_records_in_two_tabs_both_survive() {
        let b = base();
        let mut ours = b.clone();
        ours.applications[0].notes = "ours".into();
        ours.applications[0].meta.touch(at(2, 1));
        let mut theirs = b.clone();
        theirs.applications[1].notes = "theirs".into();
        theirs.applications[1].meta.touch(at(2, 2));
        theirs
            .applications
            .push(app(3, "City", "Survey", day(10, 3)));
        let (merged, conflicts) = merge3(&b, &ours, &theirs);
        assert!(conflicts.is_empty());
        let notes: Vec<_> = merged
            .applications
            .iter()
            .map(|a| a.notes.as_str())
            .collect();
        assert_eq!(notes, ["ours", "theirs", ""]);
    }

    #[test]
    fn the_same_record_changed_twice_keeps_the_later_change_and_says_so() {
        let b = base();
        let mut ours = b.clone();
        ours.applications[0].notes = "earlier".into();
        ours.applications[0].meta.touch(at(2, 1));
        let mut theirs = b.clone();
        theirs.applications[0].notes = "later".into();
        theirs.applications[0].meta.touch(at(2, 5));
        let (merged, conflicts) = merge3(&b, &ours, &theirs);
        assert_eq!(merged.applications[0].notes, "later");
        assert_eq!(conflicts.len(), 1);
        assert_eq!(
            (conflicts[0].kind, conflicts[0].title.as_str()),
            ("application", "Acme — Research")
        );
    }

    #[test]
    fn deletions_merge_and_a_change_beats_a_delete() {
        let b = base();
        let mut ours = b.clone();
        ours.applications.remove(1); // deleted here
        let mut theirs = b.clone();
        theirs.applications.remove(0); // deleted there
        let (merged, conflicts) = merge3(&b, &ours, &theirs);
        assert!(merged.applications.is_empty() && conflicts.is_empty());
        let mut changed = b.clone();
        changed.applications[0].notes = "still wanted".into();
        let (merged, conflicts) = merge3(&b, &changed, &theirs);
        let kept: Vec<_> = merged
            .applications
            .iter()
            .map(|a| (a.organization.as_str(), a.notes.as_str()))
            .collect();
        assert_eq!(
            kept,
            [("Beta", ""), ("Acme", "still wanted")],
            "Acme kept: changed here, deleted there"
        );
        assert_eq!(
            conflicts[0].outcome,
            "deleted elsewhere but changed here; kept"
        );
    }

    #[test]
    fn the_profile_and_settings_merge_too() {
        let b = base();
        let mut ours = b.clone();
        ours.settings.pay_floor.cents = 2500;
        let mut theirs = b.clone();
        theirs.profile.name = "Ada".into();
        theirs.profile.meta.touch(at(3, 1));
        let (merged, conflicts) = merge3(&b, &ours, &theirs);
        assert!(conflicts.is_empty());
        assert_eq!(
            (
                merged.profile.name.as_str(),
                merged.settings.pay_floor.cents
            ),
            ("Ada", 2500)
        );
    }
}
