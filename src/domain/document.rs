//! The stored document: one versioned JSON format for everything the app
//! keeps, and the only way to read it back ([`decode`]), which always goes
//! through the migration path.
//!
//! ```json
//! { "format": "microfolio", "schema_version": 1,
//!   "created": "...", "updated": "...", "profile": { "meta": {...}, ... } }
//! ```
//!
//! Decoding never falls back to a default: a text that is not JSON, not a
//! Microfolio document, from a newer version, or of the wrong shape is an
//! error that says which, so the caller can keep the data untouched.

use super::profile::Profile;
use super::record::{Meta, RecordId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The `format` field of every Microfolio document.
pub const FORMAT: &str = "microfolio";

/// The schema version this build writes. Bump it together with a new step
/// in [`MIGRATIONS`] and a fixture in `tests/fixtures/`.
pub const SCHEMA_VERSION: u32 = 1;

/// Everything the app keeps.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub format: String,
    pub schema_version: u32,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    pub profile: Profile,
}

impl Document {
    /// A new, empty document.
    pub fn new(now: DateTime<Utc>, profile_id: RecordId) -> Self {
        Self {
            format: FORMAT.to_owned(),
            schema_version: SCHEMA_VERSION,
            created: now,
            updated: now,
            profile: Profile::new(Meta::new(profile_id, now)),
        }
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

    fn touch(&mut self, now: DateTime<Utc>) {
        if now > self.updated {
            self.updated = now;
        }
    }
}

/// Why a stored or imported text could not be read as a document.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("It is not valid JSON (line {line}, column {column}: {message}).")]
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("It is JSON, but not a Microfolio document (no \"format\": \"microfolio\").")]
    NotMicrofolio,
    #[error("It has no valid schema_version.")]
    NoVersion,
    #[error(
        "It was saved by a newer version of Microfolio (format version {found}; \
         this copy reads up to {supported}). Open it with the newer version."
    )]
    NewerVersion { found: u64, supported: u32 },
    #[error("Upgrading it from format version {from} failed: {message}")]
    MigrationFailed { from: u32, message: String },
    #[error("Part of it has the wrong shape: {path}: {message}")]
    WrongShape { path: String, message: String },
}

/// One migration step: turns a document of version `n` into version `n + 1`.
type Migration = fn(Value) -> Result<Value, String>;

/// `MIGRATIONS[i]` upgrades version `i + 1` to `i + 2`. Version 1 is the
/// first released format, so there are none yet.
const MIGRATIONS: [Migration; SCHEMA_VERSION as usize - 1] = [];

/// Serializes a document for storage or export.
pub fn encode(doc: &Document) -> String {
    serde_json::to_string(doc).expect("a Document always serializes")
}

/// Reads a document from text, migrating older versions to the current one.
pub fn decode(text: &str) -> Result<Document, DecodeError> {
    let value: Value = serde_json::from_str(text).map_err(|e| DecodeError::NotJson {
        line: e.line(),
        column: e.column(),
        message: json_error_message(&e),
    })?;
    let value = migrate(value, &MIGRATIONS)?;
    serde_path_to_error::deserialize::<_, Document>(value).map_err(|e| DecodeError::WrongShape {
        path: e.path().to_string(),
        message: e.inner().to_string(),
    })
}

/// Checks the envelope and applies `steps` from the document's version up to
/// the current one.
fn migrate(mut value: Value, steps: &[Migration]) -> Result<Value, DecodeError> {
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(DecodeError::NotMicrofolio);
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
    use crate::domain::profile::ProfileForm;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 9, 30, 0).unwrap()
    }

    fn sample() -> Document {
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
    fn encode_then_decode_is_the_identity() {
        let doc = sample();
        assert_eq!(decode(&encode(&doc)).unwrap(), doc);
        assert_eq!(doc.updated, now() + chrono::Duration::minutes(5));
    }

    #[test]
    fn setting_an_identical_profile_changes_nothing() {
        let mut doc = sample();
        let before = doc.clone();
        assert!(!doc.set_profile(before.profile.clone(), now() + chrono::Duration::days(1)));
        assert_eq!(doc, before);
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
    fn the_current_version_needs_no_migration() {
        let value = serde_json::to_value(sample()).unwrap();
        assert_eq!(migrate(value.clone(), &MIGRATIONS).unwrap(), value);
    }
}
