// trace/run_tracker.hpp — what every observer of a traced run keeps: where the run is (step and
// instruction), which frame is which, what the program itself created and bound.
//
// Both the recording run (recorder.hpp) and the runs that rebuild a state (seek.hpp) derive
// from it, so a state built while seeking sees exactly what the recording run saw.
//
// Glossary:
//   program object  an object created after the run started (serial > start_serial): the
//                   program's constants and everything it made. Older objects (types,
//                   builtins, interned identifiers) are the interpreter's.
//   frame id        1, 2, ... in the order frames were entered (on_call); stable while the
//                   frame lives. Kept in the frame (Frame::trace_id), so copies keep it.
//
// Invariants:
//   1. line_events() equals the interpreter's line_steps() after each on_line, and
//      line_start() its begun() there: instruction k of the current step (k = 0, 1, ...) is
//      instruction number line_start() + 1 + k (Interp::watch_instruction).
//   2. raw_chunks() holds exactly the live raw malloc chunks (address -> size).
//   3. pools_in_use() equals the number of pools in the used or full state.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_set>

#include "alloc/allocator.hpp"
#include "lang/vm/vm_observer.hpp"

namespace refscope::trace {

class RunTracker : public lang::VmObserver, public alloc::AllocObserver {
public:
    // Everything a tracker knows about the run, copied with the run (a trace's checkpoints).
    struct State {
        std::uint64_t line_events = 0;
        std::uint64_t line_start = 0;      // instructions begun before the current step
        std::uint64_t start_serial = 0;
        std::uint32_t next_frame_id = 1;
        std::unordered_set<std::string> startup_globals, bound_names;
        bool globals_snapshot_taken = false;
        std::map<alloc::Address, std::uint32_t> raw_chunks;
        std::uint32_t pools_in_use = 0;
    };
    const State& state() const { return s_; }

    // VmObserver
    void on_start(lang::Interp& vm) override;
    // A copy of a run resumes (Interp::resume_main): go on from `state`, taken from the
    // tracker of the original run when the copy was made, at the line event to come.
    void resume_from(lang::Interp& vm, const State& state);
    void on_call(const lang::Frame& frame) override;
    void on_line(const lang::Frame& frame, std::uint32_t line) override;
    void on_binding(const lang::Frame& frame, std::string_view name, object::ObjId value) override;
    // AllocObserver
    void on_alloc_event(const alloc::AllocEvent& event) override;

    lang::Interp* vm() const { return vm_; }
    std::uint64_t line_events() const { return s_.line_events; }
    std::uint64_t line_start() const { return s_.line_start; }
    std::uint64_t start_serial() const { return s_.start_serial; }
    bool is_program_object(object::ObjId id) const;
    std::uint32_t frame_id(const lang::Frame* frame);
    // Names of the __main__ namespace that existed before the first line and were never
    // bound by the program (__name__, __builtins__, ...): not shown as the module's locals.
    bool is_startup_global(const std::string& name) const {
        return s_.startup_globals.count(name) != 0 && s_.bound_names.count(name) == 0;
    }
    // Takes the note of the startup globals if the first line event has not (a run stopped
    // right at it).
    void ensure_startup_globals();
    const std::map<alloc::Address, std::uint32_t>& raw_chunks() const { return s_.raw_chunks; }
    std::uint32_t pools_in_use() const { return s_.pools_in_use; }

protected:
    lang::Interp* vm_ = nullptr;
    State s_;
};

}  // namespace refscope::trace
