//! The key-value store the document is kept in: a small trait with the
//! browser's `localStorage` behind it in the app (`super::local`) and an
//! in-memory one ([`Memory`]) for native tests, so saving, merging and
//! read-only are tested without a browser.

use super::{SaveError, Unavailable};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

/// What the storage code needs of a store: `localStorage`'s operations.
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, Unavailable>;
    /// Fails with [`SaveError::QuotaExceeded`] when the store is full.
    fn set(&self, key: &str, value: &str) -> Result<(), SaveError>;
    fn remove(&self, key: &str);
    /// Every key held now.
    fn keys(&self) -> Vec<String>;
}

impl<T: KeyValue + ?Sized> KeyValue for Rc<T> {
    fn get(&self, key: &str) -> Result<Option<String>, Unavailable> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), SaveError> {
        (**self).set(key, value)
    }
    fn remove(&self, key: &str) {
        (**self).remove(key)
    }
    fn keys(&self) -> Vec<String> {
        (**self).keys()
    }
}

/// A store in memory, with an optional quota in characters (keys and
/// values together, as browsers count `localStorage`). Shared between two
/// controllers through an `Rc`, it stands for two tabs of one browser.
#[derive(Debug, Default)]
pub struct Memory {
    items: RefCell<BTreeMap<String, String>>,
    quota: Cell<Option<usize>>,
}

impl Memory {
    pub fn new() -> Self {
        Self::default()
    }

    /// Limits what the store holds (`None`: no limit).
    pub fn set_quota(&self, chars: Option<usize>) {
        self.quota.set(chars);
    }

    /// Characters held now (keys and values).
    pub fn used(&self) -> usize {
        self.items
            .borrow()
            .iter()
            .map(|(k, v)| k.chars().count() + v.chars().count())
            .sum()
    }

    /// A copy of everything held, to check that nothing changed.
    pub fn dump(&self) -> BTreeMap<String, String> {
        self.items.borrow().clone()
    }
}

impl KeyValue for Memory {
    fn get(&self, key: &str) -> Result<Option<String>, Unavailable> {
        Ok(self.items.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), SaveError> {
        if let Some(quota) = self.quota.get() {
            let replaced = self
                .items
                .borrow()
                .get(key)
                .map_or(0, |old| key.chars().count() + old.chars().count());
            let after = self.used() - replaced + key.chars().count() + value.chars().count();
            if after > quota {
                return Err(SaveError::QuotaExceeded);
            }
        }
        self.items
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) {
        self.items.borrow_mut().remove(key);
    }

    fn keys(&self) -> Vec<String> {
        self.items.borrow().keys().cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_memory_store_refuses_and_keeps_what_it_held() {
        let store = Memory::new();
        store.set("a", "12345").unwrap();
        store.set_quota(Some(8));
        assert_eq!(store.set("b", "123"), Err(SaveError::QuotaExceeded));
        // Replacing a value counts only the difference.
        store.set("a", "1234567").unwrap();
        assert_eq!(store.get("a").unwrap().as_deref(), Some("1234567"));
        assert_eq!(store.keys(), vec!["a".to_owned()]);
    }
}
