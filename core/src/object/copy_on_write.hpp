// object/copy_on_write.hpp — a value shared between copies of the model until one changes it.
//
// Copies of a heap (a trace's checkpoints) share their large, rarely changed tables: copying
// a CopyOnWrite<T> shares the T; mut() gives this holder a private T first when another
// holder still shares it. Reading (operator->, operator*) never copies.
//
// Invariant: a T reached through mut() is referenced by this holder alone.
#pragma once

#include <memory>

namespace refscope::object {

template <class T>
class CopyOnWrite {
public:
    CopyOnWrite() : value_(std::make_shared<T>()) {}
    const T& operator*() const { return *value_; }
    const T* operator->() const { return value_.get(); }
    T& mut() {
        if (value_.use_count() > 1) value_ = std::make_shared<T>(*value_);
        return *value_;
    }

private:
    std::shared_ptr<T> value_;
};

}  // namespace refscope::object
