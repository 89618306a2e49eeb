// test_json_writer.cpp — JSON text written directly (trace/json_writer.hpp) must be what
// nlohmann::json would write: valid JSON, the same values, strings escaped the same way, and
// bytes that are not UTF-8 replaced by U+FFFD as dump(..., error_handler_t::replace) does.
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "trace/json_writer.hpp"

using nlohmann::json;
using refscope::trace::JsonWriter;

namespace {

std::string written(std::string_view text) {
    JsonWriter w;
    w.value(text);
    return w.take();
}

std::string nlohmann_dump(const std::string& text) {
    return json(text).dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

TEST_CASE("json writer: nested objects and arrays parse to the tree they describe", "[json]") {
    JsonWriter w;
    w.begin_object();
    w.key("step").value(std::uint64_t{12});
    w.key("empty").begin_array().end_array();
    w.key("none").begin_object().end_object();
    w.key("items").begin_array();
    w.value("a").value(-3).null().value(true).value(false);
    w.begin_object().key("k").value(1).end_object();
    w.begin_array().value(1).value(2).end_array();
    w.end_array();
    w.key("min").value(std::numeric_limits<std::int64_t>::min());
    w.key("max").value(std::numeric_limits<std::uint64_t>::max());
    w.key("raw").raw("[1,{\"x\":null}]");
    w.key_text("quote\"key").value("");
    w.end_object();
    const json expected = {
        {"step", 12}, {"empty", json::array()}, {"none", json::object()},
        {"items", {"a", -3, nullptr, true, false, {{"k", 1}}, {1, 2}}},
        {"min", std::numeric_limits<std::int64_t>::min()},
        {"max", std::numeric_limits<std::uint64_t>::max()},
        {"raw", {1, {{"x", nullptr}}}},
        {"quote\"key", ""}};
    CHECK(json::parse(w.take()) == expected);
}

TEST_CASE("json writer: strings are escaped exactly as nlohmann escapes them", "[json]") {
    std::string every_ascii;
    for (int c = 0; c < 128; ++c) every_ascii += static_cast<char>(c);
    for (const std::string& s : {every_ascii, std::string("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9D\x84\x9E"),
                                 std::string(), std::string("tab\there \"q\" back\\slash")}) {
        CHECK(written(s) == nlohmann_dump(s));
        CHECK(json::parse(written(s)).get<std::string>() == s);
    }
}

TEST_CASE("json writer: bytes that are not UTF-8 become U+FFFD, as nlohmann's replace does", "[json]") {
    const std::string bad[] = {
        "\xFF", "a\x80z", "\xC0\xAF", "\xC2", "\xE2\x82", "\xED\xA0\x80", "\xF4\x90\x80\x80",
        "\xF0\x9D\x84", "ok\xE2\x82\xACthen\xE2\x82", "\xF5\x80\x80\x80", "\xE0\x80\x80",
    };
    for (const std::string& s : bad) {
        INFO("bytes " << json::binary({s.begin(), s.end()}).dump());
        const std::string text = written(s);
        CHECK(text == nlohmann_dump(s));
        CHECK_NOTHROW(json::parse(text));
    }
}

TEST_CASE("json writer: random byte strings are written as nlohmann writes them", "[json]") {
    std::mt19937 rng(20261121);
    std::uniform_int_distribution<int> byte(0, 255), length(0, 12);
    for (int i = 0; i < 20000; ++i) {
        std::string s;
        const int n = length(rng);
        for (int k = 0; k < n; ++k) {
            // Bias towards bytes that start or continue UTF-8 sequences.
            const int b = byte(rng);
            s += static_cast<char>(b < 128 ? 0x80 + (b & 0x3F) : b);
        }
        INFO("case " << i);
        REQUIRE(written(s) == nlohmann_dump(s));
    }
    // Mostly printable ASCII, long enough to be scanned eight bytes at a time, with the odd
    // quote, backslash, control or high byte anywhere.
    std::uniform_int_distribution<int> printable(0x20, 0x7E), odds(0, 9), longer(0, 40);
    for (int i = 0; i < 20000; ++i) {
        std::string s;
        const int n = longer(rng);
        for (int k = 0; k < n; ++k) s += static_cast<char>(odds(rng) ? printable(rng) : byte(rng));
        INFO("mostly printable case " << i);
        REQUIRE(written(s) == nlohmann_dump(s));
    }
}
