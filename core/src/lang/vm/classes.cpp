// lang/vm/classes.cpp — class statements, instantiation and super().
//
// Models Python/bltinmodule.c (__build_class__: a fresh namespace dict, the class body run with
// it as f_locals, then the metaclass called) and Objects/typeobject.c (type_new, 3.11): the new
// type's dict is a copy of the namespace without __qualname__ and __classcell__, with __doc__
// (None when absent), the getset descriptors __dict__ and __weakref__ when the class introduces
// them (a member descriptor per __slots__ name instead), __hash__ = None next to an __eq__, and
// __new__ wrapped in staticmethod. Its refs are [dict, mro, bases, base, name, qualname]; the
// MRO tuple contains the class itself, so a class is always in a cycle (collected by gc only).
// type_call: __new__ (object.__new__ allocates by layout: 3.11 managed-dict instance,
// __slots__ instance, or exception), then __init__; arguments reach them through the tuple
// _PyObject_MakeTpCall builds, which is why an argument's refcount is one higher inside
// __init__ than inside a plain function.
#include <algorithm>

#include "lang/runtime/objects.hpp"
#include "lang/vm/id_buffer.hpp"
#include "lang/vm/interp.hpp"

namespace refscope::lang {

namespace {

constexpr std::size_t kClsDict = 0, kClsMro = 1, kClsBases = 2;

}  // namespace

// C3 linearization; false with TypeError when no consistent order exists.
bool Interp::compute_mro(ObjId cls, ObjId bases, std::vector<ObjId>& out) {
    std::vector<std::vector<ObjId>> seqs;
    for (ObjId b : obj(bases).refs) {
        ObjId m = class_mro(b);
        seqs.emplace_back(obj(m).refs.begin(), obj(m).refs.end());
    }
    seqs.emplace_back(obj(bases).refs.begin(), obj(bases).refs.end());
    out.push_back(cls);
    for (;;) {
        bool any = false;
        for (auto& s : seqs) any = any || !s.empty();
        if (!any) return true;
        ObjId candidate = kNull;
        for (auto& s : seqs) {
            if (s.empty()) continue;
            ObjId head = s.front();
            bool in_tail = false;
            for (auto& t : seqs)
                if (std::find(t.begin() + (t.empty() ? 0 : 1), t.end(), head) != t.end() && !t.empty() && t.front() != head)
                    in_tail = true;
            if (!in_tail) {
                candidate = head;
                break;
            }
        }
        if (!candidate) {
            std::string names;
            for (ObjId b : obj(bases).refs) names += (names.empty() ? "" : ", ") + class_name(b);
            raise(Exc::TypeError, "Cannot create a consistent method resolution order (MRO) for bases " + names);
            return false;
        }
        out.push_back(candidate);
        for (auto& s : seqs)
            if (!s.empty() && s.front() == candidate) s.erase(s.begin());
    }
}

ObjId Interp::new_slot_descr(ObjId cls, SlotDescrPayload::Kind kind, std::uint32_t index, const std::string& name) {
    ObjId refs[] = {cls};
    ObjId d = heap_->new_object_of(kind == SlotDescrPayload::slot ? Type::member_descriptor : Type::getset_descriptor,
                                   0, 64, refs);
    if (!d) return raise_memory_error();
    auto p = std::make_shared<SlotDescrPayload>();
    p->kind = kind;
    p->index = index;
    p->name = name;
    p->owner = class_name(cls);
    heap_->at(d).payload = std::move(p);
    return d;
}

ObjId Interp::make_class(ObjId name, ObjId bases_in, ObjId ns, ObjId metaclass) {
    (void)metaclass;
    if (!is_str(name)) return raise(Exc::TypeError, "type.__new__() argument 1 must be str, not " + type_name(name));
    // Bases: () means (object,).
    Ref bases;
    if (obj(bases_in).refs.empty()) {
        ObjId o = type(BT::object);
        bases.reset(new_tuple(std::span<const ObjId>(&o, 1)));
    } else {
        bases = Ref::borrow(bases_in);
    }
    if (!bases) return kNull;
    bool exception_base = false;
    bool all_slots = true;
    bool slots_base = false;   // a base has the __slots__ layout
    for (ObjId b : obj(bases.get()).refs) {
        if (obj(b).type != Type::type)
            return raise(Exc::TypeError, "bases must be types");
        ClassPayload* bp = class_payload(b);
        if (!bp->basetype) return raise(Exc::TypeError, "type '" + bp->name + "' is not an acceptable base type");
        if (bp->builtin && b != type(BT::object) && !bp->is_exception) {
            report_unsupported("subclassing the builtin type '" + bp->name + "'");
            return raise(Exc::TypeError, "unsupported base");
        }
        if (bp->is_exception) exception_base = true;
        if (b != type(BT::object) && (bp->builtin || bp->layout != Type::slots_instance)) all_slots = false;
        if (!bp->builtin && bp->layout == Type::slots_instance) slots_base = true;
    }
    std::vector<ObjId> mro;
    if (!compute_mro(kNull, bases.get(), mro)) return kNull;
    // __slots__
    ObjId slots_value = dict_get(ns, id(Id::slots));
    std::vector<std::string> slot_names;
    bool slots_dict = false, slots_weakref = false;
    if (slots_value) {
        std::vector<ObjId> items;
        if (is_str(slots_value)) {
            items.push_back(newref(slots_value));
        } else if (!unpack_iterable(slots_value, items)) {
            return kNull;
        }
        for (ObjId s : items) {
            if (is_str(s)) {
                std::string n(text_of(s));
                if (n == "__dict__") slots_dict = true;
                else if (n == "__weakref__") slots_weakref = true;
                else slot_names.push_back(n);
            }
            decref(s);
        }
    }
    // A subclass of a __slots__ class keeps that layout; without __slots__ of its own it adds a
    // __dict__ and a __weakref__ to it.
    const bool use_slots = (slots_value || slots_base) && all_slots && !exception_base;
    if (use_slots && !slots_value) slots_dict = slots_weakref = true;
    // Inherited slots come first in the instance.
    std::vector<std::string> all_slot_names;
    if (use_slots) {
        for (std::size_t i = mro.size(); i-- > 1;) {
            ClassPayload* bp = class_payload(mro[i]);
            if (bp && !bp->builtin && bp->layout == Type::slots_instance && i == 1)
                all_slot_names = bp->slots;
        }
        for (const auto& s : slot_names) all_slot_names.push_back(s);
    }
    // The finalizer: __del__ here or inherited.
    bool has_del = dict_get(ns, id(Id::del)) != kNull;
    for (std::size_t i = 1; i < mro.size() && !has_del; ++i)
        if (ObjId d = class_dict(mro[i])) has_del = dict_get(d, id(Id::del)) != kNull;
    const bool instance_dict = !exception_base && (!use_slots || slots_dict);
    ObjId cls = heap_->new_class(std::string(text_of(name)), has_del,
                                 static_cast<std::uint32_t>(slot_names.size()), instance_dict);
    if (!cls) return raise_memory_error();
    Ref cls_ref(cls);
    mro[0] = cls;
    auto p = std::make_shared<ClassPayload>();
    p->name = std::string(text_of(name));
    ObjId qualname = dict_get(ns, id(Id::qualname));
    p->qualname = qualname && is_str(qualname) ? std::string(text_of(qualname)) : p->name;
    p->is_exception = exception_base;
    p->layout = exception_base ? Type::exception : use_slots ? Type::slots_instance : Type::instance;
    p->slots = all_slot_names;
    p->has_dict = !use_slots || slots_dict;
    heap_->at(cls).payload = p;
    // The dict: a copy of the namespace.
    Ref dict(new_dict());
    if (!dict) return kNull;
    bool ok = true;
    dict_for_each(ns, [&](ObjId k, ObjId v) {
        if (is_str(k) && (text_of(k) == "__qualname__" || text_of(k) == "__classcell__")) return true;
        if (dict_set(dict.get(), k, v) < 0) return ok = false;
        return true;
    });
    if (!ok) return kNull;
    if (!dict_get(dict.get(), id(Id::doc))) dict_set(dict.get(), id(Id::doc), none());
    // __new__ is a static method implicitly.
    if (ObjId nw = dict_get(dict.get(), id(Id::new_)); nw && obj(nw).type == Type::function) {
        ObjId refs[] = {nw};
        Ref sm(heap_->new_object_of(Type::staticmethod, 0, 48, refs));
        if (!sm || dict_set(dict.get(), id(Id::new_), sm.get()) < 0) return kNull;
    }
    // __init_subclass__ and __class_getitem__ are class methods implicitly.
    for (Id implicit : {Id::init_subclass, Id::class_getitem}) {
        if (ObjId f = dict_get(dict.get(), id(implicit)); f && obj(f).type == Type::function) {
            ObjId refs[] = {f};
            Ref cm(heap_->new_object_of(Type::classmethod, 0, 48, refs));
            if (!cm || dict_set(dict.get(), id(implicit), cm.get()) < 0) return kNull;
        }
    }
    // Descriptors the class introduces.
    bool base_has_dict = false, base_has_weakref = false;
    for (std::size_t i = 1; i < mro.size(); ++i) {
        ClassPayload* bp = class_payload(mro[i]);
        if (!bp) continue;
        if (!bp->builtin) {
            if (bp->has_dict) base_has_dict = true;
            if (bp->has_weakref) base_has_weakref = true;
        } else if (bp->is_exception) {
            base_has_dict = true;   // BaseException has its own __dict__
        }
    }
    p->has_weakref = !use_slots || slots_weakref || base_has_weakref;
    if (use_slots) {
        for (std::size_t i = 0; i < slot_names.size(); ++i) {
            std::uint32_t index = static_cast<std::uint32_t>(all_slot_names.size() - slot_names.size() + i);
            Ref d(new_slot_descr(cls, SlotDescrPayload::slot, index, slot_names[i]));
            Ref key(intern(slot_names[i]));
            if (!d || !key || dict_set(dict.get(), key.get(), d.get()) < 0) return kNull;
        }
        if (slots_dict && !base_has_dict) {
            Ref d(new_slot_descr(cls, SlotDescrPayload::dict, 0, "__dict__"));
            if (!d || dict_set(dict.get(), id(Id::dict), d.get()) < 0) return kNull;
        }
        if (slots_weakref && !base_has_weakref) {
            Ref d(new_slot_descr(cls, SlotDescrPayload::weakref, 0, "__weakref__"));
            if (!d || dict_set(dict.get(), id(Id::weakref), d.get()) < 0) return kNull;
        }
    } else {
        if (!base_has_dict) {
            Ref d(new_slot_descr(cls, SlotDescrPayload::dict, 0, "__dict__"));
            if (!d || dict_set(dict.get(), id(Id::dict), d.get()) < 0) return kNull;
        }
        if (!base_has_weakref) {
            Ref d(new_slot_descr(cls, SlotDescrPayload::weakref, 0, "__weakref__"));
            if (!d || dict_set(dict.get(), id(Id::weakref), d.get()) < 0) return kNull;
        }
    }
    // An __eq__ without __hash__ makes instances unhashable.
    if (dict_get(dict.get(), id(Id::eq)) && !dict_get(dict.get(), id(Id::hash)))
        if (dict_set(dict.get(), id(Id::hash), none()) < 0) return kNull;
    Ref mro_tuple(new_tuple(mro));
    if (!mro_tuple) return kNull;
    Ref qual(qualname && is_str(qualname) ? newref(qualname) : newref(name));
    heap_->mark_type_dict(dict.get());
    heap_->append_ref(cls, dict.get());
    heap_->append_ref(cls, mro_tuple.get());
    heap_->append_ref(cls, bases.get());
    heap_->append_ref(cls, obj(bases.get()).refs[0]);
    heap_->append_ref(cls, name);
    heap_->append_ref(cls, qual.get());
    // type_ready's add_subclass: each base records the new class in its tp_subclasses.
    for (ObjId b : obj(bases.get()).refs) register_subclass(b, cls);
    if (exc_) return kNull;
    // __classcell__: the cell of the methods' `__class__` now holds the class.
    if (ObjId cell = dict_get(ns, id(Id::classcell)); cell && obj(cell).type == Type::cell)
        heap_->cell_set(cell, cls);
    // __set_name__ on the descriptors, then the parent's __init_subclass__.
    std::vector<std::pair<ObjId, ObjId>> named;
    dict_for_each(dict.get(), [&](ObjId k, ObjId v) {
        if (is_heap_instance(v) && lookup(type_of(v), Id::set_name)) named.emplace_back(newref(k), newref(v));
        return true;
    });
    bool failed = false;
    for (auto& [k, v] : named) {
        if (!failed) {
            Ref r(call_method(v, Id::set_name, {cls, k}));
            if (!r) failed = true;
        }
        decref(k);
        decref(v);
    }
    if (failed) return kNull;
    for (std::size_t i = 1; i < mro.size(); ++i) {
        ObjId d = class_dict(mro[i]);
        ObjId f = d ? dict_get(d, id(Id::init_subclass)) : kNull;
        if (f && obj(f).type == Type::classmethod) {
            Ref bound(descr_get(f, kNull, cls));
            if (!bound) return kNull;
            Ref r(call(bound.get(), {}));
            if (!r) return kNull;
            break;
        }
    }
    return cls_ref.release();
}

ObjId Interp::build_class(const CallArgs& args) {
    if (args.nargs < 2) return raise(Exc::TypeError, "__build_class__: not enough arguments");
    ObjId func = args[0], name = args[1];
    if (obj(func).type != Type::function) return raise(Exc::TypeError, "__build_class__: func must be a function");
    if (!is_str(name)) return raise(Exc::TypeError, "__build_class__: name is not a string");
    ObjId metaclass = kNull;
    for (std::size_t i = 0; i < args.nkw; ++i) {
        std::string_view kw = text_of(obj(args.kwnames).refs[i]);
        if (kw == "metaclass") {
            metaclass = args[args.nargs + i];
            if (metaclass != type(BT::type)) {
                report_unsupported("metaclasses");
                return raise(Exc::TypeError, "unsupported metaclass");
            }
        } else {
            report_unsupported("class keyword arguments");
            return raise(Exc::TypeError, "unsupported class keyword");
        }
    }
    Ref bases(new_tuple(std::span<const ObjId>(args.items + 2, args.nargs - 2)));
    if (!bases) return kNull;
    Ref ns(new_dict());
    if (!ns) return kNull;
    // The class body runs with the namespace as f_locals.
    CallArgs none_args{nullptr, 0, kNull, 0};
    Ref cell(call_function(func, none_args, ns.get()));
    if (!cell) return kNull;
    if (obj(cell.get()).type == Type::cell) {
        if (dict_set(ns.get(), id(Id::classcell), cell.get()) < 0) return kNull;
    }
    return make_class(name, bases.get(), ns.get(), metaclass);
}

// --- instantiation -----------------------------------------------------------------------------

ObjId Interp::allocate_instance(ObjId cls, ObjId args_tuple) {
    ClassPayload* p = class_payload(cls);
    switch (p->layout) {
        case Type::instance: {
            ObjId o = heap_->new_instance(cls);
            return o ? o : raise_memory_error();
        }
        case Type::slots_instance: {
            // The slots, then the __dict__ (3.11: the managed dict's two pre-header words;
            // classic: one pointer), then the __weakref__ pointer.
            const std::size_t dict_words = p->has_dict ? (profile_.objects.managed_dict ? 2 : 1) : 0;
            auto n = static_cast<std::uint32_t>(p->slots.size() + dict_words + (p->has_weakref ? 1 : 0));
            ObjId o = heap_->new_slots_instance(cls, n);
            return o ? o : raise_memory_error();
        }
        case Type::exception: {
            ObjId refs[] = {cls, kNull, args_tuple ? args_tuple : heap_->empty_tuple(), kNull, kNull, kNull, kNull};
            ObjId o = heap_->new_object_of(Type::exception, 0, heap_->is_heap_class(cls) ? 96 : 88, refs);
            return o ? o : raise_memory_error();
        }
        default:
            return raise(Exc::TypeError, "cannot create '" + p->name + "' instances");
    }
}

ObjId Interp::instantiate(ObjId cls, const CallArgs& args) {
    ClassPayload* p = class_payload(cls);
    if (p->builtin && !p->is_exception) return construct_builtin(cls, args);
    // _PyObject_MakeTpCall: positional arguments as a tuple, keywords as a dict.
    Ref tuple(new_tuple(std::span<const ObjId>(args.items, args.nargs)));
    if (!tuple) return kNull;
    Ref kwargs;
    if (args.nkw) {
        kwargs.reset(new_dict());
        if (!kwargs) return kNull;
        for (std::size_t i = 0; i < args.nkw; ++i)
            if (dict_set(kwargs.get(), obj(args.kwnames).refs[i], args[args.nargs + i]) < 0) return kNull;
    }
    if (depth_ >= static_cast<std::uint32_t>(recursion_limit_))
        return raise(Exc::RecursionError, "maximum recursion depth exceeded while calling a Python object");
    ++depth_;
    ObjId r = type_call(cls, tuple.get(), kwargs.get());
    --depth_;
    return r;
}

ObjId Interp::call_with_tuple(ObjId func, ObjId first, ObjId tuple, ObjId kwargs) {
    IdBuffer items;
    if (first) items.push_back(first);
    items.append(obj(tuple).refs.data(), obj(tuple).refs.size());
    Ref kwnames;
    if (kwargs && heap_->dict_size(kwargs)) {
        std::vector<ObjId> names;
        dict_for_each(kwargs, [&](ObjId k, ObjId v) {
            names.push_back(k);
            items.push_back(v);
            return true;
        });
        kwnames.reset(new_tuple(names));
        if (!kwnames) return kNull;
    }
    const std::size_t nkw = kwnames ? obj(kwnames.get()).refs.size() : 0;
    CallArgs a{items.data(), items.size() - nkw, kwnames.get(), nkw};
    return call(func, a);
}

ObjId Interp::type_call(ObjId cls, ObjId tuple, ObjId kwargs) {
    ClassPayload* p = class_payload(cls);
    const bool excess = !obj(tuple).refs.empty() || (kwargs && heap_->dict_size(kwargs));
    ObjId new_fn = lookup(cls, Id::new_);
    ObjId init_fn = lookup(cls, Id::init);
    const bool user_new = new_fn && obj(new_fn).type == Type::staticmethod;
    const bool user_init = init_fn && obj(init_fn).type == Type::function;
    Ref self;
    if (user_new) {
        Ref keep = Ref::borrow(new_fn);
        self.reset(call_with_tuple(obj(new_fn).refs[0], cls, tuple, kwargs));
        if (!self) return kNull;
        if (!isinstance(self.get(), cls)) return self.release();
    } else {
        if (excess && !p->is_exception && !user_init)
            return raise(Exc::TypeError, p->name + "() takes no arguments");
        if (p->is_exception && kwargs && heap_->dict_size(kwargs) && !user_init)
            return raise(Exc::TypeError, p->name + "() takes no keyword arguments");
        self.reset(allocate_instance(cls, tuple));
        if (!self) return kNull;
    }
    if (user_init) {
        Ref keep = Ref::borrow(init_fn);
        Ref r(call_with_tuple(init_fn, self.get(), tuple, kwargs));
        if (!r) return kNull;
        if (r.get() != none())
            return raise(Exc::TypeError, "__init__() should return None, not '" + type_name(r.get()) + "'");
    } else if (p->is_exception && !user_init) {
        heap_->set_ref(self.get(), 2, tuple);   // BaseException.__init__(*args)
    }
    return self.release();
}

// --- super ----------------------------------------------------------------------------------------

ObjId Interp::new_super(ObjId start_type, ObjId o) {
    ObjId obj_type = kNull;
    if (o) {
        if (obj(o).type == Type::type && is_subclass(o, start_type)) obj_type = o;
        else if (isinstance(o, start_type)) obj_type = type_of(o);
        else return raise(Exc::TypeError, "super(type, obj): obj must be an instance or subtype of type");
    }
    ObjId refs[] = {start_type, o, obj_type};
    ObjId s = heap_->new_object_of(Type::super_object, 0, 56, refs);
    return s ? s : raise_memory_error();
}

ObjId Interp::super_zero_args() {
    Frame* f = current_;
    if (!f || !f->code || f->code->argcount == 0 || f->fast.empty())
        return raise(Exc::RuntimeError, "super(): no arguments");
    ObjId first = f->fast[0];
    if (first && (f->code->localkinds[0] & kFastCell)) first = obj(first).refs[0];
    if (!first) return raise(Exc::RuntimeError, "super(): arg[0] deleted");
    ObjId cls = kNull;
    for (std::size_t i = 0; i < f->code->localsplus.size(); ++i) {
        if (f->code->localsplus[i] == "__class__" && (f->code->localkinds[i] & kFastFree)) {
            ObjId cell = f->fast[i];
            cls = cell ? obj(cell).refs[0] : kNull;
            if (!cls) return raise(Exc::RuntimeError, "super(): empty __class__ cell");
            break;
        }
    }
    if (!cls) return raise(Exc::RuntimeError, "super(): __class__ cell not found");
    return new_super(cls, first);
}

ObjId Interp::super_getattr(ObjId sup, ObjId name) {
    const auto& refs = obj(sup).refs;
    ObjId start = refs[0], self = refs[1], obj_type = refs[2];
    if (obj_type && text_of(name) != "__class__") {
        ObjId mro = class_mro(obj_type);
        const auto& items = obj(mro).refs;
        std::size_t i = 0;
        while (i < items.size() && items[i] != start) ++i;
        for (++i; i < items.size(); ++i) {
            ObjId d = class_dict(items[i]);
            ObjId v = d ? dict_get(d, name) : kNull;
            if (v) {
                Ref keep = Ref::borrow(v);
                return descr_get(v, self == obj_type ? kNull : self, obj_type);
            }
        }
    }
    return generic_getattr(sup, name, false);
}

}  // namespace refscope::lang

namespace refscope::lang {

// --- tp_subclasses ----------------------------------------------------------------------------
//
// CPython keeps, in each class, a dict {address of subclass (int): weakref to it} of its direct
// subclasses (add_subclass in type_ready, remove_subclass in type_dealloc). The dict is made on
// the first subclass; the builtin classes that have subclasses when a 3.11 script starts have
// theirs from start-up (Interp::create_subclass_registries). The weakref is the subclass's plain
// weak reference (weakref.ref(C) returns it), and the dict is not traversed by the collector.

// The builtin classes with subclasses when a CPython 3.11 script starts (the rest get their dict
// with their first subclass, as there).
void Interp::create_subclass_registries() {
    static const char* const kWithSubclasses[] = {
        "ArithmeticError", "BaseException", "BaseExceptionGroup", "ConnectionError", "Exception",
        "ImportError", "IndentationError", "LookupError", "NameError", "OSError", "RuntimeError",
        "SyntaxError", "SystemError", "UnicodeError", "ValueError", "Warning", "classmethod",
        "dict", "int", "list", "object", "property", "staticmethod", "str", "tuple", "type"};
    for (const char* name : kWithSubclasses) {
        ObjId cls = dict_get_str(builtins_dict_, name);
        if (!cls || !is_class(cls) || subclasses_.count(cls)) continue;
        ObjId dict = new_dict();
        if (dict) subclasses_[cls] = dict;
    }
    clear_exception();
}

void Interp::register_subclass(ObjId base, ObjId cls) {
    ObjId& dict = subclasses_[base];
    if (!dict) {
        dict = new_dict();
        if (!dict) return;
    }
    Ref key(new_int(static_cast<std::int64_t>(heap_->id_of(cls))));
    if (!key) return;
    Ref wr(new_weakref(cls, kNull));
    if (!wr) return;
    dict_set(dict, key.get(), wr.get());
}

void Interp::type_dealloc(ObjId cls) {
    // remove_all_subclasses: this class leaves its bases' dicts ...
    const object::Object& c = obj(cls);
    if (c.refs.size() > 2 && c.refs[2] && obj(c.refs[2]).type == Type::tuple) {
        const std::vector<ObjId> bases = obj(c.refs[2]).refs;
        ObjId saved = fetch_exception();
        for (ObjId b : bases) {
            auto it = subclasses_.find(b);
            if (it == subclasses_.end()) continue;
            Ref key(new_int(static_cast<std::int64_t>(heap_->id_of(cls))));
            if (key && dict_contains(it->second, key.get()) == 1) dict_del(it->second, key.get());
            clear_exception();
        }
        restore_exception(saved);
    }
    // ... and its own (empty by now: every subclass held a reference to it) is freed.
    if (auto it = subclasses_.find(cls); it != subclasses_.end()) {
        ObjId dict = it->second;
        subclasses_.erase(it);
        decref(dict);
    }
}

ObjId Interp::subclasses_list(ObjId cls) {
    Ref list(new_list());
    if (!list) return kNull;
    auto it = subclasses_.find(cls);
    if (it == subclasses_.end()) return list.release();
    std::vector<ObjId> alive;
    dict_for_each(it->second, [&](ObjId, ObjId wr) {
        if (ObjId t = heap_->weakref_target(wr)) alive.push_back(t);
        return true;
    });
    for (ObjId t : alive)
        if (!heap_->list_append(list.get(), t)) return raise_memory_error();
    return list.release();
}

}  // namespace refscope::lang
