// trace/checkpoint.hpp — copies of the recording run, from which seeks run on.
//
// A seek rebuilds the state at a step by running the program deterministically up to that
// step (seek.hpp). Without checkpoints that run starts at the beginning; with them it starts
// from the latest copy of the recording run (Interp::copy) made before the step, so it runs
// at most one checkpoint interval. A checkpoint is never run itself: each seek runs a copy
// of it, and copies share the object storage and arena cells copy-on-write.
//
// When checkpoints are taken (CheckpointPolicy): at the first line event, then where the run
// can be copied (Interp::can_copy) once `interval` line events have passed since the previous
// one; and once the checkpoints hold more than `min_bytes`, not before the previous one's
// cost is covered at `bytes_per_step` per line event (a checkpoint holds the storage the run
// wrote since the one before, so its cost predicts the next one's). A short run thus gets a
// checkpoint every `interval` line events, and a long one about bytes_per_step per line event
// beyond its first min_bytes. The memory is bounded too: when the checkpoints together hold
// more than max_bytes (shared chunks counted once), every other one is dropped and the
// interval doubles.
//
// Invariants:
//   1. Checkpoints are in increasing line_event order; each stands just before that line event.
//   2. A run resumed from a checkpoint reports exactly the events the recording run reported
//      from that line event on (the engine is deterministic; tests compare whole states).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "refscope/engine.hpp"
#include "trace/run_tracker.hpp"

namespace refscope::lang {
class Interp;
}

namespace refscope::trace {

struct Trace;

struct Checkpoint {
    std::uint64_t line_event = 0;          // the copy stands just before this line event (1-based)
    RunTracker::State tracker;             // the recording run's tracker there
    RunResult result;                      // the copy's result (its status; not the output so far)
    std::unique_ptr<lang::Interp> vm;      // the copy
    std::size_t bytes = 0;                 // estimated memory it pins beyond the previous ones
    ~Checkpoint();
};

struct CheckpointPolicy {
    bool enabled = true;
    std::uint64_t interval = 2048;                   // fewest line events between checkpoints
    std::size_t bytes_per_step = 52;                 // 0: no budget per line event
    std::size_t min_bytes = std::size_t{4} << 20;    // spent before bytes_per_step applies
    std::size_t max_bytes = std::size_t{64} << 20;   // in all
};

// Called by the recorder at each line event, before its tracker counts it: takes a checkpoint
// into `out` when the policy says so.
class Checkpointer {
public:
    Checkpointer(std::vector<std::shared_ptr<const Checkpoint>>& out, CheckpointPolicy policy)
        : out_(out), policy_(policy), interval_(policy.interval) {}
    void at_line_event(lang::Interp& vm, const RunTracker::State& tracker);

private:
    std::vector<std::shared_ptr<const Checkpoint>>& out_;
    CheckpointPolicy policy_;
    std::uint64_t interval_;
    std::size_t bytes_ = 0;                // what the checkpoints hold together (estimate)
    std::uint64_t next_check_ = 1;         // no checkpoint before this line event
};

// The memory the trace's checkpoints hold together (an estimate; see Interp::copied_table_bytes).
std::size_t checkpoints_bytes(const Trace& trace);

// The latest checkpoint from which a run reaches line event `line_event` (null: none, start
// from the beginning).
const Checkpoint* checkpoint_before(const Trace& trace, std::uint64_t line_event);

// Runs the trace's program with `observer` (also its allocator observer): from `from` when
// given (the observer resumes from its tracker state), else from the start. The whole run,
// as run_program does, until the observer stops it with LimitReached.
void run_traced(const Trace& trace, const Checkpoint* from, RunTracker& observer);

}  // namespace refscope::trace
