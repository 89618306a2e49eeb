// lang/runtime/slot_wrappers.cpp — the dunder methods of the builtin types as attributes:
// [].__len__(), (1).__add__(2), int.__add__, dict.__getitem__, x.__lt__(y) ...
//
// Models Objects/typeobject.c's slot wrappers (3.11): each type slot a builtin type fills is
// visible in its dict under its dunder name, and calling it runs the slot itself — without the
// operator's fallbacks: (1).__add__("a") is NotImplemented (no reflected try, no TypeError),
// "a".__add__(1) raises like the concatenation slot does. Here each wrapper calls the
// interpreter's implementation of that slot for builtin operands (native_binary_slot,
// native_compare, sequence_concat, length, getitem, ...).
//
// Differences from CPython: the bound and unbound wrappers are builtin methods and method
// descriptors (type names 'builtin_function_or_method' / 'method_descriptor' rather than
// 'method-wrapper' / 'wrapper_descriptor').
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "lang/runtime/natives.hpp"
#include "lang/runtime/objects.hpp"
#include "lang/vm/interp.hpp"

namespace refscope::lang {

namespace {

ObjId builtin(Interp& vm, const char* name) { return vm.dict_get_str(vm.builtins_dict(), name); }

bool is_seq_concat_type(Type t) {
    return t == Type::str || t == Type::bytes || t == Type::list || t == Type::tuple;
}

// --- binary operators ----------------------------------------------------------------------------

// self OP other with self's slot only; `reflected`: other OP self (the __rX__ wrappers).
template <std::uint32_t NB, bool Reflected>
ObjId binary_wrapper(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "__op__")) return kNull;
    ObjId other = a[0];
    const Type ts = vm.obj(self).type;
    if (vm.is_number(self)) {
        // int's slots take ints only; float's take ints and floats.
        if (!vm.is_number(other) || (vm.is_int(self) && !vm.is_int(other))) return vm.newref(vm.not_implemented());
        return Reflected ? vm.native_binary_slot(other, self, NB, false) : vm.native_binary_slot(self, other, NB, false);
    }
    if (NB == NB_ADD && !Reflected && is_seq_concat_type(ts)) return vm.sequence_concat(self, other);
    if (NB == NB_MULTIPLY && is_seq_concat_type(ts)) {
        if (!vm.is_int(other) && !(vm.is_heap_instance(other) && vm.lookup(vm.type_of(other), Id::index)))
            return vm.raise(Exc::TypeError, "'" + vm.type_name(other) + "' object cannot be interpreted as an integer");
        return vm.sequence_repeat(self, other);
    }
    if (NB == NB_REMAINDER && !Reflected && ts == Type::str) return vm.str_percent_format(self, other);
    if (Reflected) {
        if (vm.is_heap_instance(other) || vm.obj(other).type != ts) return vm.newref(vm.not_implemented());
        return vm.native_binary_slot(other, self, NB, false);
    }
    return vm.native_binary_slot(self, other, NB, false);
}

// In-place operators of the mutable builtins: list += / *=, set |= &= -= ^=, dict |=.
template <std::uint32_t NB>
ObjId inplace_wrapper(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "__iop__")) return kNull;
    ObjId other = a[0];
    const Type ts = vm.obj(self).type;
    if (ts == Type::list) {
        if (NB == NB_ADD) {
            if (vm.list_extend(self, other) < 0) return kNull;
            return vm.newref(self);
        }
        if (NB == NB_MULTIPLY) {
            if (!vm.is_int(other) && !(vm.is_heap_instance(other) && vm.lookup(vm.type_of(other), Id::index)))
                return vm.raise(Exc::TypeError, "'" + vm.type_name(other) + "' object cannot be interpreted as an integer");
            return vm.list_inplace_repeat(self, other);
        }
    }
    return vm.native_binary_slot(self, other, NB, true);
}

template <int OP>
ObjId compare_wrapper(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "__cmp__")) return kNull;
    if (vm.is_heap_instance(a[0])) return vm.newref(vm.not_implemented());
    return vm.native_compare(self, a[0], OP);
}

ObjId pow_wrapper(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_positional(vm, a, "__pow__", 1, 2)) return kNull;
    if (!vm.is_number(a[0]) || (a.nargs == 2 && a[1] != vm.none() && !vm.is_number(a[1])))
        return vm.newref(vm.not_implemented());
    if (a.nargs == 2 && a[1] != vm.none()) return vm.call(builtin(vm, "pow"), {self, a[0], a[1]});
    return vm.native_binary_slot(self, a[0], NB_POWER, false);
}

ObjId rpow_wrapper(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_positional(vm, a, "__rpow__", 1, 2)) return kNull;
    if (!vm.is_number(a[0])) return vm.newref(vm.not_implemented());
    if (a.nargs == 2 && a[1] != vm.none()) return vm.call(builtin(vm, "pow"), {a[0], self, a[1]});
    return vm.native_binary_slot(a[0], self, NB_POWER, false);
}

template <bool Reflected>
ObjId divmod_wrapper(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, Reflected ? "__rdivmod__" : "__divmod__")) return kNull;
    if (!vm.is_number(a[0])) return vm.newref(vm.not_implemented());
    return Reflected ? vm.call(builtin(vm, "divmod"), {a[0], self}) : vm.call(builtin(vm, "divmod"), {self, a[0]});
}

// --- unary operators and conversions -----------------------------------------------------------

template <Op OPCODE>
ObjId unary_wrapper(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "__unary__")) return kNull;
    return vm.unary_op(self, OPCODE);
}

ObjId abs_wrapper(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "__abs__")) return kNull;
    return vm.call(builtin(vm, "abs"), {self});
}

ObjId bool_wrapper(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "__bool__")) return kNull;
    int t = vm.truthy(self);
    if (t < 0) return kNull;
    return vm.new_bool(t != 0);
}

ObjId round_wrapper(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_positional(vm, a, "__round__", 0, 1)) return kNull;
    if (a.nargs == 1) return vm.call(builtin(vm, "round"), {self, a[0]});
    return vm.call(builtin(vm, "round"), {self});
}

template <int MODE>   // 0 trunc, 1 floor, 2 ceil
ObjId integral_wrapper(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, MODE == 0 ? "__trunc__" : MODE == 1 ? "__floor__" : "__ceil__")) return kNull;
    if (vm.is_int(self)) {
        if (vm.obj(self).type == Type::bool_type) return vm.new_int(vm.obj(self).ival);
        return vm.newref(self);
    }
    const double d = vm.float_of(self);
    return vm.int_from_double(MODE == 0 ? std::trunc(d) : MODE == 1 ? std::floor(d) : std::ceil(d));
}

ObjId hash_wrapper(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "__hash__")) return kNull;
    auto h = vm.hash(self);
    if (!h) return kNull;
    return vm.new_int(*h);
}

ObjId repr_wrapper(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "__repr__")) return kNull;
    return vm.repr(self);
}

ObjId str_wrapper(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "__str__")) return kNull;
    return vm.str(self);
}

// --- containers --------------------------------------------------------------------------------

ObjId len_wrapper(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "__len__")) return kNull;
    auto n = vm.length(self);
    if (!n) return kNull;
    return vm.new_int(*n);
}

ObjId iter_wrapper(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "__iter__")) return kNull;
    return vm.get_iter(self);
}

ObjId reversed_wrapper(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "__reversed__")) return kNull;
    return vm.reversed(self);
}

ObjId getitem_wrapper(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "__getitem__")) return kNull;
    return vm.getitem(self, a[0]);
}

ObjId setitem_wrapper(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_positional(vm, a, "__setitem__", 2, 2)) return kNull;
    if (vm.setitem(self, a[0], a[1]) < 0) return kNull;
    return vm.new_none();
}

ObjId delitem_wrapper(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "__delitem__")) return kNull;
    if (vm.setitem(self, a[0], kNull) < 0) return kNull;
    return vm.new_none();
}

ObjId contains_wrapper(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "__contains__")) return kNull;
    int r = vm.contains(self, a[0]);
    if (r < 0) return kNull;
    return vm.new_bool(r != 0);
}

// --- the other methods dir() shows on these types ------------------------------------------------

ObjId getnewargs(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "__getnewargs__")) return kNull;
    Ref value;
    switch (vm.obj(self).type) {
        case Type::bool_type: value.reset(vm.new_int(vm.obj(self).ival)); break;
        case Type::tuple: value.reset(vm.new_tuple(vm.obj(self).refs)); break;
        default: value.reset(vm.newref(self)); break;
    }
    if (!value) return kNull;
    ObjId items[] = {value.get()};
    return vm.new_tuple(items);
}

ObjId class_getitem(Interp& vm, ObjId, const CallArgs&) {
    vm.report_unsupported("generic aliases (list[int] and the like)");
    return vm.raise(Exc::TypeError, "generic aliases are not modelled");
}

ObjId rmod_not_implemented(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "__rmod__")) return kNull;
    return vm.newref(vm.not_implemented());
}

// int.from_bytes(bytes, byteorder='big', *, signed=False)
ObjId int_from_bytes(Interp& vm, ObjId, const CallArgs& a) {
    ObjId args[3];
    if (!parse_args(vm, a, "from_bytes", {"bytes", "byteorder", "signed"}, 1, args, true, 2)) return kNull;
    std::string data;
    if (vm.obj(args[0]).type == Type::bytes) {
        data = std::string(vm.text_of(args[0]));
    } else {
        std::vector<ObjId> items;
        if (!vm.unpack_iterable(args[0], items)) return kNull;
        bool ok = true;
        for (ObjId x : items) {
            std::int64_t v = -1;
            if (ok && (!vm.is_int(x) || !vm.small_int(x, v) || v < 0 || v > 255)) {
                vm.raise(Exc::ValueError, "bytes must be in range(0, 256)");
                ok = false;
            }
            if (ok) data.push_back(static_cast<char>(v));
            vm.decref(x);
        }
        if (!ok) return kNull;
    }
    std::string order = "big";
    if (args[1]) {
        if (!vm.is_str(args[1])) return vm.raise(Exc::TypeError, "from_bytes() argument 'byteorder' must be str, not " + vm.type_name(args[1]));
        order = std::string(vm.text_of(args[1]));
        if (order != "big" && order != "little") return vm.raise(Exc::ValueError, "byteorder must be either 'little' or 'big'");
    }
    bool is_signed = false;
    if (args[2]) {
        int t = vm.truthy(args[2]);
        if (t < 0) return kNull;
        is_signed = t != 0;
    }
    if (order == "little") data.assign(data.rbegin(), data.rend());
    BigInt v(0);
    for (char c : data) v = v * BigInt(256) + BigInt(static_cast<unsigned char>(c));
    if (is_signed && !data.empty() && (static_cast<unsigned char>(data[0]) & 0x80))
        v = v - lshift(BigInt(1), BigInt(static_cast<std::int64_t>(8 * data.size()))).value();
    return vm.new_int(v);
}

// float.fromhex(s): [sign] ['0x'] hex digits ['.' hex digits] ['p' exponent], inf, nan.
ObjId float_fromhex(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "fromhex")) return kNull;
    if (!vm.is_str(a[0])) return vm.raise(Exc::TypeError, "bad argument type for built-in operation");
    std::string s(vm.text_of(a[0]));
    const auto first = s.find_first_not_of(" \t\n\r\f\v");
    const auto last = s.find_last_not_of(" \t\n\r\f\v");
    s = first == std::string::npos ? std::string() : s.substr(first, last - first + 1);
    std::string body = s, sign;
    if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
        sign = body.substr(0, 1);
        body = body.substr(1);
    }
    std::string lower;
    for (char c : body) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (lower == "inf" || lower == "infinity" || lower == "nan")
        return vm.new_float(std::strtod((sign + lower).c_str(), nullptr));
    if (lower.rfind("0x", 0) != 0) lower = "0x" + lower;
    bool digits = false, bad = false;
    for (std::size_t i = 2, dots = 0, exp = std::string::npos; i < lower.size(); ++i) {
        const char c = lower[i];
        if (exp == std::string::npos && std::isxdigit(static_cast<unsigned char>(c))) digits = true;
        else if (c == '.' && exp == std::string::npos && ++dots == 1) {}
        else if (c == 'p' && exp == std::string::npos) exp = i;
        else if (exp != std::string::npos && (std::isdigit(static_cast<unsigned char>(c)) || ((c == '+' || c == '-') && i == exp + 1))) {}
        else bad = true;
    }
    if (!digits || bad) return vm.raise(Exc::ValueError, "invalid hexadecimal floating-point string");
    const double d = std::strtod((sign + lower).c_str(), nullptr);
    if (std::isinf(d)) return vm.raise(Exc::OverflowError, "hexadecimal value too large to represent as a float");
    return vm.new_float(d);
}

ObjId float_getformat(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "__getformat__")) return kNull;
    if (!vm.is_str(a[0])) return vm.raise(Exc::TypeError, "__getformat__() argument must be str, not " + vm.type_name(a[0]));
    std::string_view t = vm.text_of(a[0]);
    if (t != "double" && t != "float") return vm.raise(Exc::ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
    return vm.new_str("IEEE, little-endian");
}

// slice.indices(length): (start, stop, step) for a sequence of that length.
ObjId slice_indices_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "indices")) return kNull;
    auto n = vm.index_value(a[0]);
    if (!n) return kNull;
    if (*n < 0) return vm.raise(Exc::ValueError, "length should not be negative");
    Interp::SliceIndices s;
    if (!vm.slice_indices(self, *n, s)) return kNull;
    Ref x(vm.new_int(s.start)), y(vm.new_int(s.stop)), z(vm.new_int(s.step));
    if (!x || !y || !z) return kNull;
    ObjId items[] = {x.get(), y.get(), z.get()};
    return vm.new_tuple(items);
}

// --- tables -----------------------------------------------------------------------------------

#define REFSCOPE_CMP_WRAPPERS                                                                       \
    {"__lt__", compare_wrapper<CMP_LT>}, {"__le__", compare_wrapper<CMP_LE>},                      \
        {"__eq__", compare_wrapper<CMP_EQ>}, {"__ne__", compare_wrapper<CMP_NE>},                  \
        {"__gt__", compare_wrapper<CMP_GT>}, {"__ge__", compare_wrapper<CMP_GE>}

#define REFSCOPE_ARITH_WRAPPERS                                                                     \
    {"__add__", binary_wrapper<NB_ADD, false>}, {"__radd__", binary_wrapper<NB_ADD, true>},        \
        {"__sub__", binary_wrapper<NB_SUBTRACT, false>},                                           \
        {"__rsub__", binary_wrapper<NB_SUBTRACT, true>},                                           \
        {"__mul__", binary_wrapper<NB_MULTIPLY, false>},                                           \
        {"__rmul__", binary_wrapper<NB_MULTIPLY, true>},                                           \
        {"__truediv__", binary_wrapper<NB_TRUE_DIVIDE, false>},                                    \
        {"__rtruediv__", binary_wrapper<NB_TRUE_DIVIDE, true>},                                    \
        {"__floordiv__", binary_wrapper<NB_FLOOR_DIVIDE, false>},                                  \
        {"__rfloordiv__", binary_wrapper<NB_FLOOR_DIVIDE, true>},                                  \
        {"__mod__", binary_wrapper<NB_REMAINDER, false>},                                          \
        {"__rmod__", binary_wrapper<NB_REMAINDER, true>}, {"__pow__", pow_wrapper},                \
        {"__rpow__", rpow_wrapper}, {"__divmod__", divmod_wrapper<false>},                          \
        {"__rdivmod__", divmod_wrapper<true>}, {"__neg__", unary_wrapper<Op::UNARY_NEGATIVE>},     \
        {"__pos__", unary_wrapper<Op::UNARY_POSITIVE>}, {"__abs__", abs_wrapper},                  \
        {"__bool__", bool_wrapper}, {"__round__", round_wrapper},                                  \
        {"__trunc__", integral_wrapper<0>}, {"__floor__", integral_wrapper<1>},                    \
        {"__ceil__", integral_wrapper<2>}, {"__hash__", hash_wrapper}, {"__repr__", repr_wrapper}, \
        REFSCOPE_CMP_WRAPPERS

const NativeDef kIntSlots[] = {
    REFSCOPE_ARITH_WRAPPERS,
    {"__lshift__", binary_wrapper<NB_LSHIFT, false>}, {"__rlshift__", binary_wrapper<NB_LSHIFT, true>},
    {"__rshift__", binary_wrapper<NB_RSHIFT, false>}, {"__rrshift__", binary_wrapper<NB_RSHIFT, true>},
    {"__and__", binary_wrapper<NB_AND, false>}, {"__rand__", binary_wrapper<NB_AND, true>},
    {"__or__", binary_wrapper<NB_OR, false>}, {"__ror__", binary_wrapper<NB_OR, true>},
    {"__xor__", binary_wrapper<NB_XOR, false>}, {"__rxor__", binary_wrapper<NB_XOR, true>},
    {"__invert__", unary_wrapper<Op::UNARY_INVERT>}, {"__getnewargs__", getnewargs},
    {"from_bytes", int_from_bytes, NativeDef::classmethod},
};

const NativeDef kFloatSlots[] = {
    REFSCOPE_ARITH_WRAPPERS, {"__getnewargs__", getnewargs},
    {"fromhex", float_fromhex, NativeDef::classmethod},
    {"__getformat__", float_getformat, NativeDef::classmethod},
};

const NativeDef kStrSlots[] = {
    {"__len__", len_wrapper}, {"__getitem__", getitem_wrapper}, {"__contains__", contains_wrapper},
    {"__iter__", iter_wrapper}, {"__add__", binary_wrapper<NB_ADD, false>},
    {"__mul__", binary_wrapper<NB_MULTIPLY, false>}, {"__rmul__", binary_wrapper<NB_MULTIPLY, true>},
    {"__mod__", binary_wrapper<NB_REMAINDER, false>}, {"__rmod__", rmod_not_implemented},
    {"__hash__", hash_wrapper}, {"__repr__", repr_wrapper}, {"__str__", str_wrapper},
    {"__getnewargs__", getnewargs}, REFSCOPE_CMP_WRAPPERS,
};

const NativeDef kTupleSlots[] = {
    {"__len__", len_wrapper}, {"__getitem__", getitem_wrapper}, {"__contains__", contains_wrapper},
    {"__iter__", iter_wrapper}, {"__add__", binary_wrapper<NB_ADD, false>},
    {"__mul__", binary_wrapper<NB_MULTIPLY, false>}, {"__rmul__", binary_wrapper<NB_MULTIPLY, true>},
    {"__hash__", hash_wrapper}, {"__repr__", repr_wrapper}, {"__getnewargs__", getnewargs},
    {"__class_getitem__", class_getitem, NativeDef::classmethod}, REFSCOPE_CMP_WRAPPERS,
};

const NativeDef kListSlots[] = {
    {"__len__", len_wrapper}, {"__getitem__", getitem_wrapper}, {"__setitem__", setitem_wrapper},
    {"__delitem__", delitem_wrapper}, {"__contains__", contains_wrapper}, {"__iter__", iter_wrapper},
    {"__reversed__", reversed_wrapper}, {"__add__", binary_wrapper<NB_ADD, false>},
    {"__mul__", binary_wrapper<NB_MULTIPLY, false>}, {"__rmul__", binary_wrapper<NB_MULTIPLY, true>},
    {"__iadd__", inplace_wrapper<NB_ADD>}, {"__imul__", inplace_wrapper<NB_MULTIPLY>},
    {"__repr__", repr_wrapper}, {"__class_getitem__", class_getitem, NativeDef::classmethod},
    REFSCOPE_CMP_WRAPPERS,
};

const NativeDef kDictSlots[] = {
    {"__len__", len_wrapper}, {"__getitem__", getitem_wrapper}, {"__setitem__", setitem_wrapper},
    {"__delitem__", delitem_wrapper}, {"__contains__", contains_wrapper}, {"__iter__", iter_wrapper},
    {"__reversed__", reversed_wrapper}, {"__or__", binary_wrapper<NB_OR, false>},
    {"__ror__", binary_wrapper<NB_OR, true>}, {"__ior__", inplace_wrapper<NB_OR>},
    {"__repr__", repr_wrapper}, {"__class_getitem__", class_getitem, NativeDef::classmethod},
    REFSCOPE_CMP_WRAPPERS,
};

#define REFSCOPE_SET_WRAPPERS                                                                       \
    {"__len__", len_wrapper}, {"__contains__", contains_wrapper}, {"__iter__", iter_wrapper},      \
        {"__or__", binary_wrapper<NB_OR, false>}, {"__ror__", binary_wrapper<NB_OR, true>},        \
        {"__and__", binary_wrapper<NB_AND, false>}, {"__rand__", binary_wrapper<NB_AND, true>},    \
        {"__sub__", binary_wrapper<NB_SUBTRACT, false>},                                           \
        {"__rsub__", binary_wrapper<NB_SUBTRACT, true>},                                           \
        {"__xor__", binary_wrapper<NB_XOR, false>}, {"__rxor__", binary_wrapper<NB_XOR, true>},    \
        {"__repr__", repr_wrapper}, {"__class_getitem__", class_getitem, NativeDef::classmethod}, \
        REFSCOPE_CMP_WRAPPERS

const NativeDef kSetSlots[] = {
    REFSCOPE_SET_WRAPPERS,
    {"__ior__", inplace_wrapper<NB_OR>}, {"__iand__", inplace_wrapper<NB_AND>},
    {"__isub__", inplace_wrapper<NB_SUBTRACT>}, {"__ixor__", inplace_wrapper<NB_XOR>},
};

const NativeDef kFrozensetSlots[] = {REFSCOPE_SET_WRAPPERS, {"__hash__", hash_wrapper}};

const NativeDef kRangeSlots[] = {
    {"__len__", len_wrapper}, {"__getitem__", getitem_wrapper}, {"__contains__", contains_wrapper},
    {"__iter__", iter_wrapper}, {"__reversed__", reversed_wrapper}, {"__hash__", hash_wrapper},
    {"__repr__", repr_wrapper}, {"__bool__", bool_wrapper}, REFSCOPE_CMP_WRAPPERS,
};

const NativeDef kBytesSlots[] = {
    {"__len__", len_wrapper}, {"__getitem__", getitem_wrapper}, {"__contains__", contains_wrapper},
    {"__iter__", iter_wrapper}, {"__add__", binary_wrapper<NB_ADD, false>},
    {"__mul__", binary_wrapper<NB_MULTIPLY, false>}, {"__rmul__", binary_wrapper<NB_MULTIPLY, true>},
    {"__hash__", hash_wrapper}, {"__repr__", repr_wrapper}, REFSCOPE_CMP_WRAPPERS,
};

const NativeDef kSliceSlots[] = {{"indices", slice_indices_m}};

#undef REFSCOPE_SET_WRAPPERS
#undef REFSCOPE_ARITH_WRAPPERS
#undef REFSCOPE_CMP_WRAPPERS

}  // namespace

void register_slot_wrappers(Interp& vm) {
    vm.register_methods(BT::int_, kIntSlots);
    vm.register_methods(BT::float_, kFloatSlots);
    vm.register_methods(BT::str, kStrSlots);
    vm.register_methods(BT::tuple, kTupleSlots);
    vm.register_methods(BT::list, kListSlots);
    vm.register_methods(BT::dict, kDictSlots);
    vm.register_methods(BT::set, kSetSlots);
    vm.register_methods(BT::frozenset, kFrozensetSlots);
    vm.register_methods(BT::range, kRangeSlots);
    vm.register_methods(BT::bytes, kBytesSlots);
    vm.register_methods(BT::slice, kSliceSlots);
}

}  // namespace refscope::lang
