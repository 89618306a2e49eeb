// Routing between pymalloc and the raw layer (spec §1), realloc (spec §7), the simulated C
// malloc, the memory limit, and the errors the allocator raises on misuse.
#include <catch2/catch.hpp>

#include "alloc/address_space.hpp"
#include "alloc/system_malloc.hpp"
#include "refscope/errors.hpp"
#include "test_alloc_support.hpp"

using namespace refscope;
using namespace refscope::alloc;
using namespace refscope::alloc::testing;

namespace {

constexpr Address kFirstHeapChunk = AddressSpace::kHeapBase + 16;

bool in_heap(Address p) {
    return p >= AddressSpace::kHeapBase && p < AddressSpace::kHeapLimit;
}

}  // namespace

TEST_CASE("0 bytes and more than 512 bytes go to the raw layer and 1..512 to pymalloc",
          "[alloc][routing]") {
    for (ProfileId id : kBothProfiles) {
        auto a = checked(id);
        const Address zero = a->malloc(0);
        CHECK(zero == kFirstHeapChunk);   // nothing else has used the heap yet
        CHECK_FALSE(a->is_pymalloc(zero));
        CHECK(a->request_size(zero) == 0);
        CHECK(a->usable_size(zero) == 1);   // malloc(0) serves one byte

        const Address big = a->malloc(513);
        CHECK(big == kFirstHeapChunk + 32);   // after the 32-byte chunk of malloc(0)
        CHECK_FALSE(a->is_pymalloc(big));
        CHECK(a->request_size(big) == 513);

        const Address small = a->malloc(512);
        CHECK(a->is_pymalloc(small));
        CHECK(a->malloc(1) != 0);

        const AllocatorStats s = a->stats();
        CHECK(s.raw_chunks_in_use == 2);   // pymalloc's arenas vector is not the program's
        CHECK(s.raw_bytes_in_use == 513);
        CHECK(s.pymalloc_blocks_in_use == 2);
        CHECK(s.pymalloc_bytes_in_use == 512 + geometry(id).alignment());
        CHECK(s.requested_in_use == 513 + 512 + 1);
    }
}

TEST_CASE("simulated C malloc: chunk sizes, exact-size reuse, mmap threshold",
          "[alloc][routing][raw]") {
    auto a = checked(ProfileId::cpython_3_11);
    CHECK(SystemMalloc::chunk_size_for(0) == 32);
    CHECK(SystemMalloc::chunk_size_for(24) == 32);
    CHECK(SystemMalloc::chunk_size_for(25) == 48);
    CHECK(SystemMalloc::chunk_size_for(1000) == 1008);

    const Address p = a->raw_malloc(1000);
    const Address q = a->raw_malloc(24);
    const Address r = a->raw_malloc(0);
    CHECK(p == kFirstHeapChunk);
    CHECK(q == p + 1008);
    CHECK(r == q + 32);
    CHECK(a->request_size(r) == 0);
    CHECK(a->usable_size(r) == 1);
    a->raw_free(p);
    CHECK(a->raw_malloc(990) == p);   // same chunk size (1008): reused, last in first out
    a->raw_free(q);
    CHECK(a->raw_malloc(40) != q);    // 48-byte chunk: not the freed 32-byte one

    // At or above M_MMAP_THRESHOLD a chunk gets its own mapping, 16 bytes into it.
    const std::uint64_t mapped = a->stats().mapped_bytes;
    const Address m = a->raw_malloc(200000);
    CHECK_FALSE(in_heap(m));
    CHECK(m % AddressSpace::kPageSize == 16);
    CHECK(m == AddressSpace::kMmapTop - 200704 + 16);   // round_up(200016 + 8, 4096)
    CHECK(a->stats().mapped_bytes == mapped + 200704);
    a->raw_free(m);
    CHECK(a->stats().mapped_bytes == mapped);
}

TEST_CASE("raw realloc: in place when it fits or sits at the heap top, else it moves",
          "[alloc][routing][raw]") {
    auto a = checked(ProfileId::classic);
    const Address p = a->raw_malloc(100);
    CHECK(a->raw_realloc(p, 50) == p);        // shrinking keeps the chunk
    CHECK(a->request_size(p) == 50);
    CHECK(a->raw_realloc(p, 3000) == p);      // the last chunk grows into the top
    const Address q = a->raw_malloc(10);
    const Address moved = a->raw_realloc(p, 5000);   // no longer last: moves
    CHECK(moved != p);
    CHECK(moved > q);
    CHECK(a->request_size(moved) == 5000);
    CHECK(a->raw_realloc(0, 7) != 0);         // realloc(NULL, n) is malloc

    const Address big = a->raw_malloc(300000);
    const Address shrunk = a->raw_realloc(big, 140000);   // a mapped chunk stays mapped
    CHECK(shrunk == big);
    const Address grown = a->raw_realloc(big, 400000);    // pages above are taken: it moves
    CHECK(grown != big);
    CHECK(a->request_size(grown) == 400000);
    a->raw_free(grown);
}

TEST_CASE("realloc of a pymalloc block: in place while n <= size and 4n > 3 size (spec 7)",
          "[alloc][routing][realloc]") {
    for (ProfileId id : kBothProfiles) {
        auto a = checked(id);
        const Address p = a->malloc(64);
        CHECK(a->realloc(p, 64) == p);
        CHECK(a->realloc(p, 49) == p);        // 4 * 49 = 196 > 192
        CHECK(a->request_size(p) == 49);
        CHECK(a->realloc(p, 60) == p);        // growing within the block
        const Address q = a->realloc(p, 48);  // 4 * 48 = 192: shrinks by 25%, moves
        CHECK(q != p);
        CHECK(a->pool_of(q).block_size == 48);
        CHECK(a->request_size(q) == 48);
        CHECK(a->pool_of(p).state != PoolState::full);   // the old block was freed

        const Address r = a->realloc(q, 65);  // past the block: a larger class
        CHECK(a->pool_of(r).block_size == (geometry(id).alignment() == 16 ? 80 : 72));

        const Address big = a->realloc(r, 600);   // past the threshold: to the raw layer
        CHECK_FALSE(a->is_pymalloc(big));
        CHECK(a->request_size(big) == 600);

        // A raw block stays raw, even when it shrinks below the threshold.
        const Address still_raw = a->realloc(big, 100);
        CHECK(still_raw == big);
        CHECK_FALSE(a->is_pymalloc(still_raw));

        // realloc(NULL, n) is malloc(n); realloc(p, 0) moves to malloc(0), a raw byte.
        const Address fresh = a->realloc(0, 24);
        CHECK(a->is_pymalloc(fresh));
        const Address zero = a->realloc(fresh, 0);
        CHECK_FALSE(a->is_pymalloc(zero));
        CHECK(a->request_size(zero) == 0);
        CHECK(a->stats().pymalloc_blocks_in_use == 0);
    }
}

TEST_CASE("3.11 realloc boundaries for the 512-byte class", "[alloc][routing][realloc]") {
    auto a = checked(ProfileId::cpython_3_11);
    const Address p = a->malloc(512);
    CHECK(a->realloc(p, 385) == p);   // 1540 > 1536
    CHECK(a->realloc(p, 384) != p);   // 1536 is not > 1536
}

TEST_CASE("in-place realloc is reported as a free and an alloc of the same address",
          "[alloc][routing][events]") {
    auto a = checked(ProfileId::cpython_3_11);
    const Address p = a->malloc(64);
    EventLog log;
    a->set_observer(&log);
    a->realloc(p, 50, Domain::mem);
    REQUIRE(log.events.size() == 2);
    CHECK(log.events[0].kind == AllocEventKind::block_free);
    CHECK(log.events[0].request == 64);
    CHECK(log.events[1].kind == AllocEventKind::block_alloc);
    CHECK(log.events[1].request == 50);
    CHECK(log.events[1].address == p);
    CHECK(log.events[1].domain == Domain::mem);
    a->set_observer(nullptr);
}

TEST_CASE("memory limit: pymalloc falls back to the raw layer, then requests fail",
          "[alloc][routing][limit]") {
    SECTION("3.11, 2 MiB: one arena, then 32-byte raw chunks until the limit") {
        const std::uint64_t limit = 2 * 1048576;
        auto a = unchecked(ProfileId::cpython_3_11, limit);
        std::vector<Address> live;
        for (Address p; (p = a->malloc(16)) != 0;) live.push_back(p);
        // Held against the limit: the arenas vector (16 * 48 -> a 784-byte chunk), the arena,
        // and the radix tree's mid and bottom nodes (mappings of 65 and 33 pages).
        const std::uint64_t held = 784 + 1048576 + 266240 + 135168;
        const AllocatorStats s = a->stats();
        CHECK(s.pymalloc_blocks_in_use == 63 * 1021);
        CHECK(s.raw_chunks_in_use == (limit - held) / 32);
        CHECK(live.size() == 63 * 1021 + (limit - held) / 32);
        CHECK(a->malloc(600) == 0);
        CHECK(a->raw_malloc(1) == 0);
        // A failed realloc leaves the block where it was.
        CHECK(a->realloc(live.back(), 100) == 0);
        CHECK(a->request_size(live.back()) == 16);
        a->check_invariants();

        a->free(live.back());   // a raw chunk: room for one more
        live.pop_back();
        CHECK(a->malloc(16) != 0);
        CHECK(a->malloc(16) == 0);
        a->check_invariants();
    }
    SECTION("classic, 1 MiB: three 256 KiB arenas, then raw chunks") {
        const std::uint64_t limit = 1048576;
        auto a = unchecked(ProfileId::classic, limit);
        std::uint64_t n = 0;
        while (a->malloc(16) != 0) ++n;
        const std::uint64_t held = 784 + 3 * 262144;
        CHECK(a->stats().arenas_allocated_current == 3);
        CHECK(a->stats().pymalloc_blocks_in_use == 3 * 64 * 253);
        CHECK(n == 3 * 64 * 253 + (limit - held) / 32);
        a->check_invariants();
    }
    SECTION("a request larger than the limit fails without changing anything") {
        auto a = checked(ProfileId::cpython_3_11, 1 << 20);
        CHECK(a->malloc(std::size_t{2} << 20) == 0);
        CHECK(a->malloc(std::size_t{1} << 60) == 0);
        CHECK(a->stats().raw_chunks_in_use == 0);
        CHECK(a->stats().mapped_bytes == 0);
    }
}

TEST_CASE("misuse is an internal error, and leaves the allocator intact", "[alloc][routing]") {
    for (ProfileId id : kBothProfiles) {
        auto a = checked(id);
        const Address p = a->malloc(64);
        const Address raw = a->malloc(1000);
        CHECK_THROWS_AS(a->free(p + 16), InvariantError);     // inside a block
        CHECK_THROWS_AS(a->free(raw + 16), InvariantError);   // inside a chunk
        CHECK_THROWS_AS(a->raw_free(p), InvariantError);      // pymalloc's, not raw
        CHECK_THROWS_AS(a->raw_realloc(p, 10), InvariantError);
        CHECK_THROWS_AS(a->request_size(p + 64), InvariantError);   // a free block
        a->free(p);
        CHECK_THROWS_AS(a->free(p), InvariantError);          // double free
        a->free(raw);
        CHECK_THROWS_AS(a->free(raw), InvariantError);
        CHECK_THROWS_AS(a->free(AddressSpace::kHeapBase + 4096 * 99), InvariantError);
        a->free(0);   // a no-op
        a->raw_free(0);
        a->check_invariants();
    }
    auto a = checked(ProfileId::cpython_3_11);
    a->malloc(16);
    CHECK_THROWS_AS(a->free(a->arena(0).address), InvariantError);   // alignment slack
    CHECK_THROWS_AS(a->pool_of(AddressSpace::kHeapBase), UsageError);
    CHECK_THROWS_AS(a->arena(16), UsageError);
}
