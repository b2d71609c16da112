//! Cell values as spreadsheets write them, made into what the application
//! form reads: the export's formula guard removed, amounts with a currency
//! or a decimal comma, arrangements in other words.

use super::stages;
use crate::domain::exports::needs_formula_guard;

/// A cell's text: trimmed, and without the `'` this app's export (and
/// spreadsheets) put before text that would otherwise run as a formula.
pub fn cell_text(raw: &str) -> &str {
    let t = raw.trim();
    match t.strip_prefix('\'') {
        Some(rest) if needs_formula_guard(rest) => rest,
        _ => t,
    }
}

/// Whether a spreadsheet would run `text` as a formula (`=SUM(A1)`,
/// `@cmd`, `-x+y`); numbers and phone numbers (`-5`, `+1 555`) are not.
pub fn looks_like_formula(text: &str) -> bool {
    let mut chars = text.chars();
    match chars.next() {
        Some('=' | '@') => true,
        Some('+' | '-') => chars
            .next()
            .is_some_and(|c| !(c.is_ascii_digit() || c == ' ' || c == '.')),
        _ => false,
    }
}

/// An amount as the form reads it: "400 USD" → ("400", "USD"), "€1.250,50"
/// → ("1250.50", "EUR"), "7,5" → "7.5".
pub(super) fn amount(text: &str) -> (String, Option<String>) {
    let mut currency = None;
    let mut rest = Vec::new();
    for part in text.split_whitespace() {
        if part.len() == 3 && part.chars().all(|c| c.is_ascii_alphabetic()) {
            currency = Some(part.to_ascii_uppercase());
        } else {
            rest.push(part);
        }
    }
    let mut t = rest.concat();
    for (sign, code) in [('€', "EUR"), ('£', "GBP")] {
        if t.contains(sign) {
            t = t.replace(sign, "");
            currency.get_or_insert_with(|| code.to_owned());
        }
    }
    let t = t.trim_start_matches('$');
    // A decimal comma: "1.250,50" or "7,5".
    let decimal_comma = t
        .rsplit_once(',')
        .is_some_and(|(_, f)| (1..=2).contains(&f.len()) && f.chars().all(|c| c.is_ascii_digit()));
    let t = if decimal_comma {
        t.replace('.', "").replace(',', ".")
    } else {
        t.to_owned()
    };
    (t, currency)
}

pub(super) fn arrangement(text: &str) -> String {
    let k = stages::key(text);
    let slug = match k.as_str() {
        "remote" | "online" | "virtual" | "wfh" | "work from home" => "remote",
        "in person" | "on site" | "onsite" | "office" | "in office" | "in_person" => "in_person",
        "hybrid" => "hybrid",
        _ => text,
    };
    slug.to_owned()
}
