//! Lookups by record id, built once per view or per call and then
//! logarithmic: joins (an entry's skills, its supervisor, the entries that
//! show a skill) go through these instead of scanning a list for every
//! reference, so their cost grows with the size of the data, not with its
//! square or cube. Ordered maps, not hash maps: no random seed, the same
//! cost for any ids a hostile file may choose, and nothing here depends on
//! iteration order.

use super::record::RecordId;
use std::collections::BTreeMap;

/// Records by id. With duplicate ids the first one wins, as a linear
/// `iter().find(..)` over the same list would give.
#[derive(Clone, Debug)]
pub struct ById<'a, T> {
    map: BTreeMap<RecordId, &'a T>,
}

impl<'a, T> ById<'a, T> {
    pub fn new(items: &'a [T], id: impl Fn(&T) -> RecordId) -> Self {
        let mut map = BTreeMap::new();
        for item in items {
            map.entry(id(item)).or_insert(item);
        }
        Self { map }
    }

    pub fn get(&self, id: RecordId) -> Option<&'a T> {
        self.map.get(&id).copied()
    }

    pub fn contains(&self, id: RecordId) -> bool {
        self.map.contains_key(&id)
    }
}

/// For each id, the positions in `items` of the items that list it, in
/// order, each item once even if it lists the id twice (as
/// `items.iter().filter(|i| ids(i).contains(&id))` would give, for every id
/// at once).
pub fn listing<'a, T: 'a>(
    items: &'a [T],
    ids: impl Fn(&'a T) -> &'a [RecordId],
) -> BTreeMap<RecordId, Vec<usize>> {
    let mut map: BTreeMap<RecordId, Vec<usize>> = BTreeMap::new();
    for (i, item) in items.iter().enumerate() {
        for id in ids(item) {
            let positions = map.entry(*id).or_default();
            if positions.last() != Some(&i) {
                positions.push(i);
            }
        }
    }
    map
}

/// Runs `work` on its own thread and fails if it takes longer than
/// `seconds`: a test on a large input uses it to turn a join that is
/// quadratic or worse again (minutes on such an input) into a failure
/// rather than a test that never ends. It measures no milliseconds: the
/// work it guards takes a small fraction of the limit.
/// A repeatable pseudo-random source for tests: `next(n)` is in `0..n`.
#[cfg(test)]
pub(crate) fn seeded(seed: u64) -> impl FnMut(u64) -> u64 {
    let mut x = seed;
    move |n| {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (x >> 33) % n
    }
}

#[cfg(test)]
pub(crate) fn finishes_within<T: Send + 'static>(
    seconds: u64,
    work: impl FnOnce() -> T + Send + 'static,
) -> T {
    use std::sync::mpsc::{channel, RecvTimeoutError};
    let (send, receive) = channel();
    let worker = std::thread::spawn(move || {
        let _ = send.send(work());
    });
    match receive.recv_timeout(std::time::Duration::from_secs(seconds)) {
        Ok(value) => value,
        Err(RecvTimeoutError::Timeout) => {
            panic!("not done after {seconds} s: the work grows faster than its input")
        }
        Err(RecvTimeoutError::Disconnected) => match worker.join() {
            Err(panic) => std::panic::resume_unwind(panic),
            Ok(()) => unreachable!("the worker sends before it ends"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u8) -> RecordId {
        RecordId::from_random_bytes([n; 16])
    }

    #[test]
    fn the_first_record_with_an_id_wins_as_a_linear_find_would() {
        let items = [(id(1), "a"), (id(2), "b"), (id(1), "c")];
        let by = ById::new(&items, |i| i.0);
        for probe in [id(1), id(2), id(3)] {
            assert_eq!(
                by.get(probe).map(|i| i.1),
                items.iter().find(|i| i.0 == probe).map(|i| i.1)
            );
        }
        assert!(by.contains(id(2)) && !by.contains(id(3)));
    }

    #[test]
    fn listing_gives_each_item_once_in_order_as_a_filter_would() {
        let items = [
            vec![id(1), id(2), id(1)],
            vec![],
            vec![id(2)],
            vec![id(3), id(1)],
        ];
        let map = listing(&items, |v| v.as_slice());
        for probe in [id(1), id(2), id(3), id(4)] {
            let linear: Vec<usize> = (0..items.len())
                .filter(|&i| items[i].contains(&probe))
                .collect();
            assert_eq!(map.get(&probe).cloned().unwrap_or_default(), linear);
        }
    }
}
