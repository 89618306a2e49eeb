// lang/compiler.cpp — compilation units, blocks, instruction emission, names and constants
// (compiler.hpp). Models compiler_enter_scope / compiler_exit_scope, compiler_addop*,
// compiler_nameop and compiler_add_const of Python/compile.c (3.11).
#include "lang/compiler.hpp"
#include "lang/lexer.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace refscope::lang {

// ---- opcode classes ----------------------------------------------------------------------

bool is_jump_op(int o) {
    if (o >= P_JUMP) return true;   // JUMP .. POP_JUMP_IF_NOT_NONE
    switch (static_cast<Op>(o)) {
        case Op::FOR_ITER: case Op::JUMP_FORWARD: case Op::JUMP_IF_FALSE_OR_POP:
        case Op::JUMP_IF_TRUE_OR_POP: case Op::POP_JUMP_FORWARD_IF_FALSE:
        case Op::POP_JUMP_FORWARD_IF_TRUE: case Op::SEND: case Op::POP_JUMP_FORWARD_IF_NOT_NONE:
        case Op::POP_JUMP_FORWARD_IF_NONE: case Op::JUMP_BACKWARD_NO_INTERRUPT:
        case Op::JUMP_BACKWARD: case Op::POP_JUMP_BACKWARD_IF_NOT_NONE:
        case Op::POP_JUMP_BACKWARD_IF_NONE: case Op::POP_JUMP_BACKWARD_IF_FALSE:
        case Op::POP_JUMP_BACKWARD_IF_TRUE:
            return true;
        default:
            return false;
    }
}

bool is_block_push(int o) { return o == P_SETUP_FINALLY || o == P_SETUP_CLEANUP || o == P_SETUP_WITH; }

bool is_scope_exit(int o) {
    return o == op(Op::RETURN_VALUE) || o == op(Op::RAISE_VARARGS) || o == op(Op::RERAISE);
}

bool is_unconditional_jump(int o) {
    return o == P_JUMP || o == P_JUMP_NO_INTERRUPT || o == op(Op::JUMP_FORWARD) ||
           o == op(Op::JUMP_BACKWARD) || o == op(Op::JUMP_BACKWARD_NO_INTERRUPT);
}

int stack_effect(int o, int arg, bool jump) {
    switch (o) {
        case P_SETUP_FINALLY: return jump ? 1 : 0;
        case P_SETUP_CLEANUP: return jump ? 2 : 0;
        case P_SETUP_WITH: return jump ? 1 : 0;
        case P_POP_BLOCK: case P_JUMP: case P_JUMP_NO_INTERRUPT: return 0;
        case P_POP_JUMP_IF_FALSE: case P_POP_JUMP_IF_TRUE: case P_POP_JUMP_IF_NONE:
        case P_POP_JUMP_IF_NOT_NONE: return -1;
        default: break;
    }
    switch (static_cast<Op>(o)) {
        case Op::NOP: case Op::RESUME: case Op::SWAP: case Op::UNARY_POSITIVE:
        case Op::UNARY_NEGATIVE: case Op::UNARY_NOT: case Op::UNARY_INVERT: case Op::GET_ITER:
        case Op::SETUP_ANNOTATIONS: case Op::YIELD_VALUE: case Op::DELETE_NAME:
        case Op::DELETE_GLOBAL: case Op::LOAD_ATTR: case Op::CHECK_EXC_MATCH:
        case Op::JUMP_FORWARD: case Op::JUMP_BACKWARD: case Op::JUMP_BACKWARD_NO_INTERRUPT:
        case Op::DELETE_FAST: case Op::RETURN_GENERATOR: case Op::KW_NAMES: case Op::MAKE_CELL:
        case Op::DELETE_DEREF: case Op::COPY_FREE_VARS: case Op::GET_YIELD_FROM_ITER:
        case Op::LIST_TO_TUPLE: case Op::CHECK_EG_MATCH:
            return 0;
        case Op::POP_TOP: case Op::BINARY_OP: case Op::BINARY_SUBSCR: case Op::PRINT_EXPR:
        case Op::RETURN_VALUE: case Op::IMPORT_STAR: case Op::POP_EXCEPT: case Op::STORE_NAME:
        case Op::DELETE_ATTR: case Op::STORE_GLOBAL: case Op::COMPARE_OP: case Op::IS_OP:
        case Op::CONTAINS_OP: case Op::IMPORT_NAME: case Op::PREP_RERAISE_STAR:
        case Op::RERAISE: case Op::STORE_FAST: case Op::STORE_DEREF: case Op::CALL:
        case Op::LIST_APPEND: case Op::SET_ADD: case Op::LIST_EXTEND: case Op::SET_UPDATE:
        case Op::DICT_MERGE: case Op::DICT_UPDATE: case Op::POP_JUMP_FORWARD_IF_FALSE:
        case Op::POP_JUMP_FORWARD_IF_TRUE: case Op::POP_JUMP_FORWARD_IF_NONE:
        case Op::POP_JUMP_FORWARD_IF_NOT_NONE: case Op::POP_JUMP_BACKWARD_IF_FALSE:
        case Op::POP_JUMP_BACKWARD_IF_TRUE: case Op::POP_JUMP_BACKWARD_IF_NONE:
        case Op::POP_JUMP_BACKWARD_IF_NOT_NONE:
            return -1;
        case Op::PUSH_NULL: case Op::COPY: case Op::LOAD_BUILD_CLASS: case Op::LOAD_CONST:
        case Op::LOAD_NAME: case Op::IMPORT_FROM: case Op::PUSH_EXC_INFO:
        case Op::WITH_EXCEPT_START: case Op::LOAD_FAST: case Op::LOAD_CLOSURE:
        case Op::LOAD_DEREF: case Op::LOAD_CLASSDEREF: case Op::BEFORE_WITH:
        case Op::LOAD_METHOD: case Op::LOAD_ASSERTION_ERROR: case Op::GET_LEN:
            return 1;
        case Op::STORE_SUBSCR: return -3;
        case Op::DELETE_SUBSCR: case Op::STORE_ATTR: case Op::MAP_ADD: return -2;
        case Op::UNPACK_SEQUENCE: return arg - 1;
        case Op::UNPACK_EX: return (arg & 0xFF) + (arg >> 8);
        case Op::FOR_ITER: return jump ? -1 : 1;
        case Op::SEND: return jump ? -1 : 0;
        case Op::BUILD_TUPLE: case Op::BUILD_LIST: case Op::BUILD_SET: case Op::BUILD_STRING:
            return 1 - arg;
        case Op::BUILD_MAP: return 1 - 2 * arg;
        case Op::BUILD_CONST_KEY_MAP: return -arg;
        case Op::JUMP_IF_TRUE_OR_POP: case Op::JUMP_IF_FALSE_OR_POP: return jump ? 0 : -1;
        case Op::LOAD_GLOBAL: return (arg & 1) + 1;
        case Op::RAISE_VARARGS: return -arg;
        case Op::PRECALL: return -arg;
        case Op::CALL_FUNCTION_EX: return -2 - ((arg & 1) != 0);
        case Op::MAKE_FUNCTION:
            return -((arg & 1) != 0) - ((arg & 2) != 0) - ((arg & 4) != 0) - ((arg & 8) != 0);
        case Op::BUILD_SLICE: return arg == 3 ? -2 : -1;
        case Op::FORMAT_VALUE: return (arg & FVS_HAVE_SPEC) ? -1 : 0;
        default: return 0;
    }
}

// ---- constants -----------------------------------------------------------------------------

std::string ConstPool::key(const Const& c) {
    char buf[64];
    switch (c.kind) {
        case Const::Kind::none: return "N";
        case Const::Kind::ellipsis: return "E";
        case Const::Kind::boolean: return c.boolean ? "B1" : "B0";
        case Const::Kind::integer: return "I" + std::to_string(c.integer);
        case Const::Kind::big_integer: return "I" + c.text;
        case Const::Kind::floating: {
            std::uint64_t bits;
            std::memcpy(&bits, &c.floating, sizeof bits);
            std::snprintf(buf, sizeof buf, "F%llx", static_cast<unsigned long long>(bits));
            return buf;
        }
        case Const::Kind::complex: {
            std::uint64_t re, im;
            std::memcpy(&re, &c.real, sizeof re);
            std::memcpy(&im, &c.floating, sizeof im);
            std::snprintf(buf, sizeof buf, "C%llx,%llx", static_cast<unsigned long long>(re),
                          static_cast<unsigned long long>(im));
            return buf;
        }
        case Const::Kind::str: return "S" + std::to_string(c.text.size()) + ":" + c.text;
        case Const::Kind::bytes: return "Y" + std::to_string(c.text.size()) + ":" + c.text;
        case Const::Kind::tuple: {
            std::string k = "T(";
            for (const auto& x : c.items) k += key(x) + ",";
            return k + ")";
        }
        case Const::Kind::frozenset: {
            std::vector<std::string> keys;
            for (const auto& x : c.items) keys.push_back(key(x));
            std::sort(keys.begin(), keys.end());
            std::string k = "Z(";
            for (const auto& x : keys) k += x + ",";
            return k + ")";
        }
    }
    return "?";
}

std::uint32_t ConstPool::add(const Const& c) {
    std::string k = key(c);
    auto it = by_key_.find(k);
    if (it != by_key_.end()) return it->second;
    Constant out;
    switch (c.kind) {
        case Const::Kind::none: out.kind = Constant::Kind::none; break;
        case Const::Kind::ellipsis: out.kind = Constant::Kind::ellipsis; break;
        case Const::Kind::boolean: out.kind = Constant::Kind::boolean; out.boolean = c.boolean; break;
        case Const::Kind::integer: out.kind = Constant::Kind::integer; out.integer = c.integer; break;
        case Const::Kind::big_integer: out.kind = Constant::Kind::big_integer; out.text = c.text; break;
        case Const::Kind::floating: out.kind = Constant::Kind::floating; out.floating = c.floating; break;
        case Const::Kind::complex:
            out.kind = Constant::Kind::complex;
            out.floating = c.real;
            out.imag = c.floating;
            break;
        case Const::Kind::str: out.kind = Constant::Kind::str; out.text = c.text; break;
        case Const::Kind::bytes: out.kind = Constant::Kind::bytes; out.text = c.text; break;
        case Const::Kind::tuple:
        case Const::Kind::frozenset:
            out.kind = c.kind == Const::Kind::tuple ? Constant::Kind::tuple : Constant::Kind::frozenset;
            for (const auto& x : c.items) out.items.push_back(add(x));
            break;
    }
    std::uint32_t index = static_cast<std::uint32_t>(pool_.size());
    pool_.push_back(std::move(out));
    values_.resize(pool_.size());
    values_[index] = c;
    by_key_[k] = index;
    return index;
}

std::uint32_t ConstPool::add_code(std::uint32_t code_index) {
    Constant out;
    out.kind = Constant::Kind::code;
    out.code = code_index;
    std::uint32_t index = static_cast<std::uint32_t>(pool_.size());
    pool_.push_back(out);
    values_.resize(pool_.size());
    return index;
}

// ---- the compiler --------------------------------------------------------------------------

Compiler::Compiler(CompilationUnit& out, const SymbolTable& st, std::vector<std::string> lines)
    : out_(out), st_(st), lines_(std::move(lines)), pool_(out.pool) {}

void Compiler::error(const std::string& msg, const Loc& loc) {
    SyntaxErrorInfo e;
    e.message = msg;
    e.filename = out_.filename;
    e.line = loc.line;
    e.end_line = loc.end_line;
    std::string text = loc.line >= 1 && loc.line <= lines_.size() ? lines_[loc.line - 1] : "";
    std::string end_text =
        loc.end_line >= 1 && loc.end_line <= lines_.size() ? lines_[loc.end_line - 1] : "";
    e.text = text + "\n";
    e.offset = char_column(text, loc.col) + 1;
    e.end_offset = static_cast<std::int32_t>(char_column(end_text, loc.end_col) + 1);
    throw SyntaxErrorException{e};
}

void Compiler::warn(const std::string& msg, std::uint32_t line) {
    out_.warnings += out_.filename + ":" + std::to_string(line) + ": SyntaxWarning: " + msg + "\n";
    if (line == 0 || line > lines_.size()) return;
    std::string text = lines_[line - 1];
    const char* const ws = " \t\n\r\f\v";
    std::size_t first = text.find_first_not_of(ws);
    if (first == std::string::npos) return;
    text = text.substr(first, text.find_last_not_of(ws) - first + 1);
    out_.warnings += "  " + text + "\n";
}

void Compiler::unsupported(const std::string& what, std::uint32_t line) {
    throw UnsupportedException{UnsupportedError{what, line}};
}

void Compiler::enter_scope(UnitKind kind, const std::string& name, const void* node, int lineno) {
    auto unit = std::make_unique<Unit>();
    unit->kind = kind;
    unit->name = name;
    unit->ste = node ? st_.lookup(node) : st_.top;
    REFSCOPE_CHECK(unit->ste != nullptr, "compiler: no symbol table entry for a block");
    if (!units_.empty()) unit->private_name = units_.back()->private_name;
    unit->varnames = unit->ste->varnames;
    for (std::size_t i = 0; i < unit->varnames.size(); ++i) unit->var_index[unit->varnames[i]] = static_cast<int>(i);
    // cells (sorted), the class cell, frees (sorted)
    std::vector<std::string> cells, frees;
    for (const auto& [n, sym] : unit->ste->symbols) {
        if (sym.scope == SymScope::Cell) cells.push_back(n);
        if (sym.scope == SymScope::Free || (sym.flags & DEF_FREE_CLASS)) frees.push_back(n);
    }
    std::sort(cells.begin(), cells.end());
    std::sort(frees.begin(), frees.end());
    if (unit->ste->needs_class_closure) cells = {"__class__"};
    unit->cellvars = cells;
    unit->freevars = frees;
    unit->firstlineno = lineno;
    unit->line = unit->end_line = lineno;
    unit->col = 0;
    unit->end_col = 0;
    units_.push_back(std::move(unit));
    Block* b = new_block();
    u().entry = b;
    u().cur = b;
    // qualname (compiler_set_qualname)
    if (kind != UnitKind::Module) {
        Unit& me = u();
        std::string base;
        bool have_base = false;
        if (units_.size() > 2) {
            Unit& parent = *units_[units_.size() - 2];
            bool force_global = false;
            if (kind == UnitKind::Function || kind == UnitKind::Class) {
                std::string mangled = mangle(parent.private_name, me.name);
                if (parent.ste->scope_of(mangled) == SymScope::GlobalExplicit) force_global = true;
            }
            if (!force_global) {
                have_base = true;
                if (parent.kind == UnitKind::Function || parent.kind == UnitKind::Lambda)
                    base = parent.qualname + ".<locals>";
                else
                    base = parent.qualname;
            }
        }
        me.qualname = have_base ? base + "." + me.name : me.name;
    } else {
        u().qualname = name;
    }
    if (kind == UnitKind::Module) {
        u().line = 0;
        u().end_line = 0;
    }
    addop(op(Op::RESUME), 0);
    if (kind == UnitKind::Module) unset_loc();
}

std::uint32_t Compiler::exit_scope() {
    units_.pop_back();
    return 0;
}

Block* Compiler::new_block() {
    auto b = std::make_unique<Block>();
    b->alloc = static_cast<int>(u().blocks.size());
    Block* raw = b.get();
    u().blocks.push_back(std::move(b));
    return raw;
}

void Compiler::use_next_block(Block* b) {
    u().cur->next = b;
    u().cur = b;
    u().need_new_block = false;
}

void Compiler::addop(int opcode, int arg) {
    Unit& un = u();
    if (un.need_new_block) next_block();
    CInstr i;
    i.opcode = opcode;
    i.arg = arg;
    i.line = un.line;
    i.end_line = un.end_line;
    i.col = un.col;
    i.end_col = un.end_col;
    un.cur->instrs.push_back(i);
    if (is_jump_op(opcode) || is_scope_exit(opcode)) un.need_new_block = true;
}

void Compiler::addop_noline(int opcode, int arg) {
    Unit& un = u();
    int l = un.line, el = un.end_line, c = un.col, ec = un.end_col;
    unset_loc();
    addop(opcode, arg);
    un.line = l;
    un.end_line = el;
    un.col = c;
    un.end_col = ec;
}

void Compiler::addop_jump(int opcode, Block* target) {
    addop(opcode, 0);
    u().cur->instrs.back().target = target;
}

void Compiler::addop_jump_noline(int opcode, Block* target) {
    addop_noline(opcode, 0);
    u().cur->instrs.back().target = target;
}

void Compiler::set_loc(const Loc& l) {
    if (l.line == 0) {   // a node made by the AST optimizer without a location
        unset_loc();
        return;
    }
    u().line = static_cast<int>(l.line);
    u().end_line = static_cast<int>(l.end_line);
    u().col = static_cast<int>(l.col);
    u().end_col = static_cast<int>(l.end_col);
}

std::uint32_t Compiler::add_const(const Const& c) {
    std::string k = ConstPool::key(c);
    Unit& un = u();
    auto it = un.const_index.find(k);
    if (it != un.const_index.end()) return it->second;
    std::uint32_t pool_index = pool_.add(c);
    std::uint32_t index = static_cast<std::uint32_t>(un.consts.size());
    un.consts.push_back(pool_index);
    un.const_index[k] = index;
    return index;
}

void Compiler::load_const(const Const& c) { addop(op(Op::LOAD_CONST), static_cast<int>(add_const(c))); }

int Compiler::add_name(const std::string& name) {
    Unit& un = u();
    auto it = un.name_index.find(name);
    if (it != un.name_index.end()) return it->second;
    int i = static_cast<int>(un.names.size());
    un.names.push_back(name);
    un.name_index[name] = i;
    return i;
}

int Compiler::add_varname(const std::string& name) {
    Unit& un = u();
    auto it = un.var_index.find(name);
    if (it != un.var_index.end()) return it->second;
    int i = static_cast<int>(un.varnames.size());
    un.varnames.push_back(name);
    un.var_index[name] = i;
    return i;
}

void Compiler::addop_name(Op o, const std::string& name) {
    addop(op(o), add_name(mangle(u().private_name, name)));
}

// Cell and free variables are numbered here by their position among cellvars + freevars;
// the assembler turns that into the localsplus index (fix_cell_offsets).
void Compiler::nameop(const std::string& name, Ctx ctx) {
    Unit& un = u();
    std::string mangled = mangle(un.private_name, name);
    SymScope scope = un.ste->scope_of(mangled);
    enum { FAST, GLOBAL, DEREF, NAME } optype = NAME;
    int deref_index = -1;
    switch (scope) {
        case SymScope::Free: {
            optype = DEREF;
            auto it = std::find(un.freevars.begin(), un.freevars.end(), mangled);
            deref_index = static_cast<int>(un.cellvars.size() + (it - un.freevars.begin()));
            break;
        }
        case SymScope::Cell: {
            optype = DEREF;
            auto it = std::find(un.cellvars.begin(), un.cellvars.end(), mangled);
            deref_index = static_cast<int>(it - un.cellvars.begin());
            break;
        }
        case SymScope::Local:
            if (un.ste->type == BlockType::Function) optype = FAST;
            break;
        case SymScope::GlobalImplicit:
            if (un.ste->type == BlockType::Function) optype = GLOBAL;
            break;
        case SymScope::GlobalExplicit:
            optype = GLOBAL;
            break;
        default:
            break;
    }
    switch (optype) {
        case DEREF: {
            Op o = ctx == Ctx::Load ? (un.ste->type == BlockType::Class ? Op::LOAD_CLASSDEREF
                                                                        : Op::LOAD_DEREF)
                   : ctx == Ctx::Store ? Op::STORE_DEREF : Op::DELETE_DEREF;
            addop(op(o), deref_index);
            return;
        }
        case FAST: {
            Op o = ctx == Ctx::Load ? Op::LOAD_FAST : ctx == Ctx::Store ? Op::STORE_FAST : Op::DELETE_FAST;
            addop(op(o), add_varname(mangled));
            return;
        }
        case GLOBAL: {
            Op o = ctx == Ctx::Load ? Op::LOAD_GLOBAL : ctx == Ctx::Store ? Op::STORE_GLOBAL : Op::DELETE_GLOBAL;
            int arg = add_name(mangled);
            if (o == Op::LOAD_GLOBAL) arg <<= 1;
            addop(op(o), arg);
            return;
        }
        case NAME: {
            Op o = ctx == Ctx::Load ? Op::LOAD_NAME : ctx == Ctx::Store ? Op::STORE_NAME : Op::DELETE_NAME;
            addop(op(o), add_name(mangled));
            return;
        }
    }
}

void Compiler::compile_module(const Module& m) {
    enter_scope(UnitKind::Module, "<module>", nullptr, 1);
    module_body(m.body, true);
    out_.codes.emplace_back();
    std::size_t index = out_.codes.size() - 1;
    CodeObject code;
    assemble(code, true);
    out_.codes[index] = std::move(code);
    // the module must be codes[0]: move it to the front, renumbering code constants
    if (index != 0) {
        std::vector<CodeObject> reordered;
        reordered.push_back(std::move(out_.codes[index]));
        for (std::size_t i = 0; i < index; ++i) reordered.push_back(std::move(out_.codes[i]));
        out_.codes = std::move(reordered);
        for (auto& c : out_.pool)
            if (c.kind == Constant::Kind::code) c.code = c.code == index ? 0 : c.code + 1;
    }
    units_.pop_back();
}

}  // namespace refscope::lang
