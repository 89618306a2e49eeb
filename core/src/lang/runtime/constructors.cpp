// lang/runtime/constructors.cpp — calling a builtin class: int(), str(), list(), dict(), ...
//
// Models the tp_new / tp_init / vectorcall of CPython 3.11's builtin types. The allocation
// rules matter and are CPython's: list(x) preallocates exactly len(x) rounded up to even
// before extending, dict(d) copies the keys table size, set(s) merges with one resize,
// tuple(x) of a tuple is the same tuple, str(s) of a str is the same str, int('5') is the
// cached small int, int('257') a new object.
#include <cmath>

#include "lang/num/float_parse.hpp"
#include "lang/num/numeric_text.hpp"
#include "lang/runtime/natives.hpp"
#include "lang/runtime/objects.hpp"
#include "lang/vm/interp.hpp"

namespace refscope::lang {

namespace {

ObjId make_int(Interp& vm, const CallArgs& a) {
    ObjId args[2];
    if (!parse_args(vm, a, "int", {"x", "base"}, 0, args, true, 2)) return kNull;
    ObjId x = args[0], base = args[1];
    if (!x) {
        if (base) return vm.raise(Exc::TypeError, "int() missing string argument");
        return vm.new_int(0);
    }
    if (base) {
        if (!vm.is_str(x) && vm.obj(x).type != Type::bytes)
            return vm.raise(Exc::TypeError, "int() can't convert non-string with explicit base");
        auto b = vm.index_value(base);
        if (!b) return kNull;
        auto r = parse_int(vm.text_of(x), static_cast<int>(*b));
        if (!r) return vm.raise_from_pyerror(r.error());
        return vm.new_int(r.value());
    }
    const Type t = vm.obj(x).type;
    if (t == Type::int_type) return vm.newref(x);
    if (t == Type::bool_type) return vm.new_int(vm.obj(x).ival);
    if (t == Type::float_type) return vm.int_from_double(vm.float_of(x));
    if (t == Type::str || t == Type::bytes) {
        auto r = parse_int(vm.text_of(x), 10);
        if (!r) return vm.raise_from_pyerror(r.error());
        // PyLong_FromString sizes the int from the number of digits in the text.
        std::size_t ndig = 0;
        for (char ch : vm.text_of(x)) ndig += (ch >= '0' && ch <= '9') ? 1 : 0;
        const auto estimate = static_cast<std::uint32_t>(static_cast<double>(ndig) * 0.11073093649624542 + 1);
        return vm.new_int(r.value(), std::max<std::uint32_t>(1, estimate));
    }
    if (vm.is_heap_instance(x)) {
        for (Id name : {Id::int_, Id::index, Id::trunc}) {
            if (ObjId f = vm.lookup(vm.type_of(x), name)) {
                Ref keep = Ref::borrow(f);
                Ref r(vm.call_descr(f, x, {}));
                if (!r) return kNull;
                if (!vm.is_int(r.get()))
                    return vm.raise(Exc::TypeError, "__int__ returned non-int (type " + vm.type_name(r.get()) + ")");
                return r.release();
            }
        }
    }
    return vm.raise(Exc::TypeError, "int() argument must be a string, a bytes-like object or a real number, not '" + vm.type_name(x) + "'");
}

ObjId make_float(Interp& vm, const CallArgs& a) {
    if (!check_positional(vm, a, "float", 0, 1)) return kNull;
    if (a.nargs == 0) return vm.new_float(0.0);
    ObjId x = a[0];
    const Type t = vm.obj(x).type;
    if (t == Type::float_type) return vm.newref(x);
    if (t == Type::int_type || t == Type::bool_type) {
        auto d = vm.to_double(x);
        if (!d) return kNull;
        return vm.new_float(*d);
    }
    if (t == Type::str) {
        auto r = parse_float(vm.text_of(x));
        if (!r) return vm.raise_from_pyerror(r.error());
        return vm.new_float(r.value());
    }
    if (vm.is_heap_instance(x)) {
        for (Id name : {Id::float_, Id::index}) {
            if (ObjId f = vm.lookup(vm.type_of(x), name)) {
                Ref keep = Ref::borrow(f);
                Ref r(vm.call_descr(f, x, {}));
                if (!r) return kNull;
                if (vm.is_float(r.get())) return r.release();
                if (vm.is_int(r.get())) {
                    auto d = vm.to_double(r.get());
                    return d ? vm.new_float(*d) : kNull;
                }
                return vm.raise(Exc::TypeError, "__float__ returned non-float (type " + vm.type_name(r.get()) + ")");
            }
        }
    }
    return vm.raise(Exc::TypeError, "float() argument must be a string or a real number, not '" + vm.type_name(x) + "'");
}

ObjId make_str(Interp& vm, const CallArgs& a) {
    ObjId args[3];
    if (!parse_args(vm, a, "str", {"object", "encoding", "errors"}, 0, args, true)) return kNull;
    if (!args[0]) return vm.newref(vm.heap().empty_str());
    if (args[1] || args[2]) {
        if (vm.obj(args[0]).type != Type::bytes) return vm.raise(Exc::TypeError, "decoding str is not supported");
        return vm.bytes_decode(args[0], args[1], args[2]);
    }
    return vm.str(args[0]);
}

ObjId make_bool(Interp& vm, const CallArgs& a) {
    if (!check_positional(vm, a, "bool", 0, 1)) return kNull;
    if (a.nargs == 0) return vm.new_bool(false);
    int t = vm.truthy(a[0]);
    if (t < 0) return kNull;
    return vm.new_bool(t);
}

ObjId make_list(Interp& vm, const CallArgs& a) {
    if (!check_positional(vm, a, "list", 0, 1)) return kNull;
    Ref list(vm.heap().new_list_via_type());
    if (!list) return vm.raise_memory_error();
    if (a.nargs == 1) {
        ObjId src = a[0];
        // list___init__: an iterable with a length preallocates exactly (rounded up to even).
        const Type t = vm.obj(src).type;
        if (t == Type::list || t == Type::tuple || t == Type::str || t == Type::dict || t == Type::set ||
            t == Type::frozenset || t == Type::range || t == Type::dict_view || t == Type::bytes ||
            (vm.is_heap_instance(src) && vm.lookup(vm.type_of(src), Id::len))) {
            auto n = vm.length(src);
            if (!n) return kNull;
            if (*n > 0 && !vm.heap().list_preallocate(list.get(), static_cast<std::size_t>(*n))) return vm.raise_memory_error();
        }
        if (vm.list_extend(list.get(), src) < 0) return kNull;
    }
    return list.release();
}

ObjId make_tuple(Interp& vm, const CallArgs& a) {
    if (!check_positional(vm, a, "tuple", 0, 1)) return kNull;
    if (a.nargs == 0) return vm.newref(vm.heap().empty_tuple());
    if (vm.obj(a[0]).type == Type::tuple) return vm.newref(a[0]);
    if (vm.obj(a[0]).type == Type::list) return vm.new_tuple(vm.obj(a[0]).refs);
    std::vector<ObjId> items;
    if (!vm.unpack_iterable(a[0], items)) return kNull;
    return vm.new_tuple_steal(items);
}

ObjId make_dict(Interp& vm, const CallArgs& a) {
    if (a.nargs > 1) return vm.raise(Exc::TypeError, "dict expected at most 1 argument, got " + std::to_string(a.nargs));
    Ref d(vm.heap().new_dict_via_type());
    if (!d) return vm.raise_memory_error();
    if (a.nargs == 1 && vm.dict_update_from(d.get(), a[0]) < 0) return kNull;
    for (std::size_t i = 0; i < a.nkw; ++i)
        if (vm.dict_set(d.get(), vm.obj(a.kwnames).refs[i], a[a.nargs + i]) < 0) return kNull;
    return d.release();
}

ObjId make_set(Interp& vm, const CallArgs& a, bool frozen) {
    if (!check_positional(vm, a, frozen ? "frozenset" : "set", 0, 1)) return kNull;
    if (frozen && a.nargs == 1 && vm.obj(a[0]).type == Type::frozenset) return vm.newref(a[0]);
    Ref s(vm.new_set(frozen));
    if (!s) return kNull;
    if (a.nargs == 1 && vm.set_update(s.get(), a[0]) < 0) return kNull;
    return s.release();
}

ObjId make_bytes(Interp& vm, const CallArgs& a) {
    ObjId args[3];
    if (!parse_args(vm, a, "bytes", {"source", "encoding", "errors"}, 0, args, true)) return kNull;
    if (!args[0]) return vm.new_bytes("");
    ObjId x = args[0];
    if (vm.is_str(x)) {
        if (!args[1]) return vm.raise(Exc::TypeError, "string argument without an encoding");
        return vm.str_encode(x, args[1], args[2]);
    }
    if (vm.obj(x).type == Type::bytes) return vm.newref(x);
    if (vm.is_int(x)) {
        std::int64_t n;
        if (!vm.small_int(x, n) || n < 0) return vm.raise(Exc::ValueError, "negative count");
        return vm.new_bytes(std::string(static_cast<std::size_t>(n), '\0'));
    }
    std::vector<ObjId> items;
    if (!vm.unpack_iterable(x, items)) return kNull;
    std::string out;
    bool ok = true;
    for (ObjId item : items) {
        std::int64_t v = 0;
        if (ok && (!vm.is_int(item) || !vm.small_int(item, v) || v < 0 || v > 255)) {
            ok = false;
            if (!vm.is_int(item)) vm.raise(Exc::TypeError, "'" + vm.type_name(item) + "' object cannot be interpreted as an integer");
            else vm.raise(Exc::ValueError, "bytes must be in range(0, 256)");
        }
        out += static_cast<char>(v);
        vm.decref(item);
    }
    if (!ok) return kNull;
    return vm.new_bytes(out);
}

ObjId make_object(Interp& vm, const CallArgs& a) {
    if (a.total() != 0) return vm.raise(Exc::TypeError, "object() takes no arguments");
    ObjId o = vm.heap().new_object();
    return o ? o : vm.raise_memory_error();
}

ObjId make_type(Interp& vm, const CallArgs& a) {
    if (a.nargs == 1 && a.nkw == 0) return vm.newref(vm.type_of(a[0]));
    if (a.nargs != 3) return vm.raise(Exc::TypeError, "type() takes 1 or 3 arguments");
    if (vm.obj(a[1]).type != Type::tuple) return vm.raise(Exc::TypeError, "type.__new__() argument 2 must be tuple, not " + vm.type_name(a[1]));
    if (vm.obj(a[2]).type != Type::dict) return vm.raise(Exc::TypeError, "type.__new__() argument 3 must be dict, not " + vm.type_name(a[2]));
    return vm.make_class(a[0], a[1], a[2], kNull);
}

ObjId make_range(Interp& vm, const CallArgs& a) {
    if (!check_no_kw(vm, a, "range")) return kNull;
    if (a.nargs < 1 || a.nargs > 3) {
        if (a.nargs == 0) return vm.raise(Exc::TypeError, "range expected at least 1 argument, got 0");
        return vm.raise(Exc::TypeError, "range expected at most 3 arguments, got " + std::to_string(a.nargs));
    }
    BigInt v[3] = {0, 0, 1};
    for (std::size_t i = 0; i < a.nargs; ++i) {
        if (vm.is_int(a[i])) {
            v[i] = vm.big_of(a[i]);
            continue;
        }
        if (!(vm.is_heap_instance(a[i]) && vm.lookup(vm.type_of(a[i]), Id::index)))
            return vm.raise(Exc::TypeError, "'" + vm.type_name(a[i]) + "' object cannot be interpreted as an integer");
        auto x = vm.index_value(a[i]);
        if (!x) {
            if (vm.exception_matches(Exc::OverflowError)) vm.report_unsupported("ranges beyond 64-bit integers");
            return kNull;
        }
        v[i] = *x;
    }
    BigInt start = 0, stop, step = 1;
    if (a.nargs == 1) stop = v[0];
    else {
        start = v[0];
        stop = v[1];
        if (a.nargs == 3) step = v[2];
    }
    if (step.is_zero()) return vm.raise(Exc::ValueError, "range() arg 3 must not be zero");
    // Bounds whose differences stay within int64 keep the C-integer representation.
    const BigInt limit(std::int64_t{1} << 62);
    if (abs(start) < limit && abs(stop) < limit && abs(step) < limit)
        return vm.new_range_object(start.to_int64(), stop.to_int64(), step.to_int64());
    return vm.new_big_range_object(start, stop, step);
}

ObjId make_slice(Interp& vm, const CallArgs& a) {
    if (!check_positional(vm, a, "slice", 1, 3)) return kNull;
    if (a.nargs == 1) return vm.new_slice(vm.none(), a[0], vm.none());
    return vm.new_slice(a[0], a[1], a.nargs == 3 ? a[2] : vm.none());
}

ObjId make_enumerate(Interp& vm, const CallArgs& a) {
    ObjId args[2];
    if (!parse_args(vm, a, "enumerate", {"iterable", "start"}, 1, args, true)) return kNull;
    std::int64_t start = 0;
    if (args[1]) {
        if (!vm.is_int(args[1])) return vm.raise(Exc::TypeError, "'" + vm.type_name(args[1]) + "' object cannot be interpreted as an integer");
        if (!vm.small_int(args[1], start)) {
            vm.report_unsupported("enumerate() with a start beyond 64-bit integers");
            return vm.raise(Exc::OverflowError, "start too large");
        }
    }
    Ref it(vm.get_iter(args[0]));
    if (!it) return kNull;
    ObjId items[] = {vm.none(), vm.none()};
    Ref result(vm.new_tuple(items));
    if (!result) return kNull;
    ObjId refs[] = {it.get(), result.get()};
    return vm.new_iterator(IterKind::enumerate, refs, start);
}

ObjId make_zip(Interp& vm, const CallArgs& a) {
    ObjId strict = kwarg(vm, a, "strict");
    if (a.nkw > (strict ? 1u : 0u)) return vm.raise(Exc::TypeError, "zip() takes at most 1 keyword argument");
    if (strict && strict != vm.false_obj()) vm.report_unsupported("zip(strict=True)");
    std::vector<ObjId> iters;
    for (std::size_t i = 0; i < a.nargs; ++i) {
        ObjId it = vm.get_iter(a[i]);
        if (!it) {
            if (vm.exception_matches(Exc::TypeError)) {
                vm.clear_exception();
                vm.raise(Exc::TypeError, "zip argument #" + std::to_string(i + 1) + " must support iteration");
            }
            for (ObjId x : iters) vm.decref(x);
            return kNull;
        }
        iters.push_back(it);
    }
    Ref tuple(vm.new_tuple_steal(iters));
    if (!tuple) return kNull;
    std::vector<ObjId> nones(vm.obj(tuple.get()).refs.size(), vm.none());
    Ref result(nones.empty() ? kNull : vm.new_tuple(nones));
    if (!nones.empty() && !result) return kNull;
    ObjId refs[] = {tuple.get(), result.get()};
    return vm.new_iterator(IterKind::zip, refs);
}

ObjId make_map(Interp& vm, const CallArgs& a) {
    if (!check_no_kw(vm, a, "map")) return kNull;
    if (a.nargs < 2) return vm.raise(Exc::TypeError, "map() must have at least two arguments.");
    std::vector<ObjId> iters;
    for (std::size_t i = 1; i < a.nargs; ++i) {
        ObjId it = vm.get_iter(a[i]);
        if (!it) {
            for (ObjId x : iters) vm.decref(x);
            return kNull;
        }
        iters.push_back(it);
    }
    Ref tuple(vm.new_tuple_steal(iters));
    if (!tuple) return kNull;
    ObjId refs[] = {a[0], tuple.get()};
    return vm.new_iterator(IterKind::map, refs);
}

ObjId make_filter(Interp& vm, const CallArgs& a) {
    if (!check_positional(vm, a, "filter", 2, 2)) return kNull;
    Ref it(vm.get_iter(a[1]));
    if (!it) return kNull;
    ObjId refs[] = {a[0], it.get()};
    return vm.new_iterator(IterKind::filter, refs);
}

ObjId make_property(Interp& vm, const CallArgs& a) {
    ObjId args[4];
    if (!parse_args(vm, a, "property", {"fget", "fset", "fdel", "doc"}, 0, args, true)) return kNull;
    ObjId refs[] = {args[0] == vm.none() ? kNull : args[0], args[1] == vm.none() ? kNull : args[1],
                    args[2] == vm.none() ? kNull : args[2], args[3]};
    ObjId p = vm.heap().new_object_of(Type::property, 0, 80, refs);
    return p ? p : vm.raise_memory_error();
}

ObjId make_wrapper(Interp& vm, const CallArgs& a, Type t, const char* name) {
    if (!check_positional(vm, a, name, 1, 1)) return kNull;
    ObjId refs[] = {a[0]};
    ObjId p = vm.heap().new_object_of(t, 0, 48, refs);
    return p ? p : vm.raise_memory_error();
}

ObjId make_super(Interp& vm, const CallArgs& a) {
    if (!check_positional(vm, a, "super", 0, 2)) return kNull;
    if (a.nargs == 0) return vm.super_zero_args();
    if (vm.obj(a[0]).type != Type::type)
        return vm.raise(Exc::TypeError, "super() argument 1 must be a type, not " + vm.type_name(a[0]));
    return vm.new_super(a[0], a.nargs == 2 ? a[1] : kNull);
}

ObjId make_weakref(Interp& vm, const CallArgs& a) {
    if (!check_positional(vm, a, "ref", 1, 2)) return kNull;
    return vm.new_weakref(a[0], a.nargs == 2 && a[1] != vm.none() ? a[1] : kNull);
}

}  // namespace

ObjId Interp::construct_builtin(ObjId cls, const CallArgs& a) {
    ClassPayload* p = class_payload(cls);
    switch (p->bt) {
        case BT::int_: return make_int(*this, a);
        case BT::float_: return make_float(*this, a);
        case BT::str: return make_str(*this, a);
        case BT::bool_: return make_bool(*this, a);
        case BT::list: return make_list(*this, a);
        case BT::tuple: return make_tuple(*this, a);
        case BT::dict: return make_dict(*this, a);
        case BT::set: return make_set(*this, a, false);
        case BT::frozenset: return make_set(*this, a, true);
        case BT::bytes: return make_bytes(*this, a);
        case BT::object: return make_object(*this, a);
        case BT::type: return make_type(*this, a);
        case BT::range: return make_range(*this, a);
        case BT::slice: return make_slice(*this, a);
        case BT::enumerate: return make_enumerate(*this, a);
        case BT::zip: return make_zip(*this, a);
        case BT::map: return make_map(*this, a);
        case BT::filter: return make_filter(*this, a);
        case BT::reversed:
            if (!check_positional(*this, a, "reversed", 1, 1)) return kNull;
            return reversed(a[0]);
        case BT::property: return make_property(*this, a);
        case BT::staticmethod: return make_wrapper(*this, a, Type::staticmethod, "staticmethod");
        case BT::classmethod: return make_wrapper(*this, a, Type::classmethod, "classmethod");
        case BT::super_: return make_super(*this, a);
        case BT::weakref: return make_weakref(*this, a);
        case BT::finalize: return make_finalize(a);
        case BT::complex:
        case BT::bytearray:
            report_unsupported("the type '" + p->name + "'");
            return raise(Exc::TypeError, "unsupported type");
        default:
            return raise(Exc::TypeError, "cannot create '" + p->name + "' instances");
    }
}

ObjId Interp::reversed(ObjId seq) {
    const object::Object& s = obj(seq);
    switch (s.type) {
        case Type::list:
        case Type::tuple: {
            ObjId refs[] = {seq};
            return new_iterator(IterKind::list_reverse, refs, static_cast<std::int64_t>(s.refs.size()) - 1);
        }
        case Type::range: {
            auto* r = payload_of<RangePayload>(s);
            if (r->big) {
                report_unsupported("reversed() of ranges beyond 64-bit integers");
                return raise(Exc::OverflowError, "range beyond 64-bit integers");
            }
            ObjId it = new_iterator(IterKind::range, {});
            if (!it) return kNull;
            auto p = std::make_shared<RangePayload>();
            p->length = r->length;
            p->step = -r->step;
            p->start = r->start + (r->length - 1) * r->step;
            p->stop = r->start - r->step;
            heap_->at(it).payload = std::move(p);
            return it;
        }
        case Type::str:
        case Type::bytes:
        case Type::dict:
        case Type::dict_view: {
            Ref list(obj(seq).type == Type::dict_view ? view_as_list(seq) : kNull);
            if (!list) {
                if (exc_) return kNull;
                std::vector<ObjId> items;
                if (!unpack_iterable(seq, items)) return kNull;
                list.reset(new_list_steal(items));
                if (!list) return kNull;
            }
            ObjId refs[] = {list.get()};
            return new_iterator(IterKind::list_reverse, refs, static_cast<std::int64_t>(obj(list.get()).refs.size()) - 1);
        }
        default:
            break;
    }
    if (is_heap_instance(seq)) {
        if (ObjId f = lookup(type_of(seq), Id::reversed)) {
            Ref keep = Ref::borrow(f);
            return call_descr(f, seq, {});
        }
        if (lookup(type_of(seq), Id::getitem) && lookup(type_of(seq), Id::len)) {
            auto n = length(seq);
            if (!n) return kNull;
            std::vector<ObjId> items;
            for (std::int64_t i = *n - 1; i >= 0; --i) {
                Ref idx(new_int(i));
                ObjId item = getitem(seq, idx.get());
                if (!item) {
                    for (ObjId x : items) decref(x);
                    return kNull;
                }
                items.push_back(item);
            }
            Ref list(new_list_steal(items));
            if (!list) return kNull;
            ObjId refs[] = {list.get()};
            return new_iterator(IterKind::list, refs);
        }
    }
    return raise(Exc::TypeError, "'" + type_name(seq) + "' object is not reversible");
}

int Interp::dict_update_from(ObjId dict, ObjId src) {
    if (obj(src).type == Type::dict || lookup(type_of(src), Id::keys)) return dict_merge(dict, src, true);
    // An iterable of pairs.
    Ref it(get_iter(src));
    if (!it) return -1;
    for (std::size_t n = 0;; ++n) {
        Ref item(iter_next(it.get()));
        if (!item) {
            if (exc_) {
                if (!exception_matches(Exc::StopIteration)) return -1;
                clear_exception();
            }
            return 0;
        }
        std::vector<ObjId> pair;
        if (!unpack_iterable(item.get(), pair)) {
            if (exception_matches(Exc::TypeError)) {
                clear_exception();
                return raise_int(Exc::TypeError, "cannot convert dictionary update sequence element #" + std::to_string(n) + " to a sequence");
            }
            return -1;
        }
        if (pair.size() != 2) {
            for (ObjId x : pair) decref(x);
            return raise_int(Exc::ValueError, "dictionary update sequence element #" + std::to_string(n) + " has length " +
                                                  std::to_string(pair.size()) + "; 2 is required");
        }
        int r = dict_set(dict, pair[0], pair[1]);
        decref(pair[0]);
        decref(pair[1]);
        if (r < 0) return -1;
    }
}

}  // namespace refscope::lang
