#!/usr/bin/env bash
# Fetch cJSON's source from Debian's source package (with Debian's patches applied),
# using a private apt state: no root needed, /etc/apt untouched.
#   fetch-cjson-source.sh DEST_DIR     -> DEST_DIR/src holds cJSON.c and cJSON.h
set -euo pipefail
dest=${1:?usage: fetch-cjson-source.sh DEST_DIR}
if [ -f "$dest/src/cJSON.c" ]; then exit 0; fi
command -v apt-get >/dev/null || { echo "fetch-cjson-source: apt-get not found" >&2; exit 1; }
command -v dpkg-source >/dev/null || { echo "fetch-cjson-source: dpkg-source not found (apt-get install dpkg-dev)" >&2; exit 1; }
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
(cd "$dest/work" && apt-get "${opts[@]}" source cjson) >>"$dest/apt.log" 2>&1 || { cat "$dest/apt.log" >&2; exit 1; }
src=$(find "$dest/work" -maxdepth 1 -type d -name 'cjson-*' | head -n 1)
[ -n "$src" ] && [ -f "$src/cJSON.c" ] || { echo "fetch-cjson-source: no cJSON.c in the source package" >&2; exit 1; }
rm -rf "$dest/src"
mv "$src" "$dest/src"
rm -rf "$dest/work" "$state"
