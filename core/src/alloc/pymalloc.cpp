// alloc/pymalloc.cpp — pymalloc's allocation and free paths and arena management
// (spec §5, §6; see pymalloc.hpp for the model). The invariant checks are in
// pymalloc_check.cpp.
#include "alloc/pymalloc.hpp"

#include <algorithm>

#include "refscope/errors.hpp"

namespace refscope::alloc {

Pymalloc::Pymalloc(const AllocatorProfile& profile, AddressSpace& space, SystemMalloc& raw,
                   MemoryBudget& budget)
    : profile_(profile),
      shift_(profile.alignment_shift),
      pool_size_(profile.pool_size()),
      arena_size_(profile.arena_size()),
      nclasses_(profile.nclasses()),
      cells_per_pool_(profile.pool_size() >> profile.alignment_shift),
      space_(space),
      raw_(raw),
      budget_(budget),
      pool_directory_(profile.pool_bits) {
    REFSCOPE_CHECK(profile.max_pools_in_arena() == kMaxPoolsInArena && nclasses_ <= 64 &&
                       profile.small_request_threshold <= kRequestMask &&
                       cells_per_pool_ <= kRequestMask,
                   "pymalloc: profile outside the simulated geometry");
    resize_pools(nclasses_);
    for (std::uint32_t i = 0; i < nclasses_; ++i) {
        numblocks_[i] = profile.blocks_per_pool(i);
        header(i).nextpool = header(i).prevpool = i;   // empty circular usedpools lists
    }
    nfp2lasta_.fill(kNil);
    if (profile.radix_tree) radix_ = std::make_shared<ArenaRadixTree>(profile.arena_bits);
}

Pymalloc::Pymalloc(const Pymalloc& other, AddressSpace& space, SystemMalloc& raw, MemoryBudget& budget)
    : profile_(other.profile_),
      shift_(other.shift_),
      pool_size_(other.pool_size_),
      arena_size_(other.arena_size_),
      nclasses_(other.nclasses_),
      cells_per_pool_(other.cells_per_pool_),
      numblocks_(other.numblocks_),
      space_(space),
      raw_(raw),
      budget_(budget),
      pages_(other.pages_),
      npools_(other.npools_),
      arenas_(other.arenas_),
      arenas_vector_(other.arenas_vector_),
      usable_arenas_(other.usable_arenas_),
      unused_arena_objects_(other.unused_arena_objects_),
      nfp2lasta_(other.nfp2lasta_),
      counters_(other.counters_),
      pool_directory_(other.pool_directory_),
      radix_(other.radix_) {
    other.shared_ = shared_ = true;
}

Pymalloc::~Pymalloc() = default;

ArenaRadixTree& Pymalloc::writable_radix() {
    if (radix_.use_count() > 1) radix_ = std::make_shared<ArenaRadixTree>(*radix_);
    return *radix_;
}

void Pymalloc::resize_pools(std::size_t n) {
    while ((pages_.size() << kPageShift) < n) pages_.push_back(std::make_shared<PoolPage>());
    npools_ = n;
}

std::uint16_t* Pymalloc::writable_cells(PoolHeader& pool) {
    if (!shared_) return pool.cells;
    std::shared_ptr<std::uint16_t[]>& shared = cells_of(pool_directory_.get(pool.address));
    if (shared.use_count() > 1) {
        std::shared_ptr<std::uint16_t[]> own(new std::uint16_t[cells_per_pool_]);
        std::copy_n(shared.get(), cells_per_pool_, own.get());
        shared = std::move(own);
        pool.cells = shared.get();
    }
    return pool.cells;
}

// --- allocation (spec §5) -------------------------------------------------------------------

bool Pymalloc::extend_or_fill(PoolHeader& pool) {
    if (pool.nextoffset <= pool.maxnextoffset) {
        const std::uint32_t cell = pool.nextoffset >> shift_;
        pool.freeblock = cell;
        writable_cells(pool)[cell] = 0;
        pool.nextoffset += (pool.szidx + 1) << shift_;
        return false;
    }
    // Full: unlink from usedpools until a block comes back.
    const std::uint32_t next = pool.nextpool;
    const std::uint32_t prev = pool.prevpool;
    header(next).prevpool = prev;
    header(prev).nextpool = next;
    return true;
}

// The arena at the head of usable_arenas is about to give up a pool (3.8+ fingers).
void Pymalloc::take_pool_fingers(std::uint32_t slot) {
    const std::uint32_t nf = arenas_[slot].nfreepools;
    if (nfp2lasta_[nf] == slot) nfp2lasta_[nf] = kNil;
    // It had the fewest free pools, so it is alone (and last) with nf - 1.
    if (nf > 1) nfp2lasta_[nf - 1] = slot;
}

Address Pymalloc::malloc_from_new_pool(std::uint32_t szidx, std::uint32_t nbytes, Domain domain) {
    if (usable_arenas_ == kNil) {
        const std::uint32_t slot = new_arena();
        if (slot == kNil) return 0;
        usable_arenas_ = slot;
        arenas_[slot].nextarena = arenas_[slot].prevarena = kNil;
        if (profile_.nfp2lasta) nfp2lasta_[arenas_[slot].nfreepools] = slot;
    }
    const std::uint32_t slot = usable_arenas_;
    if (profile_.nfp2lasta) take_pool_fingers(slot);
    ArenaObject& ao = arenas_[slot];

    std::uint32_t pid;
    PoolState from;
    if (ao.freepools != kNil) {               // an empty pool, most recently emptied first
        pid = ao.freepools;
        ao.freepools = header(pid).nextpool;
        from = PoolState::empty;
    } else {                                  // carve the next never-used pool
        pid = pool_id(slot, ncarved(ao));
        header(pid).arenaindex = slot;
        header(pid).szidx = DUMMY_SIZE_IDX;
        ao.pool_address += pool_size_;
        from = PoolState::unused;
    }
    if (--ao.nfreepools == 0) {               // wholly allocated: off usable_arenas
        usable_arenas_ = ao.nextarena;
        if (usable_arenas_ != kNil) arenas_[usable_arenas_].prevarena = kNil;
    }

    // The pool becomes the only one of usedpools[szidx].
    PoolHeader& head = header(szidx);
    PoolHeader& pool = header(pid);
    pool.nextpool = pool.prevpool = szidx;
    head.nextpool = head.prevpool = pid;
    pool.count = 1;

    std::uint32_t cell;
    if (pool.szidx == szidx) {                // same class as before: reuse its free list
        cell = pool.freeblock;
        pool.freeblock = pool.cells[cell];
    } else {                                  // initialise: touch only two blocks
        const std::uint32_t size = (szidx + 1) << shift_;
        pool.szidx = szidx;
        cell = profile_.pool_overhead >> shift_;
        pool.nextoffset = profile_.pool_overhead + 2 * size;
        pool.maxnextoffset = pool_size_ - size;
        pool.freeblock = (profile_.pool_overhead + size) >> shift_;
        writable_cells(pool)[pool.freeblock] = 0;
    }
    writable_cells(pool)[cell] = static_cast<std::uint16_t>(kLiveBit | nbytes);
    account_alloc(szidx, nbytes);
    const Address block = pool.address + (Address{cell} << shift_);
    if (observer_ != nullptr) {
        emit_block(AllocEventKind::block_alloc, domain, pid, block, nbytes);
        emit_pool_state(pid, from, PoolState::used);
    }
    return block;
}

// Grows the arenas vector (16, then doubling) through the raw layer and chains the new slots
// onto unused_arena_objects in index order.
bool Pymalloc::grow_arena_objects() {
    const std::uint32_t old = maxarenas();
    const std::uint32_t numarenas = old == 0 ? profile_.initial_arena_objects : 2 * old;
    if (numarenas <= old || numarenas > (1u << 24)) return false;   // overflow guard
    const Address vector = raw_.realloc(arenas_vector_, std::uint64_t{numarenas} * kArenaObjectSize,
                                        Domain::raw, RawOrigin::pymalloc);
    if (vector == 0) return false;
    arenas_vector_ = vector;
    arenas_.resize(numarenas);
    resize_pools(nclasses_ + std::size_t{numarenas} * kMaxPoolsInArena);
    for (std::uint32_t i = old; i < numarenas; ++i) {
        arenas_[i] = ArenaObject{};
        arenas_[i].nextarena = i + 1 < numarenas ? i + 1 : kNil;
    }
    unused_arena_objects_ = old;
    return true;
}

std::uint32_t Pymalloc::new_arena() {
    if (unused_arena_objects_ == kNil && !grow_arena_objects()) return kNil;
    const std::uint32_t slot = unused_arena_objects_;
    if (!budget_.try_reserve(arena_size_)) return kNil;
    const Address base = space_.mmap(arena_size_);
    if (base == 0) {
        budget_.release(arena_size_);
        return kNil;
    }
    if (radix_ != nullptr && !writable_radix().mark_used(base, true, raw_)) {
        space_.munmap(base, arena_size_);
        budget_.release(arena_size_);
        return kNil;
    }
    ArenaObject& ao = arenas_[slot];
    unused_arena_objects_ = ao.nextarena;
    ao.address = base;
    ++counters_.narenas_currently_allocated;
    ++counters_.ntimes_arena_allocated;
    counters_.narenas_highwater =
        std::max(counters_.narenas_highwater, counters_.narenas_currently_allocated);
    ao.freepools = kNil;
    ao.pool_address = first_pool(ao);
    ao.nfreepools = ao.pool_address == base ? kMaxPoolsInArena : kMaxPoolsInArena - 1;
    ao.ntotalpools = ao.nfreepools;

    for (std::uint32_t i = 0; i < ao.ntotalpools; ++i) {
        PoolHeader& pool = header(pool_id(slot, i));
        pool = PoolHeader{};
        pool.address = ao.pool_address + Address{i} * pool_size_;
        std::shared_ptr<std::uint16_t[]>& cells = cells_of(pool_id(slot, i));
        if (!cells) cells.reset(new std::uint16_t[cells_per_pool_]());
        pool.cells = cells.get();
        pool_directory_.set(pool.address, pool_id(slot, i));
    }
    if (observer_ != nullptr) emit_arena(AllocEventKind::arena_new, slot, base);
    return slot;
}

// --- free (spec §6) -------------------------------------------------------------------------

void Pymalloc::free(std::uint32_t pid, Address p, Domain domain) {
    PoolHeader& pool = header(pid);
    const Address offset = p - pool.address;
    const auto cell = static_cast<std::uint32_t>(offset >> shift_);
    REFSCOPE_CHECK((offset & ((Address{1} << shift_) - 1)) == 0 && (pool.cells[cell] & kLiveBit),
                   "pymalloc free of an address that is not a live block");
    const std::uint32_t request = pool.cells[cell] & kRequestMask;
    const std::uint32_t lastfree = pool.freeblock;
    writable_cells(pool)[cell] = static_cast<std::uint16_t>(lastfree);
    pool.freeblock = cell;
    --pool.count;
    --counters_.blocks_in_use;
    counters_.bytes_in_use -= (pool.szidx + 1) << shift_;
    counters_.requested_in_use -= request;
    if (observer_ != nullptr) emit_block(AllocEventKind::block_free, domain, pid, p, request);

    if (lastfree == 0) {          // it was full: back to the front of usedpools
        insert_to_usedpool(pid);
        if (observer_ != nullptr) emit_pool_state(pid, PoolState::full, PoolState::used);
        return;
    }
    if (pool.count != 0) return;  // still used: it stays where it is
    insert_to_freepool(pid);
}

void Pymalloc::insert_to_usedpool(std::uint32_t pid) {
    PoolHeader& pool = header(pid);
    const std::uint32_t next = header(pool.szidx).nextpool;   // first pool (or the sentinel)
    const std::uint32_t prev = header(next).prevpool;         // the sentinel
    pool.nextpool = next;
    pool.prevpool = prev;
    header(next).prevpool = pid;
    header(prev).nextpool = pid;
}

void Pymalloc::insert_to_freepool(std::uint32_t pid) {
    PoolHeader& pool = header(pid);
    header(pool.nextpool).prevpool = pool.prevpool;
    header(pool.prevpool).nextpool = pool.nextpool;

    const std::uint32_t slot = pool.arenaindex;
    ArenaObject& ao = arenas_[slot];
    pool.nextpool = ao.freepools;
    ao.freepools = pid;
    const std::uint32_t lastnf = nfp2lasta_[ao.nfreepools];
    if (profile_.nfp2lasta && lastnf == slot) {   // it leaves the group of its old count
        const std::uint32_t prev = ao.prevarena;
        nfp2lasta_[ao.nfreepools] =
            prev != kNil && arenas_[prev].nfreepools == ao.nfreepools ? prev : kNil;
    }
    const std::uint32_t nf = ++ao.nfreepools;
    if (observer_ != nullptr) emit_pool_state(pid, PoolState::used, PoolState::empty);

    // Case 1: wholly free. 3.9+ keeps it when it is the last usable arena (bpo-37257).
    if (nf == ao.ntotalpools && (!profile_.keep_one_free_arena || ao.nextarena != kNil)) {
        unlink_usable(slot);
        release_arena(slot);
        return;
    }
    // Case 2: it was wholly allocated (on no list): it goes to the head.
    if (nf == 1) {
        ao.nextarena = usable_arenas_;
        ao.prevarena = kNil;
        if (usable_arenas_ != kNil) arenas_[usable_arenas_].prevarena = slot;
        usable_arenas_ = slot;
        if (profile_.nfp2lasta && nfp2lasta_[1] == kNil) nfp2lasta_[1] = slot;
        return;
    }
    // Cases 3 and 4: move it right if it is now out of order.
    if (profile_.nfp2lasta) {
        resort_with_fingers(slot, lastnf);
    } else {
        resort_linear(slot);
    }
}

void Pymalloc::unlink_usable(std::uint32_t slot) {
    ArenaObject& ao = arenas_[slot];
    if (ao.prevarena == kNil) {
        usable_arenas_ = ao.nextarena;
    } else {
        arenas_[ao.prevarena].nextarena = ao.nextarena;
    }
    if (ao.nextarena != kNil) arenas_[ao.nextarena].prevarena = ao.prevarena;
}

// 3.8+: O(1) with nfp2lasta. `lastnf` = the last arena with the old count, before the free.
void Pymalloc::resort_with_fingers(std::uint32_t slot, std::uint32_t lastnf) {
    ArenaObject& ao = arenas_[slot];
    if (nfp2lasta_[ao.nfreepools] == kNil) nfp2lasta_[ao.nfreepools] = slot;
    if (lastnf == slot) return;   // it was the last of its old count: still in order
    unlink_usable(slot);
    ArenaObject& after = arenas_[lastnf];
    ao.prevarena = lastnf;
    ao.nextarena = after.nextarena;
    if (ao.nextarena != kNil) arenas_[ao.nextarena].prevarena = slot;
    after.nextarena = slot;
}

// <= 3.7: walk right past every arena with fewer free pools.
void Pymalloc::resort_linear(std::uint32_t slot) {
    ArenaObject& ao = arenas_[slot];
    const std::uint32_t nf = ao.nfreepools;
    if (ao.nextarena == kNil || nf <= arenas_[ao.nextarena].nfreepools) return;   // case 4
    unlink_usable(slot);
    while (ao.nextarena != kNil && nf > arenas_[ao.nextarena].nfreepools) {
        ao.prevarena = ao.nextarena;
        ao.nextarena = arenas_[ao.nextarena].nextarena;
    }
    arenas_[ao.prevarena].nextarena = slot;
    if (ao.nextarena != kNil) arenas_[ao.nextarena].prevarena = slot;
}

// Case 1 continued: the slot goes on top of unused_arena_objects and the memory to the OS.
void Pymalloc::release_arena(std::uint32_t slot) {
    ArenaObject& ao = arenas_[slot];
    const Address base = ao.address;
    ao.nextarena = unused_arena_objects_;
    unused_arena_objects_ = slot;
    if (radix_ != nullptr) writable_radix().mark_used(base, false, raw_);
    for (std::uint32_t i = 0; i < ao.ntotalpools; ++i) {
        pool_directory_.set(first_pool(ao) + Address{i} * pool_size_, 0);
    }
    space_.munmap(base, arena_size_);
    budget_.release(arena_size_);
    ao.address = 0;
    --counters_.narenas_currently_allocated;
    if (observer_ != nullptr) emit_arena(AllocEventKind::arena_free, slot, base);
}

// --- realloc support and lookups ------------------------------------------------------------

bool Pymalloc::address_in_range(Address p) const {
    if (radix_ != nullptr) return radix_->contains(p);
    return owning_pool(p) != 0;
}

std::uint32_t Pymalloc::request_of(std::uint32_t pid, Address p) const {
    const PoolHeader& pool = header(pid);
    const Address offset = p - pool.address;
    const std::uint16_t cell = pool.cells[offset >> shift_];
    REFSCOPE_CHECK((offset & ((Address{1} << shift_) - 1)) == 0 && (cell & kLiveBit),
                   "no live pymalloc block at this address");
    return cell & kRequestMask;
}

void Pymalloc::resize_in_place(std::uint32_t pid, Address p, std::uint32_t nbytes, Domain domain) {
    const std::uint32_t old = request_of(pid, p);
    PoolHeader& pool = header(pid);
    writable_cells(pool)[(p - pool.address) >> shift_] = static_cast<std::uint16_t>(kLiveBit | nbytes);
    counters_.requested_in_use += nbytes;
    counters_.requested_in_use -= old;
    if (observer_ != nullptr) {
        emit_block(AllocEventKind::block_free, domain, pid, p, old);
        emit_block(AllocEventKind::block_alloc, domain, pid, p, nbytes);
    }
}

std::uint32_t Pymalloc::untouched(const PoolHeader& pool) const {
    if (pool.szidx == DUMMY_SIZE_IDX) return 0;
    const std::uint32_t size = (pool.szidx + 1) << shift_;
    const std::uint32_t touched = (pool.nextoffset - profile_.pool_overhead) / size;
    return numblocks_[pool.szidx] - touched;
}

std::uint32_t Pymalloc::free_list_length(const PoolHeader& pool) const {
    std::uint32_t n = 0;
    for (std::uint32_t c = pool.freeblock; c != 0 && n <= cells_per_pool_; c = pool.cells[c]) ++n;
    return n;
}

std::vector<Address> Pymalloc::free_chain(const PoolHeader& pool) const {
    std::vector<Address> chain;
    for (std::uint32_t c = pool.freeblock; c != 0 && chain.size() <= cells_per_pool_;
         c = pool.cells[c]) {
        chain.push_back(pool.address + (Address{c} << shift_));
    }
    return chain;
}

PoolState Pymalloc::state(std::uint32_t slot, std::uint32_t index) const {
    const ArenaObject& ao = arenas_[slot];
    if (ao.address == 0 || index >= ncarved(ao)) return PoolState::unused;
    const PoolHeader& pool = header(pool_id(slot, index));
    if (pool.count == 0) return PoolState::empty;
    return pool.count == numblocks_[pool.szidx] ? PoolState::full : PoolState::used;
}

// --- events ---------------------------------------------------------------------------------

void Pymalloc::emit_block(AllocEventKind kind, Domain domain, std::uint32_t pid, Address block,
                          std::uint32_t request) const {
    const PoolHeader& pool = header(pid);
    AllocEvent event{};
    event.kind = kind;
    event.domain = domain;
    event.request = request;
    event.size = (pool.szidx + 1) << shift_;
    event.szidx = pool.szidx;
    event.arena = pool.arenaindex;
    event.pool = pool_position(pid).second;
    event.address = block;
    observer_->on_alloc_event(event);
}

void Pymalloc::emit_pool_state(std::uint32_t pid, PoolState from, PoolState to) const {
    const PoolHeader& pool = header(pid);
    AllocEvent event{};
    event.kind = AllocEventKind::pool_state;
    event.from = from;
    event.to = to;
    event.size = (pool.szidx + 1) << shift_;
    event.szidx = pool.szidx;
    event.arena = pool.arenaindex;
    event.pool = pool_position(pid).second;
    event.address = pool.address;
    observer_->on_alloc_event(event);
}

void Pymalloc::emit_arena(AllocEventKind kind, std::uint32_t slot, Address address) const {
    AllocEvent event{};
    event.kind = kind;
    event.domain = Domain::raw;
    event.size = arena_size_;
    event.arena = slot;
    event.address = address;
    observer_->on_alloc_event(event);
}

}  // namespace refscope::alloc
