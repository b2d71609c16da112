#!/usr/bin/env bash
# Trunk post_build hook: the app's Rust build, split into chunks. index.html
# turns off Trunk's own Rust step (`data-trunk-skip`) because Trunk cannot
# split; Trunk keeps the HTML, the CSS, hashing, `trunk serve` and watch.
#
#   1. cargo builds the wasm with the `split` feature, linked with
#      --emit-relocs (the splitter reads the relocations);
#   2. wasm-split-cli (wasm_split_cli_support) cuts it at every split point
#      (src/ui/chunk.rs) into the main module, one chunk per view and the
#      chunks they share, plus __wasm_split.js, their loader;
#   3. wasm-bindgen --keep-lld-exports on the main module (the chunks import
#      its memory, table and functions);
#   4. release only: binaryen's optimizer on every module, with index.html's
#      wasm-opt level and feature flags;
#   5. everything goes to pkg-<hash of the files>/ in the staging folder (a
#      new build is a new folder: no cache ever mixes two builds' chunks),
#      and index.html gets the preloads and the module script that starts
#      the app.
# Then scripts/offline.mjs (service worker, manifest, CSP).
set -euo pipefail
cd "$(dirname "$0")/.."
staging=${TRUNK_STAGING_DIR:-dist}
profile=${TRUNK_PROFILE:-release}
mode=(); out=debug
if [ "$profile" = release ]; then mode=(--release); out=release; fi

cargo rustc "${mode[@]}" --locked --target wasm32-unknown-unknown --bin microfolio --features split \
  -- -Clink-args=--emit-relocs
target=${CARGO_TARGET_DIR:-target}
raw=$target/wasm32-unknown-unknown/$out/microfolio.wasm

work=$target/wasm-split
rm -rf "$work" && mkdir -p "$work"
wasm-split-cli "$raw" "$work" --target web --out-name microfolio
wasm-bindgen --target web --no-typescript --keep-lld-exports \
  --out-dir "$work" --out-name microfolio "$work/microfolio.wasm"
rm "$work/microfolio.wasm"

if [ "$profile" = release ]; then
  level=$(grep -o 'data-wasm-opt="[^"]*"' index.html | cut -d'"' -f2)
  params=$(grep -o 'data-wasm-opt-params="[^"]*"' index.html | cut -d'"' -f2)
  # Two processes (the machines have two cores or more): the main module,
  # and every chunk in one go (scripts/wasm-opt.mjs, binaryen's JS build).
  # binaryen warns of a name subsection it does not know; nothing is wrong.
  # shellcheck disable=SC2086 # $params: one flag per word
  opt() { node scripts/wasm-opt.mjs "-O$level" $params -- "$@" 2> >(grep -v 'unknown name subsection' >&2); }
  opt "$work/microfolio_bg.wasm" &
  main_opt=$!
  mapfile -t chunks < <(find "$work" -name '*.wasm' ! -name microfolio_bg.wasm | sort)
  if [ "${#chunks[@]}" -gt 0 ]; then opt "${chunks[@]}"; fi
  wait "$main_opt"
fi

hash=$(cd "$work" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
pkg="pkg-$hash"
rm -rf "$staging"/pkg-*
mv "$work" "$staging/$pkg"
node scripts/loader.mjs "$staging" "$pkg"
echo "wasm-build.sh: $(find "$staging/$pkg" -name '*.wasm' | wc -l) wasm modules in $pkg/"
