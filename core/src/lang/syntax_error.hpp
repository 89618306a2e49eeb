// lang/syntax_error.hpp — how the front end reports a program it cannot compile.
//
// SyntaxErrorInfo carries what CPython 3.11 puts in a SyntaxError's attributes (type is
// "SyntaxError", "IndentationError" or "TabError"; offset and end_offset are 1-based
// character columns, end_offset may be 0 or -1 exactly where CPython leaves it so).
// UnsupportedError names valid Python that refscope's subset leaves out.
//
// One difference from compile(): CPython leaves `text` None for errors found after parsing
// (symbol table, compiler) when the source is a string; a script run reads the line back from
// the file, so here `text` is always the line, as python3 FILE.py prints it.
#pragma once

#include <cstdint>
#include <string>

namespace refscope::lang {

struct SyntaxErrorInfo {
    std::string type = "SyntaxError", message, filename, text;
    std::uint32_t line = 0, offset = 0, end_line = 0;
    std::int32_t end_offset = 0;   // may be 0 or -1, as CPython reports it
};

struct UnsupportedError {
    std::string construct;         // "async functions", "the 'match' statement", ...
    std::uint32_t line = 0;
};

// Thrown inside the front end, caught by compile() (never escapes the public API).
struct SyntaxErrorException {
    SyntaxErrorInfo info;
};
struct UnsupportedException {
    UnsupportedError info;
};

}  // namespace refscope::lang
