#!/usr/bin/env bash
# Reports the size of every shipped file, sub-folders included (a split
# build's `pkg-<hash>/` and its chunks): raw, gzip -9 and brotli (if the
# `brotli` command exists), and the total of them all. What a first load
# transfers is less: scripts/bench-phone.mjs records it (see BENCHMARKS.md).
set -euo pipefail
dir=${1:-dist}
printf '%-44s %10s %10s %10s\n' file raw gzip brotli
total_raw=0 total_gz=0 total_br=0
while IFS= read -r f; do
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -n -c "$f" | wc -c)
  br=-
  if command -v brotli >/dev/null 2>&1; then
    br=$(brotli -c -q 11 "$f" | wc -c)
    total_br=$((total_br + br))
  fi
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-44s %10d %10d %10s\n' "${f#"$dir"/}" "$raw" "$gz" "$br"
done < <(find "$dir" -type f ! -name '*.map' | sort)
printf '%-44s %10d %10d %10s\n' total "$total_raw" "$total_gz" "$([ "$total_br" -gt 0 ] && echo "$total_br" || echo -)"
