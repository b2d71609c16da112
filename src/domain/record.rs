//! Record identity and bookkeeping shared by every stored record: a stable
//! id and created/updated times.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A stable record id (a random UUID v4). The bytes come from the caller
/// (the browser's crypto in the app, fixed bytes in tests): the core never
/// reads a random source itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RecordId(uuid::Uuid);

impl RecordId {
    /// Builds a version-4 UUID from 16 random bytes.
    pub fn from_random_bytes(bytes: [u8; 16]) -> Self {
        Self(uuid::Builder::from_random_bytes(bytes).into_uuid())
    }

    /// Its 16 bytes.
    pub fn as_bytes(&self) -> &[u8; 16] {
        self.0.as_bytes()
    }

    /// Reads an id back from its text (a URL segment, a dragged card).
    pub fn parse(text: &str) -> Option<Self> {
        uuid::Uuid::parse_str(text.trim()).ok().map(Self)
    }
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.hyphenated().fmt(f)
    }
}

/// Identity and timestamps carried by every record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub id: RecordId,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
}

impl Meta {
    pub fn new(id: RecordId, now: DateTime<Utc>) -> Self {
        Self {
            id,
            created: now,
            updated: now,
        }
    }

    /// Marks the record as changed at `now` (never moving time backwards).
    pub fn touch(&mut self, now: DateTime<Utc>) {
        if now > self.updated {
            self.updated = now;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn ids_are_uuid_v4_and_round_trip_through_json() {
        let id = RecordId::from_random_bytes([7; 16]);
        let text = id.to_string();
        assert_eq!(text.len(), 36);
        assert_eq!(&text[14..15], "4", "version nibble: {text}");
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, format!("\"{text}\""));
        assert_eq!(serde_json::from_str::<RecordId>(&json).unwrap(), id);
        assert_eq!(RecordId::parse(&text), Some(id));
        assert_eq!(RecordId::parse("new"), None);
    }

    #[test]
    fn touch_never_moves_updated_backwards() {
        let t0 = Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).unwrap();
        let t1 = Utc.with_ymd_and_hms(2026, 1, 3, 0, 0, 0).unwrap();
        let mut meta = Meta::new(RecordId::from_random_bytes([1; 16]), t1);
        meta.touch(t0);
        assert_eq!(meta.updated, t1);
        let t2 = Utc.with_ymd_and_hms(2026, 2, 1, 0, 0, 0).unwrap();
        meta.touch(t2);
        assert_eq!((meta.created, meta.updated), (t1, t2));
    }
}
