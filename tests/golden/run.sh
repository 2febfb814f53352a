#!/usr/bin/env bash
# Golden traces: runs each tests/golden/<name>/scenario.json with every variant and compares the
# text output (standard output, then the summary lines of standard error, then the exit code)
# with <name>/expected.txt.
#
#   tests/golden/run.sh FLTPLAY [--approve] [NAME...]
#
# FLTPLAY is the fltplay binary (e.g. build/native/core/fltplay). NAME selects folders (all by
# default). --approve, or FLTPLAY_APPROVE=1, writes the new output to expected.txt instead of
# comparing: read the diff first (docs/testing.md says when re-approving is legitimate).
# FLTPLAY_GOLDEN_DIFF_LINES caps the diff printed per failure (default 300; 0 = no cap).
# Ends with "N passed, N failed"; exits 1 if any failed, 2 on a usage error.

set -u

usage() {
  echo "usage: $0 FLTPLAY [--approve] [NAME...]" >&2
  exit 2
}

[ $# -ge 1 ] || usage
fltplay=$1
shift
case $fltplay in
  -*) usage ;;
  /*) ;;
  *) fltplay=$PWD/$fltplay ;;
esac
[ -x "$fltplay" ] || { echo "$0: $fltplay is not an executable" >&2; exit 2; }

approve=${FLTPLAY_APPROVE:-0}
[ "$approve" = 1 ] || approve=0
names=()
for arg in "$@"; do
  case $arg in
    --approve) approve=1 ;;
    -h|--help) usage ;;
    -*) echo "$0: unknown option $arg" >&2; usage ;;
    *) names+=("${arg%/}") ;;
  esac
done

here=$(cd "$(dirname "$0")" && pwd)
if [ ${#names[@]} -eq 0 ]; then
  for dir in "$here"/*/; do
    [ -f "$dir/scenario.json" ] && names+=("$(basename "$dir")")
  done
fi

max_lines=${FLTPLAY_GOLDEN_DIFF_LINES:-300}
work=$(mktemp -d "${TMPDIR:-/tmp}/fltplay-golden.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
for name in "${names[@]}"; do
  dir=$here/$name
  if [ ! -f "$dir/scenario.json" ]; then
    echo "FAIL $name: no such golden test ($dir/scenario.json is missing)"
    failed=$((failed + 1))
    continue
  fi
  # Run from inside the folder with a relative file name, so that the scenario's and the
  # driver's names in diagnostics and summaries do not depend on where the tree lives.
  (cd "$dir" && "$fltplay" run scenario.json --all-variants --format text \
      >"$work/stdout" 2>"$work/stderr")
  rc=$?
  {
    cat "$work/stdout"
    echo "== stderr =="
    cat "$work/stderr"
    echo "== exit code $rc =="
  } >"$work/$name.txt"

  if [ "$approve" = 1 ]; then
    if [ -f "$dir/expected.txt" ] && cmp -s "$dir/expected.txt" "$work/$name.txt"; then
      echo "ok   $name (unchanged)"
    else
      cp "$work/$name.txt" "$dir/expected.txt"
      echo "ok   $name (approved: expected.txt written)"
    fi
    passed=$((passed + 1))
  elif [ ! -f "$dir/expected.txt" ]; then
    echo "FAIL $name: no expected.txt (approve it with --approve after reading the output)"
    failed=$((failed + 1))
  elif cmp -s "$dir/expected.txt" "$work/$name.txt"; then
    echo "ok   $name"
    passed=$((passed + 1))
  else
    echo "FAIL $name: the output differs from expected.txt"
    diff -u --label "$name/expected.txt" --label "$name (actual)" \
      "$dir/expected.txt" "$work/$name.txt" >"$work/diff"
    total=$(wc -l <"$work/diff")
    if [ "$max_lines" -gt 0 ] && [ "$total" -gt "$max_lines" ]; then
      head -n "$max_lines" "$work/diff"
      echo "... ($((total - max_lines)) more diff lines; FLTPLAY_GOLDEN_DIFF_LINES=0 shows all)"
    else
      cat "$work/diff"
    fi
    failed=$((failed + 1))
  fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
