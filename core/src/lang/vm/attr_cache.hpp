// lang/vm/attr_cache.hpp — what a class's MRO gives for a name, remembered.
//
// The host's counterpart of CPython's type attribute cache (Objects/typeobject.c,
// _PyType_Lookup): attribute reads, attribute writes and instance creation each search the
// dicts of a class and its bases, usually for the same few names. An entry remembers one
// search's answer (the value, or kNull for none) under the class and the name's serial.
//
// It holds no references and changes no count: it is invisible to the program, unlike
// CPython 3.11's cache, which holds a reference to each name it stores.
//
// Invariants:
//   1. An entry answers only while Heap::type_dict_changes() equals the reading it was made
//      at. Every write to a class's dict, every change of a class's references (its dict, MRO)
//      and every class's death advances that count, so a kept answer is the one a new search
//      would give, and its value is still alive (the class's dict holds it).
//   2. Names are told apart by serial, which no other object ever gets: a name that dies and
//      whose id is reused does not match.
//   3. Classes are told apart by id: a class's death advances the count before its id can be
//      reused.
#pragma once

#include <array>
#include <cstdint>

#include "object/object.hpp"

namespace refscope::lang {

class AttrCache {
public:
    struct Entry {
        std::uint64_t changes = ~std::uint64_t{0};   // never a reading: empty
        std::uint64_t name_serial = 0;
        object::ObjId cls = object::kNull;
        object::ObjId value = object::kNull;
    };

    // The entry for (cls, name_serial): an answer when its fields equal the arguments,
    // otherwise the place to store one.
    Entry& entry(object::ObjId cls, std::uint64_t name_serial) {
        const std::uint64_t h = (cls * 0x9E3779B97F4A7C15ull) ^ (name_serial * 0xC2B2AE3D27D4EB4Full);
        return entries_[static_cast<std::size_t>(h >> (64 - kBits))];
    }
    static bool answers(const Entry& e, object::ObjId cls, std::uint64_t name_serial,
                        std::uint64_t changes) {
        return e.cls == cls && e.name_serial == name_serial && e.changes == changes;
    }

private:
    static constexpr unsigned kBits = 10;
    std::array<Entry, std::size_t{1} << kBits> entries_{};
};

}  // namespace refscope::lang
