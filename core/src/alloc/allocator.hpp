// alloc/allocator.hpp — the allocator layers of CPython as one object (spec §1).
//
// Models: Objects/obmalloc.c (3.7.3 and 3.10-3.12 era) routing:
//   PyObject_Malloc / PyMem_Malloc  -> pymalloc for 1..512 bytes, else the raw layer
//   PyMem_RawMalloc                 -> the simulated C library malloc (system_malloc.hpp)
//   arenas                          -> the simulated mmap (address_space.hpp)
//
// Glossary:
//   request     bytes asked for (what tracemalloc records)
//   block       the pymalloc size class that serves a request (INDEX2SIZE(szidx))
//   Address     a simulated address. Never a host pointer; 0 is NULL.
//
// Invariants (check_invariants() verifies all of them; debug builds and tests call it after
// every operation when Options::check_every_op is set):
//   1. Every address handed out and not yet freed belongs to exactly one live block: a pymalloc
//      block of a used or full pool, or a raw malloc chunk.
//   2. The pymalloc invariants of pymalloc.hpp and the system-malloc invariants of
//      system_malloc.hpp hold.
//   3. bytes_in_use() equals the sum of the block sizes (pymalloc) and chunk sizes (raw) of all
//      live allocations; requested_in_use() the sum of their requests.
//
// Determinism: the same sequence of calls gives the same addresses and events, natively and in
// wasm. Simulated addresses start from fixed bases; nothing depends on host pointers or clocks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "refscope/profile.hpp"

namespace refscope::alloc {

using Address = std::uint64_t;

// Which API family made a request (spec §1); tracemalloc and the trace report it.
enum class Domain : std::uint8_t { raw, mem, object };

enum class PoolState : std::uint8_t { unused, used, full, empty };  // unused = never carved

enum class AllocEventKind : std::uint8_t {
    block_alloc,    // pymalloc handed out a block
    block_free,     // a pymalloc block went back on its pool's free list
    raw_alloc,      // the simulated C malloc served a request (> 512 B, 0 B, or a raw call)
    raw_free,
    pool_state,     // a pool changed state (from -> to); fired after the block event
    arena_new,      // an arena was obtained from the simulated OS
    arena_free,     // an arena was returned to the simulated OS
};

struct AllocEvent {
    AllocEventKind kind;
    Domain domain = Domain::object;
    PoolState from = PoolState::unused, to = PoolState::unused;  // pool_state only
    std::uint32_t request = 0;     // bytes requested (alloc events)
    std::uint32_t size = 0;        // block size (pymalloc) or chunk size (raw)
    std::uint32_t szidx = 0;       // size class (pymalloc events)
    std::uint32_t arena = 0;       // arena slot index (pymalloc and arena events)
    std::uint32_t pool = 0;        // pool index within the arena (pymalloc events)
    Address address = 0;           // block, chunk or arena address
};

// Receives every change the allocator makes; the trace recorder implements it. May be null.
class AllocObserver {
public:
    virtual ~AllocObserver() = default;
    virtual void on_alloc_event(const AllocEvent& event) = 0;
};

struct AllocatorOptions {
    // Simulated memory limit in bytes (arenas + raw chunks). A request that would exceed it
    // fails (returns 0), which the interpreter turns into MemoryError.
    std::uint64_t memory_limit = std::uint64_t{1} << 31;
    bool check_every_op = false;   // run check_invariants() after every public operation
};

// Read-only views for statistics, tests and the front end ------------------------------------

struct PoolView {
    std::uint32_t arena = 0, index = 0;   // arena slot, pool index in that arena
    Address address = 0;
    PoolState state = PoolState::unused;
    std::uint32_t szidx = 0;              // 0xffff: never initialised (DUMMY_SIZE_IDX)
    std::uint32_t block_size = 0;         // 0 when szidx is DUMMY_SIZE_IDX
    std::uint32_t count = 0;              // ref.count: blocks allocated
    std::uint32_t capacity = 0;           // NUMBLOCKS(szidx)
    std::uint32_t nfree = 0;              // blocks on the freeblock list
    std::uint32_t untouched = 0;          // blocks never handed out (beyond nextoffset)
    std::uint32_t nextoffset = 0, maxnextoffset = 0;
    std::vector<Address> free_chain;      // freeblock list, head first (filled on request)
};

struct ArenaView {
    std::uint32_t index = 0;              // slot in the arenas vector
    Address address = 0;                  // 0: slot unused
    Address first_pool = 0;               // first pool-aligned address
    std::uint32_t ntotalpools = 0, nfreepools = 0;
    std::uint32_t ncarved = 0;            // pools carved so far ((pool_address - first_pool) / POOL_SIZE)
};

struct AllocatorStats {
    std::uint64_t arenas_allocated_total = 0;     // ntimes_arena_allocated
    std::uint64_t arenas_allocated_current = 0;   // narenas_currently_allocated
    std::uint64_t arenas_highwater = 0;           // narenas_highwater
    std::uint64_t pymalloc_blocks_in_use = 0;
    std::uint64_t pymalloc_bytes_in_use = 0;      // sum of block sizes
    std::uint64_t raw_chunks_in_use = 0;
    std::uint64_t raw_bytes_in_use = 0;           // sum of requests served by the raw layer
    std::uint64_t requested_in_use = 0;           // sum of requests of all live allocations
    std::uint64_t mapped_bytes = 0;               // bytes mapped from the simulated OS
};

class Allocator {
public:
    Allocator(const Profile& profile, AllocatorOptions options = {});
    ~Allocator();
    Allocator(const Allocator&) = delete;
    Allocator& operator=(const Allocator&) = delete;
    // A copy of `other`'s whole state (for a trace's checkpoints), without its observers.
    // Pool cells are shared copy-on-write, so the copy costs little more than the headers.
    struct CopyTag {};
    Allocator(const Allocator& other, CopyTag);

    const Profile& profile() const;
    void set_observer(AllocObserver* observer);   // nullptr to stop observing

    // PyObject_Malloc / PyMem_Malloc (domain only labels events): pymalloc for 1..512 bytes,
    // the raw layer otherwise. Returns 0 when the memory limit is reached.
    Address malloc(std::size_t nbytes, Domain domain = Domain::object);
    // PyObject_Realloc (spec §7): realloc(0, n) == malloc(n); in place when n <= block size and
    // 4n > 3 * block size; raw blocks stay raw. Returns 0 on failure (the old block stays valid).
    Address realloc(Address p, std::size_t nbytes, Domain domain = Domain::object);
    // PyObject_Free: pymalloc's if the address lies in a live arena, else the raw layer's.
    // free(0) is a no-op. Freeing an address that is not live is an internal error (throws).
    void free(Address p, Domain domain = Domain::object);

    // PyMem_RawMalloc / RawCalloc / RawRealloc / RawFree: straight to the simulated C malloc.
    Address raw_malloc(std::size_t nbytes);
    Address raw_realloc(Address p, std::size_t nbytes);
    void raw_free(Address p);

    // Introspection -----------------------------------------------------------------------
    bool is_pymalloc(Address p) const;        // address_in_range
    std::size_t usable_size(Address p) const; // block size, or the raw chunk's request
    std::size_t request_size(Address p) const;// bytes requested for the live allocation at p
    AllocatorStats stats() const;

    std::uint32_t max_arenas() const;                 // maxarenas (size of the arenas vector)
    ArenaView arena(std::uint32_t slot) const;
    PoolView pool(std::uint32_t arena_slot, std::uint32_t index, bool with_free_chain = false) const;
    PoolView pool_of(Address p, bool with_free_chain = false) const;  // p must be pymalloc's
    // usedpools[szidx], first pool first, as (arena slot, pool index) pairs.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> usedpools(std::uint32_t szidx) const;
    // usable_arenas, head first (arena slots); and the unused_arena_objects stack, top first.
    std::vector<std::uint32_t> usable_arenas() const;
    std::vector<std::uint32_t> unused_arena_objects() const;
    // nfp2lasta[nfp] (3.8+ profiles), or -1 when NULL.
    std::int64_t nfp2lasta(std::uint32_t nfp) const;

    // sys._debugmallocstats() text, in CPython's format (spec §9), without the object free-list
    // lines (the object model appends those).
    std::string debug_malloc_stats() const;

    // Throws InvariantError naming the first violated invariant.
    void check_invariants() const;

    // Memory a copy of this allocator holds (a trace's accounting): each pool's cells (shared
    // copy-on-write between copies, so a caller may count each address once) and an estimate
    // of the tables copied whole.
    void for_each_cells(const std::function<void(const void*, std::size_t)>& f) const;
    std::size_t copied_table_bytes() const;
    std::size_t unshared_cells_bytes() const;   // as Heap::unshared_chunk_bytes

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace refscope::alloc
