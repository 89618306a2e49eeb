// object/heap_inspect.cpp — what Python shows of an object (id, getsizeof), the
// `_debugmallocstats` report, and the heap's invariant checker (see heap.hpp, object.hpp).
#include <unordered_map>
#include <unordered_set>

#include "gc/collector.hpp"
#include "object/heap.hpp"
#include "object/sizes.hpp"
#include "refscope/errors.hpp"

namespace refscope::object {

const char* type_name(Type t) {
    switch (t) {
        case Type::none_type: return "NoneType";
        case Type::bool_type: return "bool";
        case Type::int_type: return "int";
        case Type::float_type: return "float";
        case Type::str: return "str";
        case Type::bytes: return "bytes";
        case Type::tuple: return "tuple";
        case Type::list: return "list";
        case Type::dict: return "dict";
        case Type::set: return "set";
        case Type::frozenset: return "frozenset";
        case Type::object: return "object";
        case Type::instance: return "instance";
        case Type::slots_instance: return "instance";
        case Type::type: return "type";
        case Type::cell: return "cell";
        case Type::function: return "function";
        case Type::method: return "method";
        case Type::weakref: return "weakref";
        case Type::range: return "range";
        case Type::gc_list_head: return "<gc list head>";
        case Type::code: return "code";
        case Type::module: return "module";
        case Type::builtin_function: return "builtin_function_or_method";
        case Type::method_descriptor: return "method_descriptor";
        case Type::iterator: return "iterator";
        case Type::generator: return "generator";
        case Type::slice: return "slice";
        case Type::exception: return "exception";
        case Type::traceback: return "traceback";
        case Type::frame: return "frame";
        case Type::property: return "property";
        case Type::staticmethod: return "staticmethod";
        case Type::classmethod: return "classmethod";
        case Type::super_object: return "super";
        case Type::dict_view: return "dict_view";
        case Type::getset_descriptor: return "getset_descriptor";
        case Type::member_descriptor: return "member_descriptor";
        case Type::ellipsis: return "ellipsis";
        case Type::not_implemented: return "NotImplementedType";
        case Type::complex_type: return "complex";
        case Type::bytearray: return "bytearray";
    }
    return "?";
}

bool is_gc_type(Type t) {
    switch (t) {
        case Type::tuple: case Type::list: case Type::dict: case Type::set:
        case Type::frozenset: case Type::instance: case Type::slots_instance: case Type::type:
        case Type::cell: case Type::function: case Type::method: case Type::weakref:
        case Type::module: case Type::builtin_function: case Type::method_descriptor:
        case Type::iterator: case Type::generator: case Type::slice: case Type::exception:
        case Type::traceback: case Type::frame: case Type::property: case Type::staticmethod:
        case Type::classmethod: case Type::super_object: case Type::dict_view:
        case Type::getset_descriptor: case Type::member_descriptor:
            return true;
        default:
            return false;
    }
}

bool has_tp_clear(Type t) {
    switch (t) {
        case Type::tuple: case Type::method: case Type::generator: case Type::iterator:
        case Type::dict_view: case Type::super_object: case Type::builtin_function:
        case Type::method_descriptor: case Type::getset_descriptor:
        case Type::member_descriptor: case Type::slice:
            return false;   // no tp_clear: a cycle through them breaks elsewhere
        default:
            return is_gc_type(t);
    }
}

Address Heap::id_of(ObjId id) const {
    const Object& o = get(id);
    Address pre = 0;
    if (is_gc_type(o.type)) pre += profile_.gc.gc_head_size;
    if (o.type == Type::instance && profile_.objects.managed_dict) pre += 16;
    return o.addr + pre;
}

std::size_t Heap::getsizeof(ObjId id) const {
    const Object& o = get(id);
    const auto& l = profile_.objects;
    const std::size_t gc = is_gc_type(o.type) ? profile_.gc.gc_head_size : 0;
    switch (o.type) {
        case Type::none_type: return l.object_base;
        case Type::bool_type: return l.var_base + 4;
        case Type::int_type: return l.var_base + 4 * std::size_t{o.ndigits};
        case Type::list: return gc + l.list_base + 8 * std::size_t{o.buf.capacity};
        case Type::tuple: return gc + l.tuple_base + 8 * o.refs.size();
        case Type::dict:
            if (o.dict.split_class) {
                // 3.11 _PyDict_SizeOf: the values part is measured by the SHARED keys' current
                // size (dk_nentries + dk_usable), which later instances shrink.
                auto it = classes_->find(o.dict.split_class);
                if (it != classes_->end())
                    return gc + l.dict_base + 8 * (it->second.shared_names.size() + it->second.shared_usable);
                return gc + l.dict_base + 8 * std::size_t{o.buf.capacity};
            }
            return gc + l.dict_base + o.buf.keys_request;
        case Type::set:
        case Type::frozenset: return gc + l.set_base + o.buf.items_request;
        case Type::instance: return gc + l.instance_base;
        case Type::type:
            // type.__sizeof__ of a heap type: sizeof(PyHeapTypeObject) (heap_type_base less its
            // first member def) plus the cached keys table; a static type: its request.
            if (classes_->count(id)) return gc + l.heap_type_base - sizes::kMemberDef + o.buf.keys_request;
            return o.request;
        default: return o.request;
    }
}

void Heap::clear_free_lists() { free_lists_.clear(allocator_); }

void Heap::set_free_list_size(FreeListKind kind, std::uint32_t length, std::size_t count) {
    std::uint32_t request = 0;
    switch (kind) {
        case FreeListKind::list: request = sizes::list_request(profile_); break;
        case FreeListKind::dict: request = sizes::dict_request(profile_); break;
        case FreeListKind::float_: request = profile_.objects.float_size; break;
        case FreeListKind::tuple: request = sizes::tuple_request(profile_, length); break;
        case FreeListKind::dict_keys: request = sizes::dict_keys_request(profile_.objects, 8, true); break;
        case FreeListKind::none: return;
    }
    while (free_lists_.size(kind, length) > count) {
        auto block = free_lists_.pop(kind, length);
        if (!block) break;
        allocator_.free(*block, alloc::Domain::object);
    }
    while (free_lists_.size(kind, length) < count) {
        Address block = allocator_.malloc(request, alloc::Domain::object);
        if (!block) break;
        if (!free_lists_.push(kind, block, length)) {
            allocator_.free(block, alloc::Domain::object);
            break;
        }
    }
    after_op();
}

std::string Heap::debug_malloc_stats() const {
    return allocator_.debug_malloc_stats() + "\n" + free_lists_.report();
}

// --- invariants --------------------------------------------------------------------------

class HeapChecker;
// Split values (a split dict's, or an instance's inline values from refs[first]): the insertion
// order lists each set value exactly once (it may also name slots a tp_clear emptied).
void check_values_order(const std::string& name, const Object& o, std::size_t first) {
    std::vector<bool> seen(o.refs.size(), false);
    for (std::int32_t x : o.dict.index) {
        const std::size_t i = first + static_cast<std::size_t>(x);
        REFSCOPE_CHECK(x >= 0 && i < o.refs.size() && !seen[i],
                       name + ": values insertion order names a slot twice or out of range");
        seen[i] = true;
    }
    std::size_t set = 0;
    for (std::size_t i = first; i < o.refs.size(); ++i) {
        set += o.refs[i] ? 1 : 0;
        REFSCOPE_CHECK(!o.refs[i] || seen[i], name + ": values insertion order misses a value");
    }
    if (first == 0) REFSCOPE_CHECK(o.dict.used == set, name + ": split dict used out of step");
}

class HeapChecker {
public:
    explicit HeapChecker(const Heap& heap) : h_(heap) {}

    void run() {
        count_incoming();
        for (ObjId id = kFirstObjectId; id < h_.table_size(); ++id) {
            const Object& o = h_.get(id);
            if (!o.live()) {
                REFSCOPE_CHECK(incoming_.count(id) == 0, "a dead object is still referenced");
                continue;
            }
            check_object(id, o);
        }
        for (Address a : h_.free_lists_.all()) claim(a, "free-list block");
        for (const auto& [text, id] : *h_.interned_) {
            const Object& o = h_.get(id);
            REFSCOPE_CHECK(o.live() && o.type == Type::str && (o.flags & kInterned) &&
                               o.text == text,
                           "interned table out of step");
        }
        h_.gc_->check_invariants();
    }

private:
    void count_incoming() {
        for (ObjId id = kFirstObjectId; id < h_.table_size(); ++id) {
            const Object& o = h_.get(id);
            if (!o.live()) continue;
            for (ObjId r : o.refs)
                if (r) ++incoming_[r];
        }
        // References a dying object has not yet released.
        for (const auto& frame : h_.dealloc_stack_)
            for (std::size_t i = frame.next; i < frame.end; ++i)
                if (h_.dealloc_steps_[i].kind == Heap::DeallocStep::decref) ++incoming_[h_.dealloc_steps_[i].target];
    }

    void claim(Address a, const char* what) {
        REFSCOPE_CHECK(a != 0, std::string(what) + " without an address");
        REFSCOPE_CHECK(blocks_.insert(a).second, std::string(what) + " shares a block");
    }

    void check_object(ObjId id, const Object& o) {
        const std::string name = std::string(type_name(o.type)) + " #" + std::to_string(id);
        auto it = incoming_.find(id);
        const std::int64_t edges = it == incoming_.end() ? 0 : it->second;
        REFSCOPE_CHECK(o.external >= 0, name + ": negative host references");
        REFSCOPE_CHECK(o.refcnt == o.base + o.external + edges,
                       name + ": refcount " + std::to_string(o.refcnt) + " != " +
                           std::to_string(o.base) + " unseen + " + std::to_string(o.external) +
                           " host + " + std::to_string(edges) + " from objects");
        if (o.is_static()) {
            REFSCOPE_CHECK(!o.tracked(), name + ": a static object is tracked");
            return;
        }
        claim(o.addr, "object");
        REFSCOPE_CHECK(h_.allocator_.request_size(o.addr) == o.request,
                       name + ": the allocator holds a different request at its address");
        if (!is_gc_type(o.type)) REFSCOPE_CHECK(!o.tracked(), name + ": a non-GC object is tracked");
        if (o.buf.items) {
            claim(o.buf.items, "buffer");
            REFSCOPE_CHECK(h_.allocator_.request_size(o.buf.items) == o.buf.items_request,
                           name + ": buffer request out of step");
        }
        if (o.buf.keys) {
            claim(o.buf.keys, "keys table");
            REFSCOPE_CHECK(h_.allocator_.request_size(o.buf.keys) == o.buf.keys_request,
                           name + ": keys table request out of step");
        }
        for (ObjId wr : o.weakrefs) {
            auto t = h_.weak_target_.find(wr);
            REFSCOPE_CHECK(t != h_.weak_target_.end() && t->second == id,
                           name + ": weakref list out of step");
        }
        switch (o.type) {
            case Type::list:
                REFSCOPE_CHECK(o.refs.size() <= o.buf.capacity, name + ": more items than capacity");
                REFSCOPE_CHECK(o.buf.items_request == 8 * o.buf.capacity, name + ": item array size");
                break;
            case Type::dict:
                if (!o.dict.split_class) check_dict(name, o);
                else check_values_order(name, o, 0);
                break;
            case Type::instance:
                if (o.buf.items) check_values_order(name, o, 1);
                break;
            case Type::set:
            case Type::frozenset: {
                std::size_t live = 0;
                for (ObjId r : o.refs) live += r ? 1 : 0;
                REFSCOPE_CHECK(o.dict.used == live && o.dict.nentries >= o.dict.used,
                               name + ": set fill/used out of step");
                REFSCOPE_CHECK(o.refs.size() == o.dict.slots && o.hashes.size() == o.dict.slots,
                               name + ": set table size out of step");
                REFSCOPE_CHECK(std::size_t{o.dict.nentries} * 5 < (o.dict.slots - 1) * std::size_t{3} ||
                                   o.dict.slots > sizes::kSetMinSize,
                               name + ": set table over-full");
                break;
            }
            default:
                break;
        }
    }

    void check_dict(const std::string& name, const Object& o) {
        std::uint32_t used = 0;
        for (std::size_t i = 0; i + 1 < o.refs.size(); i += 2) {
            REFSCOPE_CHECK((o.refs[i] == kNull) == (o.refs[i + 1] == kNull),
                           name + ": entry with a key but no value");
            if (o.refs[i]) ++used;
        }
        REFSCOPE_CHECK(used == o.dict.used, name + ": ma_used out of step");
        REFSCOPE_CHECK(o.refs.size() == 2 * std::size_t{o.dict.nentries}, name + ": dk_nentries out of step");
        REFSCOPE_CHECK(o.hashes.size() == o.dict.nentries, name + ": entry hashes out of step");
        REFSCOPE_CHECK(o.dict.index.size() == o.dict.slots, name + ": index size out of step");
        if (o.dict.slots) {
            REFSCOPE_CHECK(o.dict.usable + o.dict.nentries == sizes::dict_usable(o.dict.slots),
                           name + ": dk_usable out of step");
            REFSCOPE_CHECK(o.buf.keys != 0, name + ": table without a block");
        } else {
            REFSCOPE_CHECK(o.refs.empty() && o.buf.keys == 0, name + ": entries without a table");
        }
    }

    const Heap& h_;
    std::unordered_map<ObjId, std::int64_t> incoming_;
    std::unordered_set<Address> blocks_;
};

void Heap::check_invariants() const { HeapChecker(*this).run(); }

}  // namespace refscope::object
