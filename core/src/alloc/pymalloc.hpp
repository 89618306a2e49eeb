// alloc/pymalloc.hpp — pymalloc: arenas, pools and blocks (spec §2-8).
//
// Models: Objects/obmalloc.c of CPython 3.7.3 (classic profile: 8-byte classes, 4 KiB pools,
// 256 KiB arenas, usable_arenas re-sorted by a linear walk, every wholly free arena unmapped)
// and of CPython 3.10-3.12 as shipped in 3.11 (16-byte classes, 16 KiB pools, 1 MiB arenas,
// nfp2lasta fingers, the keep-one-free-arena rule, the radix-tree arena map). Which rules apply
// is read from the AllocatorProfile; the algorithm is otherwise the same.
//
// Layout:
//     arena (ARENA_SIZE, from mmap) = [alignment slack] pool pool ... pool [alignment slack]
//     pool  (POOL_SIZE)             = pool_header (POOL_OVERHEAD = 48 bytes) block block ... tail
//     block (INDEX2SIZE(szidx))     = what one request of size class szidx gets
// An arena whose base is not pool-aligned loses one pool to alignment (63 pools instead of 64).
//
// Glossary (CPython's names are kept):
//   szidx              size class index, (n - 1) >> ALIGNMENT_SHIFT; DUMMY_SIZE_IDX = never set
//   freeblock          head of a pool's LIFO list of free blocks; NULL (0) = list empty
//   nextoffset         offset of the first never-used block; maxnextoffset = POOL_SIZE - size
//   usedpools[szidx]   circular doubly-linked list of the used pools of a class, headed by a
//                      sentinel pool (ids 0 .. nclasses-1 here)
//   freepools          an arena's singly-linked LIFO list of empty pools (via nextpool)
//   pool_address       the arena's next never-carved pool; "carving" takes it
//   nfreepools         empty pools on freepools + never-carved pools
//   usable_arenas      arenas with nfreepools > 0, sorted ascending by nfreepools
//   nfp2lasta[n]       (3.8+) the last arena in usable_arenas with nfreepools == n, or NULL
//   unused_arena_objects  stack of arena slots without an arena (address == 0)
//   cell               one ALIGNMENT-sized unit of pool memory. The cell at a block's start
//                      stores what the block holds: while free, the link of the free list (the
//                      next free block's cell index, 0 = NULL) — CPython keeps that pointer in
//                      the block's first bytes; while live, kLiveBit | the request size.
//   pool id            index into pools_: 0 .. nclasses-1 are the usedpools sentinels, then
//                      64 per arena slot (nclasses + slot * 64 + pool index)
//
// Pool state machine (spec §3.1, §5, §6):
//   unused --carve--> used                 a carved pool is initialised for the class at once
//   used   --last block handed out--> full unlinked from usedpools during that allocation
//   full   --a block freed--> used         relinked at the FRONT of usedpools[szidx]
//   used   --last live block freed--> empty  unlinked from usedpools, pushed on the arena's
//                                          freepools; szidx, free list and nextoffset are kept
//   empty  --popped for any class--> used  same class: the old free list is reused as is;
//                                          other class: re-initialised (two blocks touched)
//   empty  --arena released--> (gone)      the arena is unmapped when all its pools are empty
//                                          (classic: always; 3.9+: unless it is the last one
//                                          in usable_arenas)
//
// Invariants (check_invariants; numbered in its messages):
//   1. unused_arena_objects holds exactly the slots with address == 0, each once.
//   2. narenas_currently_allocated counts the live arenas; highwater and ntimes are >= it; the
//      arenas vector is a live raw chunk of maxarenas * 48 bytes.
//   3. Per live arena: ntotalpools is 64, or 63 when its base is not pool-aligned; pool_address
//      lies on a pool boundary within the arena; nfreepools == pools on freepools + never-carved
//      pools; freepools holds exactly its carved pools with count == 0, each once; the pool
//      directory maps each of its pools to its pool id; the arena map records it.
//   4. Per carved pool: szidx is a class; maxnextoffset == POOL_SIZE - size; nextoffset ==
//      48 + t * size with 2 <= t <= NUMBLOCKS; the free list stays inside the touched blocks,
//      on block starts, without repeats and without live blocks; count + free-list length +
//      untouched blocks == NUMBLOCKS; exactly `count` touched blocks are live.
//   5. A full pool (count == NUMBLOCKS) has freeblock NULL and is on no list; a used pool has a
//      non-NULL freeblock and is on usedpools[szidx] exactly once; usedpools lists are circular
//      with consistent prev/next links and hold only used pools of their class.
//   6. usable_arenas is NULL-terminated with consistent prev links, sorted ascending by
//      nfreepools, and holds exactly the live arenas with nfreepools > 0.
//   7. (3.8+) nfp2lasta[n] is the last arena of usable_arenas with nfreepools == n, or NULL.
//   8. (classic) no live arena is wholly free between operations.
//   9. The block counters equal a recount of the live blocks.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "alloc/address_space.hpp"
#include "alloc/allocator.hpp"
#include "alloc/arena_map.hpp"
#include "alloc/system_malloc.hpp"
#include "refscope/profile.hpp"

namespace refscope::alloc {

inline constexpr std::uint32_t kNil = 0xffffffffu;        // NULL pool id / arena slot
inline constexpr std::uint32_t DUMMY_SIZE_IDX = 0xffff;
inline constexpr std::uint32_t kArenaObjectSize = 48;     // sizeof(struct arena_object), 64-bit
inline constexpr std::uint32_t kMaxPoolsInArena = 64;

// The host-side copy of a pool_header (spec §3.1).
struct PoolHeader {
    std::uint32_t count = 0;             // ref.count
    std::uint32_t freeblock = 0;         // cell index of the first free block; 0 = NULL
    std::uint32_t nextpool = kNil;
    std::uint32_t prevpool = kNil;
    std::uint32_t arenaindex = 0;        // 0 until carved, as in fresh mmap'd memory
    std::uint32_t szidx = DUMMY_SIZE_IDX;
    std::uint32_t nextoffset = 0;
    std::uint32_t maxnextoffset = 0;
    Address address = 0;                 // pool start (where the header lives)
    std::uint16_t* cells = nullptr;      // POOL_SIZE >> ALIGNMENT_SHIFT cells
};

// struct arena_object (spec §3.2), with slots instead of pointers.
struct ArenaObject {
    Address address = 0;                 // 0: the slot has no arena
    Address pool_address = 0;
    std::uint32_t nfreepools = 0;
    std::uint32_t ntotalpools = 0;
    std::uint32_t freepools = kNil;      // pool id
    std::uint32_t nextarena = kNil;
    std::uint32_t prevarena = kNil;
};

struct PymallocCounters {
    std::uint64_t narenas_currently_allocated = 0;
    std::uint64_t ntimes_arena_allocated = 0;
    std::uint64_t narenas_highwater = 0;
    std::uint64_t blocks_in_use = 0;
    std::uint64_t bytes_in_use = 0;      // sum of block sizes
    std::uint64_t requested_in_use = 0;  // sum of requests
};

class Pymalloc {
public:
    static constexpr std::uint16_t kLiveBit = 0x8000;
    static constexpr std::uint16_t kRequestMask = 0x7fff;

    Pymalloc(const AllocatorProfile& profile, AddressSpace& space, SystemMalloc& raw,
             MemoryBudget& budget);
    ~Pymalloc();
    // A copy of `other` over copies of its address space, raw layer and budget; no observer.
    // Pool cells and the radix tree are shared copy-on-write (writable_cells, writable_radix).
    Pymalloc(const Pymalloc& other, AddressSpace& space, SystemMalloc& raw, MemoryBudget& budget);
    Pymalloc(const Pymalloc&) = delete;
    Pymalloc& operator=(const Pymalloc&) = delete;

    void set_observer(AllocObserver* observer) { observer_ = observer; }
    const AllocatorProfile& profile() const { return profile_; }

    // pymalloc_alloc for 1 <= nbytes <= SMALL_REQUEST_THRESHOLD. 0 when no arena could be had
    // (the caller then falls back to the raw layer, as _PyObject_Malloc does).
    Address malloc(std::uint32_t nbytes, Domain domain) {
        const std::uint32_t szidx = (nbytes - 1) >> shift_;
        const std::uint32_t pid = header(szidx).nextpool;
        if (pid == szidx) return malloc_from_new_pool(szidx, nbytes, domain);
        PoolHeader& pool = header(pid);
        ++pool.count;
        const std::uint32_t cell = pool.freeblock;
        pool.freeblock = pool.cells[cell];
        writable_cells(pool)[cell] = static_cast<std::uint16_t>(kLiveBit | nbytes);
        const bool became_full = pool.freeblock == 0 && extend_or_fill(pool);
        account_alloc(szidx, nbytes);
        const Address block = pool.address + (Address{cell} << shift_);
        if (observer_ != nullptr) {
            emit_block(AllocEventKind::block_alloc, domain, pid, block, nbytes);
            if (became_full) emit_pool_state(pid, PoolState::used, PoolState::full);
        }
        return block;
    }

    // address_in_range plus the pool lookup: the id of the pool holding p when p lies in a pool
    // of a live arena, else 0.
    std::uint32_t owning_pool(Address p) const {
        const std::uint32_t pid = pool_directory_.get(p);
        if (radix_ != nullptr) return radix_->contains(p) ? pid : 0;
        if (pid == 0) return 0;
        return classic_address_in_range(p, header(pid).arenaindex, maxarenas(), arena_size_,
                                        [this](std::uint32_t slot) { return arenas_[slot].address; })
                   ? pid
                   : 0;
    }
    // address_in_range alone (true also for the unusable alignment slack of an arena).
    bool address_in_range(Address p) const;

    // pymalloc_free of p, a block of pool `pid` (from owning_pool). Throws InvariantError when p
    // is not a live block.
    void free(std::uint32_t pid, Address p, Domain domain);
    // realloc within the block: the block keeps its place, its request becomes `nbytes`.
    void resize_in_place(std::uint32_t pid, Address p, std::uint32_t nbytes, Domain domain);

    std::uint32_t block_size(std::uint32_t pid) const {
        return (header(pid).szidx + 1) << shift_;
    }
    // The request of the live block p of pool `pid`; throws InvariantError when p is not live.
    std::uint32_t request_of(std::uint32_t pid, Address p) const;

    // --- state, for views and statistics -------------------------------------------------
    std::uint32_t maxarenas() const { return static_cast<std::uint32_t>(arenas_.size()); }
    const ArenaObject& arena_object(std::uint32_t slot) const { return arenas_[slot]; }
    const PoolHeader& header(std::uint32_t pid) const { return pages_[pid >> kPageShift]->headers[pid & kPageMask]; }
    std::uint32_t pool_id(std::uint32_t slot, std::uint32_t index) const {
        return nclasses_ + slot * kMaxPoolsInArena + index;
    }
    // The inverse of pool_id: (arena slot, pool index in the arena).
    std::pair<std::uint32_t, std::uint32_t> pool_position(std::uint32_t pid) const {
        return {(pid - nclasses_) / kMaxPoolsInArena, (pid - nclasses_) % kMaxPoolsInArena};
    }
    Address first_pool(const ArenaObject& ao) const {
        return (ao.address + pool_size_ - 1) & ~Address{pool_size_ - 1};
    }
    std::uint32_t ncarved(const ArenaObject& ao) const {
        return ao.address == 0 ? 0
                               : static_cast<std::uint32_t>((ao.pool_address - first_pool(ao)) >>
                                                            profile_.pool_bits);
    }
    std::uint32_t numblocks(std::uint32_t szidx) const { return numblocks_[szidx]; }
    // Blocks of a carved pool never handed out (at or beyond nextoffset).
    std::uint32_t untouched(const PoolHeader& pool) const;
    std::uint32_t free_list_length(const PoolHeader& pool) const;
    std::vector<Address> free_chain(const PoolHeader& pool) const;
    PoolState state(std::uint32_t slot, std::uint32_t index) const;

    std::uint32_t usable_arenas_head() const { return usable_arenas_; }
    std::uint32_t unused_arena_objects_head() const { return unused_arena_objects_; }
    std::uint32_t nfp2lasta(std::uint32_t nfp) const { return nfp2lasta_[nfp]; }
    const PymallocCounters& counters() const { return counters_; }
    const ArenaRadixTree* radix_tree() const { return radix_.get(); }
    Address arenas_vector() const { return arenas_vector_; }

    void check_invariants() const;

    // What a copy holds (a trace's accounting): each pool's cells, shared copy-on-write
    // between copies, and an estimate of the tables copied whole.
    template <class F> void for_each_shared_block(F&& f) const {
        for (const auto& page : pages_) {
            f(static_cast<const void*>(page.get()), sizeof(PoolPage));
            for (const auto& cells : page->cells)
                if (cells) f(static_cast<const void*>(cells.get()), cells_bytes());
        }
    }
    // Bytes of pages and cells no copy shares (see Heap::unshared_chunk_bytes).
    std::size_t unshared_bytes() const {
        std::size_t n = 0;
        for (const auto& page : pages_) {
            if (page.use_count() == 1) n += sizeof(PoolPage);
            for (const auto& cells : page->cells)
                if (cells && cells.use_count() == 1) n += cells_bytes();
        }
        return n;
    }
    std::size_t cells_bytes() const { return std::size_t{cells_per_pool_} * 2; }
    std::size_t copied_table_bytes() const {
        return pages_.size() * sizeof(pages_[0]) + arenas_.size() * sizeof(ArenaObject) +
               pool_directory_.bytes();
    }

private:
    Address malloc_from_new_pool(std::uint32_t szidx, std::uint32_t nbytes, Domain domain);
    // pymalloc_pool_extend: the pool's free list ran dry. Bumps nextoffset, or (returns true)
    // unlinks the pool because it just became full.
    bool extend_or_fill(PoolHeader& pool);
    std::uint32_t new_arena();
    bool grow_arena_objects();
    void take_pool_fingers(std::uint32_t slot);
    void insert_to_usedpool(std::uint32_t pid);
    void insert_to_freepool(std::uint32_t pid);
    void resort_linear(std::uint32_t slot);
    void resort_with_fingers(std::uint32_t slot, std::uint32_t lastnf);
    void unlink_usable(std::uint32_t slot);
    void release_arena(std::uint32_t slot);

    void account_alloc(std::uint32_t szidx, std::uint32_t nbytes) {
        ++counters_.blocks_in_use;
        counters_.bytes_in_use += (szidx + 1) << shift_;
        counters_.requested_in_use += nbytes;
    }
    void emit_block(AllocEventKind kind, Domain domain, std::uint32_t pid, Address block,
                    std::uint32_t request) const;
    void emit_pool_state(std::uint32_t pid, PoolState from, PoolState to) const;
    void emit_arena(AllocEventKind kind, std::uint32_t slot, Address address) const;

    // The pool's cells (or the radix tree), this Pymalloc's own: copied first when a copy of
    // this allocator still shares them. Every write goes through these.
    std::uint16_t* writable_cells(PoolHeader& pool);
    ArenaRadixTree& writable_radix();

    void check_arena_slots() const;
    void check_arena(std::uint32_t slot) const;
    void check_pool(std::uint32_t pid, std::vector<std::uint32_t>& stamp, std::uint32_t mark,
                    PymallocCounters& recount) const;
    void check_usedpools() const;
    void check_usable_arenas() const;

    const AllocatorProfile profile_;
    const unsigned shift_;
    const std::uint32_t pool_size_;
    const std::uint32_t arena_size_;
    const std::uint32_t nclasses_;
    const std::uint32_t cells_per_pool_;
    std::array<std::uint32_t, 64> numblocks_{};

    AddressSpace& space_;
    SystemMalloc& raw_;
    MemoryBudget& budget_;
    AllocObserver* observer_ = nullptr;

    // Pool headers and cells in pages of 64 pool ids, shared copy-on-write with copies of this
    // allocator: header(pid) in a non-const context gives this Pymalloc its own page first, so
    // every header reference it hands out is its own; each pool's cells are shared on their
    // own (writable_cells). An allocator never copied (shared_ false) skips the checks.
    static constexpr unsigned kPageShift = 6;
    static constexpr std::uint32_t kPageMask = (1u << kPageShift) - 1;
    struct PoolPage {
        std::array<PoolHeader, 1u << kPageShift> headers;
        std::array<std::shared_ptr<std::uint16_t[]>, 1u << kPageShift> cells;   // allocated when first carved
    };
    PoolHeader& header(std::uint32_t pid) { return own_page(pid).headers[pid & kPageMask]; }
    std::shared_ptr<std::uint16_t[]>& cells_of(std::uint32_t pid) { return own_page(pid).cells[pid & kPageMask]; }
    PoolPage& own_page(std::uint32_t pid) {
        std::shared_ptr<PoolPage>& page = pages_[pid >> kPageShift];
        if (shared_ && page.use_count() > 1) [[unlikely]] page = std::make_shared<PoolPage>(*page);
        return *page;
    }
    void resize_pools(std::size_t n);
    std::vector<std::shared_ptr<PoolPage>> pages_;
    mutable bool shared_ = false;   // a copy was made of this allocator, or it is one
    std::size_t npools_ = 0;                               // sentinels, then 64 per slot
    std::vector<ArenaObject> arenas_;                      // size == maxarenas
    Address arenas_vector_ = 0;                            // raw chunk holding `arenas`
    std::uint32_t usable_arenas_ = kNil;
    std::uint32_t unused_arena_objects_ = kNil;
    std::array<std::uint32_t, kMaxPoolsInArena + 1> nfp2lasta_;
    PymallocCounters counters_;
    GranuleMap pool_directory_;                            // pool start -> pool id
    std::shared_ptr<ArenaRadixTree> radix_;                // 3.10+ profiles only
};

// sys._debugmallocstats()'s pymalloc part, in CPython's format (malloc_stats.cpp).
std::string debug_malloc_stats_text(const Pymalloc& pymalloc);

}  // namespace refscope::alloc
