#!/usr/bin/env bash
# scripts/setup.sh — install what building and testing refscope needs. Idempotent and quick when
# everything is there: apt runs only for missing packages, npm ci only when node_modules is
# missing or older than package-lock.json.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

APT_PACKAGES=(
  cmake ninja-build g++            # native build
  clang libclang-rt-14-dev         # clang's sanitizer and fuzzer runtimes
  emscripten                       # the WebAssembly build
  nlohmann-json3-dev catch2        # JSON, native tests
  libbenchmark-dev                 # Google Benchmark (optional benchmarks)
  chromium                         # browser tests
)

missing=()
for package in "${APT_PACKAGES[@]}"; do
  status="$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)"
  [[ "$status" == installed ]] || missing+=("$package")
done
if ((${#missing[@]})); then
  sudo=()
  if [[ "$(id -u)" -ne 0 ]]; then sudo=(sudo); fi
  echo "setup: installing ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Node.js >= 20.19 (Vite 8) comes with the machine; Debian's own nodejs is too old.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "setup: Node.js 20.19+ and npm are required but not installed" >&2
  exit 1
fi
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number);
              process.exit(a > 22 || (a === 22 && b >= 12) || (a === 20 && b >= 19) ? 0 : 1)'; then
  echo "setup: Node.js $(node --version) is too old; refscope needs ^20.19 or >= 22.12" >&2
  exit 1
fi

if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
