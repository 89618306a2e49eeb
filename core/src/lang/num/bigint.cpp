// lang/num/bigint.cpp — BigInt: construction, comparison, + - *, floor division, hashing.
#include "lang/num/bigint.hpp"

#include "lang/num/bigint_mag.hpp"

namespace refscope::lang {

namespace {

constexpr std::uint64_t kHashModulus = (std::uint64_t{1} << 61) - 1;  // _PyHASH_MODULUS

BigInt make(bool negative, mag::Mag m) { return BigInt::from_digits(negative, std::move(m)); }

// Signed sum of two magnitudes with signs.
BigInt signed_add(bool an, const mag::Mag& a, bool bn, const mag::Mag& b) {
    if (an == bn) return make(an, mag::add(a, b));
    const int c = mag::compare(a, b);
    if (c == 0) return BigInt();
    if (c > 0) return make(an, mag::sub(a, b));
    return make(bn, mag::sub(b, a));
}

// Truncated division of signed values: q rounds toward zero, r has a's sign.
void trunc_divmod(const BigInt& a, const BigInt& b, BigInt& q, BigInt& r) {
    mag::Mag qm, rm;
    mag::div_mod(a.magnitude(), b.magnitude(), qm, rm);
    q = make(a.is_negative() != b.is_negative(), std::move(qm));
    r = make(a.is_negative(), std::move(rm));
}

// Floor division: adjusts the truncated pair when the remainder's sign differs from b's.
void floor_divmod(const BigInt& a, const BigInt& b, BigInt& q, BigInt& r) {
    trunc_divmod(a, b, q, r);
    if (!r.is_zero() && r.is_negative() != b.is_negative()) {
        q = q - BigInt(1);
        r = r + b;
    }
}

}  // namespace

BigInt::BigInt(std::int64_t v) {
    negative_ = v < 0;
    // Negate in unsigned arithmetic so INT64_MIN works.
    const std::uint64_t u =
        negative_ ? ~static_cast<std::uint64_t>(v) + 1 : static_cast<std::uint64_t>(v);
    mag_ = mag::from_u64(u);
}

BigInt BigInt::from_uint64(std::uint64_t v) { return from_digits(false, mag::from_u64(v)); }

BigInt BigInt::from_digits(bool negative, std::vector<Digit> magnitude) {
    for (const Digit d : magnitude) REFSCOPE_CHECK(d < kBase, "BigInt digit out of range");
    BigInt r;
    r.mag_ = std::move(magnitude);
    mag::trim(r.mag_);
    r.negative_ = negative && !r.mag_.empty();
    return r;
}

bool BigInt::fits_int64() const { return as_int64().has_value(); }

std::optional<std::int64_t> BigInt::as_int64() const {
    if (mag_.size() > 3) return std::nullopt;
    std::uint64_t u = 0;
    for (std::size_t i = mag_.size(); i-- > 0;) u = (u << kShift) | mag_[i];
    if (mag_.size() == 3 && (mag_[2] >> 4) != 0) return std::nullopt;  // >= 2**64
    constexpr std::uint64_t kLimit = std::uint64_t{1} << 63;
    if (negative_) {
        if (u > kLimit) return std::nullopt;
        return static_cast<std::int64_t>(~u + 1);
    }
    if (u >= kLimit) return std::nullopt;
    return static_cast<std::int64_t>(u);
}

std::int64_t BigInt::to_int64() const {
    const auto v = as_int64();
    REFSCOPE_CHECK(v.has_value(), "BigInt::to_int64 on a value outside int64");
    return *v;
}

std::uint64_t BigInt::bit_length() const { return mag::bit_length(mag_); }

std::int64_t BigInt::hash() const {
    // |x| mod 2**61-1, most significant digit first: x = x * 2**30 + d. Multiplying by 2**30
    // modulo a Mersenne prime is a rotation of the 61-bit value.
    std::uint64_t h = 0;
    for (std::size_t i = mag_.size(); i-- > 0;) {
        h = ((h << kShift) & kHashModulus) | (h >> (61 - kShift));
        h += mag_[i];
        if (h >= kHashModulus) h -= kHashModulus;
    }
    std::int64_t s = static_cast<std::int64_t>(h);
    if (negative_) s = -s;
    return s == -1 ? -2 : s;
}

BigInt BigInt::operator-() const {
    BigInt r = *this;
    r.negative_ = !negative_ && !mag_.empty();
    return r;
}

BigInt operator+(const BigInt& a, const BigInt& b) {
    return signed_add(a.negative_, a.mag_, b.negative_, b.mag_);
}

BigInt operator-(const BigInt& a, const BigInt& b) {
    return signed_add(a.negative_, a.mag_, !b.negative_, b.mag_);
}

BigInt operator*(const BigInt& a, const BigInt& b) {
    return make(a.negative_ != b.negative_, mag::mul(a.mag_, b.mag_));
}

std::strong_ordering operator<=>(const BigInt& a, const BigInt& b) {
    if (a.negative_ != b.negative_) {
        return a.negative_ ? std::strong_ordering::less : std::strong_ordering::greater;
    }
    int c = mag::compare(a.mag_, b.mag_);
    if (a.negative_) c = -c;
    return c < 0 ? std::strong_ordering::less
                 : (c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal);
}

BigInt abs(const BigInt& x) { return x.is_negative() ? -x : x; }

Result<BigInt> checked_mul(const BigInt& a, const BigInt& b) {
    if (a.ndigits() + b.ndigits() > BigInt::kMaxDigits + 1) return memory_error();
    BigInt r = a * b;
    if (r.ndigits() > BigInt::kMaxDigits) return memory_error();
    return r;
}

Result<BigInt> floordiv(const BigInt& a, const BigInt& b) {
    if (b.is_zero()) return zero_division_error("integer division or modulo by zero");
    BigInt q, r;
    floor_divmod(a, b, q, r);
    return q;
}

Result<BigInt> mod(const BigInt& a, const BigInt& b) {
    if (b.is_zero()) return zero_division_error("integer modulo by zero");
    BigInt q, r;
    floor_divmod(a, b, q, r);
    return r;
}

Result<std::pair<BigInt, BigInt>> divmod(const BigInt& a, const BigInt& b) {
    if (b.is_zero()) return zero_division_error("integer division or modulo by zero");
    BigInt q, r;
    floor_divmod(a, b, q, r);
    return std::pair<BigInt, BigInt>(std::move(q), std::move(r));
}

BigInt gcd(const BigInt& a, const BigInt& b) {
    mag::Mag x = a.magnitude(), y = b.magnitude();
    while (!y.empty()) {
        mag::Mag q, r;
        mag::div_mod(x, y, q, r);
        x = std::move(y);
        y = std::move(r);
    }
    return make(false, std::move(x));
}

Result<BigInt> round_ndigits(const BigInt& x, const BigInt& ndigits) {
    if (!ndigits.is_negative() || x.is_zero()) return x;
    // 10**-ndigits exceeds 2|x| once it has more digits than |x|: the result is 0.
    const BigInt places = -ndigits;
    const std::uint64_t x_decimal_digits_bound = x.bit_length() * 30103 / 100000 + 2;
    if (!places.fits_int64() ||
        static_cast<std::uint64_t>(places.to_int64()) > x_decimal_digits_bound) {
        return BigInt();
    }
    Result<BigInt> p = pow(BigInt(10), places);
    if (!p.ok()) return p.error();
    const BigInt& unit = p.value();
    BigInt q, r;
    floor_divmod(x, unit, q, r);  // 0 <= r < unit
    // Round half to even: compare 2r with unit.
    const auto c = (r + r) <=> unit;
    if (c > 0 || (c == 0 && q.is_odd())) q = q + BigInt(1);
    return q * unit;
}

}  // namespace refscope::lang
