// trace/json_writer.hpp — writes JSON text straight into a string, without building a tree.
//
// The answers a viewer asks for most (a State at a step, a few hundred KB for a large heap)
// are written with this instead of nlohmann::json: building a tree of maps first and dumping
// it cost several times more than the text itself.
//
// Usage:
//   JsonWriter w;
//   w.begin_object();
//   w.key("step").value(12);
//   w.key("names").begin_array(); w.value("a"); w.value("b"); w.end_array();
//   w.end_object();
//   std::string text = w.take();
//
// Invariants:
//   1. The caller nests begin_*/end_* properly and writes a key before each value inside an
//      object; the writer then produces one valid JSON value (it does not check the nesting).
//   2. Strings are escaped as JSON requires, and exactly as nlohmann's dump with
//      error_handler_t::replace escapes them: each ill-formed UTF-8 sequence (its longest
//      start that could have been valid, or one stray byte) becomes one U+FFFD, so any text
//      is safe to write.
#pragma once

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

namespace refscope::trace {

class JsonWriter {
public:
    JsonWriter& begin_object() { return open('{'); }
    JsonWriter& end_object() { return close('}'); }
    JsonWriter& begin_array() { return open('['); }
    JsonWriter& end_array() { return close(']'); }
    // An object's key given as a literal that needs no escaping (printable ASCII without '"'
    // or '\\'; checked in builds with assertions). One append: a State has thousands of keys.
    template <std::size_t N>
    JsonWriter& key(const char (&name)[N]) {
        static_assert(N > 1, "a key is not empty");
        assert(plain_key(std::string_view(name, N - 1)));
        char buf[N + 3];
        std::size_t n = 0;
        if (need_comma_) buf[n++] = ',';
        buf[n++] = '"';
        std::memcpy(buf + n, name, N - 1);
        n += N - 1;
        buf[n++] = '"';
        buf[n++] = ':';
        out_.append(buf, n);
        need_comma_ = false;
        return *this;
    }
    // An object's key from any text (escaped as strings are).
    JsonWriter& key_text(std::string_view text);
    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
    template <class Int>
        requires std::is_integral_v<Int> && (!std::is_same_v<Int, bool>)
    JsonWriter& value(Int n) {
        if constexpr (std::is_signed_v<Int>) return signed_number(n);
        else return unsigned_number(n);
    }
    JsonWriter& value(bool b) { return literal(b ? "true" : "false"); }
    JsonWriter& null() { return literal("null"); }
    // Text that is already one JSON value.
    JsonWriter& raw(std::string_view json) { return literal(json); }

    std::size_t size() const { return out_.size(); }
    void reserve(std::size_t n) { out_.reserve(n); }
    std::string take() { return std::move(out_); }

private:
    static bool plain_key(std::string_view name);
    JsonWriter& signed_number(std::int64_t n);
    JsonWriter& unsigned_number(std::uint64_t n);
    template <class N> JsonWriter& number(N n);   // both of the above, one append
    void separate() {
        if (need_comma_) out_ += ',';
    }
    JsonWriter& open(char c) {
        separate();
        out_ += c;
        need_comma_ = false;
        return *this;
    }
    JsonWriter& close(char c) {
        out_ += c;
        need_comma_ = true;
        return *this;
    }
    JsonWriter& literal(std::string_view text) {
        separate();
        out_ += text;
        need_comma_ = true;
        return *this;
    }

    std::string out_;
    bool need_comma_ = false;
};

// Appends `text` as a JSON string literal (quotes included), escaped as JsonWriter does.
void append_json_string(std::string& out, std::string_view text);

}  // namespace refscope::trace
