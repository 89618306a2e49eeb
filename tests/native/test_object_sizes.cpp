// Object sizes, allocation requests and buffer growth against the spec's tables (§10-11),
// measured on CPython 3.11.7 (and 3.7.16 for the classic growth rules).
#include <catch2/catch.hpp>

#include "model_fixture.hpp"
#include "object/sizes.hpp"

using namespace refscope;
using namespace refscope::object;
using refscope::testing::Model;

namespace {
std::uint32_t request_of(Model& m, ObjId id) {
    return static_cast<std::uint32_t>(m.allocator.request_size(m.heap.get(id).addr));
}
}  // namespace

TEST_CASE("3.11 requests and getsizeof of scalar objects", "[objects]") {
    Model m;
    auto& h = m.heap;
    // Ints made by addition (x_add allocates one spare digit), as in the spec's measurement.
    ObjId i1 = h.new_int(1000, 2);
    ObjId i2 = h.new_int(std::int64_t{1} << 40, 3);   // 2 digits
    ObjId i3 = h.new_int(std::int64_t{1} << 62, 4);   // 3 digits
    CHECK(request_of(m, i1) == 32);
    CHECK(request_of(m, i2) == 36);
    CHECK(request_of(m, i3) == 40);
    // Exactly sized: 10**100 has 12 digits and requests 24 + 4 * 12 (measured with tracemalloc).
    ObjId exact = h.new_big_int(std::string("1") + std::string(100, '0'), 12);
    CHECK(request_of(m, exact) == 72);
    CHECK(h.getsizeof(exact) == 72);
    ObjId small_exact = h.new_int(5000);
    CHECK(request_of(m, small_exact) == 28);
    h.decref(exact);
    h.decref(small_exact);
    CHECK(h.getsizeof(i1) == 28);
    CHECK(h.getsizeof(i2) == 32);
    CHECK(h.getsizeof(i3) == 36);
    ObjId f = h.new_float(1.5);
    CHECK(request_of(m, f) == 24);
    CHECK(h.getsizeof(f) == 24);
    ObjId ascii = h.new_str("hello world");
    CHECK(request_of(m, ascii) == 49 + 11);
    CHECK(h.getsizeof(ascii) == 60);
    ObjId latin = h.new_str("caf\xc3\xa9!");   // 'café!' : max char < 256, not ASCII
    CHECK(h.getsizeof(latin) == 73 + 5);
    ObjId ucs2 = h.new_str("\xe2\x82\xac\xe2\x82\xac");   // two euro signs
    CHECK(h.getsizeof(ucs2) == 74 + 2 * 2);
    ObjId ucs4 = h.new_str("\xf0\x9f\x98\x80");   // one emoji
    CHECK(h.getsizeof(ucs4) == 76 + 4);
    ObjId b = h.new_bytes("abc");
    CHECK(request_of(m, b) == 36);
    ObjId o = h.new_object();
    CHECK(request_of(m, o) == 16);
    ObjId r = h.new_range(0, 10, 1);
    CHECK(h.getsizeof(r) == 48);
    CHECK(h.getsizeof(h.none()) == 16);
    for (ObjId id : {i1, i2, i3, f, ascii, latin, ucs2, ucs4, b, o, r}) h.decref(id);
    CHECK(m.blocks_in_use() == 0 + m.heap.free_lists().size(FreeListKind::float_));
}

TEST_CASE("3.11 requests and getsizeof of containers", "[objects]") {
    Model m;
    auto& h = m.heap;
    ObjId empty_list = h.new_list();
    CHECK(request_of(m, empty_list) == 56);
    CHECK(h.getsizeof(empty_list) == 56);
    ObjId x = h.new_int(1000), y = h.new_int(2000), z = h.new_int(3000);
    ObjId items[] = {x, y, z};
    ObjId lit = h.new_list(items);   // [x, y, z]: exact capacity
    CHECK(h.getsizeof(lit) == 80);
    ObjId even = h.new_list(items, ListPrealloc::even);   // list(range(3)), [1, 2, 3]
    CHECK(h.getsizeof(even) == 88);
    ObjId t = h.new_tuple(items);
    CHECK(request_of(m, t) == 40 + 24);
    CHECK(h.getsizeof(t) == 64);
    CHECK(h.getsizeof(h.empty_tuple()) == 40);
    ObjId d = h.new_dict();
    CHECK(request_of(m, d) == 64);
    CHECK(h.getsizeof(d) == 64);
    ObjId s = h.new_set();
    CHECK(request_of(m, s) == 216);
    ObjId fs = h.new_set(true);
    CHECK(h.getsizeof(fs) == 216);
    ObjId fn = h.new_function("f");
    CHECK(request_of(m, fn) == 152);
    ObjId cls = h.new_class("C");
    ObjId inst = h.new_instance(cls);
    CHECK(request_of(m, inst) == 56);
    CHECK(h.getsizeof(inst) == 56);
    ObjId meth = h.new_method(fn, inst);
    CHECK(request_of(m, meth) == 64);
    ObjId slots = h.new_slots_instance(cls, 2);
    CHECK(request_of(m, slots) == 48);
    ObjId cell = h.new_cell();
    CHECK(request_of(m, cell) == 40);
    for (ObjId id : {empty_list, lit, even, t, d, s, fs, meth, fn, inst, slots, cell, cls, x, y, z})
        h.decref(id);
}

TEST_CASE("list capacity after repeated append matches CPython 3.11 and 3.7", "[objects]") {
    const std::vector<std::uint32_t> modern = {4, 8, 16, 24, 32, 40, 52, 64, 76, 92, 108, 128,
                                               148, 172, 200};
    const std::vector<std::uint32_t> classic = {4, 8, 16, 25, 35, 46, 58, 72, 88, 106, 126, 148,
                                                173, 201};
    for (auto [id, expected] : {std::pair{ProfileId::cpython_3_11, modern},
                                std::pair{ProfileId::classic, classic}}) {
        Model m(id, false);
        auto& h = m.heap;
        ObjId list = h.new_list();
        std::vector<std::uint32_t> seen;
        std::uint32_t last = 0;
        while (seen.size() < expected.size()) {
            h.list_append(list, h.none());
            std::uint32_t cap = h.get(list).buf.capacity;
            if (cap != last) seen.push_back(cap);
            last = cap;
            // The item array lives in pymalloc up to 64 slots (512 bytes), in malloc beyond.
            CHECK(m.allocator.is_pymalloc(h.get(list).buf.items) == (cap * 8 <= 512));
        }
        CHECK(seen == expected);
        h.decref(list);
        m.heap.check_invariants();
    }
}

TEST_CASE("dict getsizeof by number of keys (spec §11.2)", "[objects]") {
    struct Row { std::size_t keys; std::size_t str_size, general_size; };
    const Row rows[] = {{0, 64, 64}, {1, 184, 224}, {5, 184, 224}, {6, 272, 352}, {10, 272, 352},
                        {11, 464, 632}, {21, 464, 632}, {22, 832, 1168}, {42, 832, 1168},
                        {43, 1584, 2264}, {85, 1584, 2264}, {86, 3328, 4688}, {170, 3328, 4688}};
    Model m(ProfileId::cpython_3_11, false);
    auto& h = m.heap;
    for (const Row& row : rows) {
        ObjId ds = h.new_dict();
        ObjId dg = h.new_dict();
        for (std::size_t k = 0; k < row.keys; ++k) {
            ObjId key = h.new_str("key" + std::to_string(k));
            ObjId ikey = h.new_int(static_cast<std::int64_t>(k) + 1000);
            h.dict_set(ds, key, h.none());
            h.dict_set(dg, ikey, h.none());
            h.decref(key);
            h.decref(ikey);
        }
        INFO(row.keys << " keys");
        CHECK(h.getsizeof(ds) == row.str_size);
        CHECK(h.getsizeof(dg) == row.general_size);
        h.decref(ds);
        h.decref(dg);
    }
    m.heap.check_invariants();
}

TEST_CASE("set getsizeof by number of elements (spec §11.4)", "[objects]") {
    Model m(ProfileId::cpython_3_11, false);
    auto& h = m.heap;
    ObjId s = h.new_set();
    for (int n = 1; n <= 80; ++n) {
        ObjId v = h.new_int(1000 + n);
        h.set_add(s, v);
        h.decref(v);
        std::size_t expected = n <= 4 ? 216 : n <= 18 ? 728 : n <= 76 ? 2264 : 8408;
        INFO(n << " elements");
        CHECK(h.getsizeof(s) == expected);
    }
    // A 2048-byte table is a big request: it went to malloc.
    CHECK_FALSE(m.allocator.is_pymalloc(h.get(s).buf.items));
    h.decref(s);
    m.heap.check_invariants();
}

TEST_CASE("3.11 instance values arrays shrink with each new instance (spec §10.3)", "[objects]") {
    Model m(ProfileId::cpython_3_11, false);
    auto& h = m.heap;
    ObjId cls = h.new_class("C");
    std::vector<ObjId> keep;
    std::vector<std::uint32_t> sizes;
    for (int i = 0; i < 35; ++i) {
        ObjId inst = h.new_instance(cls);
        sizes.push_back(h.get(inst).buf.items_request);
        keep.push_back(inst);
    }
    CHECK(sizes[0] == 264);
    CHECK(sizes[1] == 256);
    for (std::size_t i = 1; i < sizes.size(); ++i) {
        std::uint32_t step = sizes[i - 1] - sizes[i];
        CHECK((step == 0 || step == 8 || step == 16));
    }
    CHECK(sizes.back() == 16);
    CHECK(sizes[28] == 16);   // steady state from about the 29th instance

    // A class whose instances have three attributes settles at 40 bytes.
    ObjId cls3 = h.new_class("P");
    std::uint32_t last = 0;
    for (int i = 0; i < 40; ++i) {
        ObjId inst = h.new_instance(cls3);
        for (const char* name : {"x", "y", "z"}) h.instance_setattr(inst, name, h.none());
        last = h.get(inst).buf.items_request;
        keep.push_back(inst);
    }
    CHECK(last == 40);
    CHECK(h.getsizeof(keep.back()) == 56);
    // Materialising __dict__ makes a 64-byte dict that takes over the values (72..296).
    ObjId d = h.instance_dict(keep.back());
    CHECK(h.getsizeof(d) == 64 + 8 * 4);
    CHECK_FALSE(h.get(d).tracked());   // only atomic values
    CHECK(h.instance_getattr(keep.back(), "y") == h.none());
    for (ObjId id : keep) h.decref(id);
    h.decref(cls);
    h.decref(cls3);
    m.heap.check_invariants();
}

TEST_CASE("classic profile sizes: 24-byte GC head and 3.7 dicts", "[objects][classic]") {
    Model m(ProfileId::classic);
    auto& h = m.heap;
    ObjId l = h.new_list();
    CHECK(h.getsizeof(l) == 64);
    ObjId d = h.new_dict();   // 3.7 allocated an 8-slot table even for {}
    CHECK(h.getsizeof(d) == 72 + 168);
    ObjId key = h.new_str("a");
    h.dict_set(d, key, h.none());
    CHECK(h.getsizeof(d) == 240);
    h.decref(key);
    for (int k = 0; k < 5; ++k) {
        ObjId kk = h.new_str(std::string("k").append(std::to_string(k)));
        h.dict_set(d, kk, h.none());
        h.decref(kk);
    }
    CHECK(h.getsizeof(d) == 72 + 40 + 16 + 10 * 24);   // 16 slots
    h.decref(l);
    h.decref(d);
}
