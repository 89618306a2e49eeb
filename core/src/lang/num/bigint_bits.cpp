// lang/num/bigint_bits.cpp — shifts and bitwise operators on infinite two's complement.
//
// Python defines & | ^ ~ >> on ints as if each were an infinitely sign-extended two's-
// complement bit string (Objects/longobject.c, long_bitwise). Here each operand is written out
// in two's complement over one digit more than the longer magnitude — enough for the sign —
// combined digit by digit, and converted back.
#include <algorithm>

#include "lang/num/bigint.hpp"
#include "lang/num/bigint_mag.hpp"

namespace refscope::lang {

namespace {

using mag::Digit;
using mag::Mag;

// x in two's complement over `len` digits (len > x.ndigits()).
Mag to_twos(const BigInt& x, std::size_t len) {
    Mag d(len, 0);
    const Mag& m = x.magnitude();
    if (!x.is_negative()) {
        std::copy(m.begin(), m.end(), d.begin());
        return d;
    }
    const Mag m1 = mag::sub(m, Mag{1});  // the bits of x < 0 are ~(|x| - 1)
    for (std::size_t i = 0; i < len; ++i) d[i] = ~(i < m1.size() ? m1[i] : 0) & BigInt::kMask;
    return d;
}

BigInt from_twos(Mag d, bool negative) {
    if (!negative) return BigInt::from_digits(false, std::move(d));
    for (Digit& v : d) v = ~v & BigInt::kMask;  // negative bits d stand for -(~d + 1)
    mag::trim(d);
    return BigInt::from_digits(true, mag::add(d, Mag{1}));
}

template <class Op>
BigInt bitwise(const BigInt& a, const BigInt& b, Op op) {
    const std::size_t len = std::max(a.ndigits(), b.ndigits()) + 1;
    Mag x = to_twos(a, len);
    const Mag y = to_twos(b, len);
    for (std::size_t i = 0; i < len; ++i) x[i] = op(x[i], y[i]) & BigInt::kMask;
    const bool negative = op(a.is_negative() ? 1u : 0u, b.is_negative() ? 1u : 0u) & 1u;
    return from_twos(std::move(x), negative);
}

}  // namespace

BigInt BigInt::operator~() const { return -*this - BigInt(1); }

BigInt operator&(const BigInt& a, const BigInt& b) {
    return bitwise(a, b, [](Digit x, Digit y) { return x & y; });
}
BigInt operator|(const BigInt& a, const BigInt& b) {
    return bitwise(a, b, [](Digit x, Digit y) { return x | y; });
}
BigInt operator^(const BigInt& a, const BigInt& b) {
    return bitwise(a, b, [](Digit x, Digit y) { return x ^ y; });
}

Result<BigInt> lshift(const BigInt& a, const BigInt& n) {
    if (n.is_negative()) return value_error("negative shift count");
    if (a.is_zero()) return BigInt();
    const std::uint64_t limit_bits =
        static_cast<std::uint64_t>(BigInt::kMaxDigits) * BigInt::kShift;
    if (!n.fits_int64() || static_cast<std::uint64_t>(n.to_int64()) + a.bit_length() > limit_bits) {
        return memory_error();
    }
    return BigInt::from_digits(
        a.is_negative(), mag::shift_left(a.magnitude(), static_cast<std::uint64_t>(n.to_int64())));
}

Result<BigInt> rshift(const BigInt& a, const BigInt& n) {
    if (n.is_negative()) return value_error("negative shift count");
    if (!n.fits_int64() || static_cast<std::uint64_t>(n.to_int64()) >= a.bit_length()) {
        return a.is_negative() ? BigInt(-1) : BigInt();
    }
    const auto count = static_cast<std::uint64_t>(n.to_int64());
    Mag q = mag::shift_right(a.magnitude(), count);
    if (a.is_negative() && mag::low_bits_nonzero(a.magnitude(), count)) q = mag::add(q, Mag{1});
    return BigInt::from_digits(a.is_negative(), std::move(q));
}

}  // namespace refscope::lang
