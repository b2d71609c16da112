//! Passphrases for the transfer link: a proposal of [`PROPOSED_WORDS`]
//! distinct words from [`WORDS`] (256 words, so one random byte picks one
//! word: about 8 bits each, 47.9 in all), and the minimum
//! strength of a passphrase the student types. The random bytes are passed
//! in (`crypto.getRandomValues` in the browser): the core draws none.
//!
//! Strength is an estimate, deliberately rough: a passphrase made only of
//! the list's words counts 8 bits per distinct word; any other counts the
//! bits of its character classes per character, but no more characters
//! than twice its distinct ones (so `aaaaaaaaaaaa` is weak). The PBKDF2
//! work factor (600,000 rounds) comes on top of this.

/// How many words a proposed passphrase has.
pub const PROPOSED_WORDS: usize = 6;

/// The estimated strength every passphrase must reach (a proposal has it).
pub const MIN_BITS: u32 = 48;

/// 256 short, common, distinct English words, in alphabetical order.
pub const WORDS: [&str; 256] = [
    "acorn", "actor", "adobe", "agent", "alarm", "album", "alley", "amber", "anchor", "angle",
    "ankle", "apple", "apron", "arena", "arrow", "atlas", "attic", "autumn", "avenue", "bacon",
    "badge", "bagel", "baker", "bamboo", "banjo", "barrel", "basil", "basket", "beach", "beacon",
    "beaver", "bench", "berry", "bicycle", "bison", "blanket", "blossom", "border", "bottle",
    "bramble", "bread", "breeze", "brick", "bridge", "brook", "bucket", "buffalo", "bugle",
    "bundle", "butter", "button", "cabin", "cactus", "camel", "candle", "canoe", "canyon",
    "carpet", "carrot", "castle", "cedar", "cello", "chalk", "cherry", "chess", "chimney", "cider",
    "circus", "citrus", "clover", "cobalt", "cocoa", "comet", "copper", "coral", "cotton",
    "cougar", "cradle", "crane", "crayon", "cricket", "crystal", "cup", "daisy", "dancer", "delta",
    "desert", "diesel", "dinner", "dolphin", "donkey", "dragon", "drum", "eagle", "easel", "echo",
    "elbow", "ember", "engine", "falcon", "feather", "fennel", "ferry", "fiddle", "field", "finch",
    "flannel", "flute", "forest", "fossil", "fox", "garden", "garlic", "gecko", "ginger",
    "glacier", "globe", "goose", "grape", "gravel", "guitar", "hammer", "harbor", "harvest",
    "hazel", "helmet", "heron", "hickory", "honey", "hornet", "iceberg", "igloo", "island",
    "ivory", "jacket", "jaguar", "jasmine", "jelly", "jigsaw", "juniper", "kayak", "kettle",
    "kiwi", "koala", "ladder", "lagoon", "lemon", "lentil", "letter", "lilac", "lily", "linen",
    "lizard", "locket", "lotus", "magnet", "mango", "maple", "marble", "meadow", "melon", "meteor",
    "mint", "mitten", "mosaic", "muffin", "napkin", "nectar", "needle", "nutmeg", "oasis", "ocean",
    "olive", "onion", "orbit", "orchid", "otter", "oyster", "paddle", "panda", "papaya", "parrot",
    "pasta", "peach", "pebble", "pepper", "piano", "pickle", "pigeon", "pillow", "pine", "planet",
    "plum", "pocket", "pony", "poppy", "potato", "puffin", "quartz", "quill", "rabbit", "radish",
    "raft", "rain", "raven", "ribbon", "river", "robin", "rocket", "rose", "saddle", "salmon",
    "sandal", "saturn", "scarf", "shadow", "shell", "sierra", "silver", "sketch", "sled", "spider",
    "spruce", "squash", "stable", "stamp", "straw", "summit", "sunset", "swan", "tablet", "tango",
    "teapot", "tiger", "toast", "tomato", "torch", "tulip", "tundra", "turnip", "turtle", "valley",
    "velvet", "violin", "waffle", "walnut", "walrus", "wave", "whale", "willow", "window",
    "winter", "wizard", "yogurt", "zebra", "zephyr",
];

/// A proposed passphrase: six distinct words joined by spaces, the i-th
/// chosen by byte i among the words not taken yet (so a repeated byte
/// never repeats a word, which would weaken it).
pub fn propose(random: [u8; PROPOSED_WORDS]) -> String {
    let mut left: Vec<&str> = WORDS.to_vec();
    let mut chosen = Vec::with_capacity(PROPOSED_WORDS);
    for b in random {
        chosen.push(left.remove(usize::from(b) % left.len()));
    }
    chosen.join(" ")
}

/// The estimated strength of `passphrase`, in bits (see the module docs).
pub fn strength_bits(passphrase: &str) -> u32 {
    let words: Vec<String> = passphrase
        .split(|c: char| c.is_whitespace() || c == '-' || c == '.' || c == '_')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() > 1 && words.iter().all(|w| WORDS.contains(&w.as_str())) {
        let mut distinct = words.clone();
        distinct.sort();
        distinct.dedup();
        return 8 * distinct.len() as u32;
    }
    let chars: Vec<char> = passphrase.chars().collect();
    let mut distinct = chars.clone();
    distinct.sort_unstable();
    distinct.dedup();
    type IsIn = fn(&char) -> bool;
    let classes: [(IsIn, u32); 4] = [
        (char::is_ascii_lowercase, 26),
        (char::is_ascii_uppercase, 26),
        (char::is_ascii_digit, 10),
        (|c: &char| !c.is_ascii_alphanumeric(), 33),
    ];
    let pool: u32 = classes
        .iter()
        .filter(|(is, _)| chars.iter().any(is))
        .map(|(_, size)| size)
        .sum();
    let counted = chars.len().min(2 * distinct.len()) as f64;
    (counted * f64::from(pool.max(1)).log2()).floor() as u32
}

/// Why a typed passphrase is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "This passphrase is too easy to guess. Use the proposed words, or at least \
     11 letters without repeats, or mix in capitals, digits and symbols."
)]
pub struct WeakPassphrase;

/// Accepts `passphrase` if it reaches [`MIN_BITS`].
pub fn check(passphrase: &str) -> Result<(), WeakPassphrase> {
    if strength_bits(passphrase) >= MIN_BITS {
        Ok(())
    } else {
        Err(WeakPassphrase)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_list_has_256_distinct_lower_case_words() {
        let mut sorted = WORDS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 256);
        assert!(WORDS
            .iter()
            .all(|w| w.chars().all(|c| c.is_ascii_lowercase())));
    }

    #[test]
    fn a_proposal_takes_one_word_per_byte_and_is_strong_enough() {
        let p = propose([0, 0, 0, 0, 0, 250]);
        assert_eq!(p, "acorn actor adobe agent alarm zephyr");
        assert_eq!(strength_bits(&p), 48);
        assert_eq!(check(&p), Ok(()));
    }

    #[test]
    fn a_proposal_never_repeats_a_word() {
        // Regression (issue 22): six random bytes with two alike proposed a
        // repeated word, which the strength rule then refused.
        for b in [0u8, 7, 128, 255] {
            let p = propose([b; PROPOSED_WORDS]);
            let mut words: Vec<_> = p.split(' ').collect();
            words.sort_unstable();
            words.dedup();
            assert_eq!(words.len(), PROPOSED_WORDS, "{p}");
            assert_eq!(check(&p), Ok(()), "{p}");
        }
    }

    #[test]
    fn repeated_or_too_few_list_words_are_weak() {
        // Five list words are 40 bits; a repeated word counts once.
        assert_eq!(check("acorn actor adobe agent alarm"), Err(WeakPassphrase));
        assert_eq!(
            check("acorn acorn acorn acorn acorn acorn"),
            Err(WeakPassphrase)
        );
        assert_eq!(strength_bits("Acorn-Actor-Adobe-Agent-Alarm-Zebra"), 48);
    }

    #[test]
    fn typed_passphrases_need_length_and_variety() {
        assert_eq!(check(""), Err(WeakPassphrase));
        assert_eq!(check("password"), Err(WeakPassphrase));
        assert_eq!(check("aaaaaaaaaaaaaaaaaaaa"), Err(WeakPassphrase));
        assert_eq!(check("abcdefghij"), Err(WeakPassphrase));
        assert_eq!(check("abcdefghijk"), Ok(()));
        assert_eq!(check("My dog Rex, 2019!"), Ok(()));
    }
}
