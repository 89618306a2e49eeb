#!/usr/bin/env bash
# scripts/start.sh — install, build, and serve the built page on 127.0.0.1 (Ctrl-C stops).
# PORT=NNNN picks the port (default 4173; the next free one if it is taken).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

bash scripts/build.sh
step "serving dist/ — open the Local URL below (Ctrl-C stops)"
exec node_modules/.bin/vite preview --host 127.0.0.1 --port "${PORT:-4173}"
