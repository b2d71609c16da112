//! Microfolio: a student's micro-internship portfolio, application tracker and
//! skill inventory, kept entirely in the browser.
//!
//! Layers (see `ARCHITECTURE.md`):
//! - [`domain`]: pure data types and rules; no IO, no clock, no randomness.
//!   Compiled and tested natively.
//! - [`routes`]: the app's URLs (hash routes), also pure.
//! - [`storage`]: the one adapter between the domain and the key-value
//!   store, and the save controller; plain Rust over a trait, tested
//!   natively (its `localStorage` side is wasm only).
//! - `ui`: Leptos components and pages (wasm only).

pub mod domain;
pub mod routes;

pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;
