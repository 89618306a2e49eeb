// Seeded random sequences of object creation, reference changes, container operations and
// collections, with every invariant of the heap, the collector and the allocator checked after
// each operation. At the end everything is dropped: nothing may leak.
#include <catch2/catch.hpp>

#include <random>

#include "model_fixture.hpp"

using namespace refscope;
using namespace refscope::object;
using refscope::testing::Hooks;

namespace {

class RandomProgram {
public:
    RandomProgram(ProfileId profile_id, std::uint64_t seed)
        // run() checks everything itself after each step, so the heap need not.
        : allocator_(profile(profile_id)),
          heap_(profile(profile_id), allocator_, {.check_every_op = false}),
          rng_(seed) {
        heap_.set_hooks(&hooks_);
        // A finalizer that now and then resurrects its object by storing it in a root.
        hooks_.on_finalize = [this](ObjId id) {
            if (pick(10) == 0) {
                heap_.incref(id);
                roots_.push_back(id);
            }
        };
        hooks_.on_callback = [this](ObjId, ObjId) { ++callbacks_; };
        classes_.push_back(heap_.new_class("Plain"));
        classes_.push_back(heap_.new_class("WithDel", true));
        classes_.push_back(heap_.new_class("Other"));
    }

    void run(int operations, bool stress) {
        heap_.gc().set_stress(stress);
        for (int i = 0; i < operations; ++i) {
            step();
            heap_.check_invariants();
            allocator_.check_invariants();
        }
        heap_.gc().set_stress(false);
    }

    // Drops every reference and collects: only the static objects may remain.
    void finish() {
        hooks_.on_finalize = nullptr;   // no more resurrections
        while (!roots_.empty()) {
            ObjId id = roots_.back();
            roots_.pop_back();
            heap_.decref(id);
        }
        for (ObjId cls : classes_) heap_.decref(cls);
        heap_.gc().unfreeze();
        heap_.gc().collect();
        heap_.check_invariants();
        allocator_.check_invariants();
        heap_.for_each_live([](ObjId id, const Object& o) {
            if (!o.is_static()) UNSCOPED_INFO("left alive: " << type_name(o.type) << " #" << id
                                              << " refcnt " << o.refcnt << " external " << o.external);
        });
    }

    const Heap& heap() const { return heap_; }
    const alloc::Allocator& allocator() const { return allocator_; }
    std::size_t static_objects() const { return 6 + 262 + 256; }

private:
    std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }
    ObjId any_root() { return roots_.empty() ? heap_.none() : roots_[pick(roots_.size())]; }
    ObjId root_of(std::initializer_list<Type> types) {
        for (int tries = 0; tries < 8 && !roots_.empty(); ++tries) {
            ObjId id = roots_[pick(roots_.size())];
            for (Type t : types) if (heap_.get(id).type == t) return id;
        }
        return kNull;
    }
    void keep(ObjId id) {
        if (id) roots_.push_back(id);
    }
    std::string random_text() {
        static const char* pieces[] = {"a", "b", "key", "caf\xc3\xa9", "\xe2\x82\xac", "x y", "0"};
        std::string s;
        for (std::size_t n = pick(6); n > 0; --n) s += pieces[pick(7)];
        return s;
    }

    void step() {
        if (roots_.size() > 250) {
            drop_root();
            return;
        }
        switch (pick(22)) {
            case 0: keep(heap_.new_int(static_cast<std::int64_t>(pick(2000)) - 500)); break;
            case 1: keep(heap_.new_float(static_cast<double>(pick(100)))); break;
            case 2: keep(heap_.new_str(random_text())); break;
            case 3: {
                std::vector<ObjId> items;
                for (std::size_t n = pick(5); n > 0; --n) items.push_back(any_root());
                keep(pick(2) ? heap_.new_tuple(items)
                             : heap_.new_list(items, pick(2) ? ListPrealloc::exact : ListPrealloc::even));
                break;
            }
            case 4: keep(heap_.new_dict()); break;
            case 5: keep(heap_.new_set(pick(4) == 0)); break;
            case 6: keep(heap_.new_instance(classes_[pick(classes_.size())])); break;
            case 7: {
                ObjId refs[] = {any_root()};
                keep(pick(2) ? heap_.new_cell(any_root()) : heap_.new_function("f", refs));
                break;
            }
            case 8: {
                ObjId target = any_root();
                if (heap_.get(target).is_static()) break;
                keep(heap_.new_weakref(target, pick(2) ? any_root() : kNull));
                break;
            }
            case 9: case 10: drop_root(); break;
            case 11: if (ObjId l = root_of({Type::list})) heap_.list_append(l, any_root()); break;
            case 12:
                if (ObjId l = root_of({Type::list}); l && heap_.list_size(l) > 0)
                    heap_.decref(heap_.list_pop(l, pick(heap_.list_size(l))));
                break;
            case 13: if (ObjId l = root_of({Type::list})) pick(8) ? void() : heap_.list_clear(l); break;
            case 14:
                if (ObjId d = root_of({Type::dict})) {
                    ObjId key = root_of({Type::str, Type::int_type});
                    if (key) heap_.dict_set(d, key, any_root());
                }
                break;
            case 15:
                if (ObjId d = root_of({Type::dict})) {
                    ObjId key = root_of({Type::str, Type::int_type});
                    if (key) heap_.dict_delete(d, key);
                }
                break;
            case 16:
                if (ObjId s = root_of({Type::set, Type::frozenset})) {
                    ObjId key = any_root();
                    pick(3) ? void(heap_.set_add(s, key)) : void(heap_.set_discard(s, key));
                }
                break;
            case 17: case 18:
                if (ObjId inst = root_of({Type::instance})) {
                    static const char* names[] = {"a", "b", "c", "next", "prev", "data"};
                    std::string name = names[pick(6)];
                    if (pick(5) == 0) heap_.instance_delattr(inst, name);
                    else heap_.instance_setattr(inst, name, any_root());
                }
                break;
            case 19: if (ObjId inst = root_of({Type::instance}); inst && pick(4) == 0) heap_.instance_dict(inst); break;
            case 20: if (ObjId c = root_of({Type::cell})) heap_.cell_set(c, any_root()); break;
            case 21:
                if (pick(40) == 0) heap_.gc().freeze();
                else if (pick(10) == 0) heap_.gc().unfreeze();
                else heap_.gc().collect(static_cast<int>(pick(3)));
                break;
        }
    }

    void drop_root() {
        if (roots_.empty()) return;
        std::size_t i = pick(roots_.size());
        ObjId id = roots_[i];
        roots_[i] = roots_.back();
        roots_.pop_back();
        heap_.decref(id);
    }

    alloc::Allocator allocator_;
    Heap heap_;
    Hooks hooks_;
    std::mt19937_64 rng_;
    std::vector<ObjId> roots_;
    std::vector<ObjId> classes_;
    int callbacks_ = 0;
};

}  // namespace

TEST_CASE("100,000 random operations keep every invariant and leak nothing", "[model][random]") {
    for (ProfileId id : {ProfileId::cpython_3_11, ProfileId::classic}) {
        INFO("profile " << profile(id).name);
        RandomProgram program(id, 20261121);
        program.run(100'000, false);
        program.finish();
        CHECK(program.heap().live_count() == program.static_objects());
        CHECK(program.allocator().stats().pymalloc_blocks_in_use == 0);
    }
}

TEST_CASE("random operations under stress mode (a collection on every GC allocation)",
          "[model][random][gc]") {
    RandomProgram program(ProfileId::cpython_3_11, 7);
    program.run(5'000, true);
    program.finish();
    CHECK(program.heap().live_count() == program.static_objects());
    CHECK(program.heap().gc().collections_run() > 1000);
}
