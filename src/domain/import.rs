//! Restoring a backup into the current data: a preview of what the file
//! holds against what is here, then either **merge** (by record id; where
//! both have a record, the newer `updated` wins, and the report says which
//! was kept) or **replace**. The file has already been read by
//! [`crate::domain::decode`] (caps, migrations, shape checks).

use super::merge::Record;
use super::Document;

/// Per kind of record: what the file brings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KindPreview {
    pub kind: &'static str,
    pub in_file: usize,
    /// Not here yet.
    pub new: usize,
    /// Here already, identical.
    pub same: usize,
    /// Here already, different (merge keeps the newer).
    pub different: usize,
}

fn preview_list<T: Record>(kind: &'static str, here: &[T], file: &[T]) -> KindPreview {
    let mut p = KindPreview {
        kind,
        in_file: file.len(),
        ..Default::default()
    };
    for r in file {
        match here.iter().find(|h| h.meta().id == r.meta().id) {
            None => p.new += 1,
            Some(h) if h == r => p.same += 1,
            Some(_) => p.different += 1,
        }
    }
    p
}

/// What importing `file` into `here` would do.
pub fn preview(here: &Document, file: &Document) -> Vec<KindPreview> {
    vec![
        preview_list("applications", &here.applications, &file.applications),
        preview_list("contacts", &here.contacts, &file.contacts),
        preview_list("portfolio entries", &here.entries, &file.entries),
        preview_list("skills", &here.skills, &file.skills),
    ]
}

/// What a merge kept where both sides had a record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub added: usize,
    /// Titles of records replaced by the file's newer version.
    pub updated_from_file: Vec<String>,
    /// Titles of records kept as they were here (newer than the file's).
    pub kept_here: Vec<String>,
}

fn merge_list<T: Record>(here: &mut Vec<T>, file: &[T], report: &mut MergeReport) {
    for r in file {
        match here.iter_mut().find(|h| h.meta().id == r.meta().id) {
            None => {
                here.push(r.clone());
                report.added += 1;
            }
            Some(h) if h == r => {}
            Some(h) if r.meta().updated > h.meta().updated => {
                report.updated_from_file.push(r.title());
                *h = r.clone();
            }
            Some(h) => report.kept_here.push(h.title()),
        }
    }
}

/// Merges the file into the current data; returns the result and a report.
pub fn merge_in(here: &Document, file: &Document) -> (Document, MergeReport) {
    let mut doc = here.clone();
    let mut report = MergeReport::default();
    merge_list(&mut doc.contacts, &file.contacts, &mut report);
    merge_list(&mut doc.skills, &file.skills, &mut report);
    merge_list(&mut doc.applications, &file.applications, &mut report);
    merge_list(&mut doc.entries, &file.entries, &mut report);
    // A blank profile here (a fresh browser's) was never written by the
    // student: it is not "newer" than the file's.
    let blank_here = doc.profile.is_blank() && !file.profile.is_blank();
    if file.profile != doc.profile
        && (blank_here || file.profile.meta.updated > doc.profile.meta.updated)
    {
        report.updated_from_file.push("Your profile".into());
        doc.profile = file.profile.clone();
    }
    // Links to records that neither side has any more are dropped.
    for app in &mut doc.applications {
        app.contacts
            .retain(|id| here.contact(*id).is_some() || file.contact(*id).is_some());
    }
    doc.updated = here.updated.max(file.updated);
    (doc, report)
}

/// The file's data in place of the current data (the save counter and
/// creation time stay this browser's).
pub fn replace_with(here: &Document, file: &Document) -> Document {
    let mut doc = file.clone();
    doc.revision = here.revision;
    doc.created = here.created.min(file.created);
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::application::tests::{app, at, day};
    use crate::domain::RecordId;

    fn here_and_file() -> (Document, Document) {
        let mut here = Document::new(at(1, 1), RecordId::from_random_bytes([9; 16]));
        here.applications = vec![
            app(1, "Acme", "Research", day(10, 1)),
            app(2, "Beta", "Clean-up", day(10, 2)),
        ];
        let mut file = here.clone();
        // Acme: newer in the file. Beta: newer here. City: only in the file.
        file.applications[0].notes = "from the backup".into();
        file.applications[0].meta.touch(at(5, 1));
        here.applications[1].notes = "edited here".into();
        here.applications[1].meta.touch(at(6, 1));
        file.applications[1].notes = "older backup".into();
        file.applications[1].meta.touch(at(4, 1));
        file.applications.push(app(3, "City", "Survey", day(10, 3)));
        (here, file)
    }

    #[test]
    fn the_preview_counts_new_same_and_different_records() {
        let (here, file) = here_and_file();
        let p = &preview(&here, &file)[0];
        assert_eq!((p.in_file, p.new, p.same, p.different), (3, 1, 0, 2));
        assert_eq!(preview(&here, &here)[0].same, 2);
    }

    #[test]
    fn merging_keeps_the_newer_version_of_each_record_and_says_which() {
        let (here, file) = here_and_file();
        let (doc, report) = merge_in(&here, &file);
        let notes: Vec<_> = doc.applications.iter().map(|a| a.notes.as_str()).collect();
        assert_eq!(notes, ["from the backup", "edited here", ""]);
        assert_eq!(report.added, 1);
        assert_eq!(report.updated_from_file, ["Acme — Research"]);
        assert_eq!(report.kept_here, ["Beta — Clean-up"]);
    }

    #[test]
    fn replacing_takes_the_file_but_keeps_the_save_counter() {
        let (mut here, file) = here_and_file();
        here.revision = 41;
        let doc = replace_with(&here, &file);
        assert_eq!(doc.applications, file.applications);
        assert_eq!(doc.revision, 41);
    }

    #[test]
    fn merging_into_a_fresh_browser_takes_the_files_profile() {
        // Regression (issue 22): a transfer link merged into a new browser
        // kept its blank profile, created after the file's was last edited.
        let (mut file, _) = here_and_file();
        file.profile.name = "Ada Student".into();
        file.profile.meta.touch(at(2, 1));
        let fresh = Document::new(at(9, 1), RecordId::from_random_bytes([3; 16]));
        let (doc, report) = merge_in(&fresh, &file);
        assert_eq!(doc.profile.name, "Ada Student");
        assert_eq!(report.updated_from_file, ["Your profile"]);
        // A profile the student filled in here stays when it is newer.
        let mut here = fresh.clone();
        here.profile.name = "Ada Here".into();
        assert_eq!(merge_in(&here, &file).0.profile.name, "Ada Here");
    }

    #[test]
    fn merging_a_backup_of_the_same_data_changes_nothing() {
        let (here, _) = here_and_file();
        let (doc, report) = merge_in(&here, &here.clone());
        assert_eq!(doc, here);
        assert_eq!(report, MergeReport::default());
    }
}
