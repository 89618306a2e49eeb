// lang/code.cpp — opcode names, the unit verifier and the normalized disassembly (code.hpp).
//
// disassemble() prints the layout that tests/lang/dis_reference.py prints for CPython, so the
// two can be compared line for line: a header with the code object's attributes, then one
// line per instruction (line number or '-', opname, arg, and for constants, names and
// locals the value in parentheses), then the exception table in instruction indices.
#include "lang/code.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "lang/const_repr.hpp"
#include "refscope/errors.hpp"

namespace refscope::lang {

const char* op_name(Op op) {
    switch (op) {
#define NAME(x) case Op::x: return #x;
        NAME(POP_TOP) NAME(PUSH_NULL) NAME(NOP) NAME(UNARY_POSITIVE) NAME(UNARY_NEGATIVE)
        NAME(UNARY_NOT) NAME(UNARY_INVERT) NAME(BINARY_SUBSCR) NAME(GET_LEN) NAME(MATCH_MAPPING)
        NAME(MATCH_SEQUENCE) NAME(MATCH_KEYS) NAME(PUSH_EXC_INFO) NAME(CHECK_EXC_MATCH)
        NAME(CHECK_EG_MATCH) NAME(WITH_EXCEPT_START) NAME(BEFORE_WITH) NAME(STORE_SUBSCR)
        NAME(DELETE_SUBSCR) NAME(GET_ITER) NAME(GET_YIELD_FROM_ITER) NAME(PRINT_EXPR)
        NAME(LOAD_BUILD_CLASS) NAME(LOAD_ASSERTION_ERROR) NAME(RETURN_GENERATOR)
        NAME(LIST_TO_TUPLE) NAME(RETURN_VALUE) NAME(IMPORT_STAR) NAME(SETUP_ANNOTATIONS)
        NAME(YIELD_VALUE) NAME(PREP_RERAISE_STAR) NAME(POP_EXCEPT) NAME(STORE_NAME)
        NAME(DELETE_NAME) NAME(UNPACK_SEQUENCE) NAME(FOR_ITER) NAME(UNPACK_EX) NAME(STORE_ATTR)
        NAME(DELETE_ATTR) NAME(STORE_GLOBAL) NAME(DELETE_GLOBAL) NAME(SWAP) NAME(LOAD_CONST)
        NAME(LOAD_NAME) NAME(BUILD_TUPLE) NAME(BUILD_LIST) NAME(BUILD_SET) NAME(BUILD_MAP)
        NAME(LOAD_ATTR) NAME(COMPARE_OP) NAME(IMPORT_NAME) NAME(IMPORT_FROM) NAME(JUMP_FORWARD)
        NAME(JUMP_IF_FALSE_OR_POP) NAME(JUMP_IF_TRUE_OR_POP) NAME(POP_JUMP_FORWARD_IF_FALSE)
        NAME(POP_JUMP_FORWARD_IF_TRUE) NAME(LOAD_GLOBAL) NAME(IS_OP) NAME(CONTAINS_OP)
        NAME(RERAISE) NAME(COPY) NAME(BINARY_OP) NAME(SEND) NAME(LOAD_FAST) NAME(STORE_FAST)
        NAME(DELETE_FAST) NAME(POP_JUMP_FORWARD_IF_NOT_NONE) NAME(POP_JUMP_FORWARD_IF_NONE)
        NAME(RAISE_VARARGS) NAME(MAKE_FUNCTION) NAME(BUILD_SLICE) NAME(JUMP_BACKWARD_NO_INTERRUPT)
        NAME(MAKE_CELL) NAME(LOAD_CLOSURE) NAME(LOAD_DEREF) NAME(STORE_DEREF) NAME(DELETE_DEREF)
        NAME(JUMP_BACKWARD) NAME(CALL_FUNCTION_EX) NAME(LIST_APPEND) NAME(SET_ADD) NAME(MAP_ADD)
        NAME(LOAD_CLASSDEREF) NAME(COPY_FREE_VARS) NAME(RESUME) NAME(MATCH_CLASS)
        NAME(FORMAT_VALUE) NAME(BUILD_CONST_KEY_MAP) NAME(BUILD_STRING) NAME(LOAD_METHOD)
        NAME(LIST_EXTEND) NAME(SET_UPDATE) NAME(DICT_MERGE) NAME(DICT_UPDATE) NAME(PRECALL)
        NAME(CALL) NAME(KW_NAMES) NAME(POP_JUMP_BACKWARD_IF_NOT_NONE)
        NAME(POP_JUMP_BACKWARD_IF_NONE) NAME(POP_JUMP_BACKWARD_IF_FALSE)
        NAME(POP_JUMP_BACKWARD_IF_TRUE)
#undef NAME
    }
    return "<unknown>";
}

bool has_arg(Op op) { return static_cast<int>(op) >= 90; }

bool is_jump(Op op) {
    switch (op) {
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

namespace {

bool is_name_op(Op op) {
    switch (op) {
        case Op::LOAD_NAME: case Op::STORE_NAME: case Op::DELETE_NAME: case Op::LOAD_ATTR:
        case Op::STORE_ATTR: case Op::DELETE_ATTR: case Op::STORE_GLOBAL: case Op::DELETE_GLOBAL:
        case Op::IMPORT_NAME: case Op::IMPORT_FROM: case Op::LOAD_METHOD:
            return true;
        default:
            return false;
    }
}

bool is_local_op(Op op) {
    switch (op) {
        case Op::LOAD_FAST: case Op::STORE_FAST: case Op::DELETE_FAST: case Op::LOAD_DEREF:
        case Op::STORE_DEREF: case Op::DELETE_DEREF: case Op::LOAD_CLOSURE: case Op::MAKE_CELL:
        case Op::LOAD_CLASSDEREF:
            return true;
        default:
            return false;
    }
}

bool is_cell_op(Op op) {
    switch (op) {
        case Op::LOAD_DEREF: case Op::STORE_DEREF: case Op::DELETE_DEREF: case Op::LOAD_CLOSURE:
        case Op::MAKE_CELL: case Op::LOAD_CLASSDEREF:
            return true;
        default:
            return false;
    }
}

}  // namespace

void verify(const CompilationUnit& unit) {
    for (std::size_t ci = 0; ci < unit.codes.size(); ++ci) {
        const CodeObject& c = unit.codes[ci];
        std::string where = "code " + std::to_string(ci) + " (" + c.name + ")";
        REFSCOPE_CHECK(c.localkinds.size() == c.localsplus.size(), where + ": localkinds size");
        const std::uint32_t n = static_cast<std::uint32_t>(c.code.size());
        for (std::uint32_t i = 0; i < n; ++i) {
            const Instr& in = c.code[i];
            std::string at = where + " instruction " + std::to_string(i) + " " + op_name(in.op);
            if (is_jump(in.op)) REFSCOPE_CHECK(in.arg < n, at + ": jump target out of range");
            if (in.op == Op::LOAD_CONST || in.op == Op::KW_NAMES)
                REFSCOPE_CHECK(in.arg < c.consts.size(), at + ": const index out of range");
            if (is_name_op(in.op)) REFSCOPE_CHECK(in.arg < c.names.size(), at + ": name index");
            if (in.op == Op::LOAD_GLOBAL)
                REFSCOPE_CHECK((in.arg >> 1) < c.names.size(), at + ": name index");
            if (is_local_op(in.op))
                REFSCOPE_CHECK(in.arg < c.localsplus.size(), at + ": local index");
            if (is_cell_op(in.op) && in.arg < c.localkinds.size())
                REFSCOPE_CHECK(c.localkinds[in.arg] & (kFastCell | kFastFree), at + ": not a cell");
        }
        for (const auto& e : c.exceptiontable) {
            REFSCOPE_CHECK(e.start < e.end && e.end <= n, where + ": exception range");
            REFSCOPE_CHECK(e.target < n, where + ": exception target");
        }
        for (std::uint32_t k : c.consts) {
            REFSCOPE_CHECK(k < unit.pool.size(), where + ": pool index");
            if (unit.pool[k].kind == Constant::Kind::code)
                REFSCOPE_CHECK(unit.pool[k].code < unit.codes.size(), where + ": code constant");
        }
    }
}

std::string disassemble(const CompilationUnit& unit, std::uint32_t code_index) {
    const CodeObject& c = unit.codes.at(code_index);
    std::string out = "code " + c.name + " (qualname " + c.qualname + ", firstlineno " +
                      std::to_string(c.firstlineno) + ", argcount " + std::to_string(c.argcount) +
                      ", posonly " + std::to_string(c.posonlyargcount) + ", kwonly " +
                      std::to_string(c.kwonlyargcount) + ", flags 0x";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%x", c.flags);
    out += buf;
    out += ", consts [";
    for (std::size_t i = 0; i < c.consts.size(); ++i) {
        if (i) out += ", ";
        out += constant_repr(unit, c.consts[i]);
    }
    out += "], names [";
    for (std::size_t i = 0; i < c.names.size(); ++i) {
        if (i) out += ", ";
        out += str_repr(c.names[i]);
    }
    out += "], localsplus [";
    for (std::size_t i = 0; i < c.localsplus.size(); ++i) {
        if (i) out += ", ";
        out += c.localsplus[i];
        if (c.localkinds[i] & kFastCell) out += ":cell";
        else if (c.localkinds[i] & kFastFree) out += ":free";
    }
    out += "])\n";
    for (const Instr& in : c.code) {
        out += "  ";
        out += in.line ? std::to_string(in.line) : "-";
        out += " ";
        out += op_name(in.op);
        if (has_arg(in.op)) {
            out += " " + std::to_string(in.arg);
            if (!is_jump(in.op)) {
                if ((in.op == Op::LOAD_CONST || in.op == Op::KW_NAMES) && in.arg < c.consts.size())
                    out += " (" + constant_repr(unit, c.consts[in.arg]) + ")";
                else if (is_name_op(in.op) && in.arg < c.names.size())
                    out += " (" + c.names[in.arg] + ")";
                else if (in.op == Op::LOAD_GLOBAL && (in.arg >> 1) < c.names.size())
                    out += std::string(" (") + ((in.arg & 1) ? "NULL + " : "") + c.names[in.arg >> 1] + ")";
                else if (is_local_op(in.op) && in.arg < c.localsplus.size())
                    out += " (" + c.localsplus[in.arg] + ")";
            }
        }
        out += "\n";
    }
    for (const auto& e : c.exceptiontable) {
        out += "  exception table: " + std::to_string(e.start) + " to " + std::to_string(e.end) +
               " -> " + std::to_string(e.target) + " [" + std::to_string(e.depth) + "]";
        if (e.lasti) out += " lasti";
        out += "\n";
    }
    return out;
}

}  // namespace refscope::lang
