//! Browser tests (wasm-bindgen-test in headless Chromium): the storage
//! adapter against the real `localStorage`, and the app's start-up
//! component with good, missing and unreadable stored data.
//!
//! Run by `scripts/test.sh` (tier 2).
#![cfg(target_arch = "wasm32")]

use chrono::{TimeZone, Utc};
use microfolio::domain::{encode, DecodeError, Document, RecordId, SCHEMA_VERSION};
use microfolio::storage::{self, KeyValue, Local, Opened, SaveError};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The adapter's `localStorage` store.
fn store() -> Local {
    Local::open().unwrap()
}

/// What start-up does: reads the store under `key`.
fn open(key: &str) -> Result<Opened, storage::Unavailable> {
    storage::open(&store(), key, "test")
}

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// A key of this test's own, empty at the start (parts too).
fn fresh_key(name: &str) -> String {
    let key = format!("microfolio-test:{name}:document");
    local().remove_item(&key).unwrap();
    for part in part_keys(&key) {
        local().remove_item(&part).unwrap();
    }
    key
}

/// The part keys stored beside `key`, sorted.
fn part_keys(key: &str) -> Vec<String> {
    let prefix = key.replace(":document", ":part:");
    let storage = local();
    let mut keys: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|k| k.starts_with(&prefix))
        .collect();
    keys.sort();
    keys
}

/// A document with `n` applications, notes of a real length.
fn doc_with(n: u32) -> Document {
    let mut doc = sample_doc();
    let at = Utc.with_ymd_and_hms(2026, 11, 1, 10, 0, 0).unwrap();
    doc.applications = (0..n)
        .map(|i| {
            // Random-looking ids, as real ones are.
            let mut x = u64::from(i).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0x5851_f42d;
            let bytes = std::array::from_fn(|_| {
                x = x
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                (x >> 56) as u8
            });
            let id = RecordId::from_random_bytes(bytes);
            let mut a = microfolio::domain::application::new_application(id, at, at.date_naive());
            a.organization = format!("Organization {i}");
            a.role = "Market sizing research".into();
            a.notes = "Asked about the scope, the deadline and the data. ".repeat(6);
            a
        })
        .collect();
    doc
}

fn sample_doc() -> Document {
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap();
    let mut doc = Document::new(now, RecordId::from_random_bytes([5; 16]));
    doc.profile.name = "Ada Student".into();
    doc
}

#[wasm_bindgen_test]
fn first_visit_is_empty_then_a_save_reads_back() {
    let key = fresh_key("roundtrip");
    let Ok(Opened::Empty(writer)) = open(&key) else {
        panic!("expected empty storage")
    };
    let doc = doc_with(600);
    let written = writer.save(&store(), &doc, None).unwrap();
    let head = local().get_item(&key).unwrap().unwrap();
    assert!(
        head.starts_with("{\"format\":\"microfolio-store\""),
        "{head}"
    );
    assert_eq!(written.text(), head);
    assert_eq!(store().get(&key).unwrap().as_deref(), Some(head.as_str()));
    assert!(
        part_keys(&key).len() > 2,
        "several parts: {:?} {head}",
        part_keys(&key)
    );
    match open(&key) {
        Ok(Opened::Ready(read, _, stored)) => {
            assert_eq!(read, doc);
            assert_eq!(stored, written);
        }
        _ => panic!("expected the saved document"),
    }
}

#[wasm_bindgen_test]
fn a_plain_document_of_an_earlier_version_reads_and_the_next_save_packs_it() {
    let key = fresh_key("plain");
    let doc = doc_with(50);
    local().set_item(&key, &encode(&doc)).unwrap();
    let Ok(Opened::Ready(read, writer, stored)) = open(&key) else {
        panic!("expected the plain document to read")
    };
    assert_eq!(read, doc);
    assert_eq!(stored.text(), encode(&doc));
    assert!(part_keys(&key).is_empty(), "reading writes nothing");
    writer
        .save(&store(), &read, Some((&read, &stored)))
        .unwrap();
    assert!(!part_keys(&key).is_empty());
    assert!(matches!(open(&key), Ok(Opened::Ready(d, ..)) if d == doc));
}

#[wasm_bindgen_test]
fn an_edit_writes_one_part_and_leaves_nothing_behind() {
    let key = fresh_key("edit");
    let Ok(Opened::Empty(writer)) = open(&key) else {
        panic!("expected empty storage")
    };
    let doc = doc_with(600);
    let first = writer.save(&store(), &doc, None).unwrap();
    let before = part_keys(&key);
    let mut edited = doc.clone();
    edited.applications[300]
        .notes
        .push_str("Follow up on Friday.");
    edited.revision += 1;
    writer
        .save(&store(), &edited, Some((&doc, &first)))
        .unwrap();
    let after = part_keys(&key);
    assert_eq!(
        after.len(),
        before.len(),
        "one part replaced, the old one removed"
    );
    assert_eq!(after.iter().filter(|k| !before.contains(k)).count(), 1);
    assert!(matches!(open(&key), Ok(Opened::Ready(d, ..)) if d == edited));
}

#[wasm_bindgen_test]
fn a_kept_part_removed_by_another_tab_meanwhile_is_written_again() {
    let key = fresh_key("race");
    let Ok(Opened::Empty(writer)) = open(&key) else {
        panic!("expected empty storage")
    };
    let doc = doc_with(600);
    let first = writer.save(&store(), &doc, None).unwrap();
    // Another tab removed a part this save will keep (unchanged records).
    let gone = part_keys(&key)[3].clone();
    local().remove_item(&gone).unwrap();
    let mut edited = doc.clone();
    edited.profile.headline = "Changed".into();
    edited.revision += 1;
    writer
        .save(&store(), &edited, Some((&doc, &first)))
        .unwrap();
    assert!(matches!(open(&key), Ok(Opened::Ready(d, ..)) if d == edited));
}

#[wasm_bindgen_test]
fn a_missing_part_is_unreadable_offered_whole_and_left_untouched() {
    let key = fresh_key("missing");
    let Ok(Opened::Empty(writer)) = open(&key) else {
        panic!("expected empty storage")
    };
    writer.save(&store(), &doc_with(600), None).unwrap();
    let head = local().get_item(&key).unwrap().unwrap();
    let parts = part_keys(&key);
    local().remove_item(&parts[1]).unwrap();
    let Ok(Opened::Unreadable(u)) = open(&key) else {
        panic!("expected unreadable data")
    };
    assert!(matches!(u.error(), DecodeError::MissingPart { key } if *key == parts[1]));
    assert!(
        u.raw().contains("Organization 1"),
        "the other parts, unpacked"
    );
    assert_eq!(local().get_item(&key).unwrap(), Some(head), "untouched");
    assert_eq!(part_keys(&key).len(), parts.len() - 1);
    // Starting fresh replaces it; the parts it gave up are cleared by the
    // saves after it.
    let fresh = u.start_fresh();
    let mut doc = sample_doc();
    let mut stored = fresh.save(&store(), &doc, None).unwrap();
    for _ in 0..3 {
        let before = doc.clone();
        doc.profile.headline.push('!');
        doc.revision += 1;
        stored = fresh
            .save(&store(), &doc, Some((&before, &stored)))
            .unwrap();
    }
    assert_eq!(part_keys(&key).len(), 1, "only the new core is left");
    assert!(matches!(open(&key), Ok(Opened::Ready(d, ..)) if d == doc));
}

/// Opens `stored` and checks it is reported unreadable and left untouched.
fn assert_unreadable_and_untouched(name: &str, stored: &str) -> DecodeError {
    let key = fresh_key(name);
    local().set_item(&key, stored).unwrap();
    let error = match open(&key) {
        Ok(Opened::Unreadable(u)) => {
            assert_eq!(u.raw(), stored, "the raw text is offered exactly");
            u.error().clone()
        }
        _ => panic!("{name}: expected unreadable data"),
    };
    assert_eq!(local().get_item(&key).unwrap().as_deref(), Some(stored));
    error
}

#[wasm_bindgen_test]
fn unreadable_data_is_reported_and_left_byte_for_byte() {
    let not_json = assert_unreadable_and_untouched("not-json", "{\"format\": \"microfolio\", oops");
    assert!(
        matches!(not_json, DecodeError::NotJson { line: 1, .. }),
        "{not_json:?}"
    );

    let other = assert_unreadable_and_untouched("other-json", "[1, 2, 3]");
    assert_eq!(other, DecodeError::NotMicrofolio);

    let mut value = serde_json::to_value(sample_doc()).unwrap();
    value["profile"]["email"] = serde_json::Value::from(42);
    let shape = assert_unreadable_and_untouched("wrong-shape", &value.to_string());
    assert!(matches!(shape, DecodeError::WrongShape { ref path, .. } if path == "profile.email"));

    value["profile"]["email"] = serde_json::Value::from("");
    value["schema_version"] = serde_json::Value::from(SCHEMA_VERSION + 1);
    let newer = assert_unreadable_and_untouched("newer", &value.to_string());
    assert!(matches!(newer, DecodeError::NewerVersion { .. }));
}

#[wasm_bindgen_test]
fn only_starting_fresh_replaces_unreadable_data() {
    let key = fresh_key("fresh");
    local().set_item(&key, "garbage").unwrap();
    let Ok(Opened::Unreadable(unreadable)) = open(&key) else {
        panic!("expected unreadable data")
    };
    unreadable
        .start_fresh()
        .save(&store(), &sample_doc(), None)
        .unwrap();
    assert!(matches!(open(&key), Ok(Opened::Ready(..))));
}

#[wasm_bindgen_test]
fn a_full_quota_is_reported_as_such_and_keeps_the_old_data() {
    let key = fresh_key("quota");
    let Ok(Opened::Empty(writer)) = open(&key) else {
        panic!("expected empty storage")
    };
    let small = doc_with(100);
    let stored = writer.save(&store(), &small, None).unwrap();
    let head = local().get_item(&key).unwrap();
    let parts = part_keys(&key);
    // Fill the origin's quota with filler keys to the last character, then
    // free about 16,000 characters: room for a small part, not a large one.
    let mut filler = Vec::new();
    for size in [512 * 1024, 16 * 1024, 1024, 64, 1] {
        let chunk = "x".repeat(size);
        loop {
            let k = format!("microfolio-test:filler:{}", filler.len());
            if local().set_item(&k, &chunk).is_err() {
                break;
            }
            filler.push(k);
        }
    }
    let freed = filler
        .iter()
        .position(|k| {
            local()
                .get_item(k)
                .unwrap()
                .is_some_and(|v| v.len() == 16 * 1024)
        })
        .expect("a 16 KiB filler");
    local().remove_item(&filler.remove(freed)).unwrap();
    // The core (a changed headline) fits; a part of text that does not
    // compress (random letters) does not.
    let mut big = small.clone();
    big.profile.headline = "Changed".into();
    let mut seed = 7u32;
    big.applications[40].notes = (0..90_000)
        .map(|_| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            char::from(b'a' + (seed >> 16) as u8 % 26)
        })
        .collect();
    let result = writer.save(&store(), &big, Some((&small, &stored)));
    let after = (local().get_item(&key).unwrap(), part_keys(&key));
    for k in &filler {
        local().remove_item(k).unwrap();
    }
    assert_eq!(result, Err(SaveError::QuotaExceeded));
    assert_eq!(
        after,
        (head, parts),
        "the head and parts as they were, nothing half-written"
    );
    assert!(matches!(open(&key), Ok(Opened::Ready(d, ..)) if d == small));
}

// ---- the app's start-up component ---------------------------------------

/// Waits for Leptos to run its scheduled effects and re-render.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Mounts the app into a fresh container; returns the container and the
/// handle that unmounts it when dropped.
fn mount_app() -> (
    web_sys::HtmlElement,
    leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable>,
) {
    let document = web_sys::window().unwrap().document().unwrap();
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), microfolio::ui::App);
    (container, handle)
}

fn button(container: &web_sys::HtmlElement, text: &str) -> web_sys::HtmlElement {
    let buttons = container.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|n| n.unchecked_into::<web_sys::HtmlElement>())
        .find(|b| b.text_content().unwrap_or_default().contains(text))
        .unwrap_or_else(|| panic!("no button {text:?}"))
}

#[wasm_bindgen_test]
async fn the_app_shows_recovery_for_corrupt_data_and_writes_nothing() {
    let key = storage::key_for_this_page();
    let stored = "{\"format\":\"microfolio\",\"schema_version\":1,\"profile\":";
    local().set_item(&key, stored).unwrap();
    let (container, handle) = mount_app();
    settle().await;
    let text = container.text_content().unwrap();
    assert!(text.contains("Your saved data could not be read"), "{text}");
    assert!(
        text.contains("line 1"),
        "the JSON error position is shown: {text}"
    );
    assert_eq!(local().get_item(&key).unwrap().as_deref(), Some(stored));

    // Asking to start fresh needs a second, explicit confirmation.
    button(&container, "Start fresh").click();
    settle().await;
    assert_eq!(local().get_item(&key).unwrap().as_deref(), Some(stored));
    button(&container, "Cancel").click();
    settle().await;
    assert_eq!(local().get_item(&key).unwrap().as_deref(), Some(stored));

    button(&container, "Start fresh").click();
    settle().await;
    button(&container, "Yes, replace the stored data").click();
    settle().await;
    // The workspace replaced the recovery screen (the runner's own URL
    // fragment decides which page it shows, so look for the shell).
    assert!(container.query_selector("nav.main-nav").unwrap().is_some());
    assert!(!container
        .text_content()
        .unwrap()
        .contains("could not be read"));
    assert!(matches!(open(&key), Ok(Opened::Ready(..))));
    drop(handle);
    container.remove();
    local().remove_item(&key).unwrap();
}

#[wasm_bindgen_test]
async fn opening_the_app_writes_nothing_and_shows_every_view_in_the_nav() {
    let key = storage::key_for_this_page();
    local().remove_item(&key).unwrap();
    let (container, handle) = mount_app();
    settle().await;
    let links = container.query_selector_all("nav a").unwrap();
    let names: Vec<String> = (0..links.length())
        .filter_map(|i| links.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect();
    assert_eq!(
        names,
        [
            "Dashboard",
            "Applications",
            "Portfolio",
            "Skills",
            "Contacts",
            "Profile",
            "Data",
            // The phone's tab bar's last tab (CSS shows it only there).
            "More"
        ]
    );
    assert_eq!(
        local().get_item(&key).unwrap(),
        None,
        "start-up must not write"
    );
    drop(handle);
    container.remove();
}

#[wasm_bindgen_test]
fn the_pre_import_snapshot_lives_beside_the_document_and_is_cleared_on_request() {
    let key = fresh_key("snapshot");
    let Ok(Opened::Empty(writer)) = open(&key) else {
        panic!("expected empty storage")
    };
    assert_eq!(writer.read_snapshot(&store()), None);
    writer
        .save_snapshot(&store(), "{\"before\":\"import\"}")
        .unwrap();
    assert_eq!(
        writer.read_snapshot(&store()).as_deref(),
        Some("{\"before\":\"import\"}")
    );
    assert_eq!(
        local().get_item(&key).unwrap(),
        None,
        "the document itself is untouched"
    );
    writer.clear_snapshot(&store());
    assert_eq!(writer.read_snapshot(&store()), None);
}

/// The browser's DEFLATE, as the share link uses it: a round trip gives the
/// bytes back, output over the cap is refused (a small link cannot unpack
/// into gigabytes), and damaged data is reported, not guessed.
#[wasm_bindgen_test]
async fn share_link_compression_round_trips_and_is_bounded() {
    use microfolio::ui::compress::{deflate, inflate, StreamError};
    let text = "Market sizing deck for a fintech start-up. ".repeat(200);
    let packed = deflate(text.as_bytes()).await.unwrap();
    assert!(packed.len() < text.len() / 10, "{} bytes", packed.len());
    assert_eq!(inflate(&packed, text.len()).await.unwrap(), text.as_bytes());
    assert_eq!(
        inflate(&packed, text.len() - 1).await,
        Err(StreamError::TooLarge)
    );
    let bomb = deflate(&vec![0u8; 4 * 1024 * 1024]).await.unwrap();
    assert_eq!(
        inflate(&bomb, 1024 * 1024).await,
        Err(StreamError::TooLarge)
    );
    let mut damaged = packed.clone();
    damaged.truncate(packed.len() / 2);
    assert_eq!(
        inflate(&damaged, text.len()).await,
        Err(StreamError::Damaged)
    );
    assert_eq!(
        inflate(b"\xff\xff\xff\xff", 100).await,
        Err(StreamError::Damaged)
    );
}

/// Regression: every save and import check left a User Timing mark and
/// measure in the browser's performance timeline, never cleared, so a
/// long session piled up thousands. Only the latest measure of a name is
/// kept, and no mark is left.
#[wasm_bindgen_test]
fn timed_work_keeps_only_its_latest_measure() {
    use microfolio::ui::platform::timed;
    let performance = web_sys::window().unwrap().performance().unwrap();
    let name = "microfolio:test-timed";
    for run in 0..3 {
        assert_eq!(timed(name, || run * 2), run * 2);
    }
    assert_eq!(performance.get_entries_by_name(name).length(), 1);
    let start = format!("{name}:start");
    assert_eq!(performance.get_entries_by_name(&start).length(), 0);
}

/// The app takes its time from `platform::now`/`today`, which a test can
/// fix: this test gives the same result on any day it runs. A backup
/// reminder shows 15 days after the last backup (data changed since) and
/// not 13 days after it.
#[wasm_bindgen_test]
async fn the_backup_reminder_follows_the_app_clock_not_the_day_the_test_runs() {
    use microfolio::ui::platform::fix_clock;
    let key = storage::key_for_this_page();
    local().remove_item(&key).unwrap();
    let backup = Utc.with_ymd_and_hms(2031, 2, 1, 9, 0, 0).unwrap();
    let mut doc = sample_doc();
    doc.created = backup - chrono::Duration::days(60);
    doc.settings.last_backup = Some(backup);
    doc.updated = backup + chrono::Duration::days(1);
    let Ok(Opened::Empty(writer)) = open(&key) else {
        panic!("expected empty storage")
    };
    writer.save(&store(), &doc, None).unwrap();

    let reminder = |container: &web_sys::HtmlElement| {
        container
            .query_selector("[aria-label='Backup reminder']")
            .unwrap()
            .is_some()
    };
    for (days, shown) in [(15, true), (13, false)] {
        fix_clock(Some(backup + chrono::Duration::days(days)));
        let (container, handle) = mount_app();
        settle().await;
        assert_eq!(reminder(&container), shown, "{days} days after the backup");
        drop(handle);
        container.remove();
    }
    fix_clock(None);
    local().remove_item(&key).unwrap();
    for part in part_keys(&key) {
        local().remove_item(&part).unwrap();
    }
}

/// Wraps the page's `DecompressionStream` so that a test can see how many
/// compressed bytes reach the real decompressor (`__inflateFed`) and
/// whether its input was cut off by a cancel (`__inflateCancelled`).
/// Returns the function that puts the real class back.
fn count_decompression_input() -> js_sys::Function {
    js_sys::Function::new_no_args(
        r#"
        const Real = DecompressionStream;
        globalThis.__inflateFed = 0;
        globalThis.__inflateCancelled = false;
        globalThis.DecompressionStream = class {
            constructor(format) {
                const inner = new Real(format);
                const counter = new TransformStream({
                    transform(chunk, controller) {
                        globalThis.__inflateFed += chunk.byteLength;
                        controller.enqueue(chunk);
                    },
                });
                counter.readable.pipeTo(inner.writable).catch(() => {
                    globalThis.__inflateCancelled = true;
                });
                this.writable = counter.writable;
                this.readable = inner.readable;
            }
        };
        return () => { globalThis.DecompressionStream = Real; };
        "#,
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap()
    .unchecked_into()
}

fn global_number(name: &str) -> f64 {
    js_sys::Reflect::get(&js_sys::global(), &name.into())
        .unwrap()
        .as_f64()
        .unwrap()
}

/// Regression: a 1.9 MB share link of DEFLATE-compressed spaces (1.4 GB
/// inflated) kept the tab busy for 19 s at 1.6 GB of memory before the
/// 10 MB refusal: the whole link went into the browser's decompressor at
/// once, and it inflated all of it before the cap was first checked. The
/// link now goes in in slices of `STEP` bytes, each inflated only once the
/// output before it has been read, and reading is cancelled as soon as the
/// output passes the cap: a 200 MB bomb is refused with TooLarge having
/// inflated no more than the cap plus a few slices' worth.
#[wasm_bindgen_test]
async fn a_share_link_bomb_is_refused_having_inflated_no_more_than_the_cap_and_a_slice() {
    use microfolio::ui::compress::{deflate, inflate, StreamError, STEP};
    const SIZE: usize = 200 * 1024 * 1024;
    const CAP: usize = 10 * 1024 * 1024;
    let bomb = deflate(&vec![b' '; SIZE]).await.unwrap();
    let ratio = SIZE / bomb.len();
    assert!(ratio > 500, "spaces deflate about 1000:1, got {ratio}:1");

    let restore = count_decompression_input();
    let result = inflate(&bomb, CAP).await;
    settle().await;
    let fed = global_number("__inflateFed") as usize;
    let cancelled = js_sys::Reflect::get(&js_sys::global(), &"__inflateCancelled".into())
        .unwrap()
        .as_bool()
        .unwrap();
    restore.call0(&wasm_bindgen::JsValue::NULL).unwrap();

    assert_eq!(result, Err(StreamError::TooLarge));
    assert!(
        fed * ratio <= CAP + 4 * STEP * ratio,
        "{fed} of {} compressed bytes went into the decompressor: about {} MB inflated for a cap of {} MB",
        bomb.len(),
        fed * ratio / 1_048_576,
        CAP / 1_048_576
    );
    assert!(cancelled, "the decompressor's input was cut off");
    // Nothing goes on inflating after the refusal.
    settle().await;
    assert_eq!(global_number("__inflateFed") as usize, fed);
}

/// Regression, with the bomb above: the link's text is refused for its
/// length before it is decoded or inflated (a link of 1.9 MB was decoded
/// and fed to the decompressor whole). A link at the cap is still read (and
/// this one is then refused as damaged).
#[wasm_bindgen_test]
async fn a_share_link_longer_than_the_cap_is_refused_before_it_is_decoded() {
    use microfolio::domain::share::MAX_LINK_DATA_CHARS;
    use microfolio::ui::share_link::open_link;
    let restore = count_decompression_input();
    let too_long = open_link(&"A".repeat(MAX_LINK_DATA_CHARS + 4)).await;
    let fed_for_too_long = global_number("__inflateFed");
    let at_cap = open_link(&"A".repeat(MAX_LINK_DATA_CHARS)).await;
    restore.call0(&wasm_bindgen::JsValue::NULL).unwrap();

    let message = too_long.map(|_| ()).unwrap_err();
    assert!(message.contains("too long"), "{message}");
    assert_eq!(fed_for_too_long, 0.0, "nothing was inflated");
    let message = at_cap.map(|_| ()).unwrap_err();
    assert!(message.contains("damaged"), "{message}");
}

/// Regression: `config.json` was downloaded whole before its 64 KB cap was
/// checked (a huge or endless file was read to the end). The body is read
/// a chunk at a time and the download cancelled once past the cap: an
/// endless body is refused after a few chunks, and a small one reads whole.
#[wasm_bindgen_test]
async fn a_response_body_is_read_only_up_to_its_cap() {
    use microfolio::ui::platform::read_capped;
    let make = js_sys::Function::new_with_args(
        "endless",
        "globalThis.__pulls = 0; globalThis.__cancelled = false;
         let sent = 0;
         return new Response(new ReadableStream({
           pull(c) {
             globalThis.__pulls++;
             if (!endless && sent > 0) { c.close(); return; }
             sent++;
             c.enqueue(new TextEncoder().encode('{\"institution\":\"X\"' + ' '.repeat(1000) + (endless ? '' : '}')));
           },
           cancel() { globalThis.__cancelled = true; },
         }));",
    );
    let endless: web_sys::Response = make
        .call1(&wasm_bindgen::JsValue::NULL, &true.into())
        .unwrap()
        .unchecked_into();
    let refused = read_capped(&endless, 64 * 1024).await.unwrap_err();
    assert!(refused.contains("over 64 KB"), "{refused}");
    settle().await;
    let pulls = js_sys::Reflect::get(&js_sys::global(), &"__pulls".into())
        .unwrap()
        .as_f64()
        .unwrap();
    assert!(
        pulls < 80.0,
        "{pulls} chunks of 1 KB pulled for a 64 KB cap"
    );
    let cancelled = js_sys::Reflect::get(&js_sys::global(), &"__cancelled".into()).unwrap();
    assert_eq!(
        cancelled.as_bool(),
        Some(true),
        "the download was cancelled"
    );

    let small: web_sys::Response = make
        .call1(&wasm_bindgen::JsValue::NULL, &false.into())
        .unwrap()
        .unchecked_into();
    let text = read_capped(&small, 64 * 1024).await.unwrap();
    assert!(text.starts_with("{\"institution\":\"X\"") && text.ends_with('}'));
}

/// Feedback links (issue 24): an answer sealed with the request's key reads
/// back with a valid seal (Web Crypto HMAC); a changed answer, or the
/// right answer checked with another key, is not valid.
#[wasm_bindgen_test]
async fn a_feedback_answer_seal_holds_only_for_its_text_and_key() {
    use microfolio::domain::feedback_link::format::{
        FeedbackResponse, LINK_VERSION, RESPONSE_FORMAT,
    };
    use microfolio::ui::feedback_link::{new_key, open_response, response_link, seal_valid};
    let key = new_key().unwrap();
    let response = FeedbackResponse {
        format: RESPONSE_FORMAT.into(),
        version: LINK_VERSION,
        id: RecordId::from_random_bytes([1; 16]),
        request: RecordId::from_random_bytes([2; 16]),
        answered: chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        name: "Grace".into(),
        title: String::new(),
        overall: Some(4),
        comment: "Good.".into(),
        competencies: Vec::new(),
        gained: String::new(),
        shareable: true,
        seal: String::new(),
    };
    let (link, sealed) = response_link(response, &key).await.unwrap();
    let data = link.split("#/answer/").nth(1).unwrap();
    let read = open_response(data).await.unwrap();
    assert_eq!(read, sealed);
    assert!(seal_valid(&read, &key).await);
    let mut changed = read.clone();
    changed.overall = Some(5);
    assert!(!seal_valid(&changed, &key).await);
    assert!(!seal_valid(&read, &new_key().unwrap()).await);
}

/// The transfer link's cipher (Web Crypto): what is sealed opens with the
/// same passphrase, byte for byte; a wrong passphrase, one flipped bit of
/// the ciphertext, the salt or the nonce are refused alike; two seals of
/// the same data differ (fresh salt and nonce).
#[wasm_bindgen_test]
async fn transfer_sealing_round_trips_and_refuses_tampering() {
    use microfolio::domain::transfer::{Sealed, TransferError, TAG_LEN};
    use microfolio::ui::transfer::{seal, unseal};
    let plain = b"{\"format\":\"microfolio\"} and more".to_vec();
    let sealed = seal(&plain, "acorn actor adobe agent alarm zephyr")
        .await
        .unwrap();
    assert_eq!(sealed.ciphertext.len(), plain.len() + TAG_LEN);
    assert_ne!(&sealed.ciphertext[..plain.len()], &plain[..]);
    let opened = unseal(&sealed, "acorn actor adobe agent alarm zephyr").await;
    assert_eq!(opened, Ok(plain.clone()));
    // Through the link's text too.
    let reparsed = Sealed::parse(&sealed.to_link_data()).unwrap();
    assert_eq!(
        unseal(&reparsed, "acorn actor adobe agent alarm zephyr").await,
        Ok(plain.clone())
    );

    let refused = Err(TransferError::WrongPassphraseOrChanged);
    assert_eq!(
        unseal(&sealed, "acorn actor adobe agent alarm zebra").await,
        refused
    );
    let mut changed = sealed.clone();
    changed.ciphertext[3] ^= 1;
    assert_eq!(
        unseal(&changed, "acorn actor adobe agent alarm zephyr").await,
        refused
    );
    let mut changed = sealed.clone();
    changed.salt[0] ^= 1;
    assert_eq!(
        unseal(&changed, "acorn actor adobe agent alarm zephyr").await,
        refused
    );
    let mut changed = sealed.clone();
    changed.iv[11] ^= 0x80;
    assert_eq!(
        unseal(&changed, "acorn actor adobe agent alarm zephyr").await,
        refused
    );

    let again = seal(&plain, "acorn actor adobe agent alarm zephyr")
        .await
        .unwrap();
    assert_ne!(again.salt, sealed.salt);
    assert_ne!(again.iv, sealed.iv);
    assert_ne!(again.ciphertext, sealed.ciphertext);
}
