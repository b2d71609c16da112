//! The share link: a shared portfolio's JSON, raw-DEFLATE compressed by the
//! browser and written as base64url after `#/shared/`. The fragment is never
//! sent to a server, so the portfolio travels only inside the link.
//!
//! Opening one is bounded twice: link text over [`MAX_LINK_DATA_CHARS`] is
//! refused before it is decoded, and inflating stops at [`LIMITS`]'s size
//! ([`inflate`]).

use crate::domain::share::{
    decode_shared, encode_shared, from_base64url, link_data_within_cap, to_base64url, DamagedLink,
    SharedPortfolio, MAX_LINK_CHARS, MAX_LINK_DATA_CHARS,
};
use crate::domain::LIMITS;
use crate::routes::Route;
use crate::ui::compress::{deflate, inflate, StreamError};

/// What making a link gave.
pub enum Made {
    Link(String),
    /// The link would be this many characters, over [`MAX_LINK_CHARS`].
    TooLong(usize),
}

/// The full link to `share` on this copy of the app.
pub async fn make_link(share: &SharedPortfolio) -> Result<Made, String> {
    let compressed = deflate(encode_shared(share).as_bytes())
        .await
        .map_err(|e| match e {
            StreamError::Unsupported => {
                "This browser cannot compress a share link. Share the file instead.".to_owned()
            }
            _ => "The share link could not be made. Share the file instead.".to_owned(),
        })?;
    let location = web_sys::window().map(|w| w.location());
    let base = location
        .and_then(|l| l.href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_owned())
        .unwrap_or_default();
    let link = format!(
        "{base}{}",
        Route::Shared(Some(to_base64url(&compressed))).href()
    );
    let chars = link.chars().count();
    Ok(if chars > MAX_LINK_CHARS {
        Made::TooLong(chars)
    } else {
        Made::Link(link)
    })
}

/// Reads the portfolio a link's data carries.
pub async fn open_link(data: &str) -> Result<SharedPortfolio, String> {
    if !link_data_within_cap(data) {
        return Err(format!(
            "This share link is too long ({} characters; a share link has at most {MAX_LINK_DATA_CHARS}), so it was not opened. Ask for the file instead.",
            data.len()
        ));
    }
    let compressed = from_base64url(data).map_err(|e| e.to_string())?;
    let bytes = inflate(&compressed, LIMITS.max_bytes).await.map_err(|e| match e {
        StreamError::Unsupported => "This browser cannot open share links (it has no DecompressionStream). Ask for the file instead.".to_owned(),
        StreamError::Damaged => DamagedLink.to_string(),
        StreamError::TooLarge => format!(
            "This share link unpacks to more than {} MB, more than any portfolio needs, so it was not opened.",
            LIMITS.max_bytes / 1_048_576
        ),
    })?;
    let text = String::from_utf8(bytes)
        .map_err(|_| "This share link does not hold text. It was not opened.".to_owned())?;
    decode_shared(&text).map_err(|e| format!("This share link cannot be shown. {e}"))
}
