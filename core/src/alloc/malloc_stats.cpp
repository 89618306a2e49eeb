// alloc/malloc_stats.cpp — sys._debugmallocstats(), pymalloc's part (spec §9).
//
// Models: _PyObject_DebugMallocStats in Objects/obmalloc.c (3.7.3 and 3.10+ layouts, which are
// the same apart from the 3.10+ "arena map counts" section). The text ends with the last
// "Total" line; sys._debugmallocstats then prints a blank line and the object free-list lines,
// which the object model appends.
//
// Layout:
//   Small block threshold = 512, in N size classes.
//   <blank>, the class table header, one row per class with a non-empty pool
//       (widths 5, 6, 11, 15, 13: class, size, used+full pools, blocks in use, avail blocks)
//   <blank>, the arena counters, "N arenas * ARENA_SIZE bytes/arena"
//   <blank>, the accounting block, whose lines sum to that arena total:
//       allocated blocks + available blocks + unused pools + pool headers + quantization +
//       arena alignment == narenas * ARENA_SIZE
//   (3.10+) <blank>, "arena map counts", node counts, <blank>, node bytes, Total
// Each "printone" line is the label padded to 35 columns, '=', and the value right-justified
// in 21 columns with a comma every three digits.
#include <cstdio>
#include <string>
#include <vector>

#include "alloc/pymalloc.hpp"

namespace refscope::alloc {
namespace {

// printone: appends the line and returns the value, so callers can sum a block.
std::uint64_t printone(std::string& out, const std::string& label, std::uint64_t value) {
    out += label;
    if (label.size() < 35) out.append(35 - label.size(), ' ');
    out += '=';
    std::string digits;
    std::uint64_t v = value;
    int in_group = 0;
    do {
        if (in_group == 3) {
            digits.insert(digits.begin(), ',');
            in_group = 0;
        }
        digits.insert(digits.begin(), static_cast<char>('0' + v % 10));
        v /= 10;
        ++in_group;
    } while (v != 0);
    if (digits.size() < 21) out.append(21 - digits.size(), ' ');
    out += digits;
    out += '\n';
    return value;
}

std::string format(const char* pattern, std::uint64_t a, std::uint64_t b) {
    char buf[128];
    std::snprintf(buf, sizeof buf, pattern, static_cast<unsigned long long>(a),
                  static_cast<unsigned long long>(b));
    return buf;
}

struct ClassTotals {
    std::uint64_t pools = 0, blocks = 0, avail = 0;
};

}  // namespace

std::string debug_malloc_stats_text(const Pymalloc& pm) {
    const AllocatorProfile& prof = pm.profile();
    const std::uint32_t nclasses = prof.nclasses();
    std::vector<ClassTotals> classes(nclasses);
    std::uint64_t narenas = 0, numfreepools = 0, arena_alignment = 0;

    // Full pools are on no list, so every arena is visited, pool by carved pool.
    for (std::uint32_t slot = 0; slot < pm.maxarenas(); ++slot) {
        const ArenaObject& ao = pm.arena_object(slot);
        if (ao.address == 0) continue;
        ++narenas;
        numfreepools += ao.nfreepools;
        if (pm.first_pool(ao) != ao.address) arena_alignment += prof.pool_size();
        for (std::uint32_t i = 0; i < pm.ncarved(ao); ++i) {
            const PoolHeader& pool = pm.header(pm.pool_id(slot, i));
            if (pool.count == 0) continue;   // empty: counted with the unused pools
            ClassTotals& c = classes[pool.szidx];
            ++c.pools;
            c.blocks += pool.count;
            c.avail += pm.numblocks(pool.szidx) - pool.count;
        }
    }

    std::string out = format("Small block threshold = %llu, in %llu size classes.\n",
                             prof.small_request_threshold, nclasses);
    out += "\nclass   size   num pools   blocks in use  avail blocks\n"
           "-----   ----   ---------   -------------  ------------\n";
    std::uint64_t allocated_bytes = 0, available_bytes = 0, pool_header_bytes = 0,
                  quantization = 0;
    for (std::uint32_t i = 0; i < nclasses; ++i) {
        const ClassTotals& c = classes[i];
        if (c.pools == 0) continue;
        const std::uint32_t size = prof.block_size(i);
        char row[96];
        std::snprintf(row, sizeof row, "%5u %6u %11llu %15llu %13llu\n", i, size,
                      static_cast<unsigned long long>(c.pools),
                      static_cast<unsigned long long>(c.blocks),
                      static_cast<unsigned long long>(c.avail));
        out += row;
        allocated_bytes += c.blocks * size;
        available_bytes += c.avail * size;
        pool_header_bytes += c.pools * prof.pool_overhead;
        quantization += c.pools * ((prof.pool_size() - prof.pool_overhead) % size);
    }
    out += '\n';

    const PymallocCounters& n = pm.counters();
    printone(out, "# arenas allocated total", n.ntimes_arena_allocated);
    printone(out, "# arenas reclaimed", n.ntimes_arena_allocated - narenas);
    printone(out, "# arenas highwater mark", n.narenas_highwater);
    printone(out, "# arenas allocated current", narenas);
    printone(out, format("%llu arenas * %llu bytes/arena", narenas, prof.arena_size()),
             narenas * prof.arena_size());
    out += '\n';

    std::uint64_t total = printone(out, "# bytes in allocated blocks", allocated_bytes);
    total += printone(out, "# bytes in available blocks", available_bytes);
    total += printone(out, format("%llu unused pools * %llu bytes", numfreepools, prof.pool_size()),
                      numfreepools * prof.pool_size());
    total += printone(out, "# bytes lost to pool headers", pool_header_bytes);
    total += printone(out, "# bytes lost to quantization", quantization);
    total += printone(out, "# bytes lost to arena alignment", arena_alignment);
    printone(out, "Total", total);

    if (const ArenaRadixTree* radix = pm.radix_tree()) {
        out += "\narena map counts\n";
        printone(out, "# arena map mid nodes", radix->mid_count());
        printone(out, "# arena map bot nodes", radix->bot_count());
        out += '\n';
        std::uint64_t map_total = printone(out, "# bytes lost to arena map root",
                                           ArenaRadixTree::root_bytes());
        map_total += printone(out, "# bytes lost to arena map mid",
                              ArenaRadixTree::mid_bytes() * radix->mid_count());
        map_total += printone(out, "# bytes lost to arena map bot",
                              radix->bot_bytes() * radix->bot_count());
        printone(out, "Total", map_total);
    }
    return out;
}

}  // namespace refscope::alloc
