// lang/num/bigint_float.cpp — BigInt and double: float(int), int(float), int / int.
//
// All three are exact or correctly rounded (round half to even), as CPython 3.11 is
// (PyLong_AsDouble, PyLong_FromDouble, long_true_divide). The rounding is done here on integer
// mantissas, never by a chain of floating-point operations.
#include <algorithm>
#include <cmath>

#include "lang/num/bigint.hpp"
#include "lang/num/bigint_mag.hpp"

namespace refscope::lang {

namespace {

constexpr int kMantBits = 53;   // DBL_MANT_DIG
constexpr int kMaxExp = 1024;   // DBL_MAX_EXP: values must stay below 2**1024
constexpr int kMinLsb = -1074;  // exponent of the smallest subnormal
static_assert(kMantBits <= 62, "mantissa arithmetic uses uint64");

std::uint64_t low_u64(const mag::Mag& m) {
    std::uint64_t v = 0;
    for (std::size_t i = std::min<std::size_t>(m.size(), 3); i-- > 0;)
        v = (v << BigInt::kShift) | m[i];
    return v;
}

int bits_of(std::uint64_t v) {
    int n = 0;
    for (; v != 0; v >>= 1) ++n;
    return n;
}

// q * 2**shift rounded to a double, where `sticky` says a non-zero fraction of q's last unit
// was dropped. q < 2**62. Returns +inf on overflow.
double round_scaled(std::uint64_t q, std::int64_t shift, bool sticky) {
    const std::int64_t e = bits_of(q) + shift;  // q * 2**shift < 2**e
    const std::int64_t lsb = std::max<std::int64_t>(e - kMantBits, kMinLsb);
    const std::int64_t drop = lsb - shift;
    std::uint64_t mant = q;
    if (drop > 0) {
        if (drop >= 64) {
            mant = 0;
            // Everything dropped: only a value of at least half the new unit rounds up; with
            // drop >= 64 and q < 2**62 it never is.
        } else {
            mant = q >> drop;
            const std::uint64_t rem = q & ((std::uint64_t{1} << drop) - 1);
            const std::uint64_t half = std::uint64_t{1} << (drop - 1);
            if (rem > half || (rem == half && (sticky || (mant & 1) != 0))) ++mant;
        }
        return std::ldexp(static_cast<double>(mant), static_cast<int>(lsb));
    }
    // Nothing to drop (q already fits the mantissa at this exponent).
    return std::ldexp(static_cast<double>(q), static_cast<int>(shift));
}

}  // namespace

Result<double> BigInt::to_double() const {
    const std::uint64_t bits = bit_length();
    double r = 0.0;
    if (bits <= 62) {
        r = round_scaled(low_u64(mag_), 0, false);
    } else if (bits > static_cast<std::uint64_t>(kMaxExp)) {
        return overflow_error("int too large to convert to float");
    } else {
        const std::uint64_t sh = bits - (kMantBits + 2);  // keep 55 bits
        const mag::Mag top = mag::shift_right(mag_, sh);
        r = round_scaled(low_u64(top), static_cast<std::int64_t>(sh),
                         mag::low_bits_nonzero(mag_, sh));
    }
    if (std::isinf(r)) return overflow_error("int too large to convert to float");
    return negative_ ? -r : r;
}

Result<BigInt> BigInt::from_double(double x) {
    if (std::isnan(x)) return value_error("cannot convert float NaN to integer");
    if (std::isinf(x)) return overflow_error("cannot convert float infinity to integer");
    const double t = std::trunc(x);
    if (std::fabs(t) < 9223372036854775808.0) return BigInt(static_cast<std::int64_t>(t));
    int e = 0;
    const double m = std::frexp(std::fabs(t), &e);  // |t| = m * 2**e, e > 63
    const auto mant = static_cast<std::uint64_t>(std::ldexp(m, kMantBits));
    return from_digits(
        t < 0, mag::shift_left(mag::from_u64(mant), static_cast<std::uint64_t>(e - kMantBits)));
}

Result<double> true_divide(const BigInt& a, const BigInt& b) {
    if (b.is_zero()) return zero_division_error("division by zero");
    const bool negate = a.is_negative() != b.is_negative();
    if (a.is_zero()) return negate ? -0.0 : 0.0;
    const std::uint64_t abits = a.bit_length(), bbits = b.bit_length();
    if (abits <= kMantBits && bbits <= kMantBits) {
        // Both exact as doubles: IEEE division rounds correctly.
        return static_cast<double>(a.to_int64()) / static_cast<double>(b.to_int64());
    }
    const std::int64_t diff = static_cast<std::int64_t>(abits) - static_cast<std::int64_t>(bbits);
    // 2**(diff-1) < |a/b| < 2**(diff+1)
    if (diff > kMaxExp + 1) return overflow_error("integer division result too large for a float");
    if (diff < kMinLsb - 2) return negate ? -0.0 : 0.0;  // |a/b| < 2**-1075: rounds to zero
    // Quotient bits down to 2**shift: 55 or 56 bits for normal results, and at least two bits
    // below the subnormal unit 2**-1074 otherwise.
    const std::int64_t shift = std::max<std::int64_t>(diff, -1021) - (kMantBits + 2);
    mag::Mag num = a.magnitude(), den = b.magnitude();
    if (shift > 0)
        den = mag::shift_left(den, static_cast<std::uint64_t>(shift));
    else
        num = mag::shift_left(num, static_cast<std::uint64_t>(-shift));
    mag::Mag q, r;
    mag::div_mod(num, den, q, r);
    const double v = round_scaled(low_u64(q), shift, !r.empty());
    if (std::isinf(v)) return overflow_error("integer division result too large for a float");
    return negate ? -v : v;
}

}  // namespace refscope::lang
