#!/usr/bin/env bash
# The set-up as a user who is not root (issue 2): a missing Debian package stops the command with
# the exact line to run as root, and nothing is installed. Run as root, it checks as `nobody`
# (setpriv, util-linux); run as anyone else, as that user.
#   bash tests/serve/not-root.sh
set -u
cd "$(dirname "$0")/../.."
missing=fltplay-no-such-package
check='source scripts/lib/common.sh; ensure_packages bash '"$missing"
if [ "$(id -u)" = 0 ]; then
  out=$(setpriv --reuid=65534 --regid=65534 --clear-groups bash -c "$check" 2>&1)
else
  out=$(bash -c "$check" 2>&1)
fi
rc=$?
want="sudo apt-get update && sudo apt-get install -y $missing"
if [ "$rc" -ne 1 ]; then
  printf 'not-root: expected exit status 1, got %s; output:\n%s\n' "$rc" "$out" >&2
  exit 1
fi
# Only the missing package is named (bash, which is installed, is not), then the command.
case "$out" in
  *"these Debian packages are missing: $missing"$'\n'*"$want"*) ;;
  *) printf 'not-root: the message does not name the package and the command to run; output:\n%s\n' "$out" >&2; exit 1 ;;
esac
echo "not-root: passed (stops with: $want)"
