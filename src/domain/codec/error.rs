//! Why a stored, imported or shared text could not be read: one error for
//! every reader of the stored format, each saying which and where.

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
    #[error(
        "This is a portfolio someone shared, not a backup. Open it under \
         “Open a shared portfolio” to view it."
    )]
    IsSharedPortfolio,
    #[error(
        "This is a full Microfolio backup, not a shared portfolio. To load it \
         into your own data, use Data → Restore."
    )]
    IsBackup,
    #[error("It is JSON, but not a shared Microfolio portfolio (no \"format\": \"microfolio-portfolio\").")]
    NotSharedPortfolio,
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
    #[error(
        "It was saved by a newer version of Microfolio (storage layout {found}; \
         this copy reads up to {supported}). Open it with the newer version."
    )]
    NewerLayout { found: u64, supported: u32 },
    #[error("Part of the saved data is missing ({key}).")]
    MissingPart { key: String },
    #[error("Part of the saved data is damaged ({key}: {reason}).")]
    DamagedPart { key: String, reason: String },
    #[error("It is too large ({bytes} bytes; at most {max} bytes are read).")]
    TooLarge { bytes: usize, max: usize },
    #[error("It is nested too deeply (more than {max} levels).")]
    TooDeep { max: usize },
    #[error("A text in it is too long: {path} has more than {max} characters.")]
    StringTooLong { path: String, max: usize },
    #[error("It has too many records: {path} has {count} (at most {max}).")]
    TooManyRecords {
        path: String,
        count: usize,
        max: usize,
    },
    /// Two records of one collection share an id (`path` is the second's
    /// id, `first` the record it repeats).
    #[error("Two records in it have the same id: {path}: the same id as {first}.")]
    DuplicateId { path: String, first: String },
    /// A date, rating, level, fee or number of hours outside what the app
    /// allows (`super::checks`).
    #[error("A value in it is out of range: {path} is {found} (allowed: {allowed}).")]
    OutOfRange {
        path: String,
        found: String,
        allowed: String,
    },
}

impl DecodeError {
    /// Written by a newer version of the app (schema or storage layout):
    /// never to be overwritten by this one.
    pub fn is_newer(&self) -> bool {
        matches!(
            self,
            DecodeError::NewerVersion { .. } | DecodeError::NewerLayout { .. }
        )
    }
}
