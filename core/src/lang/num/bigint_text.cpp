// lang/num/bigint_text.cpp — BigInt and text: literals, int(str, base), str, hex, oct, bin.
//
// The scan follows the order in which CPython 3.11.7 reports problems (observed):
//   1. surrounding whitespace and one sign (int() only), then the base prefix;
//   2. the run of digits and underscores: a misplaced underscore is an invalid literal;
//   3. the digit limit (bases that are not powers of two), even when junk follows the run;
//   4. base 0 decimals with a leading zero must be all zeros; then nothing may follow.
#include <algorithm>

#include "lang/num/bigint.hpp"
#include "lang/num/bigint_mag.hpp"
#include "lang/num/numeric_text.hpp"
#include "lang/text/str_repr.hpp"

namespace refscope::lang {

namespace {

enum class Scan { ok, invalid, too_long };

struct ScanResult {
    Scan status = Scan::invalid;
    BigInt value;
    std::size_t ndigits = 0;
};

int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_power_of_two(int base) { return (base & (base - 1)) == 0; }

// Digits (values, most significant first) to a magnitude.
mag::Mag digits_to_mag(const std::vector<std::uint8_t>& digits, int base) {
    mag::Mag m;
    if (is_power_of_two(base)) {
        int bits = 0;
        while ((1 << bits) < base) ++bits;
        std::uint64_t acc = 0;
        int acc_bits = 0;
        for (std::size_t i = digits.size(); i-- > 0;) {
            acc |= static_cast<std::uint64_t>(digits[i]) << acc_bits;
            acc_bits += bits;
            if (acc_bits >= BigInt::kShift) {
                m.push_back(static_cast<BigInt::Digit>(acc & BigInt::kMask));
                acc >>= BigInt::kShift;
                acc_bits -= BigInt::kShift;
            }
        }
        m.push_back(static_cast<BigInt::Digit>(acc));
        mag::trim(m);
        return m;
    }
    // Groups of g digits: base**g < 2**30.
    int g = 1;
    BigInt::Digit group_base = static_cast<BigInt::Digit>(base);
    while (static_cast<std::uint64_t>(group_base) * base < BigInt::kBase) {
        group_base *= static_cast<BigInt::Digit>(base);
        ++g;
    }
    std::size_t i = 0;
    const std::size_t first = digits.size() % g == 0 ? g : digits.size() % g;
    for (std::size_t len = first; i < digits.size(); len = g) {
        BigInt::Digit chunk = 0, scale = 1;
        for (std::size_t k = 0; k < len; ++k, ++i) {
            chunk = chunk * base + digits[i];
            scale *= static_cast<BigInt::Digit>(base);
        }
        m = mag::mul_add_small(m, scale, chunk);
    }
    return m;
}

// int(s, base) / literal scan on ASCII text.
ScanResult scan_int(std::string_view s, int base, bool literal, int max_str_digits) {
    ScanResult res;
    const std::size_t n = s.size();
    std::size_t i = 0;
    if (!literal) {
        while (i < n && is_numeric_space(s[i])) ++i;
    }
    bool negative = false;
    if (!literal && i < n && (s[i] == '+' || s[i] == '-')) {
        negative = s[i] == '-';
        ++i;
    }
    bool zero_led_decimal = false;
    bool after_prefix = false;
    const auto prefix_base = [&](char p) {
        return p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
    };
    if (base == 0) {
        if (i < n && s[i] == '0') {
            const int pb = i + 1 < n ? prefix_base(lower(s[i + 1])) : 0;
            if (pb != 0) {
                base = pb;
                i += 2;
                after_prefix = true;
            } else {
                base = 10;
                zero_led_decimal = true;
            }
        } else {
            base = 10;
        }
    } else if (i + 1 < n && s[i] == '0' && (base == 16 || base == 8 || base == 2) &&
               prefix_base(lower(s[i + 1])) == base) {
        i += 2;
        after_prefix = true;
    }

    std::vector<std::uint8_t> digits;
    bool underscore_ok = after_prefix;  // "0x_1" is valid, "_1" is not
    bool pending_underscore = false;
    for (; i < n; ++i) {
        if (s[i] == '_') {
            if (!underscore_ok) return res;
            underscore_ok = false;
            pending_underscore = true;
            continue;
        }
        const int d = digit_value(s[i]);
        if (d >= base) break;
        digits.push_back(static_cast<std::uint8_t>(d));
        underscore_ok = true;
        pending_underscore = false;
    }
    if (pending_underscore || digits.empty()) return res;
    res.ndigits = digits.size();
    if (max_str_digits > 0 && !is_power_of_two(base) &&
        digits.size() > static_cast<std::size_t>(max_str_digits)) {
        res.status = Scan::too_long;
        return res;
    }
    if (zero_led_decimal &&
        std::any_of(digits.begin(), digits.end(), [](std::uint8_t d) { return d != 0; })) {
        return res;
    }
    if (!literal) {
        while (i < n && is_numeric_space(s[i])) ++i;
    }
    if (i != n) return res;
    res.value = BigInt::from_digits(negative, digits_to_mag(digits, base));
    res.status = Scan::ok;
    return res;
}

constexpr char kDigitChars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

// Most significant first, no sign; "0" for zero.
std::string magnitude_digits(const mag::Mag& m, int base, bool upper) {
    if (m.empty()) return "0";
    std::string out;
    const auto digit_char = [&](unsigned d) {
        const char c = kDigitChars[d];
        return upper && c >= 'a' ? static_cast<char>(c - 'a' + 'A') : c;
    };
    if (is_power_of_two(base)) {
        int bits = 0;
        while ((1 << bits) < base) ++bits;
        const std::uint64_t total = mag::bit_length(m);
        const std::uint64_t count = (total + bits - 1) / bits;
        out.reserve(static_cast<std::size_t>(count));
        for (std::uint64_t k = count; k-- > 0;) {
            const std::uint64_t bit = k * bits;
            unsigned v = 0;
            for (int b = bits - 1; b >= 0; --b) {
                const std::uint64_t pos = bit + b;
                const std::size_t di = static_cast<std::size_t>(pos / BigInt::kShift);
                const unsigned bitv = di < m.size() ? (m[di] >> (pos % BigInt::kShift)) & 1 : 0;
                v = (v << 1) | bitv;
            }
            out.push_back(digit_char(v));
        }
        return out;
    }
    int g = 1;
    BigInt::Digit group_base = static_cast<BigInt::Digit>(base);
    while (static_cast<std::uint64_t>(group_base) * base < BigInt::kBase) {
        group_base *= static_cast<BigInt::Digit>(base);
        ++g;
    }
    mag::Mag q = m;
    std::vector<BigInt::Digit> groups;  // least significant first
    while (!q.empty()) groups.push_back(mag::div_small_inplace(q, group_base));
    for (std::size_t gi = groups.size(); gi-- > 0;) {
        char buf[32];
        int len = 0;
        for (BigInt::Digit v = groups[gi]; v != 0; v /= static_cast<BigInt::Digit>(base)) {
            buf[len++] = digit_char(v % static_cast<BigInt::Digit>(base));
        }
        if (gi + 1 != groups.size()) {
            while (len < g) buf[len++] = '0';  // inner groups are zero-padded
        }
        while (len > 0) out.push_back(buf[--len]);
    }
    return out;
}

const char kLimitToStr[] =
    "Exceeds the limit (%d digits) for integer string conversion; "
    "use sys.set_int_max_str_digits() to increase the limit";

}  // namespace

std::optional<BigInt> BigInt::from_literal(std::string_view text) {
    ScanResult r = scan_int(text, 0, true, 0);
    if (r.status != Scan::ok) return std::nullopt;
    return std::move(r.value);
}

std::optional<BigInt> BigInt::from_string(std::string_view text, int base) {
    if (base != 0 && (base < 2 || base > 36)) return std::nullopt;
    ScanResult r = scan_int(numeric_ascii(text), base, false, 0);
    if (r.status != Scan::ok) return std::nullopt;
    return std::move(r.value);
}

Result<BigInt> parse_int(std::string_view text, int base, int max_str_digits) {
    if (base != 0 && (base < 2 || base > 36)) {
        return value_error("int() base must be >= 2 and <= 36, or 0");
    }
    ScanResult r = scan_int(numeric_ascii(text), base, false, max_str_digits);
    switch (r.status) {
        case Scan::ok: return std::move(r.value);
        case Scan::too_long:
            return value_error("Exceeds the limit (" + std::to_string(max_str_digits) +
                               " digits) for integer string conversion: value has " +
                               std::to_string(r.ndigits) +
                               " digits; use sys.set_int_max_str_digits() to increase the limit");
        case Scan::invalid: break;
    }
    return value_error("invalid literal for int() with base " + std::to_string(base) + ": " +
                       repr_str_truncated(text, 200));
}

std::string BigInt::to_digits(int base, bool upper) const {
    REFSCOPE_CHECK(base >= 2 && base <= 36, "BigInt::to_digits: base out of range");
    std::string digits = magnitude_digits(mag_, base, upper);
    return negative_ ? "-" + digits : digits;
}

std::string BigInt::to_decimal() const { return to_digits(10); }

Result<std::string> BigInt::to_decimal_limited(int max_str_digits) const {
    if (max_str_digits > 0) {
        // A cheap lower bound on the digit count first: floor((bits-1) * log10(2)) + 1.
        const std::uint64_t bits = bit_length();
        const std::uint64_t at_least = bits == 0 ? 1 : (bits - 1) * 30102 / 100000 + 1;
        const auto limit = static_cast<std::uint64_t>(max_str_digits);
        if (at_least > limit) {
            std::string m = kLimitToStr;
            return value_error(m.replace(m.find("%d"), 2, std::to_string(max_str_digits)));
        }
        std::string digits = magnitude_digits(mag_, 10, false);
        if (digits.size() > limit) {
            std::string m = kLimitToStr;
            return value_error(m.replace(m.find("%d"), 2, std::to_string(max_str_digits)));
        }
        return negative_ ? "-" + digits : digits;
    }
    return to_decimal();
}

std::string BigInt::to_string(int base) const {
    const char* prefix = base == 2 ? "0b" : base == 8 ? "0o" : base == 16 ? "0x" : "";
    REFSCOPE_CHECK(base == 2 || base == 8 || base == 10 || base == 16,
                   "BigInt::to_string: base must be 2, 8, 10 or 16");
    std::string out = negative_ ? "-" : "";
    out += prefix;
    out += magnitude_digits(mag_, base, false);
    return out;
}

}  // namespace refscope::lang
