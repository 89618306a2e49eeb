// lang/compiler.hpp — AST to code objects, as CPython 3.11's compile.c does it.
//
// Models Python/compile.c (3.11.7) in its two halves:
//   codegen    compiler_*.cpp walk the AST and emit instructions into basic blocks, with
//              the pseudo-instructions of 3.11 (SETUP_FINALLY/CLEANUP/WITH, POP_BLOCK, JUMP,
//              JUMP_NO_INTERRUPT, direction-less POP_JUMP_IF_*), the frame-block stack for
//              break/continue/return unwinding, and CPython's notion of the "current
//              location" (SET_LOC / UNSET_LOC) that gives every instruction its line.
//   assembler  assembler.cpp runs the flow-graph passes of assemble(): prefix instructions
//              (COPY_FREE_VARS, MAKE_CELL, RETURN_GENERATOR), optimize_cfg (constant
//              conditional jumps, tuple folding, SWAP tricks, jump threading, PUSH_NULL
//              folding into LOAD_GLOBAL, unreachable code, redundant jumps), small exit-block
//              duplication, unused constant trimming, line-number propagation, exception-
//              table labelling, NOP cleaning and jump direction.
//
// Glossary
//   Block        a basic block: instructions that run in sequence; `next` is the layout order
//                (b_next), `alloc` the allocation order (b_list runs newest first).
//   fblock       a frame block (loop, try, handler, with...) that break/continue/return must
//                unwind through.
//   Loc state    line/end_line/col/end_col of the instruction about to be emitted; -1 line is
//                "no location" (artificial instructions, filled later by propagation).
//
// Invariants
//   1. After codegen, a jump or scope exit is the last instruction of its block.
//   2. Jump targets are blocks of the same unit; after assembly they are instruction indices.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "lang/ast.hpp"
#include "lang/code.hpp"
#include "lang/symtable.hpp"
#include "lang/syntax_error.hpp"
#include "refscope/errors.hpp"

namespace refscope::lang {

// Pseudo-instructions (compile.c's negative opcodes), numbered above every real opcode.
enum PseudoOp : int {
    P_SETUP_FINALLY = 256, P_SETUP_CLEANUP, P_SETUP_WITH, P_POP_BLOCK, P_JUMP,
    P_JUMP_NO_INTERRUPT, P_POP_JUMP_IF_FALSE, P_POP_JUMP_IF_TRUE, P_POP_JUMP_IF_NONE,
    P_POP_JUMP_IF_NOT_NONE,
};

inline int op(Op o) { return static_cast<int>(o); }

struct Block;

struct CInstr {
    int opcode = 0;
    int arg = 0;
    Block* target = nullptr;
    Block* except = nullptr;
    int line = -1, end_line = -1, col = -1, end_col = -1;
};

struct Block {
    std::vector<CInstr> instrs;
    Block* next = nullptr;
    int alloc = 0;
    int predecessors = 0;
    int startdepth = -1;
    bool visited = false;
    bool preserve_lasti = false;
    std::shared_ptr<std::vector<Block*>> exceptstack;
    int index = 0;   // first instruction index after assembly
};

bool is_jump_op(int opcode);                 // real or pseudo jump
bool is_block_push(int opcode);              // SETUP_*
bool is_scope_exit(int opcode);              // RETURN_VALUE, RAISE_VARARGS, RERAISE
bool is_unconditional_jump(int opcode);      // JUMP, JUMP_NO_INTERRUPT (+ assembled forms)
int stack_effect(int opcode, int arg, bool jump);

enum class UnitKind : std::uint8_t { Module, Class, Function, Lambda, Comprehension };

enum class FBlockType : std::uint8_t {
    WhileLoop, ForLoop, TryExcept, FinallyTry, FinallyEnd, With, HandlerCleanup, PopValue,
    ExceptionHandler,
};

struct FBlock {
    FBlockType type;
    Block* block = nullptr;
    Block* exit = nullptr;
    const Stmt* stmt = nullptr;          // FinallyTry: the try; With: the with
    std::string name;                    // HandlerCleanup: the `as` name
    bool has_name = false;
};

// The constants pool of one compilation unit (CompilationUnit::pool), with CPython's
// merging: equal constants (same type and value, recursively) share one entry.
class ConstPool {
public:
    explicit ConstPool(std::vector<Constant>& pool) : pool_(pool) {}
    std::uint32_t add(const Const& c);
    std::uint32_t add_code(std::uint32_t code_index);
    static std::string key(const Const& c);
    const Const& value(std::uint32_t index) const { return values_.at(index); }

private:
    std::vector<Constant>& pool_;
    std::vector<Const> values_;               // parallel to pool_ (code entries: none)
    std::unordered_map<std::string, std::uint32_t> by_key_;
};

struct Unit {
    UnitKind kind = UnitKind::Module;
    Scope* ste = nullptr;
    std::string name, qualname, private_name;
    std::vector<std::uint32_t> consts;                       // pool indices, co_consts order
    std::unordered_map<std::string, std::uint32_t> const_index;   // const key -> co_consts idx
    std::vector<std::string> names, varnames, cellvars, freevars;
    std::unordered_map<std::string, int> name_index, var_index;
    std::uint32_t argcount = 0, posonlyargcount = 0, kwonlyargcount = 0;
    std::vector<std::unique_ptr<Block>> blocks;
    Block* entry = nullptr;
    Block* cur = nullptr;
    bool need_new_block = false;
    std::vector<FBlock> fblocks;
    int firstlineno = 0;
    int line = -1, end_line = -1, col = -1, end_col = -1;
};

class Compiler {
public:
    Compiler(CompilationUnit& out, const SymbolTable& st, std::vector<std::string> lines);
    void compile_module(const Module& m);

    // --- units, blocks, emission (compiler.cpp)
    void enter_scope(UnitKind kind, const std::string& name, const void* node, int lineno);
    std::uint32_t exit_scope();   // assembles; returns the index in out_.codes
    Block* new_block();
    void use_next_block(Block* b);
    void next_block() { use_next_block(new_block()); }
    void addop(int opcode, int arg = 0);
    void addop_noline(int opcode, int arg = 0);
    void addop_jump(int opcode, Block* target);
    void addop_jump_noline(int opcode, Block* target);
    void set_loc(const Loc& l);
    void unset_loc() { u().line = -1; u().end_line = -1; u().col = -1; u().end_col = -1; }
    void load_const(const Const& c);
    std::uint32_t add_const(const Const& c);
    int add_name(const std::string& name);
    int add_varname(const std::string& name);
    void addop_name(Op o, const std::string& name);   // mangled, into co_names
    void nameop(const std::string& name, Ctx ctx);
    [[noreturn]] void error(const std::string& msg, const Loc& loc);
    [[noreturn]] void unsupported(const std::string& what, std::uint32_t line);
    // A SyntaxWarning (compiler_warn): "FILE:LINE: SyntaxWarning: MSG" and the stripped line.
    void warn(const std::string& msg, std::uint32_t line);
    Unit& u() { return *units_.back(); }

    // --- statements (compiler_stmt.cpp)
    void body(const Body& stmts);
    void stmt(const Stmt& s);
    void stmt_expr(const Expr& value);
    void if_stmt(const Stmt& s);
    void while_stmt(const Stmt& s);
    void for_stmt(const Stmt& s);
    void return_stmt(const Stmt& s);
    void break_stmt(const Stmt& s);
    void continue_stmt(const Stmt& s);
    void assert_stmt(const Stmt& s);
    void import_stmt(const Stmt& s);
    void from_import_stmt(const Stmt& s);
    void augassign(const Stmt& s);
    void annassign(const Stmt& s);
    void module_body(const Body& stmts, bool is_module);

    // --- exceptions and frame blocks (compiler_flow.cpp)
    void try_stmt(const Stmt& s);
    void try_except(const Stmt& s);
    void try_finally(const Stmt& s);
    void with_stmt(const Stmt& s, std::size_t pos);
    void push_fblock(FBlockType t, Block* b, Block* exit, const Stmt* st = nullptr,
                     const std::string* name = nullptr);
    void pop_fblock() { u().fblocks.pop_back(); }
    void unwind_fblock(const FBlock& f, bool preserve_tos);
    bool unwind_fblock_stack(bool preserve_tos, FBlock* loop_out);
    void pop_except_and_reraise();
    void call_exit_with_nones();

    // --- expressions (compiler_expr.cpp)
    void expr(const Expr& e);
    void expr1(const Expr& e);
    void jump_if(const Expr& e, Block* next, bool cond);
    void jump_if1(const Expr& e, Block* next, bool cond);
    void boolop(const Expr& e);
    void compare(const Expr& e);
    void compare_op(CmpOpKind k);
    void call(const Expr& e);
    bool method_call(const Expr& e);
    void call_helper(int n, const std::vector<ExprPtr>& args, const std::vector<Keyword>& kws);
    void subkwargs(const std::vector<Keyword>& kws, std::size_t begin, std::size_t end);
    void starunpack(const std::vector<ExprPtr>& elts, int pushed, Op build, Op add, Op extend,
                    bool tuple);
    void dict(const Expr& e);
    void subdict(const Expr& e, std::size_t begin, std::size_t end);
    void assignment_targets(const std::vector<ExprPtr>& elts, const Loc& loc);
    void joined_str(const Expr& e);
    void formatted_value(const Expr& e);
    void slice(const Expr& e);
    void attribute_loc(const Expr& e);

    // --- functions, classes, lambdas, comprehensions (compiler_scope.cpp)
    void function_def(const Stmt& s);
    void class_def(const Stmt& s);
    void lambda(const Expr& e);
    void comprehension(const Expr& e);
    void comprehension_generator(const Expr& e, std::size_t gen_index, int depth);
    int default_arguments(const Arguments& a);
    bool annotations(const Arguments& a, const ExprPtr& returns);
    void make_closure(std::uint32_t code_index, int flags);
    void decorators(const std::vector<ExprPtr>& decos);
    void apply_decorators(const std::vector<ExprPtr>& decos);
    bool is_import_originated(const Expr& e) const;

    // --- assembler (assembler.cpp)
    void assemble(CodeObject& code, bool add_none);

    CompilationUnit& out_;
    const SymbolTable& st_;
    std::vector<std::string> lines_;
    ConstPool pool_;
    std::vector<std::unique_ptr<Unit>> units_;
};

// AST-level constant folding (Python/ast_opt.c, 3.11).
void optimize_ast(Module& m);

}  // namespace refscope::lang
