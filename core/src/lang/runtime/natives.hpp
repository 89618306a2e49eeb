// lang/runtime/natives.hpp — helpers for functions written in C++ (builtins and methods).
//
// Argument checking follows CPython 3.11's conventions and messages:
//   METH_O functions          "len() takes exactly one argument (2 given)"
//   positional ranges         "pow expected at least 2 arguments, got 1" (PyArg_UnpackTuple,
//                             _PyArg_CheckPositional)
//   no keywords               "len() takes no keyword arguments"
//   keyword parsing           "sorted() got an unexpected keyword argument 'x'",
//                             "'x' is an invalid keyword argument for sort()"
// Each registration function installs the methods of one builtin type (or the builtins of one
// family) into the interpreter.
#pragma once

#include <initializer_list>
#include <string_view>

#include "lang/vm/interp.hpp"

namespace refscope::lang {

// Positional count in [min, max] and no keywords; messages in PyArg_UnpackTuple's style.
bool check_positional(Interp& vm, const CallArgs& a, const char* name, std::size_t min, std::size_t max);
// METH_O: exactly one positional argument, no keywords.
bool check_one_arg(Interp& vm, const CallArgs& a, const char* name);
// METH_NOARGS.
bool check_no_args(Interp& vm, const CallArgs& a, const char* name);
bool check_no_kw(Interp& vm, const CallArgs& a, const char* name);
// Positional-or-keyword parsing into out[0..names.size()): kNull for absent optional ones.
// `clinic` selects argument clinic's wording for bad keywords.
bool parse_args(Interp& vm, const CallArgs& a, const char* fname, std::initializer_list<std::string_view> names,
                std::size_t required, ObjId* out, bool clinic = false, std::size_t max_positional = SIZE_MAX);
// The value of keyword `name` (borrowed) or kNull.
ObjId kwarg(Interp& vm, const CallArgs& a, std::string_view name);

// Registration of the native functions of each area (called at startup).
void register_object_methods(Interp& vm);
void register_str_methods(Interp& vm);
void register_bytes_methods(Interp& vm);
void register_list_methods(Interp& vm);
void register_tuple_methods(Interp& vm);
void register_dict_methods(Interp& vm);
void register_set_methods(Interp& vm);
void register_number_methods(Interp& vm);
void register_misc_methods(Interp& vm);
void register_slot_wrappers(Interp& vm);     // dunder methods of builtin types (slot_wrappers.cpp)
void register_finalize_methods(Interp& vm);
void register_builtin_functions(Interp& vm, ObjId builtins);

}  // namespace refscope::lang
