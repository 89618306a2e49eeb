// alloc/pymalloc_check.cpp — Pymalloc::check_invariants: the numbered invariants of
// pymalloc.hpp, each verified from the raw structures (a recount, not the counters).
#include "alloc/pymalloc.hpp"

#include <algorithm>

#include "refscope/errors.hpp"

namespace refscope::alloc {

// --- invariants -----------------------------------------------------------------------------

void Pymalloc::check_invariants() const {
    check_arena_slots();
    std::vector<std::uint32_t> stamp(cells_per_pool_, 0);
    std::uint32_t mark = 0;
    PymallocCounters recount;
    for (std::uint32_t slot = 0; slot < maxarenas(); ++slot) {
        const ArenaObject& ao = arenas_[slot];
        if (ao.address == 0) continue;
        check_arena(slot);
        for (std::uint32_t i = 0; i < ncarved(ao); ++i) {
            check_pool(pool_id(slot, i), stamp, ++mark, recount);
        }
    }
    REFSCOPE_CHECK(recount.blocks_in_use == counters_.blocks_in_use &&
                       recount.bytes_in_use == counters_.bytes_in_use &&
                       recount.requested_in_use == counters_.requested_in_use,
                   "pymalloc 9: block counters differ from a recount");
    check_usedpools();
    check_usable_arenas();
}

void Pymalloc::check_arena_slots() const {
    std::vector<bool> on_stack(maxarenas(), false);
    std::uint64_t unused = 0, live = 0, fields = 0;
    for (std::uint32_t s = unused_arena_objects_; s != kNil; s = arenas_[s].nextarena) {
        REFSCOPE_CHECK(s < maxarenas() && !on_stack[s] && arenas_[s].address == 0,
                       "pymalloc 1: unused_arena_objects holds a live, repeated or bad slot");
        on_stack[s] = true;
        ++unused;
    }
    for (const ArenaObject& ao : arenas_) {
        if (ao.address == 0) continue;
        ++live;
        fields += ao.address % arena_size_ == 0 ? 1 : 2;   // ideal arenas mark one leaf field
    }
    REFSCOPE_CHECK(unused + live == maxarenas(),
                   "pymalloc 1: a slot without an arena is missing from unused_arena_objects");
    REFSCOPE_CHECK(live == counters_.narenas_currently_allocated &&
                       counters_.narenas_highwater >= live &&
                       counters_.ntimes_arena_allocated >= counters_.narenas_highwater,
                   "pymalloc 2: arena counters are inconsistent");
    if (maxarenas() != 0) {
        const RawChunkInfo vector = raw_.chunk(arenas_vector_);
        REFSCOPE_CHECK(vector.request == std::uint64_t{maxarenas()} * kArenaObjectSize,
                       "pymalloc 2: the arenas vector chunk has the wrong size");
    }
    if (radix_ != nullptr) {
        REFSCOPE_CHECK(radix_->marked_fields() == fields,
                       "arena map 2: the radix tree marks something that is not a live arena");
    }
}

void Pymalloc::check_arena(std::uint32_t slot) const {
    const ArenaObject& ao = arenas_[slot];
    const Address first = first_pool(ao);
    REFSCOPE_CHECK(ao.ntotalpools == (first == ao.address ? kMaxPoolsInArena : kMaxPoolsInArena - 1),
                   "pymalloc 3: ntotalpools does not match the arena's alignment");
    REFSCOPE_CHECK(ao.pool_address >= first && (ao.pool_address - first) % pool_size_ == 0 &&
                       ncarved(ao) <= ao.ntotalpools,
                   "pymalloc 3: pool_address is off the arena's pools");
    const std::uint32_t carved = ncarved(ao);
    std::uint32_t empty = 0;
    for (std::uint32_t i = 0; i < carved; ++i) empty += header(pool_id(slot, i)).count == 0;
    std::uint32_t listed = 0;
    for (std::uint32_t pid = ao.freepools; pid != kNil; pid = header(pid).nextpool) {
        REFSCOPE_CHECK(pid >= pool_id(slot, 0) && pid < pool_id(slot, carved) &&
                           header(pid).count == 0 && ++listed <= empty,
                       "pymalloc 3: freepools holds a foreign, used or repeated pool");
    }
    REFSCOPE_CHECK(listed == empty, "pymalloc 3: an empty pool is missing from freepools");
    REFSCOPE_CHECK(ao.nfreepools == listed + (ao.ntotalpools - carved),
                   "pymalloc 3: nfreepools != empty pools + never-carved pools");
    for (std::uint32_t i = 0; i < ao.ntotalpools; ++i) {
        REFSCOPE_CHECK(pool_directory_.get(first + Address{i} * pool_size_) == pool_id(slot, i),
                       "pymalloc 3: the pool directory is stale");
    }
    for (std::uint32_t i = 0; i < carved; ++i) {
        const std::uint32_t pid = pool_id(slot, i);
        REFSCOPE_CHECK(owning_pool(header(pid).address + profile_.pool_overhead) == pid,
                       "pymalloc 3: address_in_range misses a carved pool");
    }
    if (radix_ != nullptr) radix_->check_arena(ao.address);
}

void Pymalloc::check_pool(std::uint32_t pid, std::vector<std::uint32_t>& stamp,
                          std::uint32_t mark, PymallocCounters& recount) const {
    const PoolHeader& pool = header(pid);
    REFSCOPE_CHECK(pool.szidx < nclasses_, "pymalloc 4: a carved pool has no size class");
    const std::uint32_t size = (pool.szidx + 1) << shift_;
    const std::uint32_t overhead = profile_.pool_overhead;
    const std::uint32_t capacity = numblocks_[pool.szidx];
    REFSCOPE_CHECK(pool.maxnextoffset == pool_size_ - size,
                   "pymalloc 4: maxnextoffset != POOL_SIZE - size");
    REFSCOPE_CHECK(pool.nextoffset >= overhead && (pool.nextoffset - overhead) % size == 0,
                   "pymalloc 4: nextoffset is not on a block boundary");
    const std::uint32_t touched = (pool.nextoffset - overhead) / size;
    REFSCOPE_CHECK(touched >= 2 && touched <= capacity,
                   "pymalloc 4: nextoffset outside [48 + 2 size, end of the last block]");

    std::uint32_t nfree = 0;
    for (std::uint32_t c = pool.freeblock; c != 0; c = pool.cells[c]) {
        const std::uint32_t offset = c << shift_;
        REFSCOPE_CHECK(offset >= overhead && offset < pool.nextoffset &&
                           (offset - overhead) % size == 0,
                       "pymalloc 4: a free-list link points outside the touched blocks");
        REFSCOPE_CHECK(stamp[c] != mark, "pymalloc 4: the free list repeats a block");
        REFSCOPE_CHECK(!(pool.cells[c] & kLiveBit), "pymalloc 4: a live block is on the free list");
        stamp[c] = mark;
        ++nfree;
    }
    std::uint32_t live = 0;
    for (std::uint32_t offset = overhead; offset < pool.nextoffset; offset += size) {
        const std::uint16_t cell = pool.cells[offset >> shift_];
        if (!(cell & kLiveBit)) continue;
        ++live;
        const std::uint32_t request = cell & kRequestMask;
        // Its own class, or a request an in-place realloc shrank by less than 25% (4n > 3B).
        REFSCOPE_CHECK(request >= 1 && request <= size &&
                           (((request - 1) >> shift_) == pool.szidx || 4 * request > 3 * size),
                       "pymalloc 4: a live block's request does not fit its block");
        recount.requested_in_use += request;
    }
    REFSCOPE_CHECK(live == pool.count, "pymalloc 4: count != live blocks");
    REFSCOPE_CHECK(pool.count + nfree + (capacity - touched) == capacity,
                   "pymalloc 4: count + free list + untouched != NUMBLOCKS");
    recount.blocks_in_use += pool.count;
    recount.bytes_in_use += std::uint64_t{pool.count} * size;

    if (pool.count == capacity) {
        REFSCOPE_CHECK(pool.freeblock == 0, "pymalloc 5: a full pool has a free block");
    } else if (pool.count > 0) {
        REFSCOPE_CHECK(pool.freeblock != 0, "pymalloc 5: a used pool has freeblock NULL");
    }
}

void Pymalloc::check_usedpools() const {
    std::uint64_t listed = 0;
    for (std::uint32_t szidx = 0; szidx < nclasses_; ++szidx) {
        std::uint32_t prev = szidx;
        std::uint64_t steps = 0;
        for (std::uint32_t pid = header(szidx).nextpool; pid != szidx; pid = header(pid).nextpool) {
            REFSCOPE_CHECK(pid >= nclasses_ && pid < npools_ && ++steps < npools_,
                           "pymalloc 5: usedpools is not a circular list");
            const PoolHeader& pool = header(pid);
            REFSCOPE_CHECK(pool.prevpool == prev, "pymalloc 5: usedpools prev link is wrong");
            const auto [slot, index] = pool_position(pid);
            REFSCOPE_CHECK(state(slot, index) == PoolState::used && pool.szidx == szidx,
                           "pymalloc 5: usedpools holds a pool that is not a used pool of its class");
            prev = pid;
        }
        REFSCOPE_CHECK(header(szidx).prevpool == prev, "pymalloc 5: usedpools prev link is wrong");
        listed += steps;
    }
    std::uint64_t used = 0;
    for (std::uint32_t slot = 0; slot < maxarenas(); ++slot) {
        for (std::uint32_t i = 0; i < ncarved(arenas_[slot]); ++i) {
            used += state(slot, i) == PoolState::used;
        }
    }
    // Each listed pool is a used pool; with equal totals no used pool is missing or repeated
    // (a repeat would break the prev links above).
    REFSCOPE_CHECK(listed == used, "pymalloc 5: a used pool is missing from usedpools");
}

void Pymalloc::check_usable_arenas() const {
    std::array<std::uint32_t, kMaxPoolsInArena + 1> last;
    last.fill(kNil);
    std::uint32_t prev = kNil;
    std::uint64_t listed = 0;
    for (std::uint32_t s = usable_arenas_; s != kNil; s = arenas_[s].nextarena) {
        REFSCOPE_CHECK(s < maxarenas() && ++listed <= maxarenas(),
                       "pymalloc 6: usable_arenas is not a NULL-terminated list");
        const ArenaObject& ao = arenas_[s];
        REFSCOPE_CHECK(ao.address != 0 && ao.nfreepools > 0,
                       "pymalloc 6: usable_arenas holds an arena without free pools");
        REFSCOPE_CHECK(ao.prevarena == prev, "pymalloc 6: usable_arenas prev link is wrong");
        REFSCOPE_CHECK(prev == kNil || arenas_[prev].nfreepools <= ao.nfreepools,
                       "pymalloc 6: usable_arenas is not sorted by nfreepools");
        last[ao.nfreepools] = s;
        prev = s;
    }
    std::uint64_t expected = 0;
    for (const ArenaObject& ao : arenas_) {
        expected += ao.address != 0 && ao.nfreepools > 0;
        REFSCOPE_CHECK(profile_.keep_one_free_arena || ao.address == 0 ||
                           ao.nfreepools < ao.ntotalpools,
                       "pymalloc 8: a wholly free arena was kept");
    }
    REFSCOPE_CHECK(listed == expected, "pymalloc 6: an arena with free pools is not usable");
    if (profile_.nfp2lasta) {
        REFSCOPE_CHECK(last == nfp2lasta_, "pymalloc 7: an nfp2lasta finger is wrong");
    }
}

}  // namespace refscope::alloc
