// Pools and blocks (spec §3.1, §5, §6): which pool serves a request, in which order blocks come
// out, and every pool state transition, in both profiles.
#include <catch2/catch.hpp>

#include "test_alloc_support.hpp"

using namespace refscope;
using namespace refscope::alloc;
using namespace refscope::alloc::testing;

namespace {

PoolRef ref_of(Allocator& a, Address p) {
    const PoolView v = a.pool_of(p);
    return {v.arena, v.index};
}

}  // namespace

TEST_CASE("the first block sits after the first pool header of the first arena",
          "[alloc][pools]") {
    SECTION("3.11: the arena is unaligned, its first pool starts at the next 16 KiB boundary") {
        auto a = checked(ProfileId::cpython_3_11);
        const Address p = a->malloc(24);
        CHECK(p == 0x7ffff7b04030);
        const ArenaView arena = a->arena(0);
        CHECK(arena.address == 0x7ffff7b01000);
        CHECK(arena.first_pool == 0x7ffff7b04000);
        CHECK(arena.ntotalpools == 63);
        CHECK(arena.nfreepools == 62);
        CHECK(arena.ncarved == 1);
    }
    SECTION("classic: the arena is pool-aligned") {
        auto a = checked(ProfileId::classic);
        const Address p = a->malloc(24);
        CHECK(p == 0x7ffff7bc1030);
        CHECK(a->arena(0).first_pool == a->arena(0).address);
        CHECK(a->arena(0).ntotalpools == 64);
    }
}

TEST_CASE("blocks come from the free list first (LIFO), then from nextoffset", "[alloc][pools]") {
    for (ProfileId id : kBothProfiles) {
        auto a = checked(id);
        const std::uint32_t size = 64;
        const std::vector<Address> b = allocate(*a, 5, size);
        for (int i = 1; i < 5; ++i) CHECK(b[i] == b[0] + i * size);   // bump order

        PoolView pool = a->pool_of(b[0], true);
        CHECK(pool.nextoffset == 48 + 6 * size);   // 5 handed out + the free one
        CHECK(pool.free_chain == std::vector<Address>{b[0] + 5 * size});

        a->free(b[3]);
        a->free(b[1]);
        pool = a->pool_of(b[0], true);
        CHECK(pool.free_chain == std::vector<Address>{b[1], b[3], b[0] + 5 * size});
        CHECK(pool.count == 3);
        CHECK(a->malloc(size) == b[1]);
        CHECK(a->malloc(size) == b[3]);
        CHECK(a->malloc(size) == b[0] + 5 * size);
        CHECK(a->malloc(size) == b[0] + 6 * size);   // the list ran dry: bump again
        CHECK(a->pool_of(b[0]).nextoffset == 48 + 8 * size);
    }
}

TEST_CASE("a new class gets the next pool of the head arena and classes do not share pools",
          "[alloc][pools]") {
    for (ProfileId id : kBothProfiles) {
        auto a = checked(id);
        const std::uint32_t pool_size = geometry(id).pool_size();
        const Address p16 = a->malloc(16);
        const Address p32 = a->malloc(32);
        const Address p16b = a->malloc(16);
        const Address p48 = a->malloc(48);
        CHECK(ref_of(*a, p16) == PoolRef{0, 0});
        CHECK(ref_of(*a, p32) == PoolRef{0, 1});
        CHECK(p16b == p16 + 16);
        CHECK(ref_of(*a, p48) == PoolRef{0, 2});
        CHECK(a->pool_of(p48).address == a->pool_of(p16).address + 2 * pool_size);
        CHECK(a->usedpools(geometry(id).size_class(32)) == std::vector<PoolRef>{{0, 1}});
    }
}

TEST_CASE("a pool goes full while handing out its last block and is unlinked at once",
          "[alloc][pools]") {
    for (ProfileId id : kBothProfiles) {
        auto a = checked(id);
        const std::uint32_t size = 512, szidx = geometry(id).size_class(size);
        const std::uint32_t n = geometry(id).blocks_per_pool(szidx);
        const std::vector<Address> full = allocate(*a, n, size);
        const PoolView pool = a->pool_of(full[0]);
        CHECK(pool.state == PoolState::full);
        CHECK(pool.count == n);
        CHECK(pool.untouched == 0);
        CHECK(pool.nfree == 0);
        CHECK(a->usedpools(szidx).empty());
        CHECK(a->arena(0).ncarved == 1);   // no pool carved in advance

        const Address next = a->malloc(size);
        CHECK(ref_of(*a, next) == PoolRef{0, 1});
        CHECK(a->usedpools(szidx) == std::vector<PoolRef>{{0, 1}});
    }
}

TEST_CASE("freeing into a full pool relinks it at the front of usedpools", "[alloc][pools]") {
    for (ProfileId id : kBothProfiles) {
        auto a = checked(id);
        const std::uint32_t size = 256, szidx = geometry(id).size_class(size);
        const std::uint32_t n = geometry(id).blocks_per_pool(szidx);
        const std::vector<Address> first = allocate(*a, n, size);    // pool 0, full
        const std::vector<Address> second = allocate(*a, 2, size);   // pool 1, used
        CHECK(a->usedpools(szidx) == std::vector<PoolRef>{{0, 1}});

        a->free(first[7]);
        CHECK(a->pool_of(first[0]).state == PoolState::used);
        CHECK(a->usedpools(szidx) == std::vector<PoolRef>{{0, 0}, {0, 1}});
        CHECK(a->malloc(size) == first[7]);   // the next request reuses that block...
        CHECK(a->usedpools(szidx) == std::vector<PoolRef>{{0, 1}});   // ...and it is full again

        // A used pool is not moved when a block is freed into it.
        a->free(first[3]);                   // pool 0 to the front
        a->free(second[0]);                  // pool 1 stays second
        CHECK(a->usedpools(szidx) == std::vector<PoolRef>{{0, 0}, {0, 1}});
    }
}

TEST_CASE("an empty pool goes to its arena's freepools and is reused LIFO by any class",
          "[alloc][pools]") {
    for (ProfileId id : kBothProfiles) {
        auto a = checked(id);
        const std::vector<Address> p0 = allocate(*a, 3, 16);    // pool 0
        const std::vector<Address> p1 = allocate(*a, 3, 32);    // pool 1
        const std::vector<Address> p2 = allocate(*a, 3, 48);    // pool 2
        const std::uint32_t nfree = a->arena(0).nfreepools;

        release(*a, p0);
        CHECK(a->pool(0, 0).state == PoolState::empty);
        CHECK(a->usedpools(geometry(id).size_class(16)).empty());
        CHECK(a->arena(0).nfreepools == nfree + 1);
        release(*a, p2);                                        // emptied last
        CHECK(a->arena(0).nfreepools == nfree + 2);

        // A new class takes the most recently emptied pool (2), re-initialised.
        const Address q = a->malloc(80);
        CHECK(ref_of(*a, q) == PoolRef{0, 2});
        CHECK(q == a->pool(0, 2).address + 48);
        CHECK(a->pool(0, 2).szidx == geometry(id).size_class(80));
        CHECK(a->pool(0, 2).nextoffset == 48 + 2 * 80);
        // Then pool 0, before any never-carved pool.
        CHECK(ref_of(*a, a->malloc(96)) == PoolRef{0, 0});
        CHECK(ref_of(*a, a->malloc(112)) == PoolRef{0, 3});
        release(*a, p1);
    }
}

TEST_CASE("a recycled pool of the same class keeps its free list", "[alloc][pools]") {
    for (ProfileId id : kBothProfiles) {
        auto a = checked(id);
        const std::uint32_t size = 32;
        a->malloc(400);   // keeps the arena alive (classic unmaps a wholly free arena)
        const std::vector<Address> b = allocate(*a, 3, size);   // b0 b1 b2, b3 is the free one
        const Address b3 = b[0] + 3 * size;
        a->free(b[1]);
        a->free(b[0]);
        a->free(b[2]);   // empty now; its list: b2 b0 b1 b3
        const PoolView empty = a->pool_of(b[0], true);
        CHECK(empty.state == PoolState::empty);
        CHECK(empty.szidx == geometry(id).size_class(size));   // the class is kept
        CHECK(empty.free_chain == std::vector<Address>{b[2], b[0], b[1], b3});

        CHECK(a->malloc(size) == b[2]);   // popped from the old list, no re-initialisation
        CHECK(a->pool_of(b[0]).nextoffset == 48 + 4 * size);
        CHECK(a->malloc(size) == b[0]);
        CHECK(a->malloc(size) == b[1]);
        CHECK(a->malloc(size) == b3);
        CHECK(a->malloc(size) == b[0] + 4 * size);
    }
}

TEST_CASE("events: block first, then the pool state change", "[alloc][pools][events]") {
    for (ProfileId id : kBothProfiles) {
        auto a = checked(id);
        EventLog log;
        a->set_observer(&log);

        // The arenas vector (a raw chunk of pymalloc's own), the radix-tree nodes (3.11, raw
        // too), the arena once it is registered, then the block and its pool's state. The
        // block keeps the arena alive below (classic unmaps a wholly free arena).
        const Address keeper = a->malloc(400, Domain::mem);
        const std::size_t radix_nodes = geometry(id).radix_tree ? 2 : 0;
        REQUIRE(log.events.size() == 4 + radix_nodes);
        CHECK(log.events[0].kind == AllocEventKind::raw_alloc);
        CHECK(log.events[0].domain == Domain::raw);
        CHECK(log.events[0].request == 16 * 48);
        for (std::size_t i = 1; i <= radix_nodes; ++i) {
            CHECK(log.events[i].kind == AllocEventKind::raw_alloc);
        }
        CHECK(log.events[1 + radix_nodes].kind == AllocEventKind::arena_new);
        CHECK(log.events[1 + radix_nodes].address == a->arena(0).address);
        CHECK(log.events[1 + radix_nodes].arena == 0);
        const AllocEvent& block = log.events[2 + radix_nodes];
        const AllocEvent& state = log.events[3 + radix_nodes];
        CHECK(block.kind == AllocEventKind::block_alloc);
        CHECK(block.domain == Domain::mem);
        CHECK(block.address == keeper);
        CHECK(block.request == 400);
        CHECK(block.size == 400);
        CHECK(block.szidx == geometry(id).size_class(400));
        CHECK(block.arena == 0);
        CHECK(block.pool == 0);
        CHECK(state.kind == AllocEventKind::pool_state);
        CHECK(state.from == PoolState::unused);
        CHECK(state.to == PoolState::used);
        CHECK(state.pool == 0);

        const std::uint32_t size = 512, szidx = geometry(id).size_class(size);
        const std::uint32_t n = geometry(id).blocks_per_pool(szidx);
        log.events.clear();
        const Address first = a->malloc(size);
        std::vector<Address> blocks = allocate(*a, n - 1, size);
        REQUIRE(log.events.size() == n + 2);   // n blocks, unused -> used, used -> full
        CHECK(log.events[1].to == PoolState::used);
        CHECK(log.events.back().kind == AllocEventKind::pool_state);
        CHECK(log.events.back().from == PoolState::used);
        CHECK(log.events.back().to == PoolState::full);
        CHECK(log.events.back().pool == 1);

        log.events.clear();
        a->free(first);
        REQUIRE(log.events.size() == 2);
        CHECK(log.events[0].kind == AllocEventKind::block_free);
        CHECK(log.events[0].domain == Domain::object);
        CHECK(log.events[0].request == size);
        CHECK(log.events[1].from == PoolState::full);
        CHECK(log.events[1].to == PoolState::used);

        log.events.clear();
        release(*a, blocks);
        CHECK(log.events.back().kind == AllocEventKind::pool_state);
        CHECK(log.events.back().to == PoolState::empty);

        log.events.clear();
        a->malloc(16);
        CHECK(log.events.back().from == PoolState::empty);   // the 512-byte pool, recycled
        CHECK(log.events.back().to == PoolState::used);
        a->set_observer(nullptr);
    }
}
