#!/usr/bin/env bash
# Runs every test tier, installing what they need first (idempotently):
#
#   1. native `cargo test`: the pure domain core (most tests)
#   2. wasm-bindgen-test in headless Chromium: storage adapter, components
#   3. Playwright end-to-end tests in Debian Chromium, against the release
#      build served by a plain static server under a sub-path
#
# Every tier runs even if an earlier one failed. Exits non-zero if any tier
# fails or runs no test; the last line sums them up.
source "$(dirname "$0")/setup.sh"
ensure_build_tools
ensure_chromium

LOGS=$(mktemp -d)
trap 'rm -rf "$LOGS"' EXIT
failed_tiers=()
total_passed=0
total_failed=0

# run_tier NAME COUNTER CMD...: runs CMD, tees its output, counts its tests.
run_tier() {
  local name=$1 counter=$2
  shift 2
  step "$name"
  local log="$LOGS/$(echo "$name" | tr -c 'a-zA-Z0-9' _).log" status=0
  "$@" 2>&1 | tee "$log" || status=$?
  local counts passed failed
  counts=$("$counter" "$log")
  passed=${counts% *}
  failed=${counts#* }
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
    failed_tiers+=("$name (exit $status, $failed failed)")
  elif [ "$passed" -eq 0 ]; then
    failed_tiers+=("$name (ran no test)")
  fi
}

# "test result: ok. 12 passed; 0 failed; ..." lines (cargo, wasm-bindgen-test).
count_cargo() {
  awk '/test result:/ { for (i = 1; i <= NF; i++) { if ($(i) ~ /^passed;?$/) p += $(i-1); if ($(i) ~ /^failed;?$/) f += $(i-1) } }
       END { print p + 0, f + 0 }' "$1"
}

# Playwright's summary: "  7 passed (12.3s)", "  1 failed", "  1 flaky".
count_playwright() {
  awk '/^ +[0-9]+ passed/ { p += $1 } /^ +[0-9]+ (failed|flaky)/ { f += $1 } END { print p + 0, f + 0 }' "$1"
}

step "Formatting (cargo fmt --check)"
cargo fmt --check || failed_tiers+=("cargo fmt --check")

run_tier "1/3 Native tests of the pure core (cargo test)" count_cargo \
  cargo test --locked

run_tier "2/3 Storage adapter and components in headless Chromium (wasm-bindgen-test)" count_cargo \
  env CHROMEDRIVER=/usr/bin/chromedriver \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --locked --target wasm32-unknown-unknown --test web

# The browser tests run at a fixed time (NOW in tests/e2e/helpers.mjs), with
# every stored date relative to it. The whole suite then runs again with the
# clock years ahead, at the end of a February, so a test that passes only
# near the day it was written fails here. Tests of a date rule are tagged
# @dates (`playwright test --grep @dates` runs just those).
FUTURE_NOW=2031-02-28T12:00:00Z
build_and_e2e() {
  trunk build --release || return $?
  scripts/sizes.sh dist
  local status=0
  playwright test --config tests/e2e/playwright.config.mjs || status=$?
  step "The same end-to-end tests with the clock at $FUTURE_NOW"
  MICROFOLIO_TEST_NOW=$FUTURE_NOW playwright test --config tests/e2e/playwright.config.mjs || status=$?
  return $status
}
run_tier "3/3 End-to-end user flows in Chromium (Playwright)" count_playwright build_and_e2e

# What failed, again at the very end, where a log's last lines are read:
# each failing test's name and the first lines of why.
failures() {
  awk '/✘/ || /^---- .* stdout ----$/ { print; next }
       /^  [0-9]+\) / { n = 25 }
       n > 0 { print; n-- }' "$LOGS"/*.log
}

echo
if [ ${#failed_tiers[@]} -gt 0 ]; then
  step "What failed"
  failures | head -150
  printf 'FAILED: %s\n' "${failed_tiers[@]}"
fi
echo "tests: $total_passed passed, $total_failed failed"
[ ${#failed_tiers[@]} -eq 0 ]
