// lang/num/float_parse.cpp — float(str) and float literals (see float_parse.hpp).
#include "lang/num/float_parse.hpp"

#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

#include "lang/num/numeric_text.hpp"
#include "lang/text/str_repr.hpp"

namespace refscope::lang {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool equals_ignore_case(std::string_view s, std::string_view word) {
    if (s.size() != word.size()) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (lower(s[i]) != word[i]) return false;
    }
    return true;
}

// digitpart at s[i]: appends the digits to out, advances i; false when none or a misplaced '_'.
bool scan_digitpart(std::string_view s, std::size_t& i, std::string& out) {
    if (i >= s.size() || !is_digit(s[i])) return false;
    while (i < s.size()) {
        if (is_digit(s[i])) {
            out.push_back(s[i++]);
        } else if (s[i] == '_' && i + 1 < s.size() && is_digit(s[i + 1])) {
            ++i;
        } else {
            break;
        }
    }
    return true;
}

// The unsigned number grammar; the cleaned text (no underscores) for strtod, or nullopt.
std::optional<std::string> scan_number(std::string_view s) {
    std::string clean;
    std::size_t i = 0;
    const bool int_digits = scan_digitpart(s, i, clean);
    if (i < s.size() && s[i] == '_') return std::nullopt;  // "1_" or "1__0"
    bool frac_digits = false;
    if (i < s.size() && s[i] == '.') {
        clean.push_back('.');
        ++i;
        frac_digits = scan_digitpart(s, i, clean);
        if (i < s.size() && s[i] == '_') return std::nullopt;
    }
    if (!int_digits && !frac_digits) return std::nullopt;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        clean.push_back('e');
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) clean.push_back(s[i++]);
        if (!scan_digitpart(s, i, clean)) return std::nullopt;
    }
    if (i != s.size()) return std::nullopt;
    return clean;
}

double to_double(const std::string& clean) { return std::strtod(clean.c_str(), nullptr); }

}  // namespace

Result<double> parse_float(std::string_view text) {
    const std::string ascii = numeric_ascii(text);
    std::string_view s = ascii;
    while (!s.empty() && is_numeric_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_numeric_space(s.back())) s.remove_suffix(1);
    bool negative = false;
    if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
        negative = s.front() == '-';
        s.remove_prefix(1);
    }
    std::optional<double> v;
    if (equals_ignore_case(s, "inf") || equals_ignore_case(s, "infinity")) {
        v = std::numeric_limits<double>::infinity();
    } else if (equals_ignore_case(s, "nan")) {
        v = std::numeric_limits<double>::quiet_NaN();
    } else if (const auto clean = scan_number(s)) {
        v = to_double(*clean);
    }
    if (!v) return value_error("could not convert string to float: " + repr_str(text));
    return negative ? -*v : *v;
}

std::optional<double> parse_float_literal(std::string_view text) {
    const auto clean = scan_number(text);
    if (!clean) return std::nullopt;
    return to_double(*clean);
}

}  // namespace refscope::lang
