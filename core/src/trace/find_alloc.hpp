// trace/find_alloc.hpp — where a chosen pool next (or last) handed out a block: the step the
// page's "next allocation in this pool" jumps to.
//
// Like seek.hpp, it runs the trace's program again from a checkpoint (the engine is
// deterministic) with a small observer of its own: this one listens to the allocator's
// block_alloc events of one pool (arena slot, pool index within the arena) and notes the step
// each happened in. No state is built, so the cost is the run from the checkpoint to the
// answer (looking backwards, one checkpoint interval after another).
//
// Glossary:
//   landing step  an event that happens after line event k (k >= 1) and before line event k+1
//                 happens "during step k - 1"; its effect is first visible at step k, the step
//                 the page lands on (as for the timeline's flags, trace-format.md). Events
//                 before the first line event are visible at step 0 already and never land.
//
// Invariants:
//   1. An answer is a landing step of a block_alloc in exactly that (arena, pool), within
//      1..trace.steps; `after`/`before` bound it strictly (after < answer, answer < before).
//   2. next_alloc_step answers the smallest such step, previous_alloc_step the largest.
//   3. A search never changes the trace it reads.
#pragma once

#include <cstdint>
#include <optional>

#include "trace/trace_data.hpp"

namespace refscope::trace {

// The first landing step s > after of a block allocated in pool `pool` of arena slot `arena`;
// nullopt when there is none up to the end of the trace.
std::optional<std::uint64_t> next_alloc_step(const Trace& trace, std::uint64_t after,
                                             std::uint32_t arena, std::uint32_t pool);
// The last landing step s < before of such an allocation; nullopt when there is none.
std::optional<std::uint64_t> previous_alloc_step(const Trace& trace, std::uint64_t before,
                                                 std::uint32_t arena, std::uint32_t pool);

}  // namespace refscope::trace
