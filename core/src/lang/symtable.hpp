// lang/symtable.hpp — scopes and the binding of every name, as CPython 3.11's symtable.c.
//
// Models Python/symtable.c (3.11). A first pass records, per block (module, class, function,
// lambda, comprehension), how each name is used (DEF_LOCAL, DEF_PARAM, USE, DEF_GLOBAL,
// DEF_NONLOCAL, DEF_IMPORT); a second pass (analyze) decides each name's scope:
//   LOCAL            bound in this block (fast local in a function, NAME op elsewhere)
//   GLOBAL_EXPLICIT  declared `global`
//   GLOBAL_IMPLICIT  used, bound nowhere in an enclosing function
//   FREE             bound in an enclosing function (or declared `nonlocal`)
//   CELL             a local that some nested block uses freely
// Glossary
//   comprehension  3.11 compiles [x for x in y] as a nested function `<listcomp>` whose only
//                  parameter `.0` is the outermost iterator, evaluated in the enclosing block.
//   __class__      a class block whose methods mention `super` or `__class__` gets an implicit
//                  cell named __class__ (needs_class_closure); the methods get it as free.
//   nested         a block inside a function (CO_NESTED).
// Invariants
//   1. Every name a block mentions has an entry in that block's `symbols`.
//   2. A name is FREE in a block only if an enclosing function block binds it (or it is
//      __class__ and an enclosing class needs the class closure).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "lang/ast.hpp"
#include "lang/syntax_error.hpp"

namespace refscope::lang {

enum class BlockType : std::uint8_t { Module, Class, Function };

enum SymFlag : std::uint32_t {
    DEF_GLOBAL = 1, DEF_LOCAL = 2, DEF_PARAM = 4, DEF_NONLOCAL = 8, USE = 16,
    DEF_FREE_CLASS = 64, DEF_IMPORT = 128, DEF_ANNOT = 256, DEF_COMP_ITER = 512,
    DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT,
};

enum class SymScope : std::uint8_t { None, Local, GlobalExplicit, GlobalImplicit, Free, Cell };

struct Symbol {
    std::uint32_t flags = 0;
    SymScope scope = SymScope::None;
};

struct Directive {   // where a global/nonlocal statement named the symbol
    Loc loc;
};

struct Scope {
    BlockType type = BlockType::Module;
    std::string name;
    Loc loc;
    Scope* parent = nullptr;
    std::vector<Scope*> children;
    std::vector<std::string> order;                       // symbols in first-seen order
    std::unordered_map<std::string, Symbol> symbols;
    std::unordered_map<std::string, Directive> directives;
    std::vector<std::string> varnames;                    // parameters, in order
    bool nested = false, generator = false, comprehension = false, lambda = false;
    bool varargs = false, varkeywords = false;
    bool needs_class_closure = false, has_free = false, child_free = false;

    SymScope scope_of(const std::string& name) const {
        auto it = symbols.find(name);
        return it == symbols.end() ? SymScope::None : it->second.scope;
    }
    std::uint32_t flags_of(const std::string& name) const {
        auto it = symbols.find(name);
        return it == symbols.end() ? 0 : it->second.flags;
    }
};

class SymbolTable {
public:
    Scope* top = nullptr;
    Scope* lookup(const void* node) const {
        auto it = by_node_.find(node);
        return it == by_node_.end() ? nullptr : it->second;
    }

    // Builds and analyzes the table. Throws SyntaxErrorException (filename, lines for text).
    static std::unique_ptr<SymbolTable> build(const Module& m, const std::string& filename,
                                              const std::vector<std::string>& lines);

private:
    friend class SymtableBuilder;
    std::vector<std::unique_ptr<Scope>> scopes_;
    std::unordered_map<const void*, Scope*> by_node_;
};

// CPython's _Py_Mangle: `__x` inside class `C` becomes `_C__x`.
std::string mangle(const std::string& private_name, const std::string& name);

}  // namespace refscope::lang
