//! The stored layout: the document in compressed parts under several keys,
//! so that a save writes what changed and thousands of records fit the
//! browser's quota.
//!
//! The document key holds a small *head*:
//!
//! ```json
//! { "format": "microfolio-store", "layout": 1, "schema_version": 3,
//!   "revision": 42,
//!   "parts": [ { "kind": "core", "key": "microfolio:/:part:7.k3f9.0", "records": 0 },
//!              { "kind": "applications", "key": "…", "records": 61 }, … ] }
//! ```
//!
//! Each part is the JSON of a run of records of one collection (or, for
//! `core`, the document without its collections), DEFLATE-compressed and
//! written as text ([`pack`]: 15 bits per character). Runs end after a
//! record whose id hashes to a boundary ([`chunk_ranges`]), so adding or
//! removing a record changes one part, not every part after it. A save
//! ([`plan_save`]) reuses the key of every part whose records are equal to
//! the ones stored, writes new keys for the rest, and only then replaces
//! the head: until the head is written, the stored document is the old one,
//! whole. Reading ([`unpack`]) checks every part within [`Limits`], goes
//! through the document's envelope and migration path, and judges the
//! whole document once its parts are together (unique ids, values in
//! range: `crate::domain::codec::checks`), as a plain document is judged.
//!
//! The plain one-key document of earlier versions is still read (it is
//! what [`crate::domain::decode`] reads); the first save writes it in this
//! layout.

use super::codec::checks::check_document;
use super::codec::{
    check_text, check_value, decode_value, deserialize_with_path, migrate_value, Scan,
};
use super::merge::Record;
use super::{DecodeError, Document, Limits, RecordId, SCHEMA_VERSION};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;
use std::ops::Range;

/// The `format` of a head.
pub const STORE_FORMAT: &str = "microfolio-store";

/// The layout this build writes and reads.
pub const LAYOUT: u32 = 1;

/// Records per part on average (a boundary is one id in this many).
pub const MEAN_PART_RECORDS: u64 = 64;

/// No part holds more records than this, whatever the ids.
pub const MAX_PART_RECORDS: usize = 256;

/// DEFLATE level: fast; the text it packs is repetitive JSON.
const LEVEL: u8 = 3;

/// Which part of the document a part holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Everything but the four collections.
    Core,
    Applications,
    Contacts,
    Entries,
    Skills,
}

impl Kind {
    const COLLECTIONS: [Kind; 4] = [
        Kind::Applications,
        Kind::Contacts,
        Kind::Entries,
        Kind::Skills,
    ];

    fn field(self) -> &'static str {
        match self {
            Kind::Core => "core",
            Kind::Applications => "applications",
            Kind::Contacts => "contacts",
            Kind::Entries => "entries",
            Kind::Skills => "skills",
        }
    }

    /// The id of record `i` of this collection in `doc`.
    fn id_at(self, doc: &Document, i: usize) -> Option<RecordId> {
        fn at<T: Record>(records: &[T], i: usize) -> Option<RecordId> {
            records.get(i).map(|r| r.meta().id)
        }
        match self {
            Kind::Core => None,
            Kind::Applications => at(&doc.applications, i),
            Kind::Contacts => at(&doc.contacts, i),
            Kind::Entries => at(&doc.entries, i),
            Kind::Skills => at(&doc.skills, i),
        }
    }
}

/// One part, as the head lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartRef {
    pub kind: Kind,
    pub key: String,
    /// How many records it holds (0 for `core`).
    pub records: usize,
    /// The length of its JSON text, which reading counts against
    /// `Limits::max_bytes` (absent in heads written before it was kept:
    /// such a part is written again by the next save).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes: Option<usize>,
    /// The Adler-32 checksum of its JSON text: a part changed since it was
    /// written (one character is enough) is damaged, never read as data.
    /// Absent in heads written before it was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sum: Option<u32>,
}

impl PartRef {
    /// Whether the head recorded this part's size and checksum.
    fn is_checked(&self) -> bool {
        self.bytes.is_some() && self.sum.is_some()
    }

    fn damaged(&self, reason: impl Into<String>) -> DecodeError {
        DecodeError::DamagedPart {
            key: self.key.clone(),
            reason: reason.into(),
        }
    }
}

/// What the document key holds in this layout.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Head {
    pub format: String,
    pub layout: u32,
    /// The document schema version of the parts.
    pub schema_version: u32,
    pub revision: u64,
    pub parts: Vec<PartRef>,
}

impl Head {
    pub fn to_text(&self) -> String {
        serde_json::to_string(self).expect("a head always serializes")
    }

    /// Every key it refers to.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.parts.iter().map(|p| p.key.as_str())
    }

    /// Whether reading this head back stays within `limits`: its parts'
    /// JSON together within `max_bytes` (what [`unpack`] allows), and no
    /// collection over `max_records`. A save that is not is refused, so
    /// the app never writes what it would refuse to read.
    pub fn check_readable(&self, limits: &Limits) -> Result<(), TooLarge> {
        readable(&self.parts, limits)
    }
}

fn readable(parts: &[PartRef], limits: &Limits) -> Result<(), TooLarge> {
    let bytes = parts
        .iter()
        .fold(0usize, |n, p| n.saturating_add(p.bytes.unwrap_or(0)));
    if bytes > limits.max_bytes {
        return Err(TooLarge::Bytes {
            size: bytes,
            max: limits.max_bytes,
        });
    }
    let mut counts: HashMap<Kind, usize> = HashMap::new();
    for p in parts {
        let n = counts.entry(p.kind).or_default();
        *n = n.saturating_add(p.records);
    }
    match counts.into_iter().find(|(_, n)| *n > limits.max_records) {
        Some((kind, n)) => Err(TooLarge::Records {
            kind: kind.field(),
            count: n,
            max: limits.max_records,
        }),
        None => Ok(()),
    }
}

/// Data too large to be stored and read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TooLarge {
    Bytes {
        size: usize,
        max: usize,
    },
    Records {
        kind: &'static str,
        count: usize,
        max: usize,
    },
}

impl std::fmt::Display for TooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TooLarge::Bytes { size, max } => write!(
                f,
                "Your data {}, which this app could not read back.",
                super::size::over_limit(*size, *max)
            ),
            TooLarge::Records { kind, count, max } => write!(
                f,
                "There would be {} {kind}, {} more than the {} this app can read back.",
                super::size::grouped(*count),
                super::size::grouped(count - max),
                super::size::grouped(*max)
            ),
        }
    }
}

/// Whether `doc` can be stored and read back within `limits` (the same
/// measure a save checks): for an import, before it is accepted.
pub fn check_storable(doc: &Document, limits: &Limits) -> Result<(), TooLarge> {
    let core = serde_json::to_string(&CoreRef::of(doc)).expect("the core serializes");
    let mut parts = vec![PartRef {
        kind: Kind::Core,
        key: String::new(),
        records: 0,
        bytes: Some(core.len()),
        sum: None,
    }];
    for c in collections(doc, None) {
        for range in chunk_ranges(c.ids.iter().copied()) {
            parts.push(PartRef {
                kind: c.kind,
                key: String::new(),
                records: range.len(),
                bytes: Some((c.json)(range).len()),
                sum: None,
            });
        }
    }
    readable(&parts, limits)
}

/// Whether `text` (what the document key holds) is a head of this layout:
/// `None` when it is something else (a plain document, or anything a
/// plain decode should judge).
pub fn read_head(text: &str) -> Option<Result<Head, DecodeError>> {
    let start = text.trim_start();
    let prefix = &start.as_bytes()[..start.len().min(64)];
    if !start.starts_with('{')
        || !prefix
            .windows(STORE_FORMAT.len())
            .any(|w| w == STORE_FORMAT.as_bytes())
    {
        return None;
    }
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(_) => return None,
    };
    if value.get("format").and_then(Value::as_str) != Some(STORE_FORMAT) {
        return None;
    }
    if let Some(found) = value.get("layout").and_then(Value::as_u64) {
        if found > u64::from(LAYOUT) {
            return Some(Err(DecodeError::NewerLayout {
                found,
                supported: LAYOUT,
            }));
        }
    }
    if let Some(found) = value.get("schema_version").and_then(Value::as_u64) {
        if found > u64::from(SCHEMA_VERSION) {
            return Some(Err(DecodeError::NewerVersion {
                found,
                supported: SCHEMA_VERSION,
            }));
        }
    }
    Some(deserialize_with_path(value))
}

// ---------------------------------------------------------------- packing

/// Compresses `json` and writes the bytes as text: `z<byte count>:` then
/// 15 bits per character, as U+1000 + value (U+1000–U+8FFF: no
/// surrogates, no controls), so a character of quota holds almost two
/// bytes.
pub fn pack(json: &str) -> String {
    let bytes = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), LEVEL);
    let mut out = String::with_capacity(bytes.len() * 8 / 15 * 3 + 16);
    out.push('z');
    out.push_str(&bytes.len().to_string());
    out.push(':');
    let (mut acc, mut bits) = (0u32, 0u32);
    for b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        if bits >= 15 {
            bits -= 15;
            out.push(to_char((acc >> bits) & 0x7fff));
            acc &= (1 << bits) - 1;
        }
    }
    if bits > 0 {
        out.push(to_char((acc << (15 - bits)) & 0x7fff));
    }
    out
}

fn to_char(v: u32) -> char {
    char::from_u32(0x1000 + v).expect("U+1000..U+8FFF are characters")
}

/// The JSON text [`pack`] packed, inflating at most `max_bytes`.
pub fn unpack_text(stored: &str, max_bytes: usize) -> Result<String, String> {
    let rest = stored.strip_prefix('z').ok_or("not a packed part")?;
    let (len, chars) = rest.split_once(':').ok_or("no length")?;
    let len: usize = len.parse().map_err(|_| "a bad length")?;
    if len > chars.len() * 2 {
        return Err("shorter than its length".into());
    }
    let mut bytes = Vec::with_capacity(len);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in chars.chars() {
        if bytes.len() == len {
            return Err("longer than its length".into());
        }
        let v = (c as u32).wrapping_sub(0x1000);
        if v > 0x7fff {
            return Err(format!("an unexpected character U+{:04X}", c as u32));
        }
        acc = (acc << 15) | v;
        bits += 15;
        while bits >= 8 && bytes.len() < len {
            bits -= 8;
            bytes.push((acc >> bits) as u8);
        }
        acc &= (1 << bits) - 1;
    }
    if bytes.len() != len {
        return Err("shorter than its length".into());
    }
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes, max_bytes).map_err(
        |e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => {
                format!("it unpacks to more than {max_bytes} bytes")
            }
            _ => "not valid compressed data".to_owned(),
        },
    )?;
    String::from_utf8(json).map_err(|_| "not UTF-8 text".into())
}

// --------------------------------------------------------------- chunking

/// FNV-1a over the id's bytes, then a 64-bit finalizer (FNV's low bits
/// alone mix poorly): the boundary test.
fn id_hash(id: RecordId) -> u64 {
    let mut h = id.as_bytes().iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    });
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Splits `ids` into runs: a run ends after an id whose hash is a
/// boundary, or at [`MAX_PART_RECORDS`]. Content-defined, so inserting a
/// record changes the run it falls in and leaves the others as they were.
pub fn chunk_ranges(ids: impl Iterator<Item = RecordId>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut n = 0;
    for id in ids {
        n += 1;
        if id_hash(id) % MEAN_PART_RECORDS == 0 || n - start == MAX_PART_RECORDS {
            out.push(start..n);
            start = n;
        }
    }
    if start < n {
        out.push(start..n);
    }
    out
}

// ----------------------------------------------------------------- saving

/// Everything but the collections, borrowed, for the core part; the
/// collections are written empty (their records are in their own parts),
/// so the core has the keys of its schema version. A field added to
/// [`Document`] must be added here (the round-trip tests fail otherwise).
#[derive(Serialize, PartialEq)]
struct CoreRef<'a> {
    format: &'a str,
    schema_version: u32,
    created: &'a chrono::DateTime<chrono::Utc>,
    updated: &'a chrono::DateTime<chrono::Utc>,
    profile: &'a super::Profile,
    applications: [(); 0],
    contacts: [(); 0],
    entries: [(); 0],
    skills: [(); 0],
    settings: &'a super::document::Settings,
}

impl<'a> CoreRef<'a> {
    fn of(doc: &'a Document) -> Self {
        CoreRef {
            format: &doc.format,
            schema_version: doc.schema_version,
            created: &doc.created,
            updated: &doc.updated,
            profile: &doc.profile,
            applications: [],
            contacts: [],
            entries: [],
            skills: [],
            settings: &doc.settings,
        }
    }
}

/// A collection's records, as the planner sees them.
struct Collection<'a> {
    kind: Kind,
    ids: Vec<RecordId>,
    /// Serializes records `range`.
    json: Box<dyn Fn(Range<usize>) -> String + 'a>,
    /// Whether records `range` here equal records `other` of the same
    /// collection in the previous document.
    same: Box<dyn Fn(Range<usize>, Range<usize>) -> bool + 'a>,
}

fn collections<'a>(doc: &'a Document, previous: Option<&'a Document>) -> Vec<Collection<'a>> {
    fn one<'a, T: Record + Serialize>(
        kind: Kind,
        items: &'a [T],
        before: Option<&'a [T]>,
    ) -> Collection<'a> {
        Collection {
            kind,
            ids: items.iter().map(|r| r.meta().id).collect(),
            json: Box::new(move |r| serde_json::to_string(&items[r]).expect("records serialize")),
            same: Box::new(move |r, o| {
                before.is_some_and(|b| b.get(o).is_some_and(|b| b == &items[r]))
            }),
        }
    }
    vec![
        one(
            Kind::Applications,
            &doc.applications,
            previous.map(|p| &p.applications[..]),
        ),
        one(
            Kind::Contacts,
            &doc.contacts,
            previous.map(|p| &p.contacts[..]),
        ),
        one(
            Kind::Entries,
            &doc.entries,
            previous.map(|p| &p.entries[..]),
        ),
        one(Kind::Skills, &doc.skills, previous.map(|p| &p.skills[..])),
    ]
}

/// What a save writes, in order: the new parts, then the head; then the
/// parts no longer referred to can go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// (key, packed text) of each new part.
    pub writes: Vec<(String, String)>,
    pub head: Head,
    /// Parts of the previous head that the new one does not use.
    pub stale: Vec<String>,
}

/// Plans writing `doc`. `previous` is the document as stored now with its
/// head (`None` for a first save, or when the stored text is a plain
/// document): parts whose records are unchanged keep their keys.
/// `new_key(i)` names the `i`-th new part; names must never repeat.
pub fn plan_save(
    doc: &Document,
    previous: Option<(&Document, &Head)>,
    mut new_key: impl FnMut(usize) -> String,
) -> Plan {
    // Where each stored part's records sit in the previous document.
    let mut old: HashMap<(Kind, RecordId), (Range<usize>, &PartRef)> = HashMap::new();
    let mut old_core = None;
    if let Some((prev, head)) = previous {
        let mut offsets: HashMap<Kind, usize> = HashMap::new();
        for part in &head.parts {
            if part.kind == Kind::Core {
                old_core = Some(part);
                continue;
            }
            let start = *offsets.get(&part.kind).unwrap_or(&0);
            let range = start..start + part.records;
            offsets.insert(part.kind, range.end);
            // A part of a head that did not record its size and checksum is
            // written anew.
            if let (Some(first), true) = (part.kind.id_at(prev, start), part.is_checked()) {
                old.insert((part.kind, first), (range, part));
            }
        }
    }
    let mut writes = Vec::new();
    let mut parts = Vec::new();
    let mut fresh =
        |kind: Kind, records: usize, json: String, writes: &mut Vec<(String, String)>| {
            let key = new_key(writes.len());
            writes.push((key.clone(), pack(&json)));
            PartRef {
                kind,
                key,
                records,
                bytes: Some(json.len()),
                sum: Some(adler2::adler32_slice(json.as_bytes())),
            }
        };

    let core_same = previous.is_some_and(|(p, _)| CoreRef::of(p) == CoreRef::of(doc));
    let core = match old_core {
        Some(part) if core_same && part.is_checked() => part.clone(),
        _ => fresh(
            Kind::Core,
            0,
            serde_json::to_string(&CoreRef::of(doc)).expect("the core serializes"),
            &mut writes,
        ),
    };
    parts.push(core);

    for c in collections(doc, previous.map(|(p, _)| p)) {
        for range in chunk_ranges(c.ids.iter().copied()) {
            let reused = old
                .get(&(c.kind, c.ids[range.start]))
                .filter(|(o, _)| o.len() == range.len() && (c.same)(range.clone(), o.clone()))
                .map(|(_, part)| (*part).clone());
            let part = match reused {
                Some(kept) => kept,
                None => fresh(c.kind, range.len(), (c.json)(range), &mut writes),
            };
            parts.push(part);
        }
    }
    let head = Head {
        format: STORE_FORMAT.to_owned(),
        layout: LAYOUT,
        schema_version: doc.schema_version,
        revision: doc.revision,
        parts,
    };
    let stale = previous
        .map(|(_, h)| {
            h.keys()
                .filter(|k| !head.keys().any(|n| n == *k))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    Plan {
        writes,
        head,
        stale,
    }
}

// ---------------------------------------------------------------- reading

/// Reads the document a head describes; `part(key)` is the stored text of
/// a part. Every part is unpacked and checked within `limits` (together
/// they may not unpack to more than `limits.max_bytes`), the core goes
/// through the envelope and migration path, and a head written by an older
/// schema version is migrated as one document. Parts of the current
/// version are read one at a time into records, so reading never holds
/// more than one part as text or as a JSON tree; the document they make
/// is then checked whole (`codec::checks::check_document`), as `decode` checks one.
pub fn unpack(
    head: &Head,
    mut part: impl FnMut(&str) -> Option<String>,
    limits: &Limits,
) -> Result<Document, DecodeError> {
    if head.format != STORE_FORMAT {
        return Err(DecodeError::NotMicrofolio);
    }
    let mut budget = limits.max_bytes;
    // Each part's JSON, unpacked and scanned (size, depth, bounds).
    let texts = head
        .parts
        .iter()
        .map(move |p| -> Result<Unpacked<'_>, DecodeError> {
            let stored =
                part(&p.key).ok_or_else(|| DecodeError::MissingPart { key: p.key.clone() })?;
            let json = unpack_text(&stored, budget).map_err(|reason| p.damaged(reason))?;
            budget = budget.saturating_sub(json.len());
            if p.bytes.is_some_and(|n| n != json.len())
                || p.sum
                    .is_some_and(|s| s != adler2::adler32_slice(json.as_bytes()))
            {
                return Err(
                    p.damaged("it changed since it was written (its checksum does not match)")
                );
            }
            let scan = check_text(&json, limits)?;
            Ok(Unpacked {
                part: p,
                json,
                scan,
            })
        });
    let core_of = |value: Value| -> Result<serde_json::Map<String, Value>, DecodeError> {
        let Value::Object(mut object) = value else {
            return Err(DecodeError::DamagedPart {
                key: "core".into(),
                reason: "not an object".into(),
            });
        };
        if head.schema_version >= 3 {
            object.insert("revision".into(), Value::from(head.revision));
        }
        Ok(object)
    };
    let two_cores = || DecodeError::DamagedPart {
        key: "core".into(),
        reason: "there are two".into(),
    };
    let no_core = || DecodeError::DamagedPart {
        key: "core".into(),
        reason: "missing".into(),
    };
    // Saturating: the counts are the head's word, which may be anything.
    let counts: HashMap<Kind, usize> = head.parts.iter().fold(HashMap::new(), |mut m, p| {
        let count = m.entry(p.kind).or_default();
        *count = count.saturating_add(p.records);
        m
    });
    for (kind, count) in &counts {
        if *count > limits.max_records {
            return Err(DecodeError::TooManyRecords {
                path: kind.field().into(),
                count: *count,
                max: limits.max_records,
            });
        }
    }

    if head.schema_version != SCHEMA_VERSION {
        // An older version: one document value, through the migrations.
        let mut core = None;
        let mut arrays: HashMap<Kind, Vec<Value>> = HashMap::new();
        for item in texts {
            let unpacked = item?;
            let p = unpacked.part;
            match (
                p.kind,
                unpacked.value(arrays.get(&p.kind).map_or(0, Vec::len), limits)?,
            ) {
                (Kind::Core, value) if core.is_none() => core = Some(core_of(value)?),
                (Kind::Core, _) => return Err(two_cores()),
                (kind, Value::Array(items)) => arrays.entry(kind).or_default().extend(items),
                _ => unreachable!("checked to be a list"),
            }
        }
        let mut object = core.ok_or_else(no_core)?;
        for (kind, items) in arrays {
            match object.get_mut(kind.field()) {
                Some(Value::Array(empty)) if empty.is_empty() => *empty = items,
                _ => return Err(missing_collection(kind)),
            }
        }
        return decode_value(Value::Object(object));
    }

    let mut doc: Option<Document> = None;
    let (mut applications, mut contacts, mut entries, mut skills) = (
        Vec::with_capacity(counts.get(&Kind::Applications).copied().unwrap_or(0)),
        Vec::new(),
        Vec::new(),
        Vec::new(),
    );
    for item in texts {
        let unpacked = item?;
        match unpacked.part.kind {
            Kind::Core if doc.is_some() => return Err(two_cores()),
            Kind::Core => {
                let object = core_of(unpacked.value(0, limits)?)?;
                for kind in Kind::COLLECTIONS {
                    if counts.contains_key(&kind)
                        && !matches!(object.get(kind.field()), Some(Value::Array(a)) if a.is_empty())
                    {
                        return Err(missing_collection(kind));
                    }
                }
                // Checks the envelope; there is no step to apply.
                doc = Some(deserialize_with_path(migrate_value(Value::Object(
                    object,
                ))?)?);
            }
            Kind::Applications => unpacked.records_into(&mut applications, limits)?,
            Kind::Contacts => unpacked.records_into(&mut contacts, limits)?,
            Kind::Entries => unpacked.records_into(&mut entries, limits)?,
            Kind::Skills => unpacked.records_into(&mut skills, limits)?,
        }
    }
    let mut doc = doc.ok_or_else(no_core)?;
    doc.applications = applications;
    doc.contacts = contacts;
    doc.entries = entries;
    doc.skills = skills;
    // Only the whole document can tell that two parts hold one id.
    check_document(&doc)?;
    Ok(doc)
}

fn missing_collection(kind: Kind) -> DecodeError {
    DecodeError::DamagedPart {
        key: "core".into(),
        reason: format!("it has no empty \"{}\" for its records", kind.field()),
    }
}

/// One part's JSON, unpacked, with what [`check_text`] learned of it.
struct Unpacked<'h> {
    part: &'h PartRef,
    json: String,
    scan: Scan,
}

impl Unpacked<'_> {
    /// The part as a JSON tree, checked within `limits`; a collection's
    /// part must be a list of as many records as the head names. `offset`
    /// is how many records of its collection come before it, so a field
    /// over a limit is named by its place in the whole collection.
    fn value(&self, offset: usize, limits: &Limits) -> Result<Value, DecodeError> {
        let p = self.part;
        let value: Value =
            serde_json::from_str(&self.json).map_err(|e| p.damaged(e.to_string()))?;
        if p.kind == Kind::Core {
            check_value(&value, &mut String::new(), limits)?;
            return Ok(value);
        }
        match value.as_array() {
            Some(records) if records.len() == p.records => {
                for (i, record) in records.iter().enumerate() {
                    let mut path = format!("{}[{}]", p.kind.field(), offset + i);
                    check_value(record, &mut path, limits)?;
                }
                Ok(value)
            }
            _ => Err(p.damaged(format!(
                "not a list of the {} records the head names",
                p.records
            ))),
        }
    }

    /// Deserializes the part's records onto the end of `into`. The usual
    /// case goes straight from the text to records, when the scan proves
    /// no string or list too long: no JSON tree, no path tracking (reading
    /// 1,000 applications took about a third less time). Anything that
    /// fails there is read again through [`Self::value`] and the
    /// path-tracking deserializer, which judge it exactly as before and
    /// name a wrong field by its place in the whole collection
    /// (`applications[70].deadline`), as a plain document's error would.
    fn records_into<T: serde::de::DeserializeOwned>(
        &self,
        into: &mut Vec<T>,
        limits: &Limits,
    ) -> Result<(), DecodeError> {
        if self.scan.within(limits) {
            if let Ok(records) = serde_json::from_str::<Vec<T>>(&self.json) {
                if records.len() == self.part.records {
                    into.extend(records);
                    return Ok(());
                }
            }
        }
        let kind = self.part.kind;
        let offset = into.len();
        let records: Vec<T> =
            deserialize_with_path(self.value(offset, limits)?).map_err(|e| match e {
                DecodeError::WrongShape { path, message } => {
                    let inner = path
                        .strip_prefix('[')
                        .and_then(|rest| rest.split_once(']'))
                        .and_then(|(n, rest)| Some((n.parse::<usize>().ok()?, rest)));
                    let path = match inner {
                        Some((n, rest)) => format!("{}[{}]{rest}", kind.field(), offset + n),
                        None => format!("{}{path}", kind.field()),
                    };
                    DecodeError::WrongShape { path, message }
                }
                other => other,
            })?;
        into.extend(records);
        Ok(())
    }
}

/// Everything a head and its parts hold, as one readable text, for the
/// recovery download when the whole cannot be read: the head, then each
/// part unpacked where it can be, or as stored where it cannot.
pub fn recovery_text(
    head_text: &str,
    parts: &[(String, Option<String>)],
    limits: &Limits,
) -> String {
    let mut out = serde_json::Map::new();
    out.insert("head".into(), Value::from(head_text));
    let items = parts
        .iter()
        .map(|(key, stored)| {
            let text = match stored {
                None => Value::Null,
                Some(s) => {
                    Value::from(unpack_text(s, limits.max_bytes).unwrap_or_else(|_| s.clone()))
                }
            };
            serde_json::json!({ "key": key, "text": text })
        })
        .collect();
    out.insert("parts".into(), Value::Array(items));
    Value::Object(out).to_string()
}

/// The largest file a restore reads: a backup within [`super::LIMITS`], or the
/// recovery download of any stored data the app wrote (its parts are JSON
/// inside JSON strings, so each quote costs two characters).
pub const MAX_RESTORE_FILE: usize = 2 * super::LIMITS.max_bytes + (1 << 20);

/// Reads a file chosen for restoring: the recovery download of stored data
/// ([`recovery_text`]: a head and the text of every part it names) goes
/// through the same checks as stored data; anything else is a backup, read
/// by [`crate::domain::decode`].
pub fn decode_file(text: &str, limits: &Limits) -> Result<Document, DecodeError> {
    match recovered_head(text) {
        Some((head, parts)) => unpack(
            &head,
            |k| {
                // Unpacked where the recovery could; as stored otherwise.
                parts.get(k).map(|t| {
                    if t.starts_with('z') {
                        t.clone()
                    } else {
                        pack(t)
                    }
                })
            },
            limits,
        ),
        None => super::codec::decode_within(text, limits),
    }
}

/// The head and part texts of a recovery download, if `text` is one.
fn recovered_head(text: &str) -> Option<(Head, HashMap<String, String>)> {
    if !text.trim_start().starts_with("{\"head\"") {
        return None;
    }
    #[derive(Deserialize)]
    struct Recovery {
        head: String,
        parts: Vec<RecoveredPart>,
    }
    #[derive(Deserialize)]
    struct RecoveredPart {
        key: String,
        text: Option<String>,
    }
    let file: Recovery = serde_json::from_str(text).ok()?;
    let head = read_head(&file.head)?.ok()?;
    let parts = file
        .parts
        .into_iter()
        .filter_map(|p| Some((p.key, p.text?)))
        .collect();
    Some((head, parts))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::application::tests::{app, day};
    use crate::domain::{decode, encode, LIMITS};
    use chrono::TimeZone;

    fn now() -> chrono::DateTime<chrono::Utc> {
        chrono::Utc
            .with_ymd_and_hms(2026, 11, 23, 9, 30, 0)
            .unwrap()
    }

    fn id(i: u32) -> RecordId {
        let b = i.wrapping_mul(2_654_435_761).to_le_bytes();
        RecordId::from_random_bytes([
            b[0], b[1], b[2], b[3], b[3], b[2], b[1], b[0], 7, 7, 7, 7, b[0], b[1], b[2], b[3],
        ])
    }

    fn numbered(i: u32, org: &str) -> crate::domain::Application {
        let mut a = app(0, org, "Research sprint", day(10, 1));
        a.meta.id = id(i);
        a
    }

    /// A document with `n` applications and some of everything else.
    fn doc(n: u32) -> Document {
        let mut d = Document::new(now(), RecordId::from_random_bytes([1; 16]));
        d.applications = (0..n)
            .map(|i| {
                let mut a = numbered(i, &format!("Org {i}"));
                a.notes = "Asked about SQL, scope and timeline ".repeat(5);
                a
            })
            .collect();
        d.profile.headline = "Analyst — ünïcode, \"quotes\" and\nnew lines".into();
        d.revision = 7;
        d
    }

    /// Stores a plan in a map, as the adapter stores it in localStorage.
    fn store(map: &mut HashMap<String, String>, plan: &Plan) {
        for (k, v) in &plan.writes {
            map.insert(k.clone(), v.clone());
        }
        for k in &plan.stale {
            map.remove(k);
        }
    }

    fn keys(prefix: &str) -> impl FnMut(usize) -> String + '_ {
        move |i| format!("{prefix}.{i}")
    }

    #[test]
    fn pack_then_unpack_is_the_identity_for_any_length() {
        for n in 0..64 {
            let text: String = (0..n)
                .map(|i| char::from(b'a' + (i * 7 % 26) as u8))
                .collect();
            let json = format!("{{\"t\":\"{text}é\"}}");
            let packed = pack(&json);
            assert!(packed
                .chars()
                .skip_while(|c| *c != ':')
                .skip(1)
                .all(|c| ('\u{1000}'..='\u{8fff}').contains(&c)));
            assert_eq!(unpack_text(&packed, 1 << 20).unwrap(), json, "{n}");
        }
    }

    #[test]
    fn packing_takes_a_fraction_of_the_quota_of_the_text() {
        let json = encode(&doc(500));
        let packed = pack(&json);
        // Quota counts UTF-16 units: one per character here.
        assert!(
            packed.chars().count() * 4 < json.len(),
            "{} vs {}",
            packed.chars().count(),
            json.len()
        );
    }

    #[test]
    fn unpacking_refuses_damage_and_bombs_with_a_reason() {
        let packed = pack(&"x".repeat(100_000));
        assert!(unpack_text(&packed, 1000)
            .unwrap_err()
            .contains("more than 1000 bytes"));
        let truncated: String = packed.chars().take(packed.chars().count() - 2).collect();
        assert!(unpack_text(&truncated, 1 << 20).is_err());
        assert!(unpack_text("{\"plain\":1}", 1 << 20).is_err());
        assert!(unpack_text("z3:abc", 1 << 20)
            .unwrap_err()
            .contains("unexpected character"));
        assert!(unpack_text("z99999999999999999999:", 1 << 20).is_err());
        let garbage: String = std::iter::once('z')
            .chain("40:".chars())
            .chain((0..40).map(|i| to_char(i * 811 % 32768)))
            .collect();
        assert!(unpack_text(&garbage, 1 << 20).is_err());
    }

    #[test]
    fn a_saved_document_reads_back_whole() {
        let d = doc(300);
        let plan = plan_save(&d, None, keys("g1"));
        let mut map = HashMap::new();
        store(&mut map, &plan);
        let back = unpack(&plan.head, |k| map.get(k).cloned(), &LIMITS).unwrap();
        assert_eq!(back, d);
        assert_eq!(read_head(&plan.head.to_text()), Some(Ok(plan.head.clone())));
        assert!(
            plan.head.parts.len() > 3,
            "300 applications take several parts"
        );
    }

    #[test]
    fn the_fixture_of_every_collection_reads_back_whole() {
        let text = std::fs::read_to_string("tests/fixtures/v3.json").unwrap();
        let d = decode(&text).unwrap();
        assert!(!d.entries.is_empty() && !d.skills.is_empty() && !d.contacts.is_empty());
        let plan = plan_save(&d, None, keys("g1"));
        let map: HashMap<_, _> = plan.writes.iter().cloned().collect();
        assert_eq!(
            unpack(&plan.head, |k| map.get(k).cloned(), &LIMITS).unwrap(),
            d
        );
    }

    #[test]
    fn an_edit_rewrites_one_part_and_the_rest_keep_their_keys() {
        let d = doc(1000);
        let first = plan_save(&d, None, keys("g1"));
        let mut map = HashMap::new();
        store(&mut map, &first);

        let mut edited = d.clone();
        edited.applications[500]
            .notes
            .push_str(" Follow up Friday.");
        edited.revision += 1;
        let second = plan_save(&edited, Some((&d, &first.head)), keys("g2"));
        assert_eq!(
            second.writes.len(),
            1,
            "one part: {:?}",
            second.writes.iter().map(|w| &w.0).collect::<Vec<_>>()
        );
        assert_eq!(second.stale.len(), 1);
        store(&mut map, &second);
        assert_eq!(
            unpack(&second.head, |k| map.get(k).cloned(), &LIMITS).unwrap(),
            edited
        );
        assert_eq!(map.len(), second.head.parts.len(), "nothing left behind");
    }

    #[test]
    fn adding_or_removing_a_record_leaves_the_other_parts_alone() {
        let d = doc(1000);
        let first = plan_save(&d, None, keys("g1"));
        let mut added = d.clone();
        added.applications.insert(10, numbered(5000, "New Co"));
        let plan = plan_save(&added, Some((&d, &first.head)), keys("g2"));
        assert_eq!(plan.writes.len(), 1);
        let mut removed = d.clone();
        removed.applications.remove(700);
        let plan = plan_save(&removed, Some((&d, &first.head)), keys("g3"));
        assert_eq!(plan.writes.len(), 1);
    }

    #[test]
    fn a_profile_edit_rewrites_the_core_only() {
        let d = doc(200);
        let first = plan_save(&d, None, keys("g1"));
        let mut edited = d.clone();
        edited.profile.headline = "Data analyst".into();
        let plan = plan_save(&edited, Some((&d, &first.head)), keys("g2"));
        assert_eq!(plan.writes.len(), 1);
        assert_eq!(plan.head.parts[0].key, plan.writes[0].0);
        assert_eq!(plan.head.parts[0].kind, Kind::Core);
    }

    #[test]
    fn no_part_exceeds_the_cap_whatever_the_ids() {
        // Ids that never hash to a boundary would make one endless part.
        let never: Vec<RecordId> = (0..20_000u32)
            .map(id)
            .filter(|i| id_hash(*i) % MEAN_PART_RECORDS != 0)
            .take(2000)
            .collect();
        let ranges = chunk_ranges(never.into_iter());
        assert!(ranges.iter().all(|r| r.len() <= MAX_PART_RECORDS));
        assert_eq!(ranges.len(), 2000usize.div_ceil(MAX_PART_RECORDS));
        assert_eq!(ranges.iter().map(|r| r.len()).sum::<usize>(), 2000);
    }

    #[test]
    fn a_missing_or_damaged_part_is_an_error_naming_it() {
        let d = doc(100);
        let plan = plan_save(&d, None, keys("g1"));
        let map: HashMap<_, _> = plan.writes.iter().cloned().collect();
        let gone = plan.head.parts[1].key.clone();
        assert_eq!(
            unpack(&plan.head, |k| (k != gone).then(|| map[k].clone()), &LIMITS),
            Err(DecodeError::MissingPart { key: gone.clone() })
        );
        let damaged = unpack(
            &plan.head,
            |k| {
                Some(if k == gone {
                    "z5:abc".into()
                } else {
                    map[k].clone()
                })
            },
            &LIMITS,
        );
        assert!(matches!(damaged, Err(DecodeError::DamagedPart { key, .. }) if key == gone));
        // A head whose count disagrees with its part.
        let mut head = plan.head.clone();
        head.parts[1].records += 1;
        assert!(matches!(
            unpack(&head, |k| map.get(k).cloned(), &LIMITS),
            Err(DecodeError::DamagedPart { .. })
        ));
    }

    #[test]
    fn a_wrong_field_is_named_by_its_place_in_the_whole_collection() {
        let d = doc(600);
        let plan = plan_save(&d, None, keys("g1"));
        // The first record of the third part of applications.
        let p = &plan.head.parts[3];
        let offset: usize = plan.head.parts[1..3].iter().map(|p| p.records).sum();
        let mut map: HashMap<_, _> = plan.writes.iter().cloned().collect();
        let json = unpack_text(&map[&p.key], 1 << 24).unwrap();
        let mut records: Value = serde_json::from_str(&json).unwrap();
        records[0]["deadline"] = Value::from("next Friday");
        map.insert(p.key.clone(), pack(&records.to_string()));
        // Written so (checksum and all), as a faulty writer would.
        let mut head = plan.head.clone();
        head.parts[3].bytes = Some(records.to_string().len());
        head.parts[3].sum = Some(adler2::adler32_slice(records.to_string().as_bytes()));
        match unpack(&head, |k| map.get(k).cloned(), &LIMITS) {
            Err(DecodeError::WrongShape { path, .. }) => {
                assert_eq!(path, format!("applications[{offset}].deadline"))
            }
            other => panic!("{other:?}"),
        }
    }

    /// Regression: stored parts carried no checksum, so a character
    /// changed inside a part (same length, still valid JSON) was read as
    /// data. Now it is a damaged part: unreadable, never overwritten.
    #[test]
    fn a_part_changed_since_it_was_written_is_damaged_not_data() {
        let d = doc(100);
        let plan = plan_save(&d, None, keys("g1"));
        let p = &plan.head.parts[1];
        let mut map: HashMap<_, _> = plan.writes.iter().cloned().collect();
        let json = unpack_text(&map[&p.key], 1 << 24).unwrap();
        let changed = json.replacen("Org 1\"", "Org 7\"", 1);
        assert_ne!(changed, json);
        assert_eq!(changed.len(), json.len());
        map.insert(p.key.clone(), pack(&changed));
        match unpack(&plan.head, |k| map.get(k).cloned(), &LIMITS) {
            Err(DecodeError::DamagedPart { key, reason }) => {
                assert_eq!(key, p.key);
                assert!(reason.contains("checksum"), "{reason}");
            }
            other => panic!("{other:?}"),
        }
        // Heads written before checksums were kept still read.
        let mut old = plan.head.clone();
        for part in &mut old.parts {
            part.bytes = None;
            part.sum = None;
        }
        assert_eq!(
            unpack(&old, |k| map.get(k).cloned(), &LIMITS)
                .unwrap()
                .applications
                .len(),
            100
        );
    }

    /// Regression: the recovery download of unreadable stored data could
    /// not be restored (Restore knew no such file, and refused its size).
    /// Now it reads through the same checks as stored data; a part that is
    /// really damaged still refuses it.
    #[test]
    fn the_recovery_download_restores_and_a_damaged_part_still_refuses() {
        let d = doc(300);
        let plan = plan_save(&d, None, keys("g1"));
        let map: HashMap<_, _> = plan.writes.iter().cloned().collect();
        let head_text = plan.head.to_text();
        let parts: Vec<(String, Option<String>)> = plan
            .head
            .keys()
            .map(|k| (k.to_owned(), map.get(k).cloned()))
            .collect();
        let file = recovery_text(&head_text, &parts, &LIMITS);
        assert!(file.len() <= MAX_RESTORE_FILE);
        assert_eq!(decode_file(&file, &LIMITS).unwrap(), d);
        // A backup file reads as before.
        assert_eq!(decode_file(&encode(&d), &LIMITS).unwrap(), d);
        // One part missing: refused, naming it.
        let mut missing = parts.clone();
        missing[1].1 = None;
        assert!(matches!(
            decode_file(&recovery_text(&head_text, &missing, &LIMITS), &LIMITS),
            Err(DecodeError::MissingPart { .. })
        ));
        // The largest data a save accepts has a recovery download a restore reads.
        let quotes = "\"".repeat(1000);
        let mut worst = d.clone();
        for a in &mut worst.applications {
            a.notes = quotes.clone();
        }
        let plan = plan_save(&worst, None, keys("g2"));
        let map: HashMap<_, _> = plan.writes.iter().cloned().collect();
        let bytes: usize = plan.head.parts.iter().map(|p| p.bytes.unwrap()).sum();
        let parts: Vec<(String, Option<String>)> = plan
            .head
            .keys()
            .map(|k| (k.to_owned(), map.get(k).cloned()))
            .collect();
        let file = recovery_text(&plan.head.to_text(), &parts, &LIMITS);
        // Each stored quote costs at most 4 characters in the download
        // (\" inside the JSON, escaped again), within twice the budget.
        assert!(
            file.len() <= 2 * bytes + (1 << 20),
            "{} for {bytes}",
            file.len()
        );
    }

    /// Regression: saving had no size limit but reading back allowed at
    /// most `max_bytes` of JSON, so a valid import (two 7.6 MB backups
    /// merged) locked the student out at the next start. What a save
    /// accepts is exactly what reading allows, at the boundary.
    #[test]
    fn what_a_save_accepts_always_reads_back_and_nothing_more() {
        let d = doc(300);
        let plan = plan_save(&d, None, keys("g1"));
        let bytes: usize = plan.head.parts.iter().map(|p| p.bytes.unwrap()).sum();
        let map: HashMap<_, _> = plan.writes.iter().cloned().collect();
        let exact = Limits {
            max_bytes: bytes,
            ..LIMITS
        };
        assert_eq!(plan.head.check_readable(&exact), Ok(()));
        assert_eq!(check_storable(&d, &exact), Ok(()));
        assert_eq!(
            unpack(&plan.head, |k| map.get(k).cloned(), &exact).unwrap(),
            d
        );
        let under = Limits {
            max_bytes: bytes - 1,
            ..LIMITS
        };
        assert_eq!(
            plan.head.check_readable(&under),
            Err(TooLarge::Bytes {
                size: bytes,
                max: bytes - 1
            })
        );
        assert_eq!(check_storable(&d, &under), plan.head.check_readable(&under));
        assert!(unpack(&plan.head, |k| map.get(k).cloned(), &under).is_err());
        let few = Limits {
            max_records: 299,
            ..LIMITS
        };
        assert_eq!(
            check_storable(&d, &few),
            Err(TooLarge::Records {
                kind: "applications",
                count: 300,
                max: 299
            })
        );
        assert!(unpack(&plan.head, |k| map.get(k).cloned(), &few).is_err());
        // An edit keeps the sizes of the parts it does not write.
        let mut edited = d.clone();
        edited.applications[5].notes.push_str(" and more");
        edited.revision += 1;
        let second = plan_save(&edited, Some((&d, &plan.head)), keys("g2"));
        assert!(second.writes.len() < second.head.parts.len());
        let second_bytes: usize = second.head.parts.iter().map(|p| p.bytes.unwrap()).sum();
        assert_eq!(second_bytes, bytes + " and more".len());
        assert!(TooLarge::Bytes {
            size: bytes,
            max: bytes - 1
        }
        .to_string()
        .contains("1 byte over"));
    }

    #[test]
    fn parts_are_checked_within_the_limits() {
        let d = doc(100);
        let plan = plan_save(&d, None, keys("g1"));
        let map: HashMap<_, _> = plan.writes.iter().cloned().collect();
        let tight = Limits {
            max_bytes: 20_000,
            ..LIMITS
        };
        assert!(matches!(
            unpack(&plan.head, |k| map.get(k).cloned(), &tight),
            Err(DecodeError::DamagedPart { reason, .. }) if reason.contains("more than")
        ));
        let few = Limits {
            max_records: 50,
            ..LIMITS
        };
        assert!(matches!(
            unpack(&plan.head, |k| map.get(k).cloned(), &few),
            Err(DecodeError::TooManyRecords { .. })
        ));
    }

    /// Guards the direct read of a part (text straight to records, no JSON
    /// tree): it may skip the tree only when the scan proves every string
    /// and list within the limits, so these must still be refused, and
    /// named by their place in the whole collection.
    #[test]
    fn a_string_or_list_over_the_limits_is_refused_although_parts_are_read_directly() {
        let mut d = doc(200);
        for a in &mut d.applications {
            a.notes = "short".into();
        }
        d.applications[150].notes = "é".repeat(60);
        let plan = plan_save(&d, None, keys("g1"));
        let map: HashMap<_, _> = plan.writes.iter().cloned().collect();
        assert!(
            plan.head
                .parts
                .iter()
                .filter(|p| p.kind == Kind::Applications)
                .count()
                > 1
        );
        let read = |limits: &Limits| unpack(&plan.head, |k| map.get(k).cloned(), limits);
        assert_eq!(
            read(&Limits {
                max_string_chars: 59,
                ..LIMITS
            }),
            Err(DecodeError::StringTooLong {
                path: "applications[150].notes".into(),
                max: 59
            })
        );
        // 60 characters (120 bytes) are within a limit of 60: the scan
        // cannot prove it, the checked path can.
        assert_eq!(
            read(&Limits {
                max_string_chars: 60,
                ..LIMITS
            }),
            Ok(d.clone())
        );

        let mut d = doc(10);
        d.applications[7].tags = (0..30).map(|i| format!("t{i}")).collect();
        let plan = plan_save(&d, None, keys("g2"));
        let map: HashMap<_, _> = plan.writes.iter().cloned().collect();
        assert_eq!(
            unpack(
                &plan.head,
                |k| map.get(k).cloned(),
                &Limits {
                    max_records: 20,
                    ..LIMITS
                }
            ),
            Err(DecodeError::TooManyRecords {
                path: "applications[7].tags".into(),
                count: 30,
                max: 20
            })
        );
    }

    #[test]
    fn a_newer_layout_or_schema_is_refused_and_a_plain_document_is_not_a_head() {
        let head = plan_save(&doc(1), None, keys("g1")).head;
        let newer = head.to_text().replace("\"layout\":1", "\"layout\":2");
        assert!(matches!(
            read_head(&newer),
            Some(Err(DecodeError::NewerLayout { found: 2, .. }))
        ));
        let newer = head.to_text().replace(
            &format!("\"schema_version\":{SCHEMA_VERSION}"),
            "\"schema_version\":9",
        );
        assert!(matches!(
            read_head(&newer),
            Some(Err(DecodeError::NewerVersion { found: 9, .. }))
        ));
        assert_eq!(read_head(&encode(&doc(3))), None);
        assert_eq!(read_head("garbage"), None);
        // Regression: a multi-byte character across byte 64 panicked.
        let wide = format!("{{\"a{}\":1}}", "é".repeat(40));
        assert!(!wide.is_char_boundary(64));
        assert_eq!(read_head(&wide), None);
        assert_eq!(read_head(""), None);
    }

    #[test]
    fn an_older_schema_in_parts_goes_through_the_migrations() {
        // A version 2 document (no entries, skills, settings or revision)
        // packed by hand: its core and one part of applications.
        let v2: Value =
            serde_json::from_str(&std::fs::read_to_string("tests/fixtures/v2.json").unwrap())
                .unwrap();
        let mut core = v2.as_object().unwrap().clone();
        let apps = core
            .insert("applications".into(), Value::Array(vec![]))
            .unwrap();
        let contacts = core
            .insert("contacts".into(), Value::Array(vec![]))
            .unwrap();
        let n = |v: &Value| v.as_array().unwrap().len();
        let head = Head {
            format: STORE_FORMAT.into(),
            layout: LAYOUT,
            schema_version: 2,
            revision: 0,
            parts: vec![
                PartRef {
                    kind: Kind::Core,
                    key: "c".into(),
                    records: 0,
                    bytes: None,
                    sum: None,
                },
                PartRef {
                    kind: Kind::Applications,
                    key: "a".into(),
                    records: n(&apps),
                    bytes: None,
                    sum: None,
                },
                PartRef {
                    kind: Kind::Contacts,
                    key: "p".into(),
                    records: n(&contacts),
                    bytes: None,
                    sum: None,
                },
            ],
        };
        let map: HashMap<&str, String> = [
            ("c", pack(&Value::Object(core).to_string())),
            ("a", pack(&apps.to_string())),
            ("p", pack(&contacts.to_string())),
        ]
        .into();
        let read = unpack(&head, |k| map.get(k).cloned(), &LIMITS).unwrap();
        let plain = decode(&v2.to_string()).unwrap();
        assert_eq!(read, plain);
        assert_eq!(read.schema_version, SCHEMA_VERSION);
    }

    #[test]
    fn the_recovery_text_holds_what_could_be_unpacked_and_the_rest_as_stored() {
        let text = recovery_text(
            "{\"format\":\"microfolio-store\"}",
            &[
                ("a".into(), Some(pack("[1,2]"))),
                ("b".into(), Some("broken".into())),
                ("c".into(), None),
            ],
            &LIMITS,
        );
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["parts"][0]["text"], "[1,2]");
        assert_eq!(v["parts"][1]["text"], "broken");
        assert_eq!(v["parts"][2]["text"], Value::Null);
    }
}
