// lang/num/bigint_pow.cpp — int ** int and three-argument pow().
//
// Square-and-multiply, most significant exponent bit first (CPython's long_pow uses the same
// left-to-right binary method for small exponents; results do not depend on the method).
// Modular inverses for negative exponents come from the extended Euclidean algorithm.
#include <cmath>

#include "lang/num/bigint.hpp"
#include "lang/num/bigint_mag.hpp"

namespace refscope::lang {

namespace {

// Floor remainder x mod m for m > 0: 0 <= result < m.
BigInt floor_mod_positive(const BigInt& x, const BigInt& m) { return mod(x, m).value(); }

// The inverse of a modulo m (m > 1), or nullopt when gcd(a, m) != 1.
std::optional<BigInt> mod_inverse(const BigInt& a, const BigInt& m) {
    BigInt r0 = m, r1 = floor_mod_positive(a, m);
    BigInt t0 = 0, t1 = 1;
    while (!r1.is_zero()) {
        const auto qr = divmod(r0, r1).value();
        r0 = std::move(r1);
        r1 = qr.second;
        BigInt t2 = t0 - qr.first * t1;
        t0 = std::move(t1);
        t1 = std::move(t2);
    }
    if (r0 != BigInt(1)) return std::nullopt;
    return floor_mod_positive(t0, m);
}

}  // namespace

Result<BigInt> pow(const BigInt& base, const BigInt& exponent) {
    REFSCOPE_CHECK(!exponent.is_negative(), "BigInt pow: negative exponent is the float path");
    if (exponent.is_zero()) return BigInt(1);
    if (base.is_zero()) return BigInt();
    const bool negative = base.is_negative() && exponent.is_odd();
    if (base.magnitude() == mag::Mag{1}) return BigInt(negative ? -1 : 1);
    // |base| >= 2: refuse results beyond kMaxDigits before computing them. The estimate
    // e * log2|base| is a double; being off near the limit by a bit is harmless.
    const std::uint64_t limit_bits =
        static_cast<std::uint64_t>(BigInt::kMaxDigits) * BigInt::kShift;
    const std::uint64_t bits = base.bit_length();
    if (!exponent.fits_int64()) return memory_error();
    const auto e = static_cast<std::uint64_t>(exponent.to_int64());
    if (e > limit_bits) return memory_error();
    const mag::Mag head = mag::shift_right(base.magnitude(), bits > 53 ? bits - 53 : 0);
    double top_value = 0;
    for (std::size_t i = head.size(); i-- > 0;) top_value = top_value * BigInt::kBase + head[i];
    const double log2_base = std::log2(top_value) + static_cast<double>(bits > 53 ? bits - 53 : 0);
    if (static_cast<double>(e) * log2_base > static_cast<double>(limit_bits)) return memory_error();
    if (mag::compare(base.magnitude(), mag::shift_left(mag::Mag{1}, bits - 1)) == 0) {
        // A power of two: one shift.
        return BigInt::from_digits(negative, mag::shift_left(mag::Mag{1}, (bits - 1) * e));
    }
    mag::Mag result{1};
    const mag::Mag& b = base.magnitude();
    int top = 63;
    while (((e >> top) & 1) == 0) --top;
    for (int i = top; i >= 0; --i) {
        result = mag::mul(result, result);
        if ((e >> i) & 1) result = mag::mul(result, b);
    }
    return BigInt::from_digits(negative, std::move(result));
}

Result<BigInt> pow_mod(const BigInt& base, const BigInt& exponent, const BigInt& modulus) {
    if (modulus.is_zero()) return value_error("pow() 3rd argument cannot be 0");
    const BigInt m = abs(modulus);
    BigInt b = floor_mod_positive(base, m);
    BigInt e = exponent;
    if (e.is_negative()) {
        if (m == BigInt(1)) return BigInt();
        auto inv = mod_inverse(b, m);
        if (!inv) return value_error("base is not invertible for the given modulus");
        b = std::move(*inv);
        e = -e;
    }
    if (m == BigInt(1)) return BigInt();
    mag::Mag result{1};
    const std::uint64_t ebits = e.bit_length();
    const mag::Mag& em = e.magnitude();
    const mag::Mag& mm = m.magnitude();
    mag::Mag q, r;
    for (std::uint64_t i = ebits; i-- > 0;) {
        mag::div_mod(mag::mul(result, result), mm, q, r);
        result = std::move(r);
        if ((em[i / BigInt::kShift] >> (i % BigInt::kShift)) & 1) {
            mag::div_mod(mag::mul(result, b.magnitude()), mm, q, r);
            result = std::move(r);
        }
    }
    BigInt out = BigInt::from_digits(false, std::move(result));
    if (modulus.is_negative() && !out.is_zero()) out = out - m;
    return out;
}

}  // namespace refscope::lang
