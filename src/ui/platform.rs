//! The few browser facts the domain core may not read itself: the clock,
//! random ids, today's date, and file downloads.

use crate::domain::RecordId;
use crate::routes::Route;
use chrono::{DateTime, NaiveDate, Utc};
use std::cell::Cell;
use wasm_bindgen::JsCast;

thread_local! {
    /// A time fixed by a browser test (`fix_clock`), read instead of the clock.
    static FIXED_NOW: Cell<Option<f64>> = const { Cell::new(None) };
}

/// Milliseconds since the epoch: the browser's clock, or the fixed time.
fn now_millis() -> f64 {
    FIXED_NOW.with(Cell::get).unwrap_or_else(js_sys::Date::now)
}

/// Makes `now` and `today` return `at` (and stand still there), or read
/// the browser's clock again with `None`. For the browser tests, which
/// never depend on the day they run (`tests/web.rs`); the end-to-end tests
/// set the browser's own clock instead.
#[doc(hidden)]
pub fn fix_clock(at: Option<DateTime<Utc>>) {
    FIXED_NOW.with(|f| f.set(at.map(|t| t.timestamp_millis() as f64)));
}

/// The current time, from the browser's clock.
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(now_millis() as i64).unwrap_or_default()
}

/// Today's date in the student's own time zone.
pub fn today() -> NaiveDate {
    let d = js_sys::Date::new(&now_millis().into());
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default()
}

/// A fresh random record id, from `crypto.getRandomValues`.
pub fn new_id() -> RecordId {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    RecordId::from_random_bytes(bytes)
}

/// Offers `text` as a file download, made in the browser (no server).
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The file just chosen in a file input. The input is cleared, so choosing
/// the same file again is noticed too.
pub fn chosen_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = leptos::prelude::event_target(ev);
    let file = input.files().and_then(|f| f.get(0));
    input.set_value("");
    file
}

/// The first file dropped (the browser's own handling, opening it, is
/// prevented).
pub fn dropped_file(ev: &leptos::ev::DragEvent) -> Option<web_sys::File> {
    ev.prevent_default();
    ev.data_transfer()
        .and_then(|dt| dt.files())
        .and_then(|f| f.get(0))
}

/// Reads a chosen or dropped file as text, refusing it before reading when
/// it is over `max` bytes. Errors are whole sentences naming the file.
pub async fn read_text_file(file: web_sys::File, max: usize) -> Result<String, String> {
    let name = file.name();
    let size = file.size() as usize;
    if size > max {
        return Err(format!(
            "“{name}” {}, so it cannot be opened.",
            crate::domain::size::over_limit(size, max)
        ));
    }
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| format!("“{name}” could not be read."))
}

/// The body of `response` as text, read a chunk at a time and given up
/// (the download cancelled) as soon as it passes `max` bytes, so a huge or
/// endless file is never downloaded whole.
pub async fn read_capped(response: &web_sys::Response, max: usize) -> Result<String, String> {
    let unreadable = || "it could not be read".to_owned();
    let Some(body) = response.body() else {
        return Ok(String::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let chunk = wasm_bindgen_futures::JsFuture::from(reader.read())
            .await
            .map_err(|_| unreadable())?;
        if js_sys::Reflect::get(&chunk, &"done".into()).is_ok_and(|d| d.is_truthy()) {
            break;
        }
        let value = js_sys::Reflect::get(&chunk, &"value".into()).map_err(|_| unreadable())?;
        bytes.extend(js_sys::Uint8Array::new(&value).to_vec());
        if bytes.len() > max {
            let _ = reader.cancel();
            return Err(format!(
                "the file is over {} KB; at most {} KB is read",
                max / 1024,
                max / 1024
            ));
        }
    }
    String::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_owned())
}

/// Moves keyboard focus to the element with `id` once the current update
/// has rendered (it may not exist yet).
pub fn focus_later(id: impl Into<String>) {
    let id = id.into();
    leptos::prelude::set_timeout(
        move || focus_element(&id),
        std::time::Duration::from_millis(0),
    );
}

/// Moves keyboard focus to the element with `id`, if it exists.
pub fn focus_element(id: &str) {
    try_focus(id);
}

/// Moves keyboard focus to the element with `id`; false if there is none.
pub fn try_focus(id: &str) -> bool {
    let found = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    found.map(|el| el.focus().is_ok()).unwrap_or(false)
}

/// Opens the view `route` (by setting `location.hash` to its link).
pub fn go(route: &Route) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(&route.href());
    }
}

/// "Nov 3, 2026 – Nov 14, 2026", "from Nov 3, 2026", "Nov 14, 2026", or "".
pub fn format_date_range(start: Option<NaiveDate>, end: Option<NaiveDate>) -> String {
    match (start, end) {
        (Some(s), Some(t)) => format!("{} – {}", format_date(s), format_date(t)),
        (None, Some(t)) => format_date(t),
        (Some(s), None) => format!("from {}", format_date(s)),
        (None, None) => String::new(),
    }
}

/// "Nov 23, 2026".
pub fn format_date(date: NaiveDate) -> String {
    date.format("%b %-d, %Y").to_string()
}

/// Runs `work` and records how long it took as a User Timing measure named
/// `name` (seen in the browser's performance tools and read by the
/// benchmark, `scripts/bench.mjs`). Only the latest measure of each name is
/// kept: the browser keeps every entry until it is cleared, and a student
/// who leaves the app open saves thousands of times. Costs two timestamps.
pub fn timed<R>(name: &str, work: impl FnOnce() -> R) -> R {
    let performance = web_sys::window().and_then(|w| w.performance());
    let start = format!("{name}:start");
    if let Some(p) = &performance {
        p.clear_measures_with_measure_name(name);
        let _ = p.mark(&start);
    }
    let result = work();
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark(name, &start);
        p.clear_marks_with_mark_name(&start);
    }
    result
}
