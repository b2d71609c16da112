//! The stored format: how a document is written ([`encode`],
//! [`encode_backup`]) and read back ([`decode`], the one door for stored
//! data and imported files, which always goes through the migrations).
//!
//! ```json
//! { "format": "microfolio", "schema_version": 3,
//!   "created": "...", "updated": "...", "profile": { "meta": {...}, ... },
//!   "applications": [...], "contacts": [...],
//!   "entries": [...], "skills": [...], "settings": {...} }
//! ```
//!
//! Reading is in steps, each also used by the other readers of untrusted
//! text (the packed store, `super::packed`; shared portfolios,
//! `super::share`): the caps ([`Limits`]: size and nesting by one scan of
//! the bytes before parsing, string and list lengths on the parsed value);
//! the envelope (`format`, `schema_version`) and the migrations up to
//! [`SCHEMA_VERSION`]; the deserializer that names the path of the first
//! wrong field; then what the shape cannot say (`checks`: unique ids,
//! values in range).
//!
//! Decoding never falls back to a default: a text that is not JSON, not a
//! Microfolio document, from a newer version, of the wrong shape, or
//! holding what the app never writes is a [`DecodeError`] that says which
//! and where, so the caller can keep the data untouched.

pub(crate) mod checks;
mod error;

pub use error::DecodeError;

use super::document::{Document, Settings, FORMAT, SCHEMA_VERSION};
use checks::check_document;
use chrono::{DateTime, Utc};
use serde_json::Value;

/// The `format` of a shared portfolio file (`super::share`), named here so
/// that [`decode`] can tell one from a backup.
pub const SHARE_FORMAT: &str = "microfolio-portfolio";

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

/// One migration step: turns a document of version `n` into version `n + 1`.
type Migration = fn(Value) -> Result<Value, String>;

/// `MIGRATIONS[i]` upgrades version `i + 1` to `i + 2`.
const MIGRATIONS: [Migration; SCHEMA_VERSION as usize - 1] = [v1_to_v2, v2_to_v3, v3_to_v4];

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

/// Checks the envelope and applies `steps` from the document's version up to
/// the current one.
fn migrate(mut value: Value, steps: &[Migration]) -> Result<Value, DecodeError> {
    match value.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        Some(SHARE_FORMAT) => return Err(DecodeError::IsSharedPortfolio),
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

/// Version 4 adds feedback by link: every entry gets an empty
/// `feedback_requests` (`crate::domain::feedback_link`).
fn v3_to_v4(mut value: Value) -> Result<Value, String> {
    let entries = value
        .get_mut("entries")
        .and_then(Value::as_array_mut)
        .ok_or("a version 3 document has a list of \"entries\"")?;
    for entry in entries {
        let entry = entry.as_object_mut().ok_or("an entry is not an object")?;
        if entry.contains_key("feedback_requests") {
            return Err("a version 3 entry has no \"feedback_requests\"".into());
        }
        entry.insert("feedback_requests".into(), Value::Array(Vec::new()));
    }
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
    use crate::domain::application::tests::at;
    use crate::domain::document::tests::{now, sample};
    use crate::domain::document::tracker_tests::doc_with_links;
    use crate::domain::record::RecordId;

    #[test]
    fn encode_then_decode_is_the_identity() {
        let doc = sample();
        assert_eq!(decode(&encode(&doc)).unwrap(), doc);
        assert_eq!(doc.updated, now() + chrono::Duration::minutes(5));
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
    fn a_document_with_applications_round_trips() {
        let doc = doc_with_links();
        assert_eq!(decode(&encode(&doc)).unwrap(), doc);
    }
}

#[cfg(test)]
mod limit_tests {
    use super::*;
    use crate::domain::record::RecordId;

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
