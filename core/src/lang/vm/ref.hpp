// lang/vm/ref.hpp — an owning handle on one host reference.
//
// The interpreter's C++ code holds Python objects the way CPython's C code does: each ObjId it
// keeps is either a new (owned) reference or a borrowed one. `Ref` owns one reference and gives
// it back (Heap::decref) when it goes out of scope, so error paths cannot leak. `release()`
// hands the reference on without touching the count.
//
// The heap is reached through the thread's active interpreter (vm::active_heap), set while an
// Interp runs; a Ref never outlives its interpreter.
//
// Invariant: a non-empty Ref accounts for exactly one unit of its object's `external` count.
#pragma once

#include <utility>

#include "object/heap.hpp"

namespace refscope::lang {

using object::kNull;
using object::ObjId;

namespace vm {
// The heap of the interpreter running on this thread (set by Interp's constructor).
extern thread_local object::Heap* active_heap;
}  // namespace vm

class Ref {
public:
    Ref() = default;
    // Takes ownership of a new reference (kNull allowed).
    explicit Ref(ObjId id) : id_(id) {}
    Ref(const Ref&) = delete;
    Ref& operator=(const Ref&) = delete;
    Ref(Ref&& other) noexcept : id_(std::exchange(other.id_, kNull)) {}
    Ref& operator=(Ref&& other) noexcept {
        if (this != &other) reset(std::exchange(other.id_, kNull));
        return *this;
    }
    ~Ref() { reset(); }

    // A new reference to a borrowed object.
    static Ref borrow(ObjId id) {
        if (id) vm::active_heap->incref(id);
        return Ref(id);
    }

    ObjId get() const { return id_; }
    explicit operator bool() const { return id_ != kNull; }
    ObjId release() { return std::exchange(id_, kNull); }
    void reset(ObjId id = kNull) {
        ObjId old = std::exchange(id_, id);
        if (old) vm::active_heap->decref(old);
    }

private:
    ObjId id_ = kNull;
};

}  // namespace refscope::lang
