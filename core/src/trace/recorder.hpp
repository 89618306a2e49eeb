// trace/recorder.hpp — the recording run: fills a Trace while the program runs.
//
// One Recorder observes one run: the VM (steps, calls, returns, bindings, output, exceptions),
// the collector (phases) and the allocator (blocks, pools, arenas). Per event it does O(1)
// work: set a flag bit, bump a counter, append an output chunk; per line event it appends one
// row of timeline columns, and every few thousand it takes a checkpoint. What happens to
// objects, far more often, it reads from the heap's counters at each line event (live program
// objects, reference count changes) instead of observing every change.
//
// Invariants:
//   1. After finish(), every timeline column has steps + 1 entries (trace_data.hpp, 1).
//   2. The heap counts the live objects with serial > start_serial (Heap::count_live_after).
//   3. After a limit (on_limit) nothing more is recorded: the trace ends at that state.
#pragma once

#include "gc/collector.hpp"
#include "object/heap.hpp"
#include "refscope/engine.hpp"
#include "trace/checkpoint.hpp"
#include "trace/run_tracker.hpp"
#include "trace/trace_data.hpp"

namespace refscope::trace {

class Recorder : public RunTracker, public gc::GcObserver {
public:
    explicit Recorder(Trace& trace, CheckpointPolicy policy = {})
        : trace_(trace), checkpointer_(trace.checkpoints, policy) {}

    // VmObserver
    void on_start(lang::Interp& vm) override;
    void on_call(const lang::Frame& frame) override;
    void on_line(const lang::Frame& frame, std::uint32_t line) override;
    void on_binding(const lang::Frame& frame, std::string_view name, object::ObjId value) override;
    void on_exception_raised(const lang::Frame& frame, object::ObjId exception) override;
    void on_output(int stream, std::string_view text) override;
    void on_return(const lang::Frame& frame, object::ObjId value) override;
    void on_limit(lang::Interp& vm) override;
    void on_shutdown(lang::Interp& vm) override;
    void on_end(lang::Interp& vm) override;
    // AllocObserver
    void on_alloc_event(const alloc::AllocEvent& event) override;
    // GcObserver
    void on_gc_phase(const gc::GcPhaseRecord& record) override;
    bool wants_object_lists() const override { return false; }   // seek.hpp rebuilds them

    // After run_program returned: the last timeline row, the end, the texts.
    void finish(const RunResult& result);

private:
    void flag(std::uint32_t bit) {
        if (s_.line_events && !frozen_) trace_.timeline.flags.back() |= bit;
    }
    void push_row(std::uint32_t line, std::uint32_t depth);
    // The current step is over: its row gets the number of instructions it ran, and the
    // refcount flag if counts changed.
    void end_step();
    void push_empty_row();
    std::uint64_t current_step() const { return s_.line_events ? s_.line_events - 1 : 0; }

    Trace& trace_;
    Checkpointer checkpointer_;
    bool frozen_ = false;        // a limit ended the run
    bool shutting_down_ = false;
    std::uint64_t refcount_changes_at_step_ = 0;   // the heap's count at the step's start
    std::uint64_t stdout_bytes_ = 0, stderr_bytes_ = 0;
};

// Runs the program with a Recorder: the whole trace of one run.
Trace record(const TraceInputs& inputs, CheckpointPolicy policy = {});

}  // namespace refscope::trace
