// alloc/allocator.cpp — the Allocator facade: routing between pymalloc and the raw layer
// (spec §1, §7), statistics and read-only views. See allocator.hpp for the contract.
//
// Routing (Objects/obmalloc.c _PyObject_Malloc / _PyObject_Realloc / _PyObject_Free):
//   malloc(n)      1..512 -> pymalloc; when pymalloc cannot get an arena it falls back to the
//                  raw layer, as CPython does. 0 and > 512 -> raw malloc (0 serves 1 byte).
//   realloc(p, n)  p == 0 -> malloc(n). p pymalloc's with block size B: unchanged when
//                  n <= B and 4n > 3B, else malloc(n) + free(p) (the old block stays valid on
//                  failure). p not pymalloc's -> raw realloc: a raw block stays raw even when
//                  n <= 512.
//   free(p)        pymalloc's when address_in_range(p), else raw free.
//
// Events (AllocObserver): every layer reports its own changes — pymalloc block_alloc /
// block_free followed by pool_state, arena_new / arena_free; the raw layer raw_alloc /
// raw_free. A realloc that keeps its address reports a free and an alloc of that address, so
// an observer that tracks live allocations sees the new request. pymalloc's own metadata (the
// arenas vector, radix-tree nodes) are real raw chunks and are reported with Domain::raw, but
// they are not the program's: AllocatorStats' raw and requested figures leave them out
// (tracemalloc would not see them either), while mapped_bytes and the memory limit count them.
#include "refscope/errors.hpp"

#include "alloc/address_space.hpp"
#include "alloc/allocator.hpp"
#include "alloc/pymalloc.hpp"
#include "alloc/system_malloc.hpp"

namespace refscope::alloc {

struct Allocator::Impl {
    Impl(const Profile& p, AllocatorOptions o)
        : profile(p),
          options(o),
          budget(o.memory_limit),
          raw(space, budget),
          pymalloc(p.alloc, space, raw, budget) {}
    Impl(const Impl& o)
        : profile(o.profile),
          options(o.options),
          budget(o.budget),
          space(o.space),
          raw(o.raw, space, budget),
          pymalloc(o.pymalloc, space, raw, budget) {}

    void after_operation() const {
        if (options.check_every_op) check();
    }
    void check() const {
        space.check_invariants();
        raw.check_invariants();
        pymalloc.check_invariants();
        const RawStats& r = raw.stats();
        REFSCOPE_CHECK(budget.used() == pymalloc.counters().narenas_currently_allocated *
                                                profile.alloc.arena_size() +
                                            r.program_chunk_bytes + r.internal_chunk_bytes,
                       "allocator: the memory budget differs from arenas + raw chunks");
    }

    // PyObject_Malloc without the per-operation check.
    Address malloc(std::size_t nbytes, Domain domain) {
        if (nbytes - 1 < profile.alloc.small_request_threshold) {
            const Address block = pymalloc.malloc(static_cast<std::uint32_t>(nbytes), domain);
            if (block != 0) return block;
        }
        return raw.malloc(nbytes, domain);
    }

    // A pymalloc pointer passed where a raw one is expected, or an address inside an arena
    // that is no block: both are bugs of the caller.
    void require_not_pymalloc(Address p, const char* what) const {
        REFSCOPE_CHECK(!pymalloc.address_in_range(p), what);
    }

    const Profile& profile;
    AllocatorOptions options;
    MemoryBudget budget;
    AddressSpace space;
    SystemMalloc raw;
    Pymalloc pymalloc;
};

Allocator::Allocator(const Profile& profile, AllocatorOptions options)
    : impl_(std::make_unique<Impl>(profile, options)) {}

Allocator::Allocator(const Allocator& other, CopyTag) : impl_(std::make_unique<Impl>(*other.impl_)) {}

Allocator::~Allocator() = default;

void Allocator::for_each_shared_block(const std::function<void(const void*, std::size_t)>& f) const {
    impl_->pymalloc.for_each_shared_block(f);
    impl_->raw.for_each_shared_block(f);
}

std::size_t Allocator::unshared_bytes() const {
    return impl_->pymalloc.unshared_bytes() + impl_->raw.unshared_bytes();
}

std::size_t Allocator::copied_table_bytes() const {
    return impl_->pymalloc.copied_table_bytes() + impl_->raw.copied_table_bytes();
}

const Profile& Allocator::profile() const { return impl_->profile; }

void Allocator::set_observer(AllocObserver* observer) {
    impl_->raw.set_observer(observer);
    impl_->pymalloc.set_observer(observer);
}

// --- the allocation API ---------------------------------------------------------------------

Address Allocator::malloc(std::size_t nbytes, Domain domain) {
    const Address p = impl_->malloc(nbytes, domain);
    impl_->after_operation();
    return p;
}

Address Allocator::realloc(Address p, std::size_t nbytes, Domain domain) {
    if (p == 0) return malloc(nbytes, domain);
    Impl& m = *impl_;
    Address result;
    if (const std::uint32_t pid = m.pymalloc.owning_pool(p)) {
        const std::uint32_t size = m.pymalloc.block_size(pid);
        m.pymalloc.request_of(pid, p);   // throws unless p is a live block
        if (nbytes <= size && 4 * nbytes > 3 * std::size_t{size}) {
            m.pymalloc.resize_in_place(pid, p, static_cast<std::uint32_t>(nbytes), domain);
            result = p;
        } else {
            result = m.malloc(nbytes, domain);
            if (result != 0) m.pymalloc.free(pid, p, domain);
        }
    } else {
        m.require_not_pymalloc(p, "realloc of an address inside an arena that is not a block");
        result = m.raw.realloc(p, nbytes, domain);
    }
    m.after_operation();
    return result;
}

void Allocator::free(Address p, Domain domain) {
    if (p == 0) return;
    Impl& m = *impl_;
    if (const std::uint32_t pid = m.pymalloc.owning_pool(p)) {
        m.pymalloc.free(pid, p, domain);
    } else {
        m.require_not_pymalloc(p, "free of an address inside an arena that is not a block");
        m.raw.free(p, domain);
    }
    m.after_operation();
}

Address Allocator::raw_malloc(std::size_t nbytes) {
    const Address p = impl_->raw.malloc(nbytes, Domain::raw);
    impl_->after_operation();
    return p;
}

Address Allocator::raw_realloc(Address p, std::size_t nbytes) {
    impl_->require_not_pymalloc(p, "raw realloc of a pymalloc block");
    const Address q = impl_->raw.realloc(p, nbytes, Domain::raw);
    impl_->after_operation();
    return q;
}

void Allocator::raw_free(Address p) {
    if (p == 0) return;
    impl_->require_not_pymalloc(p, "raw free of a pymalloc block");
    impl_->raw.free(p, Domain::raw);
    impl_->after_operation();
}

// --- introspection --------------------------------------------------------------------------

bool Allocator::is_pymalloc(Address p) const { return impl_->pymalloc.address_in_range(p); }

std::size_t Allocator::usable_size(Address p) const {
    const Impl& m = *impl_;
    if (const std::uint32_t pid = m.pymalloc.owning_pool(p)) {
        m.pymalloc.request_of(pid, p);   // throws unless p is a live block
        return m.pymalloc.block_size(pid);
    }
    const std::uint64_t request = m.raw.chunk(p).request;
    return request == 0 ? 1 : request;   // malloc(0) serves 1 byte
}

std::size_t Allocator::request_size(Address p) const {
    const Impl& m = *impl_;
    if (const std::uint32_t pid = m.pymalloc.owning_pool(p)) return m.pymalloc.request_of(pid, p);
    return m.raw.chunk(p).request;
}

AllocatorStats Allocator::stats() const {
    const Impl& m = *impl_;
    const PymallocCounters& n = m.pymalloc.counters();
    const RawStats& r = m.raw.stats();
    AllocatorStats s;
    s.arenas_allocated_total = n.ntimes_arena_allocated;
    s.arenas_allocated_current = n.narenas_currently_allocated;
    s.arenas_highwater = n.narenas_highwater;
    s.pymalloc_blocks_in_use = n.blocks_in_use;
    s.pymalloc_bytes_in_use = n.bytes_in_use;
    s.raw_chunks_in_use = r.program_chunks;
    s.raw_bytes_in_use = r.program_requested;
    s.requested_in_use = n.requested_in_use + r.program_requested;
    s.mapped_bytes = m.space.mapped_bytes();
    return s;
}

std::uint32_t Allocator::max_arenas() const { return impl_->pymalloc.maxarenas(); }

ArenaView Allocator::arena(std::uint32_t slot) const {
    const Pymalloc& pm = impl_->pymalloc;
    if (slot >= pm.maxarenas()) throw UsageError("arena slot out of range");
    const ArenaObject& ao = pm.arena_object(slot);
    ArenaView v;
    v.index = slot;
    if (ao.address == 0) return v;
    v.address = ao.address;
    v.first_pool = pm.first_pool(ao);
    v.ntotalpools = ao.ntotalpools;
    v.nfreepools = ao.nfreepools;
    v.ncarved = pm.ncarved(ao);
    return v;
}

PoolView Allocator::pool(std::uint32_t arena_slot, std::uint32_t index, bool with_free_chain) const {
    const Pymalloc& pm = impl_->pymalloc;
    if (arena_slot >= pm.maxarenas() || index >= kMaxPoolsInArena) {
        throw UsageError("pool index out of range");
    }
    const ArenaObject& ao = pm.arena_object(arena_slot);
    PoolView v;
    v.arena = arena_slot;
    v.index = index;
    v.szidx = DUMMY_SIZE_IDX;
    if (ao.address != 0 && index < ao.ntotalpools) {
        v.address = pm.first_pool(ao) + Address{index} * impl_->profile.alloc.pool_size();
    }
    v.state = pm.state(arena_slot, index);
    if (v.state == PoolState::unused) return v;
    const PoolHeader& h = pm.header(pm.pool_id(arena_slot, index));
    v.szidx = h.szidx;
    v.block_size = impl_->profile.alloc.block_size(h.szidx);
    v.count = h.count;
    v.capacity = pm.numblocks(h.szidx);
    v.nfree = pm.free_list_length(h);
    v.untouched = pm.untouched(h);
    v.nextoffset = h.nextoffset;
    v.maxnextoffset = h.maxnextoffset;
    if (with_free_chain) v.free_chain = pm.free_chain(h);
    return v;
}

PoolView Allocator::pool_of(Address p, bool with_free_chain) const {
    const Pymalloc& pm = impl_->pymalloc;
    const std::uint32_t pid = pm.owning_pool(p);
    if (pid == 0) throw UsageError("pool_of: the address is not in a pymalloc pool");
    const auto [slot, index] = pm.pool_position(pid);
    return pool(slot, index, with_free_chain);
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> Allocator::usedpools(std::uint32_t szidx) const {
    const Pymalloc& pm = impl_->pymalloc;
    if (szidx >= pm.profile().nclasses()) throw UsageError("size class out of range");
    std::vector<std::pair<std::uint32_t, std::uint32_t>> list;
    for (std::uint32_t pid = pm.header(szidx).nextpool; pid != szidx; pid = pm.header(pid).nextpool) {
        list.push_back(pm.pool_position(pid));
    }
    return list;
}

std::vector<std::uint32_t> Allocator::usable_arenas() const {
    const Pymalloc& pm = impl_->pymalloc;
    std::vector<std::uint32_t> list;
    for (std::uint32_t s = pm.usable_arenas_head(); s != kNil; s = pm.arena_object(s).nextarena) {
        list.push_back(s);
    }
    return list;
}

std::vector<std::uint32_t> Allocator::unused_arena_objects() const {
    const Pymalloc& pm = impl_->pymalloc;
    std::vector<std::uint32_t> list;
    for (std::uint32_t s = pm.unused_arena_objects_head(); s != kNil;
         s = pm.arena_object(s).nextarena) {
        list.push_back(s);
    }
    return list;
}

std::int64_t Allocator::nfp2lasta(std::uint32_t nfp) const {
    if (nfp > kMaxPoolsInArena) throw UsageError("nfp2lasta index out of range");
    if (!impl_->profile.alloc.nfp2lasta) return -1;
    const std::uint32_t slot = impl_->pymalloc.nfp2lasta(nfp);
    return slot == kNil ? -1 : std::int64_t{slot};
}

std::string Allocator::debug_malloc_stats() const {
    return debug_malloc_stats_text(impl_->pymalloc);
}

void Allocator::check_invariants() const { impl_->check(); }

}  // namespace refscope::alloc
