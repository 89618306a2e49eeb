#!/usr/bin/env bash
# scripts/test.sh — every test: native (Release, then Debug with ASan + UBSan), the wasm build,
# the front end, and last the web tests and the differential suite under node's test runner,
# whose summary CI reads.
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

step "web tests and the differential suite (node --test)"
mkdir -p test-results
# One node --test run, so its closing summary counts every test. The differential suite needs
# python3 (the machine's CPython 3.11); it compares with build/native/refscope once `run` works.
# tests/lang compares `refscope dis` with CPython's own compiler, program by program.
node --test tests/web/*.test.mjs tests/lang/*.test.mjs tests/differential/run.mjs
