// lang/vm/frames.cpp — frames, frame objects, functions and loading a compilation unit.
//
// Models Python/frame.c (3.11): _PyFrame_Clear releases localsplus in order, then f_locals,
// f_func and f_code; a frame object made while the frame ran and still referenced when it ends
// takes the frame's references over (take_ownership), links f_back to the caller's frame
// object and starts being tracked. Objects/funcobject.c: a function object's refs. And the
// constants of a unit: 3.11 shares equal constants across the code objects of one compilation,
// and the parse tree (run_mod's arena) holds one more reference to each literal until the
// module has run — why `a = 12345678901; sys.getrefcount(a)` is 4 in a script.
#include <algorithm>
#include <set>

#include "lang/runtime/objects.hpp"
#include "lang/vm/interp.hpp"
#include "refscope/errors.hpp"

namespace refscope::lang {

namespace {

constexpr std::size_t kFuncCode = 0;

// The value stack effect of an instruction (dis.stack_effect, 3.11), `jump` when it jumps.
int stack_effect(Op op, std::uint32_t arg, bool jump) {
    const int n = static_cast<int>(arg);
    switch (op) {
        case Op::POP_TOP: return -1;
        case Op::PUSH_NULL: return 1;
        case Op::BINARY_SUBSCR: return -1;
        case Op::GET_LEN: case Op::MATCH_MAPPING: case Op::MATCH_SEQUENCE: case Op::MATCH_KEYS:
        case Op::PUSH_EXC_INFO: case Op::WITH_EXCEPT_START: case Op::BEFORE_WITH:
        case Op::LOAD_BUILD_CLASS: case Op::LOAD_ASSERTION_ERROR:
            return 1;
        case Op::STORE_SUBSCR: return -3;
        case Op::DELETE_SUBSCR: return -2;
        case Op::PRINT_EXPR: case Op::RETURN_VALUE: case Op::IMPORT_STAR:
        case Op::PREP_RERAISE_STAR: case Op::POP_EXCEPT:
            return -1;
        case Op::STORE_NAME: return -1;
        case Op::UNPACK_SEQUENCE: return n - 1;
        case Op::FOR_ITER: return jump ? -1 : 1;
        case Op::UNPACK_EX: return (n & 0xff) + (n >> 8);
        case Op::STORE_ATTR: return -2;
        case Op::DELETE_ATTR: case Op::STORE_GLOBAL: return -1;
        case Op::LOAD_CONST: case Op::LOAD_NAME: return 1;
        case Op::BUILD_TUPLE: case Op::BUILD_LIST: case Op::BUILD_SET: case Op::BUILD_STRING:
            return 1 - n;
        case Op::BUILD_MAP: return 1 - 2 * n;
        case Op::COMPARE_OP: case Op::IMPORT_NAME: case Op::IS_OP: case Op::CONTAINS_OP:
        case Op::BINARY_OP: case Op::RERAISE:
            return -1;
        case Op::IMPORT_FROM: return 1;
        case Op::JUMP_IF_FALSE_OR_POP: case Op::JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
        case Op::POP_JUMP_FORWARD_IF_FALSE: case Op::POP_JUMP_FORWARD_IF_TRUE:
        case Op::POP_JUMP_BACKWARD_IF_FALSE: case Op::POP_JUMP_BACKWARD_IF_TRUE:
        case Op::POP_JUMP_FORWARD_IF_NONE: case Op::POP_JUMP_FORWARD_IF_NOT_NONE:
        case Op::POP_JUMP_BACKWARD_IF_NONE: case Op::POP_JUMP_BACKWARD_IF_NOT_NONE:
            return -1;
        case Op::LOAD_GLOBAL: return 1 + (n & 1);
        case Op::COPY: return 1;
        case Op::SEND: return jump ? -1 : 0;
        case Op::LOAD_FAST: return 1;
        case Op::STORE_FAST: return -1;
        case Op::RAISE_VARARGS: return -n;
        case Op::MAKE_FUNCTION:
            return -((n & 1) != 0) - ((n & 2) != 0) - ((n & 4) != 0) - ((n & 8) != 0);
        case Op::BUILD_SLICE: return 1 - n;
        case Op::LOAD_CLOSURE: case Op::LOAD_DEREF: case Op::LOAD_CLASSDEREF: return 1;
        case Op::STORE_DEREF: return -1;
        case Op::CALL_FUNCTION_EX: return -2 - (n & 1);
        case Op::LIST_APPEND: case Op::SET_ADD: return -1;
        case Op::MAP_ADD: return -2;
        case Op::MATCH_CLASS: return -2;
        case Op::FORMAT_VALUE: return (n & 4) ? -1 : 0;
        case Op::BUILD_CONST_KEY_MAP: return -n;
        case Op::LOAD_METHOD: return 1;
        case Op::LIST_EXTEND: case Op::SET_UPDATE: case Op::DICT_MERGE: case Op::DICT_UPDATE:
            return -1;
        case Op::PRECALL: return -n;
        case Op::CALL: return -1;   // PRECALL took the arguments
        // The value a resumed generator receives first, popped by the POP_TOP that follows.
        case Op::RETURN_GENERATOR: return 1;
        default: return 0;
    }
}

bool falls_through(Op op) {
    switch (op) {
        case Op::JUMP_FORWARD: case Op::JUMP_BACKWARD: case Op::JUMP_BACKWARD_NO_INTERRUPT:
        case Op::RETURN_VALUE: case Op::RAISE_VARARGS: case Op::RERAISE:
            return false;
        default:
            return true;
    }
}

bool jumps(Op op) {
    switch (op) {
        case Op::FOR_ITER: case Op::JUMP_FORWARD: case Op::JUMP_BACKWARD:
        case Op::JUMP_BACKWARD_NO_INTERRUPT: case Op::JUMP_IF_FALSE_OR_POP:
        case Op::JUMP_IF_TRUE_OR_POP: case Op::POP_JUMP_FORWARD_IF_FALSE:
        case Op::POP_JUMP_FORWARD_IF_TRUE: case Op::POP_JUMP_BACKWARD_IF_FALSE:
        case Op::POP_JUMP_BACKWARD_IF_TRUE: case Op::POP_JUMP_FORWARD_IF_NONE:
        case Op::POP_JUMP_FORWARD_IF_NOT_NONE: case Op::POP_JUMP_BACKWARD_IF_NONE:
        case Op::POP_JUMP_BACKWARD_IF_NOT_NONE: case Op::SEND:
            return true;
        default:
            return false;
    }
}

// co_stacksize: the deepest the value stack gets on any path.
std::uint32_t compute_stacksize(const CodeObject& code) {
    const std::size_t n = code.code.size();
    std::vector<int> depth_at(n, -1);
    std::vector<std::uint32_t> work;
    int max_depth = 0;
    auto visit = [&](std::uint32_t i, int d) {
        if (i >= n || d < 0) return;
        if (depth_at[i] >= d) return;
        depth_at[i] = d;
        max_depth = std::max(max_depth, d);
        work.push_back(i);
    };
    visit(0, 0);
    for (const ExceptionEntry& e : code.exceptiontable)
        visit(e.target, static_cast<int>(e.depth) + (e.lasti ? 1 : 0) + 1);
    while (!work.empty()) {
        std::uint32_t i = work.back();
        work.pop_back();
        const Instr& in = code.code[i];
        const int d = depth_at[i];
        if (jumps(in.op)) {
            int dj = d + stack_effect(in.op, in.arg, true);
            max_depth = std::max(max_depth, dj);
            visit(in.arg, dj);
        }
        if (falls_through(in.op) && in.op != Op::JUMP_FORWARD) {
            int dn = d + stack_effect(in.op, in.arg, false);
            max_depth = std::max(max_depth, dn);
            visit(i + 1, dn);
        }
        // Handlers are entered from any instruction in their range at the recorded depth.
        for (const ExceptionEntry& e : code.exceptiontable)
            if (e.start <= i && i < e.end) visit(e.target, static_cast<int>(e.depth) + (e.lasti ? 1 : 0) + 1);
    }
    return static_cast<std::uint32_t>(max_depth);
}

bool all_name_chars(std::string_view s) {
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if (!(u == '_' || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z')))
            return false;
    }
    return true;
}

void move_host_to_ref(Heap& h, ObjId owner, ObjId x) {
    h.at(owner).refs.push_back(x);
    if (x) h.at(x).external -= 1;
}

}  // namespace

std::uint32_t code_stacksize(const CodeObject& code) { return compute_stacksize(code); }

// --- frame objects ----------------------------------------------------------------------------

ObjId Interp::frame_object(Frame* f) {
    if (f->frame_obj) return f->frame_obj;
    const std::uint32_t slots = static_cast<std::uint32_t>(f->code->localsplus.size()) + f->info->stacksize;
    ObjId fo = heap_->new_object_of(Type::frame, 0, 136 + 8 * slots, {}, false);
    if (!fo) return kNull;
    heap_->at(fo).refs.push_back(kNull);   // f_back: set when the frame object takes over
    auto p = std::make_shared<FramePayload>();
    p->live = f;
    p->code = f->code;
    p->info = f->info;
    heap_->at(fo).payload = std::move(p);
    f->frame_obj = fo;
    return fo;
}

void Interp::clear_frame(Frame* f) {
    if (ObjId fo = f->frame_obj) {
        f->frame_obj = kNull;
        auto* p = payload_of<FramePayload>(obj(fo));
        p->live = nullptr;
        if (obj(fo).refcnt > 1) {
            // take_ownership: the frame object keeps what the frame held.
            Frame* prev = f->previous;
            if (prev) {
                ObjId back = frame_object(prev);
                if (back) heap_->set_ref(fo, 0, back);
                else clear_exception();
            }
            move_host_to_ref(*heap_, fo, std::exchange(f->func, kNull));
            move_host_to_ref(*heap_, fo, std::exchange(f->locals, kNull));
            for (ObjId& x : f->fast) move_host_to_ref(*heap_, fo, std::exchange(x, kNull));
            for (ObjId& x : f->stack) move_host_to_ref(*heap_, fo, std::exchange(x, kNull));
            move_host_to_ref(*heap_, fo, std::exchange(f->code_obj, kNull));
            f->stack.clear();
            heap_->track(fo);
            decref(fo);
            return;
        }
        decref(fo);
    }
    for (ObjId& x : f->fast) xdecref(std::exchange(x, kNull));
    while (!f->stack.empty()) {
        ObjId x = f->stack.front();
        f->stack.erase(f->stack.begin());
        xdecref(x);
    }
    xdecref(std::exchange(f->locals, kNull));
    xdecref(std::exchange(f->func, kNull));
    xdecref(std::exchange(f->code_obj, kNull));
}

// --- functions ---------------------------------------------------------------------------------

ObjId Interp::make_function(ObjId code, ObjId globals, ObjId builtins) {
    auto* info = payload_of<CodeInfo>(obj(code));
    ObjId module = dict_get(globals, id(Id::name));
    if (!module && exc_) clear_exception();
    ObjId doc = none();
    if (!info->consts.empty() && obj(info->consts[0]).type == Type::str) doc = info->consts[0];
    // func_traverse order: code, globals, builtins, module, defaults, kwdefaults, doc, name,
    // dict, closure, annotations, qualname.
    ObjId refs[] = {code, globals, builtins, module, kNull, kNull, doc,
                    info->name, kNull, kNull, kNull, info->qualname};
    ObjId func = heap_->new_function(info->code->name, refs);
    return func ? func : raise_memory_error();
}

// --- loading a unit ----------------------------------------------------------------------------

ObjId Interp::materialize_constant(const CompilationUnit& unit, std::uint32_t index,
                                   std::vector<ObjId>& pool) {
    if (pool[index]) return pool[index];
    const Constant& c = unit.pool.at(index);
    ObjId v = kNull;
    switch (c.kind) {
        case Constant::Kind::none: v = new_none(); break;
        case Constant::Kind::ellipsis: v = newref(ellipsis_); break;
        case Constant::Kind::boolean: v = new_bool(c.boolean); break;
        case Constant::Kind::integer: v = new_int(c.integer); break;
        case Constant::Kind::big_integer: {
            auto big = BigInt::from_string(c.text, 10);
            v = big ? new_int(*big) : new_int(0);
            break;
        }
        case Constant::Kind::floating: v = new_float(c.floating); break;
        case Constant::Kind::complex:
            report_unsupported("complex numbers");
            v = new_none();
            break;
        case Constant::Kind::str:
            v = all_name_chars(c.text) ? intern(c.text) : new_str(c.text);
            break;
        case Constant::Kind::bytes: v = new_bytes(c.text); break;
        case Constant::Kind::tuple: {
            std::vector<ObjId> items;
            for (std::uint32_t i : c.items) items.push_back(materialize_constant(unit, i, pool));
            v = new_tuple(items);
            break;
        }
        case Constant::Kind::frozenset: {
            v = new_set(true);
            for (std::uint32_t i : c.items) set_add(v, materialize_constant(unit, i, pool));
            break;
        }
        case Constant::Kind::code:
            v = kNull;   // filled by load_unit
            break;
    }
    if (!v) throw InvariantError("constant could not be created");
    pool[index] = v;
    return v;
}

void Interp::load_unit(CompilationUnit& unit, std::vector<ObjId>& code_objects) {
    // Code objects first (constants may be code objects), then the pool, then each code
    // object's references: its constants, names and localsplus names.
    code_objects.assign(unit.codes.size(), kNull);
    for (std::size_t i = 0; i < unit.codes.size(); ++i) {
        const CodeObject& co = unit.codes[i];
        const auto request = static_cast<std::uint32_t>(200 + 2 * co.code.size());
        ObjId code = heap_->new_object_of(Type::code, 0, request, {}, false);
        if (!code) throw LimitReached{"memory"};
        auto info = std::make_shared<CodeInfo>();
        info->unit = &unit;
        info->code = &co;
        info->stacksize = compute_stacksize(co);
        heap_->at(code).payload = info;
        heap_->at(code).text = co.name;
        code_objects[i] = code;
    }
    std::vector<ObjId> pool(unit.pool.size(), kNull);
    for (std::size_t i = 0; i < unit.pool.size(); ++i)
        if (unit.pool[i].kind == Constant::Kind::code) pool[i] = code_objects[unit.pool[i].code];
    // Which constants only KW_NAMES uses (the compiler made them; the parse tree has none).
    std::set<std::uint32_t> kwnames_only, loaded;
    for (const CodeObject& co : unit.codes)
        for (const Instr& in : co.code) {
            if (in.op == Op::KW_NAMES) kwnames_only.insert(co.consts.at(in.arg));
            else if (in.op == Op::LOAD_CONST) loaded.insert(co.consts.at(in.arg));
        }
    for (std::uint32_t i = 0; i < unit.pool.size(); ++i) {
        if (unit.pool[i].kind == Constant::Kind::code) continue;
        ObjId v = materialize_constant(unit, i, pool);
        (void)v;
    }
    // The parse tree's references: one per literal (not for code objects or kwnames tuples,
    // which only the compiler made).
    std::vector<ObjId> compiler_only;
    for (std::uint32_t i = 0; i < unit.pool.size(); ++i) {
        if (unit.pool[i].kind == Constant::Kind::code) continue;
        if (kwnames_only.count(i) && !loaded.count(i)) compiler_only.push_back(pool[i]);
        else parse_tree_refs_.push_back(pool[i]);
    }
    for (std::size_t i = 0; i < unit.codes.size(); ++i) {
        const CodeObject& co = unit.codes[i];
        ObjId code = code_objects[i];
        auto* info = payload_of<CodeInfo>(obj(code));
        for (std::uint32_t pi : co.consts) {
            heap_->append_ref(code, pool[pi]);
            info->consts.push_back(pool[pi]);
        }
        for (const std::string& name : co.names) {
            Ref s(intern(name));
            heap_->append_ref(code, s.get());
            info->names.push_back(s.get());
        }
        for (const std::string& name : co.localsplus) {
            Ref s(intern(name));
            heap_->append_ref(code, s.get());
            info->localsplusnames.push_back(s.get());
        }
        Ref filename(new_str(unit.filename));
        Ref name(intern(co.name));
        Ref qualname(co.qualname == co.name ? intern(co.name) : new_str(co.qualname));
        heap_->append_ref(code, filename.get());
        heap_->append_ref(code, name.get());
        heap_->append_ref(code, qualname.get());
        info->filename = filename.get();
        info->name = name.get();
        info->qualname = qualname.get();
        for (std::uint8_t k : co.localkinds) {
            if (k & kFastCell) ++info->ncells;
            if (k & kFastFree) ++info->nfrees;
        }
    }
    // Nested code objects are held by their parents' constants; the module code by the unit.
    for (std::size_t i = 1; i < code_objects.size(); ++i) decref(code_objects[i]);
    for (ObjId c : compiler_only) decref(c);
    unit_code_objects_.push_back(code_objects[0]);
}

}  // namespace refscope::lang
