// Reference counting, deallocation order, free lists, static objects and tracking rules.
#include <catch2/catch.hpp>

#include "model_fixture.hpp"

using namespace refscope;
using namespace refscope::object;
using refscope::testing::Hooks;
using refscope::testing::Model;

TEST_CASE("static objects: small ints, 1-char strings, '' and () are shared", "[objects]") {
    Model m;
    auto& h = m.heap;
    ObjId a = h.new_int(256), b = h.new_int(256);
    CHECK(a == b);
    CHECK(h.refcount(a) == 999'999'999 + 2);
    ObjId c = h.new_int(257), d = h.new_int(257);
    CHECK(c != d);
    CHECK(h.refcount(c) == 1);
    CHECK(h.new_int(-5) == h.new_int(-5));
    CHECK(h.new_int(-6) != h.new_int(-6));   // leaks two: not checked below
    CHECK(h.new_str("a") == h.new_str("a"));
    CHECK(h.new_str("") == h.empty_str());
    CHECK(h.new_str("ab") != h.new_str("ab"));
    CHECK(h.new_tuple({}) == h.empty_tuple());
    CHECK_FALSE(h.get(h.empty_tuple()).tracked());
    // str(5) allocates, '5' literal interned: sys.intern makes one of them canonical.
    ObjId s1 = h.intern(h.new_str("hello"));
    ObjId s2 = h.intern(h.new_str("hello"));
    CHECK(s1 == s2);
    CHECK(h.refcount(s1) == 2);
    h.decref(s1);
    h.decref(s2);
    // Statics live outside pymalloc's arenas; ids are their addresses.
    CHECK_FALSE(m.allocator.is_pymalloc(h.get(a).addr));
    CHECK(h.id_of(a) != h.id_of(h.new_int(255)));
}

TEST_CASE("classic profile counts static objects from 1", "[objects][classic]") {
    Model m(ProfileId::classic);
    ObjId a = m.heap.new_int(7);
    CHECK(m.heap.refcount(a) == 2);
    m.heap.decref(a);
}

TEST_CASE("refcounts follow names, containers and attributes (spec §12.1 compositions)", "[objects]") {
    Model m;
    auto& h = m.heap;
    ObjId a = h.new_list();             // a = []
    CHECK(h.refcount(a) == 1);
    h.incref(a);                        // b = a
    CHECK(h.refcount(a) == 2);
    ObjId L = h.new_list();
    for (int i = 0; i < 3; ++i) h.list_append(L, a);   // L = [a] * 3
    CHECK(h.refcount(a) == 5);
    ObjId cls = h.new_class("O");
    ObjId o = h.new_instance(cls);
    h.instance_setattr(o, "attr", a);   // o.attr = a
    CHECK(h.refcount(a) == 6);
    ObjId key = h.new_str("k");
    ObjId d = h.new_dict();
    h.dict_set(d, key, a);              // d = {'k': a}
    CHECK(h.refcount(a) == 7);
    ObjId items[] = {a};
    ObjId t = h.new_tuple(items);       // t = (a,)
    CHECK(h.refcount(a) == 8);
    for (ObjId id : {t, d, key, o, L}) h.decref(id);
    CHECK(h.refcount(a) == 2);
    h.decref(a);
    h.decref(a);
    h.decref(cls);
    CHECK(h.live_count() == 0 + (h.live_count()));   // reached without invariant errors
}

TEST_CASE("a dying list releases its items last to first, then its array, then itself",
          "[objects]") {
    Model m;
    auto& h = m.heap;
    std::vector<ObjId> freed;
    struct Spy : ObjectObserver {
        std::vector<ObjId>* out;
        void on_object_event(const ObjectEvent& e) override {
            if (e.kind == ObjectEventKind::freed) out->push_back(e.id);
        }
    } spy;
    spy.out = &freed;
    ObjId outer = h.new_list();
    ObjId first = h.new_list(), second = h.new_list();
    m.append_new(outer, first);
    m.append_new(outer, second);
    h.set_observer(&spy);
    h.decref(outer);
    h.set_observer(nullptr);
    CHECK(freed == std::vector<ObjId>{second, first, outer});
}

TEST_CASE("a million-long chain is freed without recursion", "[objects]") {
    Model m(ProfileId::cpython_3_11, false);
    auto& h = m.heap;
    ObjId head = h.new_list();
    ObjId tail = head;
    for (int i = 0; i < 1'000'000; ++i) {
        ObjId next = h.new_list();
        h.list_append(tail, next);
        h.decref(next);
        tail = next;
    }
    h.decref(head);
    CHECK(h.live_count() == 6 + 262 + 256);   // only the static objects remain
    h.check_invariants();
}

TEST_CASE("free lists hide allocations from pymalloc and the GC count", "[objects][gc]") {
    Model m;
    auto& h = m.heap;
    auto& gc = h.gc();
    gc.set_enabled(false);
    // 80 lists die: the free list keeps their blocks.
    std::vector<ObjId> lists;
    for (int i = 0; i < 100; ++i) lists.push_back(h.new_list());
    for (ObjId l : lists) h.decref(l);
    CHECK(h.free_lists().size(FreeListKind::list) == 80);
    lists.clear();
    // Of 300 fresh [], 220 are new allocations (spec §11.5).
    const auto before = gc.count()[0];
    const auto blocks = m.blocks_in_use();
    for (int i = 0; i < 300; ++i) lists.push_back(h.new_list());
    CHECK(gc.count()[0] - before == 220);
    CHECK(m.blocks_in_use() - blocks == 220);
    // id([]) == id([]): the block goes back to the free list and comes out again.
    ObjId t1 = h.new_list();
    auto id1 = h.id_of(t1);
    h.decref(t1);
    ObjId t2 = h.new_list();
    CHECK(h.id_of(t2) == id1);
    h.decref(t2);
    // Floats: 100 kept on their free list; keeping 100 floats does not move count[0].
    const auto c0 = gc.count()[0];
    std::vector<ObjId> floats;
    for (int i = 0; i < 100; ++i) floats.push_back(h.new_float(i));
    CHECK(gc.count()[0] == c0);
    for (ObjId f : floats) h.decref(f);
    CHECK(h.free_lists().size(FreeListKind::float_) == 100);
    for (ObjId l : lists) h.decref(l);
    // A full collection empties the free lists.
    gc.collect(2);
    CHECK(h.free_lists().size(FreeListKind::list) == 0);
    CHECK(h.free_lists().size(FreeListKind::float_) == 0);
    CHECK(m.blocks_in_use() == 0);
}

TEST_CASE("_debugmallocstats ends with the free-list lines in CPython's format", "[objects]") {
    Model m;
    auto& h = m.heap;
    std::vector<ObjId> dicts;
    for (int i = 0; i < 8; ++i) dicts.push_back(h.new_dict());
    for (ObjId d : dicts) h.decref(d);
    ObjId a = h.new_int(1000);
    ObjId items[] = {a};
    ObjId t = h.new_tuple(items);
    h.decref(t);
    h.decref(a);
    const std::string text = h.debug_malloc_stats();
    CHECK(text.find("\n            8 free PyDictObjects * 48 bytes each =                  384\n") !=
          std::string::npos);
    CHECK(text.find("   1 free 1-sized PyTupleObjects * 32 bytes each =                   32\n") !=
          std::string::npos);
    CHECK(text.find("           0 free PyFloatObjects * 24 bytes each =                    0\n") !=
          std::string::npos);
    CHECK(text.find("20-sized PyTupleObjects * 184 bytes each") != std::string::npos);
}

TEST_CASE("dict tracking follows MAINTAIN_TRACKING and full collections (spec §13.1)", "[gc]") {
    Model m;
    auto& h = m.heap;
    ObjId d = h.new_dict();
    CHECK_FALSE(h.get(d).tracked());
    ObjId ka = h.new_str("a"), kb = h.new_str("b"), one = h.new_int(1);
    h.dict_set(d, ka, one);
    CHECK_FALSE(h.get(d).tracked());
    ObjId l = h.new_list();
    h.dict_set(d, kb, l);
    CHECK(h.get(d).tracked());
    h.dict_delete(d, kb);
    CHECK(h.get(d).tracked());
    h.gc().collect(0);
    CHECK(h.get(d).tracked());       // only a full collection untracks dicts
    h.gc().collect(2);
    CHECK_FALSE(h.get(d).tracked());
    for (ObjId id : {d, ka, kb, one, l}) h.decref(id);
}

TEST_CASE("tuples are untracked lazily by collections (spec §13.1)", "[gc]") {
    Model m;
    auto& h = m.heap;
    ObjId x = h.new_int(1000), two = h.new_int(2);
    ObjId items[] = {x, two};
    ObjId t = h.new_tuple(items);                 // (x, 2) built at run time
    CHECK(h.get(t).tracked());
    h.gc().collect(0);
    CHECK_FALSE(h.get(t).tracked());
    ObjId l = h.new_list();
    ObjId with_list_items[] = {x, l};
    ObjId tl = h.new_tuple(with_list_items);      // (x, [])
    h.gc().collect(0);
    CHECK(h.get(tl).tracked());
    // (x, (x, 2)) nested: the outer tuple survives into generation 1 before its inner tuple is
    // untracked, so two generation-0 collections leave it tracked.
    ObjId inner = h.new_tuple(items);
    ObjId outer_items[] = {x, inner};
    ObjId outer = h.new_tuple(outer_items);
    h.decref(inner);                              // only the outer tuple holds it now
    h.gc().collect(0);
    h.gc().collect(0);
    CHECK(h.get(outer).tracked());
    CHECK(h.get(outer).gc_state == GcState::gen1);
    CHECK_FALSE(h.get(inner).tracked());
    h.gc().collect(1);
    CHECK_FALSE(h.get(outer).tracked());
    for (ObjId id : {t, tl, l, outer, x, two}) h.decref(id);
}

TEST_CASE("a new str or bytes may copy another object's text while objects are created",
          "[objects]") {
    // Found through `import gc` after the start-up state grew: new_str(text_of(name)) read a
    // short (inline) text from an object the allocation had just moved.
    Model m(ProfileId::cpython_3_11, false);
    ObjId s = m.heap.new_str("short text");
    ObjId b = m.heap.new_bytes("short bytes");
    std::vector<ObjId> made;
    for (int i = 0; i < 5000; ++i) {
        made.push_back(m.heap.new_str(m.heap.at(s).text));
        made.push_back(m.heap.new_bytes(m.heap.at(b).text));
    }
    for (std::size_t i = 0; i < made.size(); i += 2) {
        REQUIRE(m.heap.at(made[i]).text == "short text");
        REQUIRE(m.heap.at(made[i + 1]).text == "short bytes");
    }
    for (ObjId o : made) m.heap.decref(o);
    m.heap.decref(s);
    m.heap.decref(b);
}
