//! Browser entry point: mounts the Leptos app. The native build has nothing
//! to run; it exists so `cargo test` can test the pure core.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(microfolio::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Microfolio runs in the browser: build it with `scripts/serve.sh`.");
}
