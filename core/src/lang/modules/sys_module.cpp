// lang/modules/sys_module.cpp — the sys module (Python/sysmodule.c, 3.11), the parts a program
// that studies memory uses: getrefcount (the object's ob_refcnt, which includes the reference
// of the call's own argument), getsizeof (the object's size with its GC header), intern,
// the recursion limit, stdout/stderr, _debugmallocstats (the allocator's report, on stderr),
// argv, maxsize, version_info, modules, exc_info, _getframe.
#include "lang/modules/modules.hpp"
#include "lang/runtime/natives.hpp"
#include "lang/runtime/objects.hpp"
#include "lang/vm/interp.hpp"

namespace refscope::lang {

namespace {

ObjId sys_getrefcount(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "getrefcount")) return kNull;
    return vm.new_int(vm.obj(a[0]).refcnt);
}

ObjId sys_getsizeof(Interp& vm, ObjId, const CallArgs& a) {
    ObjId args[2];
    if (!parse_args(vm, a, "getsizeof", {"object", "default"}, 1, args)) return kNull;
    ObjId o = args[0];
    if (vm.is_heap_instance(o)) {
        ObjId f = vm.lookup(vm.type_of(o), Id::sizeof_);
        if (f && vm.obj(f).type == Type::function) {
            Ref keep = Ref::borrow(f);
            Ref r(vm.call_descr(f, o, {}));
            if (!r) return kNull;
            if (!vm.is_int(r.get())) return vm.raise(Exc::TypeError, "an integer is required");
            std::int64_t n;
            vm.small_int(r.get(), n);
            if (n < 0) return vm.raise(Exc::ValueError, "__sizeof__() should return >= 0");
            const bool gc = object::is_gc_type(vm.obj(o).type);
            std::int64_t pre = gc ? vm.profile().gc.gc_head_size : 0;
            if (vm.obj(o).type == Type::instance && vm.profile().objects.managed_dict) pre += 16;
            return vm.new_int(n + pre);
        }
    }
    return vm.new_int(static_cast<std::int64_t>(vm.heap().getsizeof(o)));
}

ObjId sys_intern(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "intern")) return kNull;
    if (!vm.is_str(a[0])) return vm.raise(Exc::TypeError, "intern() argument must be str, not " + vm.type_name(a[0]));
    vm.incref(a[0]);
    return vm.heap().intern(a[0]);
}

ObjId sys_getrecursionlimit(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_no_args(vm, a, "getrecursionlimit")) return kNull;
    return vm.new_int(vm.recursion_limit());
}

ObjId sys_setrecursionlimit(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "setrecursionlimit")) return kNull;
    if (!vm.is_int(a[0])) return vm.raise(Exc::TypeError, "'" + vm.type_name(a[0]) + "' object cannot be interpreted as an integer");
    std::int64_t n;
    if (!vm.small_int(a[0], n) || n > INT32_MAX) return vm.raise(Exc::OverflowError, "Python int too large to convert to C int");
    if (n < 1) return vm.raise(Exc::ValueError, "recursion limit must be greater or equal than 1");
    if (n <= static_cast<std::int64_t>(vm.depth_))
        return vm.raise(Exc::RecursionError, "cannot set the recursion limit to " + std::to_string(n) +
                                                 " at the recursion depth " + std::to_string(vm.depth_) + ": the limit is too low");
    vm.set_recursion_limit(static_cast<int>(n));
    return vm.new_none();
}

ObjId sys_debugmallocstats(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_no_args(vm, a, "_debugmallocstats")) return kNull;
    vm.write_stderr(vm.heap().debug_malloc_stats());
    return vm.new_none();
}

ObjId sys_exit(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_positional(vm, a, "exit", 0, 1)) return kNull;
    ObjId arg = a.nargs ? a[0] : kNull;
    ObjId exc = vm.new_exception(vm.exc_type(Exc::SystemExit), std::span<const ObjId>(&arg, arg ? 1 : 0));
    if (!exc) return kNull;
    return vm.raise_obj(exc);
}

ObjId sys_exc_info(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_no_args(vm, a, "exc_info")) return kNull;
    ObjId e = vm.handled_exception();
    if (!e) {
        ObjId items[] = {vm.none(), vm.none(), vm.none()};
        return vm.new_tuple(items);
    }
    ObjId tb = vm.obj(e).refs[4];
    ObjId items[] = {vm.type_of(e), e, tb ? tb : vm.none()};
    return vm.new_tuple(items);
}

ObjId sys_exception(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_no_args(vm, a, "exception")) return kNull;
    ObjId e = vm.handled_exception();
    return vm.newref(e ? e : vm.none());
}

ObjId sys_getframe(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_positional(vm, a, "_getframe", 0, 1)) return kNull;
    std::int64_t depth = 0;
    if (a.nargs == 1 && !vm.small_int(a[0], depth)) return vm.raise(Exc::TypeError, "an integer is required");
    Frame* f = vm.current_frame();
    for (std::int64_t i = 0; i < depth && f; ++i) f = f->previous;
    if (!f) return vm.raise(Exc::ValueError, "call stack is not deep enough");
    ObjId fo = vm.frame_object(f);
    return fo ? vm.newref(fo) : kNull;
}

ObjId sys_getdefaultencoding(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_no_args(vm, a, "getdefaultencoding")) return kNull;
    return vm.new_str("utf-8");
}

// sys.getallocatedblocks(): pymalloc blocks in use (objects and the blocks kept on free lists).
// Only differences are meaningful: the model has fewer objects than CPython's start-up makes.
ObjId sys_getallocatedblocks(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_no_args(vm, a, "getallocatedblocks")) return kNull;
    return vm.new_int(static_cast<std::int64_t>(vm.allocator().stats().pymalloc_blocks_in_use));
}

const NativeDef kSys[] = {
    {"getallocatedblocks", sys_getallocatedblocks},
    {"getrefcount", sys_getrefcount}, {"getsizeof", sys_getsizeof}, {"intern", sys_intern},
    {"getrecursionlimit", sys_getrecursionlimit}, {"setrecursionlimit", sys_setrecursionlimit},
    {"_debugmallocstats", sys_debugmallocstats}, {"exit", sys_exit}, {"exc_info", sys_exc_info},
    {"exception", sys_exception}, {"_getframe", sys_getframe},
    {"getdefaultencoding", sys_getdefaultencoding},
};

}  // namespace

bool init_sys(Interp& vm, ObjId dict) {
    for (const NativeDef& def : kSys) vm.add_native(dict, &def);
    std::vector<ObjId> argv;
    argv.push_back(vm.new_str(vm.script_path()));
    for (const std::string& arg : vm.options().argv) argv.push_back(vm.new_str(arg));
    vm.set_attr_str(dict, "argv", vm.new_list_steal(argv));
    vm.set_attr_str(dict, "stdout", vm.newref(vm.sys_stdout()));
    vm.set_attr_str(dict, "stderr", vm.newref(vm.sys_stderr()));
    vm.set_attr_str(dict, "__stdout__", vm.newref(vm.sys_stdout()));
    vm.set_attr_str(dict, "__stderr__", vm.newref(vm.sys_stderr()));
    vm.set_attr_str(dict, "maxsize", vm.new_int(INT64_MAX));
    {
        Ref major(vm.new_int(3)), minor(vm.new_int(11)), micro(vm.new_int(7)), level(vm.new_str("final")), serial(vm.new_int(0));
        ObjId items[] = {major.get(), minor.get(), micro.get(), level.get(), serial.get()};
        vm.set_attr_str(dict, "version_info", vm.new_tuple(items));
    }
    vm.set_attr_str(dict, "version", vm.new_str("3.11.7 (refscope simulation)"));
    vm.set_attr_str(dict, "hexversion", vm.new_int(0x030b07f0));
    vm.set_attr_str(dict, "platform", vm.new_str("linux"));
    vm.set_attr_str(dict, "byteorder", vm.new_str("little"));
    vm.set_attr_str(dict, "modules", vm.newref(vm.modules()));
    vm.set_attr_str(dict, "path", vm.new_list({}));
    vm.set_attr_str(dict, "executable", vm.new_str("python3"));
    vm.set_attr_str(dict, "implementation", vm.new_str("cpython"));
    return !vm.has_exception();
}

}  // namespace refscope::lang
