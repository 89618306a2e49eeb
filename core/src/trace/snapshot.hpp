// trace/snapshot.hpp — the full state of a run at one instant, read from the live engine.
//
// Builds the format's `State` (docs/trace-format.md) from the interpreter as it stands: the
// frame chain with locals, cells and value stacks; the objects a reader can reach from the
// frames plus the program's objects that nothing reachable holds any more (a dropped cycle
// waiting for the collector), each with what makes up its reference count; the collector's
// counts; the allocator's arenas, pools and raw chunks.
//
// Which objects are listed:
//   * everything a frame references (locals, cells, value stack, shown module globals);
//   * from there, what program objects reference, transitively; objects the interpreter made
//     before the program started (types, builtins, the __main__ dict) are listed as leaves
//     when something listed references them, and not explored further; code objects are
//     leaves too;
//   * program objects that are not reachable from any reference the interpreter holds
//     (host references, static objects): marked "unreachable", with what they reference.
//
// At most kMaxListedObjects objects are listed (the frames' own references always are);
// exploring is breadth first from the frames, so a cut keeps what is nearest to them. The
// State's "omitted" counts the objects left out; edges to them are not shown (their holders'
// referents skip them), and the referrers they would have been count as "other".
//
// Referrers: the references that make up an object's count, one entry per holder: a frame's
// name (fast local, cell variable, or a shown module / class-body global), a frame's value
// stack, a listed object (with the edge's label), a cell, a code object's constants; holders
// that are not listed are summed into "other" entries named after their type, and what no
// holder explains (the interpreter's own references) into a last "other" entry, so that the
// counts add up to the refcount.
//
// Invariants:
//   1. Building a snapshot does not change the run (object_view.hpp, 1): no allocation, no
//      reference count change, no Python code.
//   2. Every object id named anywhere in the snapshot (locals, stack, referrers, referents)
//      is listed in "objects"; "omitted" is 0 unless more than kMaxListedObjects qualify.
//   3. For every listed object, the referrer counts sum to its refcount.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "lang/code.hpp"

namespace refscope::trace {

class RunTracker;

inline constexpr std::size_t kMaxListedObjects = 5000;

struct SnapshotPoint {
    std::uint64_t step = 0, instr = 0, instructions = 0;
    std::uint32_t line = 0;
    const lang::Instr* next = nullptr;   // the instruction about to run (null at the end)
    bool final = false;                   // the end of the run: no frames
};

// The State as JSON text.
std::string build_state(RunTracker& tracker, const SnapshotPoint& point);

}  // namespace refscope::trace
