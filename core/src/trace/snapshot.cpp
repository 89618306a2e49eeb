// trace/snapshot.cpp — see snapshot.hpp.
#include "trace/snapshot.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "lang/vm/frame.hpp"
#include "lang/vm/interp.hpp"
#include "trace/alloc_json.hpp"
#include "trace/object_view.hpp"
#include "trace/run_tracker.hpp"

namespace refscope::trace {

using nlohmann::json;
using object::ObjId;
using object::Type;

namespace {

struct FrameRow {
    const lang::Frame* frame;
    std::uint32_t id;
    ObjId shown_dict = object::kNull;   // f_locals whose entries are shown as the frame's locals
};

class StateBuilder {
public:
    StateBuilder(RunTracker& t, const SnapshotPoint& p) : t_(t), vm_(*t.vm()), h_(vm_.heap()), p_(p) {}

    json build() {
        t_.ensure_startup_globals();
        collect_frames();
        json frames = frames_json();
        list_objects();
        json objects = objects_json();
        const auto& gc = h_.gc();
        json out = {
            {"step", p_.step}, {"instr", p_.instr}, {"instructions", p_.instructions},
            {"line", p_.line}, {"instruction", instruction_json()},
            {"frames", std::move(frames)}, {"objects", std::move(objects)},
            {"omitted", omitted_.size()},
            {"gc", {{"count", gc.count()}, {"threshold", gc.thresholds()}, {"enabled", gc.enabled()},
                    {"collections", gc.collections_run()}}},
            {"allocator", allocator_json()},
        };
        return out;
    }

private:
    std::uint64_t oid(ObjId id) const { return h_.get(id).serial; }

    void collect_frames() {
        if (p_.final) return;
        for (const lang::Frame* f = vm_.current_frame(); f; f = f->previous) {
            FrameRow row{f, t_.frame_id(f)};
            if (f->locals) row.shown_dict = f->locals;
            frames_.push_back(row);
        }
        std::reverse(frames_.begin(), frames_.end());
        for (const FrameRow& r : frames_)
            if (r.shown_dict) shown_dicts_.emplace(r.shown_dict, r.id);
    }

    bool show_global(const FrameRow& r, ObjId key) const {
        if (h_.get(key).type != Type::str) return true;
        if (r.shown_dict != vm_.main_dict()) return true;
        return !t_.is_startup_global(h_.get(key).text);
    }

    json frames_json() {
        json out = json::array();
        for (std::size_t i = 0; i < frames_.size(); ++i) {
            const FrameRow& r = frames_[i];
            const lang::Frame& f = *r.frame;
            json locals = json::array(), cells = json::array(), stack = json::array();
            const auto& names = f.code->localsplus;
            for (std::size_t k = 0; k < f.fast.size() && k < names.size(); ++k) {
                const ObjId v = f.fast[k];
                if (!v) continue;
                roots_.push_back(v);
                const bool cell_kind = f.code->localkinds[k] & (lang::kFastCell | lang::kFastFree);
                if (cell_kind && h_.get(v).type == Type::cell) {
                    cells.push_back({{"name", names[k]}, {"cell", oid(v)}});
                } else {
                    locals.push_back({{"name", names[k]}, {"object", oid(v)}});
                }
            }
            if (r.shown_dict) {
                const object::Object& d = h_.get(r.shown_dict);
                if (!d.dict.split_class) {
                    for (std::size_t k = 0; k + 1 < d.refs.size(); k += 2) {
                        const ObjId key = d.refs[k], v = d.refs[k + 1];
                        if (!key || !v || !show_global(r, key)) continue;
                        roots_.push_back(v);
                        shown_values_.insert({r.shown_dict, k + 1});
                        locals.push_back({{"name", h_.get(key).type == Type::str ? h_.get(key).text : summary(vm_, key)},
                                          {"object", oid(v)}});
                    }
                }
            }
            for (ObjId v : f.stack) {
                if (!v) continue;
                roots_.push_back(v);
                stack.push_back(oid(v));
            }
            const bool top = i + 1 == frames_.size();
            out.push_back({{"id", r.id}, {"name", f.code->name},
                           {"line", top && p_.line ? p_.line : f.line()},
                           {"locals", std::move(locals)}, {"cells", std::move(cells)},
                           {"stack", std::move(stack)}});
        }
        return out;
    }

    // Lists an object (once) and queues it to be explored when it is a program object. Past
    // kMaxListedObjects only roots (frames' references) are listed; the rest is counted.
    void add(ObjId id, std::vector<ObjId>& queue, bool root = false) {
        if (!id || listed_.count(id)) return;
        if (!root && order_.size() >= kMaxListedObjects) {
            omitted_.insert(id);
            return;
        }
        listed_.insert(id);
        order_.push_back(id);
        const object::Object& o = h_.get(id);
        if (t_.is_program_object(id) && o.type != Type::code) queue.push_back(id);
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
        std::unordered_set<ObjId> reached;
        h_.for_each_live([&](ObjId id, const object::Object& o) {
            if (o.external > 0 || o.base > 0 || o.is_static()) {
                reached.insert(id);
                work.push_back(id);
            }
        });
        while (!work.empty()) {
            ObjId id = work.back();
            work.pop_back();
            for (ObjId r : h_.get(id).refs)
                if (r && reached.insert(r).second) work.push_back(r);
        }
        h_.for_each_live([&](ObjId id, const object::Object& o) {
            if (o.type == Type::gc_list_head || reached.count(id) || !t_.is_program_object(id)) return;
            unreachable_.insert(id);
            add(id, queue);
        });
        explore(queue);
        std::erase_if(omitted_, [&](ObjId id) { return listed_.count(id) != 0; });
        // Referrers: one pass over every live object's references.
        h_.for_each_live([&](ObjId owner, const object::Object& o) {
            bool any = false;
            for (ObjId r : o.refs)
                if (r && listed_.count(r)) { any = true; break; }
            if (!any) return;
            held_by(owner);
        });
    }

    struct Referrer {
        std::string kind, label, note;
        std::uint64_t object = 0;
        std::uint32_t frame = 0;
        std::int64_t count = 0;
        bool has_object = false;
    };

    void bump(ObjId target, Referrer r) {
        auto& list = referrers_[target];
        for (Referrer& e : list) {
            if (e.kind == r.kind && e.label == r.label && e.note == r.note && e.object == r.object &&
                e.frame == r.frame) {
                e.count += r.count;
                return;
            }
        }
        list.push_back(std::move(r));
    }

    void held_by(ObjId owner) {
        const object::Object& o = h_.get(owner);
        auto shown = shown_dicts_.find(owner);
        const bool is_listed = listed_.count(owner) != 0;
        std::vector<std::pair<std::string, ObjId>> labelled;
        if (is_listed) labelled = referents(vm_, owner);
        std::size_t li = 0;
        for (std::size_t k = 0; k < o.refs.size(); ++k) {
            const ObjId r = o.refs[k];
            if (!r) continue;
            std::string label;
            if (is_listed && li < labelled.size()) label = labelled[li++].first;
            if (!listed_.count(r)) continue;
            Referrer ref;
            ref.count = 1;
            if (shown != shown_dicts_.end() && shown_values_.count({owner, k})) {
                ref.kind = "name";
                ref.frame = shown->second;
                const ObjId key = o.refs[k - 1];
                ref.label = h_.get(key).type == Type::str ? h_.get(key).text : summary(vm_, key);
            } else if (o.type == Type::cell) {
                ref.kind = "cell";
                ref.object = oid(owner);
                ref.has_object = true;
            } else if (o.type == Type::code) {
                ref.kind = "constant";
                auto* info = dynamic_cast<const lang::CodeInfo*>(o.payload.get());
                ref.note = "constant of <code " + (info && info->code ? info->code->name : std::string("?")) + ">";
            } else if (is_listed) {
                ref.kind = "object";
                ref.object = oid(owner);
                ref.has_object = true;
                ref.label = label;
            } else {
                ref.kind = "other";
                ref.note = python_type_name(vm_, owner);
            }
            bump(r, std::move(ref));
        }
    }

    void frame_referrers() {
        for (const FrameRow& r : frames_) {
            const lang::Frame& f = *r.frame;
            for (std::size_t k = 0; k < f.fast.size() && k < f.code->localsplus.size(); ++k) {
                if (!f.fast[k]) continue;
                Referrer ref;
                ref.kind = "name";
                ref.frame = r.id;
                ref.label = f.code->localsplus[k];
                ref.count = 1;
                bump(f.fast[k], std::move(ref));
            }
            for (ObjId v : f.stack) {
                if (!v) continue;
                Referrer ref;
                ref.kind = "stack";
                ref.frame = r.id;
                ref.count = 1;
                bump(v, std::move(ref));
            }
        }
    }

    json referrers_json(ObjId id) {
        json out = json::array();
        std::int64_t sum = 0;
        for (const Referrer& r : referrers_[id]) {
            json e = {{"kind", r.kind}, {"count", r.count}};
            if (r.kind == "name") {
                e["frame"] = r.frame;
                e["name"] = r.label;
            } else if (r.kind == "stack") {
                e["frame"] = r.frame;
            } else if (r.has_object) {
                e["object"] = r.object;
                if (r.kind == "object") e["label"] = r.label;
            }
            if (!r.note.empty()) e["note"] = r.note;
            sum += r.count;
            out.push_back(std::move(e));
        }
        const std::int64_t rest = h_.get(id).refcnt - sum;
        if (rest != 0) {
            out.push_back({{"kind", "other"}, {"count", rest},
                           {"note", h_.get(id).is_static() ? "statically allocated (immortal count)"
                                                           : "the interpreter"}});
        }
        return out;
    }

    json gc_json(const object::Object& o) const {
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

    json marks_json(ObjId id, const object::Object& o) const {
        json marks = json::array();
        const auto& prof = h_.profile();
        (void)prof;
        if (o.type == Type::int_type && !o.payload && !t_.is_program_object(id) && o.ival >= -5 && o.ival <= 256)
            marks.push_back("small_int");
        if (o.flags & object::kInterned) marks.push_back("interned");
        if (o.is_static()) marks.push_back("immortal");
        if (o.flags & object::kFinalized) marks.push_back("finalized");
        if (unreachable_.count(id)) marks.push_back("unreachable");
        return marks;
    }

    json pool_json(const object::Object& o) const {
        const alloc::Allocator& a = h_.allocator();
        if (!o.addr || o.is_static() || !a.is_pymalloc(o.addr)) return nullptr;
        const alloc::PoolView p = a.pool_of(o.addr);
        if (!p.block_size) return nullptr;
        const std::uint32_t overhead = a.profile().alloc.pool_overhead;
        return {{"arena", p.arena}, {"pool", p.index}, {"szidx", p.szidx},
                {"block", (o.addr - p.address - overhead) / p.block_size}};
    }

    json objects_json() {
        frame_referrers();
        json out = json::array();
        for (ObjId id : order_) {
            const object::Object& o = h_.get(id);
            json refs = json::array();
            for (auto& [label, target] : referents(vm_, id))
                if (listed_.count(target)) refs.push_back({{"label", label}, {"object", oid(target)}});
            out.push_back({{"id", oid(id)}, {"address", api::hex_address(h_.id_of(id))},
                           {"type", python_type_name(vm_, id)}, {"summary", summary(vm_, id)},
                           {"size", h_.getsizeof(id)}, {"refcount", o.refcnt},
                           {"referrers", referrers_json(id)}, {"referents", std::move(refs)},
                           {"gc", gc_json(o)}, {"marks", marks_json(id, o)}, {"pool", pool_json(o)}});
        }
        return out;
    }

    json instruction_json() const {
        if (!p_.next || frames_.empty()) return nullptr;
        const lang::Frame& f = *frames_.back().frame;
        const lang::Instr& in = *p_.next;
        json arg = nullptr;
        if (lang::has_arg(in.op)) {
            const auto& c = *f.code;
            auto pick = [](const std::vector<std::string>& v, std::uint32_t i) {
                return i < v.size() ? json(v[i]) : json(i);
            };
            switch (in.op) {
                case lang::Op::LOAD_FAST: case lang::Op::STORE_FAST: case lang::Op::DELETE_FAST:
                case lang::Op::LOAD_CLOSURE: case lang::Op::LOAD_DEREF: case lang::Op::STORE_DEREF:
                case lang::Op::DELETE_DEREF: case lang::Op::MAKE_CELL: case lang::Op::LOAD_CLASSDEREF:
                    arg = pick(c.localsplus, in.arg);
                    break;
                case lang::Op::LOAD_NAME: case lang::Op::STORE_NAME: case lang::Op::DELETE_NAME:
                case lang::Op::LOAD_ATTR: case lang::Op::STORE_ATTR: case lang::Op::DELETE_ATTR:
                case lang::Op::LOAD_METHOD: case lang::Op::IMPORT_NAME: case lang::Op::IMPORT_FROM:
                case lang::Op::STORE_GLOBAL: case lang::Op::DELETE_GLOBAL:
                    arg = pick(c.names, in.arg);
                    break;
                case lang::Op::LOAD_GLOBAL: arg = pick(c.names, in.arg >> 1); break;
                case lang::Op::LOAD_CONST:
                    arg = f.info && in.arg < f.info->consts.size() ? json(summary(vm_, f.info->consts[in.arg]))
                                                                   : json(in.arg);
                    break;
                default: arg = in.arg; break;
            }
        }
        const std::uint32_t index = static_cast<std::uint32_t>(p_.next - f.code->code.data());
        return {{"offset", index * 2}, {"opname", lang::op_name(in.op)}, {"arg", std::move(arg)}};
    }

    json allocator_json() const {
        const alloc::Allocator& a = h_.allocator();
        json raw = json::array();
        for (const auto& [addr, size] : t_.raw_chunks())
            raw.push_back({{"address", api::hex_address(addr)}, {"size", size}});
        return {{"arenas", api::arenas_json(a)}, {"usable_arenas", a.usable_arenas()},
                {"usedpools", api::usedpools_json(a)}, {"raw", std::move(raw)},
                {"stats", api::allocator_stats_json(a.stats())},
                {"debugmallocstats", h_.debug_malloc_stats()}};
    }

    struct PairHash {
        std::size_t operator()(const std::pair<ObjId, std::size_t>& p) const {
            return std::hash<std::uint64_t>()((std::uint64_t{p.first} << 32) ^ p.second);
        }
    };

    RunTracker& t_;
    lang::Interp& vm_;
    object::Heap& h_;
    const SnapshotPoint& p_;
    std::vector<FrameRow> frames_;
    std::unordered_map<ObjId, std::uint32_t> shown_dicts_;   // dict -> frame id showing it
    std::unordered_set<std::pair<ObjId, std::size_t>, PairHash> shown_values_;
    std::vector<ObjId> roots_;
    std::unordered_set<ObjId> listed_, unreachable_, omitted_;
    std::vector<ObjId> order_;
    std::unordered_map<ObjId, std::vector<Referrer>> referrers_;
};

}  // namespace

json build_state(RunTracker& tracker, const SnapshotPoint& point) {
    return StateBuilder(tracker, point).build();
}

}  // namespace refscope::trace
