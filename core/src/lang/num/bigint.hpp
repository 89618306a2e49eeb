// lang/num/bigint.hpp — Python's int: an arbitrary-precision signed integer.
//
// Models CPython 3.11's PyLongObject (Objects/longobject.c, Include/cpython/longintrepr.h) as a
// value: the magnitude is stored in 30-bit digits, least significant first, exactly as CPython
// stores it on 64-bit builds, so ndigits() is CPython's |ob_size| and sizes int objects
// (3.11: request = 32 + 4 * (max(1, ndigits) - 1); the caller applies the max). The results of
// every operation — values, rounding, signs and error messages — are CPython 3.11.7's; the
// algorithms are our own (schoolbook with Karatsuba above a cutoff, Knuth's division).
//
// Glossary
//   digit       one 30-bit limb (std::uint32_t holding 0..2^30-1).
//   magnitude   |x| as digits, least significant first, with no leading (most significant)
//               zero digit; zero is the empty magnitude.
//   floor ops   //, % and divmod round the quotient toward minus infinity, so the remainder has
//               the sign of the divisor (Python's rule, unlike C's truncation).
//   two's complement semantics
//               & | ^ ~ >> act as if both operands were infinite two's-complement bit strings.
//
// Invariants
//   1. mag_ has no most-significant zero digit; every digit is < kBase.
//   2. Zero is never negative (negative_ implies !mag_.empty()).
//   3. Operations that can produce huge results (pow, <<, checked_mul) refuse, with a bare
//      MemoryError, to build more than kMaxDigits digits — where CPython would try to allocate.
//
// Tunables
//   kMaxDigits     2^17 digits (3,932,160 bits, about 1.18 million decimal digits): large
//                  enough for any program a visualizer shows, small enough that one
//                  Karatsuba product of that size stays well under a second.
//   kMaxStrDigits  4300: sys.get_int_max_str_digits() default in 3.11.7 (CVE-2020-10735), the
//                  limit for str(int) and int(str) in bases that are not powers of two.
//
// Costs (n digits): + - and shifts O(n); * schoolbook below 48 digits, Karatsuba above
// (2**10000 takes well under a millisecond); // % divmod and str() in base 10 are quadratic
// (a 3000-digit str() is ~0.2 ms, but dividing two 50,000-digit numbers takes seconds).
// + - * themselves never refuse a size; checked_mul does.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lang/num/py_result.hpp"

namespace refscope::lang {

class BigInt {
public:
    using Digit = std::uint32_t;
    static constexpr int kShift = 30;
    static constexpr Digit kBase = Digit{1} << kShift;
    static constexpr Digit kMask = kBase - 1;
    static constexpr std::size_t kMaxDigits = std::size_t{1} << 17;
    static constexpr int kMaxStrDigits = 4300;
    static_assert(kShift * 2 + 2 <= 64, "digit products plus carries must fit in 64 bits");
    static_assert(kMaxDigits * kShift < (std::size_t{1} << 31),
                  "bit counts of the largest int must fit a 32-bit size_t (wasm32)");

    BigInt() = default;
    BigInt(std::int64_t v);  // NOLINT(google-explicit-constructor): ints convert freely
    static BigInt from_int64(std::int64_t v) { return BigInt(v); }
    static BigInt from_uint64(std::uint64_t v);
    // From a magnitude in 30-bit digits (least significant first); normalizes.
    static BigInt from_digits(bool negative, std::vector<Digit> magnitude);

    // A Python int literal as the tokenizer accepts it: decimal without leading zeros (except
    // all zeros), 0x/0o/0b (any case), single underscores between digits and after a prefix.
    // No sign, no whitespace. nullopt when the text is not such a literal.
    static std::optional<BigInt> from_literal(std::string_view text);
    // int(text, base) without the digit limit: UTF-8 text, surrounding whitespace, a sign,
    // underscores, base 0 or 2..36, Unicode decimal digits. nullopt when int() would raise
    // (see parse_int below for the exact error).
    static std::optional<BigInt> from_string(std::string_view text, int base);
    // int(x) for a float: truncates toward zero. ValueError for NaN, OverflowError for inf.
    static Result<BigInt> from_double(double x);

    bool is_zero() const { return mag_.empty(); }
    bool is_negative() const { return negative_; }
    bool is_odd() const { return !mag_.empty() && (mag_[0] & 1) != 0; }
    int sign() const { return mag_.empty() ? 0 : (negative_ ? -1 : 1); }
    // CPython's |ob_size|: 0 for zero.
    std::uint32_t ndigits() const { return static_cast<std::uint32_t>(mag_.size()); }
    const std::vector<Digit>& magnitude() const { return mag_; }

    bool fits_int64() const;
    std::int64_t to_int64() const;  // precondition: fits_int64()
    std::optional<std::int64_t> as_int64() const;
    // float(x), correctly rounded (half to even). OverflowError "int too large to convert to
    // float" when the rounded value is 2**1024 or more.
    Result<double> to_double() const;
    // int.bit_length(): bits of |x|, 0 for zero.
    std::uint64_t bit_length() const;

    // str(x) / repr(x), with no digit limit.
    std::string to_decimal() const;
    // str(x) with sys.int_max_str_digits: ValueError "Exceeds the limit (4300 digits) ..."
    // when |x| has more decimal digits than the limit (0 disables the limit).
    Result<std::string> to_decimal_limited(int max_str_digits = kMaxStrDigits) const;
    // bin() / oct() / hex() (base 2, 8, 16: '-0xff' style prefixes) and str() for base 10.
    std::string to_string(int base) const;
    // Bare digits in any base 2..36 with a leading '-' for negatives, no prefix.
    std::string to_digits(int base, bool upper = false) const;

    // hash(x) as CPython 3.11 on 64-bit builds: |x| mod (2**61 - 1) with x's sign, -1 -> -2.
    std::int64_t hash() const;

    BigInt operator-() const;
    BigInt operator~() const;
    friend BigInt operator+(const BigInt& a, const BigInt& b);
    friend BigInt operator-(const BigInt& a, const BigInt& b);
    friend BigInt operator*(const BigInt& a, const BigInt& b);
    friend BigInt operator&(const BigInt& a, const BigInt& b);
    friend BigInt operator|(const BigInt& a, const BigInt& b);
    friend BigInt operator^(const BigInt& a, const BigInt& b);
    friend std::strong_ordering operator<=>(const BigInt& a, const BigInt& b);
    friend bool operator==(const BigInt& a, const BigInt& b) = default;

private:
    bool negative_ = false;
    std::vector<Digit> mag_;
};

BigInt abs(const BigInt& x);

// a * b, refusing (MemoryError) a product of more than kMaxDigits digits.
Result<BigInt> checked_mul(const BigInt& a, const BigInt& b);
// a // b, a % b, divmod(a, b) with floor rounding. ZeroDivisionError messages are CPython's:
// "integer division or modulo by zero" (// and divmod), "integer modulo by zero" (%).
Result<BigInt> floordiv(const BigInt& a, const BigInt& b);
Result<BigInt> mod(const BigInt& a, const BigInt& b);
Result<std::pair<BigInt, BigInt>> divmod(const BigInt& a, const BigInt& b);
// a / b, correctly rounded. ZeroDivisionError "division by zero"; OverflowError "integer
// division result too large for a float".
Result<double> true_divide(const BigInt& a, const BigInt& b);
// a ** e for e >= 0 (a negative exponent is the caller's float path; it is a precondition
// here). MemoryError when the result would exceed kMaxDigits.
Result<BigInt> pow(const BigInt& base, const BigInt& exponent);
// pow(a, e, m): ValueError "pow() 3rd argument cannot be 0"; a negative e uses the inverse of
// a modulo m, ValueError "base is not invertible for the given modulus" when there is none.
// The result has the sign of m (it is a floor remainder).
Result<BigInt> pow_mod(const BigInt& base, const BigInt& exponent, const BigInt& modulus);
// a << n, a >> n: ValueError "negative shift count"; >> floors (-1 >> 5 == -1).
Result<BigInt> lshift(const BigInt& a, const BigInt& n);
Result<BigInt> rshift(const BigInt& a, const BigInt& n);
// round(x, ndigits) for an int: identity for ndigits >= 0, else round half to even to a
// multiple of 10**-ndigits.
Result<BigInt> round_ndigits(const BigInt& x, const BigInt& ndigits);
// Greatest common divisor (math.gcd): always >= 0.
BigInt gcd(const BigInt& a, const BigInt& b);

// int(text, base) with every CPython check, in CPython's order:
//   ValueError "int() base must be >= 2 and <= 36, or 0"
//   ValueError "invalid literal for int() with base 10: 'abc'"  (repr cut to 200 characters)
//   ValueError "Exceeds the limit (4300 digits) for integer string conversion: value has 5000
//              digits; use sys.set_int_max_str_digits() to increase the limit"
// max_str_digits 0 disables the limit (it never applies to bases 2, 4, 8, 16, 32).
Result<BigInt> parse_int(std::string_view text, int base,
                         int max_str_digits = BigInt::kMaxStrDigits);

}  // namespace refscope::lang
