//! The pure domain core: data types, validation, the stored document format
//! and its migrations. It does no IO and never reads the clock or a random
//! source: callers pass `now` and fresh ids in, so every rule is testable
//! natively with `cargo test`.

pub mod application;
pub mod bounds;
pub mod codec;
pub mod config;
pub mod contact;
pub mod csv_import;
pub mod device;
pub mod document;
pub mod economics;
pub mod exports;
pub mod feedback_link;
pub mod headline;
pub mod import;
pub mod index;
pub mod inventory;
pub mod merge;
pub mod packed;
pub mod passphrase;
pub mod portfolio;
pub mod profile;
pub mod query;
pub mod record;
pub mod sample;
pub mod share;
pub mod size;
pub mod skill;
pub mod stats;
pub mod storage_key;
pub mod sync;
pub mod transfer;
pub mod validate;

pub use application::{Application, ApplicationForm, Stage};
pub use codec::{decode, decode_within, encode, encode_backup, DecodeError, Limits, LIMITS};
pub use contact::{Contact, ContactForm, ContactKind};
pub use document::{
    Document, RemovedApplication, RemovedContact, RemovedEntry, RemovedSkill, Settings, FORMAT,
    SCHEMA_VERSION,
};
pub use portfolio::{EntryForm, PortfolioEntry};
pub use profile::{Profile, ProfileField, ProfileForm};
pub use record::{Meta, RecordId};
pub use skill::Skill;
pub use validate::{FieldError, SafeUrl, UrlPolicy};
