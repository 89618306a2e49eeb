// lang/number_literal.cpp — see number_literal.hpp.
#include "lang/number_literal.hpp"

#include <cstdint>
#include <cstdlib>
#include <vector>

namespace refscope::lang {

std::string digits_to_decimal(std::string_view digits, int base) {
    // little-endian limbs of 10^9
    std::vector<std::uint32_t> limbs{0};
    for (char c : digits) {
        int d = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
        std::uint64_t carry = static_cast<std::uint64_t>(d);
        for (auto& limb : limbs) {
            std::uint64_t v = static_cast<std::uint64_t>(limb) * base + carry;
            limb = static_cast<std::uint32_t>(v % 1000000000u);
            carry = v / 1000000000u;
        }
        while (carry) {
            limbs.push_back(static_cast<std::uint32_t>(carry % 1000000000u));
            carry /= 1000000000u;
        }
    }
    std::string out = std::to_string(limbs.back());
    for (std::size_t i = limbs.size() - 1; i-- > 0;) {
        std::string part = std::to_string(limbs[i]);
        out += std::string(9 - part.size(), '0') + part;
    }
    return out;
}

Const parse_number_literal(std::string_view text) {
    std::string s;
    for (char c : text)
        if (c != '_') s += c;
    Const out;
    char last = s.empty() ? '\0' : s.back();
    if (last == 'j' || last == 'J') {
        out.kind = Const::Kind::complex;
        out.real = 0;
        out.floating = std::strtod(s.substr(0, s.size() - 1).c_str(), nullptr);
        return out;
    }
    int base = 10;
    std::string digits = s;
    if (s.size() > 1 && s[0] == '0') {
        char p = static_cast<char>(s[1] | 0x20);
        if (p == 'x') base = 16;
        else if (p == 'o') base = 8;
        else if (p == 'b') base = 2;
        if (base != 10) digits = s.substr(2);
    }
    if (base == 10 && s.find_first_of(".eE") != std::string::npos) {
        out.kind = Const::Kind::floating;
        out.floating = std::strtod(s.c_str(), nullptr);
        return out;
    }
    std::string decimal = base == 10 ? digits : digits_to_decimal(digits, base);
    std::size_t nz = decimal.find_first_not_of('0');
    decimal = nz == std::string::npos ? "0" : decimal.substr(nz);
    // int64 holds up to 9223372036854775807 (19 digits)
    if (decimal.size() < 19 || (decimal.size() == 19 && decimal <= "9223372036854775807")) {
        out.kind = Const::Kind::integer;
        out.integer = static_cast<std::int64_t>(std::strtoull(decimal.c_str(), nullptr, 10));
    } else {
        out.kind = Const::Kind::big_integer;
        out.text = decimal;
    }
    return out;
}

}  // namespace refscope::lang
