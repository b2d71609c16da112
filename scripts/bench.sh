#!/usr/bin/env bash
# The benchmark: builds the release and the Leptos floor page, then runs
# scripts/bench.mjs (headless Chromium: the app next to the vanilla-JS floor
# and the Leptos floor, then the emulated phone of scripts/bench-phone.mjs).
# Not part of the test command: timings vary by machine. Writes BENCHMARKS.md.
# RUNS (7), BENCH_PORT (4191, and the next three) and PHONE_VIEWS (link
# names, e.g. Portfolio,Skills,Data; all seven by default) pass through.
source "$(dirname "$0")/setup.sh"
ensure_build_tools
ensure_chromium
step "Release build"
trunk build --release

# The Leptos floor (tests/bench/leptos-floor/): the app's release profile,
# then wasm-bindgen and wasm-opt with the flags index.html gives Trunk.
step "Leptos floor build"
cargo build --release --target wasm32-unknown-unknown --example leptos-floor --features bench-floor
out=target/bench/leptos-floor
rm -rf "$out" && mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name leptos-floor \
  target/wasm32-unknown-unknown/release/examples/leptos-floor.wasm
level=$(grep -o 'data-wasm-opt="[^"]*"' index.html | cut -d'"' -f2)
read -r -a params <<<"$(grep -o 'data-wasm-opt-params="[^"]*"' index.html | cut -d'"' -f2)"
wasm-opt "${params[@]}" "-O$level" "$out/leptos-floor_bg.wasm" -o "$out/leptos-floor_bg.wasm"
cp tests/bench/leptos-floor/index.html "$out/"

step "Benchmark (RUNS=${RUNS:-7})"
node scripts/bench.mjs
