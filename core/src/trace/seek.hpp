// trace/seek.hpp — rebuild what a trace shows at one point by running the program again.
//
// The engine is deterministic (same inputs, same addresses, same object serials, same steps),
// so the state at (step, instr) is rebuilt exactly by running the trace's program again with
// a SeekObserver that builds the snapshot when the run reaches that point and then stops the
// run (LimitReached "seek"). The same goes for one pool block by block, and for the phases of
// one collection. The run starts from the latest checkpoint before the point (checkpoint.hpp),
// so it costs at most one checkpoint interval (no recording: one virtual call per line event;
// an instruction inside a step is reached with Interp::watch_instruction) plus copying the
// checkpoint.
//
// Invariants:
//   1. A seek builds its answer from the live engine at exactly the requested point: the
//      (step+1)-th line event, after `instr` instructions of that step; or the end of the run.
//   2. A seek never changes the trace it reads.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "trace/trace_data.hpp"

namespace refscope::trace {

// The format's State at (step, instr), as JSON text. Throws UsageError when the point is
// outside the trace.
std::string state_text(const Trace& trace, std::uint64_t step, std::uint64_t instr);
// The same, parsed (for tests and tools; the API answers with the text).
nlohmann::json state_at(const Trace& trace, std::uint64_t step, std::uint64_t instr);
// The states (as text) at (step, instr) and at instr 0 of every step in [first, last] (a
// window around it, clipped to the trace), all from one re-run: what a viewer stepping back
// and forth needs next. Keys are (step, instr).
std::map<std::pair<std::uint64_t, std::uint64_t>, std::string> states_around(
    const Trace& trace, std::uint64_t step, std::uint64_t instr, std::uint64_t first, std::uint64_t last);
// One pool, block by block, at a step (instr 0).
nlohmann::json pool_at(const Trace& trace, std::uint64_t step, std::uint32_t arena, std::uint32_t pool);
// One collection as its phases.
nlohmann::json collection_at(const Trace& trace, std::uint64_t index);

}  // namespace refscope::trace
