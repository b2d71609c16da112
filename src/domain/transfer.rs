//! The transfer link's format: the student's whole data, compressed and
//! encrypted in the browser (`ui/transfer.rs`, Web Crypto), carried after
//! `#/transfer/` in a link to the same deployment. The fragment is never
//! sent to a server.
//!
//! The link's data is base64url of
//!
//! | bytes | what |
//! | --- | --- |
//! | 1 | [`TRANSFER_VERSION`] |
//! | [`SALT_LEN`] | PBKDF2-SHA-256 salt (random per link) |
//! | [`IV_LEN`] | AES-256-GCM nonce (random per link) |
//! | rest | AES-GCM ciphertext of the raw-DEFLATE backup text, with its 16-byte tag |
//!
//! The first `HEADER_LEN` bytes are also the cipher's additional data, so
//! a changed version byte fails authentication like any changed byte. The
//! key is derived with [`PBKDF2_ITERATIONS`] rounds. Text over
//! [`MAX_TRANSFER_DATA_CHARS`] is refused before it is decoded. Parsing is
//! pure; the cryptography is not here (no hand-written cryptography).

use super::share::{from_base64url, to_base64url};

/// The format written now.
pub const TRANSFER_VERSION: u8 = 1;
/// PBKDF2 salt length.
pub const SALT_LEN: usize = 16;
/// AES-GCM nonce length (the 96 bits GCM is defined for).
pub const IV_LEN: usize = 12;
/// AES-GCM tag length.
pub const TAG_LEN: usize = 16;
/// Version, salt and nonce: what precedes the ciphertext.
pub const HEADER_LEN: usize = 1 + SALT_LEN + IV_LEN;
/// PBKDF2-SHA-256 rounds (OWASP's 2023 floor for SHA-256).
pub const PBKDF2_ITERATIONS: u32 = 600_000;
/// The longest link the app makes or opens. Firefox cuts URLs at 1 MiB;
/// the other browsers take more.
pub const MAX_TRANSFER_LINK_CHARS: usize = 1_000_000;
/// The longest link data read at all (the link less its address).
pub const MAX_TRANSFER_DATA_CHARS: usize = MAX_TRANSFER_LINK_CHARS;

/// A sealed transfer: what the link carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sealed {
    pub salt: [u8; SALT_LEN],
    pub iv: [u8; IV_LEN],
    /// Ciphertext and tag.
    pub ciphertext: Vec<u8>,
}

/// Why a transfer link cannot be opened.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TransferError {
    #[error(
        "This transfer link is too long ({chars} characters; a transfer link has at most \
         {MAX_TRANSFER_DATA_CHARS}), so it was not opened. Nothing was changed."
    )]
    TooLong { chars: usize },
    #[error(
        "This transfer link is damaged: characters are missing or changed. Copy the whole \
         link again. Nothing was changed."
    )]
    Damaged,
    #[error(
        "This transfer link was made by a newer version of Microfolio (format {0}). Update \
         this copy of the app (reload the page), then open the link again. Nothing was changed."
    )]
    NewerVersion(u8),
    #[error(
        "The passphrase is wrong, or the link was changed (a character missing or different). \
         Check both and try again. Nothing was changed."
    )]
    WrongPassphraseOrChanged,
}

impl Sealed {
    /// Version, salt and nonce: written first and authenticated.
    pub fn header(&self) -> [u8; HEADER_LEN] {
        let mut h = [0; HEADER_LEN];
        h[0] = TRANSFER_VERSION;
        h[1..1 + SALT_LEN].copy_from_slice(&self.salt);
        h[1 + SALT_LEN..].copy_from_slice(&self.iv);
        h
    }

    /// The link's data (after `#/transfer/`).
    pub fn to_link_data(&self) -> String {
        let mut bytes = self.header().to_vec();
        bytes.extend_from_slice(&self.ciphertext);
        to_base64url(&bytes)
    }

    /// Reads a link's data: capped before it is decoded, then the version,
    /// then the lengths. Whether it is authentic is for the cipher to say.
    pub fn parse(data: &str) -> Result<Sealed, TransferError> {
        let data = data.trim();
        if data.len() > MAX_TRANSFER_DATA_CHARS {
            return Err(TransferError::TooLong { chars: data.len() });
        }
        let bytes = from_base64url(data).map_err(|_| TransferError::Damaged)?;
        match bytes.first() {
            Some(&TRANSFER_VERSION) => {}
            Some(&v) if v > TRANSFER_VERSION => return Err(TransferError::NewerVersion(v)),
            _ => return Err(TransferError::Damaged),
        }
        if bytes.len() < HEADER_LEN + TAG_LEN {
            return Err(TransferError::Damaged);
        }
        let mut salt = [0; SALT_LEN];
        salt.copy_from_slice(&bytes[1..1 + SALT_LEN]);
        let mut iv = [0; IV_LEN];
        iv.copy_from_slice(&bytes[1 + SALT_LEN..HEADER_LEN]);
        Ok(Sealed {
            salt,
            iv,
            ciphertext: bytes[HEADER_LEN..].to_vec(),
        })
    }
}

/// A QR code drawn as one SVG path: `width` modules square (quiet zone
/// included), dark modules as `path` (runs of `M x y h n v 1 h -n z`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrImage {
    pub width: usize,
    pub path: String,
}

/// Modules of light margin around a QR code (the standard's minimum).
const QUIET: usize = 4;

/// The QR code of `text` (error correction L, the densest), or `None` when
/// it does not fit in one (over 2,953 bytes).
pub fn qr_image(text: &str) -> Option<QrImage> {
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::L).ok()?;
    let n = code.width();
    let dark: Vec<bool> = code
        .to_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    let mut path = String::new();
    for y in 0..n {
        let mut x = 0;
        while x < n {
            if !dark[y * n + x] {
                x += 1;
                continue;
            }
            let start = x;
            while x < n && dark[y * n + x] {
                x += 1;
            }
            let run = x - start;
            path.push_str(&format!("M{} {}h{run}v1h-{run}z", start + QUIET, y + QUIET));
        }
    }
    Some(QrImage {
        width: n + 2 * QUIET,
        path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sealed() -> Sealed {
        Sealed {
            salt: [7; SALT_LEN],
            iv: [9; IV_LEN],
            ciphertext: (0..40).collect(),
        }
    }

    #[test]
    fn a_link_reads_back_as_it_was_written() {
        let s = sealed();
        let data = s.to_link_data();
        assert_eq!(Sealed::parse(&data), Ok(s.clone()));
        // Version first, then salt and nonce.
        let bytes = from_base64url(&data).unwrap();
        assert_eq!(bytes[0], TRANSFER_VERSION);
        assert_eq!(&bytes[1..17], &[7; 16]);
        assert_eq!(&bytes[17..29], &[9; 12]);
        assert_eq!(bytes.len(), HEADER_LEN + 40);
    }

    #[test]
    fn the_header_is_the_authenticated_prefix() {
        let s = sealed();
        let bytes = from_base64url(&s.to_link_data()).unwrap();
        assert_eq!(&bytes[..HEADER_LEN], &s.header());
    }

    #[test]
    fn an_oversized_link_is_refused_before_it_is_decoded() {
        // Not base64 at all: the cap answers first.
        let long = "!".repeat(MAX_TRANSFER_DATA_CHARS + 1);
        assert_eq!(
            Sealed::parse(&long),
            Err(TransferError::TooLong {
                chars: MAX_TRANSFER_DATA_CHARS + 1
            })
        );
    }

    #[test]
    fn damaged_links_are_refused() {
        let data = sealed().to_link_data();
        // A character no base64url has, a cut link, nothing at all.
        assert_eq!(
            Sealed::parse(&data.replacen('A', "*", 1)),
            Err(TransferError::Damaged)
        );
        assert_eq!(Sealed::parse(&data[..30]), Err(TransferError::Damaged));
        assert_eq!(Sealed::parse(""), Err(TransferError::Damaged));
        // A header and a tag's worth of ciphertext is the least there is.
        let mut short = sealed();
        short.ciphertext.truncate(TAG_LEN - 1);
        assert_eq!(
            Sealed::parse(&short.to_link_data()),
            Err(TransferError::Damaged)
        );
    }

    #[test]
    fn the_version_byte_is_checked() {
        let mut bytes = from_base64url(&sealed().to_link_data()).unwrap();
        bytes[0] = 2;
        assert_eq!(
            Sealed::parse(&to_base64url(&bytes)),
            Err(TransferError::NewerVersion(2))
        );
        bytes[0] = 0;
        assert_eq!(
            Sealed::parse(&to_base64url(&bytes)),
            Err(TransferError::Damaged)
        );
    }

    #[test]
    fn a_short_link_gets_a_qr_code_and_a_long_one_none() {
        let image = qr_image("https://example.org/#/transfer/abc").unwrap();
        // Version 2 or 3 at level L: 25 or 29 modules, plus the quiet zone.
        assert!(
            image.width >= 21 + 8 && image.width <= 29 + 8,
            "{}",
            image.width
        );
        assert!(
            image.path.starts_with("M4 4h7v1h-7z"),
            "{}",
            &image.path[..20]
        );
        assert!(qr_image(&"a".repeat(2_953)).is_some());
        assert_eq!(qr_image(&"a".repeat(2_954)), None);
    }
}
