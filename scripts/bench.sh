#!/usr/bin/env bash
# The benchmark (bench/README.md): the callback workload in plain C, in Lua 5.4 with a C host
# (natively and as wasm), and in fltplay (natively and as wasm under Node, statement events off,
# every memory check on). Prints callbacks per second and the ratios as a Markdown table.
#   scripts/bench.sh [SESSIONS]      (default 2000 sessions: about 118,000 callbacks per run)
# Installs what is missing first (lua5.4 and its headers besides the build tools).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
sessions=${1:-2000}
mapfile -t pkgs < <(build_packages; printf '%s\n' lua5.4 liblua5.4-dev)
ensure_packages "${pkgs[@]}"

say "Native release build (gcc -O3, link-time optimization) of the benchmark programs"
cmake --preset bench >/dev/null || die "configuring the native benchmark build failed"
cmake --build --preset bench -j"$(nproc)" --target fltplay_bench bench_reference bench_lua
say "WebAssembly build (emcc -O3), with Lua 5.4 from Debian's source package"
cmake --preset bench-wasm >/dev/null || die "configuring the wasm benchmark build failed"
cmake --build --preset bench-wasm -j"$(nproc)" --target fltplay_bench bench_lua

say "Running ($sessions sessions, best of 5 repetitions each)"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
build/bench/bench/bench_reference "$sessions" 5 | tee -a "$out"
build/bench/bench/bench_lua bench/workload.lua "$sessions" 5 | tee -a "$out"
node --no-experimental-fetch build/bench-wasm/bench/bench_lua.js bench/workload.lua "$sessions" 5 | tee -a "$out"
build/bench/bench/fltplay_bench bench/minifilter.c "$sessions" 5 | tee -a "$out"
node --no-experimental-fetch build/bench-wasm/bench/fltplay_bench.js bench/minifilter.c "$sessions" 5 | tee -a "$out"

node - "$out" <<'JS'
const fs = require('fs');
const rows = fs.readFileSync(process.argv[2], 'utf8').trim().split('\n').filter((l) => l.startsWith('bench '))
  .map((l) => Object.fromEntries(l.slice(6).split(' ').map((kv) => kv.split('='))).valueOf())
  .map((r, i, all) => r);
const names = ['c', 'lua', 'lua-wasm', 'fltplay', 'fltplay-wasm'];
const get = (n) => rows.find((r) => r.callbacks && r.rate && r.checksum && rows.indexOf(r) === names.indexOf(n));
const by = Object.fromEntries(names.map((n, i) => [n, rows[i]]));
const sums = new Set(rows.map((r) => r.checksum + '/' + r.callbacks));
if (sums.size !== 1) { console.error('the implementations disagree: ' + [...sums].join(' ')); process.exit(1); }
const rate = (n) => Number(by[n].rate);
console.log('\n| implementation | callbacks/s | vs C | vs Lua (native) | vs Lua (wasm) |');
console.log('|---|---:|---:|---:|---:|');
for (const n of names) {
  console.log(`| ${n} | ${rate(n).toFixed(2)} M | ${(rate(n) / rate('c')).toFixed(4)} | ${(rate(n) / rate('lua')).toFixed(2)} | ${(rate(n) / rate('lua-wasm')).toFixed(2)} |`);
}
console.log(`\nEvery implementation made ${rows[0].callbacks} callbacks with checksum ${rows[0].checksum}.`);
JS
