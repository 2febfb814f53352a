#!/usr/bin/env bash
# Fetch cJSON's source from Debian's source package (with Debian's patches applied), using a
# private apt state: no root needed, /etc/apt untouched.
#   fetch-cjson-source.sh DEST_DIR     -> DEST_DIR/src holds cJSON.c and cJSON.h
set -euo pipefail
dest=${1:?usage: fetch-cjson-source.sh DEST_DIR}
exec "$(dirname "$0")/fetch-debian-source.sh" cjson "$dest" cJSON.c
