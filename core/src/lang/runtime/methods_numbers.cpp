// lang/runtime/methods_numbers.cpp — methods of int, bool and float (Objects/longobject.c,
// floatobject.c, 3.11): bit_length, bit_count, conjugate, as_integer_ratio, is_integer, hex,
// __index__, __int__, __float__, __round__, __format__ — those programs call by name.
#include <cmath>

#include "lang/num/float_format.hpp"
#include "lang/num/float_ops.hpp"
#include "lang/runtime/natives.hpp"
#include "lang/runtime/objects.hpp"
#include "lang/vm/interp.hpp"

namespace refscope::lang {

namespace {

ObjId int_bit_length(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "bit_length")) return kNull;
    return vm.new_int(static_cast<std::int64_t>(vm.big_of(self).bit_length()));
}

ObjId int_bit_count(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "bit_count")) return kNull;
    std::int64_t n = 0;
    const BigInt value = vm.big_of(self);   // big_of may return a temporary
    for (auto d : value.magnitude()) n += __builtin_popcount(d);
    return vm.new_int(n);
}

ObjId int_self(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "conjugate")) return kNull;
    if (vm.obj(self).type == Type::bool_type) return vm.new_int(vm.obj(self).ival);
    return vm.newref(self);
}

ObjId int_float(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "__float__")) return kNull;
    auto d = vm.to_double(self);
    return d ? vm.new_float(*d) : kNull;
}

ObjId int_as_ratio(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "as_integer_ratio")) return kNull;
    Ref n(vm.obj(self).type == Type::bool_type ? vm.new_int(vm.obj(self).ival) : vm.newref(self));
    Ref d(vm.new_int(1));
    ObjId items[] = {n.get(), d.get()};
    return vm.new_tuple(items);
}

ObjId int_format(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "__format__")) return kNull;
    return vm.format(self, a[0]);
}

ObjId int_to_bytes(Interp& vm, ObjId self, const CallArgs& a) {
    ObjId args[3];
    if (!parse_args(vm, a, "to_bytes", {"length", "byteorder", "signed"}, 0, args, true)) return kNull;
    std::int64_t len = 1;
    if (args[0]) {
        auto v = vm.index_value(args[0]);
        if (!v) return kNull;
        len = *v;
    }
    std::string order = args[1] ? std::string(vm.text_of(args[1])) : "big";
    bool is_signed = args[2] && vm.truthy(args[2]) > 0;
    BigInt v = vm.big_of(self);
    if (v.is_negative() && !is_signed) return vm.raise(Exc::OverflowError, "can't convert negative int to unsigned");
    std::string out(static_cast<std::size_t>(len), '\0');
    BigInt x = v;
    if (v.is_negative()) x = v + lshift(BigInt(1), BigInt(8 * len)).value();
    for (std::int64_t i = 0; i < len; ++i) {
        auto byte = mod(x, BigInt(256)).value().to_int64();
        out[static_cast<std::size_t>(order == "little" ? i : len - 1 - i)] = static_cast<char>(byte);
        x = floordiv(x, BigInt(256)).value();
    }
    if (!x.is_zero() && !(v.is_negative() && x == BigInt(0))) return vm.raise(Exc::OverflowError, "int too big to convert");
    return vm.new_bytes(out);
}

const NativeDef kInt[] = {
    {"bit_length", int_bit_length}, {"bit_count", int_bit_count}, {"conjugate", int_self},
    {"__index__", int_self}, {"__int__", int_self}, {"__float__", int_float},
    {"as_integer_ratio", int_as_ratio}, {"__format__", int_format}, {"to_bytes", int_to_bytes},
};

ObjId float_is_integer(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "is_integer")) return kNull;
    double d = vm.float_of(self);
    return vm.new_bool(std::isfinite(d) && d == std::floor(d));
}

ObjId float_conjugate(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "conjugate")) return kNull;
    return vm.newref(self);
}

ObjId float_hex_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "hex")) return kNull;
    return vm.new_str(float_hex(vm.float_of(self)));
}

ObjId float_int(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "__int__")) return kNull;
    return vm.int_from_double(vm.float_of(self));
}

ObjId float_as_ratio(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "as_integer_ratio")) return kNull;
    double d = vm.float_of(self);
    if (std::isinf(d)) return vm.raise(Exc::OverflowError, "cannot convert Infinity to integer ratio");
    if (std::isnan(d)) return vm.raise(Exc::ValueError, "cannot convert NaN to integer ratio");
    int e = 0;
    double m = std::frexp(d, &e);
    for (int i = 0; i < 300 && m != std::floor(m); ++i) {
        m *= 2.0;
        --e;
    }
    BigInt num = BigInt::from_double(m).value();
    BigInt den(1);
    if (e > 0) num = lshift(num, BigInt(e)).value();
    else den = lshift(den, BigInt(-e)).value();
    Ref n(vm.new_int(num)), dd(vm.new_int(den));
    ObjId items[] = {n.get(), dd.get()};
    return vm.new_tuple(items);
}

const NativeDef kFloat[] = {
    {"is_integer", float_is_integer}, {"conjugate", float_conjugate}, {"hex", float_hex_m},
    {"__int__", float_int}, {"__float__", float_conjugate}, {"as_integer_ratio", float_as_ratio},
    {"__format__", int_format},
};

}  // namespace

void register_number_methods(Interp& vm) {
    vm.register_methods(BT::int_, kInt);
    vm.register_methods(BT::float_, kFloat);
}

void register_misc_methods(Interp& vm) { register_finalize_methods(vm); }

}  // namespace refscope::lang
