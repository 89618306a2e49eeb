// lang/runtime/numbers.cpp — arithmetic on int, bool and float (Objects/longobject.c,
// boolobject.c, floatobject.c, 3.11).
//
// Ints that fit int64 are computed with overflow checks and fall back to BigInt (the value
// library), so results and error messages are CPython's. Mixed int/float arithmetic converts
// the int to float (OverflowError "int too large to convert to float"). bool's &, |, ^ return a
// bool when both operands are bools; every other operation on bools is int arithmetic.
//
#include <cmath>
#include <limits>

#include "lang/num/float_ops.hpp"
#include "lang/runtime/objects.hpp"
#include "object/sizes.hpp"
#include "lang/vm/interp.hpp"

namespace refscope::lang {

ObjId Interp::float_binary(double a, double b, std::uint32_t nb) {
    Result<double> r = 0.0;
    switch (nb) {
        case NB_ADD: return new_float(a + b);
        case NB_SUBTRACT: return new_float(a - b);
        case NB_MULTIPLY: return new_float(a * b);
        case NB_TRUE_DIVIDE: r = float_truediv(a, b); break;
        case NB_FLOOR_DIVIDE: r = float_floordiv(a, b); break;
        case NB_REMAINDER: r = float_mod(a, b); break;
        case NB_POWER:
            if (float_pow_needs_complex(a, b)) {
                report_unsupported("complex numbers (a negative number raised to a fractional power)");
                return raise(Exc::ValueError, "complex result");
            }
            r = float_pow(a, b);
            break;
        default:
            return newref(not_implemented());
    }
    if (!r) return raise_from_pyerror(r.error());
    return new_float(r.value());
}

ObjId Interp::int_binary(ObjId a, ObjId b, std::uint32_t nb) {
    std::int64_t x = 0, y = 0;
    const bool small = small_int(a, x) && small_int(b, y);
    if (nb == NB_AND || nb == NB_OR || nb == NB_XOR) {
        if (obj(a).type == Type::bool_type && obj(b).type == Type::bool_type) {
            bool r = nb == NB_AND ? (x & y) : nb == NB_OR ? (x | y) : (x ^ y);
            return new_bool(r);
        }
        if (small) return new_int(nb == NB_AND ? (x & y) : nb == NB_OR ? (x | y) : (x ^ y));
        BigInt bx = big_of(a), by = big_of(b);
        return new_int(nb == NB_AND ? (bx & by) : nb == NB_OR ? (bx | by) : (bx ^ by));
    }
    switch (nb) {
        case NB_ADD:
        case NB_SUBTRACT: {
            // Medium values (one digit each) take the fast path; otherwise x_add allocates one
            // digit more than the larger operand and x_sub as many.
            const std::uint32_t na = obj(a).payload ? big_of(a).ndigits() : object::sizes::int_digits(x);
            const std::uint32_t nb_ = obj(b).payload ? big_of(b).ndigits() : object::sizes::int_digits(y);
            const bool medium = small && na <= 1 && nb_ <= 1;
            const std::uint32_t alloc = medium ? 0 : std::max(na, nb_) + (nb == NB_ADD ? 1 : 0);
            std::int64_t r;
            if (small && !(nb == NB_ADD ? __builtin_add_overflow(x, y, &r) : __builtin_sub_overflow(x, y, &r)))
                return new_int(r, alloc);
            return new_int(nb == NB_ADD ? big_of(a) + big_of(b) : big_of(a) - big_of(b), alloc);
        }
        case NB_MULTIPLY: {
            const std::uint32_t na = obj(a).payload ? big_of(a).ndigits() : object::sizes::int_digits(x);
            const std::uint32_t nb_ = obj(b).payload ? big_of(b).ndigits() : object::sizes::int_digits(y);
            const std::uint32_t alloc = small && na <= 1 && nb_ <= 1 ? 0 : na + nb_;
            std::int64_t r;
            if (small && !__builtin_mul_overflow(x, y, &r)) return new_int(r, alloc);
            auto p = checked_mul(big_of(a), big_of(b));
            if (!p) return raise_from_pyerror(p.error());
            return new_int(p.value(), alloc);
        }
        case NB_FLOOR_DIVIDE:
        case NB_REMAINDER: {
            if (small && y != 0 && !(x == INT64_MIN && y == -1)) {
                std::int64_t q = x / y, m = x % y;
                if (m != 0 && ((m < 0) != (y < 0))) {
                    m += y;
                    q -= 1;
                }
                return new_int(nb == NB_FLOOR_DIVIDE ? q : m);
            }
            auto r = nb == NB_FLOOR_DIVIDE ? floordiv(big_of(a), big_of(b)) : mod(big_of(a), big_of(b));
            if (!r) return raise_from_pyerror(r.error());
            return new_int(r.value());
        }
        case NB_TRUE_DIVIDE: {
            if (small && y != 0 && std::llabs(x) <= (std::int64_t{1} << 53) && std::llabs(y) <= (std::int64_t{1} << 53))
                return new_float(static_cast<double>(x) / static_cast<double>(y));
            auto r = true_divide(big_of(a), big_of(b));
            if (!r) return raise_from_pyerror(r.error());
            return new_float(r.value());
        }
        case NB_POWER: {
            BigInt e = big_of(b);
            if (e.is_negative()) {
                auto fa = to_double(a);
                auto fb = to_double(b);
                if (!fa || !fb) return kNull;
                if (*fa == 0.0) return raise(Exc::ZeroDivisionError, "0.0 cannot be raised to a negative power");
                return float_binary(*fa, *fb, NB_POWER);
            }
            auto r = pow(big_of(a), e);
            if (!r) return raise_from_pyerror(r.error());
            return new_int(r.value());
        }
        case NB_LSHIFT:
        case NB_RSHIFT: {
            if (small && y >= 0) {
                if (nb == NB_RSHIFT) return new_int(y >= 63 ? (x < 0 ? -1 : 0) : (x >> y));
                if (y < 62 && (x == 0 || (std::llabs(x) < (std::int64_t{1} << (62 - y)))))
                    return new_int(x * (std::int64_t{1} << y));
            }
            auto r = nb == NB_LSHIFT ? lshift(big_of(a), big_of(b)) : rshift(big_of(a), big_of(b));
            if (!r) return raise_from_pyerror(r.error());
            return new_int(r.value());
        }
        default:
            return newref(not_implemented());
    }
}

// Arithmetic when both operands are numbers; NotImplemented otherwise.
ObjId Interp::number_binary(ObjId a, ObjId b, std::uint32_t nb) {
    const bool ai = is_int(a), bi = is_int(b), af = is_float(a), bf = is_float(b);
    if (ai && bi) return int_binary(a, b, nb);
    if ((ai || af) && (bi || bf)) {
        if (nb == NB_AND || nb == NB_OR || nb == NB_XOR || nb == NB_LSHIFT || nb == NB_RSHIFT ||
            nb == NB_MATRIX_MULTIPLY)
            return newref(not_implemented());
        auto x = to_double(a);
        if (!x) return kNull;
        auto y = to_double(b);
        if (!y) return kNull;
        return float_binary(*x, *y, nb);
    }
    return newref(not_implemented());
}

ObjId Interp::number_unary(ObjId a, Op op) {
    if (is_float(a)) {
        double v = float_of(a);
        if (op == Op::UNARY_NEGATIVE) return new_float(-v);
        if (op == Op::UNARY_POSITIVE) return new_float(v);
        return kNull;
    }
    std::int64_t x = 0;
    if (small_int(a, x)) {
        if (op == Op::UNARY_NEGATIVE && x != INT64_MIN) return new_int(-x);
        if (op == Op::UNARY_POSITIVE) return obj(a).type == Type::bool_type ? new_int(x) : newref(a);
        if (op == Op::UNARY_INVERT) return new_int(~x);
    }
    BigInt v = big_of(a);
    if (op == Op::UNARY_NEGATIVE) return new_int(-v);
    if (op == Op::UNARY_POSITIVE) return newref(a);
    return new_int(~v);
}

// Compares two numbers exactly (an int against a float is exact, as in CPython).
// Returns -1, 0, 1, or 2 when unordered (NaN).
int Interp::number_compare(ObjId a, ObjId b) {
    if (is_int(a) && is_int(b)) {
        std::int64_t x, y;
        if (small_int(a, x) && small_int(b, y)) return x < y ? -1 : x > y ? 1 : 0;
        auto c = big_of(a) <=> big_of(b);
        return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    if (is_float(a) && is_float(b)) {
        double x = float_of(a), y = float_of(b);
        if (std::isnan(x) || std::isnan(y)) return 2;
        return x < y ? -1 : x > y ? 1 : 0;
    }
    // int vs float, exactly
    bool swapped = false;
    if (is_float(a)) {
        std::swap(a, b);
        swapped = true;
    }
    auto c = compare_int_float(big_of(a), float_of(b));
    if (!c) return 2;
    int r = *c;
    return swapped ? -r : r;
}

}  // namespace refscope::lang
