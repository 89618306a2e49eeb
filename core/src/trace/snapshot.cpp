// trace/snapshot.cpp — see snapshot.hpp.
//
// Speed matters here: a viewer waits on a State at every step, and a State lists up to
// kMaxListedObjects objects. So the builder marks objects in arrays indexed by ObjId (not
// hash sets), computes each listed object's labelled referents once, and writes the JSON text
// directly (json_writer.hpp).
#include "trace/snapshot.hpp"

#include <algorithm>

#include "lang/vm/frame.hpp"
#include "lang/vm/interp.hpp"
#include "trace/alloc_json.hpp"
#include "trace/json_writer.hpp"
#include "trace/object_view.hpp"
#include "trace/run_tracker.hpp"

namespace refscope::trace {

using object::ObjId;
using object::Type;

namespace {

struct NamedRef {
    std::string name;
    ObjId id;
};

struct FrameRow {
    const lang::Frame* frame;
    std::uint32_t id;
    ObjId shown_dict = object::kNull;   // f_locals whose entries are shown as the frame's locals
    std::vector<NamedRef> locals{}, cells{};
};

// One entry of an object's referrers: a holder and how many references it holds.
struct Referrer {
    enum class Kind { name, stack, cell, constant, object, other } kind;
    std::uint32_t frame = 0;            // name, stack
    std::uint64_t object = 0;           // cell, object: the holder's id
    std::string label{}, note{};        // name: the name; object: the edge; constant, other: note
    std::int64_t count = 1;

    bool same_holder(const Referrer& r) const {
        return kind == r.kind && frame == r.frame && object == r.object && label == r.label && note == r.note;
    }
};

const char* kind_name(Referrer::Kind k) {
    switch (k) {
        case Referrer::Kind::name: return "name";
        case Referrer::Kind::stack: return "stack";
        case Referrer::Kind::cell: return "cell";
        case Referrer::Kind::constant: return "constant";
        case Referrer::Kind::object: return "object";
        case Referrer::Kind::other: return "other";
    }
    return "other";
}

class StateBuilder {
public:
    StateBuilder(RunTracker& t, const SnapshotPoint& p)
        : t_(t), vm_(*t.vm()), h_(vm_.heap()), p_(p), slot_(h_.table_size(), 0), mark_(h_.table_size(), 0) {}

    std::string build() {
        t_.ensure_startup_globals();
        collect_frames();
        list_objects();
        frame_referrers();
        JsonWriter w;
        w.reserve(4096 + order_.size() * 320);
        w.begin_object();
        w.key("step").value(p_.step);
        w.key("instr").value(p_.instr);
        w.key("instructions").value(p_.instructions);
        w.key("line").value(p_.line);
        w.key("instruction");
        write_instruction(w);
        w.key("frames");
        write_frames(w);
        w.key("objects");
        write_objects(w);
        w.key("omitted").value(omitted_);
        const auto& gc = h_.gc();
        w.key("gc").begin_object();
        w.key("count");
        write_numbers(w, gc.count());
        w.key("threshold");
        write_numbers(w, gc.thresholds());
        w.key("enabled").value(gc.enabled());
        w.key("collections").value(gc.collections_run());
        w.end_object();
        w.key("allocator");
        write_allocator(w);
        w.end_object();
        return w.take();
    }

private:
    // Per ObjId: mark_ bits, and slot_ = 1 + the object's index in order_ (0: not listed).
    static constexpr std::uint8_t kUnreachable = 1, kOmitted = 2, kReached = 4;
    static constexpr std::uint8_t kShownDict = 8;   // a frame shows its entries as names

    std::uint64_t oid(ObjId id) const { return h_.get(id).serial; }
    bool listed(ObjId id) const { return slot_[id] != 0; }
    const std::string& name_of_key(ObjId key, std::string& scratch) const {
        if (h_.get(key).type == Type::str) return h_.get(key).text;
        return scratch = summary(vm_, key);
    }

    template <class Numbers> static void write_numbers(JsonWriter& w, const Numbers& numbers) {
        w.begin_array();
        for (auto n : numbers) w.value(n);
        w.end_array();
    }

    bool show_global(const FrameRow& r, ObjId key) const {
        if (h_.get(key).type != Type::str) return true;
        if (r.shown_dict != vm_.main_dict()) return true;
        return !t_.is_startup_global(h_.get(key).text);
    }

    // The frames, outermost first, with what they reference; their references are the roots.
    void collect_frames() {
        if (p_.final) return;
        for (const lang::Frame* f = vm_.current_frame(); f; f = f->previous) {
            FrameRow row{f, t_.frame_id(f)};
            if (f->locals) {
                row.shown_dict = f->locals;
                mark_[f->locals] |= kShownDict;
            }
            frames_.push_back(std::move(row));
        }
        std::reverse(frames_.begin(), frames_.end());
        for (FrameRow& r : frames_) {
            const lang::Frame& f = *r.frame;
            const auto& names = f.code->localsplus;
            for (std::size_t k = 0; k < f.fast.size() && k < names.size(); ++k) {
                const ObjId v = f.fast[k];
                if (!v) continue;
                roots_.push_back(v);
                const bool cell_kind = f.code->localkinds[k] & (lang::kFastCell | lang::kFastFree);
                (cell_kind && h_.get(v).type == Type::cell ? r.cells : r.locals).push_back({names[k], v});
            }
            if (r.shown_dict) {
                const object::Object& d = h_.get(r.shown_dict);
                if (!d.dict.split_class) {
                    std::string scratch;
                    for (std::size_t k = 0; k + 1 < d.refs.size(); k += 2) {
                        const ObjId key = d.refs[k], v = d.refs[k + 1];
                        if (!key || !v || !show_global(r, key)) continue;
                        roots_.push_back(v);
                        r.locals.push_back({name_of_key(key, scratch), v});
                    }
                }
            }
            for (ObjId v : f.stack)
                if (v) roots_.push_back(v);
        }
    }

    // Lists an object (once) and queues it to be explored when it is a program object. Past
    // kMaxListedObjects only roots (frames' references) are listed; the rest is counted.
    void add(ObjId id, std::vector<ObjId>& queue, bool root = false) {
        if (!id || listed(id)) return;
        if (!root && order_.size() >= kMaxListedObjects) {
            mark_[id] |= kOmitted;
            return;
        }
        order_.push_back(id);
        slot_[id] = static_cast<std::uint32_t>(order_.size());
        if (t_.is_program_object(id) && h_.get(id).type != Type::code) queue.push_back(id);
    }

    // Breadth first, so that a cut keeps what is nearest to the frames.
    void explore(std::vector<ObjId>& queue) {
        for (std::size_t next = 0; next < queue.size(); ++next)
            for (ObjId r : h_.get(queue[next]).refs) add(r, queue);
        queue.clear();
    }

    void list_objects() {
        std::vector<ObjId> queue;
        for (ObjId r : roots_) add(r, queue, true);
        explore(queue);
        // Reachability from what the interpreter holds: objects with host references or
        // references the model cannot see, and static objects.
        std::vector<ObjId> work;
        h_.for_each_live([&](ObjId id, const object::Object& o) {
            if (o.external > 0 || o.base > 0 || o.is_static()) {
                mark_[id] |= kReached;
                work.push_back(id);
            }
        });
        while (!work.empty()) {
            const ObjId id = work.back();
            work.pop_back();
            for (ObjId r : h_.get(id).refs) {
                if (r && !(mark_[r] & kReached)) {
                    mark_[r] |= kReached;
                    work.push_back(r);
                }
            }
        }
        h_.for_each_live([&](ObjId id, const object::Object& o) {
            if (o.type == Type::gc_list_head || (mark_[id] & kReached) || !t_.is_program_object(id)) return;
            mark_[id] |= kUnreachable;
            add(id, queue);
        });
        explore(queue);
        for (ObjId id = 0; id < mark_.size(); ++id)
            if ((mark_[id] & kOmitted) && !listed(id)) ++omitted_;
        // Each listed object's labelled referents, once: its "referents", and the labels of
        // the referrers it makes.
        labels_.reserve(order_.size());
        for (ObjId id : order_) labels_.push_back(referents(vm_, id));
        referrers_.resize(order_.size());
        // Referrers: one pass over every live object's references.
        h_.for_each_live([&](ObjId owner, const object::Object& o) {
            for (ObjId r : o.refs) {
                if (r && listed(r)) {
                    held_by(owner, o);
                    return;
                }
            }
        });
    }

    void bump(ObjId target, Referrer r) {
        auto& list = referrers_[slot_[target] - 1];
        for (Referrer& e : list) {
            if (e.same_holder(r)) {
                e.count += r.count;
                return;
            }
        }
        list.push_back(std::move(r));
    }

    void held_by(ObjId owner, const object::Object& o) {
        const bool is_listed = listed(owner);
        const auto* labelled = is_listed ? &labels_[slot_[owner] - 1] : nullptr;
        // A dict whose entries a frame shows as its names.
        const FrameRow* shown = nullptr;
        if (mark_[owner] & kShownDict) {
            shown = &*std::find_if(frames_.begin(), frames_.end(),
                                   [&](const FrameRow& r) { return r.shown_dict == owner; });
        }
        std::size_t li = 0;
        std::string scratch;
        for (std::size_t k = 0; k < o.refs.size(); ++k) {
            const ObjId r = o.refs[k];
            if (!r) continue;
            const std::string* label = labelled && li < labelled->size() ? &(*labelled)[li++].first : nullptr;
            if (!listed(r)) continue;
            Referrer ref{Referrer::Kind::other};
            if (shown && k % 2 == 1 && shows_value(*shown, o, k)) {
                ref.kind = Referrer::Kind::name;
                ref.frame = shown->id;
                ref.label = name_of_key(o.refs[k - 1], scratch);
            } else if (o.type == Type::cell) {
                ref.kind = Referrer::Kind::cell;
                ref.object = oid(owner);
            } else if (o.type == Type::code) {
                ref.kind = Referrer::Kind::constant;
                auto* info = dynamic_cast<const lang::CodeInfo*>(o.payload.get());
                ref.note = "constant of <code " + (info && info->code ? info->code->name : std::string("?")) + ">";
            } else if (is_listed) {
                ref.kind = Referrer::Kind::object;
                ref.object = oid(owner);
                if (label) ref.label = *label;
            } else {
                ref.note = python_type_name(vm_, owner);
            }
            bump(r, std::move(ref));
        }
    }

    // Whether entry value k of `dict` is one of the names frame row `r` shows (collect_frames).
    bool shows_value(const FrameRow& r, const object::Object& dict, std::size_t k) const {
        if (dict.dict.split_class) return false;
        const ObjId key = dict.refs[k - 1];
        return key && dict.refs[k] && show_global(r, key);
    }

    void frame_referrers() {
        for (const FrameRow& r : frames_) {
            const lang::Frame& f = *r.frame;
            for (std::size_t k = 0; k < f.fast.size() && k < f.code->localsplus.size(); ++k) {
                if (!f.fast[k]) continue;
                Referrer ref{Referrer::Kind::name};
                ref.frame = r.id;
                ref.label = f.code->localsplus[k];
                bump(f.fast[k], std::move(ref));
            }
            for (ObjId v : f.stack) {
                if (!v) continue;
                Referrer ref{Referrer::Kind::stack};
                ref.frame = r.id;
                bump(v, std::move(ref));
            }
        }
    }

    void write_frames(JsonWriter& w) const {
        w.begin_array();
        for (std::size_t i = 0; i < frames_.size(); ++i) {
            const FrameRow& r = frames_[i];
            const lang::Frame& f = *r.frame;
            const bool top = i + 1 == frames_.size();
            w.begin_object();
            w.key("id").value(r.id);
            w.key("name").value(f.code->name);
            w.key("line").value(top && p_.line ? p_.line : f.line());
            w.key("locals").begin_array();
            for (const NamedRef& n : r.locals) {
                w.begin_object().key("name").value(n.name).key("object").value(oid(n.id)).end_object();
            }
            w.end_array();
            w.key("cells").begin_array();
            for (const NamedRef& n : r.cells) {
                w.begin_object().key("name").value(n.name).key("cell").value(oid(n.id)).end_object();
            }
            w.end_array();
            w.key("stack").begin_array();
            for (ObjId v : f.stack)
                if (v) w.value(oid(v));
            w.end_array();
            w.end_object();
        }
        w.end_array();
    }

    void write_referrers(JsonWriter& w, std::size_t index, ObjId id) const {
        w.begin_array();
        std::int64_t sum = 0;
        for (const Referrer& r : referrers_[index]) {
            w.begin_object();
            w.key("kind").value(kind_name(r.kind));
            w.key("count").value(r.count);
            switch (r.kind) {
                case Referrer::Kind::name: w.key("frame").value(r.frame).key("name").value(r.label); break;
                case Referrer::Kind::stack: w.key("frame").value(r.frame); break;
                case Referrer::Kind::cell: w.key("object").value(r.object); break;
                case Referrer::Kind::object: w.key("object").value(r.object).key("label").value(r.label); break;
                case Referrer::Kind::constant:
                case Referrer::Kind::other: break;
            }
            if (!r.note.empty()) w.key("note").value(r.note);
            w.end_object();
            sum += r.count;
        }
        const object::Object& o = h_.get(id);
        if (const std::int64_t rest = o.refcnt - sum; rest != 0) {
            w.begin_object();
            w.key("kind").value("other");
            w.key("count").value(rest);
            w.key("note").value(o.is_static() ? "statically allocated (immortal count)" : "the interpreter");
            w.end_object();
        }
        w.end_array();
    }

    static const char* gc_name(const object::Object& o) {
        if (o.is_static()) return "static";
        switch (o.gc_state) {
            case object::GcState::untracked: return "untracked";
            case object::GcState::gen0: return "0";
            case object::GcState::gen1: return "1";
            case object::GcState::gen2: return "2";
            case object::GcState::permanent: return "permanent";
            case object::GcState::collecting: return "collecting";
        }
        return "untracked";
    }

    void write_marks(JsonWriter& w, ObjId id, const object::Object& o) const {
        w.begin_array();
        if (o.type == Type::int_type && !o.payload && !t_.is_program_object(id) && o.ival >= -5 && o.ival <= 256)
            w.value("small_int");
        if (o.flags & object::kInterned) w.value("interned");
        if (o.is_static()) w.value("immortal");
        if (o.flags & object::kFinalized) w.value("finalized");
        if (mark_[id] & kUnreachable) w.value("unreachable");
        w.end_array();
    }

    void write_pool(JsonWriter& w, const object::Object& o) const {
        const alloc::Allocator& a = h_.allocator();
        if (!o.addr || o.is_static() || !a.is_pymalloc(o.addr)) {
            w.null();
            return;
        }
        const alloc::PoolView p = a.pool_of(o.addr);
        if (!p.block_size) {
            w.null();
            return;
        }
        const std::uint32_t overhead = a.profile().alloc.pool_overhead;
        w.begin_object();
        w.key("arena").value(p.arena);
        w.key("pool").value(p.index);
        w.key("szidx").value(p.szidx);
        w.key("block").value((o.addr - p.address - overhead) / p.block_size);
        w.end_object();
    }

    void write_objects(JsonWriter& w) const {
        w.begin_array();
        for (std::size_t i = 0; i < order_.size(); ++i) {
            const ObjId id = order_[i];
            const object::Object& o = h_.get(id);
            w.begin_object();
            w.key("id").value(o.serial);
            w.key("address").value(api::hex_address(h_.id_of(id)));
            w.key("type").value(python_type_name(vm_, id));
            w.key("summary").value(summary(vm_, id));
            w.key("size").value(h_.getsizeof(id));
            w.key("refcount").value(o.refcnt);
            w.key("referrers");
            write_referrers(w, i, id);
            w.key("referents").begin_array();
            for (const auto& [label, target] : labels_[i])
                if (listed(target)) w.begin_object().key("label").value(label).key("object").value(oid(target)).end_object();
            w.end_array();
            w.key("gc").value(gc_name(o));
            w.key("marks");
            write_marks(w, id, o);
            w.key("pool");
            write_pool(w, o);
            w.end_object();
        }
        w.end_array();
    }

    void write_instruction(JsonWriter& w) const {
        if (!p_.next || frames_.empty()) {
            w.null();
            return;
        }
        const lang::Frame& f = *frames_.back().frame;
        const lang::Instr& in = *p_.next;
        const std::uint32_t index = static_cast<std::uint32_t>(p_.next - f.code->code.data());
        w.begin_object();
        w.key("offset").value(index * 2);
        w.key("opname").value(lang::op_name(in.op));
        w.key("arg");
        if (!lang::has_arg(in.op)) {
            w.null();
            w.end_object();
            return;
        }
        const auto& c = *f.code;
        auto pick = [&](const std::vector<std::string>& v, std::uint32_t i) {
            if (i < v.size()) w.value(v[i]);
            else w.value(i);
        };
        switch (in.op) {
            case lang::Op::LOAD_FAST: case lang::Op::STORE_FAST: case lang::Op::DELETE_FAST:
            case lang::Op::LOAD_CLOSURE: case lang::Op::LOAD_DEREF: case lang::Op::STORE_DEREF:
            case lang::Op::DELETE_DEREF: case lang::Op::MAKE_CELL: case lang::Op::LOAD_CLASSDEREF:
                pick(c.localsplus, in.arg);
                break;
            case lang::Op::LOAD_NAME: case lang::Op::STORE_NAME: case lang::Op::DELETE_NAME:
            case lang::Op::LOAD_ATTR: case lang::Op::STORE_ATTR: case lang::Op::DELETE_ATTR:
            case lang::Op::LOAD_METHOD: case lang::Op::IMPORT_NAME: case lang::Op::IMPORT_FROM:
            case lang::Op::STORE_GLOBAL: case lang::Op::DELETE_GLOBAL:
                pick(c.names, in.arg);
                break;
            case lang::Op::LOAD_GLOBAL: pick(c.names, in.arg >> 1); break;
            case lang::Op::LOAD_CONST:
                if (f.info && in.arg < f.info->consts.size()) w.value(summary(vm_, f.info->consts[in.arg]));
                else w.value(in.arg);
                break;
            default: w.value(in.arg); break;
        }
        w.end_object();
    }

    void write_allocator(JsonWriter& w) const {
        const alloc::Allocator& a = h_.allocator();
        w.begin_object();
        w.key("arenas");
        api::write_arenas(w, a);
        w.key("usable_arenas");
        write_numbers(w, a.usable_arenas());
        w.key("usedpools");
        api::write_usedpools(w, a);
        w.key("raw").begin_array();
        for (const auto& [addr, size] : t_.raw_chunks())
            w.begin_object().key("address").value(api::hex_address(addr)).key("size").value(size).end_object();
        w.end_array();
        w.key("stats");
        api::write_allocator_stats(w, a.stats());
        w.key("debugmallocstats").value(h_.debug_malloc_stats());
        w.end_object();
    }

    RunTracker& t_;
    lang::Interp& vm_;
    object::Heap& h_;
    const SnapshotPoint& p_;
    std::vector<FrameRow> frames_;
    std::vector<ObjId> roots_;
    std::vector<ObjId> order_;                    // the listed objects, in listing order
    std::vector<std::uint32_t> slot_;             // per ObjId, see kUnreachable
    std::vector<std::uint8_t> mark_;
    std::size_t omitted_ = 0;
    std::vector<std::vector<std::pair<std::string, ObjId>>> labels_;   // per listed object
    std::vector<std::vector<Referrer>> referrers_;                    // per listed object
};

}  // namespace

std::string build_state(RunTracker& tracker, const SnapshotPoint& point) {
    return StateBuilder(tracker, point).build();
}

}  // namespace refscope::trace
