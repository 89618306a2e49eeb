// lang/runtime/methods_object.cpp — methods of object, BaseException, generators, property,
// int, float, type and the stdout/stderr objects (Objects/typeobject.c object_*,
// exceptions.c, genobject.c, descrobject.c property_*, longobject.c, floatobject.c, 3.11).
#include <cmath>

#include "lang/num/float_format.hpp"
#include "lang/runtime/natives.hpp"
#include "lang/runtime/objects.hpp"
#include "lang/vm/interp.hpp"
#include "object/hashing.hpp"

namespace refscope::lang {

namespace {

// --- object ------------------------------------------------------------------------------------

ObjId object_init(Interp& vm, ObjId self, const CallArgs& a) {
    if (a.total() > 0) {
        ObjId cls = vm.type_of(self);
        ObjId init = vm.lookup(cls, Id::init);
        ObjId nw = vm.lookup(cls, Id::new_);
        const bool own_init = init && vm.obj(init).type == Type::function;
        const bool own_new = nw && vm.obj(nw).type == Type::staticmethod;
        if (own_init) return vm.raise(Exc::TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
        if (!own_new) return vm.raise(Exc::TypeError, vm.class_name(cls) + "() takes no arguments");
    }
    return vm.new_none();
}

ObjId object_new(Interp& vm, ObjId, const CallArgs& a) {
    if (a.nargs < 1) return vm.raise(Exc::TypeError, "object.__new__(): not enough arguments");
    ObjId cls = a[0];
    if (vm.obj(cls).type != Type::type)
        return vm.raise(Exc::TypeError, "object.__new__(X): X is not a type object (" + vm.type_name(cls) + ")");
    if (a.total() > 1) {
        ObjId init = vm.lookup(cls, Id::init);
        ObjId nw = vm.lookup(cls, Id::new_);
        const bool own_init = init && vm.obj(init).type == Type::function;
        const bool own_new = nw && vm.obj(nw).type == Type::staticmethod;
        if (own_new) return vm.raise(Exc::TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
        if (!own_init) return vm.raise(Exc::TypeError, vm.class_name(cls) + "() takes no arguments");
    }
    ClassPayload* p = vm.class_payload(cls);
    if (p->builtin && p->bt == BT::object) return vm.heap().new_object();
    if (p->builtin && !p->is_exception) {
        CallArgs rest{a.items + 1, a.nargs - 1, a.kwnames, a.nkw};
        return vm.construct_builtin(cls, rest);
    }
    Ref args(vm.new_tuple(std::span<const ObjId>(a.items + 1, a.nargs - 1)));
    if (!args) return kNull;
    return vm.allocate_instance(cls, args.get());
}

ObjId object_repr(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "__repr__")) return kNull;
    return vm.new_str("<" + vm.qualified_class_name(vm.type_of(self)) + " object at " + vm.address_of(self) + ">");
}

ObjId object_str(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "__str__")) return kNull;
    return vm.repr(self);
}

ObjId object_eq(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "__eq__")) return kNull;
    return self == a[0] ? vm.new_bool(true) : vm.newref(vm.not_implemented());
}

ObjId object_ne(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "__ne__")) return kNull;
    Ref r(vm.rich_compare(self, a[0], CMP_EQ));
    if (!r) return kNull;
    if (vm.is_not_implemented(r.get())) return r.release();
    int t = vm.truthy(r.get());
    if (t < 0) return kNull;
    return vm.new_bool(!t);
}

ObjId object_hash(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "__hash__")) return kNull;
    return vm.new_int(object::hashing::hash_pointer(vm.heap().id_of(self)));
}

ObjId object_setattr(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_positional(vm, a, "__setattr__", 2, 2)) return kNull;
    if (vm.generic_setattr(self, a[0], a[1]) < 0) return kNull;
    return vm.new_none();
}

ObjId object_delattr(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_positional(vm, a, "__delattr__", 1, 1)) return kNull;
    if (vm.generic_setattr(self, a[0], kNull) < 0) return kNull;
    return vm.new_none();
}

ObjId object_getattribute(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_positional(vm, a, "__getattribute__", 1, 1)) return kNull;
    if (!vm.is_str(a[0])) return vm.raise(Exc::TypeError, "attribute name must be string, not '" + vm.type_name(a[0]) + "'");
    return vm.generic_getattr(self, a[0], false);
}

ObjId object_format(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "__format__")) return kNull;
    if (!vm.is_str(a[0])) return vm.raise(Exc::TypeError, "__format__() argument must be str, not " + vm.type_name(a[0]));
    if (!vm.text_of(a[0]).empty())
        return vm.raise(Exc::TypeError, "unsupported format string passed to " + vm.type_name(self) + ".__format__");
    return vm.str(self);
}

ObjId object_sizeof(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "__sizeof__")) return kNull;
    std::int64_t size = static_cast<std::int64_t>(vm.heap().getsizeof(self));
    if (object::is_gc_type(vm.obj(self).type)) size -= vm.profile().gc.gc_head_size;
    if (vm.obj(self).type == Type::instance && vm.profile().objects.managed_dict) size -= 16;
    return vm.new_int(size);
}

ObjId object_init_subclass(Interp& vm, ObjId, const CallArgs& a) {
    if (a.total() > 0) return vm.raise(Exc::TypeError, "__init_subclass__() takes no keyword arguments");
    return vm.new_none();
}

ObjId object_dir(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "__dir__")) return kNull;
    Ref b(vm.getattr(vm.builtins_dict() ? self : self, "__class__"));
    (void)b;
    ObjId args[] = {self};
    CallArgs ca{args, 1, kNull, 0};
    ObjId dir_fn = vm.dict_get_str(vm.builtins_dict(), "dir");
    return dir_fn ? vm.call(dir_fn, ca) : vm.new_list({});
}

// object's ordering comparisons: NotImplemented, so the operator tries the reflected one.
ObjId object_not_implemented_cmp(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "__lt__")) return kNull;
    return vm.newref(vm.not_implemented());
}

ObjId object_subclasshook(Interp& vm, ObjId, const CallArgs&) { return vm.newref(vm.not_implemented()); }

// object.__getstate__() (3.11 object_getstate_default): None when the instance has no
// attributes (without materialising a __dict__), else its __dict__ itself; with __slots__ that
// hold values, (that, {slot name: value}).
ObjId object_getstate(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "__getstate__")) return kNull;
    const object::Object& o = vm.obj(self);
    Ref state(vm.new_none());
    if (o.type == Type::instance) {
        bool empty = true;
        if (o.buf.items) {
            for (std::size_t i = 1; i < o.refs.size(); ++i) empty = empty && !o.refs[i];
        } else {
            empty = !o.refs[1] || vm.dict_len(o.refs[1]) == 0;
        }
        if (!empty) {
            ObjId d = vm.heap().instance_dict(self);
            if (!d) return vm.raise_memory_error();
            state.reset(vm.newref(d));
        }
    } else if (o.type == Type::exception && o.refs[1] && vm.dict_len(o.refs[1]) > 0) {
        state.reset(vm.newref(o.refs[1]));
    } else if (o.type == Type::slots_instance) {
        ClassPayload* cp = vm.class_payload(o.refs[0]);
        const std::size_t dict_slot = 1 + cp->slots.size();
        if (cp->has_dict && dict_slot < o.refs.size() && o.refs[dict_slot] && vm.dict_len(o.refs[dict_slot]) > 0)
            state.reset(vm.newref(o.refs[dict_slot]));
        Ref slots(vm.new_dict());
        if (!slots) return kNull;
        for (std::size_t i = 0; i < cp->slots.size(); ++i) {
            ObjId v = vm.obj(self).refs[1 + i];
            if (!v) continue;
            Ref key(vm.intern(cp->slots[i]));
            if (!key || vm.dict_set(slots.get(), key.get(), v) < 0) return kNull;
        }
        if (vm.dict_len(slots.get()) > 0) {
            ObjId items[] = {state.get(), slots.get()};
            return vm.new_tuple(items);
        }
    }
    return state.release();
}

// The pickle protocol (copy, pickle) is not modelled.
ObjId object_reduce(Interp& vm, ObjId, const CallArgs&) {
    vm.report_unsupported("the pickle protocol (__reduce__)");
    return vm.raise(Exc::TypeError, "cannot pickle objects in refscope");
}

const NativeDef kObject[] = {
    {"__lt__", object_not_implemented_cmp}, {"__le__", object_not_implemented_cmp},
    {"__gt__", object_not_implemented_cmp}, {"__ge__", object_not_implemented_cmp},
    {"__subclasshook__", object_subclasshook, NativeDef::classmethod},
    {"__getstate__", object_getstate}, {"__reduce__", object_reduce}, {"__reduce_ex__", object_reduce},
    {"__init__", object_init}, {"__new__", object_new, NativeDef::staticmethod},
    {"__repr__", object_repr}, {"__str__", object_str}, {"__eq__", object_eq},
    {"__ne__", object_ne}, {"__hash__", object_hash}, {"__setattr__", object_setattr},
    {"__delattr__", object_delattr}, {"__getattribute__", object_getattribute},
    {"__format__", object_format}, {"__sizeof__", object_sizeof},
    {"__init_subclass__", object_init_subclass, NativeDef::classmethod}, {"__dir__", object_dir},
};

// --- BaseException --------------------------------------------------------------------------------

ObjId exc_init(Interp& vm, ObjId self, const CallArgs& a) {
    if (!vm.is_exception_instance(self)) return vm.raise(Exc::TypeError, "descriptor '__init__' requires a 'BaseException' object");
    if (a.nkw) return vm.raise(Exc::TypeError, vm.type_name(self) + "() takes no keyword arguments");
    Ref t(vm.new_tuple(std::span<const ObjId>(a.items, a.nargs)));
    if (!t) return kNull;
    vm.heap().set_ref(self, 2, t.get());
    return vm.new_none();
}

ObjId exc_str(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "__str__")) return kNull;
    auto s = vm.exception_str_builtin(self);
    if (!s) return kNull;
    return vm.new_str(*s);
}

ObjId exc_repr(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "__repr__")) return kNull;
    auto s = vm.builtin_repr(self);
    if (!s) return kNull;
    return vm.new_str(*s);
}

ObjId exc_with_traceback(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "with_traceback")) return kNull;
    if (vm.set_builtin_attribute(self, vm.intern("__traceback__"), a[0]) < 0) return kNull;
    vm.decref(vm.heap().find_interned("__traceback__"));
    return vm.newref(self);
}

ObjId exc_add_note(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "add_note")) return kNull;
    if (!vm.is_str(a[0])) return vm.raise(Exc::TypeError, "note must be a str, not '" + vm.type_name(a[0]) + "'");
    if (!vm.obj(self).refs[3]) {
        Ref l(vm.new_list({}));
        if (!l) return kNull;
        vm.heap().set_ref(self, 3, l.get());
    }
    if (!vm.heap().list_append(vm.obj(self).refs[3], a[0])) return vm.raise_memory_error();
    return vm.new_none();
}

const NativeDef kBaseException[] = {
    {"__init__", exc_init}, {"__str__", exc_str}, {"__repr__", exc_repr},
    {"with_traceback", exc_with_traceback}, {"add_note", exc_add_note},
};

// --- generators -------------------------------------------------------------------------------

ObjId gen_send_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "send")) return kNull;
    bool returned = false;
    ObjId retval = kNull;
    ObjId r = vm.gen_send(self, a[0], kNull, returned, &retval);
    if (r) return r;
    if (returned) {
        Ref v(retval);
        return vm.raise_stop_iteration(v.get() == vm.none() ? kNull : v.get());
    }
    if (!vm.has_exception()) return vm.raise_stop_iteration(kNull);
    return kNull;
}

ObjId gen_next_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "__next__")) return kNull;
    ObjId r = vm.iter_next(self);
    if (!r && !vm.has_exception()) return vm.raise_stop_iteration(kNull);
    return r;
}

ObjId gen_throw_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_positional(vm, a, "throw", 1, 3)) return kNull;
    ObjId typ = a[0];
    Ref exc;
    if (vm.obj(typ).type == Type::type && vm.is_exception_class(typ)) {
        ObjId val = a.nargs > 1 && a[1] != vm.none() ? a[1] : kNull;
        if (val && vm.isinstance(val, typ)) exc = Ref::borrow(val);
        else exc.reset(val ? vm.call(typ, {val}) : vm.call(typ, {}));
        if (!exc) return kNull;
    } else if (vm.is_exception_instance(typ)) {
        if (a.nargs > 1 && a[1] != vm.none()) return vm.raise(Exc::TypeError, "instance exception may not have a separate value");
        exc = Ref::borrow(typ);
    } else {
        return vm.raise(Exc::TypeError, "exceptions must be classes or instances deriving from BaseException, not " + vm.type_name(typ));
    }
    bool returned = false;
    ObjId retval = kNull;
    ObjId r = vm.gen_send(self, kNull, exc.release(), returned, &retval);
    if (r) return r;
    if (returned) {
        Ref v(retval);
        return vm.raise_stop_iteration(v.get() == vm.none() ? kNull : v.get());
    }
    return kNull;
}

ObjId gen_close_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "close")) return kNull;
    if (vm.gen_close(self) < 0) return kNull;
    return vm.new_none();
}

ObjId gen_iter_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "__iter__")) return kNull;
    return vm.newref(self);
}

const NativeDef kGenerator[] = {
    {"send", gen_send_m}, {"__next__", gen_next_m}, {"throw", gen_throw_m},
    {"close", gen_close_m}, {"__iter__", gen_iter_m},
};

ObjId iter_next_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "__next__")) return kNull;
    ObjId r = vm.iter_next(self);
    if (!r && !vm.has_exception()) return vm.raise_stop_iteration(kNull);
    return r;
}

ObjId iter_length_hint_m(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "__length_hint__")) return kNull;
    std::int64_t n = vm.iterator_length_hint(self);
    return vm.new_int(n < 0 ? 0 : n);
}

const NativeDef kIterator[] = {
    {"__next__", iter_next_m}, {"__iter__", gen_iter_m}, {"__length_hint__", iter_length_hint_m},
};

// --- property --------------------------------------------------------------------------------

ObjId property_copy(Interp& vm, ObjId self, std::size_t slot, ObjId fn) {
    std::vector<ObjId> refs(vm.obj(self).refs.begin(), vm.obj(self).refs.end());
    refs.resize(4, kNull);
    refs[slot] = fn == vm.none() ? kNull : fn;
    ObjId p = vm.heap().new_object_of(Type::property, 0, 80, refs);
    return p ? p : vm.raise_memory_error();
}

ObjId property_getter(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "getter")) return kNull;
    return property_copy(vm, self, 0, a[0]);
}
ObjId property_setter(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "setter")) return kNull;
    return property_copy(vm, self, 1, a[0]);
}
ObjId property_deleter(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "deleter")) return kNull;
    return property_copy(vm, self, 2, a[0]);
}

const NativeDef kProperty[] = {
    {"getter", property_getter}, {"setter", property_setter}, {"deleter", property_deleter},
};

// --- stdout / stderr ----------------------------------------------------------------------------

ObjId textio_write(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_one_arg(vm, a, "write")) return kNull;
    if (!vm.is_str(a[0])) return vm.raise(Exc::TypeError, "write() argument must be str, not " + vm.type_name(a[0]));
    vm.textio_write(self, a[0]);
    return vm.new_int(vm.str_length(a[0]));
}

ObjId textio_flush(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "flush")) return kNull;
    vm.textio_flush(self);
    return vm.new_none();
}

const NativeDef kTextIO[] = {{"write", textio_write}, {"flush", textio_flush}};

// --- type ------------------------------------------------------------------------------------------

ObjId type_mro(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "mro")) return kNull;
    return vm.new_list(vm.obj(vm.class_mro(self)).refs);
}

ObjId type_subclasses(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_no_args(vm, a, "__subclasses__")) return kNull;
    return vm.subclasses_list(self);
}

const NativeDef kType[] = {{"mro", type_mro}, {"__subclasses__", type_subclasses}};

}  // namespace

void register_object_methods(Interp& vm) {
    vm.register_methods(BT::object, kObject);
    for (const NativeDef& def : kBaseException) vm.register_native_in(vm.exc_type(Exc::BaseException), &def);
    vm.register_methods(BT::generator, kGenerator);
    for (BT it : {BT::list_iterator, BT::list_reverseiterator, BT::tuple_iterator, BT::range_iterator,
                  BT::str_iterator, BT::bytes_iterator, BT::dict_keyiterator, BT::dict_valueiterator,
                  BT::dict_itemiterator, BT::set_iterator, BT::enumerate, BT::zip, BT::map, BT::filter,
                  BT::reversed, BT::callable_iterator, BT::seq_iterator})
        vm.register_methods(it, kIterator);
    vm.register_methods(BT::property, kProperty);
    vm.register_methods(BT::textio, kTextIO);
    vm.register_methods(BT::type, kType);
}

}  // namespace refscope::lang
