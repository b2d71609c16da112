#!/usr/bin/env bash
# The benchmark: builds the release, then runs scripts/bench.mjs (headless
# Chromium, the app next to the vanilla-JS floor page). Not part of the
# test command: timings vary by machine. Writes BENCHMARKS.md.
source "$(dirname "$0")/setup.sh"
ensure_build_tools
ensure_chromium
step "Release build"
trunk build --release
step "Benchmark (RUNS=${RUNS:-7})"
node scripts/bench.mjs
