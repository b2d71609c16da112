//! The competencies a feedback request may ask about, and the rating
//! scale. By default NACE's eight career-readiness competencies; a career
//! center replaces the list with `competencies` in `config.json`
//! (`crate::domain::config`).

use std::ops::RangeInclusive;

/// NACE's career-readiness competencies (2021 revision), in NACE's order.
pub const NACE: [&str; 8] = [
    "Career & Self-Development",
    "Communication",
    "Critical Thinking",
    "Equity & Inclusion",
    "Leadership",
    "Professionalism",
    "Teamwork",
    "Technology",
];

/// The rating scale (the same as an entry's feedback rating).
pub const SCALE: RangeInclusive<u8> = 1..=5;

/// Each level's name and what it means, shown beside the choice.
pub const LEVELS: [(u8, &str, &str); 5] = [
    (
        1,
        "Not yet shown",
        "Did not show this yet, or had no chance to.",
    ),
    (2, "Emerging", "Showed it with a lot of guidance."),
    (3, "Developing", "Showed it with some guidance."),
    (4, "Proficient", "Showed it on their own, reliably."),
    (
        5,
        "Exemplary",
        "Showed it at the level of an experienced professional.",
    ),
];

/// Most competencies a request asks about (a config list is capped here too).
pub const MAX_COMPETENCIES: usize = 20;

/// The level's name: "4 · Proficient".
pub fn level_label(rating: u8) -> String {
    LEVELS.iter().find(|(n, ..)| *n == rating).map_or_else(
        || rating.to_string(),
        |(n, name, _)| format!("{n} · {name}"),
    )
}

/// The default list as owned names.
pub fn default_list() -> Vec<String> {
    NACE.iter().map(|s| (*s).to_owned()).collect()
}
