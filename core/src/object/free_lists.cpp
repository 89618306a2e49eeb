// object/free_lists.cpp — see free_lists.hpp.
#include "object/free_lists.hpp"

#include <cstdio>
#include <utility>

#include "refscope/errors.hpp"

namespace refscope::object {

std::vector<alloc::Address>* FreeLists::list_for(FreeListKind kind, std::uint32_t length) {
    return const_cast<std::vector<alloc::Address>*>(std::as_const(*this).list_for(kind, length));
}

const std::vector<alloc::Address>* FreeLists::list_for(FreeListKind kind,
                                                       std::uint32_t length) const {
    switch (kind) {
        case FreeListKind::list: return &lists_;
        case FreeListKind::dict: return &dicts_;
        case FreeListKind::dict_keys: return &dict_keys_;
        case FreeListKind::float_: return &floats_;
        case FreeListKind::tuple:
            if (length >= 1 && length <= layout_.tuple_freelist_lengths && length <= tuples_.size())
                return &tuples_[length - 1];
            return nullptr;
        case FreeListKind::none: return nullptr;
    }
    return nullptr;
}

std::size_t FreeLists::max_for(FreeListKind kind) const {
    switch (kind) {
        case FreeListKind::list: return layout_.list_freelist_max;
        case FreeListKind::dict: return layout_.dict_freelist_max;
        case FreeListKind::dict_keys: return layout_.dict_keys_freelist_max;
        case FreeListKind::float_: return layout_.float_freelist_max;
        case FreeListKind::tuple: return layout_.tuple_freelist_max;
        case FreeListKind::none: return 0;
    }
    return 0;
}

std::optional<alloc::Address> FreeLists::pop(FreeListKind kind, std::uint32_t length) {
    auto* list = list_for(kind, length);
    if (!list || list->empty()) return std::nullopt;
    alloc::Address block = list->back();
    list->pop_back();
    return block;
}

bool FreeLists::push(FreeListKind kind, alloc::Address block, std::uint32_t length) {
    auto* list = list_for(kind, length);
    if (!list || list->size() >= max_for(kind)) return false;
    list->push_back(block);
    return true;
}

void FreeLists::clear(alloc::Allocator& allocator) {
    auto drain = [&](std::vector<alloc::Address>& list, alloc::Domain domain) {
        // CPython pops from the top while freeing, so the most recently kept block goes first.
        while (!list.empty()) {
            allocator.free(list.back(), domain);
            list.pop_back();
        }
    };
    drain(dicts_, alloc::Domain::object);
    drain(dict_keys_, alloc::Domain::object);
    drain(floats_, alloc::Domain::object);
    drain(lists_, alloc::Domain::object);
    for (auto& t : tuples_) drain(t, alloc::Domain::object);
}

std::size_t FreeLists::size(FreeListKind kind, std::uint32_t length) const {
    const auto* list = list_for(kind, length);
    return list ? list->size() : 0;
}

std::vector<alloc::Address> FreeLists::all() const {
    std::vector<alloc::Address> out;
    for (const auto* l : {&lists_, &dicts_, &dict_keys_, &floats_}) out.insert(out.end(), l->begin(), l->end());
    for (const auto& t : tuples_) out.insert(out.end(), t.begin(), t.end());
    return out;
}

std::string printone(const std::string& label, std::uint64_t value) {
    std::string line = label;
    if (line.size() < 35) line.append(35 - line.size(), ' ');
    line += '=';
    std::string digits = std::to_string(value);
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
        grouped += digits[i];
    }
    if (grouped.size() < 21) line.append(21 - grouped.size(), ' ');
    return line + grouped + '\n';
}

namespace {
// _PyDebugAllocatorStats: "%d %ss * %zd bytes each" right-justified in 48 columns, a space.
std::string allocator_stats_line(const std::string& block_name, std::size_t count,
                                 std::size_t block_size) {
    char label[128];
    std::snprintf(label, sizeof label, "%zu %ss * %zu bytes each", count, block_name.c_str(),
                  block_size);
    char padded[160];
    std::snprintf(padded, sizeof padded, "%48s ", label);
    return printone(padded, count * block_size);
}
}  // namespace

std::string FreeLists::report() const {
    // Sizes are the objects' own (no GC head), as CPython prints them.
    std::string out;
    out += allocator_stats_line("free PyDictObject", dicts_.size(), layout_.dict_base);
    out += allocator_stats_line("free PyFloatObject", floats_.size(), layout_.float_size);
    out += allocator_stats_line("free PyListObject", lists_.size(), layout_.list_base);
    for (std::uint32_t len = 1; len <= layout_.tuple_freelist_lengths; ++len) {
        out += allocator_stats_line("free " + std::to_string(len) + "-sized PyTupleObject",
                                    tuples_[len - 1].size(), layout_.tuple_base + 8 * len);
    }
    return out;
}

}  // namespace refscope::object
