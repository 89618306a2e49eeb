// gc/collector.hpp — CPython's cyclic garbage collector, 3.11 semantics (spec §13).
//
// Models Modules/gcmodule.c (3.10/3.11): three generations and a permanent one, each a
// doubly-linked list threaded through the objects' PyGC_Head (Object::gc_prev/gc_next);
// count[0] moved by GC allocations and deallocations; thresholds (700, 10, 10); the long-lived
// 25% rule; and one collection as observable phases.
//
// Glossary:
//   young        the generation being collected (younger ones merged into it)
//   old          where survivors go: generation g+1, or g itself for generation 2
//   gc_refs      during a collection: the references to an object from outside `young`
//   unreachable  objects no path from outside `young` reaches: cyclic garbage
//
// A collection of generation g, phase by phase (each reported to the observer with every
// object's gc_refs):
//   start            count[g+1] += 1; count[0..g] = 0; younger generations merged into g.
//   update_refs      gc_refs := refcnt for each object in young.
//   subtract_refs    for each reference from an object in young to one in young: gc_refs -= 1.
//   move_unreachable objects with gc_refs > 0 are reachable and so is everything they reach;
//                    the rest move to `unreachable` (tentatively, then for sure).
//   untrack_tuples   surviving tuples holding nothing trackable are untracked; survivors move
//                    to old (+ untrack_dicts for a full collection).
//   weakrefs         weakrefs to unreachable objects are cleared; callbacks of weakrefs that
//                    are not themselves garbage are called.
//   finalize         __del__ runs once per object (FINALIZED bit), PEP 442.
//   resurrect        reachability is recomputed on the unreachable set; objects a finalizer
//                    made reachable again move to old.
//   clear            tp_clear on each remaining unreachable object; deallocation follows.
//   done             free lists cleared (full collection); stats updated.
//
// Invariants (check_invariants):
//   1. The lists gen0, gen1, gen2 and permanent are well formed (prev/next agree, circular
//      through their head) and partition the tracked objects; each object's gc_state names
//      the list it is on.
//   2. Outside a collection no object is flagged unreachable and the scratch lists are empty.
//   3. count[0] >= 0 and counts of generations 1, 2 never exceed what the rules allow
//      (count[g] <= threshold[g] + 1 only while collections are disabled).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "object/object.hpp"

namespace refscope::object {
class Heap;
}

namespace refscope::gc {

using object::ObjId;

enum class GcPhase : std::uint8_t {
    start, update_refs, subtract_refs, move_unreachable, promote, weakrefs, finalize,
    resurrect, clear, done,
};
const char* phase_name(GcPhase phase);

// One phase of one collection as the front end shows it.
struct GcPhaseRecord {
    GcPhase phase;
    int generation = 0;
    std::uint64_t collection = 0;                        // 1, 2, ... since the heap was created
    std::vector<std::pair<ObjId, std::int64_t>> young;   // (object, gc_refs), list order
    std::vector<ObjId> unreachable;                      // list order
    std::vector<ObjId> affected;                         // finalized / cleared / resurrected /
                                                         // untracked in this phase
    std::int64_t collected = 0, uncollectable = 0;       // done only
    bool automatic = false;                              // started by an allocation (not collect())
};

class GcObserver {
public:
    virtual ~GcObserver() = default;
    virtual void on_gc_phase(const GcPhaseRecord& record) = 0;
    // False: the records may leave young / unreachable empty (an observer that only counts
    // collections spares the collector a copy of every list at every phase).
    virtual bool wants_object_lists() const { return true; }
};

struct GenerationStats {
    std::int64_t collections = 0, collected = 0, uncollectable = 0;
};

enum DebugFlag : std::uint32_t {
    kDebugStats = 1, kDebugCollectable = 2, kDebugUncollectable = 4, kDebugSaveAll = 32,
};

class Collector {
public:
    static constexpr int kGenerations = 3;

    explicit Collector(object::Heap& heap);
    // A copy of `other`'s state for `heap` (a copy of other's heap); no observer, no callbacks.
    // `other` must not be collecting.
    Collector(const Collector& other, object::Heap& heap);

    void set_observer(GcObserver* observer) { observer_ = observer; }
    // Who gets "start"/"stop" notifications (gc.callbacks); called with the generation and,
    // for stop, the numbers.
    struct Callbacks {
        virtual ~Callbacks() = default;
        virtual void on_collection(bool start, int generation, std::int64_t collected,
                                   std::int64_t uncollectable) = 0;
    };
    void set_callbacks(Callbacks* callbacks) { callbacks_ = callbacks; }

    // gc.collect(generation): returns collected + uncollectable. A collection already running
    // makes it return 0 (as CPython does).
    std::int64_t collect(int generation = 2);

    // The object layer reports GC allocations (before the new object exists: a collection may
    // run here, synchronously, as in 3.11) and GC deallocations.
    void on_gc_alloc();
    void on_gc_dealloc();

    // Tracking (PyObject_GC_Track / UnTrack): tracked objects join the tail of generation 0.
    void link(ObjId id);
    void unlink(ObjId id);

    // gc module surface
    bool enabled() const { return enabled_; }
    void set_enabled(bool on) { enabled_ = on; }
    std::array<std::int64_t, 3> count() const { return count_; }
    std::array<std::int64_t, 3> thresholds() const { return thresholds_; }
    void set_thresholds(std::int64_t t0, std::int64_t t1, std::int64_t t2);
    const std::array<GenerationStats, 3>& stats() const { return stats_; }
    std::uint32_t debug_flags() const { return debug_; }
    void set_debug_flags(std::uint32_t flags) { debug_ = flags; }
    void set_garbage_list(ObjId list) { garbage_ = list; }   // gc.garbage (a list object)
    void set_exception_pending(bool pending) { exception_pending_ = pending; }
    void set_stress(bool on) { stress_ = on; }               // collect on every GC allocation
    bool collecting() const { return collecting_; }
    void freeze();
    void unfreeze();
    std::size_t freeze_count() const { return list_length(kPermanentHead); }
    // gc.get_objects(generation): -1 for all generations.
    std::vector<ObjId> objects(int generation = -1) const;
    std::uint64_t collections_run() const { return collection_serial_; }
    std::int64_t long_lived_total() const { return long_lived_total_; }
    std::int64_t long_lived_pending() const { return long_lived_pending_; }
    // Objects the interpreter has in generation 2 that the model does not create (CPython's
    // own modules, types and functions: about 11,000 after a 3.11 start-up). They count in
    // long_lived_total, and so in the 25% rule, without being simulated.
    void set_long_lived_baseline(std::int64_t n) {
        long_lived_baseline_ = n;
        long_lived_total_ += n;
    }

    void check_invariants() const;

    // List heads are reserved object ids (see object.hpp); 7 and 8 are scratch lists too.
    static constexpr ObjId kGenHead[3] = {1, 2, 3};
    static constexpr ObjId kPermanentHead = 4;
    static constexpr ObjId kUnreachableHead = 5;
    static constexpr ObjId kResurrectHead = 6;
    static ObjId head_of(object::GcState state);

private:
    void collect_generations();
    std::int64_t collect_with_callback(int generation);
    std::int64_t collect_generation(int generation, std::int64_t& uncollectable);

    // list primitives over the objects' gc_prev/gc_next
    void list_init(ObjId head);
    bool list_empty(ObjId head) const;
    void list_append(ObjId head, ObjId id);
    void list_remove(ObjId id);
    void list_merge(ObjId from, ObjId to);          // append `from` to `to`, leave `from` empty
    std::size_t list_length(ObjId head) const;
    std::vector<ObjId> list_items(ObjId head) const;
    void set_state(ObjId head, object::GcState state);

    // phases
    void update_refs(ObjId young);
    void subtract_refs(ObjId young);
    void move_unreachable(ObjId young, ObjId unreachable, object::GcState reachable_state);
    void untrack_atomic(ObjId young, object::Type type);
    void handle_weakrefs(ObjId unreachable, ObjId old, std::vector<ObjId>& affected);
    void finalize_garbage(ObjId unreachable, std::vector<ObjId>& affected);
    void handle_resurrected(ObjId unreachable, ObjId old, object::GcState old_state,
                            std::vector<ObjId>& affected);
    void delete_garbage(ObjId unreachable, ObjId old, object::GcState old_state,
                        std::vector<ObjId>& affected);
    void report(GcPhase phase, int generation, ObjId young, ObjId unreachable,
                std::vector<ObjId> affected = {}, std::int64_t collected = 0,
                std::int64_t uncollectable = 0);

    object::Heap& heap_;
    GcObserver* observer_ = nullptr;
    Callbacks* callbacks_ = nullptr;
    std::array<std::int64_t, 3> count_{0, 0, 0};
    std::array<std::int64_t, 3> thresholds_;
    std::array<GenerationStats, 3> stats_{};
    std::int64_t long_lived_total_ = 0;
    std::int64_t long_lived_pending_ = 0;
    std::int64_t long_lived_baseline_ = 0;
    std::uint64_t collection_serial_ = 0;
    std::uint64_t weakrefs_freed_ = 0;       // by the last handle_weakrefs (counted collected)
    std::uint32_t debug_ = 0;
    ObjId garbage_ = object::kNull;
    bool enabled_ = true;
    bool collecting_ = false;
    bool exception_pending_ = false;
    bool stress_ = false;
    bool automatic_ = false;                 // the running collection came from on_gc_alloc
};

}  // namespace refscope::gc
