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
//!
//! Two doors: [`SafeUrl::parse`] is strict and is what stored data, shares
//! and config are read with; [`SafeUrl::parse_typed`] is for what a student
//! types into a form's link field, and also takes a bare domain
//! (`parkerdewey.com/projects/1` becomes `https://parkerdewey.com/projects/1`).
//! What `parse_typed` keeps always passes `parse`, so the app never writes a
//! link it would refuse to read.

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
    #[error("This is an e-mail address; enter a link to a web page (https://…).")]
    EmailNotLink,
}

impl SafeUrl {
    /// Checks `input` under `policy`; on success keeps the cleaned link.
    pub fn parse(input: &str, policy: UrlPolicy) -> Result<Self, UrlError> {
        let cleaned = clean(input);
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

    /// What a student typed into a link field: as [`SafeUrl::parse`], but a
    /// bare domain (no scheme, a dot in the host: `linkedin.com/in/ada`,
    /// `www.example.org:8080/x`) becomes `https://…`, and an e-mail address
    /// becomes `mailto:` where the policy allows it (else it is refused as
    /// an e-mail address). Nothing else is guessed: `localhost`, a
    /// protocol-relative `//host`, or anything with another scheme keeps
    /// its error.
    pub fn parse_typed(input: &str, policy: UrlPolicy) -> Result<Self, UrlError> {
        let error = match Self::parse(input, policy) {
            Err(
                e @ (UrlError::NotAbsolute | UrlError::SchemeNotAllowed | UrlError::NotAWebLink),
            ) => e,
            strict => return strict,
        };
        let cleaned = clean(input);
        if is_bare_domain(&cleaned) {
            return Self::parse(&format!("https://{cleaned}"), policy);
        }
        if !cleaned.contains(['/', ':']) && check_email(&cleaned).is_ok() {
            return match policy {
                UrlPolicy::WebOrMail => Self::parse(&format!("mailto:{cleaned}"), policy),
                UrlPolicy::Web => Err(UrlError::EmailNotLink),
            };
        }
        Err(error)
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

/// WHATWG: strips leading and trailing C0 control or space, and removes
/// all ASCII tab or newline.
fn clean(input: &str) -> String {
    input
        .trim_matches(|c: char| c <= '\u{20}')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// Whether `text` (cleaned) starts with a host and an optional port, with
/// no scheme: labels of letters, digits and `-` (any script, for
/// international names) separated by dots, at least two of them, the last
/// one not all digits unless the host is a dotted IPv4 address.
fn is_bare_domain(text: &str) -> bool {
    let end = text.find(['/', '?', '#']).unwrap_or(text.len());
    let host_port = &text[..end];
    let (host, port) = match host_port.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (host_port, None),
    };
    if port.is_some_and(|p| p.is_empty() || p.len() > 5 || !p.bytes().all(|b| b.is_ascii_digit())) {
        return false;
    }
    let labels: Vec<&str> = host.strip_suffix('.').unwrap_or(host).split('.').collect();
    let label_ok = |l: &&str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    if labels.len() < 2 || !labels.iter().all(label_ok) {
        return false;
    }
    let numeric = |l: &&str| l.bytes().all(|b| b.is_ascii_digit());
    let last = labels[labels.len() - 1];
    !numeric(&last) || (labels.len() == 4 && labels.iter().all(numeric))
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

    /// Regression (issue 19, A): "parkerdewey.com/projects/12345" typed into
    /// a link field was refused, and "linkedin.com/in/ada" on the Profile was
    /// lost. A bare domain is taken as `https://`; nothing else is guessed.
    #[test]
    fn a_link_typed_without_https_is_kept_with_https() {
        let typed = |s: &str| SafeUrl::parse_typed(s, UrlPolicy::Web).map(|u| u.to_string());
        for (input, kept) in [
            (
                "parkerdewey.com/projects/12345",
                "https://parkerdewey.com/projects/12345",
            ),
            ("linkedin.com/in/ada", "https://linkedin.com/in/ada"),
            (
                "  www.LinkedIn.com/in/ada \n",
                "https://www.LinkedIn.com/in/ada",
            ),
            ("example.org", "https://example.org"),
            ("example.org.", "https://example.org."),
            (
                "jobs.example.org:8080/a?b=c#d",
                "https://jobs.example.org:8080/a?b=c#d",
            ),
            ("example.org?q=1", "https://example.org?q=1"),
            ("münchen.de/jobs", "https://münchen.de/jobs"),
            ("192.168.1.20/portfolio", "https://192.168.1.20/portfolio"),
            // Already full: unchanged.
            ("http://example.org/x", "http://example.org/x"),
            ("HTTPS://example.org", "HTTPS://example.org"),
        ] {
            assert_eq!(typed(input).as_deref(), Ok(kept), "{input:?}");
        }
        for (input, error) in [
            ("localhost", UrlError::NotAbsolute),
            ("localhost:8080/x", UrlError::SchemeNotAllowed),
            ("my portfolio", UrlError::NotAbsolute),
            ("parkerdewey.com/projects 12345", UrlError::BadCharacter),
            ("example", UrlError::NotAbsolute),
            ("3.14", UrlError::NotAbsolute),
            (".example.org", UrlError::NotAbsolute),
            ("example..org", UrlError::NotAbsolute),
            ("-bad.example.org", UrlError::NotAbsolute),
            ("example.org:port/x", UrlError::SchemeNotAllowed),
            ("//evil.example/x", UrlError::NotAbsolute),
            ("/relative/path", UrlError::NotAbsolute),
            ("ada@state.edu", UrlError::EmailNotLink),
            ("mailto:ada@state.edu", UrlError::NotAWebLink),
            ("user@example.org/path", UrlError::NotAbsolute),
        ] {
            let got = SafeUrl::parse_typed(input, UrlPolicy::Web);
            let got = got.map(|u| u.to_string());
            let want = match error {
                UrlError::SchemeNotAllowed => UrlError::NotAWebLink,
                e => e,
            };
            assert_eq!(got, Err(want), "{input:?}");
        }
        // Where mail links are allowed, a bare address becomes one.
        assert_eq!(
            SafeUrl::parse_typed("ada@state.edu", UrlPolicy::WebOrMail).map(|u| u.to_string()),
            Ok("mailto:ada@state.edu".to_owned())
        );
    }

    #[test]
    fn typed_links_never_let_a_script_or_data_link_through() {
        let hostile = [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "javascript://example.com/%0Aalert(1)",
            "javascript:example.com",
            "data:text/html,<script>alert(1)</script>",
            "data:example.com",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "&#106;avascript:alert(1)",
            "%6Aavascript:alert(1)",
            "javascript%3Aalert(1)",
            "ftp://example.com/file",
        ];
        for input in hostile {
            for policy in [UrlPolicy::Web, UrlPolicy::WebOrMail] {
                let got = SafeUrl::parse_typed(input, policy);
                assert!(got.is_err(), "accepted {input:?} under {policy:?}: {got:?}");
            }
        }
    }

    /// The app never writes what it would refuse to read: whatever a form
    /// keeps from typed text reads back (strictly) as the same link, and
    /// reading stored data does not upgrade bare domains.
    #[test]
    fn what_a_typed_link_keeps_reads_back_unchanged_and_reading_upgrades_nothing() {
        let inputs = [
            "parkerdewey.com/projects/12345",
            " example.org ",
            "a.b.c.example:443/x?y#z",
            "https://example.org",
            "ada@state.edu",
            "münchen.de",
        ];
        for input in inputs {
            for policy in [UrlPolicy::Web, UrlPolicy::WebOrMail] {
                if let Ok(kept) = SafeUrl::parse_typed(input, policy) {
                    assert_eq!(
                        SafeUrl::parse(kept.as_str(), policy),
                        Ok(kept.clone()),
                        "{input:?}"
                    );
                    let json = serde_json::to_string(&kept).unwrap();
                    assert_eq!(serde_json::from_str::<SafeUrl>(&json).unwrap(), kept);
                }
            }
        }
        assert!(serde_json::from_str::<SafeUrl>("\"linkedin.com/in/ada\"").is_err());
        assert!(serde_json::from_str::<SafeUrl>("\"ada@state.edu\"").is_err());
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
