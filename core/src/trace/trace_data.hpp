// trace/trace_data.hpp — what one recorded run keeps: its inputs, its timeline and its outcome.
//
// A Trace is everything the recording run learned that a seek cannot cheaply rebuild: one row
// of timeline columns per step, the output chunks, the collections, how the run ended, and
// checkpoints (copies of the run every few thousand steps, checkpoint.hpp). The full state
// at a step is not stored: it is rebuilt by running the same program deterministically from
// the latest checkpoint before that step (seek.hpp), which is exact by construction.
//
// Glossary:
//   line event   CPython's line event: an instruction of a new source line is about to run
//   step         0..steps: step s (s < steps) is the state at line event s+1 (counted from 1),
//                just before that line runs; step `steps` is the final state of the run
//   instr        instruction steps inside a line step: instr k is the state before the
//                (k+1)-th instruction of that step runs (k < instructions[s])
//
// Invariants:
//   1. Every timeline column has steps + 1 entries.
//   2. Output chunks are in order; their offsets tile each stream's text without gaps.
//   3. Collections are in the order they ran; collection i has index i.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "refscope/engine.hpp"
#include "refscope/profile.hpp"
#include "trace/packed_column.hpp"

namespace refscope::trace {

struct Checkpoint;

// What a run needs to be repeated exactly (the inputs of a deterministic run).
struct TraceInputs {
    std::string source;
    std::string filename = "main.py";
    ProfileId profile = ProfileId::cpython_3_11;
    std::string stdin_text;
    std::uint64_t max_steps = 1'000'000;
};

// Timeline columns: one entry per step (see the format's "timeline"), packed (packed_column.hpp).
struct Timeline {
    PackedColumn line, depth, instructions, flags;
    PackedColumn memory, arenas, pools, objects;
    PackedColumn gen0, gen1, gen2;

    // The columns in the format's order, and their names there.
    static constexpr std::array<const char*, 11> kNames = {
        "line", "depth", "instructions", "flags", "memory", "arenas", "pools", "objects",
        "gen0", "gen1", "gen2"};
    template <class Self> static auto columns_of(Self& t) {   // of a Timeline or a const one
        return std::array{&t.line, &t.depth, &t.instructions, &t.flags, &t.memory, &t.arenas,
                          &t.pools, &t.objects, &t.gen0, &t.gen1, &t.gen2};
    }
    std::array<PackedColumn*, 11> columns() { return columns_of(*this); }
    std::array<const PackedColumn*, 11> columns() const { return columns_of(*this); }
    std::size_t size() const { return line.size(); }
    // The memory the columns hold.
    std::size_t bytes() const {
        std::size_t n = 0;
        for (const PackedColumn* c : columns()) n += c->bytes();
        return n;
    }
    void shrink_to_fit() {
        for (PackedColumn* c : columns()) c->shrink_to_fit();
    }
};

// Bits of Timeline::flags: what happened during a step.
enum StepFlag : std::uint32_t {
    kFlagAlloc = 1, kFlagFree = 2, kFlagRefcount = 4, kFlagCollection = 8, kFlagOutput = 16,
    kFlagException = 32, kFlagCall = 64, kFlagReturn = 128, kFlagBinding = 256, kFlagArena = 512,
};

struct OutputChunk {
    std::uint64_t step = 0;
    int stream = 1;                       // 1 stdout, 2 stderr
    std::uint64_t offset = 0, length = 0; // within that stream's text
};

struct CollectionInfo {
    std::uint64_t index = 0;              // 0, 1, ... in the order they ran
    std::uint64_t serial = 0;             // the collector's serial (1-based) of this collection
    std::uint64_t step = 0;               // the step during which it ran
    int generation = 0;
    std::string reason;                   // "automatic", "gc.collect", "shutdown"
    std::int64_t collected = 0, uncollectable = 0;
    std::uint32_t phases = 0;
};

struct TraceEnd {
    std::string reason = "completed";     // completed, exception, exit, limit, syntax_error, unsupported
    std::string limit;                    // "", "steps", "memory", "output"
    int exit_status = 0;
    std::string message;
    std::uint32_t line = 0;
};

struct Trace {
    TraceInputs inputs;
    std::uint64_t steps = 0;              // line events; valid steps 0..steps
    bool ran = false;                     // false: the source never ran (syntax error, unsupported)
    Timeline timeline;
    std::vector<OutputChunk> output;
    std::vector<CollectionInfo> collections;
    TraceEnd end;
    std::string stdout_text, stderr_text;
    std::uint64_t instructions = 0;       // instructions executed in all
    std::vector<std::shared_ptr<const Checkpoint>> checkpoints;   // by line event
    // Bytes the trace keeps in memory (timeline, output, collections), for the benchmark; the
    // checkpoints' share is checkpoints_bytes() (checkpoint.hpp).
    std::size_t recorded_bytes() const;
};

// RunOptions for a run of these inputs (the recording run and every seek use the same ones).
RunOptions run_options(const TraceInputs& inputs);

}  // namespace refscope::trace
