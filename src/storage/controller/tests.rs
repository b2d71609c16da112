//! Two tabs of one browser are two controllers on one [`Memory`] store.

use super::*;
use crate::domain::application::tests::{app, at, day};
use crate::domain::{encode, RecordId, SCHEMA_VERSION};
use crate::storage::{open, Memory, Opened};
use std::rc::Rc;

const KEY: &str = "microfolio:/:document";

fn doc() -> Document {
    let mut d = Document::new(at(1, 1), RecordId::from_random_bytes([9; 16]));
    d.applications = vec![
        app(1, "Acme", "Research", day(10, 1)),
        app(2, "Beta", "Clean-up", day(10, 2)),
    ];
    d
}

/// A tab opening the app: what `ui::app` does at start-up.
fn tab(store: &Rc<Memory>, nonce: &str) -> (SaveController<Rc<Memory>>, Document) {
    match open(store, KEY, nonce).unwrap() {
        Opened::Empty(writer) => {
            let d = doc();
            (
                SaveController::new(store.clone(), writer, d.clone(), None),
                d,
            )
        }
        Opened::Ready(d, writer, stored) => (
            SaveController::new(store.clone(), writer, d.clone(), Some(stored)),
            d,
        ),
        Opened::Unreadable(u) => panic!("unreadable: {}", u.error()),
    }
}

fn saved(outcome: Outcome) -> Saved {
    match outcome {
        Outcome::Saved(s) => s,
        other => panic!("not saved: {other:?}"),
    }
}

fn reopened(store: &Rc<Memory>) -> Document {
    tab(store, "check").1
}

#[test]
fn a_save_is_read_back_whole_and_counts_revisions() {
    let store = Rc::new(Memory::new());
    let (mut c, mut d) = tab(&store, "a");
    let s = saved(c.save(&d));
    assert_eq!((s.revision, s.merged, s.conflicts.len()), (1, None, 0));
    d.revision = s.revision;
    d.applications[0].notes = "second".into();
    assert_eq!(saved(c.save(&d)).revision, 2);
    let back = reopened(&store);
    assert_eq!(back.applications[0].notes, "second");
    assert_eq!(back.revision, 2);
}

#[test]
fn two_tabs_editing_different_records_both_keep_their_edits() {
    let store = Rc::new(Memory::new());
    let (mut first, d) = tab(&store, "a");
    saved(first.save(&d));
    let (mut a, mut ours) = tab(&store, "a");
    let (mut b, mut theirs) = tab(&store, "b");
    theirs.applications[1].notes = "from b".into();
    theirs.applications[1].meta.touch(at(2, 2));
    saved(b.save(&theirs));
    ours.applications[0].notes = "from a".into();
    ours.applications[0].meta.touch(at(2, 3));
    let s = saved(a.save(&ours));
    assert!(s.conflicts.is_empty());
    let merged = s.merged.expect("tab a is given b's edit to show");
    assert_eq!(merged.applications[1].notes, "from b");
    assert_eq!(merged.applications[0].notes, "from a");
    let back = reopened(&store);
    assert_eq!(
        (
            back.applications[0].notes.as_str(),
            back.applications[1].notes.as_str()
        ),
        ("from a", "from b")
    );
    assert!(back.revision > theirs.revision);
}

#[test]
fn the_same_record_changed_in_two_tabs_is_reported_as_a_conflict() {
    let store = Rc::new(Memory::new());
    let (mut first, d) = tab(&store, "a");
    saved(first.save(&d));
    let (mut a, mut ours) = tab(&store, "a");
    let (mut b, mut theirs) = tab(&store, "b");
    theirs.applications[0].notes = "later".into();
    theirs.applications[0].meta.touch(at(2, 5));
    saved(b.save(&theirs));
    ours.applications[0].notes = "earlier".into();
    ours.applications[0].meta.touch(at(2, 1));
    let s = saved(a.save(&ours));
    assert_eq!(s.conflicts.len(), 1);
    assert_eq!(s.conflicts[0].title, "Acme — Research");
    assert_eq!(reopened(&store).applications[0].notes, "later");
}

#[test]
fn another_tabs_save_is_taken_in_and_a_known_one_is_not() {
    let store = Rc::new(Memory::new());
    let (mut first, d) = tab(&store, "a");
    saved(first.save(&d));
    let (mut a, _) = tab(&store, "a");
    let (mut b, mut theirs) = tab(&store, "b");
    theirs.applications[0].notes = "from b".into();
    saved(b.save(&theirs));
    let raw = store.get(KEY).unwrap();
    assert_eq!(
        a.on_remote(Some("other:key"), raw.as_deref()),
        Remote::Nothing
    );
    match a.on_remote(Some(KEY), raw.as_deref()) {
        Remote::Take(doc) => assert_eq!(doc.applications[0].notes, "from b"),
        other => panic!("{other:?}"),
    }
    // The same text again is already known.
    assert_eq!(a.on_remote(Some(KEY), raw.as_deref()), Remote::Nothing);
    // B's own save is what b wrote.
    assert_eq!(b.on_remote(Some(KEY), raw.as_deref()), Remote::Nothing);
}

#[test]
fn a_newer_version_in_storage_makes_the_tab_read_only_and_is_never_written_over() {
    let store = Rc::new(Memory::new());
    let (mut a, mut ours) = tab(&store, "a");
    saved(a.save(&ours));
    let mut newer = serde_json::from_str::<serde_json::Value>(&encode(&doc())).unwrap();
    newer["schema_version"] = (SCHEMA_VERSION + 1).into();
    store.set(KEY, &newer.to_string()).unwrap();
    let before = store.dump();
    ours.applications[0].notes = "would overwrite".into();
    let Outcome::ReadOnly(why) = a.save(&ours) else {
        panic!("saved over newer data")
    };
    assert!(why.contains("newer version"), "{why}");
    assert!(a.is_read_only());
    // Later saves and other tabs' saves do nothing either.
    assert!(matches!(a.save(&ours), Outcome::ReadOnly(_)));
    assert_eq!(a.on_remote(Some(KEY), Some("{}")), Remote::Nothing);
    assert_eq!(store.dump(), before);
}

#[test]
fn damaged_data_written_by_another_tab_is_refused_not_taken() {
    let store = Rc::new(Memory::new());
    let (mut a, d) = tab(&store, "a");
    saved(a.save(&d));
    match a.on_remote(Some(KEY), Some("{not json")) {
        Remote::ReadOnly(why) => assert!(why.contains("cannot be read"), "{why}"),
        other => panic!("{other:?}"),
    }
    assert!(a.is_read_only());
}

#[test]
fn a_full_quota_fails_the_save_keeps_storage_and_the_retry_succeeds() {
    let store = Rc::new(Memory::new());
    let (mut a, mut d) = tab(&store, "a");
    saved(a.save(&d));
    let before = store.dump();
    store.set_quota(Some(store.used()));
    d.applications[0].notes = "x".repeat(5_000);
    assert_eq!(
        a.save(&d),
        Outcome::Failed {
            message: SaveError::QuotaExceeded.to_string(),
            quota: true
        }
    );
    assert_eq!(store.dump(), before, "a failed save leaves storage whole");
    assert_eq!(reopened(&store).applications[0].notes, "");
    store.set_quota(None);
    saved(a.save(&d));
    assert_eq!(reopened(&store).applications[0].notes, "x".repeat(5_000));
}

#[test]
fn the_import_snapshot_is_kept_beside_the_document_and_cleared() {
    let store = Rc::new(Memory::new());
    let (a, _) = tab(&store, "a");
    assert_eq!(a.read_snapshot(), None);
    a.save_snapshot("{\"before\":1}").unwrap();
    assert_eq!(a.read_snapshot().as_deref(), Some("{\"before\":1}"));
    a.clear_snapshot();
    assert_eq!(a.read_snapshot(), None);
}

#[test]
fn unreadable_data_opens_no_writer_and_is_left_as_found() {
    let store = Rc::new(Memory::new());
    store.set(KEY, "{\"format\":\"microfolio\"").unwrap();
    let before = store.dump();
    let Opened::Unreadable(u) = open(&store, KEY, "a").unwrap() else {
        panic!("read damaged data")
    };
    assert_eq!(u.raw(), "{\"format\":\"microfolio\"");
    assert_eq!(store.dump(), before);
    // Only the explicit choice gives a writer; its first save replaces it.
    // A controller that believes nothing was stored still refuses it.
    let mut careless = SaveController::new(store.clone(), u.start_fresh(), doc(), None);
    assert!(matches!(careless.save(&doc()), Outcome::ReadOnly(_)));
    assert_eq!(store.dump(), before);
    // Only the explicit choice writes over it.
    let mut c = SaveController::start_fresh(store.clone(), &u, doc()).unwrap();
    assert_eq!(reopened(&store).applications.len(), 2);
    saved(c.save(&doc()));
}
