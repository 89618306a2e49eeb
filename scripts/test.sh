#!/usr/bin/env bash
# scripts/test.sh — every test: native (Release, then Debug with ASan + UBSan), the wasm build,
# the front end, and last the web tests under node's test runner, whose summary CI reads.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

bash scripts/setup.sh

step "native build (Release) + ctest"
build_native build/native
test_native build/native

step "native build (Debug, ASan + UBSan) + ctest"
build_native build/asan -DCMAKE_BUILD_TYPE=Debug -DREFSCOPE_SANITIZE=ON
UBSAN_OPTIONS=print_stacktrace=1 test_native build/asan

step "wasm build"
build_wasm

step "front end: tsc + vite build"
build_web

step "web tests (node --test)"
mkdir -p test-results
node --test tests/web/*.test.mjs
