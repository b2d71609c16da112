//! The save controller: plain Rust that decides what to write and how to
//! merge, over any [`KeyValue`] store. The UI (`ui::saving`) only decides
//! when: after a change, on leaving the page, on another tab's save.
//!
//! - A save reads the document key first. If another tab saved since this
//!   one last read or wrote, the two are merged record by record against
//!   the last common version ([`merge3`]), the merge is written, and the
//!   tab is given it (with any conflicts) to show.
//! - Stored data this tab cannot read (a newer schema, damage) makes it
//!   read-only: it is never written over or downgraded.
//! - A failed write (a full quota among them) leaves storage as it was and
//!   the document in memory; the next save tries again.

use super::{KeyValue, SaveError, Stored, Unreadable, Writer};
use crate::domain::merge::{merge3, Conflict};
use crate::domain::{DecodeError, Document};

/// Owns the one [`Writer`] and what is known of storage.
pub struct SaveController<S: KeyValue> {
    store: S,
    writer: Writer,
    /// The last version known to be in storage (read or written here).
    base: Document,
    /// What the document key held for it (`None`: nothing yet).
    stored: Option<Stored>,
    /// Why this tab must not write, once it must not.
    read_only: Option<String>,
}

/// A save that reached storage.
#[derive(Debug, PartialEq)]
pub struct Saved {
    /// The document's revision now in storage.
    pub revision: u64,
    /// What was written, when it differs from the tab's document (another
    /// tab's changes merged in): the tab must show it.
    pub merged: Option<Box<Document>>,
    /// Records both tabs changed; each kept one side.
    pub conflicts: Vec<Conflict>,
}

/// What a save came to.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    Saved(Saved),
    /// Nothing was written; the document is kept in memory.
    Failed {
        message: String,
        quota: bool,
    },
    /// This tab must not write (why, for the banner).
    ReadOnly(String),
}

/// What another tab's save means for this one.
#[derive(Debug, PartialEq)]
pub enum Remote {
    /// Nothing to take in (not ours, already known, or not complete yet).
    Nothing,
    /// Show this document (storage now holds it).
    Take(Box<Document>),
    /// It cannot be read: this tab is now read-only.
    ReadOnly(String),
}

impl<S: KeyValue> SaveController<S> {
    /// `base` was read from `stored` (or there was nothing: `None`).
    pub fn new(store: S, writer: Writer, base: Document, stored: Option<Stored>) -> Self {
        Self {
            store,
            writer,
            base,
            stored,
            read_only: None,
        }
    }

    /// The user's explicit choice on the recovery screen: `doc` replaces
    /// the unreadable data (the only write over data that was not read).
    pub fn start_fresh(
        store: S,
        unreadable: &Unreadable,
        doc: Document,
    ) -> Result<Self, SaveError> {
        let writer = unreadable.start_fresh();
        let stored = writer.save(&store, &doc, None)?;
        Ok(Self::new(store, writer, doc, Some(stored)))
    }

    /// Writes `ours`, merged with whatever another tab saved since.
    pub fn save(&mut self, ours: &Document) -> Outcome {
        if let Some(why) = &self.read_only {
            return Outcome::ReadOnly(why.clone());
        }
        let raw = match self.store.get(self.writer.key()) {
            Ok(raw) => raw,
            Err(e) => {
                return Outcome::Failed {
                    message: e.to_string(),
                    quota: false,
                }
            }
        };
        let known = self.stored.as_ref().map(Stored::text);
        let theirs = match raw {
            Some(raw) if Some(raw.as_str()) != known => match self.writer.load(&self.store, &raw) {
                Ok(theirs) => Some(theirs),
                Err(e) => return Outcome::ReadOnly(self.refuse(&e)),
            },
            _ => None,
        };
        let (mut next, conflicts) = match &theirs {
            Some((theirs, _)) => {
                let (mut merged, conflicts) = merge3(&self.base, ours, theirs);
                merged.revision = theirs.revision;
                (merged, conflicts)
            }
            None => (ours.clone(), Vec::new()),
        };
        next.revision = self.base.revision.max(next.revision) + 1;
        let previous = match &theirs {
            Some((doc, stored)) => Some((doc, stored)),
            None => self.stored.as_ref().map(|stored| (&self.base, stored)),
        };
        match self.writer.save(&self.store, &next, previous) {
            Ok(stored) => {
                let merged = theirs.is_some() && {
                    let mut a = next.clone();
                    a.revision = ours.revision;
                    a != *ours
                };
                let revision = next.revision;
                let merged = merged.then(|| Box::new(next.clone()));
                self.base = next;
                self.stored = Some(stored);
                Outcome::Saved(Saved {
                    revision,
                    merged,
                    conflicts,
                })
            }
            Err(e) => Outcome::Failed {
                message: e.to_string(),
                quota: e == SaveError::QuotaExceeded,
            },
        }
    }

    /// Another tab wrote `raw` under `key`. Call only when this tab has
    /// nothing unsaved: otherwise the next [`save`](Self::save) reads and
    /// merges it.
    pub fn on_remote(&mut self, key: Option<&str>, raw: Option<&str>) -> Remote {
        if key != Some(self.writer.key()) || self.read_only.is_some() {
            return Remote::Nothing;
        }
        let Some(raw) = raw else {
            return Remote::Nothing;
        };
        if self.stored.as_ref().map(Stored::text) == Some(raw) {
            return Remote::Nothing;
        }
        match self.writer.load(&self.store, raw) {
            // The other tab writes its parts before its head, but this tab
            // may not see them all yet: the next save reads them again.
            Err(DecodeError::MissingPart { .. }) => Remote::Nothing,
            Err(e) => Remote::ReadOnly(self.refuse(&e)),
            Ok((theirs, stored)) => {
                self.base = theirs.clone();
                self.stored = Some(stored);
                Remote::Take(Box::new(theirs))
            }
        }
    }

    /// Stored data this tab cannot read: never write over it.
    fn refuse(&mut self, error: &DecodeError) -> String {
        let why = if error.is_newer() {
            "A newer version of Microfolio saved your data in another tab. This tab is now read-only so it cannot overwrite it: reload to use the newer version.".to_owned()
        } else {
            format!(
                "Your saved data was changed elsewhere and cannot be read ({error}). This tab will not write over it: reload to see the recovery options."
            )
        };
        self.read_only = Some(why.clone());
        why
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only.is_some()
    }

    /// The document key (shown on the Data view).
    pub fn key(&self) -> &str {
        self.writer.key()
    }

    /// Keeps `text` (the data before an import) for "Undo import".
    pub fn save_snapshot(&self, text: &str) -> Result<(), SaveError> {
        self.writer.save_snapshot(&self.store, text)
    }

    /// The data before the last import, if kept.
    pub fn read_snapshot(&self) -> Option<String> {
        self.writer.read_snapshot(&self.store)
    }

    pub fn clear_snapshot(&self) {
        self.writer.clear_snapshot(&self.store)
    }
}

#[cfg(test)]
mod tests;
