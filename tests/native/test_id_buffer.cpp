// test_id_buffer.cpp — lang::IdBuffer keeps ids in order across the move from its inline array
// to the heap.
#include <catch2/catch.hpp>

#include <vector>

#include "lang/vm/id_buffer.hpp"

using refscope::lang::IdBuffer;
using refscope::object::ObjId;

TEST_CASE("IdBuffer holds its ids in order, inline or spilled", "[id_buffer]") {
    for (std::size_t n : {0u, 1u, 7u, 8u, 9u, 20u}) {
        std::vector<ObjId> ids;
        for (std::size_t i = 0; i < n; ++i) ids.push_back(static_cast<ObjId>(100 + 3 * i));
        IdBuffer copied(ids.data(), ids.size());
        IdBuffer pushed;
        for (ObjId id : ids) pushed.push_back(id);
        REQUIRE(copied.size() == n);
        REQUIRE(pushed.size() == n);
        REQUIRE(std::vector<ObjId>(copied.span().begin(), copied.span().end()) == ids);
        REQUIRE(std::vector<ObjId>(pushed.data(), pushed.data() + pushed.size()) == ids);
    }
}

TEST_CASE("IdBuffer appends after its first ids", "[id_buffer]") {
    IdBuffer b;
    b.push_back(1);
    const ObjId more[] = {2, 3, 4, 5, 6, 7, 8, 9, 10};
    b.append(more, 9);
    REQUIRE(b.size() == 10);
    for (std::size_t i = 0; i < b.size(); ++i) REQUIRE(b.data()[i] == i + 1);
}
