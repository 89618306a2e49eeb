// lang/vm/frame.hpp — one activation of a code object (CPython 3.11's _PyInterpreterFrame).
//
// Models Include/internal/pycore_frame.h (3.11): a frame is not a Python object. It holds
// f_code and f_func, borrows f_globals and f_builtins from the function, owns f_locals (module
// and class bodies only), the localsplus array (locals, then cells, then free variables) and
// the value stack, and points at the previous frame. A Python-visible frame object
// (PyFrameObject) is made only when something asks for one (a traceback, sys._getframe); when
// the frame ends while that object is still referenced, the object takes the frame's
// references over (take_ownership), which is how a saved traceback keeps locals alive.
//
// Reference ownership:
//   running            every non-null slot of `fast` and `stack`, code_obj, func and locals is
//                      a host reference (Heap::incref) held by the frame.
//   in a generator     while the generator is created or suspended, those references are the
//                      generator object's refs (so the collector sees them) and this struct
//                      only mirrors them; resuming turns them back into host references.
//   owned by its frame object
//                      the same, with the PyFrameObject's refs.
//
// Invariants:
//   1. stack.size() never exceeds what the code's instructions can push.
//   2. A running frame is reachable from Interp::current through `previous`.
#pragma once

#include <cstdint>
#include <vector>

#include "lang/code.hpp"
#include "lang/vm/value_stack.hpp"
#include "object/object.hpp"

namespace refscope::lang {

using object::kNull;
using object::ObjId;

struct CodeInfo;

struct Frame {
    const CodeObject* code = nullptr;
    const CompilationUnit* unit = nullptr;
    CodeInfo* info = nullptr;          // the code object's runtime tables (payload, borrowed)
    ObjId code_obj = kNull;            // f_code
    ObjId func = kNull;                // f_func (kNull for module code run by the engine)
    ObjId globals = kNull;             // f_globals (borrowed)
    ObjId builtins = kNull;            // f_builtins (borrowed)
    ObjId locals = kNull;              // f_locals: the namespace dict of module and class bodies
    std::vector<ObjId> fast;           // localsplus
    ValueStack stack;                  // value stack; kNull is CPython's NULL (PUSH_NULL)
    std::uint32_t pc = 0;              // next instruction
    std::uint32_t lasti = 0;           // instruction executing (f_lasti)
    Frame* previous = nullptr;
    ObjId frame_obj = kNull;           // PyFrameObject, when one was made (host reference)
    ObjId generator = kNull;           // the generator that owns this frame (borrowed)
    ObjId kwnames = kNull;             // set by KW_NAMES for the next CALL (borrowed constant)
    bool is_entry = false;             // the eval loop returns when this frame returns
    std::uint32_t last_line = 0;       // line of the last line event
    std::uint32_t depth = 0;           // recursion depth at which it runs
    mutable std::uint32_t trace_id = 0; // an observer's id for the frame (a trace's frame id)

    std::uint32_t line() const {
        return lasti < code->code.size() ? code->code[lasti].line : 0;
    }
};

}  // namespace refscope::lang
