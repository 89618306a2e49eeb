#!/usr/bin/env bash
# scripts/bench.sh — the allocator replay benchmark and the trace benchmark (recording speed,
# trace bytes per step, seek time), natively and in wasm (under Node), and the wasm/native speed
# ratio per benchmark line. Both builds are Release (-O3; in wasm the engine's cold sources -Oz
# and LTO, as the page loads them).
# The benchmark prints lines like
#   pymalloc-sim 3.11: 10000000 ops in 0.41 s = 24.3 M ops/s
# and lines of the two runs are matched by the text before the colon.
# The trace benchmark runs ROUNDS times (default 5), native and wasm in turn, and each line's
# fastest round is compared: on a shared machine the same binary's speed varies by 2x from
# minute to minute, the fastest round is the least disturbed one, and taking turns exposes both
# builds to the same conditions.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

if [[ ! -f bench/alloc_replay.cpp ]]; then
  echo "bench: bench/alloc_replay.cpp does not exist yet" >&2
  exit 1
fi
bash scripts/setup.sh

step "native build (Release)"
build_native build/native
step "wasm build"
build_wasm

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

step "native: build/native/refscope_alloc_bench"
build/native/refscope_alloc_bench | tee "$results/native.txt"
step "wasm: node build/wasm/refscope_alloc_bench.js"
node --no-experimental-fetch build/wasm/refscope_alloc_bench.js | tee "$results/wasm.txt"
rounds="${ROUNDS:-5}"
for ((round = 1; round <= rounds; round++)); do
  step "native: build/native/refscope_trace_bench (round $round of $rounds)"
  build/native/refscope_trace_bench | tee -a "$results/native.txt"
  step "wasm: node build/wasm/refscope_trace_bench.js (round $round of $rounds)"
  node --no-experimental-fetch build/wasm/refscope_trace_bench.js | tee -a "$results/wasm.txt"
done

step "wasm / native (each line's fastest round)"
awk '
  function rate(line) { sub(/ *M ops\/s.*$/, "", line); sub(/^.* /, "", line); return line + 0 }
  function label(line) { sub(/:.*$/, "", line); return line }
  FNR == 1 { run++ }
  /M ops\/s/ {
    name = label($0)
    r = rate($0)
    if (run == 1) {
      if (!(name in native)) order[++n] = name
      if (r > native[name]) native[name] = r
    } else if (r > wasm[name]) {
      wasm[name] = r
    }
  }
  END {
    if (n == 0) { print "bench: no \"M ops/s\" lines in the native output" > "/dev/stderr"; exit 1 }
    for (i = 1; i <= n; i++) {
      name = order[i]
      if (!(name in wasm)) { printf "%-28s native %8.2f M ops/s   wasm: missing\n", name, native[name]; continue }
      printf "%-28s native %8.2f   wasm %8.2f M ops/s   wasm/native = %.2f\n",
             name, native[name], wasm[name], (native[name] > 0 ? wasm[name] / native[name] : 0)
    }
  }' "$results/native.txt" "$results/wasm.txt"
