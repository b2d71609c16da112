//! Skills: what the student can do, with a self-assessed level (1-5) and a
//! target. Portfolio entries and applications refer to skills; entries do
//! so by id, so renaming a skill never breaks a reference.

use super::record::{Meta, RecordId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SkillCategory {
    Technical,
    Soft,
    Tool,
    Domain,
    Language,
}

impl SkillCategory {
    pub const ALL: [SkillCategory; 5] = [
        SkillCategory::Technical,
        SkillCategory::Soft,
        SkillCategory::Tool,
        SkillCategory::Domain,
        SkillCategory::Language,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SkillCategory::Technical => "Technical",
            SkillCategory::Soft => "Soft skill",
            SkillCategory::Tool => "Tool",
            SkillCategory::Domain => "Domain knowledge",
            SkillCategory::Language => "Language",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Skill {
    pub meta: Meta,
    /// Unique among skills, compared case-insensitively.
    pub name: String,
    pub category: SkillCategory,
    /// Self-assessed, 1 (beginner) to 5 (expert); `None` until rated.
    pub level: Option<u8>,
    pub target: Option<u8>,
    pub notes: String,
}

impl Skill {
    pub fn new(meta: Meta, name: impl Into<String>) -> Self {
        Self {
            meta,
            name: name.into(),
            category: SkillCategory::Technical,
            level: None,
            target: None,
            notes: String::new(),
        }
    }
}

/// Finds the skill called `name` (case-insensitively).
pub fn find_by_name<'a>(skills: &'a [Skill], name: &str) -> Option<&'a Skill> {
    let name = name.trim();
    skills.iter().find(|s| s.name.eq_ignore_ascii_case(name))
}

/// Turns skill names into ids, creating the skills that do not exist yet
/// (ids from `new_id`, the core has no random source). Returns the ids in
/// the order given, without duplicates.
pub fn resolve_names(
    skills: &mut Vec<Skill>,
    names: &[String],
    now: DateTime<Utc>,
    mut new_id: impl FnMut() -> RecordId,
) -> Vec<RecordId> {
    let mut ids = Vec::new();
    for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        let id = match find_by_name(skills, name) {
            Some(s) => s.meta.id,
            None => {
                let skill = Skill::new(Meta::new(new_id(), now), name);
                let id = skill.meta.id;
                skills.push(skill);
                id
            }
        };
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn resolving_names_reuses_skills_case_insensitively_and_creates_the_rest() {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 0, 0, 0).unwrap();
        let excel = Skill::new(
            Meta::new(RecordId::from_random_bytes([1; 16]), now),
            "Excel",
        );
        let mut skills = vec![excel.clone()];
        let mut n = 10u8;
        let names: Vec<String> = ["excel", " SQL ", "", "sql", "Excel"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let ids = resolve_names(&mut skills, &names, now, || {
            n += 1;
            RecordId::from_random_bytes([n; 16])
        });
        assert_eq!(ids.len(), 2);
        assert_eq!(ids[0], excel.meta.id);
        assert_eq!(skills.len(), 2);
        assert_eq!(skills[1].name, "SQL");
        assert_eq!(
            find_by_name(&skills, "sql").map(|s| s.meta.id),
            Some(ids[1])
        );
    }
}
