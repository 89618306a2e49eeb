// lang/runtime/objects.hpp — payloads of runtime objects and small shared helpers.
//
// Payloads carry values the heap model does not interpret (object.hpp: a payload never holds a
// reference). BigIntPayload: an int outside int64. RangePayload: range objects and range
// iterators (start, stop, step, length as CPython's rangeobject keeps them, as C integers; a
// range with a value beyond int64, such as range(10**20), keeps them as BigInts in `big`).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "lang/num/bigint.hpp"
#include "lang/vm/names.hpp"
#include "object/object.hpp"

namespace refscope::lang {

struct BigIntPayload : object::Payload {
    BigInt value;
};

struct BigRange {
    BigInt start, stop, step, length;
};

struct RangePayload : object::Payload {
    std::int64_t start = 0, stop = 0, step = 1, length = 0;
    // Set when start, stop, step or the length is beyond int64 (the fields above are then unused,
    // except `length`, which is -1 when the length itself does not fit).
    std::shared_ptr<const BigRange> big;
};

// The values of any range as BigInts.
BigRange range_values(const RangePayload& r);
BigInt big_range_length(const BigInt& start, const BigInt& stop, const BigInt& step);

// An object of a builtin helper class that has no layout of its own (tracemalloc's Snapshot,
// weakref.finalize, ...): a Type::object whose payload names its class.
struct NativeInstancePayload : object::Payload {
    BT cls = BT::object;
};

// getset/member descriptors of user classes: __dict__, __weakref__ and each __slots__ name.
struct SlotDescrPayload : object::Payload {
    enum Kind : std::uint8_t { dict, weakref, slot } kind = slot;
    std::uint32_t index = 0;          // slot: position in the instance's slots
    std::string name;
    std::string owner;                // the class name, for messages
};

// Number of items of range(start, stop, step); step != 0.
std::int64_t range_length(std::int64_t start, std::int64_t stop, std::int64_t step);
// Bytes a new iterator object of a kind requests (GC head included), measured on 3.11.7.
std::uint32_t iterator_request(std::uint8_t kind);

}  // namespace refscope::lang
