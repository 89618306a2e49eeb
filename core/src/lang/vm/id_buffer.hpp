// lang/vm/id_buffer.hpp — a few object ids gathered for one call or one new container.
//
// Calls and BUILD_TUPLE / BUILD_LIST take their items off the value stack before anything is
// allocated (a collection then sees each reference once). Most take a handful: the first
// kInline live in the buffer itself, so the common case makes no host allocation (the host's
// malloc is slow in wasm).
//
// Invariant: data() points at size() ids in the order they were added; it moves (into the
// heap) when the buffer outgrows kInline, so callers read it after the last push_back.
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <vector>

#include "object/object.hpp"

namespace refscope::lang {

class IdBuffer {
public:
    IdBuffer() = default;
    IdBuffer(const object::ObjId* first, std::size_t n) { append(first, n); }
    IdBuffer(const IdBuffer&) = delete;
    IdBuffer& operator=(const IdBuffer&) = delete;

    void push_back(object::ObjId id) {
        if (size_ < kInline) {
            inline_[size_] = id;
        } else {
            if (size_ == kInline) spilled_.assign(inline_.begin(), inline_.end());
            spilled_.push_back(id);
        }
        ++size_;
    }
    void append(const object::ObjId* first, std::size_t n) {
        for (std::size_t i = 0; i < n; ++i) push_back(first[i]);
    }

    object::ObjId* data() { return size_ <= kInline ? inline_.data() : spilled_.data(); }
    std::size_t size() const { return size_; }
    std::span<const object::ObjId> span() { return {data(), size_}; }

private:
    static constexpr std::size_t kInline = 8;
    std::array<object::ObjId, kInline> inline_{};
    std::vector<object::ObjId> spilled_;
    std::size_t size_ = 0;
};

}  // namespace refscope::lang
