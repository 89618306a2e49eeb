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
//                   frame lives.
//
// Invariants:
//   1. line_events() equals the interpreter's line_steps() after each on_line.
//   2. raw_chunks() holds exactly the live raw malloc chunks (address -> size).
//   3. pools_in_use() equals the number of pools in the used or full state.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "alloc/allocator.hpp"
#include "lang/vm/vm_observer.hpp"

namespace refscope::trace {

class RunTracker : public lang::VmObserver, public alloc::AllocObserver {
public:
    // VmObserver
    void on_start(lang::Interp& vm) override;
    void on_call(const lang::Frame& frame) override;
    void on_line(const lang::Frame& frame, std::uint32_t line) override;
    void on_instruction(const lang::Frame& frame, const lang::Instr& instr) override;
    void on_binding(const lang::Frame& frame, std::string_view name, object::ObjId value) override;
    // AllocObserver
    void on_alloc_event(const alloc::AllocEvent& event) override;

    lang::Interp* vm() const { return vm_; }
    std::uint64_t line_events() const { return line_events_; }
    // Instructions run since the last line event (0 at the line event itself).
    std::uint64_t instr_in_step() const { return instr_in_step_; }
    std::uint64_t start_serial() const { return start_serial_; }
    bool is_program_object(object::ObjId id) const;
    std::uint32_t frame_id(const lang::Frame* frame);
    // Names of the __main__ namespace that existed before the first line and were never
    // bound by the program (__name__, __builtins__, ...): not shown as the module's locals.
    bool is_startup_global(const std::string& name) const {
        return startup_globals_.count(name) != 0 && bound_names_.count(name) == 0;
    }
    // Takes the note of the startup globals if the first line event has not (a run stopped
    // right at it).
    void ensure_startup_globals();
    const std::map<alloc::Address, std::uint32_t>& raw_chunks() const { return raw_chunks_; }
    std::uint32_t pools_in_use() const { return pools_in_use_; }

protected:
    lang::Interp* vm_ = nullptr;
    std::uint64_t line_events_ = 0;
    std::uint64_t instr_in_step_ = 0;

private:
    std::uint64_t start_serial_ = 0;
    std::uint32_t next_frame_id_ = 1;
    std::unordered_map<const lang::Frame*, std::uint32_t> frame_ids_;
    std::unordered_set<std::string> startup_globals_, bound_names_;
    bool globals_snapshot_taken_ = false;
    std::map<alloc::Address, std::uint32_t> raw_chunks_;
    std::uint32_t pools_in_use_ = 0;
};

}  // namespace refscope::trace
