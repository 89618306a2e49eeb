// lang/compile.cpp — the front end's entry point and python3's way of printing a SyntaxError
// (compile.hpp). The traceback layout follows print_error_text of Python/pythonrun.c (3.11):
// the line with its leading whitespace stripped, indented by four spaces, then carets from
// offset to end_offset counted in bytes (as the file tokenizer reports them).
#include "lang/compile.hpp"

#include "lang/compiler.hpp"
#include "lang/lexer.hpp"
#include "lang/parser.hpp"
#include "lang/symtable.hpp"

namespace refscope::lang {

CompileResult compile(std::string_view source, std::string filename) {
    LexResult lexed = tokenize(source);
    try {
        Module m = parse_module(lexed, filename);
        optimize_ast(m);
        auto table = SymbolTable::build(m, filename, lexed.lines);
        CompilationUnit unit;
        unit.filename = filename;
        unit.source_lines = lexed.lines;
        Compiler c(unit, *table, lexed.lines);
        c.compile_module(m);
        verify(unit);
        return unit;
    } catch (const SyntaxErrorException& e) {
        SyntaxErrorInfo info = e.info;
        info.filename = filename;
        return info;
    } catch (const UnsupportedException& e) {
        return e.info;
    }
}

namespace {

// Byte length of the first `chars` code points of `text` (characters past the end count 1).
long byte_pos(const std::string& text, long chars) {
    long bytes = 0, seen = 0;
    std::size_t i = 0;
    while (seen < chars && i < text.size()) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        i += len;
        bytes += static_cast<long>(len);
        ++seen;
    }
    return bytes + (chars - seen);
}

}  // namespace

std::string format_syntax_error(const SyntaxErrorInfo& e) {
    std::string out = "  File \"" + e.filename + "\", line " + std::to_string(e.line) + "\n";
    std::string text = e.text;
    if (!text.empty()) {
        if (text.back() == '\n') text.pop_back();
        long offset = e.offset > 0 ? byte_pos(text, static_cast<long>(e.offset) - 1) : -1;
        long end = e.end_offset > 0 && e.end_line == e.line
                       ? byte_pos(text, static_cast<long>(e.end_offset) - 1)
                       : -1;
        if (e.end_line > e.line) end = static_cast<long>(text.size());
        std::size_t strip = 0;
        while (strip < text.size() && (text[strip] == ' ' || text[strip] == '\t' || text[strip] == '\f'))
            ++strip;
        std::string shown = text.substr(strip);
        offset -= static_cast<long>(strip);
        if (end >= 0) end -= static_cast<long>(strip);
        long len = static_cast<long>(shown.size());
        if (offset > len) offset = len;
        out += "    " + shown + "\n";
        // python3 reports no caret for a block missing at the end of the file
        bool eof_block = e.end_offset == -1 && e.message.rfind("expected an indented block", 0) == 0 &&
                         e.type == "IndentationError" && e.offset > 0 &&
                         static_cast<long>(e.offset) - 1 >= static_cast<long>(text.size());
        if (offset >= 0 && e.offset > 0 && !eof_block) {
            // python3 draws a single caret for IndentationError (and TabError)
            bool single = e.type == "IndentationError" || e.type == "TabError";
            long carets = end > offset && !single ? end - offset : 1;
            out += "    " + std::string(static_cast<std::size_t>(offset), ' ') +
                   std::string(static_cast<std::size_t>(carets), '^') + "\n";
        }
    }
    out += e.type + ": " + e.message + "\n";
    return out;
}

std::string format_unsupported(const UnsupportedError& e, const std::string& filename) {
    return filename + ":" + std::to_string(e.line) + ": unsupported: " + e.construct +
           " (refscope runs a subset of Python)\n";
}

}  // namespace refscope::lang
