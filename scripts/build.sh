#!/usr/bin/env bash
# scripts/build.sh — build everything: native (build/native), wasm (build/wasm, copied into
# web/src/wasm/), then type-check and bundle the front end into dist/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

bash scripts/setup.sh
step "native build (Release)"
build_native build/native
step "wasm build"
build_wasm
step "front end: tsc + vite build"
build_web
