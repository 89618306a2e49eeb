// refscope/api.hpp — the engine's JSON-in/JSON-out surface.
//
// One function serves every host that speaks JSON: the wasm bindings (web/src/wasm/core.mjs
// exports it as `call`) and the tests. A request is a JSON object naming a command:
//
//   {"cmd": "version"}
//
// and the answer is always a JSON object, one of
//
//   {"ok": true, ...fields of the command...}
//   {"ok": false, "error": {"kind": "usage" | "internal", "message": "..."}}
//
// Error kinds:
//   usage     the request is wrong: not JSON, not an object, no "cmd", an unknown command, or a
//             field the command rejects (refscope::UsageError). The message is for a person.
//   internal  a bug in refscope: a broken invariant (refscope::InvariantError) or any other
//             exception. The page reports it instead of crashing.
//
// Commands (core/src/trace/json_commands.hpp tells how to add one):
//   version   {"version": "0.1.0", "profiles": [{"name": "3.11", "description": "..."}, ...]}
//             The first profile is the default.
//   alloc_scenario
//             {"profile": "3.11" | "classic" (default "3.11"),
//              "ops": [{"op": "malloc", "size": 24, "count": 1000, "name": "floats"},
//                      {"op": "free", "name": "floats", "every": 2},
//                      {"op": "realloc", "name": "floats", "size": 600}, ...]}
//             runs the calls through a fresh pymalloc simulation (at most 2,000,000 calls) and
//             answers {"profile", "live": {name: count}, "stats": {...}, "arenas": [{index,
//             address, ntotalpools, nfreepools, pools: [{index, address, state, szidx,
//             block_size, count, capacity, nfree, untouched}]}], "usable_arenas": [slots],
//             "usedpools": [{szidx, pools: [[arena, pool], ...]}], "debugmallocstats": text}.
//             Addresses are hex strings ("0x7f..."): simulated, never host pointers.
//   run, state, pool, collection, drop
//             record a program's run and read it step by step: docs/trace-format.md is their
//             contract (RunInfo, State, one pool, one collection's phases).
//   find_alloc
//             the step at which a pool next (or last) handed out a block, in a recorded trace:
//             docs/trace-format.md.
#pragma once

#include <string>
#include <string_view>

namespace refscope::api {

// Runs one request and returns the response as compact JSON (UTF-8). Never throws: every
// failure, including an out-of-memory while answering, becomes an error response.
std::string call(std::string_view request_json) noexcept;

}  // namespace refscope::api
