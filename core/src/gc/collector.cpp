// gc/collector.cpp — see collector.hpp for the model and its phases.
#include "gc/collector.hpp"

#include "object/heap.hpp"
#include "refscope/errors.hpp"

namespace refscope::gc {

using object::GcState;
using object::kNull;
using object::Object;

namespace {
constexpr GcState kGenState[3] = {GcState::gen0, GcState::gen1, GcState::gen2};

// The order tp_traverse visits an object's references in (3.11): lists and tuples from the
// last item to the first; an instance's attributes (slots, then values or __dict__) before its
// class; everything else in the order `refs` keeps them.
template <class F>
void traverse(const object::Object& o, F&& visit) {
    const auto& refs = o.refs;
    switch (o.type) {
        case object::Type::list:
        case object::Type::tuple:
            for (auto it = refs.rbegin(); it != refs.rend(); ++it)
                if (*it) visit(*it);
            return;
        case object::Type::instance:
        case object::Type::slots_instance:
            for (std::size_t i = 1; i < refs.size(); ++i)
                if (refs[i]) visit(refs[i]);
            if (!refs.empty() && refs[0]) visit(refs[0]);
            return;
        default:
            for (ObjId r : refs)
                if (r) visit(r);
            return;
    }
}
constexpr ObjId kWeakrefCallbacksHead = 7;
constexpr ObjId kSeenHead = 8;
}  // namespace

const char* phase_name(GcPhase phase) {
    switch (phase) {
        case GcPhase::start: return "start";
        case GcPhase::update_refs: return "update_refs";
        case GcPhase::subtract_refs: return "subtract_refs";
        case GcPhase::move_unreachable: return "move_unreachable";
        case GcPhase::promote: return "promote";
        case GcPhase::weakrefs: return "weakrefs";
        case GcPhase::finalize: return "finalize";
        case GcPhase::resurrect: return "resurrect";
        case GcPhase::clear: return "clear";
        case GcPhase::done: return "done";
    }
    return "?";
}

Collector::Collector(object::Heap& heap) : heap_(heap) {
    const auto& t = heap.profile().gc.thresholds;
    thresholds_ = {t[0], t[1], t[2]};
    for (ObjId head = 1; head <= kSeenHead; ++head) list_init(head);
}

Collector::Collector(const Collector& other, object::Heap& heap)
    : heap_(heap),
      count_(other.count_),
      thresholds_(other.thresholds_),
      stats_(other.stats_),
      long_lived_total_(other.long_lived_total_),
      long_lived_pending_(other.long_lived_pending_),
      long_lived_baseline_(other.long_lived_baseline_),
      collection_serial_(other.collection_serial_),
      weakrefs_freed_(other.weakrefs_freed_),
      debug_(other.debug_),
      garbage_(other.garbage_),
      enabled_(other.enabled_),
      exception_pending_(other.exception_pending_),
      stress_(other.stress_) {
    REFSCOPE_CHECK(!other.collecting_, "collector: copied while collecting");
}

ObjId Collector::head_of(GcState state) {
    switch (state) {
        case GcState::gen0: return kGenHead[0];
        case GcState::gen1: return kGenHead[1];
        case GcState::gen2: return kGenHead[2];
        case GcState::permanent: return kPermanentHead;
        default: return kNull;
    }
}

// --- intrusive lists through PyGC_Head ---------------------------------------------------

void Collector::list_init(ObjId head) {
    Object& h = heap_.at(head);
    h.gc_next = h.gc_prev = head;
}

bool Collector::list_empty(ObjId head) const { return heap_.get(head).gc_next == head; }

void Collector::list_append(ObjId head, ObjId id) {
    Object& h = heap_.at(head);
    Object& o = heap_.at(id);
    ObjId last = h.gc_prev;
    o.gc_prev = last;
    o.gc_next = head;
    heap_.at(last).gc_next = id;
    heap_.at(head).gc_prev = id;
}

void Collector::list_remove(ObjId id) {
    Object& o = heap_.at(id);
    heap_.at(o.gc_prev).gc_next = o.gc_next;
    heap_.at(o.gc_next).gc_prev = o.gc_prev;
    o.gc_next = o.gc_prev = kNull;
}

void Collector::list_merge(ObjId from, ObjId to) {
    if (list_empty(from)) return;
    Object& f = heap_.at(from);
    ObjId first = f.gc_next, last = f.gc_prev;
    ObjId tail = heap_.get(to).gc_prev;
    heap_.at(tail).gc_next = first;
    heap_.at(first).gc_prev = tail;
    heap_.at(last).gc_next = to;
    heap_.at(to).gc_prev = last;
    list_init(from);
}

std::size_t Collector::list_length(ObjId head) const {
    std::size_t n = 0;
    for (ObjId id = heap_.get(head).gc_next; id != head; id = heap_.get(id).gc_next) ++n;
    return n;
}

std::vector<ObjId> Collector::list_items(ObjId head) const {
    std::vector<ObjId> out;
    for (ObjId id = heap_.get(head).gc_next; id != head; id = heap_.get(id).gc_next) out.push_back(id);
    return out;
}

void Collector::set_state(ObjId head, GcState state) {
    for (ObjId id = heap_.get(head).gc_next; id != head; id = heap_.get(id).gc_next)
        heap_.at(id).gc_state = state;
}

// --- tracking and the counts -------------------------------------------------------------

void Collector::link(ObjId id) {
    list_append(kGenHead[0], id);
    heap_.at(id).gc_state = GcState::gen0;
}

void Collector::unlink(ObjId id) {
    list_remove(id);
    Object& o = heap_.at(id);
    o.gc_state = GcState::untracked;
    o.flags &= static_cast<std::uint8_t>(~object::kUnreachable);
}

void Collector::on_gc_alloc() {
    count_[0] += 1;
    if (collecting_ || !enabled_ || exception_pending_) return;
    if (stress_) {
        collecting_ = true;
        collect_with_callback(2);
        collecting_ = false;
    } else if (count_[0] > thresholds_[0] && thresholds_[0] != 0) {
        collecting_ = true;
        automatic_ = true;
        collect_generations();
        automatic_ = false;
        collecting_ = false;
    }
}

void Collector::on_gc_dealloc() {
    if (count_[0] > 0) count_[0] -= 1;
}

void Collector::set_thresholds(std::int64_t t0, std::int64_t t1, std::int64_t t2) {
    thresholds_ = {t0, t1, t2};
}

void Collector::collect_generations() {
    for (int i = kGenerations - 1; i >= 0; --i) {
        if (count_[i] <= thresholds_[i]) continue;
        // The 25% rule: a full collection only when the objects that survived generation-1
        // collections since the last full one exceed 25% of the long-lived population.
        if (i == kGenerations - 1 && long_lived_pending_ < long_lived_total_ / 4) continue;
        collect_with_callback(i);
        break;
    }
}

std::int64_t Collector::collect(int generation) {
    if (collecting_) return 0;
    collecting_ = true;
    std::int64_t n = collect_with_callback(generation);
    collecting_ = false;
    return n;
}

std::int64_t Collector::collect_with_callback(int generation) {
    if (callbacks_) callbacks_->on_collection(true, generation, 0, 0);
    std::int64_t uncollectable = 0;
    std::int64_t total = collect_generation(generation, uncollectable);
    if (callbacks_) callbacks_->on_collection(false, generation, total - uncollectable, uncollectable);
    return total;
}

void Collector::freeze() {
    for (int i = 0; i < kGenerations; ++i) {
        set_state(kGenHead[i], GcState::permanent);
        list_merge(kGenHead[i], kPermanentHead);
        count_[i] = 0;
    }
}

void Collector::unfreeze() {
    set_state(kPermanentHead, GcState::gen2);
    list_merge(kPermanentHead, kGenHead[2]);
}

std::vector<ObjId> Collector::objects(int generation) const {
    if (generation >= 0) return list_items(kGenHead[generation]);
    std::vector<ObjId> out;
    for (int i = 0; i < kGenerations; ++i) {
        auto items = list_items(kGenHead[i]);
        out.insert(out.end(), items.begin(), items.end());
    }
    return out;
}

// --- one collection ----------------------------------------------------------------------

std::int64_t Collector::collect_generation(int generation, std::int64_t& uncollectable) {
    ++collection_serial_;
    if (generation + 1 < kGenerations) count_[generation + 1] += 1;
    for (int i = 0; i <= generation; ++i) count_[i] = 0;
    for (int i = 0; i < generation; ++i) list_merge(kGenHead[i], kGenHead[generation]);

    const ObjId young = kGenHead[generation];
    const bool full = generation == kGenerations - 1;
    const ObjId old = full ? young : kGenHead[generation + 1];
    const GcState old_state = full ? GcState::gen2 : kGenState[generation + 1];
    report(GcPhase::start, generation, young, kNull);

    update_refs(young);
    report(GcPhase::update_refs, generation, young, kNull);
    subtract_refs(young);
    report(GcPhase::subtract_refs, generation, young, kNull);
    move_unreachable(young, kUnreachableHead, old_state);
    report(GcPhase::move_unreachable, generation, young, kUnreachableHead);

    untrack_atomic(young, object::Type::tuple);
    if (!full) {
        if (generation == kGenerations - 2) long_lived_pending_ += static_cast<std::int64_t>(list_length(young));
        list_merge(young, old);
    } else {
        untrack_atomic(young, object::Type::dict);   // full collections only
        long_lived_pending_ = 0;
        long_lived_total_ = static_cast<std::int64_t>(list_length(young)) + long_lived_baseline_;
    }
    report(GcPhase::promote, generation, old, kUnreachableHead);

    // No type of the model has a legacy tp_del finalizer, so nothing is uncollectable.
    std::vector<ObjId> affected;
    handle_weakrefs(kUnreachableHead, old, affected);
    report(GcPhase::weakrefs, generation, kNull, kUnreachableHead, std::move(affected));
    affected = {};
    std::int64_t collected = static_cast<std::int64_t>(weakrefs_freed_);
    finalize_garbage(kUnreachableHead, affected);
    report(GcPhase::finalize, generation, kNull, kUnreachableHead, std::move(affected));
    affected = {};
    handle_resurrected(kUnreachableHead, old, old_state, affected);
    report(GcPhase::resurrect, generation, kNull, kUnreachableHead, std::move(affected));
    affected = {};

    collected += static_cast<std::int64_t>(list_length(kUnreachableHead));
    delete_garbage(kUnreachableHead, old, old_state, affected);
    report(GcPhase::clear, generation, kNull, kNull, std::move(affected));

    if (full) heap_.clear_free_lists();
    uncollectable = 0;
    auto& s = stats_[static_cast<std::size_t>(generation)];
    s.collections += 1;
    s.collected += collected;
    s.uncollectable += uncollectable;
    report(GcPhase::done, generation, kNull, kNull, {}, collected, uncollectable);
    return collected + uncollectable;
}

void Collector::update_refs(ObjId young) {
    for (ObjId id = heap_.get(young).gc_next; id != young; id = heap_.get(id).gc_next) {
        Object& o = heap_.at(id);
        o.gc_refs = o.refcnt;
        o.gc_state = GcState::collecting;
    }
}

void Collector::subtract_refs(ObjId young) {
    for (ObjId id = heap_.get(young).gc_next; id != young; id = heap_.get(id).gc_next) {
        traverse(heap_.get(id), [&](ObjId r) {
            Object& t = heap_.at(r);
            if (t.gc_state != GcState::collecting) return;
            t.gc_refs -= 1;
            REFSCOPE_CHECK(t.gc_refs >= 0, "gc_refs below zero: a reference count is too low");
        });
    }
}

void Collector::move_unreachable(ObjId young, ObjId unreachable, GcState reachable_state) {
    ObjId prev = young;
    ObjId id = heap_.get(young).gc_next;
    while (id != young) {
        Object& o = heap_.at(id);
        if (o.gc_refs > 0) {
            // Reachable: so is everything it references in young, including objects already
            // moved to unreachable tentatively (they come back to the end of young).
            traverse(o, [&](ObjId r) {
                Object& t = heap_.at(r);
                if (t.gc_state != GcState::collecting) return;
                if (t.flags & object::kUnreachable) {
                    list_remove(r);
                    list_append(young, r);
                    heap_.at(r).flags &= static_cast<std::uint8_t>(~object::kUnreachable);
                    heap_.at(r).gc_refs = 1;
                } else if (t.gc_refs == 0) {
                    t.gc_refs = 1;
                }
            });
            heap_.at(id).gc_state = reachable_state;   // COLLECTING cleared
            prev = id;
        } else {
            list_remove(id);
            list_append(unreachable, id);
            heap_.at(id).flags |= object::kUnreachable;
        }
        id = heap_.get(prev).gc_next;
    }
}

// _PyTuple_MaybeUntrack / _PyDict_MaybeUntrack over a list: objects of `type` that hold
// nothing that may be tracked leave the collector.
void Collector::untrack_atomic(ObjId young, object::Type type) {
    for (ObjId id = heap_.get(young).gc_next; id != young;) {
        ObjId next = heap_.get(id).gc_next;
        const Object& o = heap_.get(id);
        if (o.type == type) {
            bool keep = false;
            for (ObjId r : o.refs) keep = keep || (r && heap_.may_be_tracked(r));
            if (!keep) heap_.untrack(id);
        }
        id = next;
    }
}

void Collector::handle_weakrefs(ObjId unreachable, ObjId old, std::vector<ObjId>& affected) {
    weakrefs_freed_ = 0;
    const ObjId to_call = kWeakrefCallbacksHead;
    for (ObjId id = heap_.get(unreachable).gc_next; id != unreachable; id = heap_.get(id).gc_next) {
        // A weakref that is itself garbage is cleared so its callback can never run.
        if (heap_.get(id).type == object::Type::weakref) heap_.detach_weakref(id);
        if (heap_.get(id).weakrefs.empty()) continue;
        for (ObjId wr : heap_.clear_weakrefs(id)) {
            affected.push_back(wr);
            const Object& w = heap_.get(wr);
            if (w.refs.empty() || !w.refs[0]) continue;       // no callback
            if (w.gc_state == GcState::collecting) continue;  // garbage too: no callback
            heap_.incref(wr);
            list_remove(wr);
            list_append(to_call, wr);
        }
    }
    while (!list_empty(to_call)) {
        ObjId wr = heap_.get(to_call).gc_next;
        const std::uint64_t serial = heap_.get(wr).serial;
        ObjId callback = heap_.get(wr).refs[0];
        heap_.incref(callback);
        if (heap_.hooks()) heap_.hooks()->weakref_callback(wr, callback);
        heap_.decref(callback);
        heap_.decref(wr);
        const Object& w = heap_.get(wr);
        if (w.live() && w.serial == serial && heap_.get(to_call).gc_next == wr) {
            list_remove(wr);
            list_append(old, wr);
        } else {
            ++weakrefs_freed_;
        }
    }
}

void Collector::finalize_garbage(ObjId unreachable, std::vector<ObjId>& affected) {
    // Each object is moved to `seen` before its finalizer runs, so finalizers that free other
    // objects of the set cannot make the walk skip or repeat one (PEP 442).
    while (!list_empty(unreachable)) {
        ObjId id = heap_.get(unreachable).gc_next;
        list_remove(id);
        list_append(kSeenHead, id);
        if (!heap_.has_finalizer(id) || (heap_.get(id).flags & object::kFinalized)) continue;
        affected.push_back(id);
        heap_.incref(id);
        heap_.run_finalizer(id);
        heap_.decref(id);
    }
    list_merge(kSeenHead, unreachable);
}

void Collector::handle_resurrected(ObjId unreachable, ObjId old, GcState old_state,
                                   std::vector<ObjId>& affected) {
    for (ObjId id = heap_.get(unreachable).gc_next; id != unreachable; id = heap_.get(id).gc_next)
        heap_.at(id).flags &= static_cast<std::uint8_t>(~object::kUnreachable);
    update_refs(unreachable);
    subtract_refs(unreachable);
    move_unreachable(unreachable, kResurrectHead, old_state);
    // What is left in `unreachable` was made reachable again by a finalizer.
    for (ObjId id : list_items(unreachable)) affected.push_back(id);
    list_merge(unreachable, old);
    list_merge(kResurrectHead, unreachable);
}

void Collector::delete_garbage(ObjId unreachable, ObjId old, GcState old_state,
                               std::vector<ObjId>& affected) {
    while (!list_empty(unreachable)) {
        ObjId id = heap_.get(unreachable).gc_next;
        const std::uint64_t serial = heap_.get(id).serial;
        affected.push_back(id);
        if (debug_ & kDebugSaveAll) {
            if (garbage_) heap_.list_append(garbage_, id);
        } else if (object::has_tp_clear(heap_.get(id).type)) {
            heap_.incref(id);
            heap_.clear_refs(id);
            heap_.decref(id);
        }
        const Object& o = heap_.get(id);
        if (o.live() && o.serial == serial && heap_.get(unreachable).gc_next == id) {
            // Still alive after tp_clear: it goes to the older generation.
            list_remove(id);
            list_append(old, id);
            Object& survivor = heap_.at(id);
            survivor.gc_state = old_state;
            survivor.flags &= static_cast<std::uint8_t>(~object::kUnreachable);
        }
    }
}

void Collector::report(GcPhase phase, int generation, ObjId young, ObjId unreachable,
                       std::vector<ObjId> affected, std::int64_t collected,
                       std::int64_t uncollectable) {
    if (!observer_) return;
    GcPhaseRecord record;
    record.phase = phase;
    record.generation = generation;
    record.collection = collection_serial_;
    record.automatic = automatic_;
    const bool lists = observer_->wants_object_lists();
    if (young && lists)
        for (ObjId id : list_items(young)) record.young.emplace_back(id, heap_.get(id).gc_refs);
    if (unreachable && lists) record.unreachable = list_items(unreachable);
    record.affected = std::move(affected);
    record.collected = collected;
    record.uncollectable = uncollectable;
    observer_->on_gc_phase(record);
}

// --- invariants --------------------------------------------------------------------------

void Collector::check_invariants() const {
    if (collecting_) return;   // lists are mid-flight during a collection
    std::size_t on_lists = 0;
    const ObjId heads[] = {kGenHead[0], kGenHead[1], kGenHead[2], kPermanentHead};
    const GcState states[] = {GcState::gen0, GcState::gen1, GcState::gen2, GcState::permanent};
    for (int i = 0; i < 4; ++i) {
        ObjId prev = heads[i];
        for (ObjId id = heap_.get(heads[i]).gc_next; id != heads[i]; id = heap_.get(id).gc_next) {
            const Object& o = heap_.get(id);
            REFSCOPE_CHECK(o.live(), "a dead object is on a generation list");
            REFSCOPE_CHECK(o.gc_prev == prev, "generation list: prev link out of step");
            REFSCOPE_CHECK(o.gc_state == states[i], "an object's generation does not match its list");
            REFSCOPE_CHECK(!(o.flags & object::kUnreachable), "unreachable flag outside a collection");
            REFSCOPE_CHECK(object::is_gc_type(o.type), "a non-GC object is on a generation list");
            prev = id;
            ++on_lists;
        }
        REFSCOPE_CHECK(heap_.get(heads[i]).gc_prev == prev, "generation list: tail out of step");
    }
    std::size_t tracked = 0;
    heap_.for_each_live([&](ObjId, const Object& o) { tracked += o.tracked() ? 1 : 0; });
    REFSCOPE_CHECK(tracked == on_lists, "generation lists do not partition the tracked objects");
    for (ObjId head : {kUnreachableHead, kResurrectHead, kWeakrefCallbacksHead, kSeenHead})
        REFSCOPE_CHECK(list_empty(head), "a collector scratch list is not empty");
    REFSCOPE_CHECK(count_[0] >= 0 && count_[1] >= 0 && count_[2] >= 0, "negative gc count");
}

}  // namespace refscope::gc
