// lang/runtime/types.cpp — the class objects: builtin types, exceptions, and lookups.
//
// Models Objects/typeobject.c (3.11) as far as programs observe it: a class is a type object
// whose refs are [tp_dict, tp_mro, tp_bases, tp_base, ht_name, ht_qualname]; attribute lookup
// walks the MRO's dicts (_PyType_Lookup). Builtin types and exception classes are static
// objects (no block, never freed), as CPython's static types are; user classes are heap types
// (Heap::new_class). A builtin object's class follows from its heap layout (object::Type and
// subkind), an instance's from refs[0].
#include <algorithm>

#include "lang/runtime/objects.hpp"
#include "lang/vm/interp.hpp"

namespace refscope::lang {

namespace {

struct BuiltinTypeInfo {
    const char* name;
    Type layout;
    std::uint8_t subkind;
    bool basetype;
};

const BuiltinTypeInfo& bt_info(BT bt) {
    static const BuiltinTypeInfo kInfo[] = {
        {"object", Type::object, 0, true}, {"type", Type::type, 0, true},
        {"int", Type::int_type, 0, true}, {"bool", Type::bool_type, 0, false},
        {"float", Type::float_type, 0, true}, {"complex", Type::complex_type, 0, true},
        {"str", Type::str, 0, true}, {"bytes", Type::bytes, 0, true},
        {"bytearray", Type::bytearray, 0, true}, {"tuple", Type::tuple, 0, true},
        {"list", Type::list, 0, true}, {"dict", Type::dict, 0, true},
        {"set", Type::set, 0, true}, {"frozenset", Type::frozenset, 0, true},
        {"NoneType", Type::none_type, 0, false}, {"ellipsis", Type::ellipsis, 0, false},
        {"NotImplementedType", Type::not_implemented, 0, false},
        {"function", Type::function, 0, false}, {"method", Type::method, 0, false},
        {"builtin_function_or_method", Type::builtin_function, 0, false},
        {"method_descriptor", Type::method_descriptor, 0, false},
        {"wrapper_descriptor", Type::method_descriptor, 1, false},
        {"classmethod_descriptor", Type::method_descriptor, 2, false},
        {"getset_descriptor", Type::getset_descriptor, 0, false},
        {"member_descriptor", Type::member_descriptor, 0, false},
        {"cell", Type::cell, 0, false}, {"code", Type::code, 0, false},
        {"module", Type::module, 0, true}, {"generator", Type::generator, 0, false},
        {"range", Type::range, 0, false}, {"slice", Type::slice, 0, false},
        {"property", Type::property, 0, true}, {"staticmethod", Type::staticmethod, 0, true},
        {"classmethod", Type::classmethod, 0, true}, {"super", Type::super_object, 0, true},
        {"ReferenceType", Type::weakref, 0, true}, {"traceback", Type::traceback, 0, false},
        {"frame", Type::frame, 0, false},
        {"list_iterator", Type::iterator, static_cast<std::uint8_t>(IterKind::list), false},
        {"list_reverseiterator", Type::iterator, static_cast<std::uint8_t>(IterKind::list_reverse), false},
        {"tuple_iterator", Type::iterator, static_cast<std::uint8_t>(IterKind::tuple), false},
        {"range_iterator", Type::iterator, static_cast<std::uint8_t>(IterKind::range), false},
        {"str_ascii_iterator", Type::iterator, static_cast<std::uint8_t>(IterKind::str), false},
        {"bytes_iterator", Type::iterator, static_cast<std::uint8_t>(IterKind::bytes), false},
        {"dict_keyiterator", Type::iterator, static_cast<std::uint8_t>(IterKind::dict_keys), false},
        {"dict_valueiterator", Type::iterator, static_cast<std::uint8_t>(IterKind::dict_values), false},
        {"dict_itemiterator", Type::iterator, static_cast<std::uint8_t>(IterKind::dict_items), false},
        {"set_iterator", Type::iterator, static_cast<std::uint8_t>(IterKind::set), false},
        {"enumerate", Type::iterator, static_cast<std::uint8_t>(IterKind::enumerate), true},
        {"zip", Type::iterator, static_cast<std::uint8_t>(IterKind::zip), true},
        {"map", Type::iterator, static_cast<std::uint8_t>(IterKind::map), true},
        {"filter", Type::iterator, static_cast<std::uint8_t>(IterKind::filter), true},
        {"reversed", Type::iterator, static_cast<std::uint8_t>(IterKind::list_reverse), true},
        {"callable_iterator", Type::iterator, static_cast<std::uint8_t>(IterKind::callable), false},
        {"iterator", Type::iterator, static_cast<std::uint8_t>(IterKind::seq), false},
        {"dict_keys", Type::dict_view, static_cast<std::uint8_t>(ViewKind::keys), false},
        {"dict_values", Type::dict_view, static_cast<std::uint8_t>(ViewKind::values), false},
        {"dict_items", Type::dict_view, static_cast<std::uint8_t>(ViewKind::items), false},
        {"finalize", Type::object, 0, true},
        {"TextIOWrapper", Type::object, 0, true},
    };
    static_assert(sizeof(kInfo) / sizeof(kInfo[0]) == static_cast<std::size_t>(BT::count_));
    return kInfo[static_cast<std::size_t>(bt)];
}

}  // namespace

ObjId Interp::make_static_class(std::string_view name, ObjId base, Type layout, BT bt) {
    // A static PyTypeObject: 408 bytes plus the GC head it is sized with.
    ObjId cls = heap_->new_static(Type::type, 0, 424);
    auto p = std::make_shared<ClassPayload>();
    p->name = std::string(name);
    p->qualname = p->name;
    p->builtin = true;
    p->layout = layout;
    p->bt = bt;
    if (bt != BT::count_) {
        p->subkind = bt_info(bt).subkind;
        p->basetype = bt_info(bt).basetype;
    }
    if (base) {
        ClassPayload* bp = class_payload(base);
        p->is_exception = bp->is_exception || layout == Type::exception;
    }
    if (bt == BT::weakref) p->module = "weakref";
    if (bt == BT::finalize) p->module = "weakref";
    if (bt == BT::textio) p->module = "_io";
    heap_->at(cls).payload = std::move(p);
    heap_->at(cls).text = std::string(name);
    Ref dict(new_dict());
    std::vector<ObjId> mro{cls};
    if (base) {
        ObjId base_mro = class_mro(base);
        for (ObjId c : obj(base_mro).refs) mro.push_back(c);
    }
    Ref mro_tuple(new_tuple(mro));
    Ref bases(base ? new_tuple(std::span<const ObjId>(&base, 1)) : newref(heap_->empty_tuple()));
    Ref name_str(intern(name));
    heap_->mark_type_dict(dict.get());
    heap_->append_ref(cls, dict.get());
    heap_->append_ref(cls, mro_tuple.get());
    heap_->append_ref(cls, bases.get());
    heap_->append_ref(cls, base);
    heap_->append_ref(cls, name_str.get());
    heap_->append_ref(cls, name_str.get());
    return cls;
}

void Interp::create_types() {
    static const char* const kNames[] = {
#define REFSCOPE_BT_TEXT(e, s) s,
        REFSCOPE_BUILTIN_TYPES(REFSCOPE_BT_TEXT)
#undef REFSCOPE_BT_TEXT
    };
    (void)kNames;
    for (std::size_t i = 0; i < types_.size(); ++i) {
        const BT bt = static_cast<BT>(i);
        const BuiltinTypeInfo& info = bt_info(bt);
        ObjId base = bt == BT::object ? kNull : type(BT::object);
        if (bt == BT::bool_) base = type(BT::int_);
        types_[i] = make_static_class(info.name, base, info.layout, bt);
    }
    // The singletons without a constructor of their own in the heap model.
    ellipsis_ = heap_->new_static(Type::ellipsis, 0, 16);
    not_implemented_ = heap_->new_static(Type::not_implemented, 0, 16);
}

void Interp::create_exceptions() {
    struct Row {
        const char* name;
        Exc parent;
    };
    static const Row kRows[] = {
#define REFSCOPE_EXC_ROW(e, s, p) {s, Exc::p},
        REFSCOPE_EXCEPTIONS(REFSCOPE_EXC_ROW)
#undef REFSCOPE_EXC_ROW
    };
    for (std::size_t i = 0; i < excs_.size(); ++i) {
        const Exc e = static_cast<Exc>(i);
        ObjId base = e == Exc::BaseException ? type(BT::object) : exc_type(kRows[i].parent);
        excs_[i] = make_static_class(kRows[i].name, base, Type::exception, BT::count_);
        class_payload(excs_[i])->is_exception = true;
    }
    ObjId args[] = {kNull};
    memory_error_ = new_exception(exc_type(Exc::MemoryError), std::span<const ObjId>(args, std::size_t{0}));
}

ClassPayload* Interp::class_payload(ObjId cls) const {
    return payload_of<ClassPayload>(obj(cls));
}

ObjId Interp::class_dict(ObjId cls) const {
    const auto& refs = obj(cls).refs;
    return refs.empty() ? kNull : refs[0];
}

ObjId Interp::class_mro(ObjId cls) const {
    const auto& refs = obj(cls).refs;
    return refs.size() > 1 ? refs[1] : kNull;
}

ObjId Interp::type_of(ObjId o) const {
    const object::Object& x = obj(o);
    switch (x.type) {
        case Type::instance:
        case Type::slots_instance:
        case Type::exception:
            return x.refs[0];
        case Type::none_type: return type(BT::none_type);
        case Type::bool_type: return type(BT::bool_);
        case Type::int_type: return type(BT::int_);
        case Type::float_type: return type(BT::float_);
        case Type::complex_type: return type(BT::complex);
        case Type::str: return type(BT::str);
        case Type::bytes: return type(BT::bytes);
        case Type::bytearray: return type(BT::bytearray);
        case Type::tuple: return type(BT::tuple);
        case Type::list: return type(BT::list);
        case Type::dict: return type(BT::dict);
        case Type::set: return type(BT::set);
        case Type::frozenset: return type(BT::frozenset);
        case Type::object:
            if (x.payload) {
                if (auto* n = dynamic_cast<NativeInstancePayload*>(x.payload.get())) return type(n->cls);
            }
            return type(BT::object);
        case Type::type: return type(BT::type);
        case Type::cell: return type(BT::cell);
        case Type::function: return type(BT::function);
        case Type::method: return type(BT::method);
        case Type::weakref: return type(BT::weakref);
        case Type::range: return type(BT::range);
        case Type::code: return type(BT::code);
        case Type::module: return type(BT::module);
        case Type::builtin_function: return type(BT::builtin_function);
        case Type::method_descriptor:
            return type(x.subkind == 1 ? BT::wrapper_descriptor
                        : x.subkind == 2 ? BT::classmethod_descriptor : BT::method_descriptor);
        case Type::generator: return type(BT::generator);
        case Type::slice: return type(BT::slice);
        case Type::traceback: return type(BT::traceback);
        case Type::frame: return type(BT::frame);
        case Type::property: return type(BT::property);
        case Type::staticmethod: return type(BT::staticmethod);
        case Type::classmethod: return type(BT::classmethod);
        case Type::super_object: return type(BT::super_);
        case Type::getset_descriptor: return type(BT::getset_descriptor);
        case Type::member_descriptor: return type(BT::member_descriptor);
        case Type::ellipsis: return type(BT::ellipsis);
        case Type::not_implemented: return type(BT::not_implemented);
        case Type::dict_view:
            switch (static_cast<ViewKind>(x.subkind)) {
                case ViewKind::keys: return type(BT::dict_keys);
                case ViewKind::values: return type(BT::dict_values);
                case ViewKind::items: return type(BT::dict_items);
            }
            break;
        case Type::iterator:
            switch (static_cast<IterKind>(x.subkind)) {
                case IterKind::list: return type(BT::list_iterator);
                case IterKind::list_reverse: return type(BT::list_reverseiterator);
                case IterKind::tuple: return type(BT::tuple_iterator);
                case IterKind::range: return type(BT::range_iterator);
                case IterKind::str: return type(BT::str_iterator);
                case IterKind::bytes: return type(BT::bytes_iterator);
                case IterKind::dict_keys: return type(BT::dict_keyiterator);
                case IterKind::dict_values: return type(BT::dict_valueiterator);
                case IterKind::dict_items: return type(BT::dict_itemiterator);
                case IterKind::set: return type(BT::set_iterator);
                case IterKind::enumerate: return type(BT::enumerate);
                case IterKind::zip: return type(BT::zip);
                case IterKind::map: return type(BT::map);
                case IterKind::filter: return type(BT::filter);
                case IterKind::callable: return type(BT::callable_iterator);
                case IterKind::seq: return type(BT::seq_iterator);
            }
            break;
        default: break;
    }
    return type(BT::object);
}

std::string Interp::class_name(ObjId cls) const {
    if (ClassPayload* p = class_payload(cls)) return p->name;
    return obj(cls).text;
}

std::string Interp::type_name(ObjId o) const { return class_name(type_of(o)); }

bool Interp::is_subclass(ObjId cls, ObjId base) const {
    if (cls == base) return true;
    ObjId mro = class_mro(cls);
    if (!mro) return false;
    for (ObjId c : obj(mro).refs)
        if (c == base) return true;
    return false;
}

bool Interp::is_exception_class(ObjId cls) const {
    return obj(cls).type == Type::type && is_subclass(cls, exc_type(Exc::BaseException));
}

bool Interp::is_heap_instance(ObjId o) const {
    const auto t = obj(o).type;
    return (t == Type::instance || t == Type::slots_instance || t == Type::exception) &&
           heap_->is_heap_class(obj(o).refs[0]);
}

ObjId Interp::lookup(ObjId cls, ObjId name) {
    const std::uint64_t name_serial = obj(name).serial;
    const std::uint64_t changes = heap_->type_dict_changes();
    AttrCache::Entry& cached = attr_cache_.entry(cls, name_serial);
    if (AttrCache::answers(cached, cls, name_serial, changes)) return cached.value;
    ObjId mro = class_mro(cls);
    if (!mro) return kNull;   // a class being made or cleared: not remembered
    const std::int64_t hash = heap_->default_hash(name);
    ObjId value = kNull;
    for (std::size_t i = 0; i < obj(mro).refs.size() && !value; ++i) {
        ObjId c = obj(mro).refs[i];
        ObjId dict = class_dict(c);
        if (!dict) continue;
        auto found = heap_->dict_lookup(dict, name, hash, {});
        if (found.index) value = heap_->dict_entry_value(dict, *found.index);
    }
    cached = {changes, name_serial, cls, value};
    return value;
}

ObjId Interp::lookup(ObjId cls, std::string_view name) {
    if (ObjId key = heap_->find_interned(name)) return lookup(cls, key);
    Ref key(new_str(name));
    if (!key) {
        clear_exception();
        return kNull;
    }
    return lookup(cls, key.get());
}

bool Interp::has_user_method(ObjId o, Id name) {
    ObjId cls = type_of(o);
    if (!heap_->is_heap_class(cls)) return false;
    ObjId f = lookup(cls, name);
    return f && obj(f).type == Type::function;
}

}  // namespace refscope::lang
