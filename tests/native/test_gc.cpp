// The cyclic collector against the experiments of spec §13.5 (CPython 3.11.7 column), the
// trigger and generation rules of §13.2-13.3, and its recorded phases.
#include <catch2/catch.hpp>

#include "model_fixture.hpp"

using namespace refscope;
using namespace refscope::object;
using refscope::gc::GcPhase;
using refscope::testing::Hooks;
using refscope::testing::Model;

namespace {
// gc.disable(); gc.collect() — the preamble of every experiment.
void quiet(Model& m) {
    m.heap.gc().set_enabled(false);
    m.heap.gc().collect();
}

ObjId self_list(Model& m) {
    ObjId l = m.heap.new_list();
    m.heap.list_append(l, l);
    return l;
}
}  // namespace

TEST_CASE("gc.collect counts of spec §13.5", "[gc]") {
    Model m;
    auto& h = m.heap;
    quiet(m);

    SECTION("ten self-referencing lists (dummyf)") {
        for (int i = 0; i < 10; ++i) h.decref(self_list(m));
        CHECK(h.gc().collect() == 10);
    }
    SECTION("two lists referencing each other") {
        ObjId a = h.new_list(), b = h.new_list();
        h.list_append(a, b);
        h.list_append(b, a);
        h.decref(a);
        h.decref(b);
        CHECK(h.gc().collect() == 2);
    }
    SECTION("two instances referencing each other; 4 once __dict__ was touched") {
        ObjId cls = h.new_class("Node");
        ObjId a = h.new_instance(cls), b = h.new_instance(cls);
        h.instance_setattr(a, "other", b);
        h.instance_setattr(b, "other", a);
        bool touch = GENERATE(false, true);
        if (touch) {
            h.instance_dict(a);
            h.instance_dict(b);
        }
        h.decref(a);
        h.decref(b);
        CHECK(h.gc().collect() == (touch ? 4 : 2));
        h.decref(cls);
    }
    SECTION("two __slots__ instances in a cycle") {
        ObjId cls = h.new_class("S");
        ObjId a = h.new_slots_instance(cls, 1), b = h.new_slots_instance(cls, 1);
        h.slot_set(a, 0, b);
        h.slot_set(b, 0, a);
        h.decref(a);
        h.decref(b);
        CHECK(h.gc().collect() == 2);
        h.decref(cls);
    }
    SECTION("a dict containing itself") {
        ObjId d = h.new_dict();
        ObjId k = h.new_str("me");
        h.dict_set(d, k, d);
        h.decref(k);
        h.decref(d);
        CHECK(h.gc().collect() == 1);
    }
    SECTION("an instance with self.me = self") {
        ObjId cls = h.new_class("C");
        ObjId c = h.new_instance(cls);
        h.instance_setattr(c, "me", c);
        h.decref(c);
        CHECK(h.gc().collect() == 1);
        h.decref(cls);
    }
    SECTION("a recursive closure: function, cell and closure tuple") {
        ObjId cell = h.new_cell();
        ObjId closure_items[] = {cell};
        ObjId closure = h.new_tuple(closure_items);
        ObjId fn_refs[] = {closure};
        ObjId fn = h.new_function("f", fn_refs);
        h.cell_set(cell, fn);
        for (ObjId id : {cell, closure, fn}) h.decref(id);
        CHECK(h.gc().collect() == 3);
    }
    CHECK(h.live_count() == 6 + 262 + 256);
}

TEST_CASE("finalizers run once, in cycles, and may resurrect (PEP 442)", "[gc]") {
    Model m;
    auto& h = m.heap;
    Hooks hooks;
    h.set_hooks(&hooks);
    quiet(m);
    ObjId cls = h.new_class("D", /*has_finalizer=*/true);

    SECTION("two instances with __del__ in a cycle: both finalized, both freed") {
        ObjId a = h.new_instance(cls), b = h.new_instance(cls);
        h.instance_setattr(a, "other", b);
        h.instance_setattr(b, "other", a);
        h.decref(a);
        h.decref(b);
        CHECK(h.gc().collect() == 2);
        CHECK(hooks.finalized.size() == 2);
    }
    SECTION("a self-cycle whose __del__ stores self globally is resurrected, then freed "
            "without a second __del__") {
        ObjId saved = kNull;
        hooks.on_finalize = [&](ObjId id) { h.incref(id); saved = id; };
        ObjId c = h.new_instance(cls);
        h.instance_setattr(c, "me", c);
        h.decref(c);
        CHECK(h.gc().collect() == 0);
        CHECK(saved == c);
        CHECK(h.get(c).live());
        CHECK(h.get(c).gc_state == GcState::gen2);
        hooks.on_finalize = nullptr;
        h.decref(saved);                    // the global is cleared
        CHECK(h.gc().collect() == 1);
        CHECK(hooks.finalized.size() == 1);
    }
    SECTION("refcount death runs __del__ immediately") {
        ObjId c = h.new_instance(cls);
        h.decref(c);
        CHECK(hooks.finalized == std::vector<ObjId>{c});
        CHECK_FALSE(h.get(c).live());
    }
    h.decref(cls);
}

TEST_CASE("weakref callbacks: outside weakrefs fire, garbage weakrefs do not", "[gc]") {
    Model m;
    auto& h = m.heap;
    Hooks hooks;
    ObjId referent_seen = 12345;
    hooks.on_callback = [&](ObjId wr, ObjId) { referent_seen = h.weakref_target(wr); };
    h.set_hooks(&hooks);
    quiet(m);
    ObjId cb = h.new_function("callback");

    SECTION("a self-cycle with an outside weakref that has a callback") {
        ObjId l = self_list(m);
        ObjId wr = h.new_weakref(l, cb);
        h.decref(l);
        CHECK(h.gc().collect() == 1);
        CHECK(hooks.callbacks == std::vector<ObjId>{wr});
        CHECK(referent_seen == kNull);   // the callback sees a dead weakref (referent None)
        h.decref(wr);
    }
    SECTION("a weakref inside the garbage loses its callback") {
        ObjId l = self_list(m);
        ObjId wr = h.new_weakref(l, cb);
        h.list_append(l, wr);
        h.decref(wr);
        h.decref(l);
        CHECK(h.gc().collect() == 2);
        CHECK(hooks.callbacks.empty());
    }
    SECTION("refcount death clears weakrefs and calls back at once") {
        ObjId l = h.new_list();
        ObjId wr = h.new_weakref(l, cb);
        h.decref(l);
        CHECK(hooks.callbacks == std::vector<ObjId>{wr});
        CHECK(h.weakref_target(wr) == kNull);
        h.decref(wr);
    }
    h.decref(cb);
}

TEST_CASE("DEBUG_SAVEALL, freeze and unfreeze", "[gc]") {
    Model m;
    auto& h = m.heap;
    quiet(m);
    SECTION("DEBUG_SAVEALL keeps the garbage in gc.garbage") {
        ObjId garbage = h.new_list();
        h.gc().set_garbage_list(garbage);
        h.gc().set_debug_flags(gc::kDebugSaveAll);
        ObjId l = self_list(m);
        h.decref(l);
        CHECK(h.gc().collect() == 1);
        REQUIRE(h.list_size(garbage) == 1);
        CHECK(h.get(garbage).refs[0] == l);
        h.gc().set_debug_flags(0);
        h.list_clear(garbage);
        CHECK(h.gc().collect() == 1);
        h.decref(garbage);
    }
    SECTION("frozen cycles are not collected until unfrozen") {
        ObjId l = self_list(m);
        h.decref(l);
        h.gc().freeze();
        CHECK(h.gc().freeze_count() == 1);
        CHECK(h.gc().count() == std::array<std::int64_t, 3>{0, 0, 0});
        CHECK(h.gc().collect() == 0);
        h.gc().unfreeze();
        CHECK(h.gc().collect() == 1);
    }
}

namespace {
struct CollectionLog : gc::Collector::Callbacks {
    int by_generation[3] = {0, 0, 0};
    std::vector<std::array<std::int64_t, 3>> counts_at_start;
    gc::Collector* gc = nullptr;
    void on_collection(bool start, int generation, std::int64_t, std::int64_t) override {
        if (!start) return;
        ++by_generation[generation];
        counts_at_start.push_back(gc->count());
    }
};
}  // namespace

TEST_CASE("automatic collections: every 701st GC allocation, generation 1 on every 12th",
          "[gc]") {
    Model m(ProfileId::cpython_3_11, false);
    auto& h = m.heap;
    CollectionLog log;
    log.gc = &h.gc();
    h.gc().set_callbacks(&log);
    ObjId keep = h.new_list();           // 1 GC allocation
    for (int i = 1; i < 30'000; ++i) {   // 29,999 more: 30,000 in all
        ObjId l = h.new_list();
        h.list_append(keep, l);
        h.decref(l);
    }
    // As measured on CPython 3.11.7: 39 generation-0 and 3 generation-1 collections.
    CHECK(log.by_generation[0] == 39);
    CHECK(log.by_generation[1] == 3);
    CHECK(log.by_generation[2] == 0);
    CHECK(log.counts_at_start[0] == std::array<std::int64_t, 3>{701, 0, 0});
    CHECK(log.counts_at_start[11] == std::array<std::int64_t, 3>{701, 11, 0});
    CHECK(h.gc().count()[1] == 6);
    CHECK(h.gc().count()[2] == 3);
    h.gc().set_callbacks(nullptr);
    h.decref(keep);
    h.check_invariants();
}

TEST_CASE("the 25% rule: no full collection when nothing survives into generation 2", "[gc]") {
    Model m(ProfileId::cpython_3_11, false);
    auto& h = m.heap;
    // A long-lived population in generation 2, as an interpreter has after start-up.
    ObjId population = h.new_list();
    for (int i = 0; i < 11'000; ++i) {
        ObjId l = h.new_list();
        h.list_append(population, l);
        h.decref(l);
    }
    h.gc().collect();
    CollectionLog log;
    log.gc = &h.gc();
    h.gc().set_callbacks(&log);
    SECTION("garbage cycles only: generation 2 is never collected although count[2] > 10") {
        for (int i = 0; i < 300'000; ++i) h.decref(self_list(m));
        CHECK(log.by_generation[2] == 0);
        CHECK(log.by_generation[1] > 20);
        CHECK(h.gc().count()[2] > 10);
    }
    SECTION("kept objects: full collections happen once 25% more have survived") {
        ObjId keep = h.new_list();
        for (int i = 0; i < 300'000; ++i) {
            ObjId l = h.new_list();
            h.list_append(keep, l);
            h.decref(l);
        }
        CHECK(log.by_generation[2] >= 1);
        CHECK(h.gc().long_lived_pending() < h.gc().long_lived_total() / 4 + 11 * 700);
        h.decref(keep);
    }
    h.gc().set_callbacks(nullptr);
    h.decref(population);
}

TEST_CASE("a collection is recorded phase by phase with gc_refs", "[gc]") {
    Model m;
    auto& h = m.heap;
    quiet(m);
    struct Recorder : gc::GcObserver {
        std::vector<gc::GcPhaseRecord> phases;
        void on_gc_phase(const gc::GcPhaseRecord& r) override { phases.push_back(r); }
    } recorder;
    h.gc().set_observer(&recorder);
    ObjId kept = h.new_list();
    ObjId a = h.new_list(), b = h.new_list();
    h.list_append(a, b);
    h.list_append(b, a);
    h.decref(a);
    h.decref(b);
    CHECK(h.gc().collect(0) == 2);
    std::vector<GcPhase> order;
    for (const auto& r : recorder.phases) order.push_back(r.phase);
    CHECK(order == std::vector<GcPhase>{GcPhase::start, GcPhase::update_refs,
                                        GcPhase::subtract_refs, GcPhase::move_unreachable,
                                        GcPhase::promote, GcPhase::weakrefs, GcPhase::finalize,
                                        GcPhase::resurrect, GcPhase::clear, GcPhase::done});
    auto refs_of = [&](const gc::GcPhaseRecord& r, ObjId id) {
        for (auto [obj, refs] : r.young) if (obj == id) return refs;
        return std::int64_t{-1};
    };
    CHECK(refs_of(recorder.phases[1], a) == 1);   // gc_refs = refcnt
    CHECK(refs_of(recorder.phases[1], kept) == 1);
    CHECK(refs_of(recorder.phases[2], a) == 0);   // internal references subtracted
    CHECK(refs_of(recorder.phases[2], kept) == 1);
    CHECK(recorder.phases[3].unreachable == std::vector<ObjId>{a, b});
    CHECK(recorder.phases.back().collected == 2);
    h.gc().set_observer(nullptr);
    h.decref(kept);
}

TEST_CASE("stress mode collects on every GC allocation and keeps every invariant", "[gc]") {
    Model m;
    auto& h = m.heap;
    h.gc().set_stress(true);
    ObjId root = h.new_list();
    for (int i = 0; i < 300; ++i) {
        ObjId l = self_list(m);
        if (i % 3 == 0) h.list_append(root, l);
        h.decref(l);
    }
    CHECK(h.list_size(root) == 100);
    CHECK(h.gc().collections_run() >= 300);
    h.gc().set_stress(false);
    h.decref(root);
    h.gc().collect();
    CHECK(h.live_count() == 6 + 262 + 256);
}
