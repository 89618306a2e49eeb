// lang/modules/math_module.cpp — the math module (Modules/mathmodule.c, 3.11): constants,
// float functions with CPython's "math domain error" / "math range error", and the exact
// integer functions (gcd, lcm, factorial, comb, perm, isqrt) on BigInt.
#include <cmath>

#include "lang/modules/modules.hpp"
#include "lang/runtime/natives.hpp"
#include "lang/runtime/objects.hpp"
#include "lang/vm/interp.hpp"

namespace refscope::lang {

namespace {

bool to_float(Interp& vm, ObjId o, double& out) {
    if (vm.is_float(o)) {
        out = vm.float_of(o);
        return true;
    }
    if (vm.is_int(o)) {
        auto d = vm.to_double(o);
        if (!d) return false;
        out = *d;
        return true;
    }
    if (vm.is_heap_instance(o)) {
        if (ObjId f = vm.lookup(vm.type_of(o), Id::float_)) {
            Ref keep = Ref::borrow(f);
            Ref r(vm.call_descr(f, o, {}));
            if (!r) return false;
            if (!vm.is_float(r.get())) {
                vm.raise(Exc::TypeError, "__float__ returned non-float");
                return false;
            }
            out = vm.float_of(r.get());
            return true;
        }
    }
    vm.raise(Exc::TypeError, "must be real number, not " + vm.type_name(o));
    return false;
}

ObjId float_result(Interp& vm, double x, double r, bool can_overflow = true) {
    if (std::isnan(r) && !std::isnan(x)) return vm.raise(Exc::ValueError, "math domain error");
    if (std::isinf(r) && std::isfinite(x) && can_overflow) return vm.raise(Exc::OverflowError, "math range error");
    return vm.new_float(r);
}

template <double (*F)(double)>
ObjId unary(Interp& vm, ObjId, const CallArgs& a, const char* name) {
    if (!check_one_arg(vm, a, name)) return kNull;
    double x;
    if (!to_float(vm, a[0], x)) return kNull;
    return float_result(vm, x, F(x));
}

#define REFSCOPE_MATH_UNARY(fname, cfun)                                                   \
    ObjId m_##fname(Interp& vm, ObjId self, const CallArgs& a) {                          \
        return unary<static_cast<double (*)(double)>(std::cfun)>(vm, self, a, #fname);    \
    }
REFSCOPE_MATH_UNARY(exp, exp)
REFSCOPE_MATH_UNARY(sin, sin)
REFSCOPE_MATH_UNARY(cos, cos)
REFSCOPE_MATH_UNARY(tan, tan)
REFSCOPE_MATH_UNARY(asin, asin)
REFSCOPE_MATH_UNARY(acos, acos)
REFSCOPE_MATH_UNARY(atan, atan)
REFSCOPE_MATH_UNARY(sinh, sinh)
REFSCOPE_MATH_UNARY(cosh, cosh)
REFSCOPE_MATH_UNARY(tanh, tanh)
REFSCOPE_MATH_UNARY(fabs, fabs)
REFSCOPE_MATH_UNARY(expm1, expm1)
REFSCOPE_MATH_UNARY(log1p, log1p)
#undef REFSCOPE_MATH_UNARY

ObjId m_sqrt(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "sqrt")) return kNull;
    double x;
    if (!to_float(vm, a[0], x)) return kNull;
    if (x < 0) return vm.raise(Exc::ValueError, "math domain error");
    return vm.new_float(std::sqrt(x));
}

// loghelper: an int that fits a float is converted; a larger one is m * 2**e (frexp) so that
// log(m) + e * log(2) stays finite. Non-positive arguments: "math domain error".
double log_of(Interp& vm, ObjId o, bool& ok, double (*f)(double)) {
    ok = true;
    if (vm.is_int(o)) {
        BigInt b = vm.big_of(o);
        if (b.sign() <= 0) {
            ok = false;
            vm.raise(Exc::ValueError, "math domain error");
            return 0;
        }
        auto d = b.to_double();
        if (d) return f(d.value());
        std::uint64_t bits = b.bit_length();
        std::uint64_t shift = bits - 60;
        auto r = rshift(b, BigInt(static_cast<std::int64_t>(shift)));
        double m = r.value().to_double().value();
        return f(m) + static_cast<double>(shift) * f(2.0);
    }
    double x;
    if (!to_float(vm, o, x)) {
        ok = false;
        return 0;
    }
    if (!(x > 0)) {
        if (std::isnan(x)) return x;
        ok = false;
        vm.raise(Exc::ValueError, "math domain error");
        return 0;
    }
    return f(x);
}

double ln(double x) { return std::log(x); }
double lg2(double x) { return std::log2(x); }
double lg10(double x) { return std::log10(x); }

ObjId m_log(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_positional(vm, a, "log", 1, 2)) return kNull;
    bool ok;
    double num = log_of(vm, a[0], ok, ln);
    if (!ok) return kNull;
    if (a.nargs == 2) {
        double den = log_of(vm, a[1], ok, ln);
        if (!ok) return kNull;
        if (den == 0) return vm.raise(Exc::ZeroDivisionError, "float division by zero");
        return vm.new_float(num / den);
    }
    return vm.new_float(num);
}

ObjId m_log2(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "log2")) return kNull;
    bool ok;
    double v = log_of(vm, a[0], ok, lg2);
    return ok ? vm.new_float(v) : kNull;
}

ObjId m_log10(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "log10")) return kNull;
    bool ok;
    double v = log_of(vm, a[0], ok, lg10);
    return ok ? vm.new_float(v) : kNull;
}

ObjId rounding(Interp& vm, const CallArgs& a, const char* name, Id dunder, double (*f)(double)) {
    if (!check_one_arg(vm, a, name)) return kNull;
    ObjId x = a[0];
    if (vm.is_int(x)) return vm.obj(x).type == Type::bool_type ? vm.new_int(vm.obj(x).ival) : vm.newref(x);
    if (vm.is_heap_instance(x)) {
        if (ObjId fn = vm.lookup(vm.type_of(x), dunder)) {
            Ref keep = Ref::borrow(fn);
            return vm.call_descr(fn, x, {});
        }
    }
    double d;
    if (!to_float(vm, x, d)) return kNull;
    if (std::isnan(d)) return vm.raise(Exc::ValueError, "cannot convert float NaN to integer");
    if (std::isinf(d)) return vm.raise(Exc::OverflowError, "cannot convert float infinity to integer");
    return vm.int_from_double(f(d));
}

ObjId m_floor(Interp& vm, ObjId, const CallArgs& a) { return rounding(vm, a, "floor", Id::floor, [](double d) { return std::floor(d); }); }
ObjId m_ceil(Interp& vm, ObjId, const CallArgs& a) { return rounding(vm, a, "ceil", Id::ceil, [](double d) { return std::ceil(d); }); }
ObjId m_trunc(Interp& vm, ObjId, const CallArgs& a) { return rounding(vm, a, "trunc", Id::trunc, [](double d) { return std::trunc(d); }); }

ObjId m_pow(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_positional(vm, a, "pow", 2, 2)) return kNull;
    double x, y;
    if (!to_float(vm, a[0], x) || !to_float(vm, a[1], y)) return kNull;
    if (x == 0.0 && y < 0 && std::isfinite(y)) return vm.raise(Exc::ValueError, "math domain error");
    if (x < 0 && std::isfinite(x) && std::isfinite(y) && y != std::floor(y)) return vm.raise(Exc::ValueError, "math domain error");
    double r = std::pow(x, y);
    if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) return vm.raise(Exc::OverflowError, "math range error");
    return vm.new_float(r);
}

ObjId m_atan2(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_positional(vm, a, "atan2", 2, 2)) return kNull;
    double y, x;
    if (!to_float(vm, a[0], y) || !to_float(vm, a[1], x)) return kNull;
    return vm.new_float(std::atan2(y, x));
}

ObjId m_hypot(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_no_kw(vm, a, "hypot")) return kNull;
    double acc = 0;
    for (std::size_t i = 0; i < a.nargs; ++i) {
        double x;
        if (!to_float(vm, a[i], x)) return kNull;
        acc = std::hypot(acc, x);
    }
    return vm.new_float(acc);
}

ObjId m_copysign(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_positional(vm, a, "copysign", 2, 2)) return kNull;
    double x, y;
    if (!to_float(vm, a[0], x) || !to_float(vm, a[1], y)) return kNull;
    return vm.new_float(std::copysign(x, y));
}

ObjId m_fmod(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_positional(vm, a, "fmod", 2, 2)) return kNull;
    double x, y;
    if (!to_float(vm, a[0], x) || !to_float(vm, a[1], y)) return kNull;
    if (y == 0 && !std::isnan(x)) return vm.raise(Exc::ValueError, "math domain error");
    return vm.new_float(std::fmod(x, y));
}

ObjId m_degrees(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "degrees")) return kNull;
    double x;
    if (!to_float(vm, a[0], x)) return kNull;
    return vm.new_float(x * (180.0 / M_PI));
}

ObjId m_radians(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "radians")) return kNull;
    double x;
    if (!to_float(vm, a[0], x)) return kNull;
    return vm.new_float(x * (M_PI / 180.0));
}

ObjId m_isnan(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "isnan")) return kNull;
    double x;
    if (!to_float(vm, a[0], x)) return kNull;
    return vm.new_bool(std::isnan(x));
}

ObjId m_isinf(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "isinf")) return kNull;
    double x;
    if (!to_float(vm, a[0], x)) return kNull;
    return vm.new_bool(std::isinf(x));
}

ObjId m_isfinite(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "isfinite")) return kNull;
    double x;
    if (!to_float(vm, a[0], x)) return kNull;
    return vm.new_bool(std::isfinite(x));
}

ObjId m_isclose(Interp& vm, ObjId, const CallArgs& a) {
    ObjId args[4];
    if (!parse_args(vm, a, "isclose", {"a", "b", "rel_tol", "abs_tol"}, 2, args, true, 2)) return kNull;
    double x, y, rel = 1e-9, abs_tol = 0.0;
    if (!to_float(vm, args[0], x) || !to_float(vm, args[1], y)) return kNull;
    if (args[2] && !to_float(vm, args[2], rel)) return kNull;
    if (args[3] && !to_float(vm, args[3], abs_tol)) return kNull;
    if (rel < 0 || abs_tol < 0) return vm.raise(Exc::ValueError, "tolerances must be non-negative");
    if (x == y) return vm.new_bool(true);
    if (std::isinf(x) || std::isinf(y)) return vm.new_bool(false);
    double diff = std::fabs(y - x);
    return vm.new_bool((diff <= std::fabs(rel * y)) || (diff <= std::fabs(rel * x)) || (diff <= abs_tol));
}

bool to_bigint(Interp& vm, ObjId o, BigInt& out) {
    if (vm.is_int(o)) {
        out = vm.big_of(o);
        return true;
    }
    auto v = vm.index_value(o);
    if (!v) return false;
    out = BigInt(*v);
    return true;
}

ObjId m_gcd(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_no_kw(vm, a, "gcd")) return kNull;
    BigInt g(0);
    for (std::size_t i = 0; i < a.nargs; ++i) {
        BigInt x;
        if (!to_bigint(vm, a[i], x)) return kNull;
        g = gcd(g, x);
    }
    return vm.new_int(g);
}

ObjId m_lcm(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_no_kw(vm, a, "lcm")) return kNull;
    BigInt l(1);
    for (std::size_t i = 0; i < a.nargs; ++i) {
        BigInt x;
        if (!to_bigint(vm, a[i], x)) return kNull;
        if (x.is_zero()) return vm.new_int(0);
        BigInt g = gcd(l, x);
        auto q = floordiv(abs(l * x), g);
        l = q.value();
    }
    return vm.new_int(l);
}

ObjId m_factorial(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "factorial")) return kNull;
    if (!vm.is_int(a[0])) return vm.raise(Exc::TypeError, "'" + vm.type_name(a[0]) + "' object cannot be interpreted as an integer");
    std::int64_t n;
    if (!vm.small_int(a[0], n)) return vm.raise(Exc::OverflowError, "factorial() argument should not exceed 9223372036854775807");
    if (n < 0) return vm.raise(Exc::ValueError, "factorial() not defined for negative values");
    if (n > 100000) return vm.raise_memory_error();
    BigInt r(1);
    for (std::int64_t i = 2; i <= n; ++i) r = r * BigInt(i);
    return vm.new_int(r);
}

ObjId m_comb_perm(Interp& vm, const CallArgs& a, bool comb) {
    const char* name = comb ? "comb" : "perm";
    if (!check_positional(vm, a, name, comb ? 2 : 1, 2)) return kNull;
    BigInt n, k;
    if (!to_bigint(vm, a[0], n)) return kNull;
    if (a.nargs == 2) {
        if (!to_bigint(vm, a[1], k)) return kNull;
    } else {
        k = n;
    }
    if (n.is_negative()) return vm.raise(Exc::ValueError, "n must be a non-negative integer");
    if (k.is_negative()) return vm.raise(Exc::ValueError, "k must be a non-negative integer");
    if (k > n) return vm.new_int(0);
    auto kk = k.as_int64();
    if (!kk || *kk > 100000) return vm.raise_memory_error();
    BigInt r(1);
    for (std::int64_t i = 0; i < *kk; ++i) r = r * (n - BigInt(i));
    if (comb) {
        BigInt f(1);
        for (std::int64_t i = 2; i <= *kk; ++i) f = f * BigInt(i);
        r = floordiv(r, f).value();
    }
    return vm.new_int(r);
}

ObjId m_comb(Interp& vm, ObjId, const CallArgs& a) { return m_comb_perm(vm, a, true); }
ObjId m_perm(Interp& vm, ObjId, const CallArgs& a) { return m_comb_perm(vm, a, false); }

ObjId m_isqrt(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "isqrt")) return kNull;
    BigInt n;
    if (!to_bigint(vm, a[0], n)) return kNull;
    if (n.is_negative()) return vm.raise(Exc::ValueError, "isqrt() argument must be nonnegative");
    if (n.is_zero()) return vm.new_int(0);
    // Newton's method on integers from an upper bound.
    BigInt x = lshift(BigInt(1), BigInt(static_cast<std::int64_t>((n.bit_length() + 1) / 2))).value();
    for (;;) {
        BigInt y = rshift(x + floordiv(n, x).value(), BigInt(1)).value();
        if (y >= x) break;
        x = y;
    }
    return vm.new_int(x);
}

ObjId m_prod(Interp& vm, ObjId, const CallArgs& a) {
    ObjId args[2];
    if (!parse_args(vm, a, "prod", {"iterable", "start"}, 1, args, true, 1)) return kNull;
    Ref it(vm.get_iter(args[0]));
    if (!it) return kNull;
    Ref acc(args[1] ? vm.newref(args[1]) : vm.new_int(1));
    for (;;) {
        Ref item(vm.iter_next(it.get()));
        if (!item) {
            if (vm.has_exception()) {
                if (!vm.exception_matches(Exc::StopIteration)) return kNull;
                vm.clear_exception();
            }
            return acc.release();
        }
        Ref next(vm.binary_op(acc.get(), item.get(), NB_MULTIPLY));
        if (!next) return kNull;
        acc = std::move(next);
    }
}

ObjId m_fsum(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "fsum")) return kNull;
    std::vector<ObjId> items;
    if (!vm.unpack_iterable(a[0], items)) return kNull;
    // Neumaier compensated summation (exact for the common cases fsum is used for).
    long double sum = 0, comp = 0;
    bool ok = true;
    for (ObjId item : items) {
        double x = 0;
        if (ok && !to_float(vm, item, x)) ok = false;
        vm.decref(item);
        long double t = sum + x;
        if (std::fabs(static_cast<double>(sum)) >= std::fabs(x)) comp += (sum - t) + x;
        else comp += (x - t) + sum;
        sum = t;
    }
    if (!ok) return kNull;
    return vm.new_float(static_cast<double>(sum + comp));
}

ObjId m_modf(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "modf")) return kNull;
    double x;
    if (!to_float(vm, a[0], x)) return kNull;
    double ip;
    double fp = std::modf(x, &ip);
    Ref f(vm.new_float(fp)), i(vm.new_float(ip));
    ObjId items[] = {f.get(), i.get()};
    return vm.new_tuple(items);
}

ObjId m_frexp(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "frexp")) return kNull;
    double x;
    if (!to_float(vm, a[0], x)) return kNull;
    int e = 0;
    double m = std::frexp(x, &e);
    Ref mm(vm.new_float(m)), ee(vm.new_int(e));
    ObjId items[] = {mm.get(), ee.get()};
    return vm.new_tuple(items);
}

ObjId m_ldexp(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_positional(vm, a, "ldexp", 2, 2)) return kNull;
    double x;
    if (!to_float(vm, a[0], x)) return kNull;
    std::int64_t e;
    if (!vm.is_int(a[1])) return vm.raise(Exc::TypeError, "Expected an int as second argument to ldexp.");
    if (!vm.small_int(a[1], e)) e = vm.big_of(a[1]).is_negative() ? -100000 : 100000;
    double r = std::ldexp(x, static_cast<int>(std::clamp<std::int64_t>(e, -100000, 100000)));
    if (std::isinf(r) && std::isfinite(x)) return vm.raise(Exc::OverflowError, "math range error");
    return vm.new_float(r);
}

ObjId m_dist(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_positional(vm, a, "dist", 2, 2)) return kNull;
    std::vector<ObjId> p, q;
    if (!vm.unpack_iterable(a[0], p)) return kNull;
    if (!vm.unpack_iterable(a[1], q)) {
        for (ObjId x : p) vm.decref(x);
        return kNull;
    }
    double acc = 0;
    bool ok = p.size() == q.size();
    if (!ok) vm.raise(Exc::ValueError, "both points must have the same number of dimensions");
    for (std::size_t i = 0; ok && i < p.size(); ++i) {
        double x, y;
        if (!to_float(vm, p[i], x) || !to_float(vm, q[i], y)) ok = false;
        else acc = std::hypot(acc, x - y);
    }
    for (ObjId x : p) vm.decref(x);
    for (ObjId x : q) vm.decref(x);
    if (!ok) return kNull;
    return vm.new_float(acc);
}

const NativeDef kMath[] = {
    {"sqrt", m_sqrt}, {"exp", m_exp}, {"sin", m_sin}, {"cos", m_cos}, {"tan", m_tan},
    {"asin", m_asin}, {"acos", m_acos}, {"atan", m_atan}, {"sinh", m_sinh}, {"cosh", m_cosh},
    {"tanh", m_tanh}, {"fabs", m_fabs}, {"expm1", m_expm1}, {"log1p", m_log1p}, {"log", m_log},
    {"log2", m_log2}, {"log10", m_log10}, {"floor", m_floor}, {"ceil", m_ceil}, {"trunc", m_trunc},
    {"pow", m_pow}, {"atan2", m_atan2}, {"hypot", m_hypot}, {"copysign", m_copysign},
    {"fmod", m_fmod}, {"degrees", m_degrees}, {"radians", m_radians}, {"isnan", m_isnan},
    {"isinf", m_isinf}, {"isfinite", m_isfinite}, {"isclose", m_isclose}, {"gcd", m_gcd},
    {"lcm", m_lcm}, {"factorial", m_factorial}, {"comb", m_comb}, {"perm", m_perm},
    {"isqrt", m_isqrt}, {"prod", m_prod}, {"fsum", m_fsum}, {"modf", m_modf}, {"frexp", m_frexp},
    {"ldexp", m_ldexp}, {"dist", m_dist},
};

}  // namespace

bool init_math(Interp& vm, ObjId dict) {
    for (const NativeDef& def : kMath) vm.add_native(dict, &def);
    vm.set_attr_str(dict, "pi", vm.new_float(M_PI));
    vm.set_attr_str(dict, "e", vm.new_float(M_E));
    vm.set_attr_str(dict, "tau", vm.new_float(2 * M_PI));
    vm.set_attr_str(dict, "inf", vm.new_float(HUGE_VAL));
    vm.set_attr_str(dict, "nan", vm.new_float(std::nan("")));
    return !vm.has_exception();
}

// --- time: a deterministic clock (refscope never reads the host's clock) -------------------

namespace {

ObjId t_time(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_no_args(vm, a, "time")) return kNull;
    return vm.new_float(1.7e9 + static_cast<double>(vm.line_steps()) * 1e-6);
}

ObjId t_counter(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_no_args(vm, a, "perf_counter")) return kNull;
    return vm.new_float(static_cast<double>(vm.line_steps()) * 1e-6);
}

ObjId t_counter_ns(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_no_args(vm, a, "perf_counter_ns")) return kNull;
    return vm.new_int(static_cast<std::int64_t>(vm.line_steps()) * 1000);
}

ObjId t_sleep(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "sleep")) return kNull;
    return vm.new_none();
}

const NativeDef kTime[] = {
    {"time", t_time}, {"perf_counter", t_counter}, {"monotonic", t_counter},
    {"process_time", t_counter}, {"perf_counter_ns", t_counter_ns}, {"time_ns", t_counter_ns},
    {"sleep", t_sleep},
};

}  // namespace

bool init_time(Interp& vm, ObjId dict) {
    for (const NativeDef& def : kTime) vm.add_native(dict, &def);
    return !vm.has_exception();
}

ModuleInit find_module_init(std::string_view name) {
    if (name == "sys") return init_sys;
    if (name == "gc") return init_gc;
    if (name == "weakref") return init_weakref;
    if (name == "math") return init_math;
    if (name == "tracemalloc") return init_tracemalloc;
    if (name == "time") return init_time;
    if (name == "copy") return init_copy;
    return nullptr;
}

}  // namespace refscope::lang
