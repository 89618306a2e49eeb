// lang/code.hpp — compiled Python: code objects and CPython 3.11's bytecode.
//
// The contract between the compiler (AST -> CodeObject) and the VM (which runs them on the
// memory model). The instruction set is CPython 3.11's (Lib/opcode.py, 3.11.7) with three
// simplifications that change nothing observable:
//   * no CACHE entries and no specialised instructions (the adaptive interpreter's caches
//     hold no references);
//   * EXTENDED_ARG is folded: `arg` is 32 bits wide;
//   * jump arguments are absolute instruction indices (`target`), so FORWARD/BACKWARD
//     variants differ only by name.
// Everything else — the order of instructions, what each pushes and pops, the oparg encodings
// (LOAD_GLOBAL's low bit, BINARY_OP's NB_* numbers, COMPARE_OP's index into cmp_op, IS_OP and
// CONTAINS_OP's invert bit, MAKE_FUNCTION's flags, FORMAT_VALUE's conversion bits, CALL/
// PRECALL/KW_NAMES) — is CPython 3.11's, so `python3 -m dis` is the reference for the compiler
// and ceval.c's stack effects are the reference for the VM. The stack effects decide where
// references are taken and dropped, which `sys.getrefcount` makes visible.
//
// Constants of one compilation unit are shared (3.11's compiler merges equal constants across
// all code objects of a unit): a code object's `consts` are indices into the unit's pool, so
// `a = 270` at module level and `270` in a nested function are one object.
//
// Invariants (checked by verify()):
//   1. Every jump target and exception-table target is an instruction index of the same code.
//   2. Every LOAD_CONST arg indexes `consts`; every name arg indexes `names`; every fast arg
//      indexes `localsplus`; cell/free args index `localsplus` entries of that kind.
//   3. Code objects referenced from the pool (Constant::code) belong to the same unit.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace refscope::lang {

// CPython 3.11 opcode numbers (dis.opmap), minus CACHE and EXTENDED_ARG.
enum class Op : std::uint8_t {
    POP_TOP = 1, PUSH_NULL = 2, NOP = 9, UNARY_POSITIVE = 10, UNARY_NEGATIVE = 11,
    UNARY_NOT = 12, UNARY_INVERT = 15, BINARY_SUBSCR = 25, GET_LEN = 30, MATCH_MAPPING = 31,
    MATCH_SEQUENCE = 32, MATCH_KEYS = 33, PUSH_EXC_INFO = 35, CHECK_EXC_MATCH = 36,
    CHECK_EG_MATCH = 37, WITH_EXCEPT_START = 49, BEFORE_WITH = 53, STORE_SUBSCR = 60,
    DELETE_SUBSCR = 61, GET_ITER = 68, GET_YIELD_FROM_ITER = 69, PRINT_EXPR = 70,
    LOAD_BUILD_CLASS = 71, LOAD_ASSERTION_ERROR = 74, RETURN_GENERATOR = 75, LIST_TO_TUPLE = 82,
    RETURN_VALUE = 83, IMPORT_STAR = 84, SETUP_ANNOTATIONS = 85, YIELD_VALUE = 86,
    PREP_RERAISE_STAR = 88, POP_EXCEPT = 89,
    // HAVE_ARGUMENT = 90
    STORE_NAME = 90, DELETE_NAME = 91, UNPACK_SEQUENCE = 92, FOR_ITER = 93, UNPACK_EX = 94,
    STORE_ATTR = 95, DELETE_ATTR = 96, STORE_GLOBAL = 97, DELETE_GLOBAL = 98, SWAP = 99,
    LOAD_CONST = 100, LOAD_NAME = 101, BUILD_TUPLE = 102, BUILD_LIST = 103, BUILD_SET = 104,
    BUILD_MAP = 105, LOAD_ATTR = 106, COMPARE_OP = 107, IMPORT_NAME = 108, IMPORT_FROM = 109,
    JUMP_FORWARD = 110, JUMP_IF_FALSE_OR_POP = 111, JUMP_IF_TRUE_OR_POP = 112,
    POP_JUMP_FORWARD_IF_FALSE = 114, POP_JUMP_FORWARD_IF_TRUE = 115, LOAD_GLOBAL = 116,
    IS_OP = 117, CONTAINS_OP = 118, RERAISE = 119, COPY = 120, BINARY_OP = 122, SEND = 123,
    LOAD_FAST = 124, STORE_FAST = 125, DELETE_FAST = 126, POP_JUMP_FORWARD_IF_NOT_NONE = 128,
    POP_JUMP_FORWARD_IF_NONE = 129, RAISE_VARARGS = 130, MAKE_FUNCTION = 132, BUILD_SLICE = 133,
    JUMP_BACKWARD_NO_INTERRUPT = 134, MAKE_CELL = 135, LOAD_CLOSURE = 136, LOAD_DEREF = 137,
    STORE_DEREF = 138, DELETE_DEREF = 139, JUMP_BACKWARD = 140, CALL_FUNCTION_EX = 142,
    LIST_APPEND = 145, SET_ADD = 146, MAP_ADD = 147, LOAD_CLASSDEREF = 148,
    COPY_FREE_VARS = 149, RESUME = 151, MATCH_CLASS = 152, FORMAT_VALUE = 155,
    BUILD_CONST_KEY_MAP = 156, BUILD_STRING = 157, LOAD_METHOD = 160, LIST_EXTEND = 162,
    SET_UPDATE = 163, DICT_MERGE = 164, DICT_UPDATE = 165, PRECALL = 166, CALL = 171,
    KW_NAMES = 172, POP_JUMP_BACKWARD_IF_NOT_NONE = 173, POP_JUMP_BACKWARD_IF_NONE = 174,
    POP_JUMP_BACKWARD_IF_FALSE = 175, POP_JUMP_BACKWARD_IF_TRUE = 176,
};

const char* op_name(Op op);          // "LOAD_FAST", as dis prints it
bool has_arg(Op op);                 // op >= HAVE_ARGUMENT
bool is_jump(Op op);                 // arg is an instruction index

// BINARY_OP args (NB_*), COMPARE_OP args (index into cmp_op), MAKE_FUNCTION flags,
// FORMAT_VALUE conversions: CPython 3.11's numbers.
enum BinaryOpArg : std::uint32_t {
    NB_ADD = 0, NB_AND = 1, NB_FLOOR_DIVIDE = 2, NB_LSHIFT = 3, NB_MATRIX_MULTIPLY = 4,
    NB_MULTIPLY = 5, NB_REMAINDER = 6, NB_OR = 7, NB_POWER = 8, NB_RSHIFT = 9, NB_SUBTRACT = 10,
    NB_TRUE_DIVIDE = 11, NB_XOR = 12, NB_INPLACE_ADD = 13,   // NB_INPLACE_x = NB_x + 13
};
enum CompareOpArg : std::uint32_t { CMP_LT = 0, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE };
enum MakeFunctionFlag : std::uint32_t {
    MF_DEFAULTS = 0x01, MF_KWDEFAULTS = 0x02, MF_ANNOTATIONS = 0x04, MF_CLOSURE = 0x08,
};
enum FormatValueFlag : std::uint32_t {
    FVC_MASK = 0x3, FVC_NONE = 0x0, FVC_STR = 0x1, FVC_REPR = 0x2, FVC_ASCII = 0x3,
    FVS_HAVE_SPEC = 0x4,
};

struct Instr {
    Op op = Op::NOP;
    std::uint32_t arg = 0;       // jumps: the target instruction index
    std::uint32_t line = 0;      // 1-based source line (0: none, like CPython's None)
    std::uint16_t col = 0;       // 0-based column where the instruction's expression starts
    std::uint16_t end_col = 0;
};

// One row of co_exceptiontable: instructions [start, end) jump to `target` when an exception
// is raised, after popping the value stack down to `depth` (and pushing lasti when `lasti`).
struct ExceptionEntry {
    std::uint32_t start = 0, end = 0, target = 0, depth = 0;
    bool lasti = false;
};

// The kinds of co_localsplus entries (CO_FAST_LOCAL / CELL / FREE; a parameter that is also
// captured is LOCAL|CELL).
enum LocalKind : std::uint8_t { kFastLocal = 0x20, kFastCell = 0x40, kFastFree = 0x80 };

enum CodeFlag : std::uint32_t {
    CO_OPTIMIZED = 0x1, CO_NEWLOCALS = 0x2, CO_VARARGS = 0x4, CO_VARKEYWORDS = 0x8,
    CO_NESTED = 0x10, CO_GENERATOR = 0x20, CO_NOFREE = 0x40,
};

struct CodeObject;

// A compile-time constant. `str_value` holds UTF-8 text; `big` holds an int too large for
// int64 as decimal digits (with a leading '-' when negative).
struct Constant {
    enum class Kind : std::uint8_t { none, ellipsis, boolean, integer, big_integer, floating,
                                     complex, str, bytes, tuple, frozenset, code };
    Kind kind = Kind::none;
    bool boolean = false;
    std::int64_t integer = 0;
    double floating = 0, imag = 0;
    std::string text;                    // str (UTF-8), bytes, big_integer digits
    std::vector<std::uint32_t> items;    // tuple / frozenset: indices into the unit's pool
    std::uint32_t code = 0;              // code: index into CompilationUnit::codes
};

struct CodeObject {
    std::string name;                    // co_name
    std::string qualname;                // co_qualname
    std::uint32_t firstlineno = 1;
    std::uint32_t argcount = 0, posonlyargcount = 0, kwonlyargcount = 0;
    std::uint32_t flags = 0;             // CodeFlag
    std::vector<std::uint32_t> consts;   // co_consts: indices into the unit's pool
    std::vector<std::string> names;      // co_names
    std::vector<std::string> localsplus; // co_localsplusnames (locals, then cells, then frees)
    std::vector<std::uint8_t> localkinds;// LocalKind bits per localsplus entry
    std::vector<Instr> code;
    std::vector<ExceptionEntry> exceptiontable;
};

// Everything one compilation (one file, one exec string) produced. codes[0] is the module.
struct CompilationUnit {
    std::string filename;                // "<string>" or the script's path as given
    std::vector<std::string> source_lines;   // for tracebacks
    std::string warnings;                    // compile-time SyntaxWarnings, as python3 prints them
    std::vector<Constant> pool;
    std::vector<CodeObject> codes;
};

// Throws InvariantError naming the first violation of the invariants above.
void verify(const CompilationUnit& unit);

// The disassembly in `dis`'s layout (opname and argument per line, jump targets as indices);
// the compiler's tests compare it with CPython's.
std::string disassemble(const CompilationUnit& unit, std::uint32_t code_index);

}  // namespace refscope::lang
