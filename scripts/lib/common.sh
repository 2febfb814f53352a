# Shared set-up for scripts/serve.sh and scripts/test.sh (sourced, not run).
# Installs what is missing on a Debian 12 machine, then the npm packages.

FLTPLAY_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$FLTPLAY_ROOT"

say() { printf '\n== %s\n' "$*"; }
die() { printf 'fltplay: %s\n' "$*" >&2; exit 1; }

# ensure_packages PKG...: installs the Debian packages that are not installed yet.
ensure_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    printf 'fltplay: these Debian packages are missing: %s\n' "${missing[*]}" >&2
    printf 'Run this once as root, then run this command again:\n  sudo apt-get update && sudo apt-get install -y %s\n' "${missing[*]}" >&2
    exit 1
  fi
  say "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q || die "apt-get update failed"
  apt-get install -y -q --no-install-recommends "${missing[@]}" || die "apt-get install failed"
}

# The packages each command needs. Node and npm come from Debian only where they are absent.
build_packages() {
  local pkgs=(build-essential cmake dpkg-dev emscripten libcjson-dev ca-certificates)
  command -v node >/dev/null || pkgs+=(nodejs)
  command -v npm >/dev/null || pkgs+=(npm)
  printf '%s\n' "${pkgs[@]}"
}
test_packages() { printf '%s\n' chromium clang-14 libclang-rt-14-dev; }

ensure_npm_packages() {
  local stamp=node_modules/.package-lock.json
  if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
    say "Installing npm packages (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error || die "npm ci failed"
  fi
}

build_wasm_and_site() {
  say "Building the WebAssembly core and the site"
  cmake --preset wasm >/dev/null || die "configuring the wasm build failed"
  cmake --build --preset wasm -j"$(nproc)" || die "the wasm build failed"
  node scripts/lib/build-site.mjs build/wasm build/site || die "assembling the site failed"
}
