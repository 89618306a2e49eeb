// lang/text/format_spec.cpp — parsing a format spec, rendering str, padding (format_spec.hpp).
#include "lang/text/format_spec.hpp"

#include <limits>
#include <vector>

#include "lang/text/format_spec_internal.hpp"
#include "lang/text/utf8.hpp"

namespace refscope::lang {

namespace {

bool is_align(char32_t c) { return c == '<' || c == '>' || c == '^' || c == '='; }

// Reads decimal digits at c[i]; false (with `overflow` set) when the value exceeds int64.
bool read_number(const std::vector<char32_t>& c, std::size_t& i, std::int64_t& value,
                 bool& overflow) {
    const std::size_t start = i;
    std::int64_t v = 0;
    for (; i < c.size() && c[i] >= '0' && c[i] <= '9'; ++i) {
        const int d = static_cast<int>(c[i] - '0');
        if (v > (std::numeric_limits<std::int64_t>::max() - d) / 10) {
            overflow = true;
            return false;
        }
        v = v * 10 + d;
    }
    value = v;
    return i > start;
}

}  // namespace

namespace format_detail {

std::string code_repr(char32_t c) {
    if (c > 32 && c < 128) return std::string(1, static_cast<char>(c));
    static const char kHex[] = "0123456789abcdef";
    std::string digits;
    for (char32_t v = c;; v >>= 4) {
        digits.insert(digits.begin(), kHex[v & 0xF]);
        if (v < 16) break;
    }
    return "\\x" + digits;
}

PyError unknown_code(char32_t type, std::string_view type_name) {
    return value_error("Unknown format code '" + code_repr(type) + "' for object of type '" +
                       std::string(type_name) + "'");
}

}  // namespace format_detail

Result<FormatSpec> parse_format_spec(std::string_view spec, char32_t default_type,
                                     char default_align, std::string_view type_name) {
    std::vector<char32_t> c;
    for (std::size_t pos = 0; pos < spec.size();) {
        const Utf8Char ch = utf8_decode(spec, pos);
        c.push_back(ch.cp);
        pos += ch.length;
    }
    const std::size_t n = c.size();
    std::size_t i = 0;
    FormatSpec f;
    bool fill_given = false, align_given = false;
    if (n >= 2 && is_align(c[1])) {
        f.fill = c[0];
        f.align = static_cast<char>(c[1]);
        fill_given = align_given = true;
        i = 2;
    } else if (n >= 1 && is_align(c[0])) {
        f.align = static_cast<char>(c[0]);
        align_given = true;
        i = 1;
    }
    if (i < n && (c[i] == '+' || c[i] == '-' || c[i] == ' ')) f.sign = static_cast<char>(c[i++]);
    if (i < n && c[i] == 'z') {
        f.no_neg_zero = true;
        ++i;
    }
    if (i < n && c[i] == '#') {
        f.alternate = true;
        ++i;
    }
    if (!fill_given && i < n && c[i] == '0') {
        f.fill = '0';
        if (!align_given && default_align == '>') f.align = '=';
        ++i;
    }
    bool overflow = false;
    std::int64_t v = 0;
    if (read_number(c, i, v, overflow)) f.width = v;
    if (overflow) return value_error("Too many decimal digits in format string");
    if (i < n && c[i] == ',') {
        f.grouping = ',';
        ++i;
    }
    if (i < n && c[i] == '_') {
        if (f.grouping != '\0') return value_error("Cannot specify both ',' and '_'.");
        f.grouping = '_';
        ++i;
    }
    if (i < n && c[i] == ',' && f.grouping == '_') {
        return value_error("Cannot specify both ',' and '_'.");
    }
    if (i < n && c[i] == '.') {
        ++i;
        if (read_number(c, i, v, overflow)) {
            f.precision = v;
        } else if (overflow) {
            return value_error("Too many decimal digits in format string");
        } else {
            return value_error("Format specifier missing precision");
        }
    }
    if (n - i > 1) {
        return value_error("Invalid format specifier '" + std::string(spec) +
                           "' for object of type '" + std::string(type_name) + "'");
    }
    f.type = n - i == 1 ? c[i] : default_type;
    if (f.grouping != '\0') {
        bool ok = false;
        switch (f.type) {
            case 'd':
            case 'e':
            case 'f':
            case 'g':
            case 'E':
            case 'G':
            case '%':
            case 'F':
            case '\0': ok = true; break;
            case 'b':
            case 'o':
            case 'x':
            case 'X': ok = f.grouping == '_'; break;
            default: break;
        }
        if (!ok) {
            return value_error(std::string("Cannot specify '") + f.grouping + "' with '" +
                               format_detail::code_repr(f.type) + "'.");
        }
    }
    return f;
}

std::string pad_to_width(std::string_view text, std::size_t length, char32_t fill, char align,
                         std::int64_t width) {
    if (width <= static_cast<std::int64_t>(length)) return std::string(text);
    const auto total = static_cast<std::size_t>(width) - length;
    std::size_t left = 0;
    if (align == '>')
        left = total;
    else if (align == '^')
        left = total / 2;
    const std::string f = utf8_encode(fill);
    std::string out;
    out.reserve(text.size() + total * f.size());
    for (std::size_t k = 0; k < left; ++k) out += f;
    out += text;
    for (std::size_t k = left; k < total; ++k) out += f;
    return out;
}

Result<std::string> format_str(std::string_view value, std::string_view spec,
                               std::string_view type_name) {
    if (spec.empty()) return std::string(value);
    Result<FormatSpec> parsed = parse_format_spec(spec, 's', '<', type_name);
    if (!parsed.ok()) return parsed.error();
    const FormatSpec& f = parsed.value();
    if (f.type != 's') return format_detail::unknown_code(f.type, type_name);
    if (f.sign == ' ') return value_error("Space not allowed in string format specifier");
    if (f.sign != '\0') return value_error("Sign not allowed in string format specifier");
    if (f.no_neg_zero) {
        return value_error("Negative zero coercion (z) not allowed in string format specifier");
    }
    if (f.alternate)
        return value_error("Alternate form (#) not allowed in string format specifier");
    if (f.align == '=') return value_error("'=' alignment not allowed in string format specifier");
    if (f.width > kMaxFormatWidth) return memory_error();
    std::string_view text = value;
    std::size_t length = utf8_length(value);
    if (f.precision >= 0 && static_cast<std::uint64_t>(f.precision) < length) {
        length = static_cast<std::size_t>(f.precision);
        text = utf8_substr(value, 0, length);
    }
    return pad_to_width(text, length, f.fill, f.align == '\0' ? '<' : f.align, f.width);
}

}  // namespace refscope::lang
