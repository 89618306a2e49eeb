// test_packed_column.cpp — a PackedColumn reads back exactly what a std::vector would hold.
//
// Every pattern (constant runs, small ranges, values needing 8, 16 or 32 bits, 0xFFFFFFFF,
// every width from 0 to 32, random values from a fixed seed) is pushed at sizes around the
// block boundaries, and the column is compared with a plain vector of the same values through
// operator[], back(), for_each and to_vector. Changing the last value (as the recorder does)
// and the memory the column reports are checked too.
#include <catch2/catch.hpp>

#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "trace/packed_column.hpp"

using refscope::trace::PackedColumn;

namespace {

constexpr std::size_t kBlock = PackedColumn::kBlock;

PackedColumn packed(const std::vector<std::uint32_t>& values) {
    PackedColumn column;
    for (std::uint32_t v : values) column.push_back(v);
    return column;
}

void check_same(const PackedColumn& column, const std::vector<std::uint32_t>& expected) {
    REQUIRE(column.size() == expected.size());
    CHECK(column.empty() == expected.empty());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        if (column[i] != expected[i]) {
            INFO("index " << i);
            REQUIRE(column[i] == expected[i]);
        }
    }
    if (!expected.empty()) CHECK(column.back() == expected.back());
    std::vector<std::uint32_t> visited;
    column.for_each([&](std::uint32_t v) { visited.push_back(v); });
    CHECK(visited == expected);
    CHECK(column.to_vector() == expected);
}

struct Pattern {
    std::string name;
    std::function<std::uint32_t(std::size_t)> value;   // the value at index i
};

std::vector<Pattern> patterns() {
    return {
        {"zeros", [](std::size_t) { return 0u; }},
        {"a constant", [](std::size_t) { return 123456789u; }},
        {"0xFFFFFFFF", [](std::size_t) { return 0xFFFFFFFFu; }},
        {"constant runs of 50", [](std::size_t i) { return static_cast<std::uint32_t>(1000 + i / 50); }},
        {"a small range", [](std::size_t i) { return static_cast<std::uint32_t>(40000 + i % 5); }},
        {"a counter", [](std::size_t i) { return static_cast<std::uint32_t>(i); }},
        {"8 bits", [](std::size_t i) { return static_cast<std::uint32_t>(70000 + (i * 37) % 256); }},
        {"16 bits", [](std::size_t i) { return static_cast<std::uint32_t>(5 + (i * 40503) % 65536); }},
        {"32 bits", [](std::size_t i) { return static_cast<std::uint32_t>(i * 2654435761u); }},
        {"0 and 0xFFFFFFFF", [](std::size_t i) { return i % 3 ? 0u : 0xFFFFFFFFu; }},
        {"near the top", [](std::size_t i) { return static_cast<std::uint32_t>(0xFFFFFFFFu - i % 7); }},
        // Block b holds 0, 2^w - 1 and values between, w = b % 33: every width from 0 to 32.
        {"every width",
         [](std::size_t i) {
             const std::size_t width = (i / kBlock) % 33;
             const std::uint64_t span = (std::uint64_t{1} << width) - 1;
             const std::uint64_t v = i % 2 ? span : i % 4 ? (i * 7919) % (span + 1) : 0;
             return static_cast<std::uint32_t>(v);
         }},
    };
}

std::vector<std::uint32_t> values_of(const Pattern& p, std::size_t n) {
    std::vector<std::uint32_t> values(n);
    for (std::size_t i = 0; i < n; ++i) values[i] = p.value(i);
    return values;
}

}  // namespace

TEST_CASE("packed column: every pattern at sizes around the block boundaries", "[packed_column]") {
    for (const Pattern& p : patterns()) {
        for (std::size_t n : {0, 1, 2, 63, 64, 65, 127, 128, 129, 1000, 33 * 64 + 5}) {
            INFO(p.name << ", " << n << " values");
            check_same(packed(values_of(p, n)), values_of(p, n));
        }
    }
}

TEST_CASE("packed column: random values with a fixed seed", "[packed_column]") {
    std::mt19937 random(20261121);
    for (std::uint32_t range : {1u, 2u, 200u, 70000u, 0xFFFFFFFFu}) {
        INFO("range " << range);
        std::uniform_int_distribution<std::uint32_t> draw(0, range - 1);
        std::uniform_int_distribution<std::uint32_t> base(0, 0xFFFFFFFFu - (range - 1));
        std::vector<std::uint32_t> values;
        const std::uint32_t offset = base(random);
        for (int i = 0; i < 5000; ++i) values.push_back(offset + draw(random));
        check_same(packed(values), values);
    }
}

TEST_CASE("packed column: the last value can be changed until the next one arrives", "[packed_column]") {
    PackedColumn column;
    std::vector<std::uint32_t> expected;
    for (std::uint32_t i = 0; i < 3 * kBlock + 7; ++i) {
        column.push_back(i);
        expected.push_back(i);
        column.back() |= 0x100;        // as the recorder sets flag bits
        ++column.back();               // and counts instructions
        expected.back() = (expected.back() | 0x100) + 1;
        if (i % 5 == 0) column.back() = expected.back() = 0xFFFFFFFFu;
    }
    check_same(column, expected);
}

TEST_CASE("packed column: equal values make equal columns", "[packed_column]") {
    const std::vector<std::uint32_t> values = values_of(patterns()[6], 300);
    CHECK(packed(values) == packed(values));
    std::vector<std::uint32_t> other = values;
    other[10] += 1;                    // in a packed block
    CHECK_FALSE(packed(values) == packed(other));
    other = values;
    other.back() += 1;                 // in the tail
    CHECK_FALSE(packed(values) == packed(other));
    other = values;
    other.pop_back();
    CHECK_FALSE(packed(values) == packed(other));
}

TEST_CASE("packed column: the memory held follows the range of each block", "[packed_column]") {
    const std::size_t n = 100 * kBlock;
    const std::size_t blocks = n / kBlock;
    // Per block: its minimum and its offset (4 + 4 bytes), then its packed values.
    const auto at_most = [&](std::size_t bits) {
        return sizeof(PackedColumn) + blocks * 8 + 4 + n * bits / 8;
    };
    PackedColumn constant = packed(values_of(patterns()[1], n));
    PackedColumn eight = packed(values_of(patterns()[6], n));
    PackedColumn sixteen = packed(values_of(patterns()[7], n));
    PackedColumn full = packed(values_of(patterns()[8], n));
    for (PackedColumn* c : {&constant, &eight, &sixteen, &full}) c->shrink_to_fit();
    CHECK(constant.bytes() <= at_most(0));
    CHECK(eight.bytes() <= at_most(8));
    CHECK(eight.bytes() > at_most(7));
    CHECK(sixteen.bytes() <= at_most(16));
    CHECK(sixteen.bytes() > at_most(15));
    CHECK(full.bytes() <= at_most(32));
    CHECK(full.bytes() > at_most(31));
    // The capacity counts too: a growing column holds at least what it stores.
    PackedColumn growing;
    for (std::size_t i = 0; i < n; ++i) growing.push_back(static_cast<std::uint32_t>(i * 2654435761u));
    CHECK(growing.bytes() >= full.bytes());
}
