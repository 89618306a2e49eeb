// lang/vm/vm_observer.hpp — what the interpreter tells a trace recorder while it runs.
//
// Every hook is optional (empty by default). The interpreter calls them only when an observer
// is installed (RunOptions::observer), so an unobserved run pays one pointer test per event.
// Hooks must not run Python code or change reference counts: they observe.
//
// Events, in the order they happen:
//   on_start         run_main begins: the interpreter exists, the program's code is not loaded
//                    yet (a recorder installs its heap, collector and allocator observers here)
//   on_resume        instead of on_start, for a copy of a run (Interp::copy) that goes on
//   on_call          a frame was pushed (after its arguments were bound)
//   on_line          an instruction of a new source line is about to run (a "line step")
//   on_instruction   the watched instruction is about to run (see Interp::watch_instruction:
//                    an observer asks for the instructions it needs, so that the others cost
//                    no call)
//   on_binding       a name was bound or deleted (value kNull) in a frame or a namespace dict
//   on_exception_raised / on_exception_handled
//   on_output        text written to stdout (stream 1) or stderr (stream 2)
//   on_return        a frame returns (value) or unwinds (value kNull)
//   on_limit         a limit stopped the run, once: the step limit reports where it hit (before
//                    any unwinding), the others once LimitReached is caught; frames still exist
//   on_shutdown      the program ended normally and the interpreter starts its exit sequence
//   on_end           the run is over (after shutdown); the interpreter is still alive
// on_start, on_limit and on_end hand over the interpreter so that an observer can read the whole
// state (a trace snapshot); a hook may throw LimitReached to stop the run early.
#pragma once

#include <cstdint>
#include <string_view>

#include "lang/code.hpp"
#include "object/object.hpp"

namespace refscope::lang {

struct Frame;
class Interp;

class VmObserver {
public:
    virtual ~VmObserver() = default;
    virtual void on_call(const Frame& /*frame*/) {}
    virtual void on_line(const Frame& /*frame*/, std::uint32_t /*line*/) {}
    virtual void on_instruction(const Frame& /*frame*/, const Instr& /*instr*/) {}
    virtual void on_binding(const Frame& /*frame*/, std::string_view /*name*/, object::ObjId /*value*/) {}
    virtual void on_exception_raised(const Frame& /*frame*/, object::ObjId /*exception*/) {}
    virtual void on_exception_handled(const Frame& /*frame*/, object::ObjId /*exception*/) {}
    virtual void on_output(int /*stream*/, std::string_view /*text*/) {}
    virtual void on_return(const Frame& /*frame*/, object::ObjId /*value*/) {}
    virtual void on_start(Interp& /*vm*/) {}
    virtual void on_resume(Interp& /*vm*/) {}
    virtual void on_limit(Interp& /*vm*/) {}
    virtual void on_shutdown(Interp& /*vm*/) {}
    virtual void on_end(Interp& /*vm*/) {}
};

}  // namespace refscope::lang
