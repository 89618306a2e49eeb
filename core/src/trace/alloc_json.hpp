// trace/alloc_json.hpp — the allocator's state as JSON: arenas with their pools, usable_arenas,
// usedpools and the statistics. One shape for every answer that shows the allocator (the
// "alloc_scenario" command, a trace's "state" and "pool"). Written as text (JsonWriter), but
// for one pool block by block (a tree: "pool" answers are small).
//
// Invariants:
//   1. Only arenas with an address (live) are listed; each lists its carved pools in order.
//   2. Addresses are hexadecimal strings ("0x7f..."): simulated, never host pointers.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "alloc/allocator.hpp"
#include "trace/json_writer.hpp"

namespace refscope::api {

using trace::JsonWriter;

std::string hex_address(alloc::Address a);
const char* pool_state_name(alloc::PoolState s);
void write_allocator_stats(JsonWriter& w, const alloc::AllocatorStats& s);
void write_arenas(JsonWriter& w, const alloc::Allocator& a);
void write_usedpools(JsonWriter& w, const alloc::Allocator& a);
// One pool block by block: blocks (allocated | free | untouched), freeblock order, szidx,
// block_size, state. `owner_of` maps a block address to an object id (or null JSON).
template <class OwnerOf>
nlohmann::json pool_blocks_json(const alloc::Allocator& a, std::uint32_t arena, std::uint32_t pool,
                                OwnerOf&& owner_of);

// --- template definition -----------------------------------------------------------------------

template <class OwnerOf>
nlohmann::json pool_blocks_json(const alloc::Allocator& a, std::uint32_t arena, std::uint32_t pool,
                                OwnerOf&& owner_of) {
    const alloc::PoolView p = a.pool(arena, pool, true);
    const std::uint32_t overhead = a.profile().alloc.pool_overhead;
    nlohmann::json blocks = nlohmann::json::array();
    nlohmann::json freeblock = nlohmann::json::array();
    std::vector<char> is_free(p.capacity, 0);
    for (alloc::Address f : p.free_chain) {
        if (!p.block_size) break;
        const std::uint64_t index = (f - p.address - overhead) / p.block_size;
        freeblock.push_back(index);
        if (index < is_free.size()) is_free[index] = 1;
    }
    const std::uint32_t touched = p.capacity - p.untouched;
    for (std::uint32_t i = 0; i < p.capacity; ++i) {
        const alloc::Address addr = p.address + overhead + std::uint64_t{i} * p.block_size;
        if (i >= touched) {
            blocks.push_back({{"state", "untouched"}, {"object", nullptr}});
        } else if (is_free[i]) {
            blocks.push_back({{"state", "free"}, {"object", nullptr}});
        } else {
            blocks.push_back({{"state", "allocated"}, {"object", owner_of(addr)}, {"address", hex_address(addr)}});
        }
    }
    return {{"arena", arena}, {"pool", pool}, {"address", hex_address(p.address)},
            {"szidx", p.szidx}, {"block_size", p.block_size}, {"state", pool_state_name(p.state)},
            {"count", p.count}, {"capacity", p.capacity},
            {"blocks", std::move(blocks)}, {"freeblock", std::move(freeblock)}};
}

}  // namespace refscope::api
