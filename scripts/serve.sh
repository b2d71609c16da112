#!/usr/bin/env bash
# Serves Microfolio at http://127.0.0.1:8080/ (PORT=… to change).
#
#   scripts/serve.sh          release build, served as plain static files
#   scripts/serve.sh --dev    debug build with live reload (trunk serve)
#   scripts/serve.sh --build  release build into dist/ only (what Pages ships)
#
# BASE=/some/sub/path/ serves the same build under a sub-path, as a career
# center's GitHub Pages site would.
source "$(dirname "$0")/setup.sh"
ensure_build_tools
PORT=${PORT:-8080}

case "${1:-}" in
  --dev)
    mkdir -p target dist
    exec trunk serve --address 127.0.0.1 --port "$PORT"
    ;;
  --build)
    trunk build --release
    ;;
  "")
    trunk build --release
    exec node scripts/static-server.mjs --dir dist --port "$PORT" --base "${BASE:-/}"
    ;;
  *)
    echo "usage: scripts/serve.sh [--dev | --build]" >&2
    exit 2
    ;;
esac
