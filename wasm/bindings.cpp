// wasm/bindings.cpp — the WebAssembly front door onto the engine.
//
// Exposes one function to JavaScript, `call(request: string) -> string`, which is
// refscope::api::call: JSON in, JSON out (refscope/api.hpp has the request and answer shapes;
// web/src/wasm/core.d.mts the TypeScript view of this module). api::call never throws, so no C++
// exception crosses into JavaScript. Nothing else belongs here: commands live in the core.
#include <string>

#include <emscripten/bind.h>

#include "refscope/api.hpp"

namespace {

std::string call(const std::string& request_json) {
    return refscope::api::call(request_json);
}

}  // namespace

EMSCRIPTEN_BINDINGS(refscope) {
    emscripten::function("call", &call);
}
