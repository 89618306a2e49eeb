// lang/text/percent_format.cpp — str % args (see percent_format.hpp).
#include "lang/text/percent_format.hpp"

#include <limits>

#include "lang/num/float_format.hpp"
#include "lang/num/float_ops.hpp"
#include "lang/text/format_spec.hpp"
#include "lang/text/str_repr.hpp"
#include "lang/text/utf8.hpp"

namespace refscope::lang {

namespace {

constexpr std::int64_t kIntMax = std::numeric_limits<std::int32_t>::max();

struct Conversion {
    bool left = false, plus = false, blank = false, alt = false, zero = false;
    std::int64_t width = -1;
    std::int64_t precision = -1;
};

// Where the next value comes from: the operand's positional values, or — after %(key) — the
// looked-up value alone.
class Cursor {
public:
    explicit Cursor(PercentArgs& args) : args_(args) {}

    Result<PercentArgs::Id> next() {
        if (single_) {
            if (single_used_) return not_enough();
            single_used_ = true;
            return single_id_;
        }
        if (index_ >= args_.count()) return not_enough();
        return index_++;
    }
    void use_single(PercentArgs::Id id) {
        single_ = true;
        single_used_ = false;
        single_id_ = id;
    }
    bool all_positional_used() const { return index_ >= args_.count(); }

private:
    static PyError not_enough() { return type_error("not enough arguments for format string"); }

    PercentArgs& args_;
    std::size_t index_ = 0;
    bool single_ = false;
    bool single_used_ = false;
    PercentArgs::Id single_id_ = 0;
};

// Text conversions (%s %r %a %c): precision cuts, width pads with spaces.
std::string pad_text(std::string_view text, const Conversion& c, bool apply_precision) {
    std::size_t len = utf8_length(text);
    if (apply_precision && c.precision >= 0 && static_cast<std::uint64_t>(c.precision) < len) {
        len = static_cast<std::size_t>(c.precision);
        text = utf8_substr(text, 0, len);
    }
    return pad_to_width(text, len, ' ', c.left ? '<' : '>', c.width);
}

// Numbers: sign, prefix, then zeros (flag '0', not '-') or spaces up to the width.
std::string pad_number(const std::string& sign, const std::string& prefix, const std::string& body,
                       const Conversion& c) {
    const std::size_t len = sign.size() + prefix.size() + body.size();
    if (c.width <= static_cast<std::int64_t>(len)) return sign + prefix + body;
    const auto pad = static_cast<std::size_t>(c.width) - len;
    if (c.left) return sign + prefix + body + std::string(pad, ' ');
    if (c.zero) return sign + prefix + std::string(pad, '0') + body;
    return std::string(pad, ' ') + sign + prefix + body;
}

std::string sign_of(bool negative, const Conversion& c) {
    if (negative) return "-";
    if (c.plus) return "+";
    if (c.blank) return " ";
    return "";
}

Result<std::string> format_integer(PercentArgs& args, PercentArgs::Id v, char32_t ch,
                                   const Conversion& c) {
    const bool index_only = ch == 'x' || ch == 'X' || ch == 'o';
    const auto wrong_type = [&]() {
        const std::string what = index_only ? "an integer" : "a real number";
        return type_error(std::string("%") + static_cast<char>(ch) + " format: " + what +
                          " is required, not " + args.type_name(v));
    };
    if (!args.is_number(v)) return wrong_type();
    Result<BigInt> n = args.as_bigint(v, index_only);
    if (!n.ok()) {
        if (n.error().type == "TypeError") return wrong_type();
        return n.error();
    }
    const BigInt magnitude = abs(n.value());
    std::string digits;
    std::string prefix;
    if (ch == 'x' || ch == 'X') {
        digits = magnitude.to_digits(16, ch == 'X');
        if (c.alt) prefix = ch == 'x' ? "0x" : "0X";
    } else if (ch == 'o') {
        digits = magnitude.to_digits(8);
        if (c.alt) prefix = "0o";
    } else {
        Result<std::string> d = magnitude.to_decimal_limited();
        if (!d.ok()) return d.error();
        digits = std::move(d).value();
    }
    if (c.precision > static_cast<std::int64_t>(digits.size())) {
        digits.insert(0, static_cast<std::size_t>(c.precision) - digits.size(), '0');
    }
    return pad_number(sign_of(n.value().is_negative(), c), prefix, digits, c);
}

Result<std::string> format_floating(PercentArgs& args, PercentArgs::Id v, char32_t ch,
                                    const Conversion& c) {
    if (!args.is_number(v)) return type_error("must be real number, not " + args.type_name(v));
    const Result<double> d = args.as_double(v);
    if (!d.ok()) return d.error();
    const int precision = c.precision < 0 ? 6 : static_cast<int>(c.precision);
    const std::string body =
        format_float_body(d.value(), static_cast<char>(ch), precision, c.alt ? kFloatAlt : 0u);
    return pad_number(sign_of(float_prints_negative(d.value()), c), "", body, c);
}

Result<std::string> format_char(PercentArgs& args, PercentArgs::Id v, const Conversion& c) {
    const PyError wrong = type_error("%c requires int or char");
    if (args.is_str(v)) {
        Result<std::string> s = args.str_of(v);
        if (!s.ok()) return s.error();
        if (utf8_length(s.value()) != 1) return wrong;
        return pad_text(s.value(), c, false);
    }
    Result<BigInt> n = args.as_bigint(v, true);
    if (!n.ok()) {
        if (n.error().type == "TypeError") return wrong;
        return n.error();
    }
    const auto cp = n.value().as_int64();
    if (!cp || *cp < 0 || *cp > 0x10FFFF) return overflow_error("%c arg not in range(0x110000)");
    return pad_text(utf8_encode(static_cast<char32_t>(*cp)), c, false);
}

// A '*' value: an int that fits a C ssize_t (width) or int (precision), as CPython converts.
Result<std::int64_t> star_value(PercentArgs& args, Cursor& cursor, bool is_width) {
    Result<PercentArgs::Id> v = cursor.next();
    if (!v.ok()) return v.error();
    if (!args.is_int(v.value())) return type_error("* wants int");
    Result<BigInt> n = args.as_bigint(v.value(), false);
    if (!n.ok()) return n.error();
    const auto x = n.value().as_int64();
    if (is_width) {
        if (!x) return overflow_error("Python int too large to convert to C ssize_t");
        return *x;
    }
    if (!x || *x > kIntMax || *x < -kIntMax - 1) {
        return overflow_error("Python int too large to convert to C int");
    }
    return *x;
}

// Decimal digits at fmt[i]; false when the value passes `limit`.
bool read_digits(std::string_view fmt, std::size_t& i, std::int64_t limit, std::int64_t& value) {
    std::int64_t v = 0;
    for (; i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9'; ++i) {
        const int d = fmt[i] - '0';
        if (v > (limit - d) / 10) return false;
        v = v * 10 + d;
    }
    value = v;
    return true;
}

std::string unsupported_char(char32_t ch, std::size_t index) {
    static const char kHex[] = "0123456789abcdef";
    std::string hex;
    for (char32_t v = ch;; v >>= 4) {
        hex.insert(hex.begin(), kHex[v & 0xF]);
        if (v < 16) break;
    }
    const char shown = (ch >= 32 && ch <= 126) ? static_cast<char>(ch) : '?';
    return std::string("unsupported format character '") + shown + "' (0x" + hex + ") at index " +
           std::to_string(index);
}

}  // namespace

Result<std::string> percent_format(std::string_view fmt, PercentArgs& args) {
    std::string out;
    Cursor cursor(args);
    const std::size_t n = fmt.size();
    std::size_t i = 0;
    while (i < n) {
        if (fmt[i] != '%') {
            const std::size_t next = fmt.find('%', i);
            const std::size_t end = next == std::string_view::npos ? n : next;
            out.append(fmt.substr(i, end - i));
            i = end;
            continue;
        }
        ++i;
        if (i < n && fmt[i] == '%') {
            out.push_back('%');
            ++i;
            continue;
        }
        if (i < n && fmt[i] == '(') {
            if (!args.is_mapping()) return type_error("format requires a mapping");
            int depth = 1;
            const std::size_t start = ++i;
            for (; i < n && depth > 0; ++i) {
                if (fmt[i] == '(')
                    ++depth;
                else if (fmt[i] == ')')
                    --depth;
            }
            if (depth > 0) return value_error("incomplete format key");
            Result<PercentArgs::Id> v = args.mapping_lookup(fmt.substr(start, i - 1 - start));
            if (!v.ok()) return v.error();
            cursor.use_single(v.value());
        }
        Conversion c;
        for (; i < n; ++i) {
            const char f = fmt[i];
            if (f == '-')
                c.left = true;
            else if (f == '+')
                c.plus = true;
            else if (f == ' ')
                c.blank = true;
            else if (f == '#')
                c.alt = true;
            else if (f == '0')
                c.zero = true;
            else
                break;
        }
        if (i < n && fmt[i] == '*') {
            Result<std::int64_t> w = star_value(args, cursor, true);
            if (!w.ok()) return w.error();
            c.width = w.value();
            if (c.width < 0) {
                c.left = true;
                c.width = c.width == std::numeric_limits<std::int64_t>::min() ? -1 : -c.width;
            }
            ++i;
        } else if (i < n && fmt[i] >= '0' && fmt[i] <= '9') {
            if (!read_digits(fmt, i, std::numeric_limits<std::int64_t>::max(), c.width)) {
                return value_error("width too big");
            }
        }
        if (i < n && fmt[i] == '.') {
            ++i;
            if (i < n && fmt[i] == '*') {
                Result<std::int64_t> p = star_value(args, cursor, false);
                if (!p.ok()) return p.error();
                c.precision = p.value() < 0 ? 0 : p.value();
                ++i;
            } else if (!read_digits(fmt, i, kIntMax, c.precision)) {
                return value_error("precision too big");
            }
        }
        if (i < n && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L')) ++i;
        if (i >= n) return value_error("incomplete format");
        if (c.width > kMaxFormatWidth || c.precision > kMaxFormatWidth) return memory_error();
        const Utf8Char ch = utf8_decode(fmt, i);
        Result<PercentArgs::Id> v = cursor.next();
        if (!v.ok()) return v.error();
        Result<std::string> piece = std::string();
        switch (ch.cp) {
            case 's':
            case 'r':
            case 'a': {
                Result<std::string> text =
                    ch.cp == 's' ? args.str_of(v.value()) : args.repr_of(v.value());
                if (!text.ok()) return text.error();
                piece = pad_text(ch.cp == 'a' ? ascii_escape(text.value()) : text.value(), c, true);
                break;
            }
            case 'c': piece = format_char(args, v.value(), c); break;
            case 'd':
            case 'i':
            case 'u':
            case 'x':
            case 'X':
            case 'o': piece = format_integer(args, v.value(), ch.cp, c); break;
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G': piece = format_floating(args, v.value(), ch.cp, c); break;
            default: return value_error(unsupported_char(ch.cp, utf8_length(fmt.substr(0, i))));
        }
        if (!piece.ok()) return piece.error();
        out += piece.value();
        i += ch.length;
    }
    if (!args.is_mapping() && !cursor.all_positional_used()) {
        return type_error("not all arguments converted during string formatting");
    }
    return out;
}

}  // namespace refscope::lang
