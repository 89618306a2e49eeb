// lang/modules/gc_module.cpp — the gc module (Modules/gcmodule.c, 3.11) over the collector.
//
// collect(generation=2) runs gc::Collector::collect (ValueError "invalid generation" outside
// 0..2); enable/disable/isenabled; get_count/get_threshold/set_threshold (omitted thresholds
// keep their values); is_tracked/is_finalized; get_objects/get_referrers/get_referents walk
// the collector's lists and the objects' refs (tp_traverse); garbage and callbacks are lists the
// collector uses (DEBUG_SAVEALL appends to gc.garbage; each callback gets ("start"|"stop",
// info)); freeze/unfreeze/get_freeze_count; get_stats; set_debug/get_debug and the DEBUG_*
// flags.
#include "lang/modules/modules.hpp"
#include "lang/runtime/natives.hpp"
#include "lang/runtime/objects.hpp"
#include "lang/vm/interp.hpp"

namespace refscope::lang {

namespace {

ObjId gc_collect(Interp& vm, ObjId, const CallArgs& a) {
    ObjId args[1];
    if (!parse_args(vm, a, "collect", {"generation"}, 0, args, true)) return kNull;
    std::int64_t g = 2;
    if (args[0]) {
        if (!vm.is_int(args[0])) return vm.raise(Exc::TypeError, "'" + vm.type_name(args[0]) + "' object cannot be interpreted as an integer");
        if (!vm.small_int(args[0], g)) g = -1;
    }
    if (g < 0 || g > 2) return vm.raise(Exc::ValueError, "invalid generation");
    std::int64_t n = vm.heap().gc().collect(static_cast<int>(g));
    if (vm.has_exception()) return kNull;
    return vm.new_int(n);
}

ObjId gc_enable(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_no_args(vm, a, "enable")) return kNull;
    vm.heap().gc().set_enabled(true);
    return vm.new_none();
}

ObjId gc_disable(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_no_args(vm, a, "disable")) return kNull;
    vm.heap().gc().set_enabled(false);
    return vm.new_none();
}

ObjId gc_isenabled(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_no_args(vm, a, "isenabled")) return kNull;
    return vm.new_bool(vm.heap().gc().enabled());
}

ObjId int_triple(Interp& vm, std::array<std::int64_t, 3> v) {
    Ref a(vm.new_int(v[0])), b(vm.new_int(v[1])), c(vm.new_int(v[2]));
    if (!a || !b || !c) return kNull;
    ObjId items[] = {a.get(), b.get(), c.get()};
    return vm.new_tuple(items);
}

ObjId gc_get_count(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_no_args(vm, a, "get_count")) return kNull;
    return int_triple(vm, vm.heap().gc().count());
}

ObjId gc_get_threshold(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_no_args(vm, a, "get_threshold")) return kNull;
    return int_triple(vm, vm.heap().gc().thresholds());
}

ObjId gc_set_threshold(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_positional(vm, a, "set_threshold", 1, 3)) return kNull;
    auto t = vm.heap().gc().thresholds();
    for (std::size_t i = 0; i < a.nargs; ++i) {
        if (!vm.is_int(a[i])) return vm.raise(Exc::TypeError, "'" + vm.type_name(a[i]) + "' object cannot be interpreted as an integer");
        std::int64_t v;
        if (!vm.small_int(a[i], v) || v > INT32_MAX || v < INT32_MIN)
            return vm.raise(Exc::OverflowError, "signed integer is greater than maximum");
        t[i] = v;
    }
    vm.heap().gc().set_thresholds(t[0], t[1], t[2]);
    return vm.new_none();
}

ObjId gc_is_tracked(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "is_tracked")) return kNull;
    return vm.new_bool(vm.obj(a[0]).tracked());
}

ObjId gc_is_finalized(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "is_finalized")) return kNull;
    return vm.new_bool(vm.obj(a[0]).flags & object::kFinalized);
}

ObjId gc_get_objects(Interp& vm, ObjId, const CallArgs& a) {
    ObjId args[1];
    if (!parse_args(vm, a, "get_objects", {"generation"}, 0, args, true)) return kNull;
    std::int64_t g = -1;
    if (args[0] && args[0] != vm.none()) {
        if (!vm.small_int(args[0], g)) g = 99;
        if (g >= 3) return vm.raise(Exc::ValueError, "generation parameter must be less than the number of available generations (3)");
        if (g < 0) return vm.raise(Exc::ValueError, "generation parameter cannot be negative");
    }
    std::vector<ObjId> objs = vm.heap().gc().objects(static_cast<int>(g));
    return vm.new_list(objs);
}

ObjId gc_get_referrers(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_no_kw(vm, a, "get_referrers")) return kNull;
    std::vector<ObjId> found;
    for (ObjId o : vm.heap().gc().objects(-1)) {
        bool hit = false;
        for (ObjId r : vm.obj(o).refs)
            for (std::size_t i = 0; i < a.nargs && !hit; ++i) hit = r && r == a[i];
        if (hit) found.push_back(o);
    }
    return vm.new_list(found);
}

ObjId gc_get_referents(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_no_kw(vm, a, "get_referents")) return kNull;
    std::vector<ObjId> found;
    for (std::size_t i = 0; i < a.nargs; ++i) {
        const object::Object& o = vm.obj(a[i]);
        if (!object::is_gc_type(o.type)) continue;
        const auto& refs = o.refs;
        switch (o.type) {
            case Type::list:
            case Type::tuple:   // list_traverse / tupletraverse: last item first
                for (auto it = refs.rbegin(); it != refs.rend(); ++it)
                    if (*it) found.push_back(*it);
                break;
            case Type::instance:
            case Type::slots_instance:   // attributes, then the class
                for (std::size_t k = 1; k < refs.size(); ++k)
                    if (refs[k]) found.push_back(refs[k]);
                if (!refs.empty() && refs[0]) found.push_back(refs[0]);
                break;
            case Type::dict:   // a str-keys table visits only the values
                if (o.dict.split_class || o.dict.unicode) {
                    for (std::size_t p = 0; p < vm.heap().dict_positions(a[i]); ++p)
                        if (ObjId v = vm.heap().dict_value_at(a[i], p)) found.push_back(v);
                } else {
                    for (ObjId r : refs)
                        if (r) found.push_back(r);
                }
                break;
            default:
                for (ObjId r : refs)
                    if (r) found.push_back(r);
        }
    }
    return vm.new_list(found);
}

ObjId gc_freeze(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_no_args(vm, a, "freeze")) return kNull;
    vm.heap().gc().freeze();
    return vm.new_none();
}

ObjId gc_unfreeze(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_no_args(vm, a, "unfreeze")) return kNull;
    vm.heap().gc().unfreeze();
    return vm.new_none();
}

ObjId gc_get_freeze_count(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_no_args(vm, a, "get_freeze_count")) return kNull;
    return vm.new_int(static_cast<std::int64_t>(vm.heap().gc().freeze_count()));
}

ObjId gc_get_stats(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_no_args(vm, a, "get_stats")) return kNull;
    std::vector<ObjId> dicts;
    for (const auto& s : vm.heap().gc().stats()) {
        ObjId d = vm.new_dict();
        if (!d) break;
        vm.set_attr_str(d, "collections", vm.new_int(s.collections));
        vm.set_attr_str(d, "collected", vm.new_int(s.collected));
        vm.set_attr_str(d, "uncollectable", vm.new_int(s.uncollectable));
        dicts.push_back(d);
    }
    if (vm.has_exception()) {
        for (ObjId d : dicts) vm.decref(d);
        return kNull;
    }
    return vm.new_list_steal(dicts);
}

ObjId gc_set_debug(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "set_debug")) return kNull;
    std::int64_t v;
    if (!vm.is_int(a[0]) || !vm.small_int(a[0], v))
        return vm.raise(Exc::TypeError, "'" + vm.type_name(a[0]) + "' object cannot be interpreted as an integer");
    vm.heap().gc().set_debug_flags(static_cast<std::uint32_t>(v));
    return vm.new_none();
}

ObjId gc_get_debug(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_no_args(vm, a, "get_debug")) return kNull;
    return vm.new_int(vm.heap().gc().debug_flags());
}

const NativeDef kGc[] = {
    {"collect", gc_collect}, {"enable", gc_enable}, {"disable", gc_disable},
    {"isenabled", gc_isenabled}, {"get_count", gc_get_count}, {"get_threshold", gc_get_threshold},
    {"set_threshold", gc_set_threshold}, {"is_tracked", gc_is_tracked},
    {"is_finalized", gc_is_finalized}, {"get_objects", gc_get_objects},
    {"get_referrers", gc_get_referrers}, {"get_referents", gc_get_referents},
    {"freeze", gc_freeze}, {"unfreeze", gc_unfreeze}, {"get_freeze_count", gc_get_freeze_count},
    {"get_stats", gc_get_stats}, {"set_debug", gc_set_debug}, {"get_debug", gc_get_debug},
};

}  // namespace

bool init_gc(Interp& vm, ObjId dict) {
    for (const NativeDef& def : kGc) vm.add_native(dict, &def);
    vm.set_attr_str(dict, "garbage", vm.newref(vm.gc_garbage()));
    vm.set_attr_str(dict, "callbacks", vm.newref(vm.gc_callbacks()));
    vm.set_attr_str(dict, "DEBUG_STATS", vm.new_int(1));
    vm.set_attr_str(dict, "DEBUG_COLLECTABLE", vm.new_int(2));
    vm.set_attr_str(dict, "DEBUG_UNCOLLECTABLE", vm.new_int(4));
    vm.set_attr_str(dict, "DEBUG_SAVEALL", vm.new_int(32));
    vm.set_attr_str(dict, "DEBUG_LEAK", vm.new_int(38));
    return !vm.has_exception();
}

}  // namespace refscope::lang
