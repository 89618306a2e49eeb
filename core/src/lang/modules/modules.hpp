// lang/modules/modules.hpp — the modules refscope models, each filling a fresh module dict.
//
// sys (sys_module.cpp), gc (gc_module.cpp), weakref (weakref_module.cpp), math
// (math_module.cpp), tracemalloc (tracemalloc_module.cpp), copy (copy_module.cpp). An init
// function returns false with an exception set when it cannot complete.
#pragma once

#include <string_view>

#include "object/object.hpp"

namespace refscope::lang {

class Interp;

using ModuleInit = bool (*)(Interp& vm, object::ObjId dict);

// The init function of a modelled module, or nullptr.
ModuleInit find_module_init(std::string_view name);

bool init_sys(Interp& vm, object::ObjId dict);
bool init_gc(Interp& vm, object::ObjId dict);
bool init_weakref(Interp& vm, object::ObjId dict);
bool init_math(Interp& vm, object::ObjId dict);
bool init_tracemalloc(Interp& vm, object::ObjId dict);
bool init_time(Interp& vm, object::ObjId dict);
bool init_copy(Interp& vm, object::ObjId dict);

}  // namespace refscope::lang
