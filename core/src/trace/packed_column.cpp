// trace/packed_column.cpp — see packed_column.hpp.
#include "trace/packed_column.hpp"

#include <algorithm>
#include <bit>

namespace refscope::trace {

namespace {

// Writes the kBlock values' differences from `min`, `width` bits each (1..32), one after the
// other from bit 0 of out[0]; they are gathered in a register and stored a word at a time, and
// end exactly at the end of out[width - 1].
void pack_bits(const std::uint32_t* values, std::uint32_t min, unsigned width, std::uint64_t* out) {
    std::uint64_t bits = 0;
    unsigned used = 0;   // bits of `bits` already filled, 0..63
    for (std::size_t k = 0; k < PackedColumn::kBlock; ++k) {
        const std::uint64_t v = values[k] - min;
        bits |= v << used;
        used += width;
        if (used >= 64) {
            *out++ = bits;
            used -= 64;
            bits = v >> (width - used);   // what did not fit (nothing when used is 0)
        }
    }
}

}  // namespace

void PackedColumn::pack_tail() {
    std::uint32_t min = tail_[0], max = tail_[0];
    for (std::uint32_t v : tail_) {
        min = std::min(min, v);
        max = std::max(max, v);
    }
    const unsigned width = static_cast<unsigned>(std::bit_width(max - min));
    if (offsets_.empty()) offsets_.push_back(0);
    const std::size_t first = words_.size();
    words_.resize(first + width);
    if (width > 0) pack_bits(tail_.data(), min, width, words_.data() + first);
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
