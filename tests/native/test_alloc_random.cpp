// Seeded random operation sequences, with every invariant checked after every operation, and
// an observer that rebuilds the live allocations from the events alone.
#include <catch2/catch.hpp>

#include <map>
#include <random>

#include "test_alloc_support.hpp"

using namespace refscope;
using namespace refscope::alloc;
using namespace refscope::alloc::testing;

namespace {

// The live allocations as the events describe them: address -> request.
struct LiveMirror : AllocObserver {
    std::map<Address, std::uint32_t> live;
    std::uint64_t arena_events = 0;
    void on_alloc_event(const AllocEvent& e) override {
        switch (e.kind) {
            case AllocEventKind::block_alloc:
            case AllocEventKind::raw_alloc:
                REQUIRE(live.emplace(e.address, e.request).second);
                break;
            case AllocEventKind::block_free:
            case AllocEventKind::raw_free:
                REQUIRE(live.erase(e.address) == 1);
                break;
            case AllocEventKind::arena_new:
            case AllocEventKind::arena_free:
                ++arena_events;
                break;
            case AllocEventKind::pool_state:
                break;
        }
    }
};

struct Allocation {
    Address address;
    std::size_t request;
    bool raw_api;   // made with raw_malloc: must be freed with raw_free
};

class RandomRun {
public:
    RandomRun(Allocator& a, std::uint64_t seed, std::size_t soft_cap)
        : a_(a), rng_(seed), soft_cap_(soft_cap) {}

    void step() {
        const std::uint32_t dice = below(100);
        const bool crowded = live_.size() > soft_cap_;
        if (live_.empty() || (!crowded && dice < 45)) {
            allocate(request_size(), below(20) == 0);
        } else if (dice < 80 || crowded) {
            release(below(live_.size()));
        } else {
            resize(below(live_.size()), request_size());
        }
    }

    // Many blocks of one class at once, then all freed: arenas come and go.
    void burst(std::size_t count, std::size_t nbytes) {
        std::vector<Address> blocks = testing::allocate(a_, count, nbytes);
        for (Address p : blocks) REQUIRE(p != 0);
        testing::release(a_, blocks);
    }

    void verify() const {
        std::uint64_t requested = 0;
        for (const Allocation& x : live_) {
            REQUIRE(a_.request_size(x.address) == x.request);
            requested += x.request;
        }
        REQUIRE(a_.stats().requested_in_use == requested);
    }

    const std::vector<Allocation>& live() const { return live_; }
    void release_all() {
        while (!live_.empty()) release(live_.size() - 1);
    }

private:
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(rng_() % n); }

    std::size_t request_size() {
        const std::size_t kind = below(1000);
        if (kind < 700) return 1 + below(512);
        if (kind < 750) return 0;
        if (kind < 995) return 513 + below(6000);
        return 131000 + below(200000);   // around the mmap threshold
    }

    void allocate(std::size_t n, bool raw_api) {
        const Address p = raw_api ? a_.raw_malloc(n) : a_.malloc(n);
        REQUIRE(p != 0);
        if (raw_api) REQUIRE_FALSE(a_.is_pymalloc(p));
        live_.push_back({p, n, raw_api});
    }

    void release(std::size_t i) {
        const Allocation x = live_[i];
        if (x.raw_api) {
            a_.raw_free(x.address);
        } else {
            a_.free(x.address);
        }
        live_[i] = live_.back();
        live_.pop_back();
    }

    void resize(std::size_t i, std::size_t n) {
        Allocation& x = live_[i];
        const bool was_pymalloc = a_.is_pymalloc(x.address);
        const Address p = x.raw_api ? a_.raw_realloc(x.address, n) : a_.realloc(x.address, n);
        REQUIRE(p != 0);
        if (!was_pymalloc) REQUIRE_FALSE(a_.is_pymalloc(p));   // raw blocks stay raw
        x.address = p;
        x.request = n;
    }

    Allocator& a_;
    std::mt19937_64 rng_;
    std::size_t soft_cap_;
    std::vector<Allocation> live_;
};

}  // namespace

TEST_CASE("100,000 random operations per profile, invariants checked after each",
          "[alloc][random]") {
    for (ProfileId id : kBothProfiles) {
        INFO("profile " << profile(id).name);
        auto a = checked(id);
        LiveMirror mirror;
        a->set_observer(&mirror);
        RandomRun run(*a, 20240611 + static_cast<int>(id), 400);
        for (int i = 0; i < 100000; ++i) {
            run.step();
            if (i % 25000 == 24999) {   // about two and a half arenas of 512-byte blocks
                const AllocatorProfile& g = geometry(id);
                run.burst(g.blocks_per_pool(g.nclasses() - 1) * 160, 512);
            }
        }
        run.verify();

        // The events alone describe the same live set (plus pymalloc's own raw chunks: the
        // arenas vector and, in 3.11, two radix-tree nodes).
        const std::size_t internal = geometry(id).radix_tree ? 3 : 1;
        CHECK(mirror.live.size() == run.live().size() + internal);
        for (const auto& x : run.live()) {
            REQUIRE(mirror.live.count(x.address) == 1);
            CHECK(mirror.live.at(x.address) == x.request);
        }
        CHECK(mirror.arena_events >= 2);

        run.release_all();
        const AllocatorStats s = a->stats();
        CHECK(s.pymalloc_blocks_in_use == 0);
        CHECK(s.raw_chunks_in_use == 0);
        CHECK(s.requested_in_use == 0);
        CHECK(s.arenas_allocated_current == (geometry(id).keep_one_free_arena ? 1u : 0u));
        a->set_observer(nullptr);
    }
}

TEST_CASE("a million random operations on a large live set, checked periodically",
          "[alloc][random]") {
    for (ProfileId id : kBothProfiles) {
        INFO("profile " << profile(id).name);
        auto a = unchecked(id);
        RandomRun run(*a, 77 + static_cast<int>(id), 40000);
        for (int i = 0; i < 1000000; ++i) {
            run.step();
            if (i % 100000 == 99999) {
                a->check_invariants();
                run.verify();
            }
        }
        run.release_all();
        a->check_invariants();
        CHECK(a->stats().arenas_allocated_current <= 1);
    }
}
