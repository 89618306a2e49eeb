// alloc/shared_blocks.hpp — a growing array that copies of the model share block by block.
//
// Copies of an allocator (a trace's checkpoints) share a SharedBlocks' blocks until one of them
// writes: mut(i) and push_back first give this holder a private copy of the block they write
// when another holder still shares it, so a copy costs one pointer per block and then holds
// only the blocks written since. Reading never copies.
//
// Invariants:
//   1. Elements 0 .. size()-1 live in blocks of kBlock, in order; only the last block has
//      unused room.
//   2. An element reached through mut() or push_back() is in a block this holder alone
//      references.
#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <vector>

namespace refscope::alloc {

template <class T, std::size_t kBlockShift = 8>
class SharedBlocks {
public:
    static constexpr std::size_t kBlock = std::size_t{1} << kBlockShift;

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    const T& operator[](std::size_t i) const { return (*blocks_[i >> kBlockShift])[i & (kBlock - 1)]; }
    const T& back() const { return (*this)[size_ - 1]; }
    T& mut(std::size_t i) { return own(i >> kBlockShift)[i & (kBlock - 1)]; }
    void push_back(const T& value) {
        if ((size_ & (kBlock - 1)) == 0) blocks_.push_back(std::make_shared<Block>());
        own(size_ >> kBlockShift)[size_ & (kBlock - 1)] = value;
        ++size_;
    }

    // For a trace's accounting: every block (a caller counts each address once), the blocks no
    // other holder shares, and the table of blocks itself (copied whole).
    template <class F> void for_each_block(F&& f) const {
        for (const auto& block : blocks_) f(static_cast<const void*>(block.get()), sizeof(Block));
    }
    std::size_t unshared_bytes() const {
        std::size_t n = 0;
        for (const auto& block : blocks_) n += block.use_count() == 1;
        return n * sizeof(Block);
    }
    std::size_t table_bytes() const { return blocks_.size() * sizeof(blocks_[0]); }

private:
    using Block = std::array<T, kBlock>;
    Block& own(std::size_t b) {
        std::shared_ptr<Block>& block = blocks_[b];
        if (block.use_count() > 1) block = std::make_shared<Block>(*block);
        return *block;
    }

    std::vector<std::shared_ptr<Block>> blocks_;
    std::size_t size_ = 0;
};

}  // namespace refscope::alloc
