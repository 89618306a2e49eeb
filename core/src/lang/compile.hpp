// lang/compile.hpp — the front end's public entry point: Python source to code objects.
//
// compile() runs the whole front end of CPython 3.11 on a Python-subset program: tokenizer,
// parser, AST constant folding, symbol table, code generation and assembly. The result is
// the CompilationUnit the VM runs (code.hpp), a SyntaxError exactly as python3 would report
// it (type, message, line, offset, text), or the name of a valid construct that refscope does
// not support, with its line.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "lang/code.hpp"
#include "lang/syntax_error.hpp"

namespace refscope::lang {

using CompileResult = std::variant<CompilationUnit, SyntaxErrorInfo, UnsupportedError>;

CompileResult compile(std::string_view source, std::string filename);

// The error as `python3 FILE.py` prints it on stderr:
//     File "x.py", line 3
//       x = (1,
//           ^
//   SyntaxError: '(' was never closed
std::string format_syntax_error(const SyntaxErrorInfo& e);

// "x.py:3: unsupported: the 'match' statement" — one line for a person.
std::string format_unsupported(const UnsupportedError& e, const std::string& filename);

}  // namespace refscope::lang
