// test_value_stack.cpp — lang::ValueStack behaves as the std::vector operations it replaces.
#include <catch2/catch.hpp>

#include <vector>

#include "lang/vm/value_stack.hpp"

using refscope::lang::ValueStack;
using refscope::object::ObjId;

namespace {

std::vector<ObjId> values(const ValueStack& s) { return {s.begin(), s.end()}; }

}  // namespace

TEST_CASE("ValueStack pushes, pops and grows keeping its values", "[value_stack]") {
    ValueStack s;
    std::vector<ObjId> model;
    for (ObjId i = 1; i <= 100; ++i) {
        s.push_back(i);
        model.push_back(i);
        if (i % 7 == 0) {
            s.pop_back();
            model.pop_back();
        }
    }
    REQUIRE(values(s) == model);
    REQUIRE(s.back() == model.back());
    REQUIRE(s.capacity() >= s.size());
    s[3] = 999;
    model[3] = 999;
    s.erase(s.begin());
    model.erase(model.begin());
    REQUIRE(values(s) == model);
}

TEST_CASE("ValueStack resizes with a fill value and clear keeps the capacity", "[value_stack]") {
    ValueStack s;
    s.resize(3, 5);
    s.resize(5);
    REQUIRE(values(s) == std::vector<ObjId>{5, 5, 5, 0, 0});
    s.resize(2);
    REQUIRE(values(s) == std::vector<ObjId>{5, 5});
    const std::size_t capacity = s.capacity();
    s.clear();
    REQUIRE(s.empty());
    REQUIRE(s.capacity() == capacity);
}

TEST_CASE("ValueStack copies are independent and a move takes the values", "[value_stack]") {
    ValueStack a;
    for (ObjId i = 1; i <= 20; ++i) a.push_back(i);
    ValueStack b(a);
    b.push_back(21);
    b[0] = 0;
    REQUIRE(a.size() == 20);
    REQUIRE(a[0] == 1);
    REQUIRE(b.size() == 21);
    ValueStack c(std::move(b));
    REQUIRE(c.size() == 21);
    REQUIRE(c.back() == 21);
    a = c;
    REQUIRE(values(a) == values(c));
}
