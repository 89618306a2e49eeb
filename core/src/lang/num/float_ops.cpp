// lang/num/float_ops.cpp — float //, %, divmod, **, round, hash (see float_ops.hpp).
#include "lang/num/float_ops.hpp"

namespace refscope::lang {

namespace {

constexpr std::uint64_t kHashModulus = (std::uint64_t{1} << 61) - 1;
constexpr int kHashBits = 61;
constexpr std::int64_t kHashInf = 314159;
// Beyond these, round(x, n) is x itself or a zero: 10**-324 is below half the smallest
// subnormal, and 10**309 is above twice the largest double.
constexpr std::int64_t kRoundDigitsMax = 323;
constexpr std::int64_t kRoundDigitsMin = -308;

// x % y and x // y for y != 0, Python's way: the remainder from fmod (exact) moved to y's
// sign, the quotient from the exact difference, snapped to the nearer integer.
void floor_divmod(double x, double y, double& quotient, double& remainder) {
    double rem = std::fmod(x, y);
    double div = (x - rem) / y;  // close to an integer
    if (rem != 0.0) {
        if ((y < 0) != (rem < 0)) {
            rem += y;
            div -= 1.0;
        }
    } else {
        rem = std::copysign(0.0, y);
    }
    double fl = 0.0;
    if (div != 0.0) {
        fl = std::floor(div);
        if (div - fl > 0.5) fl += 1.0;
    } else {
        fl = std::copysign(0.0, x / y);
    }
    quotient = fl;
    remainder = rem;
}

std::uint64_t rotate61(std::uint64_t h, int r) {
    if (r == 0) return h;
    return ((h << r) & kHashModulus) | (h >> (kHashBits - r));
}

// x = mantissa * 2**exponent exactly, mantissa a 53-bit integer (x finite, non-zero).
void decompose(double x, BigInt& mantissa, std::int64_t& exponent) {
    int e = 0;
    const double m = std::frexp(x, &e);
    mantissa = BigInt(static_cast<std::int64_t>(std::ldexp(m, 53)));
    exponent = e - 53;
}

// num / den rounded half to even (den > 0).
BigInt round_half_even(const BigInt& num, const BigInt& den) {
    auto [q, r] = divmod(num, den).value();
    const auto c = (r + r) <=> den;
    if (c > 0 || (c == 0 && q.is_odd())) q = q + BigInt(1);
    return q;
}

BigInt pow10(std::int64_t n) { return pow(BigInt(10), BigInt(n)).value(); }

}  // namespace

Result<double> float_truediv(double x, double y) {
    if (y == 0.0) return zero_division_error("float division by zero");
    return x / y;
}

Result<double> float_floordiv(double x, double y) {
    if (y == 0.0) return zero_division_error("float floor division by zero");
    double q = 0, r = 0;
    floor_divmod(x, y, q, r);
    return q;
}

Result<double> float_mod(double x, double y) {
    if (y == 0.0) return zero_division_error("float modulo");
    double q = 0, r = 0;
    floor_divmod(x, y, q, r);
    return r;
}

Result<std::pair<double, double>> float_divmod(double x, double y) {
    if (y == 0.0) return zero_division_error("float divmod()");
    double q = 0, r = 0;
    floor_divmod(x, y, q, r);
    return std::pair<double, double>(q, r);
}

bool float_pow_needs_complex(double x, double y) {
    return std::isfinite(x) && x < 0 && std::isfinite(y) && y != std::floor(y);
}

Result<double> float_pow(double x, double y) {
    if (y == 0.0) return 1.0;  // even for NaN
    if (std::isnan(x)) return x;
    if (std::isnan(y)) return x == 1.0 ? 1.0 : y;
    if (x == 0.0 && y < 0.0 && std::isfinite(y)) {
        return zero_division_error("0.0 cannot be raised to a negative power");
    }
    if (float_pow_needs_complex(x, y)) {
        return value_error("negative number cannot be raised to a fractional power");
    }
    const double r = std::pow(x, y);
    if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) {
        return overflow_error("(34, 'Numerical result out of range')");
    }
    return r;
}

Result<BigInt> float_round_to_int(double x) {
    if (std::isnan(x)) return value_error("cannot convert float NaN to integer");
    if (std::isinf(x)) return overflow_error("cannot convert float infinity to integer");
    double f = std::floor(x);
    const double diff = x - f;  // exact
    if (diff > 0.5 || (diff == 0.5 && std::fmod(f, 2.0) != 0.0)) f += 1.0;
    return BigInt::from_double(f);
}

Result<double> float_round(double x, std::int64_t ndigits) {
    if (!std::isfinite(x) || x == 0.0 || ndigits > kRoundDigitsMax) return x;
    if (ndigits < kRoundDigitsMin) return std::copysign(0.0, x);
    BigInt m;
    std::int64_t k = 0;
    decompose(x, m, k);  // x = m * 2**k
    double r = 0.0;
    if (ndigits >= 0) {
        // N = round(m * 2**k * 10**n); result N / 10**n.
        const BigInt scale = pow10(ndigits);
        BigInt n = m * scale;
        if (k >= 0)
            n = lshift(n, BigInt(k)).value();
        else
            n = round_half_even(n, lshift(BigInt(1), BigInt(-k)).value());
        r = true_divide(n, scale).value();  // |result| <= |x| + 0.5: never overflows
    } else {
        // N = round(m * 2**k / 10**-n); result N * 10**-n.
        const BigInt unit = pow10(-ndigits);
        const BigInt n = k >= 0 ? round_half_even(lshift(m, BigInt(k)).value(), unit)
                                : round_half_even(m, unit * lshift(BigInt(1), BigInt(-k)).value());
        const Result<double> v = (n * unit).to_double();
        if (!v.ok()) return overflow_error("rounded value too large to represent");
        r = v.value();
    }
    return r == 0.0 ? std::copysign(0.0, x) : r;
}

std::int64_t pointer_hash(std::uint64_t address) {
    const std::uint64_t y = (address >> 4) | (address << 60);
    const auto h = static_cast<std::int64_t>(y);
    return h == -1 ? -2 : h;
}

std::int64_t float_hash(double x, std::uint64_t address) {
    if (std::isnan(x)) return pointer_hash(address);
    if (std::isinf(x)) return x > 0 ? kHashInf : -kHashInf;
    if (x == 0.0) return 0;
    int e = 0;
    const double m = std::frexp(std::fabs(x), &e);
    const auto mant = static_cast<std::uint64_t>(std::ldexp(m, 53));  // |x| = mant * 2**(e-53)
    std::uint64_t h = mant % kHashModulus;
    const int r = static_cast<int>((((e - 53) % kHashBits) + kHashBits) % kHashBits);
    h = rotate61(h, r);  // * 2**(e-53) modulo 2**61 - 1
    std::int64_t s = static_cast<std::int64_t>(h);
    if (x < 0) s = -s;
    return s == -1 ? -2 : s;
}

std::optional<int> compare_int_float(const BigInt& i, double x) {
    if (std::isnan(x)) return std::nullopt;
    if (std::isinf(x)) return x > 0 ? -1 : 1;
    const double f = std::floor(x);
    const BigInt fi = BigInt::from_double(f).value();
    const auto c = i <=> fi;
    if (c < 0) return -1;
    if (c > 0) return 1;
    return f == x ? 0 : -1;  // i == floor(x) < x
}

}  // namespace refscope::lang
