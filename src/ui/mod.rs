//! The Leptos user interface (wasm only): the app shell, one page per view,
//! and small shared components. Pages read and change the document through
//! the [`state`] contexts; only [`app`] talks to the storage adapter.

pub mod app;
pub mod backup;
pub mod branding;
pub mod components;
pub mod compress;
pub mod field_ids;
pub mod form_errors;
pub mod offline;
pub mod pages;
pub mod platform;
pub mod router;
pub mod share_link;
pub mod shortcuts;
pub mod state;
pub mod sync;

pub use app::App;
