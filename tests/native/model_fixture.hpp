// model_fixture.hpp — an allocator + heap pair for the object-model and collector tests.
#pragma once

#include <functional>
#include <vector>

#include "alloc/allocator.hpp"
#include "gc/collector.hpp"
#include "object/heap.hpp"
#include "refscope/profile.hpp"

namespace refscope::testing {

using object::ObjId;

struct Model {
    explicit Model(ProfileId id = ProfileId::cpython_3_11, bool check_every_op = true)
        : allocator(profile(id)), heap(profile(id), allocator, {.check_every_op = check_every_op}) {}

    // Short-hands that drop the caller's reference to `item` after storing it.
    void append_new(ObjId list, ObjId item) {
        heap.list_append(list, item);
        heap.decref(item);
    }
    void setattr_new(ObjId inst, const char* name, ObjId value) {
        heap.instance_setattr(inst, name, value);
        heap.decref(value);
    }
    std::uint64_t blocks_in_use() const { return allocator.stats().pymalloc_blocks_in_use; }

    alloc::Allocator allocator;
    object::Heap heap;
};

// Test hooks: __del__ and weakref callbacks as C++ functions.
struct Hooks : object::HeapHooks {
    std::function<void(ObjId)> on_finalize;
    std::function<void(ObjId, ObjId)> on_callback;
    std::vector<ObjId> finalized;
    std::vector<ObjId> callbacks;
    void finalize(ObjId id) override {
        finalized.push_back(id);
        if (on_finalize) on_finalize(id);
    }
    void weakref_callback(ObjId wr, ObjId cb) override {
        callbacks.push_back(wr);
        if (on_callback) on_callback(wr, cb);
    }
};

}  // namespace refscope::testing
