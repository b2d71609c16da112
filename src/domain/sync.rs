//! The synced copy's rules: a backup file the student keeps in a folder
//! their cloud drive syncs, read and written by this browser. Pure: the UI
//! (`ui/sync_file.rs`) reads and writes the file and decides when; this
//! decides what.
//!
//! Per synced file the browser keeps the **base**: the last version both
//! sides had (what it last read from the file or wrote to it). Then, for
//! what the file holds now and what this browser holds now:
//!
//! | file vs base | here vs base | step |
//! | --- | --- | --- |
//! | same | same | nothing |
//! | same | changed | write here's data to the file |
//! | changed | same | take the file's data |
//! | changed | changed | three-way merge (`merge3`), show conflicts, take and write the merge |
//!
//! Without a base (a file just picked, or "Open a synced copy"), the file
//! is merged into what is here after a preview, like a restore, and the
//! result becomes the base. "Same" ignores the save counter (`revision`),
//! which is each browser's own.

use super::merge::{merge3, Conflict};
use super::Document;

/// What to do after reading the file.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// Both hold the base: nothing to write or take.
    InStep,
    /// Only this browser changed: write its data to the file.
    Write,
    /// Only the file changed: take its data here (nothing to write).
    Take(Box<Document>),
    /// Both changed: take the merge here and write it to the file.
    Merge {
        doc: Box<Document>,
        conflicts: Vec<Conflict>,
    },
}

/// Whether two documents hold the same data (the save counter aside).
pub fn same_data(a: &Document, b: &Document) -> bool {
    if a.revision == b.revision {
        return a == b;
    }
    let mut b = b.clone();
    b.revision = a.revision;
    *a == b
}

/// The step for `here` and `file`, both descended from `base`.
pub fn reconcile(base: &Document, here: &Document, file: &Document) -> Step {
    match (same_data(file, base), same_data(here, base)) {
        (true, true) => Step::InStep,
        (true, false) => Step::Write,
        (false, true) => {
            let mut taken = file.clone();
            taken.revision = here.revision;
            Step::Take(Box::new(taken))
        }
        (false, false) if same_data(here, file) => Step::InStep,
        (false, false) => {
            let (mut doc, conflicts) = merge3(base, here, file);
            doc.revision = here.revision;
            Step::Merge {
                doc: Box::new(doc),
                conflicts,
            }
        }
    }
}

/// What this browser does once a step is done: the new base, and what it
/// writes to the file (`None`: nothing). After `Take`, the base is the
/// file's data; after `Write`, `Merge` and an import, what was written.
pub fn after(step: &Step, here: &Document) -> (Document, Option<Document>) {
    match step {
        Step::InStep => (here.clone(), None),
        Step::Write => (here.clone(), Some(here.clone())),
        Step::Take(doc) => ((**doc).clone(), None),
        Step::Merge { doc, .. } => ((**doc).clone(), Some((**doc).clone())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::application::tests::{app, at, day};
    use crate::domain::RecordId;

    fn base() -> Document {
        let mut d = Document::new(at(1, 1), RecordId::from_random_bytes([9; 16]));
        d.applications = vec![
            app(1, "Acme", "Research", day(10, 1)),
            app(2, "Beta", "Clean-up", day(10, 2)),
        ];
        d
    }

    fn edit(doc: &Document, i: usize, notes: &str, when: u32) -> Document {
        let mut d = doc.clone();
        d.applications[i].notes = notes.into();
        d.applications[i].meta.touch(at(2, when));
        d
    }

    #[test]
    fn nothing_changed_means_nothing_to_do_whatever_the_save_counters() {
        let b = base();
        let mut here = b.clone();
        here.revision = 17;
        assert_eq!(reconcile(&b, &here, &b), Step::InStep);
        assert_eq!(after(&Step::InStep, &here).1, None);
    }

    #[test]
    fn a_change_here_only_is_written_to_the_file() {
        let b = base();
        let here = edit(&b, 0, "here", 1);
        assert_eq!(reconcile(&b, &here, &b), Step::Write);
        let (new_base, write) = after(&Step::Write, &here);
        assert_eq!(write, Some(here.clone()));
        assert_eq!(new_base, here);
    }

    #[test]
    fn a_change_in_the_file_only_is_taken_and_not_written_back() {
        let b = base();
        let mut here = b.clone();
        here.revision = 5;
        let mut file = edit(&b, 1, "other device", 1);
        file.revision = 99;
        let step = reconcile(&b, &here, &file);
        let Step::Take(doc) = &step else {
            panic!("{step:?}")
        };
        assert_eq!(doc.applications[1].notes, "other device");
        // This browser's save counter stays its own.
        assert_eq!(doc.revision, 5);
        let (new_base, write) = after(&step, &here);
        assert_eq!(write, None);
        assert!(same_data(&new_base, &file));
    }

    #[test]
    fn changes_on_both_sides_to_different_records_both_survive_and_are_written() {
        let b = base();
        let here = edit(&b, 0, "here", 1);
        let file = edit(&b, 1, "other device", 2);
        let step = reconcile(&b, &here, &file);
        let Step::Merge { doc, conflicts } = &step else {
            panic!("{step:?}")
        };
        assert!(conflicts.is_empty());
        let notes: Vec<_> = doc.applications.iter().map(|a| a.notes.as_str()).collect();
        assert_eq!(notes, ["here", "other device"]);
        let (new_base, write) = after(&step, &here);
        assert_eq!(write.as_ref(), Some(&**doc));
        assert_eq!(&new_base, &**doc);
    }

    #[test]
    fn the_same_record_changed_on_both_sides_is_a_conflict_the_later_change_kept() {
        let b = base();
        let here = edit(&b, 0, "here, earlier", 1);
        let file = edit(&b, 0, "other device, later", 3);
        let Step::Merge { doc, conflicts } = reconcile(&b, &here, &file) else {
            panic!()
        };
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0].kind, "application");
        assert_eq!(doc.applications[0].notes, "other device, later");
    }

    #[test]
    fn the_same_change_on_both_sides_is_in_step() {
        // Regression guard: two devices that both took one merge must not
        // write it back and forth for ever.
        let b = base();
        let here = edit(&b, 0, "same", 1);
        let mut file = here.clone();
        file.revision = 40;
        assert_eq!(reconcile(&b, &here, &file), Step::InStep);
    }
}
