// trace/object_view.cpp — see object_view.hpp.
#include "trace/object_view.hpp"

#include "lang/num/float_format.hpp"
#include "lang/runtime/objects.hpp"
#include "lang/text/str_repr.hpp"
#include "lang/text/utf8.hpp"
#include "lang/vm/interp.hpp"

namespace refscope::trace {

using object::ObjId;
using object::Type;

namespace {

constexpr std::size_t kFuncLabels = 12;
const char* const kFunctionLabels[kFuncLabels] = {
    "__code__", "__globals__", "__builtins__", "__module__", "__defaults__", "__kwdefaults__",
    "__doc__", "__name__", "__dict__", "__closure__", "__annotations__", "__qualname__"};
const char* const kClassLabels[] = {"__dict__", "__mro__", "__bases__", "__base__", "__name__",
                                    "__qualname__"};
const char* const kExceptionLabels[] = {"__class__", "__dict__", "args", "__notes__",
                                        "__traceback__", "__cause__", "__context__"};

// Cuts UTF-8 text to `max` characters, marking the cut.
std::string cut(std::string text, std::size_t max) {
    std::size_t chars = 0, i = 0;
    for (; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            if (chars == max) break;
            ++chars;
        }
    }
    if (i < text.size()) {
        text.resize(i);
        text += "\u2026";
    }
    return text;
}

std::string class_qualname(lang::Interp& vm, ObjId cls) {
    if (auto* p = vm.class_payload(cls)) return p->qualname.empty() ? p->name : p->qualname;
    return vm.obj(cls).text;
}

std::string text_of_str(lang::Interp& vm, ObjId s) {
    if (!s || vm.obj(s).type != Type::str) return "?";
    return vm.obj(s).text;
}

void append_summary(lang::Interp& vm, ObjId id, int depth, std::string& out);

void append_items(lang::Interp& vm, const std::vector<ObjId>& items, int depth,
                  std::string& out, bool skip_null) {
    bool first = true;
    for (ObjId item : items) {
        if (!item && skip_null) continue;
        if (!first) out += ", ";
        first = false;
        if (out.size() > kSummaryChars * 2) {
            out += "...";
            return;
        }
        append_summary(vm, item, depth + 1, out);
    }
}

void append_summary(lang::Interp& vm, ObjId id, int depth, std::string& out) {
    if (!id) {
        out += "NULL";
        return;
    }
    const object::Object& o = vm.obj(id);
    const bool nested = depth >= 2;
    switch (o.type) {
        case Type::none_type: out += "None"; return;
        case Type::bool_type: out += o.ival ? "True" : "False"; return;
        case Type::int_type:
            if (auto* big = dynamic_cast<const lang::BigIntPayload*>(o.payload.get())) {
                out += cut(big->value.to_decimal(), 40);
            } else {
                out += std::to_string(o.ival);
            }
            return;
        case Type::float_type: out += lang::repr_float(o.fval); return;
        case Type::str: out += lang::repr_str_truncated(o.text, nested ? 12 : 48); return;
        case Type::bytes: out += cut(lang::repr_bytes(o.text), nested ? 14 : 50); return;
        case Type::tuple:
            if (nested && !o.refs.empty()) { out += "(...)"; return; }
            out += "(";
            append_items(vm, o.refs, depth, out, false);
            out += o.refs.size() == 1 ? ",)" : ")";
            return;
        case Type::list:
            if (nested && !o.refs.empty()) { out += "[...]"; return; }
            out += "[";
            append_items(vm, o.refs, depth, out, false);
            out += "]";
            return;
        case Type::set:
        case Type::frozenset: {
            const bool frozen = o.type == Type::frozenset;
            if (o.dict.used == 0) { out += frozen ? "frozenset()" : "set()"; return; }
            if (nested) { out += frozen ? "frozenset({...})" : "{...}"; return; }
            out += frozen ? "frozenset({" : "{";
            append_items(vm, o.refs, depth, out, true);
            out += frozen ? "})" : "}";
            return;
        }
        case Type::dict: {
            if (o.dict.used == 0) { out += "{}"; return; }
            if (nested) { out += "{...}"; return; }
            out += "{";
            const auto& refs = referents(vm, id);
            bool first = true;
            for (std::size_t i = 0; i < refs.size(); ++i) {
                if (out.size() > kSummaryChars * 2) { out += ", ..."; break; }
                if (o.dict.split_class) {
                    if (!first) out += ", ";
                    out += refs[i].first.substr(1, refs[i].first.size() - 2) + ": ";
                    append_summary(vm, refs[i].second, depth + 1, out);
                } else if (i + 1 < refs.size() && refs[i].first.starts_with("key ")) {
                    if (!first) out += ", ";
                    append_summary(vm, refs[i].second, depth + 1, out);
                    out += ": ";
                    append_summary(vm, refs[i + 1].second, depth + 1, out);
                    ++i;
                } else {
                    continue;
                }
                first = false;
            }
            out += "}";
            return;
        }
        case Type::instance:
        case Type::slots_instance:
        case Type::object:
            out += "<" + vm.type_name(id) + " object>";
            return;
        case Type::type: out += "<class '" + class_qualname(vm, id) + "'>"; return;
        case Type::function:
            out += "<function " + (o.refs.size() > 11 ? text_of_str(vm, o.refs[11]) : o.text) + ">";
            return;
        case Type::method: {
            std::string name = !o.refs.empty() && vm.obj(o.refs[0]).type == Type::function &&
                                       vm.obj(o.refs[0]).refs.size() > 11
                                   ? text_of_str(vm, vm.obj(o.refs[0]).refs[11])
                                   : "?";
            out += "<bound method " + name + ">";
            return;
        }
        case Type::cell:
            out += o.refs.empty() || !o.refs[0] ? "<cell: empty>"
                                                : "<cell: " + python_type_name(vm, o.refs[0]) + " object>";
            return;
        case Type::code: {
            auto* info = dynamic_cast<const lang::CodeInfo*>(o.payload.get());
            out += "<code object " + (info && info->code ? info->code->name : std::string("?")) + ">";
            return;
        }
        case Type::module: {
            std::string name = "?";
            if (!o.refs.empty() && o.refs[0]) {
                const object::Object& d = vm.obj(o.refs[0]);
                for (std::size_t i = 0; i + 1 < d.refs.size(); i += 2)
                    if (d.refs[i] && vm.obj(d.refs[i]).type == Type::str && vm.obj(d.refs[i]).text == "__name__")
                        name = text_of_str(vm, d.refs[i + 1]);
            }
            out += "<module '" + name + "'>";
            return;
        }
        case Type::range: {
            auto* r = dynamic_cast<const lang::RangePayload*>(o.payload.get());
            if (r && !r->big) {
                out += "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop) +
                       (r->step != 1 ? ", " + std::to_string(r->step) : "") + ")";
                return;
            }
            out += "range(...)";
            return;
        }
        case Type::exception: {
            out += vm.type_name(id) + "(";
            if (o.refs.size() > 2 && o.refs[2] && !nested) append_items(vm, vm.obj(o.refs[2]).refs, depth, out, false);
            out += ")";
            return;
        }
        case Type::ellipsis: out += "Ellipsis"; return;
        case Type::not_implemented: out += "NotImplemented"; return;
        default: out += "<" + python_type_name(vm, id) + " object>"; return;
    }
}

}  // namespace

std::string python_type_name(lang::Interp& vm, ObjId id) {
    const object::Object& o = vm.obj(id);
    if (o.type == Type::gc_list_head) return object::type_name(o.type);
    return vm.type_name(id);
}

std::string summary(lang::Interp& vm, ObjId id) {
    std::string out;
    append_summary(vm, id, 0, out);
    return cut(std::move(out), kSummaryChars);
}

std::vector<std::pair<std::string, ObjId>> referents(lang::Interp& vm, ObjId id) {
    const object::Object& o = vm.obj(id);
    std::vector<std::pair<std::string, ObjId>> out;
    out.reserve(o.refs.size());
    auto add = [&](std::string label, ObjId target) {
        if (target) out.emplace_back(std::move(label), target);
    };
    auto short_of = [&](ObjId k) {
        std::string s;
        append_summary(vm, k, 1, s);
        return cut(std::move(s), 24);
    };
    switch (o.type) {
        case Type::list:
        case Type::tuple:
            for (std::size_t i = 0; i < o.refs.size(); ++i) add("[" + std::to_string(i) + "]", o.refs[i]);
            return out;
        case Type::dict:
            if (o.dict.split_class) {
                const object::ClassInfo& info = vm.heap().class_info(o.dict.split_class);
                for (std::size_t i = 0; i < o.refs.size(); ++i)
                    add("['" + (i < info.shared_names.size() ? info.shared_names[i] : "?") + "']", o.refs[i]);
                return out;
            }
            for (std::size_t i = 0; i + 1 < o.refs.size(); i += 2) {
                if (!o.refs[i]) continue;
                const std::string k = short_of(o.refs[i]);
                add("key " + k, o.refs[i]);
                add("[" + k + "]", o.refs[i + 1]);
            }
            return out;
        case Type::set:
        case Type::frozenset:
            for (ObjId r : o.refs) add("item", r);
            return out;
        case Type::instance: {
            if (o.refs.empty()) return out;
            add("__class__", o.refs[0]);
            if (o.buf.items && vm.heap().is_heap_class(o.refs[0])) {
                const object::ClassInfo& info = vm.heap().class_info(o.refs[0]);
                for (std::size_t i = 1; i < o.refs.size(); ++i)
                    add("." + (i - 1 < info.shared_names.size() ? info.shared_names[i - 1] : "?"), o.refs[i]);
            } else {
                for (std::size_t i = 1; i < o.refs.size(); ++i) add(i == 1 ? "__dict__" : "[" + std::to_string(i) + "]", o.refs[i]);
            }
            return out;
        }
        case Type::slots_instance: {
            if (o.refs.empty()) return out;
            add("__class__", o.refs[0]);
            const lang::ClassPayload* cp = vm.class_payload(o.refs[0]);
            for (std::size_t i = 1; i < o.refs.size(); ++i)
                add(cp && i - 1 < cp->slots.size() ? "." + cp->slots[i - 1] : "[" + std::to_string(i) + "]", o.refs[i]);
            return out;
        }
        case Type::cell: for (ObjId r : o.refs) add("cell_contents", r); return out;
        case Type::function:
            for (std::size_t i = 0; i < o.refs.size(); ++i)
                add(i < kFuncLabels ? kFunctionLabels[i] : "[" + std::to_string(i) + "]", o.refs[i]);
            return out;
        case Type::method:
            for (std::size_t i = 0; i < o.refs.size(); ++i) add(i == 0 ? "__func__" : "__self__", o.refs[i]);
            return out;
        case Type::type:
            for (std::size_t i = 0; i < o.refs.size(); ++i)
                add(i < 6 ? kClassLabels[i] : "[" + std::to_string(i) + "]", o.refs[i]);
            return out;
        case Type::exception:
            for (std::size_t i = 0; i < o.refs.size(); ++i)
                add(i < 7 ? kExceptionLabels[i] : "[" + std::to_string(i) + "]", o.refs[i]);
            return out;
        case Type::module: for (ObjId r : o.refs) add("__dict__", r); return out;
        case Type::slice: {
            const char* names[] = {"start", "stop", "step"};
            for (std::size_t i = 0; i < o.refs.size(); ++i) add(i < 3 ? names[i] : "?", o.refs[i]);
            return out;
        }
        case Type::traceback: {
            const char* names[] = {"tb_next", "tb_frame"};
            for (std::size_t i = 0; i < o.refs.size(); ++i) add(i < 2 ? names[i] : "?", o.refs[i]);
            return out;
        }
        case Type::code:
            for (std::size_t i = 0; i < o.refs.size(); ++i) add("co_consts", o.refs[i]);
            return out;
        default:
            for (std::size_t i = 0; i < o.refs.size(); ++i) add("[" + std::to_string(i) + "]", o.refs[i]);
            return out;
    }
}

}  // namespace refscope::trace
