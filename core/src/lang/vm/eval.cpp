// lang/vm/eval.cpp — the evaluation loop (Python/ceval.c, _PyEval_EvalFrameDefault, 3.11).
//
// One loop runs a chain of frames: a CALL of a Python function pushes the callee's frame and
// continues in the same loop (3.11's inline calls), RETURN_VALUE pops it. The loop returns
// when its entry frame returns, yields (a generator frame), or unwinds with an exception.
//
// Stack effects and reference moves are CPython's, instruction by instruction: what is popped
// and when it is released decides the moment an object dies (and its __del__ runs), and what
// sys.getrefcount reports in the middle of an expression.
//
// Exceptions: an instruction that fails jumps to `error`, which adds a traceback entry for the
// frame (PyTraceBack_Here) and then `exception_unwind` looks the failing instruction up in the
// code's exception table: the stack is cut to the handler's depth, lasti is pushed if asked,
// then the exception, and execution continues at the handler. Without a handler the frame is
// cleared and popped and the caller's `error` runs; an entry frame returns kNull.
#include "lang/runtime/objects.hpp"
#include "lang/vm/id_buffer.hpp"
#include "lang/vm/interp.hpp"
#include "lang/vm/vm_observer.hpp"

namespace refscope::lang {

namespace {
constexpr std::size_t kFuncGlobals = 1, kFuncBuiltins = 2, kFuncModule = 3, kFuncDefaults = 4,
                      kFuncKwdefaults = 5, kFuncDoc = 6, kFuncName = 7, kFuncDict = 8,
                      kFuncClosure = 9, kFuncAnnotations = 10, kFuncQualname = 11;

const ExceptionEntry* find_handler(const CodeObject& code, std::uint32_t lasti) {
    for (const ExceptionEntry& e : code.exceptiontable)
        if (e.start <= lasti && lasti < e.end) return &e;
    return nullptr;
}
}  // namespace

ObjId Interp::eval(Frame* frame) {
    frame->is_entry = true;
    frame->previous = current_;
    if (!enter_recursion(frame)) return kNull;
    Frame* saved = current_;
    current_ = frame;
    if (observer_) observer_->on_call(*frame);
    ObjId result = eval_loop(frame);
    current_ = saved;
    return result;
}

void Interp::on_line_step(Frame* f) {
    ++line_steps_;
    if (line_steps_ > options_.max_steps) {
        // The observer sees the state exactly where the limit hit, before the unwinding
        // releases the references C++ code holds.
        notify_limit();
        throw LimitReached{"steps"};
    }
    if (observer_) observer_->on_line(*f, f->last_line);
}

void Interp::on_watched_instruction(Frame* f, const Instr& in) {
    watch_ = kNoWatch;
    if (observer_) observer_->on_instruction(*f, in);
}

// The loop returns to eval_loop after every kEvalSlice instructions, which calls it again at
// once: every frame's state is in the Frame, so the next call continues where it stopped.
// WebAssembly engines switch a function to its optimised code only when it is called
// (V8 has no on-stack replacement for wasm): a loop that never returned would run a whole
// program in the baseline compiler's code (V8's Liftoff), and eval_loop is called once per
// Python-to-Python call that is not inlined, i.e. once for most programs. Measured under Node
// 20 (bench/trace_bench.cpp, 1,000,000 line steps, medians of 5): loop 1.02 -> 1.14 M/s,
// recursion 2.81 -> 3.24 M/s, cycles unchanged (its __init__ calls re-enter eval already).
// How much it gains depends on how soon the optimised code is ready (a second run in the same
// process: loop +30%, recursion +55%). The cost: a counter per instruction, a call every
// kEvalSlice instructions; nothing measurable natively.
namespace {
constexpr std::uint32_t kEvalSlice = 4096;
}

ObjId Interp::eval_loop(Frame* entry, bool throwing) {
    for (;;) {
        Frame* resume = nullptr;
        ObjId result = eval_slice(entry, throwing, &resume);
        if (!resume) return result;
        entry = resume;
        throwing = false;
    }
}

ObjId Interp::eval_slice(Frame* start, bool throwing, Frame** resume) {
    Frame* f = start;
    Heap& h = *heap_;
    std::uint32_t budget = kEvalSlice;

#define STACK (f->stack)
#define PUSH(x) (f->stack.push_back(x))
#define POP() (pop_value(f))
#define TOP() (f->stack.back())
#define SECOND() (f->stack[f->stack.size() - 2])
#define THIRD() (f->stack[f->stack.size() - 3])
#define PEEK(n) (f->stack[f->stack.size() - (n)])
#define SET_TOP(x) (f->stack.back() = (x))
#define DECREF(x) (h.decref(x))
#define XDECREF(x) do { ObjId _x = (x); if (_x) h.decref(_x); } while (0)
#define INCREF(x) (h.incref(x))
    auto pop_value = [](Frame* fr) {
        ObjId v = fr->stack.back();
        fr->stack.pop_back();
        return v;
    };

    for (;;) {
        // --- dispatch ----------------------------------------------------------------------
        if (throwing) {
            throwing = false;   // gen.throw(): the exception is raised at the frame's lasti
            goto error;
        }
        if (unsupported_stop_) goto error_no_tb;
        if (--budget == 0) [[unlikely]] {
            *resume = f;
            return kNull;
        }
        {
        const Instr& in = f->code->code[f->pc];
        f->lasti = f->pc++;
        ++instructions_;
        if (in.line && in.line != f->last_line) {
            f->last_line = in.line;
            on_line_step(f);
        }
        if (++begun_ == watch_) [[unlikely]] on_watched_instruction(f, in);
        const std::uint32_t oparg = in.arg;
        const CodeInfo& info = *f->info;

        switch (in.op) {
            case Op::NOP:
            case Op::RESUME:
                break;

            case Op::POP_TOP: DECREF(POP()); break;
            case Op::PUSH_NULL: PUSH(kNull); break;
            case Op::COPY: {
                ObjId v = PEEK(oparg);
                INCREF(v);
                PUSH(v);
                break;
            }
            case Op::SWAP: std::swap(TOP(), PEEK(oparg)); break;

            case Op::UNARY_POSITIVE:
            case Op::UNARY_NEGATIVE:
            case Op::UNARY_INVERT: {
                ObjId value = TOP();
                ObjId res = unary_op(value, in.op);
                DECREF(value);
                SET_TOP(res);
                if (!res) { f->stack.pop_back(); goto error; }
                break;
            }
            case Op::UNARY_NOT: {
                ObjId value = TOP();
                int err = truthy(value);
                DECREF(value);
                if (err < 0) { f->stack.pop_back(); goto error; }
                SET_TOP(new_bool(!err));
                break;
            }
            case Op::BINARY_OP: {
                ObjId rhs = POP();
                ObjId lhs = TOP();
                ObjId res = binary_op(lhs, rhs, oparg);
                DECREF(lhs);
                DECREF(rhs);
                SET_TOP(res);
                if (!res) { f->stack.pop_back(); goto error; }
                break;
            }
            case Op::BINARY_SUBSCR: {
                ObjId sub = POP();
                ObjId container = TOP();
                ObjId res = getitem(container, sub);
                DECREF(container);
                DECREF(sub);
                SET_TOP(res);
                if (!res) { f->stack.pop_back(); goto error; }
                break;
            }
            case Op::STORE_SUBSCR: {
                ObjId sub = TOP(), container = SECOND(), v = THIRD();
                f->stack.resize(f->stack.size() - 3);
                int err = setitem(container, sub, v);
                DECREF(v);
                DECREF(container);
                DECREF(sub);
                if (err < 0) goto error;
                break;
            }
            case Op::DELETE_SUBSCR: {
                ObjId sub = TOP(), container = SECOND();
                f->stack.resize(f->stack.size() - 2);
                int err = setitem(container, sub, kNull);
                DECREF(container);
                DECREF(sub);
                if (err < 0) goto error;
                break;
            }
            case Op::GET_ITER: {
                ObjId iterable = TOP();
                ObjId iter = get_iter(iterable);
                DECREF(iterable);
                SET_TOP(iter);
                if (!iter) { f->stack.pop_back(); goto error; }
                break;
            }
            case Op::GET_YIELD_FROM_ITER: {
                ObjId iterable = TOP();
                if (obj(iterable).type != Type::generator) {
                    ObjId iter = get_iter(iterable);
                    DECREF(iterable);
                    SET_TOP(iter);
                    if (!iter) { f->stack.pop_back(); goto error; }
                }
                break;
            }
            case Op::FOR_ITER: {
                ObjId iter = TOP();
                ObjId next = iter_next(iter);
                if (next) {
                    PUSH(next);
                    break;
                }
                if (exc_) {
                    if (!exception_matches(Exc::StopIteration)) goto error;
                    clear_exception();
                }
                f->stack.pop_back();
                DECREF(iter);
                f->pc = oparg;
                break;
            }
            case Op::GET_LEN: {
                auto n = length(TOP());
                if (!n) goto error;
                ObjId len = new_int(*n);
                if (!len) goto error;
                PUSH(len);
                break;
            }

            // --- names ------------------------------------------------------------------
            case Op::LOAD_CONST: {
                ObjId v = info.consts[oparg];
                INCREF(v);
                PUSH(v);
                break;
            }
            case Op::LOAD_FAST: {
                ObjId v = f->fast[oparg];
                if (!v) {
                    raise(Exc::UnboundLocalError, "cannot access local variable '" + f->code->localsplus[oparg] +
                                                      "' where it is not associated with a value");
                    goto error;
                }
                INCREF(v);
                PUSH(v);
                break;
            }
            case Op::STORE_FAST: {
                ObjId v = POP();
                ObjId old = f->fast[oparg];
                f->fast[oparg] = v;
                if (observer_) observer_->on_binding(*f, f->code->localsplus[oparg], v);
                XDECREF(old);
                break;
            }
            case Op::DELETE_FAST: {
                ObjId old = f->fast[oparg];
                if (!old) {
                    raise(Exc::UnboundLocalError, "cannot access local variable '" + f->code->localsplus[oparg] +
                                                      "' where it is not associated with a value");
                    goto error;
                }
                f->fast[oparg] = kNull;
                if (observer_) observer_->on_binding(*f, f->code->localsplus[oparg], kNull);
                DECREF(old);
                break;
            }
            case Op::LOAD_NAME: {
                ObjId name = info.names[oparg];
                ObjId v = kNull;
                if (f->locals) {
                    v = dict_get(f->locals, name);
                    if (!v && exc_) goto error;
                }
                // Module code: the globals are the locals just searched. With only str keys,
                // searching again can neither find the name nor run an __eq__: skipped.
                if (!v && !(f->locals == f->globals && obj(f->globals).dict.unicode)) {
                    v = dict_get(f->globals, name);
                    if (!v && exc_) goto error;
                }
                if (!v) {
                    v = dict_get(f->builtins, name);
                    if (!v && exc_) goto error;
                }
                if (!v) {
                    raise_name_error(name);
                    goto error;
                }
                INCREF(v);
                PUSH(v);
                break;
            }
            case Op::STORE_NAME: {
                ObjId name = info.names[oparg];
                ObjId v = POP();
                if (!f->locals) {
                    DECREF(v);
                    raise(Exc::SystemError, "no locals found when storing " + std::string(text_of(name)));
                    goto error;
                }
                int err = dict_set(f->locals, name, v);
                if (observer_ && err == 0) observer_->on_binding(*f, text_of(name), v);
                DECREF(v);
                if (err < 0) goto error;
                break;
            }
            case Op::DELETE_NAME: {
                ObjId name = info.names[oparg];
                int err = f->locals ? dict_del(f->locals, name) : -1;
                if (err < 0) {
                    if (exc_ && !exception_matches(Exc::KeyError)) goto error;
                    clear_exception();
                    raise_name_error(name);
                    goto error;
                }
                if (observer_) observer_->on_binding(*f, text_of(name), kNull);
                break;
            }
            case Op::LOAD_GLOBAL: {
                ObjId name = info.names[oparg >> 1];
                ObjId v = dict_get(f->globals, name);
                if (!v) {
                    if (exc_) goto error;
                    v = dict_get(f->builtins, name);
                    if (!v) {
                        if (exc_) goto error;
                        raise_name_error(name);
                        goto error;
                    }
                }
                if (oparg & 1) PUSH(kNull);
                INCREF(v);
                PUSH(v);
                break;
            }
            case Op::STORE_GLOBAL: {
                ObjId name = info.names[oparg];
                ObjId v = POP();
                int err = dict_set(f->globals, name, v);
                if (observer_ && err == 0) observer_->on_binding(*f, text_of(name), v);
                DECREF(v);
                if (err < 0) goto error;
                break;
            }
            case Op::DELETE_GLOBAL: {
                ObjId name = info.names[oparg];
                if (dict_del(f->globals, name) < 0) {
                    if (exc_ && !exception_matches(Exc::KeyError)) goto error;
                    clear_exception();
                    raise_name_error(name);
                    goto error;
                }
                break;
            }
            case Op::MAKE_CELL: {
                ObjId initial = f->fast[oparg];
                ObjId cell = h.new_cell(initial);
                if (!cell) { raise_memory_error(); goto error; }
                f->fast[oparg] = cell;
                XDECREF(initial);
                break;
            }
            case Op::LOAD_CLOSURE: {
                ObjId cell = f->fast[oparg];
                INCREF(cell);
                PUSH(cell);
                break;
            }
            case Op::LOAD_DEREF:
            case Op::LOAD_CLASSDEREF: {
                ObjId cell = f->fast[oparg];
                ObjId v = kNull;
                if (in.op == Op::LOAD_CLASSDEREF && f->locals) {
                    Ref name(intern(f->code->localsplus[oparg]));
                    v = dict_get(f->locals, name.get());
                    if (!v && exc_) goto error;
                }
                if (!v) v = obj(cell).refs[0];
                if (!v) {
                    const std::string& nm = f->code->localsplus[oparg];
                    if (f->code->localkinds[oparg] & kFastFree)
                        raise(Exc::NameError, "cannot access free variable '" + nm +
                                                  "' where it is not associated with a value in enclosing scope");
                    else
                        raise(Exc::UnboundLocalError, "cannot access local variable '" + nm +
                                                          "' where it is not associated with a value");
                    goto error;
                }
                INCREF(v);
                PUSH(v);
                break;
            }
            case Op::STORE_DEREF: {
                ObjId v = POP();
                h.cell_set(f->fast[oparg], v);
                if (observer_) observer_->on_binding(*f, f->code->localsplus[oparg], v);
                DECREF(v);
                break;
            }
            case Op::DELETE_DEREF: {
                ObjId cell = f->fast[oparg];
                if (!obj(cell).refs[0]) {
                    raise(Exc::UnboundLocalError, "cannot access local variable '" + f->code->localsplus[oparg] +
                                                      "' where it is not associated with a value");
                    goto error;
                }
                h.cell_set(cell, kNull);
                break;
            }
            case Op::COPY_FREE_VARS: {
                ObjId closure = obj(f->func).refs[kFuncClosure];
                const std::size_t offset = f->code->localsplus.size() - oparg;
                for (std::uint32_t i = 0; i < oparg; ++i) {
                    ObjId cell = obj(closure).refs[i];
                    INCREF(cell);
                    f->fast[offset + i] = cell;
                }
                break;
            }

            // --- attributes -------------------------------------------------------------
            case Op::LOAD_ATTR: {
                ObjId owner = TOP();
                ObjId res = getattr(owner, info.names[oparg]);
                DECREF(owner);
                SET_TOP(res);
                if (!res) { f->stack.pop_back(); goto error; }
                break;
            }
            case Op::STORE_ATTR: {
                ObjId owner = TOP(), v = SECOND();
                f->stack.resize(f->stack.size() - 2);
                int err = setattr(owner, info.names[oparg], v);
                DECREF(v);
                DECREF(owner);
                if (err < 0) goto error;
                break;
            }
            case Op::DELETE_ATTR: {
                ObjId owner = POP();
                int err = setattr(owner, info.names[oparg], kNull);
                DECREF(owner);
                if (err < 0) goto error;
                break;
            }
            case Op::LOAD_METHOD: {
                ObjId o = TOP();
                ObjId meth = kNull;
                int found = load_method(o, info.names[oparg], &meth);
                if (found < 0) goto error;
                if (found) {
                    SET_TOP(meth);
                    PUSH(o);
                } else {
                    SET_TOP(kNull);
                    DECREF(o);
                    PUSH(meth);
                }
                break;
            }

            // --- comparisons ------------------------------------------------------------
            case Op::COMPARE_OP: {
                ObjId right = POP();
                ObjId left = TOP();
                ObjId res = rich_compare(left, right, static_cast<int>(oparg));
                DECREF(left);
                DECREF(right);
                SET_TOP(res);
                if (!res) { f->stack.pop_back(); goto error; }
                break;
            }
            case Op::IS_OP: {
                ObjId right = POP();
                ObjId left = TOP();
                bool res = (left == right) != (oparg != 0);
                DECREF(left);
                DECREF(right);
                SET_TOP(new_bool(res));
                break;
            }
            case Op::CONTAINS_OP: {
                ObjId right = POP();
                ObjId left = POP();
                int res = contains(right, left);
                DECREF(left);
                DECREF(right);
                if (res < 0) goto error;
                PUSH(new_bool((res != 0) != (oparg != 0)));
                break;
            }

            // --- building ---------------------------------------------------------------
            case Op::BUILD_TUPLE: {
                IdBuffer items(f->stack.data() + (f->stack.size() - oparg), oparg);
                f->stack.resize(f->stack.size() - oparg);
                ObjId t = new_tuple_steal(items.span());
                if (!t) goto error;
                PUSH(t);
                break;
            }
            case Op::BUILD_LIST: {
                IdBuffer items(f->stack.data() + (f->stack.size() - oparg), oparg);
                f->stack.resize(f->stack.size() - oparg);
                ObjId l = new_list_steal(items.span());
                if (!l) goto error;
                PUSH(l);
                break;
            }
            case Op::BUILD_SET: {
                ObjId set = new_set();
                int err = set ? 0 : -1;
                for (std::uint32_t i = oparg; i > 0; --i) {
                    ObjId item = PEEK(i);
                    if (err == 0) err = set_add(set, item);
                    DECREF(item);
                }
                f->stack.resize(f->stack.size() - oparg);
                if (err < 0) {
                    XDECREF(set);
                    goto error;
                }
                PUSH(set);
                break;
            }
            case Op::BUILD_MAP: {
                std::vector<ObjId> keys, values;
                for (std::uint32_t i = 0; i < oparg; ++i) {
                    keys.push_back(PEEK(2 * oparg - 2 * i));
                    values.push_back(PEEK(2 * oparg - 2 * i - 1));
                }
                ObjId map = dict_from_items(keys, values);
                for (std::uint32_t i = 0; i < oparg; ++i) {
                    DECREF(POP());
                    DECREF(POP());
                }
                if (!map) goto error;
                PUSH(map);
                break;
            }
            case Op::BUILD_CONST_KEY_MAP: {
                ObjId keys_tuple = TOP();
                std::vector<ObjId> keys(obj(keys_tuple).refs.begin(), obj(keys_tuple).refs.end());
                std::vector<ObjId> values;
                for (std::uint32_t i = 0; i < oparg; ++i) values.push_back(PEEK(oparg + 1 - i));
                ObjId map = dict_from_items(keys, values);
                DECREF(POP());
                for (std::uint32_t i = 0; i < oparg; ++i) DECREF(POP());
                if (!map) goto error;
                PUSH(map);
                break;
            }
            case Op::BUILD_STRING: {
                std::string s;
                for (std::uint32_t i = oparg; i > 0; --i) s += text_of(PEEK(i));
                ObjId str_obj = new_str(s);
                for (std::uint32_t i = 0; i < oparg; ++i) DECREF(POP());
                if (!str_obj) goto error;
                PUSH(str_obj);
                break;
            }
            case Op::BUILD_SLICE: {
                ObjId step = oparg == 3 ? POP() : kNull;
                ObjId stop = POP();
                ObjId start = TOP();
                ObjId slice = new_slice(start, stop, step);
                DECREF(start);
                DECREF(stop);
                XDECREF(step);
                SET_TOP(slice);
                if (!slice) { f->stack.pop_back(); goto error; }
                break;
            }
            case Op::LIST_APPEND: {
                ObjId v = POP();
                ObjId list = PEEK(oparg);
                bool ok = h.list_append(list, v);
                DECREF(v);
                if (!ok) { raise_memory_error(); goto error; }
                break;
            }
            case Op::SET_ADD: {
                ObjId v = POP();
                int err = set_add(PEEK(oparg), v);
                DECREF(v);
                if (err < 0) goto error;
                break;
            }
            case Op::MAP_ADD: {
                ObjId value = POP();
                ObjId key = POP();
                int err = dict_set(PEEK(oparg), key, value);
                DECREF(key);
                DECREF(value);
                if (err < 0) goto error;
                break;
            }
            case Op::LIST_EXTEND: {
                ObjId iterable = POP();
                ObjId list = PEEK(oparg);
                int err = list_extend(list, iterable);
                if (err < 0 && exception_matches(Exc::TypeError) && obj(iterable).type != Type::type &&
                    !lookup(type_of(iterable), Id::iter) && !lookup(type_of(iterable), Id::getitem) &&
                    !is_builtin_iterable(iterable)) {
                    clear_exception();
                    raise(Exc::TypeError, "Value after * must be an iterable, not " + type_name(iterable));
                }
                DECREF(iterable);
                if (err < 0) goto error;
                break;
            }
            case Op::SET_UPDATE: {
                ObjId iterable = POP();
                int err = set_update(PEEK(oparg), iterable);
                DECREF(iterable);
                if (err < 0) goto error;
                break;
            }
            case Op::DICT_UPDATE: {
                ObjId update = POP();
                ObjId dict = PEEK(oparg);
                int err = dict_merge(dict, update, true);
                if (err < 0 && exception_matches(Exc::AttributeError)) {
                    clear_exception();
                    raise(Exc::TypeError, "'" + type_name(update) + "' object is not a mapping");
                }
                DECREF(update);
                if (err < 0) goto error;
                break;
            }
            case Op::DICT_MERGE: {
                ObjId update = POP();
                ObjId dict = PEEK(oparg);
                int err = dict_merge_kwargs(dict, update, PEEK(oparg + 2));
                DECREF(update);
                if (err < 0) goto error;
                break;
            }
            case Op::LIST_TO_TUPLE: {
                ObjId list = POP();
                ObjId t = new_tuple(obj(list).refs);
                DECREF(list);
                if (!t) goto error;
                PUSH(t);
                break;
            }
            case Op::UNPACK_SEQUENCE: {
                ObjId seq = POP();
                const object::Object& s = obj(seq);
                if ((s.type == Type::tuple || s.type == Type::list) && s.refs.size() == oparg) {
                    for (std::uint32_t i = oparg; i-- > 0;) {
                        ObjId item = obj(seq).refs[i];
                        INCREF(item);
                        PUSH(item);
                    }
                    DECREF(seq);
                    break;
                }
                bool ok = unpack_to_stack(f, seq, oparg, -1);
                DECREF(seq);
                if (!ok) goto error;
                break;
            }
            case Op::UNPACK_EX: {
                ObjId seq = POP();
                bool ok = unpack_to_stack(f, seq, oparg & 0xff, static_cast<int>(oparg >> 8));
                DECREF(seq);
                if (!ok) goto error;
                break;
            }

            // --- control flow -----------------------------------------------------------
            case Op::JUMP_FORWARD:
                f->pc = oparg;
                break;
            case Op::JUMP_BACKWARD:
            case Op::JUMP_BACKWARD_NO_INTERRUPT:
                f->pc = oparg;
                f->last_line = 0;
                break;
            case Op::POP_JUMP_FORWARD_IF_FALSE:
            case Op::POP_JUMP_BACKWARD_IF_FALSE:
            case Op::POP_JUMP_FORWARD_IF_TRUE:
            case Op::POP_JUMP_BACKWARD_IF_TRUE: {
                ObjId cond = POP();
                int t = cond == true_obj() ? 1 : cond == false_obj() ? 0 : truthy(cond);
                DECREF(cond);
                if (t < 0) goto error;
                const bool jump_if = in.op == Op::POP_JUMP_FORWARD_IF_TRUE || in.op == Op::POP_JUMP_BACKWARD_IF_TRUE;
                if ((t != 0) == jump_if) {
                    if (oparg <= f->lasti) f->last_line = 0;
                    f->pc = oparg;
                }
                break;
            }
            case Op::POP_JUMP_FORWARD_IF_NONE:
            case Op::POP_JUMP_BACKWARD_IF_NONE:
            case Op::POP_JUMP_FORWARD_IF_NOT_NONE:
            case Op::POP_JUMP_BACKWARD_IF_NOT_NONE: {
                ObjId value = POP();
                const bool is_none = value == none();
                DECREF(value);
                const bool jump_if_none = in.op == Op::POP_JUMP_FORWARD_IF_NONE || in.op == Op::POP_JUMP_BACKWARD_IF_NONE;
                if (is_none == jump_if_none) {
                    if (oparg <= f->lasti) f->last_line = 0;
                    f->pc = oparg;
                }
                break;
            }
            case Op::JUMP_IF_FALSE_OR_POP:
            case Op::JUMP_IF_TRUE_OR_POP: {
                ObjId cond = TOP();
                int t = truthy(cond);
                if (t < 0) goto error;
                if ((t != 0) == (in.op == Op::JUMP_IF_TRUE_OR_POP)) {
                    f->pc = oparg;
                } else {
                    f->stack.pop_back();
                    DECREF(cond);
                }
                break;
            }

            // --- calls ------------------------------------------------------------------
            case Op::KW_NAMES:
                f->kwnames = info.consts[oparg];
                break;
            case Op::PRECALL: {
                const bool is_meth = PEEK(oparg + 2) != kNull;
                ObjId function = PEEK(oparg + 1);
                if (!is_meth && obj(function).type == Type::method) {
                    ObjId meth = obj(function).refs[0], self = obj(function).refs[1];
                    INCREF(meth);
                    INCREF(self);
                    PEEK(oparg + 1) = self;
                    PEEK(oparg + 2) = meth;
                    DECREF(function);
                }
                break;
            }
            case Op::CALL: {
                const bool is_meth = PEEK(oparg + 2) != kNull;
                ObjId function = PEEK(oparg + 1);
                if (!is_meth && obj(function).type == Type::method) {
                    ObjId meth = obj(function).refs[0], self = obj(function).refs[1];
                    INCREF(meth);
                    INCREF(self);
                    PEEK(oparg + 1) = self;
                    PEEK(oparg + 2) = meth;
                    DECREF(function);
                }
                const bool meth = PEEK(oparg + 2) != kNull;
                const std::size_t total = oparg + (meth ? 1 : 0);
                function = PEEK(total + 1);
                ObjId kwnames = f->kwnames;
                f->kwnames = kNull;
                const std::size_t nkw = kwnames ? obj(kwnames).refs.size() : 0;
                CallArgs args{f->stack.data() + (f->stack.size() - total), total - nkw, kwnames, nkw};
                if (obj(function).type == Type::function) {
                    // Inline call: the arguments' references move into the callee's frame.
                    // (Off the value stack first: a collection while binding must not see
                    // them twice.)
                    Frame* callee = push_frame(function, kNull);
                    IdBuffer moved(f->stack.data() + (f->stack.size() - total), total);
                    CallArgs margs{moved.data(), total - nkw, kwnames, nkw};
                    f->stack.resize(f->stack.size() - total);
                    bool ok = bind_arguments(callee, function, margs, true);
                    // the callable (or NULL) and the function slot
                    ObjId fslot = POP();
                    if (!meth) {
                        ObjId null_slot = POP();
                        (void)null_slot;
                    }
                    DECREF(fslot);
                    if (!ok) {
                        clear_frame(callee);
                        delete callee;
                        goto error;
                    }
                    callee->previous = f;
                    if (!enter_recursion(callee)) {
                        clear_frame(callee);
                        delete callee;
                        goto error;
                    }
                    f = callee;
                    current_ = f;
                    if (observer_) observer_->on_call(*f);
                    break;
                }
                const std::size_t base = f->stack.size() - total;
                ObjId res = call(function, args);
                DECREF(function);
                for (std::size_t i = 0; i < total; ++i) DECREF(f->stack[base + i]);
                f->stack.resize(base - (meth ? 1 : 2));
                if (!res) goto error;
                PUSH(res);
                break;
            }
            case Op::CALL_FUNCTION_EX: {
                ObjId kwargs = (oparg & 1) ? POP() : kNull;
                ObjId callargs = POP();
                ObjId func = TOP();
                ObjId res = call_ex(func, callargs, kwargs);
                DECREF(func);
                DECREF(callargs);
                XDECREF(kwargs);
                f->stack.pop_back();     // func
                f->stack.pop_back();     // NULL
                if (!res) goto error;
                PUSH(res);
                break;
            }
            case Op::MAKE_FUNCTION: {
                ObjId codeobj = POP();
                ObjId func = make_function(codeobj, f->globals, f->builtins);
                DECREF(codeobj);
                if (!func) goto error;
                if (oparg & MF_CLOSURE) h.set_ref(func, kFuncClosure, TOP()), DECREF(POP());
                if (oparg & MF_ANNOTATIONS) h.set_ref(func, kFuncAnnotations, TOP()), DECREF(POP());
                if (oparg & MF_KWDEFAULTS) h.set_ref(func, kFuncKwdefaults, TOP()), DECREF(POP());
                if (oparg & MF_DEFAULTS) h.set_ref(func, kFuncDefaults, TOP()), DECREF(POP());
                PUSH(func);
                break;
            }
            case Op::RETURN_VALUE: {
                ObjId retval = POP();
                if (observer_) observer_->on_return(*f, retval);
                --depth_;
                if (f->is_entry) return retval;
                Frame* prev = f->previous;
                clear_frame(f);
                release_frame(f);
                f = prev;
                current_ = f;
                PUSH(retval);
                break;
            }
            case Op::RETURN_GENERATOR: {
                Frame* prev = f->previous;
                const bool entry_frame = f->is_entry;
                ObjId gen = make_generator(f);
                if (!gen) goto error;
                --depth_;
                if (entry_frame) return gen;
                f = prev;
                current_ = f;
                PUSH(gen);
                break;
            }
            case Op::YIELD_VALUE: {
                ObjId retval = POP();
                auto* gp = payload_of<GenPayload>(obj(f->generator));
                gp->state = GenState::suspended;
                if (observer_) observer_->on_return(*f, retval);
                --depth_;
                return retval;
            }
            case Op::SEND: {
                ObjId v = POP();
                ObjId receiver = TOP();
                ObjId retval = kNull;
                int status = iter_send(receiver, v, &retval);
                DECREF(v);
                if (status < 0) goto error;
                if (status == 1) {   // returned
                    DECREF(receiver);
                    SET_TOP(retval);
                    f->pc = oparg;
                    break;
                }
                PUSH(retval);
                break;
            }

            // --- exceptions -------------------------------------------------------------
            case Op::RAISE_VARARGS: {
                ObjId cause = oparg == 2 ? POP() : kNull;
                ObjId exc = oparg >= 1 ? POP() : kNull;
                if (oparg == 0) {
                    ObjId handled = handled_exception();
                    if (!handled) {
                        raise(Exc::RuntimeError, "No active exception to reraise");
                        goto error;
                    }
                    INCREF(handled);
                    restore_exception(handled);
                    goto exception_unwind;
                }
                do_raise(exc, cause);
                goto error;
            }
            case Op::RERAISE: {
                ObjId val = POP();
                if (oparg) {
                    std::int64_t lasti = 0;
                    small_int(PEEK(oparg), lasti);
                    f->lasti = static_cast<std::uint32_t>(lasti);
                }
                restore_exception(val);
                goto exception_unwind;
            }
            case Op::PUSH_EXC_INFO: {
                ObjId value = TOP();
                ObjId prev = exc_info_->value;
                SET_TOP(prev ? prev : new_none());
                INCREF(value);
                PUSH(value);
                exc_info_->value = value;
                if (observer_) observer_->on_exception_handled(*f, value);
                break;
            }
            case Op::POP_EXCEPT: {
                ObjId old = exc_info_->value;
                exc_info_->value = POP();
                XDECREF(old);
                break;
            }
            case Op::CHECK_EXC_MATCH: {
                ObjId right = POP();
                ObjId left = TOP();
                int match = exception_class_matches(left, right);
                DECREF(right);
                if (match < 0) goto error;
                PUSH(new_bool(match != 0));
                break;
            }
            case Op::LOAD_ASSERTION_ERROR: {
                ObjId e = exc_type(Exc::AssertionError);
                INCREF(e);
                PUSH(e);
                break;
            }
            case Op::BEFORE_WITH: {
                ObjId mgr = TOP();
                ObjId enter = lookup_special(mgr, Id::enter);
                if (!enter) {
                    if (!exc_) raise(Exc::TypeError, "'" + type_name(mgr) + "' object does not support the context manager protocol");
                    goto error;
                }
                ObjId exit = lookup_special(mgr, Id::exit);
                if (!exit) {
                    if (!exc_) raise(Exc::TypeError, "'" + type_name(mgr) + "' object does not support the context manager protocol (missed __exit__ method)");
                    DECREF(enter);
                    goto error;
                }
                SET_TOP(exit);
                DECREF(mgr);
                ObjId res = call(enter, {});
                DECREF(enter);
                if (!res) goto error;
                PUSH(res);
                break;
            }
            case Op::WITH_EXCEPT_START: {
                ObjId val = TOP();
                ObjId exit_func = PEEK(4);
                ObjId tb = obj(val).refs[4];
                ObjId res = call(exit_func, {type_of(val), val, tb ? tb : none()});
                if (!res) goto error;
                PUSH(res);
                break;
            }

            // --- classes, imports, formatting --------------------------------------------
            case Op::LOAD_BUILD_CLASS: {
                ObjId bc = dict_get(f->builtins, id(Id::build_class));
                if (!bc) {
                    if (!exc_) raise(Exc::NameError, "__build_class__ not found");
                    goto error;
                }
                INCREF(bc);
                PUSH(bc);
                break;
            }
            case Op::IMPORT_NAME: {
                ObjId fromlist = POP();
                ObjId level = TOP();
                ObjId res = import_module(info.names[oparg]);
                DECREF(level);
                DECREF(fromlist);
                SET_TOP(res);
                if (!res) { f->stack.pop_back(); goto error; }
                break;
            }
            case Op::IMPORT_FROM: {
                ObjId from = TOP();
                ObjId name = info.names[oparg];
                ObjId res = getattr_opt(from, name);
                if (!res) {
                    if (exc_) goto error;
                    ObjId modname = obj(from).type == Type::module ? dict_get(obj(from).refs[0], id(Id::name)) : kNull;
                    raise(Exc::ImportError, "cannot import name '" + std::string(text_of(name)) + "' from '" +
                                                (modname ? std::string(text_of(modname)) : std::string("?")) + "' (unknown location)");
                    goto error;
                }
                PUSH(res);
                break;
            }
            case Op::IMPORT_STAR: {
                ObjId from = POP();
                int err = import_star(f, from);
                DECREF(from);
                if (err < 0) goto error;
                break;
            }
            case Op::FORMAT_VALUE: {
                ObjId spec = (oparg & FVS_HAVE_SPEC) ? POP() : kNull;
                ObjId value = POP();
                ObjId conv = value;
                INCREF(conv);
                switch (oparg & FVC_MASK) {
                    case FVC_STR: DECREF(conv); conv = str(value); break;
                    case FVC_REPR: DECREF(conv); conv = repr(value); break;
                    case FVC_ASCII: DECREF(conv); conv = ascii(value); break;
                    default: break;
                }
                DECREF(value);
                if (!conv) { XDECREF(spec); goto error; }
                ObjId res;
                if (!spec && obj(conv).type == Type::str) {
                    res = conv;
                } else {
                    res = format(conv, spec ? spec : h.empty_str());
                    DECREF(conv);
                }
                XDECREF(spec);
                if (!res) goto error;
                PUSH(res);
                break;
            }
            case Op::SETUP_ANNOTATIONS: {
                if (f->locals && !dict_get(f->locals, id(Id::annotations))) {
                    Ref d(new_dict());
                    if (!d || dict_set(f->locals, id(Id::annotations), d.get()) < 0) goto error;
                }
                break;
            }
            default:
                report_unsupported(std::string("the instruction ") + op_name(in.op));
                raise(Exc::SystemError, "unsupported instruction");
                goto error;
        }
        continue;
        }

    error:
        // PyTraceBack_Here for the frame where the exception is (now) being handled.
        traceback_here(f);
    error_no_tb:
    exception_unwind: {
        if (!exc_) raise(Exc::SystemError, "error return without exception set");
        // The handler is looked up for the instruction that raised — for RERAISE its own
        // position, not the f_lasti it restored (ceval.c: INSTR_OFFSET() - 1).
        const ExceptionEntry* handler = unsupported_stop_ ? nullptr : find_handler(*f->code, f->pc - 1);
        if (handler) {
            while (f->stack.size() > handler->depth) XDECREF(POP());
            if (handler->lasti) {
                ObjId lasti = new_int(static_cast<std::int64_t>(f->lasti));
                PUSH(lasti ? lasti : new_none());
            }
            PUSH(fetch_exception());
            f->pc = handler->target;
            continue;
        }
        // exit_unwind: no handler in this frame.
        if (observer_) observer_->on_return(*f, kNull);
        --depth_;
        if (f->is_entry) return kNull;
        Frame* prev = f->previous;
        clear_frame(f);
        release_frame(f);
        f = prev;
        current_ = f;
        traceback_here(f);
        goto exception_unwind;
    }
    }
#undef STACK
#undef PUSH
#undef POP
#undef TOP
#undef SECOND
#undef THIRD
#undef PEEK
#undef SET_TOP
#undef DECREF
#undef XDECREF
#undef INCREF
}

}  // namespace refscope::lang
