// Arenas (spec §3.2, §5 new_arena, §6 cases 1-4, §8): geometry and alignment loss, the arena
// object vector, usable_arenas ordering with both algorithms, and when arenas go back to the OS.
#include <catch2/catch.hpp>

#include <map>

#include "alloc/address_space.hpp"
#include "test_alloc_support.hpp"

using namespace refscope;
using namespace refscope::alloc;
using namespace refscope::alloc::testing;

namespace {

// Fills `narenas` arenas completely with 512-byte blocks; the blocks, grouped by pool. (An
// arena leaves usable_arenas when its last pool is carved; that pool still has to fill up.)
std::map<PoolRef, std::vector<Address>> fill_arenas(Allocator& a, std::uint64_t narenas) {
    std::map<PoolRef, std::vector<Address>> pools;
    const std::uint32_t szidx = a.profile().alloc.size_class(512);
    while (a.stats().arenas_allocated_current < narenas || !a.usable_arenas().empty() ||
           !a.usedpools(szidx).empty()) {
        const Address p = a.malloc(512);
        const PoolView v = a.pool_of(p);
        pools[{v.arena, v.index}].push_back(p);
    }
    return pools;
}

std::int64_t slot(std::uint32_t s) { return s; }

}  // namespace

TEST_CASE("3.11 arenas are unaligned: 63 pools and one pool lost to alignment each",
          "[alloc][arenas]") {
    auto a = unchecked(ProfileId::cpython_3_11);
    fill_arenas(*a, 5);
    for (std::uint32_t s = 0; s < 5; ++s) {
        INFO("arena " << s);
        const ArenaView v = a->arena(s);
        CHECK(v.address % AddressSpace::kPageSize == 0);
        CHECK(v.address % (16 * 1024) != 0);
        CHECK(v.ntotalpools == 63);
        CHECK(v.first_pool - v.address < 16 * 1024);
        CHECK(v.first_pool % (16 * 1024) == 0);
    }
    const std::string text = a->debug_malloc_stats();
    CHECK_THAT(text, Catch::Contains("# bytes lost to arena alignment    =               81,920\n"));
    CHECK_THAT(text, Catch::Contains("5 arenas * 1048576 bytes/arena     =            5,242,880\n"));
    a->check_invariants();
}

TEST_CASE("classic arenas are page- and therefore pool-aligned: 64 pools", "[alloc][arenas]") {
    auto a = unchecked(ProfileId::classic);
    fill_arenas(*a, 5);
    for (std::uint32_t s = 0; s < 5; ++s) {
        CHECK(a->arena(s).ntotalpools == 64);
        CHECK(a->arena(s).first_pool == a->arena(s).address);
    }
    CHECK_THAT(a->debug_malloc_stats(),
               Catch::Contains("# bytes lost to arena alignment    =                    0\n"));
    a->check_invariants();
}

TEST_CASE("arenas are mapped top-down, one below the other", "[alloc][arenas]") {
    auto a = unchecked(ProfileId::classic);
    fill_arenas(*a, 3);
    const Address size = geometry(ProfileId::classic).arena_size();
    CHECK(a->arena(0).address == AddressSpace::kMmapTop - size);
    CHECK(a->arena(1).address == AddressSpace::kMmapTop - 2 * size);
    CHECK(a->arena(2).address == AddressSpace::kMmapTop - 3 * size);
}

TEST_CASE("the arena object vector starts at 16 slots and doubles, its slots chained in index order",
          "[alloc][arenas]") {
    for (ProfileId id : kBothProfiles) {
        auto a = unchecked(id);
        CHECK(a->max_arenas() == 0);
        a->malloc(8);
        CHECK(a->max_arenas() == 16);
        std::vector<std::uint32_t> expected;
        for (std::uint32_t s = 1; s < 16; ++s) expected.push_back(s);
        CHECK(a->unused_arena_objects() == expected);

        fill_arenas(*a, 17);
        CHECK(a->max_arenas() == 32);
        expected.clear();
        for (std::uint32_t s = 17; s < 32; ++s) expected.push_back(s);
        CHECK(a->unused_arena_objects() == expected);
        a->check_invariants();
    }
}

TEST_CASE("usable_arenas stays sorted by nfreepools and both algorithms give the same order",
          "[alloc][arenas]") {
    for (ProfileId id : kBothProfiles) {
        INFO("profile " << profile(id).name);
        auto a = unchecked(id);
        auto pools = fill_arenas(*a, 4);
        const bool fingers = geometry(id).nfp2lasta;
        auto free_pool = [&](std::uint32_t arena, std::uint32_t index) {
            release(*a, pools[{arena, index}]);
            a->check_invariants();
        };
        CHECK(a->usable_arenas().empty());

        free_pool(2, 0);   // case 2: a wholly used arena becomes usable, at the head
        CHECK(a->usable_arenas() == std::vector<std::uint32_t>{2});
        free_pool(0, 0);   // case 2 again
        CHECK(a->usable_arenas() == std::vector<std::uint32_t>{0, 2});
        free_pool(0, 1);   // case 3: 0 now has 2 free pools, more than 2's one
        CHECK(a->usable_arenas() == std::vector<std::uint32_t>{2, 0});
        free_pool(3, 0);
        free_pool(1, 0);
        CHECK(a->usable_arenas() == std::vector<std::uint32_t>{1, 3, 2, 0});
        free_pool(3, 1);   // case 3: past the arenas with 1, before those with 2
        CHECK(a->usable_arenas() == std::vector<std::uint32_t>{1, 2, 3, 0});
        if (fingers) {
            CHECK(a->nfp2lasta(1) == slot(2));
            CHECK(a->nfp2lasta(2) == slot(0));
            CHECK(a->nfp2lasta(3) == -1);
        } else {
            CHECK(a->nfp2lasta(1) == -1);
        }
        free_pool(2, 1);   // case 4: 2 was the last arena with 1 free pool, still in order
        CHECK(a->usable_arenas() == std::vector<std::uint32_t>{1, 2, 3, 0});
        free_pool(2, 2);   // case 3: to the tail
        CHECK(a->usable_arenas() == std::vector<std::uint32_t>{1, 3, 0, 2});
        if (fingers) {
            CHECK(a->nfp2lasta(1) == slot(1));
            CHECK(a->nfp2lasta(2) == slot(0));
            CHECK(a->nfp2lasta(3) == slot(2));
        }

        // A new pool comes from the head arena (fewest free pools), from its freepools.
        const Address p = a->malloc(16);
        CHECK(a->pool_of(p).arena == 1);
        CHECK(a->pool_of(p).index == 0);
        CHECK(a->usable_arenas() == std::vector<std::uint32_t>{3, 0, 2});   // 1 is used up
        if (fingers) CHECK(a->nfp2lasta(1) == -1);
        // Next: arena 3 (2 free pools); the fingers move with it.
        CHECK(a->pool_of(a->malloc(32)).arena == 3);
        CHECK(a->usable_arenas() == std::vector<std::uint32_t>{3, 0, 2});
        if (fingers) {
            CHECK(a->nfp2lasta(1) == slot(3));
            CHECK(a->nfp2lasta(2) == slot(0));
        }
        a->check_invariants();
    }
}

TEST_CASE("3.11 keeps the last wholly free arena and classic returns every one", "[alloc][arenas]") {
    SECTION("3.11: a wholly free arena without a successor in usable_arenas stays mapped") {
        auto a = checked(ProfileId::cpython_3_11);
        auto pools = fill_arenas(*a, 3);
        auto free_arena = [&](std::uint32_t arena) {
            for (auto& [ref, blocks] : pools) {
                if (ref.first == arena) release(*a, blocks);
            }
        };
        const Address base1 = a->arena(1).address;
        free_arena(1);   // the only usable arena, hence the last: kept
        CHECK(a->arena(1).address == base1);
        CHECK(a->arena(1).nfreepools == 63);
        CHECK(a->usable_arenas() == std::vector<std::uint32_t>{1});
        CHECK(a->stats().arenas_allocated_current == 3);

        const std::uint64_t mapped = a->stats().mapped_bytes;
        free_arena(2);   // 2 becomes wholly free while 1 follows it: returned to the OS
        CHECK(a->arena(2).address == 0);
        CHECK(a->usable_arenas() == std::vector<std::uint32_t>{1});
        CHECK(a->unused_arena_objects().front() == 2);   // pushed on the front
        CHECK(a->stats().mapped_bytes == mapped - 1048576);
        CHECK(a->stats().arenas_allocated_current == 2);
    }
    SECTION("classic: every wholly free arena is unmapped at once") {
        auto a = checked(ProfileId::classic);
        auto pools = fill_arenas(*a, 3);
        const Address base1 = a->arena(1).address;
        const std::uint64_t mapped = a->stats().mapped_bytes;
        for (auto& [ref, blocks] : pools) {
            if (ref.first == 1) release(*a, blocks);
        }
        CHECK(a->arena(1).address == 0);
        CHECK_FALSE(a->is_pymalloc(base1 + 48));
        CHECK(a->usable_arenas().empty());
        CHECK(a->unused_arena_objects() ==
              std::vector<std::uint32_t>{1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15});
        CHECK(a->stats().mapped_bytes == mapped - 262144);
        CHECK(a->stats().arenas_allocated_current == 2);
        CHECK(a->stats().arenas_allocated_total == 3);
        CHECK_THAT(a->debug_malloc_stats(),
                   Catch::Contains("# arenas reclaimed                 =                    1\n"));

        // The next arena reuses the freed slot and the hole it left in the address space.
        const Address p = a->malloc(512);
        CHECK(a->pool_of(p).arena == 1);
        CHECK(a->arena(1).address == base1);
    }
}

TEST_CASE("30 rounds of allocating and freeing many small objects (spec 6, bpo-37257)",
          "[alloc][arenas]") {
    for (ProfileId id : kBothProfiles) {
        INFO("profile " << profile(id).name);
        auto a = unchecked(id);
        const std::vector<Address> resident = allocate(*a, 2000, 48);   // the interpreter
        const std::uint64_t before = a->stats().arenas_allocated_current;
        std::vector<std::uint64_t> after;
        for (int round = 0; round < 30; ++round) {
            const std::vector<Address> objects = allocate(*a, 200000, 16);
            CHECK(a->stats().arenas_allocated_current > before + 1);
            release(*a, objects);
            after.push_back(a->stats().arenas_allocated_current);
        }
        const std::uint64_t expected = geometry(id).keep_one_free_arena ? before + 1 : before;
        CHECK(after == std::vector<std::uint64_t>(30, expected));
        a->check_invariants();
        release(*a, resident);
    }
}

TEST_CASE("3.11 radix tree: membership covers whole arenas, nodes are counted",
          "[alloc][arenas][radix]") {
    auto a = checked(ProfileId::cpython_3_11);
    const Address p = a->malloc(16);
    const ArenaView arena = a->arena(0);
    CHECK(a->is_pymalloc(p));
    CHECK(a->is_pymalloc(arena.address));                  // alignment slack is in range too
    CHECK(a->is_pymalloc(arena.address + 1048576 - 1));
    CHECK_FALSE(a->is_pymalloc(arena.address + 1048576));
    CHECK_FALSE(a->is_pymalloc(arena.address - 1));        // the radix nodes' mapping
    const Address raw = a->malloc(1000);
    CHECK_FALSE(a->is_pymalloc(raw));
    const std::string text = a->debug_malloc_stats();
    CHECK_THAT(text, Catch::Contains("arena map counts\n"
                                     "# arena map mid nodes              =                    1\n"
                                     "# arena map bot nodes              =                    1\n"));

    // Two more arenas share the same nodes.
    fill_arenas(*a, 3);
    CHECK_THAT(a->debug_malloc_stats(),
               Catch::Contains("# arena map bot nodes              =                    1\n"));
}

TEST_CASE("classic address_in_range reads the pool header's arenaindex", "[alloc][arenas]") {
    auto a = checked(ProfileId::classic);
    const Address p = a->malloc(16);
    CHECK(a->is_pymalloc(p));
    CHECK(a->is_pymalloc(a->arena(0).address + 48));
    // A never-carved pool's header is zeroed memory: arenaindex 0, which is this arena.
    CHECK(a->is_pymalloc(a->arena(0).address + 5 * 4096 + 100));
    CHECK_FALSE(a->is_pymalloc(a->malloc(0)));
    CHECK_FALSE(a->is_pymalloc(AddressSpace::kMmapTop));
}
