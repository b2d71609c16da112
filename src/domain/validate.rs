//! Field validation shared by every form: field-level errors, safe links
//! (only `http`, `https` and, where allowed, `mailto`), e-mail addresses and
//! text length caps.
//!
//! Links are checked the way the browser's URL parser will read them
//! (WHATWG URL: leading/trailing C0 controls and spaces stripped, tabs and
//! newlines removed anywhere), so that what we accept is what the browser
//! would open, and a `javascript:` link cannot be smuggled past the check
//! with odd case, leading spaces or control characters. Anything without an
//! explicit allowed scheme is refused, which also refuses entity- and
//! percent-encoded schemes (they are not schemes to a URL parser).

use serde::{Deserialize, Serialize};
use std::fmt;

/// A problem with one field of a form, in words a student understands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError<F> {
    pub field: F,
    pub message: String,
}

impl<F> FieldError<F> {
    pub fn new(field: F, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
        }
    }
}

/// Which schemes a link field accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlPolicy {
    /// `http` and `https` only (web pages).
    Web,
    /// `http`, `https` and `mailto`.
    WebOrMail,
}

/// The longest link we keep, in bytes.
pub const MAX_URL_LEN: usize = 2048;

/// A link that is safe to render as `<a href>`: parsed, with an allowed
/// scheme. Constructed only through [`SafeUrl::parse`] (also when
/// deserializing, so data from storage or an import is checked again).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct SafeUrl(String);

/// Why a link was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    #[error("Enter a full link starting with https:// (or http://).")]
    NotAbsolute,
    #[error("Only https://, http:// and mailto: links are allowed.")]
    SchemeNotAllowed,
    #[error("Only https:// and http:// links are allowed.")]
    NotAWebLink,
    #[error("The link has no site name after “//”.")]
    NoHost,
    #[error("The link has no address after “mailto:”.")]
    NoMailAddress,
    #[error("Links cannot contain spaces, backslashes or control characters.")]
    BadCharacter,
    #[error("The link is too long (at most 2048 characters).")]
    TooLong,
}

impl SafeUrl {
    /// Checks `input` under `policy`; on success keeps the cleaned link.
    pub fn parse(input: &str, policy: UrlPolicy) -> Result<Self, UrlError> {
        // WHATWG: strip leading and trailing C0 control or space...
        let trimmed = input.trim_matches(|c: char| c <= '\u{20}');
        // ...and remove all ASCII tab or newline.
        let cleaned: String = trimmed
            .chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .collect();
        if cleaned.len() > MAX_URL_LEN {
            return Err(UrlError::TooLong);
        }
        let (scheme, rest) = split_scheme(&cleaned).ok_or(UrlError::NotAbsolute)?;
        if cleaned
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '\\')
        {
            return Err(UrlError::BadCharacter);
        }
        match scheme.to_ascii_lowercase().as_str() {
            "http" | "https" => {
                let authority = rest.strip_prefix("//").ok_or(UrlError::NoHost)?;
                let host_end = authority.find(['/', '?', '#']).unwrap_or(authority.len());
                let host = authority[..host_end].rsplit('@').next().unwrap_or("");
                if host.is_empty() || host.starts_with(':') {
                    return Err(UrlError::NoHost);
                }
            }
            "mailto" if policy == UrlPolicy::WebOrMail => {
                if !rest.contains('@') {
                    return Err(UrlError::NoMailAddress);
                }
            }
            _ => {
                return Err(match policy {
                    UrlPolicy::Web => UrlError::NotAWebLink,
                    UrlPolicy::WebOrMail => UrlError::SchemeNotAllowed,
                })
            }
        }
        Ok(Self(cleaned))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SafeUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for SafeUrl {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        SafeUrl::parse(&text, UrlPolicy::WebOrMail).map_err(serde::de::Error::custom)
    }
}

/// Splits `scheme:rest` when `input` starts with a syntactically valid URL
/// scheme (ASCII letter, then letters, digits, `+`, `-`, `.`).
fn split_scheme(input: &str) -> Option<(&str, &str)> {
    let colon = input.find(':')?;
    let scheme = &input[..colon];
    let mut chars = scheme.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (first_ok && rest_ok).then(|| (scheme, &input[colon + 1..]))
}

/// Checks an e-mail address loosely (one `@`, a dotted domain, no spaces):
/// strict enough to catch typos, loose enough for every real address.
pub fn check_email(input: &str) -> Result<(), &'static str> {
    let (local, domain) = input
        .split_once('@')
        .ok_or("An e-mail address needs an “@”, like name@example.edu.")?;
    let ok = !local.is_empty()
        && input.len() <= 254
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !input.chars().any(|c| c.is_whitespace() || c.is_control());
    if ok {
        Ok(())
    } else {
        Err("This does not look like an e-mail address (e.g. name@example.edu).")
    }
}

/// Checks that `text` is at most `max` characters long.
pub fn check_length(text: &str, max: usize) -> Result<(), String> {
    let count = text.chars().count();
    if count > max {
        Err(format!("Too long: {count} characters, at most {max}."))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn web(s: &str) -> Result<SafeUrl, UrlError> {
        SafeUrl::parse(s, UrlPolicy::Web)
    }

    #[test]
    fn accepts_ordinary_web_links_and_keeps_them_cleaned() {
        assert_eq!(
            web("https://example.com").unwrap().as_str(),
            "https://example.com"
        );
        assert_eq!(
            web("  HTTP://Example.com/a?b=c#d ").unwrap().as_str(),
            "HTTP://Example.com/a?b=c#d"
        );
        assert_eq!(
            web("https://exa\tmple.com/\n").unwrap().as_str(),
            "https://example.com/"
        );
        assert!(web("https://user@host.org:8080/path").is_ok());
        assert!(web("https://linkedin.com/in/some-one").is_ok());
    }

    #[test]
    fn refuses_script_links_in_every_disguise() {
        let hostile = [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "\u{1}\u{8}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "java\rscript:alert(1)",
            "&#106;avascript:alert(1)",
            "&#x6A;avascript:alert(1)",
            "%6Aavascript:alert(1)",
            "javascript%3Aalert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "//evil.example/x",
            "/relative/path",
            "example.com",
        ];
        for input in hostile {
            for policy in [UrlPolicy::Web, UrlPolicy::WebOrMail] {
                assert!(
                    SafeUrl::parse(input, policy).is_err(),
                    "accepted {input:?} under {policy:?}"
                );
            }
        }
    }

    #[test]
    fn mailto_only_where_the_policy_allows_it() {
        assert_eq!(web("mailto:a@b.org"), Err(UrlError::NotAWebLink));
        assert!(SafeUrl::parse("mailto:a@b.org", UrlPolicy::WebOrMail).is_ok());
        assert_eq!(
            SafeUrl::parse("mailto:", UrlPolicy::WebOrMail),
            Err(UrlError::NoMailAddress)
        );
    }

    #[test]
    fn refuses_links_without_a_host_or_with_bad_characters() {
        assert_eq!(web("https://"), Err(UrlError::NoHost));
        assert_eq!(web("https:example.com"), Err(UrlError::NoHost));
        assert_eq!(web("https:///path"), Err(UrlError::NoHost));
        assert_eq!(web("https://a b.com"), Err(UrlError::BadCharacter));
        assert_eq!(web("https:\\\\evil.com"), Err(UrlError::BadCharacter));
        assert_eq!(
            web("https://ok.com\\@evil.com"),
            Err(UrlError::BadCharacter)
        );
        assert_eq!(
            web(&format!("https://e.com/{}", "a".repeat(MAX_URL_LEN))),
            Err(UrlError::TooLong)
        );
    }

    #[test]
    fn deserializing_checks_the_link_again() {
        assert!(serde_json::from_str::<SafeUrl>("\"https://ok.org\"").is_ok());
        let err = serde_json::from_str::<SafeUrl>("\"javascript:alert(1)\"").unwrap_err();
        assert!(err.to_string().contains("Only https://"), "{err}");
    }

    #[test]
    fn email_check_catches_typos_not_real_addresses() {
        for ok in ["a@b.co", "first.last+tag@uni.example.edu"] {
            assert_eq!(check_email(ok), Ok(()), "{ok}");
        }
        for bad in [
            "", "ab.co", "a@b", "@b.co", "a@b.co.", "a b@c.co", "a@@b.co",
        ] {
            assert!(check_email(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        assert!(check_length("ééé", 3).is_ok());
        assert_eq!(
            check_length("abcd", 3).unwrap_err(),
            "Too long: 4 characters, at most 3."
        );
    }
}
