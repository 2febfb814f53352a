#!/usr/bin/env bash
# Every scenario of the engine's test suite, run natively and as wasm under Node, must give a
# byte-identical trace (DESIGN.md: deterministic for a seed, the same natively and in wasm).
#   tests/determinism/compare.sh NATIVE_BUILD WASM_BUILD
# Runs each test_engine_* and test_rules_* executable in both builds with FLTPLAY_TRACE_DIR
# set (tests/harness/scenario.c writes every run's trace), then compares the files.
set -euo pipefail
native=${1:?usage: compare.sh NATIVE_BUILD WASM_BUILD}
wasm=${2:?usage: compare.sh NATIVE_BUILD WASM_BUILD}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/native" "$work/wasm"
count=0
for exe in "$native"/tests/test_engine_* "$native"/tests/test_rules_*; do
  [ -x "$exe" ] || continue
  name=$(basename "$exe")
  js="$wasm/tests/$name.js"
  [ -f "$js" ] || { echo "determinism: $js is missing (build the wasm tests first)"; exit 1; }
  FLTPLAY_TRACE_DIR="$work/native" FLTPLAY_TRACE_PREFIX="$name" "$exe" >/dev/null
  FLTPLAY_TRACE_DIR="$work/wasm" FLTPLAY_TRACE_PREFIX="$name" node --no-experimental-fetch "$js" >/dev/null
  count=$((count + 1))
done
traces=$(ls "$work/native" | wc -l)
if [ "$traces" -eq 0 ]; then echo "determinism: no traces were written"; exit 1; fi
if ! diff -rq "$work/native" "$work/wasm" >"$work/diff"; then
  cat "$work/diff"
  first=$(head -n 1 "$work/diff" | awk '{print $2}')
  [ -n "$first" ] && cmp "$first" "${first/native/wasm}" | head -n 1 || true
  echo "determinism: FAILED: traces differ between native and wasm"
  exit 1
fi
echo "determinism: $traces traces from $count test programs are byte-identical natively and as wasm"
