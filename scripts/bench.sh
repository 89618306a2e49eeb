#!/usr/bin/env bash
# scripts/bench.sh — the allocator replay benchmark and the trace benchmark (recording speed,
# trace bytes per step, seek time), natively and in wasm (under Node), and the wasm/native speed
# ratio per benchmark line. Both builds are Release (-O3; in wasm the engine's cold sources -Oz
# and LTO, as the page loads them).
# The benchmark prints lines like
#   pymalloc-sim 3.11: 10000000 ops in 0.41 s = 24.3 M ops/s
# and lines of the two runs are matched by the text before the colon.
# The trace benchmark runs ROUNDS times (default 5), each program natively then in wasm right
# after, and scripts/bench-compare.mjs prints each line's fastest figures and the median of the
# rounds' wasm/native ratios: on a shared machine a binary's speed can change by 1.5x for
# minutes at a time, so only figures measured close together are compared.
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
build/native/refscope_alloc_bench | tee "$results/native.1.txt"
step "wasm: node build/wasm/refscope_alloc_bench.js"
node --no-experimental-fetch build/wasm/refscope_alloc_bench.js | tee "$results/wasm.1.txt"
rounds="${ROUNDS:-5}"
for ((round = 1; round <= rounds; round++)); do
  for program in loop recursion cycles; do
    step "trace_bench $program, native then wasm (round $round of $rounds)"
    build/native/refscope_trace_bench 1000000 "$program" | tee -a "$results/native.$round.txt"
    node --no-experimental-fetch build/wasm/refscope_trace_bench.js 1000000 "$program" |
      tee -a "$results/wasm.$round.txt"
  done
done

step "wasm / native"
node scripts/bench-compare.mjs "$results"
