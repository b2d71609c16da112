//! Fuzz target: `decode` must never panic, whatever it accepts must
//! survive `encode` → `decode` unchanged, and nothing it accepts may make
//! an export, a total or a share panic (ids are unique and values in
//! range once decoded: `domain::codec::checks`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use microfolio::domain::share::{build, decode_shared, encode_shared, ShareOptions};
use microfolio::domain::{decode, economics, encode, exports, stats};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(doc) = decode(text) {
            let again = decode(&encode(&doc)).expect("an encoded document decodes");
            assert_eq!(again, doc);
            let now = doc.updated;
            let _ = exports::calendar_ics(&doc, now);
            let _ = exports::applications_csv(&doc);
            let _ = exports::json_resume(&doc);
            for t in economics::yearly_totals(&doc.entries) {
                let _ = economics::money_list(&t.earned);
            }
            for e in &doc.entries {
                let _ = economics::effective_rate(e).map(|r| r.describe());
            }
            let _ = stats::monthly(&doc.entries, now.date_naive(), 12);
            let options = ShareOptions {
                private_entries: true,
                fees: true,
                ..ShareOptions::default()
            };
            let share = build(&doc, &options, now);
            let back = decode_shared(&encode_shared(&share)).expect("a built share decodes");
            assert_eq!(back, share);
        }
    }
});
