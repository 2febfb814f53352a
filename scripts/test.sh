#!/usr/bin/env bash
# Runs every test: native unit tests, the same under ASan+UBSan+LeakSanitizer, a short fuzz
# smoke, the tests compiled by emcc and run under Node, and the browser tests in Debian's
# Chromium. Installs what is missing first. Exit status 0 only if everything passed.
#   scripts/test.sh
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
mapfile -t pkgs < <(build_packages; test_packages)
ensure_packages "${pkgs[@]}"
ensure_npm_packages

say "Native build and unit tests"
cmake --preset native >/dev/null || die "configuring the native build failed"
cmake --build --preset native -j"$(nproc)"
ctest --preset native -j"$(nproc)"

say "Sanitizer build (ASan + UBSan + LeakSanitizer) and unit tests"
cmake --preset asan >/dev/null || die "configuring the sanitizer build failed"
cmake --build --preset asan -j"$(nproc)"
ctest --preset asan -j"$(nproc)"

say "Fuzz smoke (libFuzzer)"
cmake --preset fuzz >/dev/null || die "configuring the fuzz build failed"
cmake --build --preset fuzz -j"$(nproc)"
for target in build/fuzz/tests/fuzz_*; do
  [ -x "$target" ] || continue
  name=$(basename "$target")
  corpus="tests/fuzz/corpus/$name"
  work=$(mktemp -d)
  [ -d "$corpus" ] && cp -r "$corpus/." "$work/"
  "$target" -runs="${FLTPLAY_FUZZ_RUNS:-50000}" -max_len=4096 -seed=1 "$work" >"$work.log" 2>&1 \
    || { tail -n 40 "$work.log"; die "fuzz target $name failed"; }
  echo "$name: $(grep -E '^Done' "$work.log" || tail -n 1 "$work.log")"
  rm -rf "$work" "$work.log"
done

say "WebAssembly build and the same unit tests under Node"
build_wasm_and_site
ctest --preset wasm -j"$(nproc)"

say "Rule coverage: docs/rule-coverage.md against the catalogue and the tests"
node tests/coverage/rule-coverage.mjs

say "The engine's traces are byte-identical natively and as wasm"
bash tests/determinism/compare.sh build/native build/wasm

say "Browser tests (Chromium, headless)"
node tests/browser/run.mjs build/site

say "The serve command answers (scripts/serve.sh in the background, then Ctrl-C)"
node tests/serve/smoke.mjs

say "Set-up as a user who is not root: a missing package stops with the command to run"
bash tests/serve/not-root.sh
