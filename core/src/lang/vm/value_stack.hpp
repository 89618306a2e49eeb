// lang/vm/value_stack.hpp — a frame's value stack: the part of std::vector the VM uses, with
// push and pop always inline.
//
// Nearly every instruction pushes or pops. With std::vector, wasm builds left push_back out of
// line (a call per push, about 5% of a call-heavy program's time); here the common case is a
// compare, a store and an increment wherever it is written.
//
// Invariants:
//   1. size() <= capacity(); data()[0 .. size()) are the values, bottom first.
//   2. Capacity only grows (clear keeps it), so a reused frame allocates nothing.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>

#include "object/object.hpp"

namespace refscope::lang {

class ValueStack {
public:
    using ObjId = object::ObjId;

    ValueStack() = default;
    ValueStack(const ValueStack& other) { *this = other; }
    ValueStack& operator=(const ValueStack& other) {
        if (this == &other) return *this;
        size_ = 0;
        reserve(other.size_);
        std::copy(other.begin(), other.end(), data_.get());
        size_ = other.size_;
        return *this;
    }
    ValueStack(ValueStack&& other) noexcept { swap(other); }
    ValueStack& operator=(ValueStack&& other) noexcept {
        swap(other);
        return *this;
    }

    void push_back(ObjId value) {
        if (size_ == capacity_) [[unlikely]] grow(size_ + 1);
        data_[size_++] = value;
    }
    void pop_back() { --size_; }
    ObjId& back() { return data_[size_ - 1]; }
    ObjId back() const { return data_[size_ - 1]; }
    ObjId& front() { return data_[0]; }
    ObjId& operator[](std::size_t i) { return data_[i]; }
    ObjId operator[](std::size_t i) const { return data_[i]; }

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    std::size_t capacity() const { return capacity_; }
    ObjId* data() { return data_.get(); }
    const ObjId* data() const { return data_.get(); }
    ObjId* begin() { return data_.get(); }
    ObjId* end() { return data_.get() + size_; }
    const ObjId* begin() const { return data_.get(); }
    const ObjId* end() const { return data_.get() + size_; }

    void reserve(std::size_t n) {
        if (n > capacity_) grow(n);
    }
    // New slots (when growing) hold `fill`.
    void resize(std::size_t n, ObjId fill = object::kNull) {
        reserve(n);
        std::fill(begin() + std::min<std::size_t>(n, size_), begin() + n, fill);
        size_ = static_cast<std::uint32_t>(n);
    }
    void clear() { size_ = 0; }
    void erase(ObjId* pos) {
        std::copy(pos + 1, end(), pos);
        --size_;
    }

private:
    void swap(ValueStack& other) noexcept {
        std::swap(data_, other.data_);
        std::swap(size_, other.size_);
        std::swap(capacity_, other.capacity_);
    }
    // Capacity for at least n values, keeping the values.
    [[gnu::noinline]] void grow(std::size_t n) {
        const std::size_t capacity = std::max<std::size_t>({n, 2 * std::size_t{capacity_}, 8});
        std::unique_ptr<ObjId[]> bigger(new ObjId[capacity]);
        std::copy(begin(), end(), bigger.get());
        data_ = std::move(bigger);
        capacity_ = static_cast<std::uint32_t>(capacity);
    }

    std::unique_ptr<ObjId[]> data_;
    std::uint32_t size_ = 0;
    std::uint32_t capacity_ = 0;
};

}  // namespace refscope::lang
