#!/usr/bin/env bash
# scripts/differential.sh — the differential suite: every program in tests/differential/programs
# under python3 and `build/native/refscope run` (or, until `run` exists, a determinism check of
# python3 alone). Environment: REFSCOPE_DIFF_FILTER (substring of program paths to run),
# REFSCOPE_DIFF_JOBS (concurrency, default 2). Needs python3 and node.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
node --test tests/differential/run.mjs
