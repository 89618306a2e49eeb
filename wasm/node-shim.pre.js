// wasm/node-shim.pre.js — lets the browser build of core.mjs (-sENVIRONMENT=web) load in Node.
//
// emscripten 3.1.6 fetches core.wasm with fetch(), which Node 20 cannot do for file URLs. Under
// Node (>= 20.16, for process.getBuiltinModule), read the file next to core.mjs ourselves,
// unless the caller already passed wasmBinary, locateFile or instantiateWasm.
// `_scriptDir` is emscripten's copy of import.meta.url; import.meta itself must not appear in a
// pre-js (3.1.6's minifier crashes on it).
if (typeof process == 'object' && typeof process.versions == 'object' && process.versions.node &&
    typeof process.getBuiltinModule == 'function' &&
    !Module['wasmBinary'] && !Module['locateFile'] && !Module['instantiateWasm']) {
  Module['wasmBinary'] = process.getBuiltinModule('fs').readFileSync(new URL('core.wasm', _scriptDir));
}
