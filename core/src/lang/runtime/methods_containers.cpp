// lang/runtime/methods_containers.cpp — methods of list, tuple, dict, set and frozenset
// (Objects/listobject.c, tupleobject.c, dictobject.c, setobject.c, 3.11).
//
// list.sort is stable (CPython's timsort); keys are computed once per item before sorting and
// compared with `<`. list.pop / remove / del shrink the item array by list_resize's rule;
// dict.pop / popitem / del leave a dummy entry; set.pop follows the table with a finger.
#include <algorithm>

#include "lang/runtime/natives.hpp"
#include "lang/runtime/objects.hpp"
#include "lang/vm/interp.hpp"

namespace refscope::lang {

bool Interp::list_sort(ObjId list, const CallArgs& a) {
    ObjId key = kNull, rev = kNull;
    if (a.nargs) {
        raise(Exc::TypeError, "sort() takes no positional arguments");
        return false;
    }
    for (std::size_t i = 0; i < a.nkw; ++i) {
        std::string_view k = text_of(obj(a.kwnames).refs[i]);
        if (k == "key") key = a[i];
        else if (k == "reverse") rev = a[i];
        else {
            raise(Exc::TypeError, "'" + std::string(k) + "' is an invalid keyword argument for sort()");
            return false;
        }
    }
    if (key == none()) key = kNull;
    bool reverse = false;
    if (rev) {
        int t = truthy(rev);
        if (t < 0) return false;
        reverse = t;
    }
    // CPython empties the list while sorting; the items' references move to a work array
    // (host references here, so the heap's accounting stays exact meanwhile).
    std::vector<ObjId> items = std::move(heap_->at(list).refs);
    heap_->at(list).refs.clear();
    for (ObjId item : items) heap_->at(item).external += 1;
    std::vector<ObjId> keys;
    bool ok = true;
    if (key) {
        for (ObjId item : items) {
            ObjId k = ok ? call(key, {item}) : kNull;
            if (!k) ok = false;
            keys.push_back(k);
        }
    }
    std::vector<std::size_t> order(items.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (ok && items.size() > 1) {
        // reverse=True: reverse, stable sort ascending, reverse again (listsort keeps the
        // original order of equal items this way).
        if (reverse) std::reverse(order.begin(), order.end());
        auto key_of = [&](std::size_t i) { return key ? keys[i] : items[i]; };
        std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
            if (!ok) return false;
            int r = compare_bool(key_of(x), key_of(y), CMP_LT);
            if (r < 0) {
                ok = false;
                return false;
            }
            return r != 0;
        });
        if (reverse) std::reverse(order.begin(), order.end());
    }
    for (ObjId k : keys) xdecref(k);
    const bool modified = !heap_->at(list).refs.empty();
    std::vector<ObjId> sorted;
    sorted.reserve(items.size());
    if (ok) {
        for (std::size_t i : order) sorted.push_back(items[i]);
    } else {
        sorted = items;
    }
    // Whatever was put in the list meanwhile is discarded, as listsort does.
    std::vector<ObjId> intruders = std::move(heap_->at(list).refs);
    heap_->at(list).refs = std::move(sorted);
    for (ObjId item : heap_->at(list).refs) heap_->at(item).external -= 1;
    for (ObjId x : intruders) {
        heap_->at(x).external += 1;   // the list's reference passes to us, then goes
        decref(x);
    }
    if (modified && ok) {
        raise(Exc::ValueError, "list modified during sort");
        return false;
    }
    return ok;
}

namespace {

// --- list ------------------------------------------------------------------------------------------

ObjId list_append_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "append")) return kNull;
    if (!vm.heap().list_append(self, a[0])) return vm.raise_memory_error();
    return vm.new_none();
}

ObjId list_extend_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "extend")) return kNull;
    if (vm.list_extend(self, a[0]) < 0) return kNull;
    return vm.new_none();
}

ObjId list_insert_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_positional(vm, a, "insert", 2, 2)) return kNull;
    auto i = vm.index_value(a[0]);
    if (!i) return kNull;
    const auto n = static_cast<std::int64_t>(vm.obj(self).refs.size());
    std::int64_t where = *i;
    if (where < 0) {
        where += n;
        if (where < 0) where = 0;
    }
    if (where > n) where = n;
    if (!vm.heap().list_insert(self, static_cast<std::size_t>(where), a[1])) return vm.raise_memory_error();
    return vm.new_none();
}

ObjId list_pop_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_positional(vm, a, "pop", 0, 1)) return kNull;
    const auto n = static_cast<std::int64_t>(vm.obj(self).refs.size());
    std::int64_t i = -1;
    if (a.nargs) {
        auto v = vm.index_value(a[0]);
        if (!v) return kNull;
        i = *v;
    }
    if (n == 0) return vm.raise(Exc::IndexError, "pop from empty list");
    if (i < 0) i += n;
    if (i < 0 || i >= n) return vm.raise(Exc::IndexError, "pop index out of range");
    return vm.heap().list_pop(self, static_cast<std::size_t>(i));
}

ObjId list_remove_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "remove")) return kNull;
    for (std::size_t i = 0; i < vm.obj(self).refs.size(); ++i) {
        ObjId x = vm.obj(self).refs[i];
        Ref keep = Ref::borrow(x);
        int eq = vm.compare_bool(x, a[0], CMP_EQ);
        if (eq < 0) return kNull;
        if (eq) {
            if (i < vm.obj(self).refs.size()) vm.decref(vm.heap().list_pop(self, i));
            return vm.new_none();
        }
    }
    return vm.raise(Exc::ValueError, "list.remove(x): x not in list");
}

bool slice_bounds(Interp& vm, const CallArgs& a, std::size_t first, std::int64_t n, std::int64_t& start, std::int64_t& stop) {
    start = 0;
    stop = n;
    for (std::size_t k = first; k < a.nargs && k < first + 2; ++k) {
        auto v = vm.index_value(a[k]);
        if (!v) {
            if (vm.exception_matches(Exc::TypeError)) {
                vm.clear_exception();
                vm.raise(Exc::TypeError, "slice indices must be integers or have an __index__ method");
            }
            return false;
        }
        std::int64_t x = *v;
        if (x < 0) x = std::max<std::int64_t>(0, x + n);
        (k == first ? start : stop) = std::min(x, n);
    }
    return true;
}

ObjId list_index_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_positional(vm, a, "index", 1, 3)) return kNull;
    std::int64_t start, stop;
    if (!slice_bounds(vm, a, 1, static_cast<std::int64_t>(vm.obj(self).refs.size()), start, stop)) return kNull;
    for (std::int64_t i = start; i < stop && i < static_cast<std::int64_t>(vm.obj(self).refs.size()); ++i) {
        ObjId x = vm.obj(self).refs[static_cast<std::size_t>(i)];
        Ref keep = Ref::borrow(x);
        int eq = vm.compare_bool(x, a[0], CMP_EQ);
        if (eq < 0) return kNull;
        if (eq) return vm.new_int(i);
    }
    auto r = vm.repr_text(a[0]);
    if (!r) return kNull;
    return vm.raise(Exc::ValueError, *r + " is not in " + (vm.obj(self).type == Type::list ? "list" : "tuple"));
}

ObjId seq_count_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "count")) return kNull;
    std::int64_t n = 0;
    for (std::size_t i = 0; i < vm.obj(self).refs.size(); ++i) {
        ObjId x = vm.obj(self).refs[i];
        Ref keep = Ref::borrow(x);
        int eq = vm.compare_bool(x, a[0], CMP_EQ);
        if (eq < 0) return kNull;
        n += eq;
    }
    return vm.new_int(n);
}

ObjId list_sort_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!vm.list_sort(self, a)) return kNull;
    return vm.new_none();
}

ObjId list_reverse_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "reverse")) return kNull;
    auto& refs = vm.heap().at(self).refs;
    std::reverse(refs.begin(), refs.end());
    return vm.new_none();
}

ObjId list_copy_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "copy")) return kNull;
    return vm.new_list(vm.obj(self).refs);
}

ObjId list_clear_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "clear")) return kNull;
    vm.heap().list_clear(self);
    return vm.new_none();
}

const NativeDef kList[] = {
    {"append", list_append_m}, {"extend", list_extend_m}, {"insert", list_insert_m},
    {"pop", list_pop_m}, {"remove", list_remove_m}, {"index", list_index_m},
    {"count", seq_count_m}, {"sort", list_sort_m}, {"reverse", list_reverse_m},
    {"copy", list_copy_m}, {"clear", list_clear_m},
};

const NativeDef kTuple[] = {{"index", list_index_m}, {"count", seq_count_m}};

// --- dict ------------------------------------------------------------------------------------------

ObjId dict_get_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_positional(vm, a, "get", 1, 2)) return kNull;
    ObjId v = vm.dict_get(self, a[0]);
    if (v) return vm.newref(v);
    if (vm.has_exception()) return kNull;
    return vm.newref(a.nargs > 1 ? a[1] : vm.none());
}

ObjId dict_keys_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "keys")) return kNull;
    return vm.new_view(self, ViewKind::keys);
}
ObjId dict_values_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "values")) return kNull;
    return vm.new_view(self, ViewKind::values);
}
ObjId dict_items_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "items")) return kNull;
    return vm.new_view(self, ViewKind::items);
}

ObjId dict_pop_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_positional(vm, a, "pop", 1, 2)) return kNull;
    bool found = false;
    ObjId v = vm.dict_pop(self, a[0], found);
    if (v) return v;
    if (vm.has_exception()) return kNull;
    if (a.nargs > 1) return vm.newref(a[1]);
    return vm.raise_key_error(a[0]);
}

ObjId dict_popitem_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "popitem")) return kNull;
    if (vm.dict_len(self) == 0) return vm.raise(Exc::KeyError, "popitem(): dictionary is empty");
    vm.heap().dict_make_combined(self);
    std::size_t pos = vm.heap().dict_positions(self);
    while (pos > 0 && !vm.heap().dict_value_at(self, pos - 1)) --pos;
    ObjId k, v;
    vm.heap().dict_take_entry(self, pos - 1, k, v);
    ObjId items[] = {k, v};
    ObjId t = vm.new_tuple(items);
    vm.decref(k);
    vm.decref(v);
    return t;
}

ObjId dict_setdefault_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_positional(vm, a, "setdefault", 1, 2)) return kNull;
    ObjId v = vm.dict_get(self, a[0]);
    if (v) return vm.newref(v);
    if (vm.has_exception()) return kNull;
    ObjId d = a.nargs > 1 ? a[1] : vm.none();
    if (vm.dict_set(self, a[0], d) < 0) return kNull;
    return vm.newref(d);
}

ObjId dict_update_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (a.nargs > 1) return vm.raise(Exc::TypeError, "update expected at most 1 argument, got " + std::to_string(a.nargs));
    if (a.nargs == 1 && vm.dict_update_from(self, a[0]) < 0) return kNull;
    for (std::size_t i = 0; i < a.nkw; ++i)
        if (vm.dict_set(self, vm.obj(a.kwnames).refs[i], a[a.nargs + i]) < 0) return kNull;
    return vm.new_none();
}

ObjId dict_copy_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "copy")) return kNull;
    return vm.dict_copy(self);
}

ObjId dict_clear_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "clear")) return kNull;
    vm.heap().dict_clear(self);
    return vm.new_none();
}

ObjId dict_fromkeys_m(Interp& vm, ObjId cls, const CallArgs& a) {
    if (!check_positional(vm, a, "fromkeys", 1, 2)) return kNull;
    Ref d(vm.call(cls, {}));
    if (!d) return kNull;
    ObjId value = a.nargs > 1 ? a[1] : vm.none();
    Ref it(vm.get_iter(a[0]));
    if (!it) return kNull;
    for (;;) {
        Ref k(vm.iter_next(it.get()));
        if (!k) {
            if (vm.has_exception()) {
                if (!vm.exception_matches(Exc::StopIteration)) return kNull;
                vm.clear_exception();
            }
            return d.release();
        }
        if (vm.setitem(d.get(), k.get(), value) < 0) return kNull;
    }
}

const NativeDef kDict[] = {
    {"get", dict_get_m}, {"keys", dict_keys_m}, {"values", dict_values_m},
    {"items", dict_items_m}, {"pop", dict_pop_m}, {"popitem", dict_popitem_m},
    {"setdefault", dict_setdefault_m}, {"update", dict_update_m}, {"copy", dict_copy_m},
    {"clear", dict_clear_m}, {"fromkeys", dict_fromkeys_m, NativeDef::classmethod},
};

// --- set / frozenset -----------------------------------------------------------------------------

ObjId set_add_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "add")) return kNull;
    if (vm.set_add(self, a[0]) < 0) return kNull;
    return vm.new_none();
}

ObjId set_remove_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "remove")) return kNull;
    int r = vm.set_discard(self, a[0]);
    if (r < 0) return kNull;
    if (r == 0) return vm.raise_key_error(a[0]);
    return vm.new_none();
}

ObjId set_discard_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "discard")) return kNull;
    if (vm.set_discard(self, a[0]) < 0) return kNull;
    return vm.new_none();
}

ObjId set_pop_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "pop")) return kNull;
    ObjId k = vm.heap().set_pop(self);
    if (!k) return vm.raise(Exc::KeyError, "pop from an empty set");
    return k;
}

ObjId set_clear_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "clear")) return kNull;
    vm.heap().set_clear(self);
    return vm.new_none();
}

ObjId set_copy_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "copy")) return kNull;
    if (vm.obj(self).type == Type::frozenset) return vm.newref(self);
    Ref s(vm.new_set(false));
    if (!s || vm.set_merge(s.get(), self) < 0) return kNull;
    return s.release();
}

// A set from any iterable (the argument of union() and friends).
ObjId as_set(Interp& vm, ObjId o) {
    const Type t = vm.obj(o).type;
    if (t == Type::set || t == Type::frozenset) return vm.newref(o);
    Ref s(vm.new_set(false));
    if (!s || vm.set_update(s.get(), o) < 0) return kNull;
    return s.release();
}

ObjId set_multi(Interp& vm, ObjId self, const CallArgs& a, std::uint32_t nb, const char* name, bool update) {
    if (!check_no_kw(vm, a, name)) return kNull;
    Ref result;
    if (update) result = Ref::borrow(self);
    else {
        result.reset(vm.new_set(vm.obj(self).type == Type::frozenset));
        if (!result || vm.set_merge(result.get(), self) < 0) return kNull;
    }
    for (std::size_t i = 0; i < a.nargs; ++i) {
        if (nb == NB_OR) {
            if (vm.set_update(result.get(), a[i]) < 0) return kNull;
            continue;
        }
        Ref other(as_set(vm, a[i]));
        if (!other) return kNull;
        if (update) {
            Ref r(vm.set_operator(result.get(), other.get(), nb, true));
            if (!r) return kNull;
        } else {
            Ref r(vm.set_operator(result.get(), other.get(), nb, false));
            if (!r) return kNull;
            result = std::move(r);
        }
    }
    if (update) return vm.new_none();
    return result.release();
}

ObjId set_union_m(Interp& vm, ObjId s, const CallArgs& a) { return set_multi(vm, s, a, NB_OR, "union", false); }
ObjId set_intersection_m(Interp& vm, ObjId s, const CallArgs& a) { return set_multi(vm, s, a, NB_AND, "intersection", false); }
ObjId set_difference_m(Interp& vm, ObjId s, const CallArgs& a) { return set_multi(vm, s, a, NB_SUBTRACT, "difference", false); }
ObjId set_update_m(Interp& vm, ObjId s, const CallArgs& a) { return set_multi(vm, s, a, NB_OR, "update", true); }
ObjId set_intersection_update_m(Interp& vm, ObjId s, const CallArgs& a) { return set_multi(vm, s, a, NB_AND, "intersection_update", true); }
ObjId set_difference_update_m(Interp& vm, ObjId s, const CallArgs& a) { return set_multi(vm, s, a, NB_SUBTRACT, "difference_update", true); }

ObjId set_symmetric_difference_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "symmetric_difference")) return kNull;
    Ref other(as_set(vm, a[0]));
    if (!other) return kNull;
    return vm.set_operator(self, other.get(), NB_XOR, false);
}

ObjId set_symmetric_difference_update_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "symmetric_difference_update")) return kNull;
    Ref other(as_set(vm, a[0]));
    if (!other) return kNull;
    Ref r(vm.set_operator(self, other.get(), NB_XOR, true));
    if (!r) return kNull;
    return vm.new_none();
}

ObjId set_issubset_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "issubset")) return kNull;
    Ref other(as_set(vm, a[0]));
    if (!other) return kNull;
    int r = vm.set_is_subset(self, other.get());
    if (r < 0) return kNull;
    return vm.new_bool(r);
}

ObjId set_issuperset_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "issuperset")) return kNull;
    Ref other(as_set(vm, a[0]));
    if (!other) return kNull;
    int r = vm.set_is_subset(other.get(), self);
    if (r < 0) return kNull;
    return vm.new_bool(r);
}

ObjId set_isdisjoint_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "isdisjoint")) return kNull;
    Ref other(as_set(vm, a[0]));
    if (!other) return kNull;
    Ref inter(vm.set_operator(self, other.get(), NB_AND, false));
    if (!inter) return kNull;
    return vm.new_bool(vm.obj(inter.get()).dict.used == 0);
}

const NativeDef kSet[] = {
    {"add", set_add_m}, {"remove", set_remove_m}, {"discard", set_discard_m}, {"pop", set_pop_m},
    {"clear", set_clear_m}, {"copy", set_copy_m}, {"union", set_union_m},
    {"intersection", set_intersection_m}, {"difference", set_difference_m},
    {"symmetric_difference", set_symmetric_difference_m}, {"update", set_update_m},
    {"intersection_update", set_intersection_update_m}, {"difference_update", set_difference_update_m},
    {"symmetric_difference_update", set_symmetric_difference_update_m}, {"issubset", set_issubset_m},
    {"issuperset", set_issuperset_m}, {"isdisjoint", set_isdisjoint_m},
};

const NativeDef kFrozenset[] = {
    {"copy", set_copy_m}, {"union", set_union_m}, {"intersection", set_intersection_m},
    {"difference", set_difference_m}, {"symmetric_difference", set_symmetric_difference_m},
    {"issubset", set_issubset_m}, {"issuperset", set_issuperset_m}, {"isdisjoint", set_isdisjoint_m},
};

// --- range -------------------------------------------------------------------------------------

ObjId range_find(Interp& vm, ObjId self, ObjId x, std::int64_t& index) {
    auto* r = payload_of<RangePayload>(vm.obj(self));
    index = -1;
    if (r->big) {
        vm.report_unsupported("index() and count() of ranges beyond 64-bit integers");
        return vm.raise(Exc::OverflowError, "range beyond 64-bit integers");
    }
    std::int64_t v;
    if ((vm.obj(x).type == Type::int_type || vm.obj(x).type == Type::bool_type) && vm.small_int(x, v)) {
        if (r->length && (r->step > 0 ? (v >= r->start && v < r->stop) : (v <= r->start && v > r->stop)) &&
            (v - r->start) % r->step == 0)
            index = (v - r->start) / r->step;
        return vm.new_none();
    }
    // Other objects: compare with each item (range.index falls back to iteration).
    for (std::int64_t i = 0; i < r->length; ++i) {
        Ref item(vm.new_int(r->start + i * r->step));
        int eq = vm.compare_bool(item.get(), x, CMP_EQ);
        if (eq < 0) return kNull;
        if (eq) {
            index = i;
            break;
        }
    }
    return vm.new_none();
}

ObjId range_index_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "index")) return kNull;
    std::int64_t i;
    Ref ok(range_find(vm, self, a[0], i));
    if (!ok) return kNull;
    if (i < 0) {
        auto r = vm.repr_text(a[0]);
        if (!r) return kNull;
        return vm.raise(Exc::ValueError, *r + " is not in range");
    }
    return vm.new_int(i);
}

ObjId range_count_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "count")) return kNull;
    std::int64_t i;
    Ref ok(range_find(vm, self, a[0], i));
    if (!ok) return kNull;
    return vm.new_int(i >= 0 ? 1 : 0);
}

const NativeDef kRange[] = {{"index", range_index_m}, {"count", range_count_m}};

}  // namespace

void register_list_methods(Interp& vm) {
    vm.register_methods(BT::list, kList);
    vm.register_methods(BT::range, kRange);
}
void register_tuple_methods(Interp& vm) { vm.register_methods(BT::tuple, kTuple); }
void register_dict_methods(Interp& vm) { vm.register_methods(BT::dict, kDict); }
void register_set_methods(Interp& vm) {
    vm.register_methods(BT::set, kSet);
    vm.register_methods(BT::frozenset, kFrozenset);
}

}  // namespace refscope::lang
