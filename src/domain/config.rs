//! The deployment config: an optional `config.json` beside `index.html`
//! that a career center edits to brand its copy. A missing file means the
//! defaults; a file with any problem means the defaults plus a notice that
//! lists every problem (with its field), so a typo never half-applies.
//!
//! Pure: the UI fetches the text and applies the result. The accent colour
//! is turned into light- and dark-scheme variants that keep WCAG AA
//! contrast (4.5:1) against the app's backgrounds, whatever was chosen.

use super::application::KNOWN_SOURCES;
use super::skill::SkillCategory;
use super::validate::{SafeUrl, UrlPolicy};
use serde::Deserialize;

/// A link to one of the career center's own resources.
#[derive(Clone, Debug, PartialEq)]
pub struct Resource {
    pub title: String,
    pub url: SafeUrl,
}

/// What a deployment may change.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Shown beside the app's name; empty for none.
    pub institution: String,
    /// A same-origin path (`logo.svg`, `/assets/logo.png`).
    pub logo: Option<String>,
    pub accent: Option<Rgb>,
    /// A paragraph on the dashboard.
    pub welcome: String,
    /// The sources/platforms offered in forms.
    pub sources: Vec<String>,
    /// Skill names suggested when adding skills.
    pub skills: Vec<String>,
    /// The categories the career center gives some of them (proposed for
    /// a new skill of that name).
    pub skill_categories: Vec<(String, SkillCategory)>,
    pub resources: Vec<Resource>,
    /// The competencies a feedback request offers (by default NACE's
    /// eight, `super::feedback_link::competencies::NACE`).
    pub competencies: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            institution: String::new(),
            logo: None,
            accent: None,
            welcome: String::new(),
            sources: KNOWN_SOURCES.iter().map(|s| (*s).to_owned()).collect(),
            skills: Vec::new(),
            skill_categories: Vec::new(),
            resources: Vec::new(),
            competencies: super::feedback_link::competencies::default_list(),
        }
    }
}

/// The file as written; unknown fields are refused so a misspelt key is
/// reported instead of silently ignored.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    institution: Option<String>,
    #[serde(default)]
    logo: Option<String>,
    #[serde(default)]
    accent_color: Option<String>,
    #[serde(default)]
    welcome: Option<String>,
    #[serde(default)]
    sources: Option<Vec<String>>,
    #[serde(default)]
    suggested_skills: Option<Vec<RawSkill>>,
    #[serde(default)]
    resources: Option<Vec<RawResource>>,
    #[serde(default)]
    competencies: Option<Vec<String>>,
}

/// A suggested skill: a name, or a name with its category
/// (`{ "name": "Client communication", "category": "soft" }`).
#[derive(Deserialize)]
#[serde(untagged)]
enum RawSkill {
    Name(String),
    WithCategory(RawSkillWithCategory),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSkillWithCategory {
    name: String,
    category: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawResource {
    title: String,
    url: String,
}

/// The largest config file read (a real one is a few KB).
pub const MAX_CONFIG_BYTES: usize = 64 * 1024;

/// Reads `config.json`. Every problem is listed, each naming its field.
pub fn parse_config(text: &str) -> Result<Config, Vec<String>> {
    if text.len() > MAX_CONFIG_BYTES {
        return Err(vec![format!(
            "the file is {} KB; at most {} KB is read",
            text.len() / 1024,
            MAX_CONFIG_BYTES / 1024
        )]);
    }
    // serde reads a struct from a JSON array too: `[]` would pass as "no
    // settings" with no word.
    if let Some(first) = text.trim_start().chars().next().filter(|c| *c != '{') {
        if matches!(first, '[' | '"' | 't' | 'f' | 'n' | '-' | '0'..='9') {
            return Err(vec![
                "it must be one JSON object ({ … } with the settings), not a list or a single value".to_owned(),
            ]);
        }
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let raw: RawConfig = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let inner = e.inner();
        if inner.is_syntax() || inner.is_eof() {
            vec![format!(
                "it is not valid JSON (line {}, column {})",
                inner.line(),
                inner.column()
            )]
        } else {
            let path = e.path().to_string();
            let message = inner.to_string();
            let message = match message.rfind(" at line ") {
                Some(i) => message[..i].to_owned(),
                None => message,
            };
            if path == "." {
                vec![message]
            } else {
                vec![format!("{path}: {message}")]
            }
        }
    })?;

    let mut problems = Vec::new();
    let mut config = Config::default();
    let mut text_field = |name: &str, value: Option<String>, max: usize| -> String {
        let value = value.unwrap_or_default().trim().to_owned();
        if value.chars().count() > max {
            problems.push(format!("{name}: longer than {max} characters"));
        }
        value
    };
    config.institution = text_field("institution", raw.institution, 80);
    config.welcome = text_field("welcome", raw.welcome, 1000);

    if let Some(logo) = raw
        .logo
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty())
    {
        match check_same_origin_path(&logo) {
            Ok(()) => config.logo = Some(logo),
            Err(why) => problems.push(format!("logo: {why}")),
        }
    }
    if let Some(colour) = raw.accent_color {
        match Rgb::parse(&colour) {
            Some(rgb) => config.accent = Some(rgb),
            None => problems.push(format!(
                "accent_color: “{colour}” is not a colour like #1f5f8b"
            )),
        }
    }
    if let Some(sources) = list("sources", raw.sources, 50, &mut problems) {
        if sources.is_empty() {
            problems.push("sources: list at least one source".into());
        }
        config.sources = sources;
    }
    if let Some(skills) = raw.suggested_skills {
        let mut names = Vec::new();
        for (i, skill) in skills.into_iter().enumerate() {
            match skill {
                RawSkill::Name(name) => names.push(name),
                RawSkill::WithCategory(s) => {
                    match SkillCategory::from_slug(&s.category) {
                        Some(c) => config.skill_categories.push((s.name.trim().to_owned(), c)),
                        None => problems.push(format!(
                            "suggested_skills[{i}].category: “{}” is not one of {}",
                            s.category,
                            SkillCategory::ALL.map(SkillCategory::slug).join(", ")
                        )),
                    }
                    names.push(s.name);
                }
            }
        }
        if let Some(skills) = list("suggested_skills", Some(names), 300, &mut problems) {
            config.skills = skills;
        }
    }
    for (i, r) in raw.resources.unwrap_or_default().into_iter().enumerate() {
        let title = r.title.trim().to_owned();
        if title.is_empty() || title.chars().count() > 100 {
            problems.push(format!("resources[{i}].title: must be 1 to 100 characters"));
        }
        match SafeUrl::parse(&r.url, UrlPolicy::WebOrMail) {
            Ok(url) => config.resources.push(Resource { title, url }),
            Err(e) => problems.push(format!("resources[{i}].url: {e}")),
        }
    }
    let max = super::feedback_link::competencies::MAX_COMPETENCIES;
    if let Some(list) = list("competencies", raw.competencies, max, &mut problems) {
        if list.is_empty() {
            problems.push("competencies: list at least one competency".into());
        }
        config.competencies = list;
    }
    if config.resources.len() > 20 {
        problems.push("resources: more than 20 links".into());
    }
    if problems.is_empty() {
        Ok(config)
    } else {
        Err(problems)
    }
}

/// A list of short names, trimmed, without repeats (in any case).
fn list(
    name: &str,
    items: Option<Vec<String>>,
    max_items: usize,
    problems: &mut Vec<String>,
) -> Option<Vec<String>> {
    let items = items?;
    if items.len() > max_items {
        problems.push(format!("{name}: more than {max_items} items"));
    }
    let mut out: Vec<String> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let item = item.trim();
        if item.is_empty() || item.chars().count() > 60 {
            problems.push(format!("{name}[{i}]: must be 1 to 60 characters"));
        } else if !out.iter().any(|o| o.eq_ignore_ascii_case(item)) {
            out.push(item.to_owned());
        }
    }
    Some(out)
}

/// A logo must come from the deployment itself: a relative or
/// root-relative path, no scheme, no other host.
fn check_same_origin_path(path: &str) -> Result<(), &'static str> {
    if path.starts_with("//") || path.starts_with("\\") || path.contains('\\') {
        return Err("must be a path on this site, like “logo.svg”");
    }
    let before_slash = path.split('/').next().unwrap_or("");
    if before_slash.contains(':') {
        return Err("must be a path on this site, like “logo.svg”, not an address elsewhere");
    }
    if path.chars().any(|c| c.is_control() || c.is_whitespace()) || path.len() > 200 {
        return Err("must be a short path without spaces");
    }
    Ok(())
}

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rgb` or `#rrggbb`.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.trim().strip_prefix('#')?;
        if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let v = |s: &str| u8::from_str_radix(s, 16).ok();
        match hex.len() {
            3 => {
                let d: Vec<u8> = hex.chars().filter_map(|c| v(&format!("{c}{c}"))).collect();
                Some(Rgb(d[0], d[1], d[2]))
            }
            6 => Some(Rgb(v(&hex[0..2])?, v(&hex[2..4])?, v(&hex[4..6])?)),
            _ => None,
        }
    }

    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// WCAG 2 relative luminance.
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// WCAG 2 contrast ratio, 1 to 21.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// `self` moved `t` (0 to 1) of the way towards `other`.
    pub fn mix(self, other: Rgb, t: f64) -> Rgb {
        let m = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb(m(self.0, other.0), m(self.1, other.1), m(self.2, other.2))
    }
}

const WHITE: Rgb = Rgb(255, 255, 255);
const BLACK: Rgb = Rgb(0, 0, 0);
/// The app's light page background and dark surfaces (`style/main.css`).
const LIGHT_BG: Rgb = Rgb(0xf6, 0xf7, 0xf9);
const DARK_BG: Rgb = Rgb(0x11, 0x14, 0x18);
const DARK_SURFACE: Rgb = Rgb(0x1a, 0x1e, 0x24);
const AA: f64 = 4.5;

/// Moves `colour` towards `towards` until it has AA contrast with every
/// background (it always ends, at black or white at the latest).
fn until_readable(colour: Rgb, towards: Rgb, backgrounds: &[Rgb]) -> Rgb {
    (0..=20)
        .map(|step| colour.mix(towards, f64::from(step) / 20.0))
        .find(|c| backgrounds.iter().all(|bg| c.contrast(*bg) >= AA))
        .unwrap_or(towards)
}

/// CSS custom properties for one colour scheme.
#[derive(Clone, Debug, PartialEq)]
pub struct AccentVars {
    pub accent: Rgb,
    pub strong: Rgb,
    pub soft: Rgb,
    pub on_accent: Rgb,
}

/// The accent for the light and the dark scheme, each readable as text on
/// its backgrounds and with readable text on it.
pub fn accent_schemes(accent: Rgb) -> (AccentVars, AccentVars) {
    let light = until_readable(accent, BLACK, &[WHITE, LIGHT_BG]);
    let dark = until_readable(accent, WHITE, &[DARK_BG, DARK_SURFACE]);
    let on_dark = if dark.contrast(DARK_BG) >= AA {
        DARK_BG
    } else {
        BLACK
    };
    (
        AccentVars {
            accent: light,
            strong: light.mix(BLACK, 0.25),
            soft: light.mix(WHITE, 0.9),
            on_accent: WHITE,
        },
        AccentVars {
            accent: dark,
            strong: dark.mix(WHITE, 0.3),
            soft: dark.mix(DARK_SURFACE, 0.85),
            on_accent: on_dark,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: `[]` (and any JSON that is not an object) was taken as
    /// a config with no settings, with no notice.
    #[test]
    fn a_config_that_is_not_an_object_is_refused_with_a_reason() {
        for text in ["[]", "[1, 2]", "\"hello\"", "42", "null", " true"] {
            let errors = parse_config(text).unwrap_err();
            assert!(
                errors[0].contains("must be one JSON object"),
                "{text}: {errors:?}"
            );
        }
        assert!(parse_config("{}").is_ok());
        assert!(parse_config("  \n{}").is_ok());
        // Not JSON at all still says where.
        assert!(parse_config("oops").unwrap_err()[0].contains("not valid JSON"));
    }

    #[test]
    fn suggested_skills_may_carry_the_category_proposed_for_them() {
        let c = parse_config(
            r#"{ "suggested_skills": ["SQL", { "name": "Client communication", "category": "soft" }] }"#,
        )
        .unwrap();
        assert_eq!(c.skills, ["SQL", "Client communication"]);
        assert_eq!(
            c.skill_categories,
            [("Client communication".to_owned(), SkillCategory::Soft)]
        );
        let bad = parse_config(r#"{ "suggested_skills": [{ "name": "X", "category": "magic" }] }"#)
            .unwrap_err();
        assert!(
            bad[0]
                .starts_with("suggested_skills[0].category: “magic” is not one of technical, soft"),
            "{bad:?}"
        );
        assert!(parse_config(r#"{ "suggested_skills": [{ "name": "X", "level": 3 }] }"#).is_err());
    }

    #[test]
    fn an_example_config_reads_completely() {
        let text = r##"{
            "institution": "State University Career Center",
            "logo": "branding/logo.svg",
            "accent_color": "#7a1f3d",
            "welcome": "Book a coaching slot any time.",
            "sources": ["Parker Dewey", "Handshake", "Parker Dewey "],
            "suggested_skills": ["SQL", "Excel"],
            "resources": [{ "title": "Career coaching", "url": "https://careers.example.edu/coaching" }]
        }"##;
        let c = parse_config(text).unwrap();
        assert_eq!(c.institution, "State University Career Center");
        assert_eq!(c.logo.as_deref(), Some("branding/logo.svg"));
        assert_eq!(c.accent, Some(Rgb(0x7a, 0x1f, 0x3d)));
        assert_eq!(c.sources, ["Parker Dewey", "Handshake"]);
        assert_eq!(c.skills, ["SQL", "Excel"]);
        assert!(c.skill_categories.is_empty());
        assert_eq!(
            c.resources[0].url.as_str(),
            "https://careers.example.edu/coaching"
        );
    }

    #[test]
    fn an_empty_object_is_the_defaults() {
        assert_eq!(parse_config("{}").unwrap(), Config::default());
        assert!(Config::default()
            .sources
            .contains(&"Parker Dewey".to_owned()));
    }

    #[test]
    fn every_problem_is_listed_with_its_field() {
        let problems = parse_config(
            r#"{ "logo": "https://elsewhere.example/logo.png", "accent_color": "teal",
                 "sources": [""], "resources": [{ "title": "x", "url": "javascript:alert(1)" }] }"#,
        )
        .unwrap_err();
        assert_eq!(problems.len(), 5, "{problems:?}");
        assert!(problems[0].starts_with("logo: "));
        assert!(problems[1].starts_with("accent_color: “teal”"));
        assert!(problems[2].starts_with("sources[0]: "));
        assert_eq!(problems[3], "sources: list at least one source");
        assert!(problems[4].starts_with("resources[0].url: "));
    }

    #[test]
    fn misspelt_keys_and_broken_json_are_reported() {
        let e = parse_config(r##"{ "acent_color": "#000" }"##).unwrap_err();
        assert!(e[0].contains("unknown field `acent_color`"), "{e:?}");
        let e = parse_config(r#"{ "sources": "Handshake" }"#).unwrap_err();
        assert!(e[0].starts_with("sources: invalid type"), "{e:?}");
        let e = parse_config("{ \"institution\": ").unwrap_err();
        assert!(e[0].starts_with("it is not valid JSON (line 1"), "{e:?}");
        let e = parse_config(&" ".repeat(MAX_CONFIG_BYTES + 1)).unwrap_err();
        assert!(e[0].contains("at most 64 KB"));
    }

    #[test]
    fn logos_must_come_from_this_site() {
        for ok in ["logo.svg", "/center/logo.png", "img/a-b_c.webp"] {
            assert!(check_same_origin_path(ok).is_ok(), "{ok}");
        }
        for bad in [
            "//evil.example/x.png",
            "data:image/png;base64,xx",
            "javascript:alert(1)",
            "a b.png",
            "\\\\host\\x",
        ] {
            assert!(check_same_origin_path(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn colours_parse_in_both_lengths() {
        assert_eq!(Rgb::parse("#abc"), Some(Rgb(0xaa, 0xbb, 0xcc)));
        assert_eq!(Rgb::parse(" #1F5F8B "), Some(Rgb(0x1f, 0x5f, 0x8b)));
        for bad in ["1f5f8b", "#12345", "#ggg", "red", "#1f5f8b80"] {
            assert_eq!(Rgb::parse(bad), None, "{bad}");
        }
        assert_eq!(Rgb(0x1f, 0x5f, 0x8b).hex(), "#1f5f8b");
        assert!((WHITE.contrast(BLACK) - 21.0).abs() < 1e-9);
    }

    #[test]
    fn any_accent_becomes_readable_in_both_schemes() {
        for step in 0..=255u8 {
            for accent in [
                Rgb(step, step, step),
                Rgb(255, 255 - step, 0),
                Rgb(step, 0, 255),
                Rgb(0, step, step / 2),
            ] {
                let (light, dark) = accent_schemes(accent);
                assert!(
                    light.accent.contrast(WHITE) >= AA && light.accent.contrast(LIGHT_BG) >= AA,
                    "{accent:?}"
                );
                assert!(light.on_accent.contrast(light.accent) >= AA, "{accent:?}");
                assert!(
                    dark.accent.contrast(DARK_BG) >= AA && dark.accent.contrast(DARK_SURFACE) >= AA,
                    "{accent:?}"
                );
                assert!(dark.on_accent.contrast(dark.accent) >= AA, "{accent:?}");
            }
        }
        // A colour that is already readable is kept as it is.
        assert_eq!(
            accent_schemes(Rgb(0x1f, 0x5f, 0x8b)).0.accent,
            Rgb(0x1f, 0x5f, 0x8b)
        );
    }
}
