// lang/num/float_format.cpp — digits of a double and Python's layouts for them.
#include "lang/num/float_format.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "refscope/errors.hpp"

namespace refscope::lang {

namespace {

constexpr int kMaxSignificant = 17;  // every double round-trips with 17 significant digits

std::string sprintf_double(const char* fmt, int precision, double x) {
    const int n = std::snprintf(nullptr, 0, fmt, precision, x);
    REFSCOPE_CHECK(n > 0, "snprintf failed on a double");
    std::string s(static_cast<std::size_t>(n) + 1, '\0');
    std::snprintf(s.data(), s.size(), fmt, precision, x);
    s.resize(static_cast<std::size_t>(n));
    return s;
}

// "d.ddde+XX" (from %.*e) to digits and decimal point.
DecimalDigits parse_exponent_form(const std::string& s) {
    DecimalDigits d;
    d.digits.clear();
    std::size_t i = 0;
    for (; i < s.size() && s[i] != 'e'; ++i) {
        if (s[i] >= '0' && s[i] <= '9') d.digits.push_back(s[i]);
    }
    REFSCOPE_CHECK(i < s.size(), "%e output without an exponent");
    d.decpt = std::atoi(s.c_str() + i + 1) + 1;
    return d;
}

bool reads_back(const DecimalDigits& d, double x) {
    const std::string text = "0." + d.digits + "e" + std::to_string(d.decpt);
    return std::strtod(text.c_str(), nullptr) == x;
}

// The next larger number with as many significant digits (9.99 -> 10.0 keeps the count by
// moving the point).
DecimalDigits increment(DecimalDigits d) {
    std::size_t i = d.digits.size();
    while (i > 0 && d.digits[i - 1] == '9') d.digits[--i] = '0';
    if (i == 0) {
        d.digits.insert(d.digits.begin(), '1');
        d.digits.pop_back();
        ++d.decpt;
    } else {
        ++d.digits[i - 1];
    }
    return d;
}

void strip_trailing_zeros(std::string& digits) {
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
}

std::string exponent_suffix(int exp, char e) {
    std::string s(1, e);
    s.push_back(exp < 0 ? '-' : '+');
    const int a = exp < 0 ? -exp : exp;
    if (a < 10) s.push_back('0');
    s += std::to_string(a);
    return s;
}

// d1[.d2...]e±XX
std::string layout_exponent(const DecimalDigits& d, bool force_point, char e) {
    std::string s(1, d.digits[0]);
    if (d.digits.size() > 1 || force_point) s.push_back('.');
    s.append(d.digits, 1, std::string::npos);
    return s + exponent_suffix(d.decpt - 1, e);
}

// Fixed notation. An integral result gets ".0" with add_dot_0, else "." with force_point.
std::string layout_fixed(const DecimalDigits& d, bool force_point, bool add_dot_0) {
    const int n = static_cast<int>(d.digits.size());
    std::string int_part, frac;
    if (d.decpt <= 0) {
        int_part = "0";
        frac = std::string(static_cast<std::size_t>(-d.decpt), '0') + d.digits;
    } else if (d.decpt >= n) {
        int_part = d.digits + std::string(static_cast<std::size_t>(d.decpt - n), '0');
    } else {
        int_part = d.digits.substr(0, static_cast<std::size_t>(d.decpt));
        frac = d.digits.substr(static_cast<std::size_t>(d.decpt));
    }
    if (!frac.empty()) return int_part + "." + frac;
    if (add_dot_0) return int_part + ".0";
    return force_point ? int_part + "." : int_part;
}

bool is_upper(char type) { return type == 'E' || type == 'F' || type == 'G'; }

}  // namespace

DecimalDigits significant_digits(double x, int n) {
    REFSCOPE_CHECK(n >= 1, "significant_digits needs at least one digit");
    return parse_exponent_form(sprintf_double("%.*e", n - 1, std::fabs(x)));
}

DecimalDigits shortest_digits(double x) {
    x = std::fabs(x);
    if (x == 0.0) return {"0", 1};
    for (int p = 1; p < kMaxSignificant; ++p) {
        DecimalDigits d = significant_digits(x, p);
        if (reads_back(d, x)) {
            strip_trailing_zeros(d.digits);
            return d;
        }
        // Just above a power of two the gap below x is half the gap above, so the nearest
        // p-digit decimal may miss while the next one up still reads back as x.
        d = increment(d);
        if (reads_back(d, x)) {
            strip_trailing_zeros(d.digits);
            return d;
        }
    }
    DecimalDigits d = significant_digits(x, kMaxSignificant);
    strip_trailing_zeros(d.digits);
    return d;
}

std::string format_float_body(double x, char type, int precision, unsigned flags) {
    const bool alt = (flags & kFloatAlt) != 0;
    const bool add_dot_0 = (flags & kFloatAddDot0) != 0;
    const bool upper = is_upper(type);
    if (std::isnan(x)) return upper ? "NAN" : "nan";
    if (std::isinf(x)) return upper ? "INF" : "inf";
    const double a = std::fabs(x);
    const char e = upper ? 'E' : 'e';
    switch (type) {
        case 'e':
        case 'E': return layout_exponent(significant_digits(a, precision + 1), alt, e);
        case 'f':
        case 'F': {
            std::string s = sprintf_double("%.*f", precision, a);
            if (alt && precision == 0) s.push_back('.');
            return s;
        }
        case 'g':
        case 'G': {
            const int p = precision == 0 ? 1 : precision;
            DecimalDigits d = significant_digits(a, p);
            if (!alt) strip_trailing_zeros(d.digits);
            const bool use_exp = d.decpt <= -4 || d.decpt > (add_dot_0 ? p - 1 : p);
            return use_exp ? layout_exponent(d, alt, e) : layout_fixed(d, alt, add_dot_0);
        }
        case 'r': {
            const DecimalDigits d = shortest_digits(a);
            const bool use_exp = d.decpt <= -4 || d.decpt > 16;
            return use_exp ? layout_exponent(d, alt, 'e') : layout_fixed(d, alt, add_dot_0);
        }
        default: throw InvariantError(std::string("format_float_body: unknown type ") + type);
    }
}

std::string repr_float(double x) {
    std::string body = format_float_body(x, 'r', 0, kFloatAddDot0);
    return std::signbit(x) && !std::isnan(x) ? "-" + body : body;
}

std::string float_hex(double x) {
    if (std::isnan(x)) return "nan";
    if (std::isinf(x)) return x < 0 ? "-inf" : "inf";
    const std::string sign = std::signbit(x) ? "-" : "";
    if (x == 0.0) return sign + "0x0.0p+0";
    std::uint64_t bits = 0;
    static_assert(sizeof bits == sizeof x, "double is 64 bits");
    std::memcpy(&bits, &x, sizeof bits);
    const int biased = static_cast<int>((bits >> 52) & 0x7FF);
    const std::uint64_t frac = bits & ((std::uint64_t{1} << 52) - 1);
    char buf[40];
    if (biased == 0) {  // subnormal: 0x0.<frac>p-1022
        std::snprintf(buf, sizeof buf, "0x0.%013llxp-1022", static_cast<unsigned long long>(frac));
    } else {
        const int exp = biased - 1023;
        std::snprintf(buf, sizeof buf, "0x1.%013llxp%c%d", static_cast<unsigned long long>(frac),
                      exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    }
    return sign + buf;
}

}  // namespace refscope::lang
