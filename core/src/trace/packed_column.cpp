// trace/packed_column.cpp — see packed_column.hpp.
#include "trace/packed_column.hpp"

#include <algorithm>
#include <bit>

namespace refscope::trace {

void PackedColumn::pack_tail() {
    const auto [lowest, highest] = std::minmax_element(tail_.begin(), tail_.end());
    const std::uint32_t min = *lowest;
    const unsigned width = static_cast<unsigned>(std::bit_width(*highest - min));
    if (offsets_.empty()) offsets_.push_back(0);
    const std::size_t first = words_.size();
    words_.resize(first + width, 0);
    if (width > 0) {
        for (std::size_t k = 0; k < kBlock; ++k) {
            const std::uint64_t v = tail_[k] - min;
            const std::size_t bit = k * width;
            const std::size_t word = first + bit / 64;
            const unsigned shift = bit % 64;
            words_[word] |= v << shift;
            if (shift + width > 64) words_[word + 1] |= v >> (64 - shift);
        }
    }
    mins_.push_back(min);
    offsets_.push_back(static_cast<std::uint32_t>(first + width));
    tail_size_ = 0;
}

void PackedColumn::unpack_block(std::size_t block, std::uint32_t* out) const {
    const std::uint32_t first = offsets_[block];
    const unsigned width = offsets_[block + 1] - first;
    const std::uint32_t min = mins_[block];
    if (width == 0) {
        std::fill_n(out, kBlock, min);
        return;
    }
    for (std::size_t k = 0; k < kBlock; ++k) out[k] = min + bits_at(&words_[first], k * width, width);
}

void PackedColumn::shrink_to_fit() {
    mins_.shrink_to_fit();
    offsets_.shrink_to_fit();
    words_.shrink_to_fit();
}

std::vector<std::uint32_t> PackedColumn::to_vector() const {
    std::vector<std::uint32_t> out;
    out.reserve(size());
    for_each([&](std::uint32_t v) { out.push_back(v); });
    return out;
}

bool operator==(const PackedColumn& a, const PackedColumn& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i]) return false;
    return true;
}

}  // namespace refscope::trace
