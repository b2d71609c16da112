//! Fuzz target: `decode` must never panic, and whatever it accepts must
//! survive `encode` → `decode` unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use microfolio::domain::{decode, encode};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(doc) = decode(text) {
            let again = decode(&encode(&doc)).expect("an encoded document decodes");
            assert_eq!(again, doc);
        }
    }
});
