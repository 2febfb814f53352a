#!/usr/bin/env bash
# The fltplay command line, as a user runs it: outputs and exit codes (docs/cli.md).
#   tests/cli/cli-tests.sh path/to/fltplay
# Prints one line per case and ends with "N passed, N failed"; exit status 1 if any failed.
set -u
bin=${1:?usage: cli-tests.sh FLTPLAY}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0

# expect NAME CODE PATTERN -- ARGS...: runs fltplay ARGS, checks the exit code and that
# stdout+stderr contains PATTERN (a fixed string; "" = anything).
expect() {
  local name=$1 code=$2 pattern=$3
  shift 4
  local out rc
  out=$("$bin" "$@" </dev/null 2>&1)
  rc=$?
  if [ "$rc" != "$code" ]; then
    echo "FAIL $name: exit $rc, expected $code"; echo "$out" | head -20 | sed 's/^/     /'
    failed=$((failed + 1)); return
  fi
  if [ -n "$pattern" ] && ! grep -qF -- "$pattern" <<<"$out"; then
    echo "FAIL $name: output lacks: $pattern"; echo "$out" | head -20 | sed 's/^/     /'
    failed=$((failed + 1)); return
  fi
  echo "ok   $name"
  passed=$((passed + 1))
}

expect help 0 "usage: fltplay" -- --help
expect version 0 "fltplay " -- --version
expect no-command 3 "usage: fltplay" --
expect unknown-command 3 "unknown command 'fly'" -- fly
expect explain-rule 0 "PRE-COMPLETE-2: FLT_PREOP_COMPLETE needs a final status" -- explain PRE-COMPLETE-2
expect explain-rule-fix 0 "Fix" -- explain PRE-COMPLETE-2
expect explain-rule-link 0 "https://learn.microsoft.com/windows-hardware/drivers/" -- explain POST-IRQL-1
expect explain-bugcheck-code 0 "DRIVER_IRQL_NOT_LESS_OR_EQUAL" -- explain 0xD1
expect explain-bugcheck-name 0 "0xD1" -- explain driver_irql_not_less_or_equal
expect explain-bugcheck-params 0 "P2  the IRQL at the time of the reference" -- explain 0xD1
expect explain-typo 3 "did you mean PRE-COMPLETE-2" -- explain PRE-COMPLET-2
expect explain-nothing 3 "usage: fltplay explain" -- explain
expect explain-two 3 "one topic at a time" -- explain A B
expect explain-bad-lang 3 "unknown locale" -- explain PRE-COMPLETE-2 --lang fr
expect explain-lang 0 "PRE-COMPLETE-2" -- explain PRE-COMPLETE-2 --lang zh-Hans
expect explain-list 0 "PRE-COMPLETE-2" -- explain --list
expect explain-help 0 "usage: fltplay explain" -- explain --help

[ -f "$here/run-cases.sh" ] && source "$here/run-cases.sh"
[ -f "$here/check-cases.sh" ] && source "$here/check-cases.sh"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
