// lang/runtime/attrs.cpp — attribute access: getattr, setattr, delattr, LOAD_METHOD.
//
// Models Objects/object.c (PyObject_GenericGetAttr, _PyObject_GetMethod, generic setattr) and
// Objects/typeobject.c (type_getattro, type_setattro) in 3.11:
//   1. look the name up in the type's MRO (_PyType_Lookup);
//   2. a data descriptor found there wins (property, __slots__ members, __dict__);
//   3. then the instance's own attributes (3.11 values array or __dict__);
//   4. then a non-data descriptor (a function becomes a bound method) or the plain value;
//   5. then __getattr__; else AttributeError "'C' object has no attribute 'x'".
// LOAD_METHOD skips step 4's bound method for functions and builtin methods: it pushes the
// function and self, so no method object is allocated (3.11's _PyObject_GetMethod).
#include "lang/runtime/objects.hpp"
#include "lang/vm/interp.hpp"

namespace refscope::lang {

namespace {

bool is_method_like(const object::Object& d) {
    if (d.type == Type::function) return true;
    if (d.type == Type::method_descriptor) {
        auto* p = payload_of<NativePayload>(d);
        return p && p->def->kind != NativeDef::classmethod && p->def->kind != NativeDef::staticmethod;
    }
    return false;
}

}  // namespace

// The descriptor protocol for what _PyType_Lookup found: binds functions, unwraps static and
// class methods. Returns a new reference.
ObjId Interp::descr_get(ObjId descr, ObjId instance, ObjId owner) {
    const object::Object& d = obj(descr);
    switch (d.type) {
        case Type::function:
            if (!instance) return newref(descr);
            {
                ObjId m = heap_->new_method(descr, instance);
                return m ? m : raise_memory_error();
            }
        case Type::method_descriptor: {
            auto* p = payload_of<NativePayload>(d);
            if (p->def->kind == NativeDef::classmethod) return new_native(p->def, owner);
            if (p->def->kind == NativeDef::staticmethod) return newref(descr);
            if (!instance) return newref(descr);
            return new_native(p->def, instance);
        }
        case Type::classmethod: {
            ObjId func = d.refs[0];
            ObjId m = heap_->new_method(func, owner);
            return m ? m : raise_memory_error();
        }
        case Type::staticmethod:
            return newref(d.refs[0]);
        case Type::property: {
            if (!instance) return newref(descr);
            ObjId fget = d.refs[0];
            if (!fget || fget == none()) {
                return raise(Exc::AttributeError, "property '" + property_name(descr) + "' of '" +
                                                      type_name(instance) + "' object has no getter");
            }
            return call(fget, {instance});
        }
        case Type::getset_descriptor:
        case Type::member_descriptor:
            if (!instance) return newref(descr);
            return slot_descr_get(descr, instance);
        default:
            break;
    }
    if (is_heap_instance(descr)) {
        ObjId get = lookup(type_of(descr), Id::get);
        if (get) {
            Ref keep = Ref::borrow(get);
            return call(get, {descr, instance ? instance : none(), owner});
        }
    }
    return newref(descr);
}

bool Interp::is_data_descr(ObjId descr) {
    const object::Object& d = obj(descr);
    switch (d.type) {
        case Type::property:
        case Type::getset_descriptor:
        case Type::member_descriptor:
            return true;
        default:
            break;
    }
    if (is_heap_instance(descr)) {
        ObjId t = type_of(descr);
        return lookup(t, Id::set) || lookup(t, Id::delete_);
    }
    return false;
}

// The instance's own attribute (borrowed), kNull when it has none.
ObjId Interp::instance_attr(ObjId o, ObjId name) {
    const object::Object& x = obj(o);
    switch (x.type) {
        case Type::instance:
            return heap_->instance_getattr(o, text_of(name));
        case Type::exception: {
            ObjId dict = x.refs[1];
            return dict ? dict_get(dict, name) : kNull;
        }
        case Type::function: {
            ObjId dict = x.refs[8];
            return dict ? dict_get(dict, name) : kNull;
        }
        case Type::slots_instance: {
            ClassPayload* cp = class_payload(x.refs[0]);
            if (cp && cp->has_dict && x.refs.size() > 1 + cp->slots.size()) {
                ObjId dict = x.refs[1 + cp->slots.size()];
                return dict ? dict_get(dict, name) : kNull;
            }
            return kNull;
        }
        default:
            return kNull;
    }
}

ObjId Interp::generic_getattr(ObjId o, ObjId name, bool suppress) {
    ObjId tp = type_of(o);
    ObjId descr = lookup(tp, name);
    Ref keep = Ref::borrow(descr);
    if (descr && is_data_descr(descr)) {
        ObjId r = descr_get(descr, o, tp);
        if (!r && suppress && exception_matches(Exc::AttributeError)) clear_exception();
        return r;
    }
    if (ObjId v = instance_attr(o, name)) return newref(v);
    if (exc_) return kNull;
    if (descr) return descr_get(descr, o, tp);
    // Attributes of builtin objects that are not methods (int.real, slice.start, ...).
    bool found = false;
    ObjId special = builtin_attribute(o, name, found);
    if (found) return special;
    if (exc_) return kNull;
    if (suppress) return kNull;
    return raise_attribute_error(o, name, "'" + type_name(o) + "' object has no attribute '" +
                                              std::string(text_of(name)) + "'");
}

ObjId Interp::getattr(ObjId o, ObjId name) {
    const object::Object& x = obj(o);
    if (x.type == Type::type) return type_getattr(o, name, false);
    if (x.type == Type::module) {
        ObjId dict = x.refs[0];
        ObjId v = dict ? dict_get(dict, name) : kNull;
        if (v) return newref(v);
        if (exc_) return kNull;
        bool found = false;
        ObjId special = builtin_attribute(o, name, found);
        if (found) return special;
        // PEP 562: a module-level __getattr__ is asked for what the dict lacks.
        if (ObjId hook = dict ? dict_get_str(dict, "__getattr__") : kNull) {
            Ref keep = Ref::borrow(hook);
            return call(hook, {name});
        }
        if (exc_) return kNull;
        ObjId modname = dict ? dict_get(dict, id(Id::name)) : kNull;
        return raise_attribute_error(o, name, "module '" + std::string(modname ? text_of(modname) : "?") +
                                                  "' has no attribute '" + std::string(text_of(name)) + "'");
    }
    if (x.type == Type::super_object) return super_getattr(o, name);
    ObjId r = generic_getattr(o, name, false);
    if (r || !exception_matches(Exc::AttributeError) || !is_heap_instance(o)) return r;
    // __getattr__ is called only when the normal lookup failed.
    ObjId hook = lookup(type_of(o), Id::getattr);
    if (!hook) return kNull;
    clear_exception();
    Ref keep = Ref::borrow(hook);
    return call(hook, {o, name});
}

ObjId Interp::getattr(ObjId o, std::string_view name) {
    Ref key(intern(name));
    if (!key) return kNull;
    return getattr(o, key.get());
}

ObjId Interp::getattr_opt(ObjId o, ObjId name) {
    ObjId r = getattr(o, name);
    if (!r && exception_matches(Exc::AttributeError)) clear_exception();
    return r;
}

int Interp::load_method(ObjId o, ObjId name, ObjId* method) {
    const object::Object& x = obj(o);
    const bool generic = x.type != Type::type && x.type != Type::module && x.type != Type::super_object &&
                         !(is_heap_instance(o) && lookup(type_of(o), Id::getattr));
    if (!generic) {
        *method = getattr(o, name);
        return *method ? 0 : -1;
    }
    ObjId tp = type_of(o);
    ObjId descr = lookup(tp, name);
    Ref keep = Ref::borrow(descr);
    if (descr && !is_method_like(obj(descr)) && is_data_descr(descr)) {
        *method = descr_get(descr, o, tp);
        return *method ? 0 : -1;
    }
    if (ObjId v = instance_attr(o, name)) {
        *method = newref(v);
        return 0;
    }
    if (exc_) return -1;
    if (descr && is_method_like(obj(descr))) {
        *method = keep.release();
        return 1;
    }
    *method = generic_getattr(o, name, false);
    return *method ? 0 : -1;
}

ObjId Interp::lookup_special(ObjId o, Id name) {
    ObjId descr = lookup(type_of(o), name);
    if (!descr) return kNull;
    Ref keep = Ref::borrow(descr);
    return descr_get(descr, o, type_of(o));
}

// --- classes -------------------------------------------------------------------------------------

ObjId Interp::type_getattr(ObjId cls, ObjId name, bool suppress) {
    // Attributes every class has (type's own data descriptors).
    bool found = false;
    ObjId special = type_attribute(cls, name, found);
    if (found || exc_) return special;
    ObjId descr = lookup(cls, name);
    if (descr) {
        Ref keep = Ref::borrow(descr);
        return descr_get(descr, kNull, cls);
    }
    // Methods of `type` itself (mro(), __subclasses__(), ...).
    ObjId meta = lookup(type(BT::type), name);
    if (meta) {
        Ref keep = Ref::borrow(meta);
        return descr_get(meta, cls, type(BT::type));
    }
    if (suppress) return kNull;
    return raise_attribute_error(cls, name, "type object '" + class_name(cls) + "' has no attribute '" +
                                                std::string(text_of(name)) + "'");
}

int Interp::setattr(ObjId o, ObjId name, ObjId value) {
    const object::Object& x = obj(o);
    if (obj(name).type != Type::str)
        return raise_int(Exc::TypeError, "attribute name must be string, not '" + type_name(name) + "'");
    if (x.type == Type::type) return type_setattr(o, name, value);
    if (x.type == Type::module) {
        ObjId dict = x.refs[0];
        if (value) return dict_set(dict, name, value);
        if (dict_del(dict, name) < 0) {
            clear_exception();
            ObjId modname = dict_get(dict, id(Id::name));
            return raise_int(Exc::AttributeError, "module '" + std::string(modname ? text_of(modname) : "?") +
                                                      "' has no attribute '" + std::string(text_of(name)) + "'");
        }
        return 0;
    }
    // A user-defined __setattr__ / __delattr__.
    if (is_heap_instance(o)) {
        ObjId hook = lookup(type_of(o), value ? Id::setattr : Id::delattr);
        if (hook && obj(hook).type == Type::function) {
            Ref keep = Ref::borrow(hook);
            Ref r(value ? call(hook, {o, name, value}) : call(hook, {o, name}));
            return r ? 0 : -1;
        }
    }
    return generic_setattr(o, name, value);
}

int Interp::generic_setattr(ObjId o, ObjId name, ObjId value) {
    ObjId tp = type_of(o);
    ObjId descr = lookup(tp, name);
    Ref keep = Ref::borrow(descr);
    auto no_attr = [&]() {
        return raise_int(Exc::AttributeError, "'" + type_name(o) + "' object has no attribute '" +
                                                  std::string(text_of(name)) + "'");
    };
    if (descr && is_data_descr(descr)) return descr_set(descr, o, value);
    if (int special = set_builtin_attribute(o, name, value); special != 0) return special < 0 ? -1 : 0;
    const object::Object& x = obj(o);
    switch (x.type) {
        case Type::instance: {
            if (value) {
                if (!heap_->instance_setattr(o, text_of(name), value)) return raise_memory_error(), -1;
                return 0;
            }
            if (!heap_->instance_delattr(o, text_of(name))) return no_attr();
            return 0;
        }
        case Type::exception:
        case Type::function: {
            const std::size_t slot = x.type == Type::exception ? 1 : 8;
            ObjId dict = x.refs[slot];
            if (!dict) {
                if (!value) return no_attr();
                Ref d(new_dict());
                if (!d) return -1;
                heap_->set_ref(o, slot, d.get());
                dict = d.get();
            }
            if (value) return dict_set(dict, name, value);
            if (dict_del(dict, name) < 0) {
                clear_exception();
                return no_attr();
            }
            return 0;
        }
        case Type::slots_instance: {
            ClassPayload* cp = class_payload(x.refs[0]);
            if (cp && cp->has_dict) {
                const std::size_t slot = 1 + cp->slots.size();
                ObjId dict = obj(o).refs[slot];
                if (!dict) {
                    if (!value) return no_attr();
                    Ref d(new_dict());
                    if (!d) return -1;
                    heap_->set_ref(o, slot, d.get());
                    dict = d.get();
                }
                if (value) return dict_set(dict, name, value);
                if (dict_del(dict, name) < 0) {
                    clear_exception();
                    return no_attr();
                }
                return 0;
            }
            return no_attr();
        }
        default:
            break;
    }
    if (descr) {
        return raise_int(Exc::AttributeError, "'" + type_name(o) + "' object attribute '" +
                                                  std::string(text_of(name)) + "' is read-only");
    }
    bool found = false;
    Ref special(builtin_attribute(o, name, found));
    if (exc_) clear_exception();
    if (found)
        return raise_int(Exc::AttributeError, "attribute '" + std::string(text_of(name)) + "' of '" +
                                                  type_name(o) + "' objects is not writable");
    return no_attr();
}

int Interp::descr_set(ObjId descr, ObjId o, ObjId value) {
    const object::Object& d = obj(descr);
    switch (d.type) {
        case Type::property: {
            ObjId fn = value ? d.refs[1] : d.refs[2];
            if (!fn || fn == none()) {
                return raise_int(Exc::AttributeError, "property '" + property_name(descr) + "' of '" + type_name(o) +
                                                          "' object has no " + (value ? "setter" : "deleter"));
            }
            Ref r(value ? call(fn, {o, value}) : call(fn, {o}));
            return r ? 0 : -1;
        }
        case Type::getset_descriptor:
        case Type::member_descriptor:
            return slot_descr_set(descr, o, value);
        default:
            break;
    }
    ObjId t = type_of(descr);
    ObjId fn = lookup(t, value ? Id::set : Id::delete_);
    if (!fn) return raise_int(Exc::AttributeError, value ? "__set__" : "__delete__");
    Ref keep = Ref::borrow(fn);
    Ref r(value ? call(fn, {descr, o, value}) : call(fn, {descr, o}));
    return r ? 0 : -1;
}

int Interp::type_setattr(ObjId cls, ObjId name, ObjId value) {
    ClassPayload* cp = class_payload(cls);
    if (cp && cp->builtin)
        return raise_int(Exc::TypeError, "cannot set '" + std::string(text_of(name)) +
                                             "' attribute of immutable type '" + cp->name + "'");
    // A data descriptor of `type` itself (__name__, __qualname__, __doc__ ...).
    std::string_view n = text_of(name);
    if (n == "__name__" || n == "__qualname__") {
        if (!value || !is_str(value))
            return raise_int(Exc::TypeError, "can only assign string to " + cp->name + "." + std::string(n) +
                                                 ", not '" + (value ? type_name(value) : std::string("NoneType")) + "'");
        if (n == "__name__") cp->name = std::string(text_of(value));
        else cp->qualname = std::string(text_of(value));
        heap_->set_ref(cls, n == "__name__" ? 4 : 5, value);
        return 0;
    }
    ObjId dict = class_dict(cls);
    if (value) {
        if (dict_set(dict, name, value) < 0) return -1;
    } else if (dict_del(dict, name) < 0) {
        clear_exception();
        return raise_int(Exc::AttributeError, "type object '" + cp->name + "' has no attribute '" +
                                                  std::string(n) + "'");
    }
    if (n == "__del__") update_finalizer_flags(cls);
    return 0;
}

}  // namespace refscope::lang
