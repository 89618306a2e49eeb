// test_shared_blocks.cpp — alloc::SharedBlocks: copies share blocks until one of them writes,
// and a write never shows in another copy.
#include <catch2/catch.hpp>

#include <vector>

#include "alloc/shared_blocks.hpp"

using refscope::alloc::SharedBlocks;

namespace {

// Blocks the two hold in common (by address).
template <class Blocks> std::size_t shared_between(const Blocks& a, const Blocks& b) {
    std::vector<const void*> seen;
    a.for_each_block([&](const void* p, std::size_t) { seen.push_back(p); });
    std::size_t n = 0;
    b.for_each_block([&](const void* p, std::size_t) {
        for (const void* q : seen) n += p == q;
    });
    return n;
}

}  // namespace

TEST_CASE("shared blocks: copies read the same values and diverge only where written", "[alloc][checkpoint]") {
    using Blocks = SharedBlocks<int, 2>;   // blocks of 4
    Blocks a;
    std::vector<int> expected;
    for (int i = 0; i < 10; ++i) {
        a.push_back(i * 10);
        expected.push_back(i * 10);
    }
    REQUIRE(a.size() == 10);
    CHECK(a.back() == 90);
    CHECK(a.unshared_bytes() == 3 * 4 * sizeof(int));   // three blocks, none shared

    Blocks b = a;
    CHECK(a.unshared_bytes() == 0);
    CHECK(b.unshared_bytes() == 0);
    CHECK(shared_between(a, b) == 3);
    b.mut(5) = -1;        // block 1 becomes b's own (a's old one is a's alone)
    CHECK(shared_between(a, b) == 2);
    CHECK(b.unshared_bytes() == 4 * sizeof(int));
    CHECK(a.unshared_bytes() == 4 * sizeof(int));
    b.push_back(100);     // element 10 lands in block 2, which b copies first
    CHECK(shared_between(a, b) == 1);
    a.mut(0) = -2;        // and block 0 for a
    CHECK(shared_between(a, b) == 0);
    CHECK(a.unshared_bytes() == 3 * 4 * sizeof(int));

    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO("element " << i);
        CHECK(a[i] == (i == 0 ? -2 : expected[i]));
        CHECK(b[i] == (i == 5 ? -1 : expected[i]));
    }
    CHECK(a.size() == 10);
    CHECK(b.size() == 11);
    CHECK(b.back() == 100);
}
