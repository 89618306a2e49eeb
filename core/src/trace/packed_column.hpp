// trace/packed_column.hpp — a column of uint32 values packed in blocks, read in O(1).
//
// The timeline keeps eleven numbers per line step (trace_data.hpp), and most of them change
// little from one step to the next: a line number, a depth, a count of pools. A PackedColumn
// stores them in blocks of kBlock values, each frame-of-reference encoded: the block's minimum,
// then every value as (value - minimum) in `width` bits, the fewest that hold the largest such
// difference in the block (0..32; 0 when the block is constant). A block of width w takes
// exactly w 64-bit words (kBlock = 64 values of w bits), so the word offsets of consecutive
// blocks also give their widths.
//
// Values are only appended, and only the last one can be changed (the recorder sets flag bits
// and counts instructions on the current step). The last block stays unpacked in `tail_`; it is
// packed when a value arrives after it is full, so back() is always in the tail.
//
// Invariants:
//   1. size() == kBlock * packed_blocks() + tail_size_; tail_size_ is 1..kBlock unless the
//      column is empty.
//   2. mins_ has packed_blocks() entries; offsets_ is empty when no block is packed, else it has
//      packed_blocks() + 1 entries, offsets_[0] == 0 and offsets_.back() == words_.size().
//   3. Block b's values are mins_[b] + bits [k * w, (k + 1) * w) of words_[offsets_[b] ..
//      offsets_[b + 1]) (bit 0 is the lowest bit of the first word), for k = 0..kBlock-1, where
//      w = offsets_[b + 1] - offsets_[b] <= 32.
//   4. The packing depends only on the values: the same run packs the same blocks.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace refscope::trace {

class PackedColumn {
public:
    static constexpr std::size_t kBlock = 64;
    static_assert(kBlock == 64, "a block of width w must fill exactly w 64-bit words");

    void push_back(std::uint32_t value) {
        if (tail_size_ == kBlock) pack_tail();
        tail_[tail_size_++] = value;
    }

    // i < size().
    std::uint32_t operator[](std::size_t i) const {
        const std::size_t block = i / kBlock;
        if (block == packed_blocks()) return tail_[i % kBlock];
        return packed_value(block, i % kBlock);
    }

    // The last value; the column must not be empty.
    std::uint32_t& back() { return tail_[tail_size_ - 1]; }
    std::uint32_t back() const { return tail_[tail_size_ - 1]; }

    std::size_t size() const { return packed_blocks() * kBlock + tail_size_; }
    bool empty() const { return size() == 0; }

    // The memory the column holds, its vectors' capacity included.
    std::size_t bytes() const {
        return sizeof(*this) + mins_.capacity() * sizeof(mins_[0]) +
               offsets_.capacity() * sizeof(offsets_[0]) + words_.capacity() * sizeof(words_[0]);
    }

    // Gives back the capacity the vectors hold beyond their size (once recording is done).
    void shrink_to_fit();

    // Calls visit(value) for every value in order, unpacking a block at a time.
    template <class Visit>
    void for_each(Visit&& visit) const {
        std::array<std::uint32_t, kBlock> values;
        for (std::size_t b = 0; b < packed_blocks(); ++b) {
            unpack_block(b, values.data());
            for (std::uint32_t v : values) visit(v);
        }
        for (std::size_t k = 0; k < tail_size_; ++k) visit(tail_[k]);
    }

    std::vector<std::uint32_t> to_vector() const;

    friend bool operator==(const PackedColumn& a, const PackedColumn& b);

private:
    std::size_t packed_blocks() const { return mins_.size(); }

    std::uint32_t packed_value(std::size_t block, std::size_t k) const {
        const std::uint32_t first = offsets_[block];
        const unsigned width = offsets_[block + 1] - first;
        if (width == 0) return mins_[block];
        return mins_[block] + bits_at(&words_[first], k * width, width);
    }

    // The `width` bits (1..32) from bit `bit` on of a block's words.
    static std::uint32_t bits_at(const std::uint64_t* words, std::size_t bit, unsigned width) {
        const std::uint64_t* word = words + bit / 64;
        const unsigned shift = bit % 64;
        std::uint64_t v = word[0] >> shift;
        if (shift + width > 64) v |= word[1] << (64 - shift);
        return static_cast<std::uint32_t>(v & ((std::uint64_t{1} << width) - 1));
    }

    void pack_tail();
    void unpack_block(std::size_t block, std::uint32_t* out) const;

    std::vector<std::uint32_t> mins_;      // per packed block: its minimum
    std::vector<std::uint32_t> offsets_;   // per packed block: its first word; then the end
    std::vector<std::uint64_t> words_;     // the packed blocks' bits, block after block
    std::array<std::uint32_t, kBlock> tail_{};
    std::size_t tail_size_ = 0;
};

}  // namespace refscope::trace
