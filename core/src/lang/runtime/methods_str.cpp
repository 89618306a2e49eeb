// lang/runtime/methods_str.cpp — str and bytes methods, format(), str.format, str % args
// (Objects/unicodeobject.c, bytesobject.c, Python/formatter_unicode.c, 3.11).
//
// Text is UTF-8; indices and lengths are code points. Case mapping covers ASCII and Latin-1
// (refscope has no full Unicode case tables: other letters are left as they are). Formatting
// goes through lang/text/format_spec.hpp and percent_format.hpp.
#include <algorithm>

#include "lang/runtime/natives.hpp"
#include "lang/runtime/objects.hpp"
#include "lang/text/format_spec.hpp"
#include "lang/text/percent_format.hpp"
#include "lang/text/unicode_class.hpp"
#include "lang/text/utf8.hpp"
#include "lang/vm/interp.hpp"

namespace refscope::lang {

namespace {

std::u32string decode(std::string_view s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        auto c = utf8_decode(s, i);
        out.push_back(c.cp);
        i += c.length;
    }
    return out;
}

std::string encode(std::u32string_view s) {
    std::string out;
    for (char32_t c : s) utf8_append(out, c);
    return out;
}

bool is_upper_cp(char32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7); }
bool is_lower_cp(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 0xdf && c <= 0xff && c != 0xf7); }
char32_t to_upper_cp(char32_t c) {
    if (c >= 'a' && c <= 'z') return c - 32;
    if (c >= 0xe0 && c <= 0xfe && c != 0xf7) return c - 32;
    if (c == 0xff) return 0x178;
    return c;
}
char32_t to_lower_cp(char32_t c) {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if (c >= 0xc0 && c <= 0xde && c != 0xd7) return c + 32;
    return c;
}
bool is_alpha_cp(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return is_upper_cp(c) || is_lower_cp(c) || c == 0xaa || c == 0xb5 || c == 0xba || (c >= 0x100 && is_printable(c) && !is_space(c) && decimal_value(c) < 0 && c >= 0x370);
}
bool is_digit_cp(char32_t c) { return decimal_value(c) >= 0 || c == 0xb2 || c == 0xb3 || c == 0xb9; }
bool is_space_cp(char32_t c) { return is_space(c); }

std::string upper_str(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        auto c = utf8_decode(s, i);
        i += c.length;
        if (c.cp == 0xdf) out += "SS";
        else utf8_append(out, to_upper_cp(c.cp));
    }
    return out;
}

std::string lower_str(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        auto c = utf8_decode(s, i);
        i += c.length;
        utf8_append(out, to_lower_cp(c.cp));
    }
    return out;
}

bool str_arg(Interp& vm, ObjId o, const char* method, std::string_view& out, const char* what = nullptr) {
    if (vm.is_str(o)) {
        out = vm.text_of(o);
        return true;
    }
    if (what) vm.raise(Exc::TypeError, std::string(what) + vm.type_name(o));
    else vm.raise(Exc::TypeError, std::string(method) + " arg must be None or str");
    return false;
}

ObjId new_list_of_strs(Interp& vm, const std::vector<std::string>& parts) {
    std::vector<ObjId> items;
    for (const auto& p : parts) {
        ObjId s = vm.new_str(p);
        if (!s) {
            for (ObjId x : items) vm.decref(x);
            return kNull;
        }
        items.push_back(s);
    }
    return vm.new_list_steal(items);
}

// --- join / split / strip ----------------------------------------------------------------------

ObjId str_join(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "join")) return kNull;
    std::vector<ObjId> items;
    if (!vm.unpack_iterable(a[0], items)) return kNull;
    std::string out;
    std::string_view sep = vm.text_of(self);
    bool ok = true;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (ok && !vm.is_str(items[i])) {
            vm.raise(Exc::TypeError, "sequence item " + std::to_string(i) + ": expected str instance, " + vm.type_name(items[i]) + " found");
            ok = false;
        }
        if (ok) {
            if (i) out += sep;
            out += vm.text_of(items[i]);
        }
    }
    // A single item that is a str is returned as is.
    ObjId r = kNull;
    if (ok) r = items.size() == 1 ? vm.newref(items[0]) : vm.heap().new_str_uncached(out);
    if (ok && !r) vm.raise_memory_error();
    for (ObjId x : items) vm.decref(x);
    return r;
}

ObjId split_impl(Interp& vm, ObjId self, const CallArgs& a, bool right) {
    ObjId args[2];
    if (!parse_args(vm, a, right ? "rsplit" : "split", {"sep", "maxsplit"}, 0, args, true)) return kNull;
    std::int64_t maxsplit = -1;
    if (args[1]) {
        auto v = vm.index_value(args[1]);
        if (!v) return kNull;
        maxsplit = *v;
    }
    std::string_view s = vm.text_of(self);
    std::vector<std::string> parts;
    if (!args[0] || args[0] == vm.none()) {
        std::u32string u = decode(s);
        std::vector<std::u32string> words;
        if (!right) {
            std::size_t i = 0;
            while (true) {
                while (i < u.size() && is_space_cp(u[i])) ++i;
                if (i >= u.size()) break;
                if (maxsplit >= 0 && static_cast<std::int64_t>(words.size()) >= maxsplit) {
                    std::size_t e = u.size();
                    while (e > i && is_space_cp(u[e - 1])) --e;
                    words.push_back(u.substr(i, e - i));
                    break;
                }
                std::size_t j = i;
                while (j < u.size() && !is_space_cp(u[j])) ++j;
                words.push_back(u.substr(i, j - i));
                i = j;
            }
        } else {
            std::size_t i = u.size();
            while (true) {
                while (i > 0 && is_space_cp(u[i - 1])) --i;
                if (i == 0) break;
                if (maxsplit >= 0 && static_cast<std::int64_t>(words.size()) >= maxsplit) {
                    std::size_t b = 0;
                    while (b < i && is_space_cp(u[b])) ++b;
                    words.push_back(u.substr(b, i - b));
                    break;
                }
                std::size_t j = i;
                while (j > 0 && !is_space_cp(u[j - 1])) --j;
                words.push_back(u.substr(j, i - j));
                i = j;
            }
            std::reverse(words.begin(), words.end());
        }
        for (const auto& w : words) parts.push_back(encode(w));
        return new_list_of_strs(vm, parts);
    }
    std::string_view sep;
    if (!str_arg(vm, args[0], "split", sep, "must be str or None, not ")) return kNull;
    if (sep.empty()) return vm.raise(Exc::ValueError, "empty separator");
    if (!right) {
        std::size_t pos = 0;
        while (true) {
            if (maxsplit >= 0 && static_cast<std::int64_t>(parts.size()) >= maxsplit) break;
            std::size_t f = s.find(sep, pos);
            if (f == std::string_view::npos) break;
            parts.emplace_back(s.substr(pos, f - pos));
            pos = f + sep.size();
        }
        parts.emplace_back(s.substr(pos));
    } else {
        std::size_t end = s.size();
        std::vector<std::string> rev;
        while (true) {
            if (maxsplit >= 0 && static_cast<std::int64_t>(rev.size()) >= maxsplit) break;
            if (end < sep.size()) break;
            std::size_t f = s.rfind(sep, end - sep.size());
            if (f == std::string_view::npos) break;
            rev.emplace_back(s.substr(f + sep.size(), end - f - sep.size()));
            end = f;
        }
        rev.emplace_back(s.substr(0, end));
        parts.assign(rev.rbegin(), rev.rend());
    }
    if (parts.size() == 1 && parts[0].size() == s.size()) {
        ObjId item = vm.newref(self);
        std::vector<ObjId> items{item};
        return vm.new_list_steal(items);
    }
    return new_list_of_strs(vm, parts);
}

ObjId str_split(Interp& vm, ObjId self, const CallArgs& a) { return split_impl(vm, self, a, false); }
ObjId str_rsplit(Interp& vm, ObjId self, const CallArgs& a) { return split_impl(vm, self, a, true); }

ObjId strip_impl(Interp& vm, ObjId self, const CallArgs& a, int which, const char* name) {
    if (!check_positional(vm, a, name, 0, 1)) return kNull;
    std::u32string u = decode(vm.text_of(self));
    std::u32string chars;
    bool whitespace = true;
    if (a.nargs == 1 && a[0] != vm.none()) {
        std::string_view c;
        if (!str_arg(vm, a[0], name, c)) return kNull;
        chars = decode(c);
        whitespace = false;
    }
    auto strip_it = [&](char32_t c) { return whitespace ? is_space_cp(c) : chars.find(c) != std::u32string::npos; };
    std::size_t b = 0, e = u.size();
    if (which & 1) while (b < e && strip_it(u[b])) ++b;
    if (which & 2) while (e > b && strip_it(u[e - 1])) --e;
    if (b == 0 && e == u.size()) return vm.newref(self);
    return vm.new_str(encode(u.substr(b, e - b)));
}

ObjId str_strip(Interp& vm, ObjId s, const CallArgs& a) { return strip_impl(vm, s, a, 3, "strip"); }
ObjId str_lstrip(Interp& vm, ObjId s, const CallArgs& a) { return strip_impl(vm, s, a, 1, "lstrip"); }
ObjId str_rstrip(Interp& vm, ObjId s, const CallArgs& a) { return strip_impl(vm, s, a, 2, "rstrip"); }

ObjId str_replace(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_positional(vm, a, "replace", 2, 3)) return kNull;
    std::string_view old, nw;
    if (!str_arg(vm, a[0], "replace", old, "replace() argument 1 must be str, not ")) return kNull;
    if (!str_arg(vm, a[1], "replace", nw, "replace() argument 2 must be str, not ")) return kNull;
    std::int64_t count = -1;
    if (a.nargs == 3) {
        auto v = vm.index_value(a[2]);
        if (!v) return kNull;
        count = *v;
    }
    std::string_view s = vm.text_of(self);
    std::string out;
    if (old.empty()) {
        std::u32string u = decode(s);
        std::int64_t n = 0;
        for (std::size_t i = 0; i <= u.size(); ++i) {
            if (count < 0 || n < count) {
                out += nw;
                ++n;
            }
            if (i < u.size()) utf8_append(out, u[i]);
        }
        return vm.new_str(out);
    }
    std::size_t pos = 0;
    std::int64_t n = 0;
    while (count < 0 || n < count) {
        std::size_t f = s.find(old, pos);
        if (f == std::string_view::npos) break;
        out += s.substr(pos, f - pos);
        out += nw;
        pos = f + old.size();
        ++n;
    }
    if (n == 0) return vm.newref(self);
    out += s.substr(pos);
    return vm.new_str(out);
}

// Byte offset <-> code point index helpers for find & co.
bool find_range(Interp& vm, ObjId self, const CallArgs& a, const char* name, std::string_view& sub,
                std::size_t& bstart, std::size_t& bend, std::int64_t& cp_start) {
    if (!check_positional(vm, a, name, 1, 3)) return false;
    if (!vm.is_str(a[0])) {
        vm.raise(Exc::TypeError, "must be str, not " + vm.type_name(a[0]));
        return false;
    }
    sub = vm.text_of(a[0]);
    std::string_view s = vm.text_of(self);
    const std::int64_t len = vm.str_length(self);
    std::int64_t start = 0, end = len;
    for (std::size_t k = 1; k < a.nargs; ++k) {
        if (a[k] == vm.none()) continue;
        auto v = vm.index_value(a[k]);
        if (!v) return false;
        std::int64_t x = *v;
        if (x < 0) x = std::max<std::int64_t>(0, x + len);
        (k == 1 ? start : end) = std::min(x, len);
    }
    if (start > end) {
        bstart = bend = SIZE_MAX;
        return true;
    }
    cp_start = start;
    bstart = vm.obj(self).is_ascii ? static_cast<std::size_t>(start) : utf8_offset(s, static_cast<std::size_t>(start));
    bend = vm.obj(self).is_ascii ? static_cast<std::size_t>(end) : utf8_offset(s, static_cast<std::size_t>(end));
    return true;
}

std::int64_t cp_index(Interp& vm, ObjId self, std::size_t byte_offset) {
    if (vm.obj(self).is_ascii) return static_cast<std::int64_t>(byte_offset);
    return static_cast<std::int64_t>(utf8_length(vm.text_of(self).substr(0, byte_offset)));
}

ObjId find_impl(Interp& vm, ObjId self, const CallArgs& a, bool right, bool raise_missing, const char* name) {
    std::string_view sub;
    std::size_t b, e;
    std::int64_t cps = 0;
    if (!find_range(vm, self, a, name, sub, b, e, cps)) return kNull;
    std::string_view s = vm.text_of(self);
    std::size_t f = std::string_view::npos;
    if (b != SIZE_MAX && e - b >= sub.size()) {
        std::string_view window = s.substr(b, e - b);
        f = right ? window.rfind(sub) : window.find(sub);
        if (f != std::string_view::npos) f += b;
    }
    if (f == std::string_view::npos) {
        if (raise_missing) return vm.raise(Exc::ValueError, "substring not found");
        return vm.new_int(-1);
    }
    return vm.new_int(cp_index(vm, self, f));
}

ObjId str_find(Interp& vm, ObjId s, const CallArgs& a) { return find_impl(vm, s, a, false, false, "find"); }
ObjId str_rfind(Interp& vm, ObjId s, const CallArgs& a) { return find_impl(vm, s, a, true, false, "rfind"); }
ObjId str_index(Interp& vm, ObjId s, const CallArgs& a) { return find_impl(vm, s, a, false, true, "index"); }
ObjId str_rindex(Interp& vm, ObjId s, const CallArgs& a) { return find_impl(vm, s, a, true, true, "rindex"); }

ObjId str_count(Interp& vm, ObjId self, const CallArgs& a) {
    std::string_view sub;
    std::size_t b, e;
    std::int64_t cps = 0;
    if (!find_range(vm, self, a, "count", sub, b, e, cps)) return kNull;
    if (b == SIZE_MAX) return vm.new_int(0);
    std::string_view window = vm.text_of(self).substr(b, e - b);
    if (sub.empty()) return vm.new_int(static_cast<std::int64_t>(utf8_length(window)) + 1);
    std::int64_t n = 0;
    for (std::size_t pos = window.find(sub); pos != std::string_view::npos; pos = window.find(sub, pos + sub.size())) ++n;
    return vm.new_int(n);
}

ObjId starts_ends(Interp& vm, ObjId self, const CallArgs& a, bool ends, const char* name) {
    if (!check_positional(vm, a, name, 1, 3)) return kNull;
    std::vector<ObjId> prefixes;
    if (vm.obj(a[0]).type == Type::tuple) {
        for (ObjId p : vm.obj(a[0]).refs) {
            if (!vm.is_str(p)) return vm.raise(Exc::TypeError, std::string("tuple for ") + name + " must only contain str, not " + vm.type_name(p));
            prefixes.push_back(p);
        }
    } else if (vm.is_str(a[0])) {
        prefixes.push_back(a[0]);
    } else {
        return vm.raise(Exc::TypeError, std::string(name) + " first arg must be str or a tuple of str, not " + vm.type_name(a[0]));
    }
    CallArgs rest = a;
    std::string_view dummy;
    std::size_t b = 0, e = 0;
    std::int64_t cps = 0;
    ObjId items[3] = {vm.heap().empty_str(), a.nargs > 1 ? a[1] : kNull, a.nargs > 2 ? a[2] : kNull};
    rest.items = items;
    if (!find_range(vm, self, rest, name, dummy, b, e, cps)) return kNull;
    if (b == SIZE_MAX) return vm.new_bool(false);
    std::string_view window = vm.text_of(self).substr(b, e - b);
    for (ObjId p : prefixes) {
        std::string_view t = vm.text_of(p);
        if (t.size() <= window.size() && (ends ? window.substr(window.size() - t.size()) == t : window.substr(0, t.size()) == t))
            return vm.new_bool(true);
    }
    return vm.new_bool(false);
}

ObjId str_startswith(Interp& vm, ObjId s, const CallArgs& a) { return starts_ends(vm, s, a, false, "startswith"); }
ObjId str_endswith(Interp& vm, ObjId s, const CallArgs& a) { return starts_ends(vm, s, a, true, "endswith"); }

// --- case and classification ---------------------------------------------------------------------

ObjId str_upper(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "upper")) return kNull;
    return vm.new_str(upper_str(vm.text_of(self)));
}

ObjId str_lower(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "lower")) return kNull;
    return vm.new_str(lower_str(vm.text_of(self)));
}

ObjId str_casefold(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "casefold")) return kNull;
    std::string out;
    for (char32_t c : decode(vm.text_of(self))) {
        if (c == 0xdf) out += "ss";
        else utf8_append(out, to_lower_cp(c));
    }
    return vm.new_str(out);
}

ObjId str_swapcase(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "swapcase")) return kNull;
    std::string out;
    for (char32_t c : decode(vm.text_of(self)))
        utf8_append(out, is_upper_cp(c) ? to_lower_cp(c) : is_lower_cp(c) ? to_upper_cp(c) : c);
    return vm.new_str(out);
}

ObjId str_title(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "title")) return kNull;
    std::string out;
    bool prev_cased = false;
    for (char32_t c : decode(vm.text_of(self))) {
        const bool cased = is_upper_cp(c) || is_lower_cp(c);
        utf8_append(out, cased ? (prev_cased ? to_lower_cp(c) : to_upper_cp(c)) : c);
        prev_cased = cased;
    }
    return vm.new_str(out);
}

ObjId str_capitalize(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "capitalize")) return kNull;
    std::string out;
    bool first = true;
    for (char32_t c : decode(vm.text_of(self))) {
        utf8_append(out, first ? to_upper_cp(c) : to_lower_cp(c));
        first = false;
    }
    return vm.new_str(out);
}

template <bool (*Pred)(char32_t)>
ObjId str_is(Interp& vm, ObjId self, const CallArgs& a, const char* name) {
    if (!check_no_args(vm, a, name)) return kNull;
    std::u32string u = decode(vm.text_of(self));
    if (u.empty()) return vm.new_bool(false);
    for (char32_t c : u)
        if (!Pred(c)) return vm.new_bool(false);
    return vm.new_bool(true);
}

bool p_alnum(char32_t c) { return is_alpha_cp(c) || is_digit_cp(c); }
bool p_decimal(char32_t c) { return decimal_value(c) >= 0; }

ObjId str_isdigit(Interp& vm, ObjId s, const CallArgs& a) { return str_is<is_digit_cp>(vm, s, a, "isdigit"); }
ObjId str_isnumeric(Interp& vm, ObjId s, const CallArgs& a) { return str_is<is_digit_cp>(vm, s, a, "isnumeric"); }
ObjId str_isdecimal(Interp& vm, ObjId s, const CallArgs& a) { return str_is<p_decimal>(vm, s, a, "isdecimal"); }
ObjId str_isalpha(Interp& vm, ObjId s, const CallArgs& a) { return str_is<is_alpha_cp>(vm, s, a, "isalpha"); }
ObjId str_isalnum(Interp& vm, ObjId s, const CallArgs& a) { return str_is<p_alnum>(vm, s, a, "isalnum"); }
ObjId str_isspace(Interp& vm, ObjId s, const CallArgs& a) { return str_is<is_space_cp>(vm, s, a, "isspace"); }

ObjId str_isascii(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "isascii")) return kNull;
    return vm.new_bool(vm.obj(self).is_ascii);
}

ObjId str_isprintable(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "isprintable")) return kNull;
    for (char32_t c : decode(vm.text_of(self)))
        if (!is_printable(c)) return vm.new_bool(false);
    return vm.new_bool(true);
}

ObjId case_check(Interp& vm, ObjId self, const CallArgs& a, bool upper, const char* name) {
    if (!check_no_args(vm, a, name)) return kNull;
    bool cased = false;
    for (char32_t c : decode(vm.text_of(self))) {
        if (upper ? is_lower_cp(c) : is_upper_cp(c)) return vm.new_bool(false);
        if (upper ? is_upper_cp(c) : is_lower_cp(c)) cased = true;
    }
    return vm.new_bool(cased);
}

ObjId str_isupper(Interp& vm, ObjId s, const CallArgs& a) { return case_check(vm, s, a, true, "isupper"); }
ObjId str_islower(Interp& vm, ObjId s, const CallArgs& a) { return case_check(vm, s, a, false, "islower"); }

ObjId str_istitle(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "istitle")) return kNull;
    bool prev_cased = false, cased = false;
    for (char32_t c : decode(vm.text_of(self))) {
        if (is_upper_cp(c)) {
            if (prev_cased) return vm.new_bool(false);
            prev_cased = cased = true;
        } else if (is_lower_cp(c)) {
            if (!prev_cased) return vm.new_bool(false);
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
    }
    return vm.new_bool(cased);
}

ObjId str_isidentifier(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "isidentifier")) return kNull;
    std::u32string u = decode(vm.text_of(self));
    if (u.empty()) return vm.new_bool(false);
    for (std::size_t i = 0; i < u.size(); ++i) {
        char32_t c = u[i];
        bool ok = c == '_' || is_alpha_cp(c) || (i > 0 && is_digit_cp(c) && c < 0x80);
        if (!ok) return vm.new_bool(false);
    }
    return vm.new_bool(true);
}

// --- padding -------------------------------------------------------------------------------------

ObjId pad_impl(Interp& vm, ObjId self, const CallArgs& a, char align, const char* name) {
    if (!check_positional(vm, a, name, 1, 2)) return kNull;
    auto width = vm.index_value(a[0]);
    if (!width) return kNull;
    char32_t fill = ' ';
    if (a.nargs == 2) {
        if (!vm.is_str(a[1]) || vm.str_length(a[1]) != 1)
            return vm.raise(Exc::TypeError, std::string("The fill character must be exactly one character long"));
        fill = utf8_decode(vm.text_of(a[1]), 0).cp;
    }
    const std::int64_t len = vm.str_length(self);
    if (*width <= len) return vm.newref(self);
    std::int64_t total = *width - len;
    std::int64_t left = align == '<' ? 0 : align == '>' ? total : total / 2 + (total & *width & 1);
    std::string out;
    for (std::int64_t i = 0; i < left; ++i) utf8_append(out, fill);
    out += vm.text_of(self);
    for (std::int64_t i = 0; i < total - left; ++i) utf8_append(out, fill);
    return vm.new_str(out);
}

ObjId str_center(Interp& vm, ObjId s, const CallArgs& a) { return pad_impl(vm, s, a, '^', "center"); }
ObjId str_ljust(Interp& vm, ObjId s, const CallArgs& a) { return pad_impl(vm, s, a, '<', "ljust"); }
ObjId str_rjust(Interp& vm, ObjId s, const CallArgs& a) { return pad_impl(vm, s, a, '>', "rjust"); }

ObjId str_zfill(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "zfill")) return kNull;
    auto width = vm.index_value(a[0]);
    if (!width) return kNull;
    std::string_view s = vm.text_of(self);
    const std::int64_t len = vm.str_length(self);
    if (*width <= len) return vm.newref(self);
    std::string sign, body(s);
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        sign = s.substr(0, 1);
        body = s.substr(1);
    }
    return vm.new_str(sign + std::string(static_cast<std::size_t>(*width - len), '0') + body);
}

ObjId partition_impl(Interp& vm, ObjId self, const CallArgs& a, bool right) {
    if (!check_one_arg(vm, a, right ? "rpartition" : "partition")) return kNull;
    std::string_view sep;
    if (!str_arg(vm, a[0], "partition", sep, "must be str, not ")) return kNull;
    if (sep.empty()) return vm.raise(Exc::ValueError, "empty separator");
    std::string_view s = vm.text_of(self);
    std::size_t f = right ? s.rfind(sep) : s.find(sep);
    Ref x, y, z;
    if (f == std::string_view::npos) {
        x.reset(right ? vm.new_str("") : vm.newref(self));
        y.reset(vm.new_str(""));
        z.reset(right ? vm.newref(self) : vm.new_str(""));
    } else {
        x.reset(vm.new_str(s.substr(0, f)));
        y = Ref::borrow(a[0]);
        z.reset(vm.new_str(s.substr(f + sep.size())));
    }
    if (!x || !y || !z) return kNull;
    ObjId items[] = {x.get(), y.get(), z.get()};
    return vm.new_tuple(items);
}

ObjId str_partition(Interp& vm, ObjId s, const CallArgs& a) { return partition_impl(vm, s, a, false); }
ObjId str_rpartition(Interp& vm, ObjId s, const CallArgs& a) { return partition_impl(vm, s, a, true); }

ObjId str_splitlines(Interp& vm, ObjId self, const CallArgs& a) {
    ObjId args[1];
    if (!parse_args(vm, a, "splitlines", {"keepends"}, 0, args, true)) return kNull;
    bool keep = false;
    if (args[0]) {
        int t = vm.truthy(args[0]);
        if (t < 0) return kNull;
        keep = t;
    }
    std::u32string u = decode(vm.text_of(self));
    std::vector<std::string> parts;
    std::size_t start = 0;
    auto is_break = [](char32_t c) {
        return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e ||
               c == 0x85 || c == 0x2028 || c == 0x2029;
    };
    for (std::size_t i = 0; i < u.size(); ++i) {
        if (!is_break(u[i])) continue;
        std::size_t eol = i;
        if (u[i] == '\r' && i + 1 < u.size() && u[i + 1] == '\n') ++i;
        parts.push_back(encode(u.substr(start, (keep ? i + 1 : eol) - start)));
        start = i + 1;
    }
    if (start < u.size()) parts.push_back(encode(u.substr(start)));
    return new_list_of_strs(vm, parts);
}

ObjId str_expandtabs(Interp& vm, ObjId self, const CallArgs& a) {
    ObjId args[1];
    if (!parse_args(vm, a, "expandtabs", {"tabsize"}, 0, args, true)) return kNull;
    std::int64_t tab = 8;
    if (args[0]) {
        auto v = vm.index_value(args[0]);
        if (!v) return kNull;
        tab = *v;
    }
    std::string out;
    std::int64_t col = 0;
    for (char32_t c : decode(vm.text_of(self))) {
        if (c == '\t') {
            if (tab > 0) {
                std::int64_t n = tab - col % tab;
                out.append(static_cast<std::size_t>(n), ' ');
                col += n;
            }
        } else {
            utf8_append(out, c);
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
        }
    }
    return vm.new_str(out);
}

ObjId str_removeprefix(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "removeprefix")) return kNull;
    std::string_view p;
    if (!str_arg(vm, a[0], "removeprefix", p, "removeprefix() argument must be str, not ")) return kNull;
    std::string_view s = vm.text_of(self);
    if (!p.empty() && s.substr(0, p.size()) == p) return vm.new_str(s.substr(p.size()));
    return vm.newref(self);
}

ObjId str_removesuffix(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "removesuffix")) return kNull;
    std::string_view p;
    if (!str_arg(vm, a[0], "removesuffix", p, "removesuffix() argument must be str, not ")) return kNull;
    std::string_view s = vm.text_of(self);
    if (!p.empty() && s.size() >= p.size() && s.substr(s.size() - p.size()) == p)
        return vm.new_str(s.substr(0, s.size() - p.size()));
    return vm.newref(self);
}

ObjId str_encode(Interp& vm, ObjId self, const CallArgs& a) {
    ObjId args[2];
    if (!parse_args(vm, a, "encode", {"encoding", "errors"}, 0, args, true)) return kNull;
    return vm.str_encode(self, args[0], args[1]);
}

ObjId str_format_m(Interp& vm, ObjId self, const CallArgs& a) { return vm.str_format(self, a, kNull); }

ObjId str_format_map(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "format_map")) return kNull;
    CallArgs none{nullptr, 0, kNull, 0};
    return vm.str_format(self, none, a[0]);
}

ObjId str_dunder_format(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "__format__")) return kNull;
    return vm.format(self, a[0]);
}

// str.maketrans(x[, y[, z]]): a dict from code points to code points, strings or None.
ObjId str_maketrans(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_positional(vm, a, "maketrans", 1, 3)) return kNull;
    Ref table(vm.new_dict());
    if (!table) return kNull;
    if (a.nargs == 1) {
        if (vm.obj(a[0]).type != Type::dict)
            return vm.raise(Exc::TypeError, "if you give only one argument to maketrans it must be a dict");
        std::vector<std::pair<ObjId, ObjId>> items;
        vm.dict_for_each(a[0], [&](ObjId k, ObjId v) {
            items.emplace_back(vm.newref(k), vm.newref(v));
            return true;
        });
        bool ok = true;
        for (auto& [k, v] : items) {
            if (ok) {
                Ref key;
                if (vm.is_str(k)) {
                    if (vm.str_length(k) != 1) {
                        vm.raise(Exc::ValueError, "string keys in translate table must be of length 1");
                        ok = false;
                    } else {
                        key.reset(vm.new_int(static_cast<std::int64_t>(decode(vm.text_of(k))[0])));
                    }
                } else if (vm.is_int(k)) {
                    key.reset(vm.newref(k));
                } else {
                    vm.raise(Exc::TypeError, "keys in translate table must be strings or integers");
                    ok = false;
                }
                if (ok && (!key || vm.dict_set(table.get(), key.get(), v) < 0)) ok = false;
            }
            vm.decref(k);
            vm.decref(v);
        }
        if (!ok) return kNull;
        return table.release();
    }
    if (!vm.is_str(a[0])) return vm.raise(Exc::TypeError, "maketrans() argument 1 must be str, not " + vm.type_name(a[0]));
    if (!vm.is_str(a[1])) return vm.raise(Exc::TypeError, "maketrans() argument 2 must be str, not " + vm.type_name(a[1]));
    const std::u32string x = decode(vm.text_of(a[0])), y = decode(vm.text_of(a[1]));
    if (x.size() != y.size()) return vm.raise(Exc::ValueError, "the first two maketrans arguments must have equal length");
    for (std::size_t i = 0; i < x.size(); ++i) {
        Ref k(vm.new_int(static_cast<std::int64_t>(x[i])));
        Ref v(vm.new_int(static_cast<std::int64_t>(y[i])));
        if (!k || !v || vm.dict_set(table.get(), k.get(), v.get()) < 0) return kNull;
    }
    if (a.nargs == 3) {
        if (!vm.is_str(a[2])) return vm.raise(Exc::TypeError, "maketrans() argument 3 must be str, not " + vm.type_name(a[2]));
        for (char32_t c : decode(vm.text_of(a[2]))) {
            Ref k(vm.new_int(static_cast<std::int64_t>(c)));
            if (!k || vm.dict_set(table.get(), k.get(), vm.none()) < 0) return kNull;
        }
    }
    return table.release();
}

// str.translate(table): each character looked up by code point (LookupError keeps it).
ObjId str_translate(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "translate")) return kNull;
    std::u32string out;
    for (char32_t c : decode(vm.text_of(self))) {
        Ref key(vm.new_int(static_cast<std::int64_t>(c)));
        if (!key) return kNull;
        Ref v(vm.getitem(a[0], key.get()));
        if (!v) {
            if (!vm.exception_matches(Exc::LookupError)) return kNull;
            vm.clear_exception();
            out.push_back(c);
            continue;
        }
        if (v.get() == vm.none()) continue;
        if (vm.is_int(v.get())) {
            std::int64_t n;
            if (!vm.small_int(v.get(), n) || n < 0 || n > 0x10ffff)
                return vm.raise(Exc::ValueError, "character mapping must be in range(0x110000)");
            out.push_back(static_cast<char32_t>(n));
        } else if (vm.is_str(v.get())) {
            out += decode(vm.text_of(v.get()));
        } else {
            return vm.raise(Exc::TypeError, "character mapping must return integer, None or str");
        }
    }
    return vm.new_str(encode(out));
}

const NativeDef kStr[] = {
    {"maketrans", str_maketrans, NativeDef::staticmethod}, {"translate", str_translate},
    {"join", str_join}, {"split", str_split}, {"rsplit", str_rsplit}, {"strip", str_strip},
    {"lstrip", str_lstrip}, {"rstrip", str_rstrip}, {"replace", str_replace}, {"find", str_find},
    {"rfind", str_rfind}, {"index", str_index}, {"rindex", str_rindex}, {"count", str_count},
    {"startswith", str_startswith}, {"endswith", str_endswith}, {"upper", str_upper},
    {"lower", str_lower}, {"casefold", str_casefold}, {"swapcase", str_swapcase},
    {"title", str_title}, {"capitalize", str_capitalize}, {"isdigit", str_isdigit},
    {"isnumeric", str_isnumeric}, {"isdecimal", str_isdecimal}, {"isalpha", str_isalpha},
    {"isalnum", str_isalnum}, {"isspace", str_isspace}, {"isascii", str_isascii},
    {"isprintable", str_isprintable}, {"isupper", str_isupper}, {"islower", str_islower},
    {"istitle", str_istitle}, {"isidentifier", str_isidentifier}, {"center", str_center},
    {"ljust", str_ljust}, {"rjust", str_rjust}, {"zfill", str_zfill},
    {"partition", str_partition}, {"rpartition", str_rpartition}, {"splitlines", str_splitlines},
    {"expandtabs", str_expandtabs}, {"removeprefix", str_removeprefix},
    {"removesuffix", str_removesuffix}, {"encode", str_encode}, {"format", str_format_m},
    {"format_map", str_format_map}, {"__format__", str_dunder_format},
};

// --- bytes -----------------------------------------------------------------------------------------

ObjId bytes_decode_m(Interp& vm, ObjId self, const CallArgs& a) {
    ObjId args[2];
    if (!parse_args(vm, a, "decode", {"encoding", "errors"}, 0, args, true)) return kNull;
    return vm.bytes_decode(self, args[0], args[1]);
}

ObjId bytes_hex(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "hex")) return kNull;
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (unsigned char c : vm.text_of(self)) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return vm.new_str(out);
}

const NativeDef kBytes[] = {{"decode", bytes_decode_m}, {"hex", bytes_hex}};

}  // namespace

void register_str_methods(Interp& vm) { vm.register_methods(BT::str, kStr); }
void register_bytes_methods(Interp& vm) { vm.register_methods(BT::bytes, kBytes); }

// --- encodings -------------------------------------------------------------------------------------

namespace {
std::string normalize_encoding(std::string_view e) {
    std::string out;
    for (char c : e) out += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (out == "utf8") out = "utf-8";
    if (out == "latin-1" || out == "latin1" || out == "iso-8859-1" || out == "iso8859-1") out = "latin-1";
    return out;
}
}  // namespace

ObjId Interp::str_encode(ObjId s, ObjId encoding, ObjId errors) {
    (void)errors;
    std::string enc = encoding && is_str(encoding) ? normalize_encoding(text_of(encoding)) : "utf-8";
    if (enc == "utf-8") return new_bytes(text_of(s));
    if (enc == "ascii" || enc == "latin-1") {
        const char32_t limit = enc == "ascii" ? 0x80 : 0x100;
        std::string out;
        std::size_t idx = 0;
        for (char32_t c : decode(text_of(s))) {
            if (c >= limit) {
                char buf[16];
                std::snprintf(buf, sizeof buf, c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x", static_cast<unsigned>(c));
                return raise(Exc::UnicodeEncodeError, "'" + std::string(enc == "ascii" ? "ascii" : "latin-1") + "' codec can't encode character '" + buf +
                                                          "' in position " + std::to_string(idx) + ": ordinal not in range(" +
                                                          (enc == "ascii" ? "128" : "256") + ")");
            }
            out += static_cast<char>(c);
            ++idx;
        }
        return new_bytes(out);
    }
    report_unsupported("the encoding '" + enc + "'");
    return raise(Exc::LookupError, "unknown encoding: " + enc);
}

ObjId Interp::bytes_decode(ObjId b, ObjId encoding, ObjId errors) {
    (void)errors;
    std::string enc = encoding && is_str(encoding) ? normalize_encoding(text_of(encoding)) : "utf-8";
    std::string_view data = text_of(b);
    if (enc == "utf-8") {
        for (std::size_t i = 0; i < data.size();) {
            auto c = utf8_decode(data, i);
            if (c.cp == 0xfffd && !(data.substr(i, 3) == "\xef\xbf\xbd")) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "0x%02x", static_cast<unsigned char>(data[i]));
                return raise(Exc::UnicodeDecodeError, std::string("'utf-8' codec can't decode byte ") + buf + " in position " +
                                                          std::to_string(i) + ": invalid start byte");
            }
            i += c.length;
        }
        return new_str(data);
    }
    if (enc == "ascii" || enc == "latin-1") {
        std::string out;
        for (std::size_t i = 0; i < data.size(); ++i) {
            auto c = static_cast<unsigned char>(data[i]);
            if (enc == "ascii" && c >= 0x80) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "0x%02x", c);
                return raise(Exc::UnicodeDecodeError, std::string("'ascii' codec can't decode byte ") + buf + " in position " +
                                                          std::to_string(i) + ": ordinal not in range(128)");
            }
            utf8_append(out, c);
        }
        return new_str(out);
    }
    report_unsupported("the encoding '" + enc + "'");
    return raise(Exc::LookupError, "unknown encoding: " + enc);
}

// --- format() ------------------------------------------------------------------------------------

ObjId Interp::format(ObjId value, ObjId spec) {
    if (!is_str(spec)) return raise(Exc::TypeError, "format() argument 2 must be str, not " + type_name(spec));
    std::string_view s = text_of(spec);
    const Type t = obj(value).type;
    Result<std::string> r = std::string();
    if (t == Type::bool_type && s.empty()) return str(value);
    if (t == Type::int_type || t == Type::bool_type) {
        r = format_int(big_of(value), s, type_name(value));
    } else if (t == Type::float_type) {
        r = format_float(float_of(value), s, "float");
    } else if (t == Type::str) {
        if (s.empty()) return newref(value);
        r = format_str(text_of(value), s, "str");
    } else if (is_heap_instance(value)) {
        ObjId f = lookup(type_of(value), Id::format);
        if (f && obj(f).type == Type::function) {
            Ref keep = Ref::borrow(f);
            Ref res(call_descr(f, value, {spec}));
            if (!res) return kNull;
            if (!is_str(res.get()))
                return raise(Exc::TypeError, "__format__ must return a str, not " + type_name(res.get()));
            return res.release();
        }
        if (!s.empty()) return raise(Exc::TypeError, "unsupported format string passed to " + type_name(value) + ".__format__");
        return str(value);
    } else {
        if (!s.empty()) return raise(Exc::TypeError, "unsupported format string passed to " + type_name(value) + ".__format__");
        return str(value);
    }
    if (!r) return raise_from_pyerror(r.error());
    return new_str(r.value());
}

// str.format: {field!conv:spec} with automatic or explicit numbering, attribute and index access.
ObjId Interp::str_format(ObjId fmt, const CallArgs& a, ObjId mapping) {
    std::string_view f = text_of(fmt);
    std::string out;
    int auto_index = 0;
    bool used_auto = false, used_manual = false;
    std::function<bool(std::string_view, std::string&, int)> render;
    render = [&](std::string_view text, std::string& dst, int depth) -> bool {
        if (depth > 2) {
            raise(Exc::ValueError, "Max string recursion exceeded");
            return false;
        }
        for (std::size_t i = 0; i < text.size(); ++i) {
            char c = text[i];
            if (c == '}') {
                if (i + 1 < text.size() && text[i + 1] == '}') {
                    dst += '}';
                    ++i;
                    continue;
                }
                raise(Exc::ValueError, "Single '}' encountered in format string");
                return false;
            }
            if (c != '{') {
                dst += c;
                continue;
            }
            if (i + 1 < text.size() && text[i + 1] == '{') {
                dst += '{';
                ++i;
                continue;
            }
            // Find the matching '}' (nested braces in the spec count).
            std::size_t j = i + 1;
            int level = 1;
            for (; j < text.size(); ++j) {
                if (text[j] == '{') ++level;
                else if (text[j] == '}' && --level == 0) break;
            }
            if (j >= text.size()) {
                raise(Exc::ValueError, "expected '}' before end of string");
                return false;
            }
            std::string_view field = text.substr(i + 1, j - i - 1);
            i = j;
            std::string_view name = field, conv, spec;
            std::size_t colon = std::string_view::npos, bang = std::string_view::npos;
            {
                int br = 0;
                for (std::size_t k = 0; k < field.size(); ++k) {
                    if (field[k] == '[') ++br;
                    else if (field[k] == ']') --br;
                    else if (br == 0 && field[k] == '!' && bang == std::string_view::npos && colon == std::string_view::npos) bang = k;
                    else if (br == 0 && field[k] == ':' && colon == std::string_view::npos) {
                        colon = k;
                        break;
                    }
                }
            }
            if (colon != std::string_view::npos) {
                spec = field.substr(colon + 1);
                name = field.substr(0, colon);
            }
            if (bang != std::string_view::npos) {
                conv = name.substr(bang + 1);
                name = name.substr(0, bang);
                if (conv.size() != 1) {
                    raise(Exc::ValueError, conv.empty() ? "end of string while looking for conversion specifier"
                                                        : "expected ':' after conversion specifier");
                    return false;
                }
            }
            // The first part of the name: an index or a keyword.
            std::size_t k = 0;
            while (k < name.size() && name[k] != '.' && name[k] != '[') ++k;
            std::string_view first = name.substr(0, k);
            Ref value;
            if (first.empty() || std::all_of(first.begin(), first.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
                std::size_t index;
                if (first.empty()) {
                    if (used_manual) {
                        raise(Exc::ValueError, "cannot switch from manual field specification to automatic field numbering");
                        return false;
                    }
                    used_auto = true;
                    index = static_cast<std::size_t>(auto_index++);
                } else {
                    if (used_auto) {
                        raise(Exc::ValueError, "cannot switch from automatic field numbering to manual field specification");
                        return false;
                    }
                    used_manual = true;
                    index = std::stoul(std::string(first));
                }
                if (index >= a.nargs) {
                    raise(Exc::IndexError, "Replacement index " + std::to_string(index) + " out of range for positional args tuple");
                    return false;
                }
                value = Ref::borrow(a[index]);
            } else {
                ObjId v = mapping ? kNull : kwarg(*this, a, first);
                if (mapping) {
                    Ref key(new_str(first));
                    value.reset(getitem(mapping, key.get()));
                    if (!value) return false;
                } else if (!v) {
                    Ref key(new_str(first));
                    raise_key_error(key.get());
                    return false;
                } else {
                    value = Ref::borrow(v);
                }
            }
            // .attr and [key] accessors
            while (k < name.size()) {
                if (name[k] == '.') {
                    std::size_t e = k + 1;
                    while (e < name.size() && name[e] != '.' && name[e] != '[') ++e;
                    Ref next(getattr(value.get(), name.substr(k + 1, e - k - 1)));
                    if (!next) return false;
                    value = std::move(next);
                    k = e;
                } else {
                    std::size_t e = name.find(']', k);
                    if (e == std::string_view::npos) {
                        raise(Exc::ValueError, "Missing ']' in format string");
                        return false;
                    }
                    std::string_view key = name.substr(k + 1, e - k - 1);
                    Ref keyobj;
                    if (!key.empty() && std::all_of(key.begin(), key.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
                        keyobj.reset(new_int(std::stoll(std::string(key))));
                    else
                        keyobj.reset(new_str(key));
                    Ref next(getitem(value.get(), keyobj.get()));
                    if (!next) return false;
                    value = std::move(next);
                    k = e + 1;
                }
            }
            if (!conv.empty()) {
                Ref c;
                if (conv[0] == 'r') c.reset(repr(value.get()));
                else if (conv[0] == 's') c.reset(str(value.get()));
                else if (conv[0] == 'a') c.reset(ascii(value.get()));
                else {
                    raise(Exc::ValueError, "Unknown conversion specifier " + std::string(conv));
                    return false;
                }
                if (!c) return false;
                value = std::move(c);
            }
            std::string spec_text;
            if (!render(spec, spec_text, depth + 1)) return false;
            Ref spec_obj(new_str(spec_text));
            Ref formatted(format(value.get(), spec_obj.get()));
            if (!formatted) return false;
            dst += text_of(formatted.get());
        }
        return true;
    };
    if (!render(f, out, 0)) return kNull;
    return new_str(out);
}

// --- str % args ------------------------------------------------------------------------------------

namespace {

class PyPercentArgs : public PercentArgs {
public:
    PyPercentArgs(Interp& vm, ObjId operand) : vm_(vm), operand_(operand) {
        if (vm.obj(operand).type == Type::tuple) values_.assign(vm.obj(operand).refs.begin(), vm.obj(operand).refs.end());
        else values_.push_back(operand);
    }
    ~PyPercentArgs() override {
        for (ObjId x : looked_up_) vm_.decref(x);
    }
    std::size_t count() const override { return vm_.obj(operand_).type == Type::tuple ? values_.size() : 1; }
    bool is_mapping() const override {
        const Type t = vm_.obj(operand_).type;
        if (t == Type::tuple || t == Type::str) return false;
        return t == Type::dict || t == Type::list || (vm_.is_heap_instance(operand_) && vm_.lookup(vm_.type_of(operand_), lang::Id::getitem));
    }
    Result<Id> mapping_lookup(std::string_view key) override {
        Ref k(vm_.new_str(key));
        ObjId v = vm_.getitem(operand_, k.get());
        if (!v) return take_error();
        looked_up_.push_back(v);
        values_.push_back(v);
        return values_.size() - 1;
    }
    bool is_int(Id v) const override { return vm_.is_int(values_[v]); }
    bool is_str(Id v) const override { return vm_.is_str(values_[v]); }
    bool is_number(Id v) const override {
        ObjId o = values_[v];
        if (vm_.is_number(o)) return true;
        if (!vm_.is_heap_instance(o)) return false;
        ObjId t = vm_.type_of(o);
        return vm_.lookup(t, lang::Id::index) || vm_.lookup(t, lang::Id::int_) || vm_.lookup(t, lang::Id::float_);
    }
    std::string type_name(Id v) const override { return vm_.type_name(values_[v]); }
    Result<std::string> str_of(Id v) override {
        auto s = vm_.str_text(values_[v]);
        if (!s) return take_error();
        return *s;
    }
    Result<std::string> repr_of(Id v) override {
        auto s = vm_.repr_text(values_[v]);
        if (!s) return take_error();
        return *s;
    }
    Result<BigInt> as_bigint(Id v, bool index_only) override {
        ObjId o = values_[v];
        if (vm_.is_int(o)) return vm_.big_of(o);
        if (vm_.is_float(o) && !index_only) {
            auto r = BigInt::from_double(vm_.float_of(o));
            return r;
        }
        if (vm_.is_heap_instance(o)) {
            ObjId f = vm_.lookup(vm_.type_of(o), index_only ? lang::Id::index : lang::Id::int_);
            if (!f && !index_only) f = vm_.lookup(vm_.type_of(o), lang::Id::index);
            if (f) {
                Ref keep = Ref::borrow(f);
                Ref r(vm_.call_descr(f, o, {}));
                if (!r) return take_error();
                if (vm_.is_int(r.get())) return vm_.big_of(r.get());
            }
        }
        return PyError{"TypeError", "an integer is required"};
    }
    Result<double> as_double(Id v) override {
        auto d = vm_.to_double(values_[v]);
        if (!d) return take_error();
        return *d;
    }

private:
    PyError take_error() {
        ObjId e = vm_.fetch_exception();
        PyError err{vm_.type_name(e), vm_.exception_str(e)};
        vm_.decref(e);
        return err;
    }
    Interp& vm_;
    ObjId operand_;
    std::vector<ObjId> values_;
    std::vector<ObjId> looked_up_;
};

}  // namespace

ObjId Interp::str_percent_format(ObjId fmt, ObjId operand) {
    PyPercentArgs args(*this, operand);
    auto r = percent_format(text_of(fmt), args);
    if (!r) {
        const PyError& e = r.error();
        if (e.type == "KeyError") {
            // The key's repr is the message; rebuild a KeyError with the key.
            return raise(Exc::KeyError, e.message);
        }
        return raise_from_pyerror(e);
    }
    return new_str(r.value());
}

}  // namespace refscope::lang
