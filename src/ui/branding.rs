//! The deployment's branding and the student's colour theme.
//!
//! `config.json` (beside `index.html`) is fetched once at start-up from the
//! app's own origin; the app starts with the defaults and takes the config
//! in when it arrives. A missing file (404) means the defaults, silently;
//! any other problem means the defaults plus a notice ([`Branding::problems`])
//! that says what is wrong. The rules are in [`crate::domain::config`].
//!
//! The theme (system, light or dark) is a device preference stored beside
//! the document, applied as `data-theme` on `<html>` before the first
//! render.

use crate::domain::config::{accent_schemes, parse_config, Config, Rgb, MAX_CONFIG_BYTES};
use crate::storage;
use crate::ui::chunk::{lazy_fn, ChunkError};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The deployment's config and what was wrong with its file, if anything.
#[derive(Clone, Copy)]
pub struct Branding {
    pub config: RwSignal<Config>,
    pub problems: RwSignal<Vec<String>>,
}

impl Branding {
    /// Starts with the defaults and fetches `config.json`.
    pub fn load() -> Self {
        let branding = Branding {
            config: RwSignal::new(Config::default()),
            problems: RwSignal::new(Vec::new()),
        };
        leptos::task::spawn_local(async move {
            match fetch_config().await {
                Ok(None) => {}
                Ok(Some(text)) => match parse(text).await {
                    Ok(Ok(config)) => {
                        apply_accent(config.accent);
                        branding.config.set(config);
                    }
                    Ok(Err(problems)) => branding.problems.set(problems),
                    Err(ChunkError) => branding.problems.set(vec![
                        "the part of the app that reads it did not load (check the connection and reload)".to_owned(),
                    ]),
                },
                Err(problem) => branding.problems.set(vec![problem]),
            }
        });
        branding
    }
}

// Reading config.json is a chunk of its own: most deployments have none.
lazy_fn!(
    config,
    fn parse(text: String) -> Result<Config, Vec<String>> {
        parse_config(&text)
    }
);

pub fn use_branding() -> Branding {
    expect_context::<Branding>()
}

/// `<option>`s of the sources offered in forms: the deployment's list
/// (config.json), else the usual platforms.
pub fn source_options() -> impl IntoView {
    use_branding()
        .config
        .with(|c| c.sources.clone())
        .into_iter()
        .map(|s| view! { <option value=s></option> })
        .collect_view()
}

/// The text of `config.json`, `None` when there is none.
async fn fetch_config() -> Result<Option<String>, String> {
    let response = JsFuture::from(window().fetch_with_str("config.json"))
        .await
        .map_err(|_| "the file could not be fetched".to_owned())?;
    let response: web_sys::Response = response.unchecked_into();
    if response.status() == 404 {
        return Ok(None);
    }
    if !response.ok() {
        return Err(format!("the server answered {} for it", response.status()));
    }
    crate::ui::platform::read_capped(&response, MAX_CONFIG_BYTES)
        .await
        .map(Some)
}

/// Sets the `--brand-*` custom properties on `<html>` (CSSOM, which the
/// Content Security Policy allows; no inline style attribute).
fn apply_accent(accent: Option<Rgb>) {
    let Some(accent) = accent else { return };
    let Some(root) = document()
        .document_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let (light, dark) = accent_schemes(accent);
    let style = root.style();
    for (suffix, vars) in [("", light), ("-dark", dark)] {
        for (name, colour) in [
            ("accent", vars.accent),
            ("accent-strong", vars.strong),
            ("accent-soft", vars.soft),
            ("on-accent", vars.on_accent),
        ] {
            let _ = style.set_property(&format!("--brand-{name}{suffix}"), &colour.hex());
        }
    }
}

/// The student's colour theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "Same as this device",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn from_slug(slug: &str) -> Theme {
        Theme::ALL
            .into_iter()
            .find(|t| t.slug() == slug)
            .unwrap_or(Theme::System)
    }

    /// The stored choice.
    pub fn stored() -> Theme {
        storage::read_preference("theme")
            .map(|s| Theme::from_slug(&s))
            .unwrap_or(Theme::System)
    }

    /// Shows the theme and remembers it on this device.
    pub fn choose(self) {
        self.apply();
        let value = (self != Theme::System).then_some(self.slug());
        let _ = storage::write_preference("theme", value);
    }

    /// Sets `data-theme` on `<html>` (or removes it to follow the system).
    pub fn apply(self) {
        if let Some(root) = document().document_element() {
            let _ = match self {
                Theme::System => root.remove_attribute("data-theme"),
                other => root.set_attribute("data-theme", other.slug()),
            };
        }
    }
}
