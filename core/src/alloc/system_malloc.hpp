// alloc/system_malloc.hpp — the simulated C library malloc behind PyMem_Raw* (spec §1).
//
// Models: glibc malloc (ptmalloc2) on x86-64 Linux as CPython's raw layer sees it, reduced to
// the parts that decide addresses:
//   * chunks are 16-byte aligned; a chunk carries an 8-byte size header and its user data may
//     use the next chunk's prev_size word, so a request n needs
//         chunk = max(32, round16(n + 8))          (glibc's request2size)
//     and the address handed out is chunk start + 16;
//   * malloc(0) serves 1 byte, like PyMem_RawMalloc(0) (spec §1);
//   * chunks of at least M_MMAP_THRESHOLD (128 KiB) get their own mapping of
//     round_up(chunk + 8, page) bytes, returned to the OS by free (munmap);
//   * smaller chunks are carved from the brk heap in address order; a freed chunk goes on an
//     exact-size bin and is reused last-in first-out (what glibc's tcache and fastbins do for
//     recently freed sizes).
// Left out, on purpose: coalescing of neighbouring free chunks, splitting a larger free chunk,
// the unsorted/small/large bins, trimming the heap top, the dynamic mmap threshold (glibc raises
// it after freeing a mapped chunk), serving a large request from a roomy heap top, and calloc's
// zeroing (the simulation stores no payload bytes). Shrinking realloc keeps the chunk whole.
//
// Glossary:
//   chunk        what malloc manages: header + user data; "size" is the chunk size
//   mem          the address malloc returns (chunk start + 16)
//   heap top     the end of the last chunk carved from the brk heap
//   origin       who asked: the program through the allocator API, or pymalloc for its own
//                metadata (the arenas vector, radix-tree nodes). Both are real chunks; only the
//                program's are counted in the program statistics.
//
// Invariants (SystemMalloc::check_invariants):
//   1. Heap chunks tile [kHeapBase, heap top) in address order, without gaps or overlap, and the
//      heap top plus a minimum chunk lies below the program break.
//   2. Every free heap chunk is on exactly one bin, the bin of its size; bins hold nothing else.
//   3. Every mapped chunk owns a live mapping of the address space; mem = mapping start + 16.
//   4. The counters equal a recount of the live chunks, and the bytes reserved from the memory
//      budget equal the live heap chunk sizes plus the live mapping lengths.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "alloc/address_space.hpp"
#include "alloc/allocator.hpp"
#include "alloc/shared_blocks.hpp"

namespace refscope::alloc {

enum class RawOrigin : std::uint8_t { program, pymalloc };

struct RawChunkInfo {
    Address mem = 0;
    std::uint64_t chunk_size = 0;   // heap chunk size, or the mapping length of a mapped chunk
    std::uint64_t request = 0;      // bytes asked for (0 stays 0 here; 1 byte is served)
    bool mmapped = false;
    RawOrigin origin = RawOrigin::program;
};

struct RawStats {
    std::uint64_t program_chunks = 0, program_requested = 0, program_chunk_bytes = 0;
    std::uint64_t internal_chunks = 0, internal_chunk_bytes = 0;
};

class SystemMalloc {
public:
    static constexpr std::uint64_t kMinChunk = 32;
    static constexpr std::uint64_t kSizeHeader = 8;
    static constexpr std::uint64_t kMemOffset = 16;                 // chunk start -> mem
    static constexpr std::uint64_t kMmapThreshold = 128 * 1024;     // M_MMAP_THRESHOLD
    static constexpr std::uint64_t kTopPad = 128 * 1024;            // M_TOP_PAD: brk growth slack
    static constexpr std::uint64_t kMaxRequest = std::uint64_t{1} << 46;

    // request2size, with malloc(0) served as malloc(1).
    static constexpr std::uint64_t chunk_size_for(std::uint64_t request) {
        const std::uint64_t n = request == 0 ? 1 : request;
        const std::uint64_t rounded = (n + kSizeHeader + 15) & ~std::uint64_t{15};
        return rounded < kMinChunk ? kMinChunk : rounded;
    }
    // Length of the private mapping that serves a chunk of `chunk` bytes.
    static constexpr std::uint64_t mapping_length_for(std::uint64_t chunk) {
        return AddressSpace::round_to_pages(chunk + kSizeHeader);
    }

    SystemMalloc(AddressSpace& space, MemoryBudget& budget) : space_(space), budget_(budget) {}
    // A copy of `other` over copies of its address space and budget; no observer.
    SystemMalloc(const SystemMalloc& other, AddressSpace& space, MemoryBudget& budget)
        : space_(space), budget_(budget), heap_(other.heap_), bins_(other.bins_),
          mapped_(other.mapped_), heap_top_(other.heap_top_), reserved_(other.reserved_),
          stats_(other.stats_) {}

    void set_observer(AllocObserver* observer) { observer_ = observer; }

    // 0 when the memory limit or the address space is exhausted.
    Address malloc(std::uint64_t request, Domain domain, RawOrigin origin = RawOrigin::program);
    // calloc(1, n): the same placement as malloc (payload bytes are not simulated).
    Address calloc(std::uint64_t request, Domain domain, RawOrigin origin = RawOrigin::program) {
        return malloc(request, domain, origin);
    }
    // realloc(p, n); p must be live (0 is malloc). 0 on failure, p then stays valid.
    Address realloc(Address p, std::uint64_t request, Domain domain,
                    RawOrigin origin = RawOrigin::program);
    // free(p); p must be live (0 is a no-op). Freeing a non-live address throws InvariantError.
    void free(Address p, Domain domain);

    bool is_live(Address p) const;
    // What a copy holds, for a trace's accounting: the heap chunk table's blocks (shared
    // between copies), those no copy shares, and an estimate of the tables copied whole.
    template <class F> void for_each_shared_block(F&& f) const { heap_.for_each_block(f); }
    std::size_t unshared_bytes() const { return heap_.unshared_bytes(); }
    std::size_t copied_table_bytes() const {
        std::size_t bins = 0;
        for (const auto& b : bins_) bins += sizeof(b) + b.size() * sizeof(b[0]);
        return heap_.table_bytes() + bins + mapped_.size() * 64;
    }
    // The live chunk at p; throws InvariantError when there is none.
    RawChunkInfo chunk(Address p) const;

    const RawStats& stats() const { return stats_; }
    Address heap_top() const { return heap_top_; }

    void check_invariants() const;

private:
    struct HeapChunk {
        Address mem;
        std::uint64_t size;
        std::uint64_t request;
        bool live;
        RawOrigin origin;
    };
    struct MappedChunk {
        std::uint64_t length;     // mapping length = chunk size
        std::uint64_t request;
        RawOrigin origin;
    };

    Address malloc_from_heap(std::uint64_t request, std::uint64_t size, RawOrigin origin);
    Address malloc_mapped(std::uint64_t request, std::uint64_t size, RawOrigin origin);
    Address realloc_heap(std::size_t index, std::uint64_t request, Domain domain, RawOrigin origin);
    Address realloc_mapped(std::map<Address, MappedChunk>::iterator it, std::uint64_t request,
                           Domain domain, RawOrigin origin);
    // index of the heap chunk whose mem is exactly p, or npos
    std::size_t find_heap_chunk(Address p) const;
    static void tally(RawStats& stats, const RawChunkInfo& info, bool add);
    void emit(AllocEventKind kind, Domain domain, const RawChunkInfo& info) const;
    void emit_resize(Domain domain, const RawChunkInfo& before, const RawChunkInfo& after) const;
    static RawChunkInfo info_of(const HeapChunk& c);
    static RawChunkInfo info_of(Address mem, const MappedChunk& c);

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    AddressSpace& space_;
    MemoryBudget& budget_;
    AllocObserver* observer_ = nullptr;
    SharedBlocks<HeapChunk> heap_;                  // ascending addresses (carve order)
    std::vector<std::vector<std::uint32_t>> bins_;  // [size / 16] -> free heap chunk indices, LIFO
    std::map<Address, MappedChunk> mapped_;         // mem -> mapped chunk
    Address heap_top_ = AddressSpace::kHeapBase;
    std::uint64_t reserved_ = 0;                    // bytes held against the memory budget
    RawStats stats_;
};

}  // namespace refscope::alloc
