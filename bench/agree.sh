#!/usr/bin/env bash
# Every implementation of the benchmark's workload must make the same callbacks with the same
# result (bench/README.md). Runs each on a small workload, once.
#   bench/agree.sh BENCH_DIR SOURCE_DIR
set -euo pipefail
dir=${1:?usage: agree.sh BENCH_DIR SOURCE_DIR}
src=${2:?usage: agree.sh BENCH_DIR SOURCE_DIR}
lines=()
lines+=("$("$dir/bench_reference" 60 1)")
[ -x "$dir/bench_lua" ] && lines+=("$("$dir/bench_lua" "$src/bench/workload.lua" 60 1)")
lines+=("$("$dir/fltplay_bench" "$src/bench/minifilter.c" 60 1)")
first=""
for line in "${lines[@]}"; do
  echo "$line"
  key=$(grep -oE 'callbacks=[0-9]+|checksum=[0-9]+' <<<"$line" | tr '\n' ' ')
  [ -n "$key" ] || { echo "bench_agree: no result in: $line"; exit 1; }
  if [ -z "$first" ]; then first=$key; elif [ "$key" != "$first" ]; then echo "bench_agree: FAILED: $key differs from $first"; exit 1; fi
done
echo "bench_agree: ${#lines[@]} implementations agree: $first"
