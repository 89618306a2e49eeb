// trace/alloc_json.cpp — see alloc_json.hpp.
#include "trace/alloc_json.hpp"

#include <charconv>

namespace refscope::api {

std::string hex_address(alloc::Address a) {
    char buf[24] = {'0', 'x'};
    return std::string(buf, std::to_chars(buf + 2, buf + sizeof buf, a, 16).ptr);
}

const char* pool_state_name(alloc::PoolState s) {
    switch (s) {
        case alloc::PoolState::unused: return "unused";
        case alloc::PoolState::used: return "used";
        case alloc::PoolState::full: return "full";
        case alloc::PoolState::empty: return "empty";
    }
    return "?";
}

void write_allocator_stats(JsonWriter& w, const alloc::AllocatorStats& s) {
    w.begin_object();
    w.key("arenas_allocated_total").value(s.arenas_allocated_total);
    w.key("arenas_allocated_current").value(s.arenas_allocated_current);
    w.key("arenas_highwater").value(s.arenas_highwater);
    w.key("pymalloc_blocks_in_use").value(s.pymalloc_blocks_in_use);
    w.key("pymalloc_bytes_in_use").value(s.pymalloc_bytes_in_use);
    w.key("raw_chunks_in_use").value(s.raw_chunks_in_use);
    w.key("raw_bytes_in_use").value(s.raw_bytes_in_use);
    w.key("requested_in_use").value(s.requested_in_use);
    w.key("mapped_bytes").value(s.mapped_bytes);
    w.end_object();
}

void write_arenas(JsonWriter& w, const alloc::Allocator& a) {
    w.begin_array();
    for (std::uint32_t slot = 0; slot < a.max_arenas(); ++slot) {
        const alloc::ArenaView arena = a.arena(slot);
        if (!arena.address) continue;
        w.begin_object();
        w.key("index").value(slot);
        w.key("address").value(hex_address(arena.address));
        w.key("ntotalpools").value(arena.ntotalpools);
        w.key("nfreepools").value(arena.nfreepools);
        w.key("pools").begin_array();
        for (std::uint32_t i = 0; i < arena.ncarved; ++i) {
            const alloc::PoolView p = a.pool(slot, i);
            w.begin_object();
            w.key("index").value(i);
            w.key("address").value(hex_address(p.address));
            w.key("state").value(pool_state_name(p.state));
            w.key("szidx").value(p.szidx);
            w.key("block_size").value(p.block_size);
            w.key("count").value(p.count);
            w.key("capacity").value(p.capacity);
            w.key("nfree").value(p.nfree);
            w.key("untouched").value(p.untouched);
            w.end_object();
        }
        w.end_array();
        w.end_object();
    }
    w.end_array();
}

void write_usedpools(JsonWriter& w, const alloc::Allocator& a) {
    w.begin_array();
    for (std::uint32_t c = 0; c < a.profile().alloc.nclasses(); ++c) {
        auto pools = a.usedpools(c);
        if (pools.empty()) continue;
        w.begin_object();
        w.key("szidx").value(c);
        w.key("pools").begin_array();
        for (const auto& [arena, pool] : pools) w.begin_array().value(arena).value(pool).end_array();
        w.end_array();
        w.end_object();
    }
    w.end_array();
}

}  // namespace refscope::api
