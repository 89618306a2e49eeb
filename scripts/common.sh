# scripts/common.sh — sourced by the other scripts: the environment and the build steps they share.
# Sourcing it moves to the repository root, so every script works from any current directory.

export DEBIAN_FRONTEND=noninteractive
# emcc's optimising link runs Debian's acorn, which Node finds only through NODE_PATH.
export NODE_PATH=/usr/share/nodejs
# Debian's Chromium runs the browser tests; playwright-core must never download a browser.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
JOBS="$(nproc)"

# step NAME: a visible marker between the stages of a script.
step() { printf '\n==> %s\n' "$*"; }

# build_native DIR [CMAKE_ARGS...]: configure (Release unless the args say otherwise) and build.
build_native() {
  local dir="$1"; shift
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
  cmake --build "$dir" -j"$JOBS"
}

# test_native DIR: every Catch2 test case, through CTest.
test_native() {
  ctest --test-dir "$1" --output-on-failure -j"$JOBS"
}

# build_wasm: build/wasm, -O3 (the benchmark wants speed; CMakeLists.txt compiles the engine's
# cold sources -Oz, for the page's download, and links with LTO); copies core.mjs/core.wasm to
# web/src/wasm.
build_wasm() {
  emcmake cmake -S . -B build/wasm -G Ninja -DCMAKE_BUILD_TYPE=Release \
    "-DCMAKE_CXX_FLAGS_RELEASE=-O3 -DNDEBUG" >/dev/null
  cmake --build build/wasm -j"$JOBS"
}

# build_web: type-check the front end and bundle it into dist/.
build_web() {
  node_modules/.bin/tsc --noEmit -p web
  node_modules/.bin/vite build --logLevel warn
}
