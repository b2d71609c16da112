//! The Leptos user interface (wasm only): [`app`] (start-up), [`shell`]
//! (header, nav, banners, toasts), [`pages`] (one per route, each page's
//! sections beside it), [`form`] (the one record form), [`widgets`] (small,
//! shared by pages). Pages read and change the document through the
//! [`state`] contexts; only [`app`] opens storage, and only [`saving`]
//! writes it (through the storage module's save controller).

pub mod app;
pub mod backup;
pub mod branding;
pub mod chunk;
pub mod compress;
pub mod feedback_link;
pub mod field_ids;
pub mod form;
pub mod offline;
pub mod pages;
pub mod platform;
pub mod router;
pub mod saving;
pub mod share_link;
pub mod shell;
pub mod shortcuts;
pub mod state;
pub mod sync_file;
pub mod syncing;
pub mod transfer;
pub mod widgets;

pub use app::App;
