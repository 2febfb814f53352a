#!/usr/bin/env bash
# Builds everything the playground needs and serves it on 127.0.0.1.
#   scripts/serve.sh [PORT]      (default 8000; Ctrl-C stops)
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
mapfile -t pkgs < <(build_packages)
ensure_packages "${pkgs[@]}"
ensure_npm_packages
say "Building the native CLI"
cmake --preset native >/dev/null || die "configuring the native build failed"
cmake --build --preset native -j"$(nproc)" || die "the native build failed"
build_wasm_and_site
say "Serving"
exec node scripts/lib/static-server.mjs build/site "${1:-8000}"
