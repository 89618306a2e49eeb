// object/heap_dealloc.cpp — what happens when a reference count reaches zero, and tp_clear.
//
// Models the tp_dealloc functions of CPython 3.11 (Objects/listobject.c list_dealloc,
// tupleobject.c tupledealloc, dictobject.c dict_dealloc/free_keys_object, setobject.c
// set_dealloc, typeobject.c subtype_dealloc, weakrefobject.c, funcobject.c) as a list of steps:
//   list    items from last to first, free the item array, free list or free the object
//   tuple   items from last to first, free list or free the object
//   dict    each entry's key then value in entry order, free (or keep) the keys table, free
//           list or free the object; a split dict decrefs its values and frees the values array
//   set     entries in table order, the external table, the object
//   instance  (finalizer first: __del__ once, may resurrect) weakrefs cleared, slots, the
//           values array or the instance dict, the object, and only then the class
//   others  references in order, then the object
// The steps run depth-first: a child whose count reaches zero is deallocated completely before
// its parent's next step, as CPython's recursive Py_DECREF chain does.
#include "gc/collector.hpp"
#include "object/heap.hpp"
#include "refscope/errors.hpp"

namespace refscope::object {

void Heap::dealloc_chain(ObjId first) {
    const std::size_t floor = dealloc_stack_.size();
    const bool was_deallocating = deallocating_;
    deallocating_ = true;
    begin_dealloc(first);
    while (dealloc_stack_.size() > floor) {
        DeallocFrame& frame = dealloc_stack_.back();
        if (frame.next == frame.end) {
            dealloc_steps_.resize(frame.first);
            dealloc_stack_.pop_back();
            continue;
        }
        const DeallocStep step = dealloc_steps_[frame.next++];
        const ObjId owner = frame.id;   // `frame` may move when a child pushes its own frame
        switch (step.kind) {
            case DeallocStep::decref: {
                Object& child = at(step.target);
                --child.refcnt;
                ++refcount_changes_;
                if (child.refcnt == 0) {
                    REFSCOPE_CHECK(!child.is_static(), "a static object's count reached zero");
                    begin_dealloc(step.target);
                }
                break;
            }
            case DeallocStep::free_items: free_items(owner); break;
            case DeallocStep::free_keys: free_keys(owner); break;
            case DeallocStep::free_object: free_object(owner); break;
        }
    }
    deallocating_ = was_deallocating;
}

void Heap::begin_dealloc(ObjId id) {
    if (has_finalizer(id) && !(at(id).flags & kFinalized)) {
        // PyObject_CallFinalizerFromDealloc: resurrect temporarily, run __del__ once.
        // The temporary reference is the host's: if a run limit stops the program inside
        // __del__, the abandoned state still accounts for every count.
        at(id).refcnt = 1;
        ++at(id).external;
        run_finalizer(id);
        --at(id).external;
        if (--at(id).refcnt > 0) return;   // resurrected: it stays alive (and tracked)
    }
    untrack(id);
    if (at(id).type == Type::type) {
        ++type_dict_changes_;
        if (hooks_) hooks_->type_dealloc(id);
    }
    if (!at(id).weakrefs.empty()) {
        for (ObjId wr : clear_weakrefs(id)) {
            if (at(wr).refs.empty() || !at(wr).refs[0]) continue;   // no callback
            ObjId callback = at(wr).refs[0];
            incref(wr);
            incref(callback);
            if (hooks_) hooks_->weakref_callback(wr, callback);
            decref(callback);
            decref(wr);
        }
    }

    Object& o = at(id);
    const std::size_t steps_begin = dealloc_steps_.size();
    auto& steps = dealloc_steps_;
    auto decref_each = [&](auto first, auto last) {
        for (auto it = first; it != last; ++it)
            if (*it) steps.push_back({DeallocStep::decref, *it});
    };
    switch (o.type) {
        case Type::list:
            decref_each(o.refs.rbegin(), o.refs.rend());
            if (o.buf.items) steps.push_back({DeallocStep::free_items, id});
            break;
        case Type::tuple:
            decref_each(o.refs.rbegin(), o.refs.rend());
            break;
        case Type::dict:
            decref_each(o.refs.begin(), o.refs.end());
            if (o.buf.items) steps.push_back({DeallocStep::free_items, id});
            if (o.buf.keys) steps.push_back({DeallocStep::free_keys, id});
            break;
        case Type::set:
        case Type::frozenset:
            decref_each(o.refs.begin(), o.refs.end());
            if (o.buf.items) steps.push_back({DeallocStep::free_items, id});
            break;
        case Type::instance:
        case Type::slots_instance:
        case Type::exception:
            decref_each(o.refs.begin() + 1, o.refs.end());
            if (o.buf.items) steps.push_back({DeallocStep::free_items, id});
            steps.push_back({DeallocStep::free_object, id});
            steps.push_back({DeallocStep::decref, o.refs[0]});   // the class goes last
            break;
        case Type::weakref:
            detach_weakref(id);
            weak_target_.erase(id);
            decref_each(o.refs.begin(), o.refs.end());
            break;
        case Type::type:
            decref_each(o.refs.begin(), o.refs.end());
            if (o.buf.keys) steps.push_back({DeallocStep::free_keys, id});
            break;
        case Type::frame:
            // frame_dealloc: the locals it owns, then f_back.
            if (!o.refs.empty()) {
                decref_each(o.refs.begin() + 1, o.refs.end());
                decref_each(o.refs.begin(), o.refs.begin() + 1);
            }
            break;
        default:
            decref_each(o.refs.begin(), o.refs.end());
            break;
    }
    if (o.type != Type::instance && o.type != Type::slots_instance && o.type != Type::exception)
        steps.push_back({DeallocStep::free_object, id});
    o.refs.clear();
    dealloc_stack_.push_back({id, steps_begin, steps_begin, steps.size()});
}

void Heap::free_items(ObjId id) {
    Object& o = at(id);
    allocator_.free(o.buf.items, alloc::Domain::mem);
    o.buf.items = 0;
    o.buf.items_request = 0;
    o.buf.capacity = 0;
}

void Heap::release_keys_table(Address keys, std::uint32_t slots, bool unicode) {
    const auto& l = profile_.objects;
    const bool str_table = unicode || l.dict_entry_str == l.dict_entry_general;
    const bool keep = slots == 8 && str_table && free_lists_.push(FreeListKind::dict_keys, keys);
    if (!keep) allocator_.free(keys, alloc::Domain::object);
}

void Heap::free_keys(ObjId id) {
    Object& o = at(id);
    if (o.type == Type::dict) release_keys_table(o.buf.keys, o.dict.slots, o.dict.unicode);
    else allocator_.free(o.buf.keys, alloc::Domain::object);   // a class's shared keys
    o.buf.keys = 0;
    o.buf.keys_request = 0;
    o.dict = DictTable{};
}

namespace {

// A freed object's slot, ready for the next object (Heap::new_slot takes it as it is): every
// field as in a new Object, except that short vectors keep their storage. Making an object then
// needs no host malloc for them; in wasm, malloc and free were a tenth of the cycles program.
void reset_keeping_storage(Object& o) {
    constexpr std::size_t kKeep = 16;   // elements; longer storage is released
    auto emptied = [](auto& v) {
        auto kept = std::move(v);
        kept.clear();
        if (kept.capacity() > kKeep) decltype(kept)().swap(kept);
        return kept;
    };
    auto refs = emptied(o.refs);
    auto hashes = emptied(o.hashes);
    auto index = emptied(o.dict.index);
    o = Object{};
    o.refs = std::move(refs);
    o.hashes = std::move(hashes);
    o.dict.index = std::move(index);
}

}  // namespace

void Heap::free_object(ObjId id) {
    Object& o = at(id);
    FreeListKind kind = FreeListKind::none;
    std::uint32_t length = 0;
    switch (o.type) {
        case Type::list: kind = FreeListKind::list; break;
        case Type::dict: kind = FreeListKind::dict; break;
        case Type::float_type: kind = FreeListKind::float_; break;
        case Type::tuple:
            kind = FreeListKind::tuple;
            length = static_cast<std::uint32_t>(o.ival);
            break;
        default: break;
    }
    if (kind == FreeListKind::none || !free_lists_.push(kind, o.addr, length)) {
        allocator_.free(o.addr, alloc::Domain::object);
        if (is_gc_type(o.type)) gc_->on_gc_dealloc();
    }
    if (o.flags & kInterned) interned_.mut().erase(o.text);
    if (o.type == Type::type) classes_.mut().erase(id);
    notify(ObjectEventKind::freed, id);
    if (o.serial > count_from_serial_) --live_counted_;
    reset_keeping_storage(o);
    free_ids_.push_back(id);
    --live_count_;
}

std::vector<ObjId> Heap::clear_weakrefs(ObjId id) {
    std::vector<ObjId> cleared = std::move(at(id).weakrefs);
    at(id).weakrefs.clear();
    for (ObjId wr : cleared) weak_target_[wr] = kNull;
    return cleared;
}

void Heap::detach_weakref(ObjId weakref) {
    auto it = weak_target_.find(weakref);
    if (it == weak_target_.end() || !it->second) return;
    std::erase(at(it->second).weakrefs, weakref);
    it->second = kNull;
}

void Heap::clear_refs(ObjId id) {
    Object& o = at(id);
    if (!has_tp_clear(o.type)) return;
    if (o.type == Type::type) ++type_dict_changes_;
    dict_changed(o);
    switch (o.type) {
        case Type::list:
            list_clear(id);
            return;
        case Type::instance:
        case Type::slots_instance:
        case Type::exception:
        case Type::frame: {
            // subtype_clear / BaseException_clear / frame_tp_clear: everything but the class
            // (instances, exceptions) or f_back (frames).
            for (std::size_t i = 1; i < at(id).refs.size(); ++i) {
                ObjId old = at(id).refs[i];
                at(id).refs[i] = kNull;
                drop_edge(old);
            }
            return;
        }
        case Type::dict:
            if (o.dict.split_class) {
                std::vector<ObjId> old = std::move(o.refs);
                at(id).refs.assign(old.size(), kNull);
                at(id).dict.used = 0;
                for (ObjId r : old) drop_edge(r);
                return;
            }
            dict_clear(id);
            return;
        case Type::set:
        case Type::frozenset:
            set_clear(id);
            return;
        case Type::weakref:
            detach_weakref(id);
            [[fallthrough]];
        default: {
            std::vector<ObjId> old = std::move(o.refs);
            at(id).refs.assign(old.size(), kNull);
            for (ObjId r : old) drop_edge(r);
            return;
        }
    }
}

}  // namespace refscope::object
