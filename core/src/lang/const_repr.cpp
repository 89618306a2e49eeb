// lang/const_repr.cpp — see const_repr.hpp.
#include "lang/const_repr.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace refscope::lang {

namespace {

// Shortest digits that round-trip, and the decimal exponent of the first digit.
void shortest_digits(double d, std::string& digits, int& exp10) {
    char buf[64];
    for (int p = 1; p <= 17; ++p) {
        std::snprintf(buf, sizeof buf, "%.*e", p - 1, d);
        if (std::strtod(buf, nullptr) == d || p == 17) break;
    }
    // buf: d.ddddde[+-]xx
    std::string s(buf);
    std::size_t e = s.find('e');
    exp10 = std::atoi(s.c_str() + e + 1);
    digits.clear();
    for (std::size_t i = 0; i < e; ++i)
        if (s[i] >= '0' && s[i] <= '9') digits += s[i];
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
}

std::string format_float(double d, bool dot_zero) {
    if (std::isnan(d)) return "nan";
    if (std::isinf(d)) return d < 0 ? "-inf" : "inf";
    std::string sign = std::signbit(d) ? "-" : "";
    double a = std::fabs(d);
    if (a == 0) return sign + (dot_zero ? "0.0" : "0");
    std::string digits;
    int e;
    shortest_digits(a, digits, e);
    int n = static_cast<int>(digits.size());
    if (e >= -5 + 1 && e < 16) {   // -4 <= e < 16
        int decpt = e + 1;
        std::string out;
        if (decpt <= 0) {
            out = "0." + std::string(static_cast<std::size_t>(-decpt), '0') + digits;
        } else if (decpt >= n) {
            out = digits + std::string(static_cast<std::size_t>(decpt - n), '0');
            if (dot_zero) out += ".0";
        } else {
            out = digits.substr(0, decpt) + "." + digits.substr(decpt);
        }
        return sign + out;
    }
    std::string out = digits.substr(0, 1);
    if (n > 1) out += "." + digits.substr(1);
    char eb[16];
    std::snprintf(eb, sizeof eb, "e%c%02d", e < 0 ? '-' : '+', std::abs(e));
    return sign + out + eb;
}

std::uint32_t decode(const std::string& s, std::size_t& i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    std::uint32_t cp = extra == 3 ? c & 0x07 : extra == 2 ? c & 0x0F : extra == 1 ? c & 0x1F : c;
    for (int k = 0; k < extra && i + 1 < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[++i]) & 0x3F);
    ++i;
    return cp;
}

bool printable(std::uint32_t cp) {
    if (cp < 0x20 || cp == 0x7F) return false;
    if (cp < 0x7F) return true;
    if (cp <= 0xA0 || cp == 0xAD) return false;
    if (cp >= 0x2000 && cp <= 0x200F) return cp < 0x200B && false;
    if (cp >= 0x2028 && cp <= 0x202F) return false;
    if (cp >= 0x205F && cp <= 0x206F) return false;
    if (cp == 0x3000 || cp == 0xFEFF) return false;
    if (cp >= 0xD800 && cp <= 0xF8FF) return false;
    if (cp >= 0xFFF0 && cp <= 0xFFFF) return false;
    if (cp > 0x10FFFF) return false;
    return true;
}

}  // namespace

std::string float_repr(double d) { return format_float(d, true); }

std::string str_repr(const std::string& s) {
    bool has_single = s.find('\'') != std::string::npos;
    bool has_double = s.find('"') != std::string::npos;
    char q = has_single && !has_double ? '"' : '\'';
    std::string out(1, q);
    char buf[16];
    for (std::size_t i = 0; i < s.size();) {
        std::uint32_t cp = decode(s, i);
        if (cp == static_cast<std::uint32_t>(q) || cp == '\\') {
            out += '\\';
            out += static_cast<char>(cp);
        } else if (cp == '\t') {
            out += "\\t";
        } else if (cp == '\n') {
            out += "\\n";
        } else if (cp == '\r') {
            out += "\\r";
        } else if (printable(cp)) {
            if (cp < 0x80) {
                out += static_cast<char>(cp);
            } else {
                // re-encode
                if (cp < 0x800) {
                    out += static_cast<char>(0xC0 | (cp >> 6));
                    out += static_cast<char>(0x80 | (cp & 0x3F));
                } else if (cp < 0x10000) {
                    out += static_cast<char>(0xE0 | (cp >> 12));
                    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
                    out += static_cast<char>(0x80 | (cp & 0x3F));
                } else {
                    out += static_cast<char>(0xF0 | (cp >> 18));
                    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
                    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
                    out += static_cast<char>(0x80 | (cp & 0x3F));
                }
            }
        } else if (cp < 0x100) {
            std::snprintf(buf, sizeof buf, "\\x%02x", cp);
            out += buf;
        } else if (cp < 0x10000) {
            std::snprintf(buf, sizeof buf, "\\u%04x", cp);
            out += buf;
        } else {
            std::snprintf(buf, sizeof buf, "\\U%08x", cp);
            out += buf;
        }
    }
    out += q;
    return out;
}

std::string bytes_repr(const std::string& s) {
    bool has_single = s.find('\'') != std::string::npos;
    bool has_double = s.find('"') != std::string::npos;
    char q = has_single && !has_double ? '"' : '\'';
    std::string out = "b";
    out += q;
    char buf[8];
    for (unsigned char c : s) {
        if (c == static_cast<unsigned char>(q) || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\t') out += "\\t";
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c < 0x20 || c >= 0x7F) {
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    out += q;
    return out;
}

std::string constant_repr(const CompilationUnit& unit, std::uint32_t index) {
    const Constant& c = unit.pool.at(index);
    switch (c.kind) {
        case Constant::Kind::none: return "None";
        case Constant::Kind::ellipsis: return "Ellipsis";
        case Constant::Kind::boolean: return c.boolean ? "True" : "False";
        case Constant::Kind::integer: return std::to_string(c.integer);
        case Constant::Kind::big_integer: return c.text;
        case Constant::Kind::floating: return float_repr(c.floating);
        case Constant::Kind::complex: {
            std::string im = format_float(c.imag, false) + "j";
            if (c.floating == 0 && !std::signbit(c.floating)) return im;
            std::string re = format_float(c.floating, false);
            std::string sign = std::signbit(c.imag) || std::isnan(c.imag) ? "" : "+";
            if (std::isnan(c.imag)) sign = "+";
            return "(" + re + sign + im + ")";
        }
        case Constant::Kind::str: return str_repr(c.text);
        case Constant::Kind::bytes: return bytes_repr(c.text);
        case Constant::Kind::tuple: {
            std::string out = "(";
            for (std::size_t i = 0; i < c.items.size(); ++i) {
                if (i) out += ", ";
                out += constant_repr(unit, c.items[i]);
            }
            if (c.items.size() == 1) out += ",";
            return out + ")";
        }
        case Constant::Kind::frozenset: {
            if (c.items.empty()) return "frozenset()";
            std::vector<std::string> items;
            for (auto k : c.items) items.push_back(constant_repr(unit, k));
            std::sort(items.begin(), items.end());
            std::string out = "frozenset({";
            for (std::size_t i = 0; i < items.size(); ++i) {
                if (i) out += ", ";
                out += items[i];
            }
            return out + "})";
        }
        case Constant::Kind::code: return "<code " + unit.codes.at(c.code).name + ">";
    }
    return "?";
}

}  // namespace refscope::lang
