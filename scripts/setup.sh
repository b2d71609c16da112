# shellcheck shell=bash
# Sourced by scripts/serve.sh and scripts/test.sh: installs, idempotently,
# everything the build and the tests need, and puts it on PATH. A second run
# checks versions and returns in seconds.
#
#   wasm32 target · trunk 0.21.14 · wasm-bindgen-cli at the Cargo.lock version
#   · wasm-split-cli (wasm_split_cli_support 0.2.4)
#   · npm packages from package-lock.json (wasm-opt from binaryen@132,
#   Playwright) · Debian chromium + chromium-driver (tests only)

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
TRUNK_VERSION=0.21.14
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else echo "error: '$*' needs root (or sudo)" >&2; return 1
  fi
}

apt_install() {
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

ensure_wasm_target() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown ||
    rustup target add wasm32-unknown-unknown
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    step "Installing trunk $TRUNK_VERSION (about 12 minutes, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
}

# The wasm-bindgen version Cargo.lock pins; the CLI must match it exactly.
wasm_bindgen_version() {
  awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_wasm_bindgen() {
  local want
  want=$(wasm_bindgen_version)
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ]; then
    step "Installing wasm-bindgen-cli $want (a few minutes, once)"
    # Not --locked: one of its locked dependencies is gone from the registry.
    cargo install wasm-bindgen-cli --version "$want"
  fi
}

# The splitter that cuts the wasm into chunks (scripts/wasm-build.sh).
WASM_SPLIT_VERSION=0.2.4
ensure_wasm_split() {
  if ! command -v wasm-split-cli >/dev/null 2>&1 ||
    ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    step "Installing wasm-split-cli (wasm_split_cli_support $WASM_SPLIT_VERSION, a few minutes, once)"
    cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
  fi
}

ensure_node() {
  command -v npm >/dev/null 2>&1 || apt_install nodejs npm
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    step "Installing npm packages from package-lock.json"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    step "Installing Debian's chromium and chromium-driver"
    apt_install chromium chromium-driver
  fi
}

ensure_build_tools() {
  ensure_wasm_target
  ensure_node
  ensure_wasm_bindgen
  ensure_wasm_split
  ensure_trunk
}
