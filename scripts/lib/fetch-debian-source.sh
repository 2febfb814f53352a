#!/usr/bin/env bash
# Fetch a Debian source package (with Debian's patches applied) using a private apt state: no
# root needed, /etc/apt untouched. Used for the sources the wasm builds compile themselves.
#   fetch-debian-source.sh PACKAGE DEST_DIR MARKER   -> DEST_DIR/src, which holds MARKER
set -euo pipefail
package=${1:?usage: fetch-debian-source.sh PACKAGE DEST_DIR MARKER}
dest=${2:?usage: fetch-debian-source.sh PACKAGE DEST_DIR MARKER}
marker=${3:?usage: fetch-debian-source.sh PACKAGE DEST_DIR MARKER}
if [ -e "$dest/src/$marker" ]; then exit 0; fi
command -v apt-get >/dev/null || { echo "fetch-debian-source: apt-get not found" >&2; exit 1; }
command -v dpkg-source >/dev/null || { echo "fetch-debian-source: dpkg-source not found (apt-get install dpkg-dev)" >&2; exit 1; }
state="$dest/apt-state"
rm -rf "$state" "$dest/work"
mkdir -p "$state/sources.list.d" "$state/lists/partial" "$state/cache/archives/partial" "$dest/work"
# The same mirrors the machine uses for binary packages, as deb-src.
uris=$(grep -rhoE '^(URIs:|deb) +[a-z]+://[^ ]+' /etc/apt/sources.list /etc/apt/sources.list.d/*.sources 2>/dev/null \
       | awk '{print $2}' | grep -m1 -E 'debian/?$' || true)
[ -n "$uris" ] || uris=http://deb.debian.org/debian
cat > "$state/sources.list.d/debian-src.sources" <<SRC
Types: deb-src
URIs: $uris
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: ${uris%/debian*}/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
opts=(-o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$state/sources.list.d"
      -o "Dir::State::Lists=$state/lists" -o "Dir::Cache=$state/cache"
      -o "APT::Sandbox::User=$(id -un)" -o "Debug::NoLocking=1" -q)
apt-get "${opts[@]}" update >"$dest/apt.log" 2>&1 || { cat "$dest/apt.log" >&2; exit 1; }
(cd "$dest/work" && apt-get "${opts[@]}" source "$package") >>"$dest/apt.log" 2>&1 || { cat "$dest/apt.log" >&2; exit 1; }
src=$(find "$dest/work" -maxdepth 1 -mindepth 1 -type d | head -n 1)
[ -n "$src" ] && [ -e "$src/$marker" ] || { echo "fetch-debian-source: no $marker in the $package source package" >&2; exit 1; }
rm -rf "$dest/src"
mv "$src" "$dest/src"
rm -rf "$dest/work" "$state"
