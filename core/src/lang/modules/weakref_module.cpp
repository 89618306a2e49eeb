// lang/modules/weakref_module.cpp — weak references (Objects/weakrefobject.c, 3.11).
//
// weakref.ref(o) without a callback returns the object's existing plain reference if it has
// one (CPython shares it); with a callback it is always a new weakref object. Calling a
// reference returns the referent or None. When the referent dies the references are cleared
// and their callbacks called (by the heap, or by the collector's handle_weakrefs). Objects of
// types without weak reference support raise "cannot create weak reference to 'list' object".
//
// The weak containers (WeakValueDictionary, WeakKeyDictionary, WeakSet) are Python classes, as
// in CPython's Lib/weakref.py and _weakrefset.py, written here anew; they are created the first
// time the module is asked for one (a module __getattr__), so `import weakref` stays as cheap
// as CPython's, where the module is loaded at start-up. Entries leave a container when the
// referent's weakref callback runs. Differences: a WeakValueDictionary keeps a plain weakref and
// an id -> key table instead of KeyedRef objects; iteration goes over a snapshot instead of
// deferring removals (_IterationGuard), with the same results.
#include "lang/modules/modules.hpp"
#include "lang/runtime/natives.hpp"
#include "lang/runtime/objects.hpp"
#include "lang/vm/interp.hpp"

namespace refscope::lang {

bool Interp::supports_weakrefs(ObjId o) {
    switch (obj(o).type) {
        case Type::instance:
        case Type::exception:
            return heap_->is_heap_class(obj(o).refs[0]);
        case Type::slots_instance: {
            ClassPayload* p = class_payload(obj(o).refs[0]);
            return p && p->has_weakref;
        }
        case Type::function: case Type::type: case Type::set: case Type::frozenset:
        case Type::generator: case Type::method: case Type::code: case Type::module:
        case Type::property: case Type::weakref:
            return true;
        default:
            return false;
    }
}

ObjId Interp::new_weakref(ObjId target, ObjId callback) {
    if (!supports_weakrefs(target))
        return raise(Exc::TypeError, "cannot create weak reference to '" + type_name(target) + "' object");
    if (!callback) {
        for (ObjId wr : obj(target).weakrefs) {
            const auto& refs = obj(wr).refs;
            if (refs.empty() || !refs[0]) return newref(wr);
        }
    }
    ObjId wr = heap_->new_weakref(target, callback);
    if (!wr) return raise_memory_error();
    // CPython's weakref list: the plain reference first, then the references with callbacks,
    // newest first (insert_head / insert_after the basic ref) — the order callbacks run in.
    auto& list = heap_->at(target).weakrefs;
    list.pop_back();
    const bool has_basic = !list.empty() && (obj(list.front()).refs.empty() || !obj(list.front()).refs[0]);
    list.insert(list.begin() + (callback && has_basic ? 1 : 0), wr);
    return wr;
}

namespace {

ObjId wr_getweakrefcount(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "getweakrefcount")) return kNull;
    return vm.new_int(static_cast<std::int64_t>(vm.obj(a[0]).weakrefs.size()));
}

ObjId wr_getweakrefs(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "getweakrefs")) return kNull;
    return vm.new_list(vm.obj(a[0]).weakrefs);
}

ObjId wr_proxy(Interp& vm, ObjId, const CallArgs&) {
    vm.report_unsupported("weakref.proxy");
    return vm.raise(Exc::TypeError, "weakref.proxy is not supported");
}

constexpr std::string_view kContainers = R"PY(
def _snapshot(data):
    return list(data)


class WeakValueDictionary:
    def __init__(self, other=(), /, **kw):
        def remove(wr, selfref=ref(self)):
            self = selfref()
            if self is not None:
                key = self._keys.pop(id(wr), None)
                if key is not None and self.data.get(key[0]) is wr:
                    del self.data[key[0]]
        self._remove = remove
        self._keys = {}
        self.data = {}
        self.update(other, **kw)

    def _forget(self, wr):
        if wr is not None:
            self._keys.pop(id(wr), None)

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        wr = ref(value, self._remove)
        self._forget(self.data.get(key))
        self._keys[id(wr)] = (key,)
        self.data[key] = wr

    def __delitem__(self, key):
        wr = self.data.pop(key)
        self._forget(wr)

    def __len__(self):
        return len(self.data)

    def __contains__(self, key):
        try:
            o = self.data[key]()
        except KeyError:
            return False
        return o is not None

    def __repr__(self):
        return "<%s at %#x>" % (type(self).__name__, id(self))

    def __iter__(self):
        for key, wr in _snapshot(self.data.items()):
            if wr() is not None:
                yield key

    def keys(self):
        return iter(self)

    def values(self):
        for wr in _snapshot(self.data.values()):
            o = wr()
            if o is not None:
                yield o

    def items(self):
        for key, wr in _snapshot(self.data.items()):
            o = wr()
            if o is not None:
                yield key, o

    def valuerefs(self):
        return list(self.data.values())

    def itervaluerefs(self):
        return iter(_snapshot(self.data.values()))

    def get(self, key, default=None):
        try:
            wr = self.data[key]
        except KeyError:
            return default
        o = wr()
        return default if o is None else o

    def pop(self, key, *args):
        try:
            wr = self.data.pop(key)
            self._forget(wr)
            o = wr()
        except KeyError:
            o = None
        if o is None:
            if args:
                return args[0]
            raise KeyError(key)
        return o

    def popitem(self):
        while True:
            key, wr = self.data.popitem()
            self._forget(wr)
            o = wr()
            if o is not None:
                return key, o

    def setdefault(self, key, default=None):
        try:
            o = self.data[key]()
        except KeyError:
            o = None
        if o is None:
            self[key] = default
            return default
        return o

    def update(self, other=None, /, **kwargs):
        if other is not None:
            if not hasattr(other, "items"):
                other = dict(other)
            for key, o in other.items():
                self[key] = o
        for key, o in kwargs.items():
            self[key] = o

    def clear(self):
        self.data.clear()
        self._keys.clear()

    def copy(self):
        new = WeakValueDictionary()
        for key, o in self.items():
            new[key] = o
        return new

    __copy__ = copy


class WeakKeyDictionary:
    def __init__(self, dict=None):
        self.data = {}
        def remove(k, selfref=ref(self)):
            self = selfref()
            if self is not None:
                try:
                    del self.data[k]
                except KeyError:
                    pass
        self._remove = remove
        if dict is not None:
            self.update(dict)

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __len__(self):
        return len(self.data)

    def __repr__(self):
        return "<%s at %#x>" % (type(self).__name__, id(self))

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def __iter__(self):
        for wr in _snapshot(self.data):
            o = wr()
            if o is not None:
                yield o

    def keys(self):
        return iter(self)

    def values(self):
        for wr, value in _snapshot(self.data.items()):
            if wr() is not None:
                yield value

    def items(self):
        for wr, value in _snapshot(self.data.items()):
            o = wr()
            if o is not None:
                yield o, value

    def keyrefs(self):
        return list(self.data)

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def pop(self, key, *args):
        return self.data.pop(ref(key), *args)

    def popitem(self):
        while True:
            wr, value = self.data.popitem()
            o = wr()
            if o is not None:
                return o, value

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, /, **kwargs):
        if dict is not None:
            if not hasattr(dict, "items"):
                dict = type({})(dict)
            for key, value in dict.items():
                self[key] = value
        if kwargs:
            self.update(kwargs)

    def clear(self):
        self.data.clear()

    def copy(self):
        new = WeakKeyDictionary()
        for key, value in self.items():
            new[key] = value
        return new

    __copy__ = copy


class WeakSet:
    def __init__(self, data=None):
        self.data = set()
        def remove(item, selfref=ref(self)):
            self = selfref()
            if self is not None:
                self.data.discard(item)
        self._remove = remove
        if data is not None:
            self.update(data)

    def __iter__(self):
        for wr in _snapshot(self.data):
            o = wr()
            if o is not None:
                yield o

    def __len__(self):
        return len(self.data)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __repr__(self):
        return repr(self.data)

    def add(self, item):
        self.data.add(ref(item, self._remove))

    def clear(self):
        self.data.clear()

    def copy(self):
        return type(self)(self)

    def pop(self):
        while True:
            try:
                wr = self.data.pop()
            except KeyError:
                raise KeyError('pop from empty WeakSet') from None
            o = wr()
            if o is not None:
                return o

    def remove(self, item):
        self.data.remove(ref(item))

    def discard(self, item):
        self.data.discard(ref(item))

    def update(self, other):
        for element in other:
            self.add(element)

    def __ior__(self, other):
        self.update(other)
        return self

    def union(self, other):
        new = self.copy()
        new.update(other)
        return new

    __or__ = union

    def difference(self, other):
        other_set = set(other)
        return type(self)(o for o in self if o not in other_set)

    __sub__ = difference

    def intersection(self, other):
        other_set = set(other)
        return type(self)(o for o in self if o in other_set)

    __and__ = intersection

    def issubset(self, other):
        return all(o in other for o in self)

    __le__ = issubset

    def issuperset(self, other):
        return all(o in self for o in other)

    __ge__ = issuperset

    def __eq__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return self.data == other.data

    __hash__ = None
)PY";

// weakref.__getattr__ (PEP 562): the weak containers, created on first use.
ObjId wr_module_getattr(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "__getattr__")) return kNull;
    ObjId module = vm.dict_get_str(vm.modules(), "weakref");
    ObjId dict = module && vm.obj(module).type == Type::module ? vm.obj(module).refs[0] : kNull;
    std::string_view name = vm.is_str(a[0]) ? vm.text_of(a[0]) : std::string_view();
    const bool container = name == "WeakValueDictionary" || name == "WeakKeyDictionary" || name == "WeakSet";
    if (dict && container && !vm.dict_get_str(dict, "WeakSet")) {
        if (!vm.exec_module_source(kContainers, "<stdlib>/weakref.py", dict)) return kNull;
    }
    if (dict && container) {
        if (ObjId v = vm.dict_get(dict, a[0])) return vm.newref(v);
    }
    return vm.raise_attribute_error(module, a[0], "module 'weakref' has no attribute '" + std::string(name) + "'");
}

const NativeDef kWeakref[] = {
    {"getweakrefcount", wr_getweakrefcount}, {"getweakrefs", wr_getweakrefs}, {"proxy", wr_proxy},
    {"__getattr__", wr_module_getattr},
};

}  // namespace

bool init_weakref(Interp& vm, ObjId dict) {
    for (const NativeDef& def : kWeakref) vm.add_native(dict, &def);
    vm.set_attr_str(dict, "ref", vm.newref(vm.type(BT::weakref)));
    vm.set_attr_str(dict, "ReferenceType", vm.newref(vm.type(BT::weakref)));
    vm.set_attr_str(dict, "finalize", vm.newref(vm.type(BT::finalize)));
    return !vm.has_exception();
}

// weakref.finalize(obj, func, *args, **kwargs): calls func(*args, **kwargs) when obj dies (a
// weakref callback), or when called, at most once. refs: [weakref, func, args, kwargs].
ObjId Interp::make_finalize(const CallArgs& a) {
    if (a.nargs < 2) return raise(Exc::TypeError, "finalize expected at least 2 positional arguments, got " + std::to_string(a.nargs));
    ObjId self = new_native_instance(BT::finalize);
    if (!self) return kNull;
    Ref keep(self);
    Ref args(new_tuple(std::span<const ObjId>(a.items + 2, a.nargs - 2)));
    Ref kwargs(new_dict());
    if (!args || !kwargs) return kNull;
    for (std::size_t i = 0; i < a.nkw; ++i)
        if (dict_set(kwargs.get(), obj(a.kwnames).refs[i], a[a.nargs + i]) < 0) return kNull;
    static const NativeDef kCallback = {"_finalize_callback", [](Interp& vm, ObjId self, const CallArgs&) -> ObjId {
        return vm.run_finalize(self);
    }};
    Ref cb(new_native(&kCallback, self));
    if (!cb) return kNull;
    Ref wr(new_weakref(a[0], cb.get()));
    if (!wr) return kNull;
    heap_->append_ref(self, wr.get());
    heap_->append_ref(self, a[1]);
    heap_->append_ref(self, args.get());
    heap_->append_ref(self, kwargs.get());
    // The registry keeps the finalizer alive until it runs (weakref.finalize._registry).
    finalizers_.push_back(newref(self));
    heap_->at(self).ival = 1;   // atexit = True
    return keep.release();
}

ObjId Interp::run_finalize(ObjId self) {
    const auto& refs = obj(self).refs;
    if (refs.size() < 4 || !refs[1]) return new_none();
    Ref keep = Ref::borrow(self);
    Ref func = Ref::borrow(refs[1]), args = Ref::borrow(refs[2]), kwargs = Ref::borrow(refs[3]);
    forget_finalize(self);
    return call_with_tuple(func.get(), kNull, args.get(), kwargs.get());
}

namespace {

ObjId fin_call(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "__call__")) return kNull;
    return vm.run_finalize(self);
}

ObjId fin_peek_detach(Interp& vm, ObjId self, bool detach) {
    const auto& refs = vm.obj(self).refs;
    if (refs.size() < 4 || !refs[1]) return vm.new_none();
    ObjId target = vm.heap().weakref_target(refs[0]);
    if (!target) return vm.new_none();
    ObjId items[] = {target, refs[1], refs[2], refs[3]};
    Ref t(vm.new_tuple(items));
    if (!t) return kNull;
    if (detach) vm.forget_finalize(self);
    return t.release();
}

ObjId fin_detach(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "detach")) return kNull;
    return fin_peek_detach(vm, self, true);
}

ObjId fin_peek(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "peek")) return kNull;
    return fin_peek_detach(vm, self, false);
}

const NativeDef kFinalize[] = {{"__call__", fin_call}, {"detach", fin_detach}, {"peek", fin_peek}};

}  // namespace

void register_finalize_methods(Interp& vm) { vm.register_methods(BT::finalize, kFinalize); }

bool Interp::finalize_alive(ObjId self) const {
    const auto& refs = obj(self).refs;
    return refs.size() >= 4 && refs[1] && heap_->weakref_target(refs[0]);
}

// Drops what a finalizer holds (after it ran or was detached) and its registry entry.
void Interp::forget_finalize(ObjId self) {
    for (std::size_t i = 0; i < 4 && i < obj(self).refs.size(); ++i) heap_->set_ref(self, i, kNull);
    for (auto it = finalizers_.begin(); it != finalizers_.end(); ++it) {
        if (*it == self) {
            finalizers_.erase(it);
            decref(self);
            break;
        }
    }
}

// atexit: the finalizers still alive run, newest first (weakref.finalize._exitfunc).
void Interp::run_exit_finalizers() {
    while (!finalizers_.empty()) {
        ObjId self = finalizers_.back();
        Ref keep = Ref::borrow(self);
        if (!finalize_alive(self) || !(obj(self).ival & 1)) {
            forget_finalize(self);
            continue;
        }
        Ref r(run_finalize(self));
        if (!r) write_unraisable(self);
    }
}

}  // namespace refscope::lang
