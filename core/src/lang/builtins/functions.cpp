// lang/builtins/functions.cpp — the builtin functions (Python/bltinmodule.c, 3.11).
//
// Each function checks its arguments as CPython does and uses the runtime's protocols, so
// reference behaviour follows: print() converts each argument with str() and releases the
// result before the next one, min()/max() keep a reference to the best item so far, sorted()
// copies the iterable into a new list and sorts it in place, and so on. Builtins outside the
// subset (eval, exec, compile, memoryview, breakpoint, help, aiter, anext, copyright, credits,
// license) exist, so a name lookup behaves as in CPython, and report "unsupported" when called.
#include <algorithm>
#include <cmath>

#include "lang/num/float_ops.hpp"
#include "lang/runtime/natives.hpp"
#include "lang/runtime/objects.hpp"
#include "lang/text/format_spec.hpp"
#include "lang/text/utf8.hpp"
#include "lang/vm/interp.hpp"

namespace refscope::lang {

namespace {

// print's argument clinic parser: its keyword-name tuple is made on the first call (3.11
// builds _PyArg_Parser.kwtuple lazily) and kept for the rest of the run.
const char kPrintParser = 0;

ObjId bi_print(Interp& vm, ObjId, const CallArgs& a) {
    ObjId& kwtuple = vm.static_slot(&kPrintParser);
    if (!kwtuple) {
        Ref names[] = {Ref(vm.intern("sep")), Ref(vm.intern("end")), Ref(vm.intern("file")), Ref(vm.intern("flush"))};
        ObjId items[] = {names[0].get(), names[1].get(), names[2].get(), names[3].get()};
        kwtuple = vm.new_tuple(items);
        if (!kwtuple) return kNull;
    }
    // *args arrives as a tuple (_PyArg_UnpackKeywordsWithVararg).
    Ref varargs(vm.new_tuple(std::span<const ObjId>(a.items, a.nargs)));
    if (!varargs) return kNull;
    ObjId sep = kwarg(vm, a, "sep"), end = kwarg(vm, a, "end"), file = kwarg(vm, a, "file");
    for (std::size_t i = 0; i < a.nkw; ++i) {
        std::string_view k = vm.text_of(vm.obj(a.kwnames).refs[i]);
        if (k != "sep" && k != "end" && k != "file" && k != "flush")
            return vm.raise(Exc::TypeError, "'" + std::string(k) + "' is an invalid keyword argument for print()");
    }
    if (sep && sep != vm.none() && !vm.is_str(sep))
        return vm.raise(Exc::TypeError, "sep must be None or a string, not " + vm.type_name(sep));
    if (end && end != vm.none() && !vm.is_str(end))
        return vm.raise(Exc::TypeError, "end must be None or a string, not " + vm.type_name(end));
    if (file == vm.none()) file = kNull;
    if (!file) file = vm.sys_stdout();
    const bool std_stream = file == vm.sys_stdout() || file == vm.sys_stderr();
    // Each piece is written as it comes (PyFile_WriteObject / PyFile_WriteString), so __str__
    // side effects and the stream's pending chunks interleave as in CPython.
    auto emit = [&](ObjId text) -> bool {
        if (std_stream) {
            vm.textio_write(file, text);
            return true;
        }
        Ref r(vm.call_method(file, Id::write, {text}));
        return r.get() != kNull;
    };
    Ref space(vm.new_str(" ")), newline(vm.new_str("\n"));
    ObjId sep_obj = sep && sep != vm.none() ? sep : space.get();
    ObjId end_obj = end && end != vm.none() ? end : newline.get();
    for (std::size_t i = 0; i < a.nargs; ++i) {
        if (i > 0 && !emit(sep_obj)) return kNull;
        Ref s(vm.str(a[i]));
        if (!s) return kNull;
        if (!emit(s.get())) return kNull;
    }
    if (!emit(end_obj)) return kNull;
    return vm.new_none();
}

ObjId bi_len(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "len")) return kNull;
    auto n = vm.length(a[0]);
    if (!n) return kNull;
    return vm.new_int(*n);
}

ObjId bi_repr(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "repr")) return kNull;
    return vm.repr(a[0]);
}

ObjId bi_ascii(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "ascii")) return kNull;
    return vm.ascii(a[0]);
}

ObjId bi_format(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_positional(vm, a, "format", 1, 2)) return kNull;
    return vm.format(a[0], a.nargs > 1 ? a[1] : vm.heap().empty_str());
}

ObjId bi_id(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "id")) return kNull;
    return vm.new_int(static_cast<std::int64_t>(vm.heap().id_of(a[0])));
}

ObjId bi_hash(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "hash")) return kNull;
    auto h = vm.hash(a[0]);
    if (!h) return kNull;
    return vm.new_int(*h);
}

int isinstance_check(Interp& vm, ObjId o, ObjId cls, bool subclass) {
    if (vm.obj(cls).type == Type::tuple) {
        for (ObjId c : vm.obj(cls).refs) {
            int r = isinstance_check(vm, o, c, subclass);
            if (r != 0) return r;
        }
        return 0;
    }
    if (vm.obj(cls).type != Type::type) {
        if (subclass) return vm.raise_int(Exc::TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return vm.raise_int(Exc::TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    }
    if (subclass) return vm.is_subclass(o, cls);
    return vm.isinstance(o, cls);
}

ObjId bi_isinstance(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_positional(vm, a, "isinstance", 2, 2)) return kNull;
    int r = isinstance_check(vm, a[0], a[1], false);
    if (r < 0) return kNull;
    return vm.new_bool(r);
}

ObjId bi_issubclass(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_positional(vm, a, "issubclass", 2, 2)) return kNull;
    if (vm.obj(a[0]).type != Type::type) return vm.raise(Exc::TypeError, "issubclass() arg 1 must be a class");
    int r = isinstance_check(vm, a[0], a[1], true);
    if (r < 0) return kNull;
    return vm.new_bool(r);
}

ObjId bi_getattr(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_positional(vm, a, "getattr", 2, 3)) return kNull;
    if (!vm.is_str(a[1]))
        return vm.raise(Exc::TypeError, "attribute name must be string, not '" + vm.type_name(a[1]) + "'");
    ObjId r = vm.getattr(a[0], a[1]);
    if (!r && a.nargs == 3 && vm.exception_matches(Exc::AttributeError)) {
        vm.clear_exception();
        return vm.newref(a[2]);
    }
    return r;
}

ObjId bi_setattr(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_positional(vm, a, "setattr", 3, 3)) return kNull;
    if (vm.setattr(a[0], a[1], a[2]) < 0) return kNull;
    return vm.new_none();
}

ObjId bi_delattr(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_positional(vm, a, "delattr", 2, 2)) return kNull;
    if (vm.setattr(a[0], a[1], kNull) < 0) return kNull;
    return vm.new_none();
}

ObjId bi_hasattr(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_positional(vm, a, "hasattr", 2, 2)) return kNull;
    if (!vm.is_str(a[1]))
        return vm.raise(Exc::TypeError, "attribute name must be string, not '" + vm.type_name(a[1]) + "'");
    Ref r(vm.getattr(a[0], a[1]));
    if (!r) {
        if (!vm.exception_matches(Exc::AttributeError)) return kNull;
        vm.clear_exception();
        return vm.new_bool(false);
    }
    return vm.new_bool(true);
}

ObjId bi_callable(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "callable")) return kNull;
    switch (vm.obj(a[0]).type) {
        case Type::function: case Type::method: case Type::builtin_function: case Type::type:
        case Type::method_descriptor: case Type::weakref: case Type::staticmethod:
            return vm.new_bool(true);
        default:
            return vm.new_bool(vm.lookup(vm.type_of(a[0]), Id::call) != kNull);
    }
}

ObjId bi_iter(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_positional(vm, a, "iter", 1, 2)) return kNull;
    if (a.nargs == 1) return vm.get_iter(a[0]);
    if (!vm.lookup(vm.type_of(a[0]), Id::call) && vm.obj(a[0]).type != Type::function &&
        vm.obj(a[0]).type != Type::builtin_function && vm.obj(a[0]).type != Type::method &&
        vm.obj(a[0]).type != Type::type)
        return vm.raise(Exc::TypeError, "iter(v, w): v must be callable");
    ObjId refs[] = {a[0], a[1]};
    return vm.new_iterator(IterKind::callable, refs);
}

ObjId bi_next(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_positional(vm, a, "next", 1, 2)) return kNull;
    if (!vm.is_iterator(a[0])) return vm.raise(Exc::TypeError, "'" + vm.type_name(a[0]) + "' object is not an iterator");
    ObjId r = vm.iter_next(a[0]);
    if (r) return r;
    if (vm.has_exception()) {
        if (a.nargs == 2 && vm.exception_matches(Exc::StopIteration)) {
            vm.clear_exception();
            return vm.newref(a[1]);
        }
        return kNull;
    }
    if (a.nargs == 2) return vm.newref(a[1]);
    return vm.raise_stop_iteration(kNull);
}

ObjId bi_abs(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "abs")) return kNull;
    ObjId x = a[0];
    if (vm.is_float(x)) return vm.new_float(std::fabs(vm.float_of(x)));
    if (vm.is_int(x)) {
        std::int64_t v;
        if (vm.small_int(x, v) && v != INT64_MIN) return vm.new_int(v < 0 ? -v : v);
        return vm.new_int(abs(vm.big_of(x)));
    }
    if (vm.is_heap_instance(x)) {
        if (ObjId f = vm.lookup(vm.type_of(x), Id::abs)) {
            Ref keep = Ref::borrow(f);
            return vm.call_descr(f, x, {});
        }
    }
    return vm.raise(Exc::TypeError, "bad operand type for abs(): '" + vm.type_name(x) + "'");
}

ObjId bi_round(Interp& vm, ObjId, const CallArgs& a) {
    ObjId args[2];
    if (!parse_args(vm, a, "round", {"number", "ndigits"}, 1, args, true)) return kNull;
    ObjId x = args[0], nd = args[1] == vm.none() ? kNull : args[1];
    if (vm.is_float(x)) {
        if (!nd) {
            auto r = float_round_to_int(vm.float_of(x));
            if (!r) return vm.raise_from_pyerror(r.error());
            return vm.new_int(r.value());
        }
        auto n = vm.index_value(nd);
        if (!n) return kNull;
        auto r = float_round(vm.float_of(x), *n);
        if (!r) return vm.raise_from_pyerror(r.error());
        return vm.new_float(r.value());
    }
    if (vm.is_int(x)) {
        if (!nd) return vm.obj(x).type == Type::bool_type ? vm.new_int(vm.obj(x).ival) : vm.newref(x);
        if (!vm.is_int(nd)) return vm.raise(Exc::TypeError, "'" + vm.type_name(nd) + "' object cannot be interpreted as an integer");
        auto r = round_ndigits(vm.big_of(x), vm.big_of(nd));
        if (!r) return vm.raise_from_pyerror(r.error());
        return vm.new_int(r.value());
    }
    if (vm.is_heap_instance(x)) {
        if (ObjId f = vm.lookup(vm.type_of(x), Id::round)) {
            Ref keep = Ref::borrow(f);
            return nd ? vm.call_descr(f, x, {nd}) : vm.call_descr(f, x, {});
        }
    }
    return vm.raise(Exc::TypeError, "type " + vm.type_name(x) + " doesn't define __round__ method");
}

ObjId bi_divmod(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_positional(vm, a, "divmod", 2, 2)) return kNull;
    ObjId x = a[0], y = a[1];
    if (vm.is_int(x) && vm.is_int(y)) {
        Ref q(vm.binary_op(x, y, NB_FLOOR_DIVIDE));
        if (!q) {
            if (vm.exception_matches(Exc::ZeroDivisionError)) {
                vm.clear_exception();
                return vm.raise(Exc::ZeroDivisionError, "integer division or modulo by zero");
            }
            return kNull;
        }
        Ref r(vm.binary_op(x, y, NB_REMAINDER));
        if (!r) return kNull;
        ObjId items[] = {q.get(), r.get()};
        return vm.new_tuple(items);
    }
    if (vm.is_number(x) && vm.is_number(y)) {
        auto fx = vm.to_double(x), fy = vm.to_double(y);
        if (!fx || !fy) return kNull;
        auto r = float_divmod(*fx, *fy);
        if (!r) return vm.raise_from_pyerror(r.error());
        Ref q(vm.new_float(r.value().first)), m(vm.new_float(r.value().second));
        if (!q || !m) return kNull;
        ObjId items[] = {q.get(), m.get()};
        return vm.new_tuple(items);
    }
    if (vm.is_heap_instance(x)) {
        if (ObjId f = vm.lookup(vm.type_of(x), Id::floordiv); f && vm.lookup(vm.type_of(x), "__divmod__")) {
            ObjId dm = vm.lookup(vm.type_of(x), "__divmod__");
            Ref keep = Ref::borrow(dm);
            return vm.call_descr(dm, x, {y});
        }
        if (ObjId dm = vm.lookup(vm.type_of(x), "__divmod__")) {
            Ref keep = Ref::borrow(dm);
            return vm.call_descr(dm, x, {y});
        }
    }
    return vm.raise(Exc::TypeError, "unsupported operand type(s) for divmod(): '" + vm.type_name(x) + "' and '" + vm.type_name(y) + "'");
}

ObjId bi_pow(Interp& vm, ObjId, const CallArgs& a) {
    ObjId args[3];
    if (!parse_args(vm, a, "pow", {"base", "exp", "mod"}, 2, args, true)) return kNull;
    if (!args[2] || args[2] == vm.none()) return vm.binary_op(args[0], args[1], NB_POWER);
    if (!vm.is_int(args[0]) || !vm.is_int(args[1]) || !vm.is_int(args[2]))
        return vm.raise(Exc::TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    auto r = pow_mod(vm.big_of(args[0]), vm.big_of(args[1]), vm.big_of(args[2]));
    if (!r) return vm.raise_from_pyerror(r.error());
    return vm.new_int(r.value());
}

ObjId min_max(Interp& vm, const CallArgs& a, bool is_max) {
    const char* name = is_max ? "max" : "min";
    ObjId key = kwarg(vm, a, "key"), def = kwarg(vm, a, "default");
    for (std::size_t i = 0; i < a.nkw; ++i) {
        std::string_view k = vm.text_of(vm.obj(a.kwnames).refs[i]);
        if (k != "key" && k != "default")
            return vm.raise(Exc::TypeError, std::string(name) + "() got an unexpected keyword argument '" + std::string(k) + "'");
    }
    if (key == vm.none()) key = kNull;
    if (a.nargs == 0) return vm.raise(Exc::TypeError, std::string(name) + " expected at least 1 argument, got 0");
    if (a.nargs > 1 && def)
        return vm.raise(Exc::TypeError, std::string("Cannot specify a default for ") + name + "() with multiple positional arguments");
    Ref it;
    Ref tuple;
    if (a.nargs == 1) {
        it.reset(vm.get_iter(a[0]));
    } else {
        tuple.reset(vm.new_tuple(std::span<const ObjId>(a.items, a.nargs)));
        if (!tuple) return kNull;
        it.reset(vm.get_iter(tuple.get()));
    }
    if (!it) return kNull;
    Ref best, best_key;
    for (;;) {
        Ref item(vm.iter_next(it.get()));
        if (!item) {
            if (vm.has_exception()) {
                if (!vm.exception_matches(Exc::StopIteration)) return kNull;
                vm.clear_exception();
            }
            break;
        }
        Ref k;
        if (key) {
            k.reset(vm.call(key, {item.get()}));
            if (!k) return kNull;
        } else {
            k = Ref::borrow(item.get());
        }
        if (!best) {
            best = std::move(item);
            best_key = std::move(k);
            continue;
        }
        int better = vm.compare_bool(k.get(), best_key.get(), is_max ? CMP_GT : CMP_LT);
        if (better < 0) return kNull;
        if (better) {
            best = std::move(item);
            best_key = std::move(k);
        }
    }
    if (!best) {
        if (def) return vm.newref(def);
        return vm.raise(Exc::ValueError, std::string(name) + "() arg is an empty sequence");
    }
    return best.release();
}

ObjId bi_min(Interp& vm, ObjId, const CallArgs& a) { return min_max(vm, a, false); }
ObjId bi_max(Interp& vm, ObjId, const CallArgs& a) { return min_max(vm, a, true); }

ObjId bi_sum(Interp& vm, ObjId, const CallArgs& a) {
    ObjId args[2];
    if (!parse_args(vm, a, "sum", {"iterable", "start"}, 1, args, true)) return kNull;
    ObjId start = args[1];
    if (start && vm.is_str(start)) return vm.raise(Exc::TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    if (start && vm.obj(start).type == Type::bytes) return vm.raise(Exc::TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    Ref it(vm.get_iter(args[0]));
    if (!it) return kNull;
    Ref total(start ? vm.newref(start) : vm.new_int(0));
    for (;;) {
        Ref item(vm.iter_next(it.get()));
        if (!item) {
            if (vm.has_exception()) {
                if (!vm.exception_matches(Exc::StopIteration)) return kNull;
                vm.clear_exception();
            }
            return total.release();
        }
        Ref next(vm.binary_op(total.get(), item.get(), NB_ADD));
        if (!next) return kNull;
        total = std::move(next);
    }
}

ObjId any_all(Interp& vm, const CallArgs& a, bool want) {
    if (!check_one_arg(vm, a, want ? "any" : "all")) return kNull;
    Ref it(vm.get_iter(a[0]));
    if (!it) return kNull;
    for (;;) {
        Ref item(vm.iter_next(it.get()));
        if (!item) {
            if (vm.has_exception()) {
                if (!vm.exception_matches(Exc::StopIteration)) return kNull;
                vm.clear_exception();
            }
            return vm.new_bool(!want);
        }
        int t = vm.truthy(item.get());
        if (t < 0) return kNull;
        if ((t != 0) == want) return vm.new_bool(want);
    }
}

ObjId bi_any(Interp& vm, ObjId, const CallArgs& a) { return any_all(vm, a, true); }
ObjId bi_all(Interp& vm, ObjId, const CallArgs& a) { return any_all(vm, a, false); }

ObjId bi_sorted(Interp& vm, ObjId, const CallArgs& a) {
    if (a.nargs != 1) return vm.raise(Exc::TypeError, a.nargs == 0 ? "sorted expected 1 argument, got 0" : "sorted expected 1 argument, got " + std::to_string(a.nargs));
    Ref list(vm.new_list({}));
    if (!list || vm.list_extend(list.get(), a[0]) < 0) return kNull;
    CallArgs rest{a.items + 1, 0, a.kwnames, a.nkw};
    if (!vm.list_sort(list.get(), rest)) return kNull;
    return list.release();
}

ObjId bi_reversed(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_positional(vm, a, "reversed", 1, 1)) return kNull;
    return vm.reversed(a[0]);
}

ObjId bi_ord(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "ord")) return kNull;
    ObjId c = a[0];
    if (vm.is_str(c)) {
        if (vm.str_length(c) != 1)
            return vm.raise(Exc::TypeError, "ord() expected a character, but string of length " + std::to_string(vm.str_length(c)) + " found");
        return vm.new_int(utf8_decode(vm.text_of(c), 0).cp);
    }
    if (vm.obj(c).type == Type::bytes) {
        if (vm.text_of(c).size() != 1)
            return vm.raise(Exc::TypeError, "ord() expected a character, but string of length " + std::to_string(vm.text_of(c).size()) + " found");
        return vm.new_int(static_cast<unsigned char>(vm.text_of(c)[0]));
    }
    return vm.raise(Exc::TypeError, "ord() expected string of length 1, but " + vm.type_name(c) + " found");
}

ObjId bi_chr(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_one_arg(vm, a, "chr")) return kNull;
    if (!vm.is_int(a[0])) return vm.raise(Exc::TypeError, "'" + vm.type_name(a[0]) + "' object cannot be interpreted as an integer");
    std::int64_t v;
    if (!vm.small_int(a[0], v)) return vm.raise(Exc::OverflowError, "Python int too large to convert to C int");
    if (v < 0 || v > 0x10ffff) return vm.raise(Exc::ValueError, "chr() arg not in range(0x110000)");
    return vm.new_str(utf8_encode(static_cast<char32_t>(v)));
}

ObjId int_to_base(Interp& vm, const CallArgs& a, const char* name, int base) {
    if (!check_one_arg(vm, a, name)) return kNull;
    ObjId x = a[0];
    Ref idx;
    if (!vm.is_int(x)) {
        auto v = vm.index_value(x);
        if (!v) return kNull;
        idx.reset(vm.new_int(*v));
        x = idx.get();
    }
    return vm.new_str(vm.big_of(x).to_string(base));
}

ObjId bi_hex(Interp& vm, ObjId, const CallArgs& a) { return int_to_base(vm, a, "hex", 16); }
ObjId bi_oct(Interp& vm, ObjId, const CallArgs& a) { return int_to_base(vm, a, "oct", 8); }
ObjId bi_bin(Interp& vm, ObjId, const CallArgs& a) { return int_to_base(vm, a, "bin", 2); }

ObjId bi_input(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_positional(vm, a, "input", 0, 1)) return kNull;
    if (a.nargs == 1) {
        auto p = vm.str_text(a[0]);
        if (!p) return kNull;
        vm.write_stdout(*p);
    }
    std::string_view rest = vm.stdin_rest();
    if (rest.empty()) return vm.raise(Exc::EOFError, "EOF when reading a line");
    std::size_t nl = rest.find('\n');
    std::string line(rest.substr(0, nl == std::string_view::npos ? rest.size() : nl));
    vm.consume_stdin(nl == std::string_view::npos ? rest.size() : nl + 1);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return vm.new_str(line);
}

ObjId bi_globals(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_no_args(vm, a, "globals")) return kNull;
    Frame* f = vm.current_frame();
    return vm.newref(f ? f->globals : vm.main_dict());
}

ObjId bi_locals(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_no_args(vm, a, "locals")) return kNull;
    Frame* f = vm.current_frame();
    if (!f) return vm.new_dict();
    if (f->locals) return vm.newref(f->locals);
    ObjId fo = vm.frame_object(f);
    if (!fo) return kNull;
    return vm.frame_locals(fo);
}

ObjId bi_vars(Interp& vm, ObjId self, const CallArgs& a) {
    if (!check_positional(vm, a, "vars", 0, 1)) return kNull;
    if (a.nargs == 0) return bi_locals(vm, self, a);
    ObjId r = vm.getattr(a[0], vm.id(Id::dict));
    if (!r && vm.exception_matches(Exc::AttributeError)) {
        vm.clear_exception();
        return vm.raise(Exc::TypeError, "vars() argument must have __dict__ attribute");
    }
    return r;
}

ObjId bi_dir(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_positional(vm, a, "dir", 0, 1)) return kNull;
    Ref names(vm.new_set());
    if (!names) return kNull;
    auto add_keys = [&](ObjId dict) {
        if (!dict) return true;
        bool ok = true;
        vm.dict_for_each(dict, [&](ObjId k, ObjId) {
            if (vm.set_add(names.get(), k) < 0) ok = false;
            return ok;
        });
        return ok;
    };
    if (a.nargs == 0) {
        Frame* f = vm.current_frame();
        Ref loc(f && f->locals ? vm.newref(f->locals) : kNull);
        if (!loc && f) {
            ObjId fo = vm.frame_object(f);
            loc.reset(fo ? vm.frame_locals(fo) : kNull);
        }
        if (!add_keys(loc.get())) return kNull;
    } else {
        ObjId o = a[0];
        if (vm.obj(o).type == Type::module) {
            if (!add_keys(vm.obj(o).refs[0])) return kNull;
        } else {
            ObjId cls = vm.obj(o).type == Type::type ? o : vm.type_of(o);
            if (vm.obj(o).type == Type::instance) {
                ObjId d = vm.heap().instance_dict(o);
                if (!add_keys(d)) return kNull;
            } else if (vm.obj(o).type == Type::exception && vm.obj(o).refs[1]) {
                if (!add_keys(vm.obj(o).refs[1])) return kNull;
            }
            ObjId mro = vm.class_mro(cls);
            for (ObjId c : vm.obj(mro).refs) {
                if (!add_keys(vm.class_dict(c))) return kNull;
                // Attributes served by getset/member descriptors CPython keeps in the dicts.
                const ClassPayload* p = vm.class_payload(c);
                const BT bt = p && p->builtin ? p->bt : BT::count_;
                std::initializer_list<const char*> extra = {};
                static const std::initializer_list<const char*> kObjectExtra = {"__class__", "__doc__"};
                static const std::initializer_list<const char*> kIntExtra = {"denominator", "imag", "numerator", "real"};
                static const std::initializer_list<const char*> kFloatExtra = {"imag", "real"};
                static const std::initializer_list<const char*> kRangeExtra = {"start", "step", "stop"};
                if (bt == BT::object) extra = kObjectExtra;
                else if (bt == BT::int_) extra = kIntExtra;
                else if (bt == BT::float_) extra = kFloatExtra;
                else if (bt == BT::range || bt == BT::slice) extra = kRangeExtra;
                for (const char* name : extra) {
                    Ref key(vm.intern(name));
                    if (!key || vm.set_add(names.get(), key.get()) < 0) return kNull;
                }
            }
        }
    }
    Ref list(vm.new_list({}));
    if (!list || vm.list_extend(list.get(), names.get()) < 0) return kNull;
    CallArgs none{nullptr, 0, kNull, 0};
    if (!vm.list_sort(list.get(), none)) return kNull;
    return list.release();
}

ObjId bi_build_class(Interp& vm, ObjId, const CallArgs& a) { return vm.build_class(a); }

ObjId bi_exit(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_positional(vm, a, "exit", 0, 1)) return kNull;
    ObjId arg = a.nargs ? a[0] : kNull;
    ObjId exc = vm.new_exception(vm.exc_type(Exc::SystemExit), std::span<const ObjId>(&arg, arg ? 1 : 0));
    if (!exc) return kNull;
    return vm.raise_obj(exc);
}

ObjId bi_open(Interp& vm, ObjId, const CallArgs&) {
    vm.report_unsupported("open() (files)");
    return vm.raise(Exc::OSError, "files are not supported");
}

// Builtins that exist in CPython but not in the subset: calling one stops the run with an
// "unsupported" report naming it, instead of a NameError CPython would never raise.
template <const char* Name>
ObjId bi_unsupported(Interp& vm, ObjId, const CallArgs&) {
    vm.report_unsupported(std::string(Name) + "()");
    return vm.raise(Exc::NotImplementedError, std::string(Name) + "() is not supported");
}
constexpr char kEval[] = "eval", kExec[] = "exec", kCompile[] = "compile",
               kMemoryview[] = "memoryview", kBreakpoint[] = "breakpoint", kHelp[] = "help",
               kAiter[] = "aiter", kAnext[] = "anext", kCopyright[] = "copyright",
               kCredits[] = "credits", kLicense[] = "license";

ObjId bi_import(Interp& vm, ObjId, const CallArgs& a) {
    if (a.nargs < 1) return vm.raise(Exc::TypeError, "__import__() missing required argument 'name' (pos 1)");
    return vm.import_module(a[0]);
}

const NativeDef kBuiltins[] = {
    {"print", bi_print}, {"len", bi_len}, {"repr", bi_repr}, {"ascii", bi_ascii},
    {"format", bi_format}, {"id", bi_id}, {"hash", bi_hash}, {"isinstance", bi_isinstance},
    {"issubclass", bi_issubclass}, {"getattr", bi_getattr}, {"setattr", bi_setattr},
    {"delattr", bi_delattr}, {"hasattr", bi_hasattr}, {"callable", bi_callable},
    {"iter", bi_iter}, {"next", bi_next}, {"abs", bi_abs}, {"round", bi_round},
    {"divmod", bi_divmod}, {"pow", bi_pow}, {"min", bi_min}, {"max", bi_max}, {"sum", bi_sum},
    {"any", bi_any}, {"all", bi_all}, {"sorted", bi_sorted}, {"reversed", bi_reversed},
    {"ord", bi_ord}, {"chr", bi_chr}, {"hex", bi_hex}, {"oct", bi_oct}, {"bin", bi_bin},
    {"input", bi_input}, {"globals", bi_globals}, {"locals", bi_locals}, {"vars", bi_vars},
    {"dir", bi_dir}, {"__build_class__", bi_build_class}, {"exit", bi_exit}, {"quit", bi_exit},
    {"open", bi_open}, {"__import__", bi_import},
    {"eval", bi_unsupported<kEval>}, {"exec", bi_unsupported<kExec>},
    {"compile", bi_unsupported<kCompile>}, {"memoryview", bi_unsupported<kMemoryview>},
    {"breakpoint", bi_unsupported<kBreakpoint>}, {"help", bi_unsupported<kHelp>},
    {"aiter", bi_unsupported<kAiter>}, {"anext", bi_unsupported<kAnext>},
    {"copyright", bi_unsupported<kCopyright>}, {"credits", bi_unsupported<kCredits>},
    {"license", bi_unsupported<kLicense>},
};

}  // namespace

void register_builtin_functions(Interp& vm, ObjId builtins) {
    for (const NativeDef& def : kBuiltins) vm.add_native(builtins, &def);
}

}  // namespace refscope::lang
