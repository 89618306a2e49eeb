// lang/text/format_number.cpp — format() for int and float (see format_spec.hpp).
#include <algorithm>
#include <cmath>
#include <limits>

#include "lang/num/float_format.hpp"
#include "lang/num/float_ops.hpp"
#include "lang/text/format_spec.hpp"
#include "lang/text/format_spec_internal.hpp"
#include "lang/text/utf8.hpp"

namespace refscope::lang {

namespace format_detail {

std::string group_digits(std::string_view digits, char sep, int group, std::size_t min_width) {
    std::string out;  // built backwards
    std::size_t i = digits.size();
    int in_group = 0;
    while (i > 0 || out.size() < min_width) {
        if (sep != '\0' && in_group == group) {
            out.push_back(sep);  // always followed by a digit
            in_group = 0;
        }
        out.push_back(i > 0 ? digits[--i] : '0');
        ++in_group;
    }
    std::reverse(out.begin(), out.end());
    return out;
}

std::string render_number(const NumberParts& p, const FormatSpec& f, int group, bool grouping) {
    const char align = f.align == '\0' ? '>' : f.align;
    const char sep = grouping ? f.grouping : '\0';
    std::size_t min_width = 0;
    if (f.fill == '0' && align == '=' && f.width > 0) {
        const auto fixed =
            static_cast<std::int64_t>(p.sign.size() + p.prefix.size() + p.rest.size());
        if (f.width > fixed) min_width = static_cast<std::size_t>(f.width - fixed);
    }
    const std::string digits = group_digits(p.digits, sep, group, min_width);
    if (align == '=') {
        const std::string head = p.sign + p.prefix;
        const std::string tail = digits + p.rest;
        const std::size_t len = head.size() + tail.size();
        if (f.width <= static_cast<std::int64_t>(len)) return head + tail;
        const std::string fill = utf8_encode(f.fill);
        std::string out = head;
        for (std::size_t k = len; k < static_cast<std::size_t>(f.width); ++k) out += fill;
        return out + tail;
    }
    const std::string body = p.sign + p.prefix + digits + p.rest;
    return pad_to_width(body, body.size(), f.fill, align, f.width);
}

void split_float_body(const std::string& body, NumberParts& p) {
    std::size_t k = 0;
    while (k < body.size() && body[k] >= '0' && body[k] <= '9') ++k;
    if (k == 0) k = body.size();  // inf, nan: all "digits", never grouped
    p.digits = body.substr(0, k);
    p.rest = body.substr(k);
}

}  // namespace format_detail

namespace {

using format_detail::NumberParts;

std::string sign_for(bool negative, char sign) {
    if (negative) return "-";
    if (sign == '+') return "+";
    if (sign == ' ') return " ";
    return "";
}

// True when the mantissa of a rendered float has no non-zero digit.
bool is_zero_text(const std::string& body) {
    for (const char c : body) {
        if (c == 'e' || c == 'E') break;
        if (c >= '1' && c <= '9') return false;
    }
    return true;
}

Result<std::string> render_float(double x, const FormatSpec& f, std::string_view type_name) {
    if (f.precision > std::numeric_limits<std::int32_t>::max()) {
        return value_error("precision too big");
    }
    int precision = static_cast<int>(f.precision);
    unsigned flags = f.alternate ? kFloatAlt : 0u;
    std::string suffix;
    char type = 'g';
    switch (f.type) {
        case '\0':
            type = precision < 0 ? 'r' : 'g';
            flags |= kFloatAddDot0;
            break;
        case 'n': type = 'g'; break;
        case '%':
            type = 'f';
            x *= 100;
            suffix = "%";
            break;
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G': type = static_cast<char>(f.type); break;
        default: return format_detail::unknown_code(f.type, type_name);
    }
    if (precision < 0) precision = 6;
    if (f.width > kMaxFormatWidth || precision > kMaxFormatWidth) return memory_error();
    NumberParts p;
    const std::string body = format_float_body(x, type, precision, flags);
    bool negative = float_prints_negative(x);
    if (negative && f.no_neg_zero && std::isfinite(x) && is_zero_text(body)) negative = false;
    p.sign = sign_for(negative, f.sign);
    format_detail::split_float_body(body, p);
    p.rest += suffix;
    return format_detail::render_number(p, f, 3, std::isfinite(x));
}

}  // namespace

Result<std::string> format_int(const BigInt& value, std::string_view spec,
                               std::string_view type_name) {
    Result<FormatSpec> parsed = parse_format_spec(spec, 'd', '>', type_name);
    if (!parsed.ok()) return parsed.error();
    const FormatSpec& f = parsed.value();
    int base = 10;
    switch (f.type) {
        case 'b': base = 2; break;
        case 'o': base = 8; break;
        case 'x':
        case 'X': base = 16; break;
        case 'd':
        case 'n':
        case 'c': base = 10; break;
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G':
        case '%': {
            const Result<double> d = value.to_double();
            if (!d.ok()) return d.error();
            return render_float(d.value(), f, type_name);
        }
        default: return format_detail::unknown_code(f.type, type_name);
    }
    if (f.precision >= 0) return value_error("Precision not allowed in integer format specifier");
    if (f.no_neg_zero) {
        return value_error("Negative zero coercion (z) not allowed in integer format specifier");
    }
    if (f.width > kMaxFormatWidth) return memory_error();
    if (f.type == 'c') {
        if (f.sign != '\0')
            return value_error("Sign not allowed with integer format specifier 'c'");
        if (f.alternate) {
            return value_error("Alternate form (#) not allowed with integer format specifier 'c'");
        }
        if (!value.fits_int64()) return overflow_error("Python int too large to convert to C long");
        const std::int64_t cp = value.to_int64();
        if (cp < 0 || cp > 0x10FFFF) return overflow_error("%c arg not in range(0x110000)");
        const char align = f.align == '\0' || f.align == '=' ? '>' : f.align;
        return pad_to_width(utf8_encode(static_cast<char32_t>(cp)), 1, f.fill, align, f.width);
    }
    NumberParts p;
    p.sign = sign_for(value.is_negative(), f.sign);
    const BigInt magnitude = abs(value);
    if (base == 10) {
        Result<std::string> digits = magnitude.to_decimal_limited();
        if (!digits.ok()) return digits.error();
        p.digits = std::move(digits).value();
    } else {
        p.digits = magnitude.to_digits(base, f.type == 'X');
    }
    if (f.alternate) {
        p.prefix = f.type == 'b'   ? "0b"
                   : f.type == 'o' ? "0o"
                   : f.type == 'x' ? "0x"
                   : f.type == 'X' ? "0X"
                                   : "";
    }
    return format_detail::render_number(p, f, base == 10 ? 3 : 4, true);
}

Result<std::string> format_float(double value, std::string_view spec, std::string_view type_name) {
    Result<FormatSpec> parsed = parse_format_spec(spec, '\0', '>', type_name);
    if (!parsed.ok()) return parsed.error();
    return render_float(value, parsed.value(), type_name);
}

}  // namespace refscope::lang
