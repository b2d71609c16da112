//! The benchmark's Leptos floor: the vanilla-JS floor page
//! (`tests/bench/floor/`) written with the app's own stack (Leptos 0.8 CSR,
//! serde_json, wasm-bindgen), built with the app's release profile and
//! wasm-opt flags by `scripts/bench.sh`. It reads the same stored JSON and
//! renders the same rows, keyed, with the same search, and nothing else.
//! It measures what the stack alone costs before any of the app's own code:
//! the size a first load ships and the start-up. Not part of the app.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

use serde::Deserialize;

#[derive(Deserialize)]
struct Doc {
    #[serde(default)]
    applications: Vec<App>,
}

#[derive(Deserialize)]
struct App {
    meta: Meta,
    organization: String,
    role: String,
    source: String,
    #[serde(default)]
    deadline: Option<String>,
    #[serde(default)]
    notes: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    history: Vec<Change>,
}

#[derive(Deserialize)]
struct Meta {
    id: String,
    updated: String,
}

#[derive(Deserialize)]
struct Change {
    stage: String,
}

const STAGES: [&str; 9] = [
    "saved",
    "applied",
    "interviewing",
    "offered",
    "in_progress",
    "completed",
    "rejected",
    "withdrawn",
    "ghosted",
];
const PAGE: usize = 25;

impl App {
    fn stage(&self) -> &str {
        self.history.last().map_or("saved", |c| c.stage.as_str())
    }
}

/// The rows the floor shows for `query`: most recently updated first, the
/// first 25 of each stage, as indexes into `apps` (sorted once).
fn rows(apps: &[App], sorted: &[usize], query: &str) -> Vec<usize> {
    let query = query.to_lowercase();
    let matching: Vec<usize> = sorted
        .iter()
        .copied()
        .filter(|&i| {
            let a = &apps[i];
            query.is_empty()
                || format!(
                    "{} {} {} {}",
                    a.organization,
                    a.role,
                    a.notes,
                    a.tags.join(" ")
                )
                .to_lowercase()
                .contains(&query)
        })
        .collect();
    STAGES
        .iter()
        .flat_map(|s| {
            matching
                .iter()
                .copied()
                .filter(|&i| apps[i].stage() == *s)
                .take(PAGE)
        })
        .collect()
}

#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::*;
    use std::sync::Arc;

    let window = web_sys::window().expect("a window");
    let search = window.location().search().unwrap_or_default();
    let key = search
        .strip_prefix("?key=")
        .and_then(|k| js_sys::decode_uri_component(k).ok())
        .map(String::from)
        .unwrap_or_default();
    let text = window
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(&key).ok().flatten());
    let doc: Doc = text
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or(Doc {
            applications: Vec::new(),
        });
    let apps = Arc::new(doc.applications);
    let mut sorted: Vec<usize> = (0..apps.len()).collect();
    sorted.sort_by(|&a, &b| apps[b].meta.updated.cmp(&apps[a].meta.updated));

    leptos::mount::mount_to_body(move || {
        let query = RwSignal::new(String::new());
        let shown = {
            let apps = Arc::clone(&apps);
            move || rows(&apps, &sorted, &query.get())
        };
        let row = move |i: usize| {
            let a = &apps[i];
            view! {
                <tr>
                    <td><a href=format!("#/applications/{}", a.meta.id)>{format!("{} — {}", a.organization, a.role)}</a></td>
                    <td>{a.stage().to_string()}</td>
                    <td>{a.source.clone()}</td>
                    <td>{a.deadline.clone().unwrap_or_default()}</td>
                </tr>
            }
        };
        view! {
            <h1>"Applications"</h1>
            <label>"Search " <input type="search" on:input=move |e| query.set(event_target_value(&e))/></label>
            <table><tbody><For each=shown key=|i| *i children=row/></tbody></table>
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
