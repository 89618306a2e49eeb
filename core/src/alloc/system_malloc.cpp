// alloc/system_malloc.cpp — simulated glibc-like malloc (see system_malloc.hpp).
#include "alloc/system_malloc.hpp"

#include <algorithm>

#include "refscope/errors.hpp"

namespace refscope::alloc {
namespace {

std::uint32_t clamp32(std::uint64_t v) {
    return static_cast<std::uint32_t>(std::min<std::uint64_t>(v, 0xffffffffu));
}

}  // namespace

// --- allocation -----------------------------------------------------------------------------

Address SystemMalloc::malloc(std::uint64_t request, Domain domain, RawOrigin origin) {
    if (request > kMaxRequest) return 0;
    const std::uint64_t size = chunk_size_for(request);
    const Address mem = size >= kMmapThreshold ? malloc_mapped(request, size, origin)
                                               : malloc_from_heap(request, size, origin);
    if (mem != 0 && observer_ != nullptr) emit(AllocEventKind::raw_alloc, domain, chunk(mem));
    return mem;
}

Address SystemMalloc::malloc_from_heap(std::uint64_t request, std::uint64_t size,
                                       RawOrigin origin) {
    if (!budget_.try_reserve(size)) return 0;
    const std::size_t bin = static_cast<std::size_t>(size >> 4);
    if (bin < bins_.size() && !bins_[bin].empty()) {
        HeapChunk& c = heap_.mut(bins_[bin].back());
        bins_[bin].pop_back();
        c.live = true;
        c.request = request;
        c.origin = origin;
        reserved_ += size;
        tally(stats_, info_of(c), true);
        return c.mem;
    }
    const Address start = heap_top_;
    if (start + size + kMinChunk > space_.brk() &&
        !space_.extend_heap(start + size + kMinChunk + kTopPad)) {
        budget_.release(size);
        return 0;
    }
    heap_.push_back(HeapChunk{start + kMemOffset, size, request, true, origin});
    heap_top_ = start + size;
    reserved_ += size;
    tally(stats_, info_of(heap_.back()), true);
    return heap_.back().mem;
}

Address SystemMalloc::malloc_mapped(std::uint64_t request, std::uint64_t size, RawOrigin origin) {
    const std::uint64_t length = mapping_length_for(size);
    if (!budget_.try_reserve(length)) return 0;
    const Address region = space_.mmap(length);
    if (region == 0) {
        budget_.release(length);
        return 0;
    }
    const Address mem = region + kMemOffset;
    mapped_.emplace(mem, MappedChunk{length, request, origin});
    reserved_ += length;
    tally(stats_, info_of(mem, mapped_.at(mem)), true);
    return mem;
}

// --- realloc --------------------------------------------------------------------------------

Address SystemMalloc::realloc(Address p, std::uint64_t request, Domain domain, RawOrigin origin) {
    if (p == 0) return malloc(request, domain, origin);
    if (request > kMaxRequest) return 0;
    const std::size_t index = find_heap_chunk(p);
    if (index != npos && heap_[index].live) return realloc_heap(index, request, domain, origin);
    auto it = mapped_.find(p);
    REFSCOPE_CHECK(it != mapped_.end(), "raw realloc of an address that is not a live chunk");
    return realloc_mapped(it, request, domain, origin);
}

// In place when the chunk is big enough or is the last one before the heap top (which then
// grows); otherwise malloc + copy + free.
Address SystemMalloc::realloc_heap(std::size_t index, std::uint64_t request, Domain domain,
                                   RawOrigin origin) {
    const std::uint64_t size = chunk_size_for(request);
    HeapChunk& c = heap_.mut(index);
    const bool fits = size <= c.size;
    const bool extends_top = !fits && size < kMmapThreshold &&
                             c.mem - kMemOffset + c.size == heap_top_;
    if (fits || extends_top) {
        const std::uint64_t growth = fits ? 0 : size - c.size;
        const Address start = c.mem - kMemOffset;
        if (growth != 0) {
            if (!budget_.try_reserve(growth)) return 0;
            if (start + size + kMinChunk > space_.brk() &&
                !space_.extend_heap(start + size + kMinChunk + kTopPad)) {
                budget_.release(growth);
                return 0;
            }
        }
        const RawChunkInfo before = info_of(c);
        tally(stats_, before, false);
        c.size += growth;
        c.request = request;
        c.origin = origin;
        heap_top_ += growth;
        reserved_ += growth;
        tally(stats_, info_of(c), true);
        if (observer_ != nullptr) emit_resize(domain, before, info_of(c));
        return c.mem;
    }
    const Address old = c.mem;
    const Address moved = malloc(request, domain, origin);
    if (moved == 0) return 0;
    free(old, domain);
    return moved;
}

// Like mremap(MREMAP_MAYMOVE): the chunk stays mapped whatever its new size; it shrinks in
// place, grows in place when the pages above are free, and moves otherwise.
Address SystemMalloc::realloc_mapped(std::map<Address, MappedChunk>::iterator it,
                                     std::uint64_t request, Domain domain, RawOrigin origin) {
    const Address mem = it->first;
    MappedChunk& c = it->second;
    const Address region = mem - kMemOffset;
    const std::uint64_t length = mapping_length_for(chunk_size_for(request));
    const RawChunkInfo before = info_of(mem, c);
    if (length > c.length) {
        if (!budget_.try_reserve(length - c.length)) return 0;
        if (!space_.grow_in_place(region, c.length, length)) {
            budget_.release(length - c.length);
            const Address moved = malloc_mapped(request, chunk_size_for(request), origin);
            if (moved == 0) return 0;
            if (observer_ != nullptr) emit(AllocEventKind::raw_alloc, domain, chunk(moved));
            free(mem, domain);
            return moved;
        }
        reserved_ += length - c.length;
    } else if (length < c.length) {
        space_.munmap(region + length, c.length - length);
        budget_.release(c.length - length);
        reserved_ -= c.length - length;
    }
    tally(stats_, before, false);
    c.length = length;
    c.request = request;
    c.origin = origin;
    tally(stats_, info_of(mem, c), true);
    if (observer_ != nullptr) emit_resize(domain, before, info_of(mem, c));
    return mem;
}

// --- free -----------------------------------------------------------------------------------

void SystemMalloc::free(Address p, Domain domain) {
    if (p == 0) return;
    const std::size_t index = find_heap_chunk(p);
    if (index != npos) {
        HeapChunk& c = heap_.mut(index);
        REFSCOPE_CHECK(c.live, "raw free of a chunk that is already free");
        const RawChunkInfo info = info_of(c);
        c.live = false;
        const std::size_t bin = static_cast<std::size_t>(c.size >> 4);
        if (bin >= bins_.size()) bins_.resize(bin + 1);
        bins_[bin].push_back(static_cast<std::uint32_t>(index));
        budget_.release(c.size);
        reserved_ -= c.size;
        tally(stats_, info, false);
        if (observer_ != nullptr) emit(AllocEventKind::raw_free, domain, info);
        return;
    }
    auto it = mapped_.find(p);
    REFSCOPE_CHECK(it != mapped_.end(), "raw free of an address that is not a live chunk");
    const RawChunkInfo info = info_of(it->first, it->second);
    space_.munmap(p - kMemOffset, it->second.length);
    budget_.release(it->second.length);
    reserved_ -= it->second.length;
    mapped_.erase(it);
    tally(stats_, info, false);
    if (observer_ != nullptr) emit(AllocEventKind::raw_free, domain, info);
}

// --- lookup ---------------------------------------------------------------------------------

std::size_t SystemMalloc::find_heap_chunk(Address p) const {
    if (p < AddressSpace::kHeapBase || p >= heap_top_) return npos;
    // The last chunk whose mem is at most p (chunks are in address order).
    std::size_t lo = 0, hi = heap_.size();
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (heap_[mid].mem <= p) lo = mid + 1;
        else hi = mid;
    }
    if (lo == 0) return npos;
    return heap_[lo - 1].mem == p ? lo - 1 : npos;
}

bool SystemMalloc::is_live(Address p) const {
    const std::size_t index = find_heap_chunk(p);
    if (index != npos) return heap_[index].live;
    return mapped_.count(p) != 0;
}

RawChunkInfo SystemMalloc::chunk(Address p) const {
    const std::size_t index = find_heap_chunk(p);
    if (index != npos && heap_[index].live) return info_of(heap_[index]);
    auto it = mapped_.find(p);
    REFSCOPE_CHECK(it != mapped_.end(), "no live raw chunk at this address");
    return info_of(it->first, it->second);
}

RawChunkInfo SystemMalloc::info_of(const HeapChunk& c) {
    return RawChunkInfo{c.mem, c.size, c.request, false, c.origin};
}

RawChunkInfo SystemMalloc::info_of(Address mem, const MappedChunk& c) {
    return RawChunkInfo{mem, c.length, c.request, true, c.origin};
}

void SystemMalloc::tally(RawStats& stats, const RawChunkInfo& info, bool add) {
    // Unsigned wrap-around makes "add the negation" a subtraction.
    const std::uint64_t one = add ? 1 : ~std::uint64_t{0};
    if (info.origin == RawOrigin::program) {
        stats.program_chunks += one;
        stats.program_requested += one * info.request;
        stats.program_chunk_bytes += one * info.chunk_size;
    } else {
        stats.internal_chunks += one;
        stats.internal_chunk_bytes += one * info.chunk_size;
    }
}

void SystemMalloc::emit(AllocEventKind kind, Domain domain, const RawChunkInfo& info) const {
    AllocEvent event{};
    event.kind = kind;
    event.domain = domain;
    event.request = clamp32(info.request);
    event.size = clamp32(info.chunk_size);
    event.address = info.mem;
    observer_->on_alloc_event(event);
}

// A chunk resized in place: reported as its free and the alloc of the same address.
void SystemMalloc::emit_resize(Domain domain, const RawChunkInfo& before,
                               const RawChunkInfo& after) const {
    emit(AllocEventKind::raw_free, domain, before);
    emit(AllocEventKind::raw_alloc, domain, after);
}

// --- invariants -----------------------------------------------------------------------------

void SystemMalloc::check_invariants() const {
    RawStats recount;
    std::uint64_t live_bytes = 0;
    Address expected_start = AddressSpace::kHeapBase;
    std::size_t free_chunks = 0;
    for (std::size_t i = 0; i < heap_.size(); ++i) {
        const HeapChunk& c = heap_[i];
        REFSCOPE_CHECK(c.mem - kMemOffset == expected_start,
                       "system malloc 1: heap chunks do not tile the heap");
        REFSCOPE_CHECK(c.size >= kMinChunk && c.size % 16 == 0,
                       "system malloc 1: bad heap chunk size");
        expected_start += c.size;
        if (c.live) {
            tally(recount, info_of(c), true);
            live_bytes += c.size;
        } else {
            ++free_chunks;
        }
    }
    REFSCOPE_CHECK(expected_start == heap_top_, "system malloc 1: heap top is stale");
    REFSCOPE_CHECK(heap_.empty() || heap_top_ + kMinChunk <= space_.brk(),
                   "system malloc 1: heap top beyond the program break");

    std::vector<bool> binned(heap_.size(), false);
    std::size_t binned_count = 0;
    for (std::size_t bin = 0; bin < bins_.size(); ++bin) {
        for (std::uint32_t index : bins_[bin]) {
            REFSCOPE_CHECK(index < heap_.size() && !heap_[index].live,
                           "system malloc 2: a bin holds a live chunk");
            REFSCOPE_CHECK(heap_[index].size >> 4 == bin, "system malloc 2: chunk on the wrong bin");
            REFSCOPE_CHECK(!binned[index], "system malloc 2: chunk on a bin twice");
            binned[index] = true;
            ++binned_count;
        }
    }
    REFSCOPE_CHECK(binned_count == free_chunks, "system malloc 2: a free chunk is on no bin");

    for (const auto& [mem, c] : mapped_) {
        REFSCOPE_CHECK(space_.is_mapped(mem - kMemOffset, c.length) &&
                           (mem - kMemOffset) % AddressSpace::kPageSize == 0,
                       "system malloc 3: mapped chunk without its mapping");
        tally(recount, info_of(mem, c), true);
        live_bytes += c.length;
    }
    REFSCOPE_CHECK(recount.program_chunks == stats_.program_chunks &&
                       recount.program_requested == stats_.program_requested &&
                       recount.program_chunk_bytes == stats_.program_chunk_bytes &&
                       recount.internal_chunks == stats_.internal_chunks &&
                       recount.internal_chunk_bytes == stats_.internal_chunk_bytes,
                   "system malloc 4: counters differ from a recount");
    REFSCOPE_CHECK(live_bytes == reserved_, "system malloc 4: budget reservation is stale");
}

}  // namespace refscope::alloc
