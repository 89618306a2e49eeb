// trace/object_view.hpp — how the trace shows one object: a short summary and labelled edges.
//
// Reads the heap model only: it never runs Python code (no __repr__ of user classes), never
// allocates simulated memory and never changes a reference count, so building a view leaves
// the run exactly as it was.
//
// Glossary:
//   summary    repr-like text cut to about kSummaryChars characters ("[1, 2, 3]", "'abc'",
//              "<Node object>"); containers show their items two levels deep
//   referent   an outgoing reference, in the order of the object's refs (tp_traverse order),
//              with a label a reader recognises: "[0]", "['key']", "key 'key'", ".attr",
//              "__class__", "cell_contents"
//
// Invariants:
//   1. referents(o) lists exactly the non-null entries of o.refs, once each, in order.
//   2. summary() returns at most kSummaryChars + 1 characters (the cut is marked with "…").
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "object/object.hpp"

namespace refscope::lang {
class Interp;
}

namespace refscope::trace {

inline constexpr std::size_t kSummaryChars = 60;

std::string summary(lang::Interp& vm, object::ObjId id);
std::vector<std::pair<std::string, object::ObjId>> referents(lang::Interp& vm, object::ObjId id);
// The Python type name shown for an object ("list", "Node", "function").
std::string python_type_name(lang::Interp& vm, object::ObjId id);

}  // namespace refscope::trace
