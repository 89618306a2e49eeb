// cli/cmd_dis.cpp — `refscope dis FILE.py`: the compiled bytecode, one code object per block.
//
// Prints lang::disassemble() for the module and then every nested code object, depth-first in
// co_consts order (the order tests/lang/dis_reference.py walks CPython's code objects). A
// SyntaxError is printed as python3 prints it and exits 1; an unsupported construct too.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <variant>

#include "commands.hpp"
#include "lang/compile.hpp"

namespace refscope::cli {

namespace {

void walk(const lang::CompilationUnit& unit, std::uint32_t index, std::string& out) {
    out += lang::disassemble(unit, index);
    for (std::uint32_t k : unit.codes[index].consts) {
        const lang::Constant& c = unit.pool[k];
        if (c.kind == lang::Constant::Kind::code) walk(unit, c.code, out);
    }
}

}  // namespace

int dis_command(const Args& args) {
    if (args.size() != 1) return usage_error("usage: refscope dis FILE.py");
    std::string path(args[0]);
    std::string source;
    if (!read_file(path, source)) {
        std::fprintf(stderr, "refscope: can't open file '%s'\n", path.c_str());
        return 2;
    }
    // python3 (3.9+) reports the script under its absolute, normalized path
    std::error_code ec;
    std::filesystem::path abs = std::filesystem::absolute(path, ec);
    std::string filename = ec ? path : abs.lexically_normal().string();
    lang::CompileResult r = lang::compile(source, filename);
    if (auto* e = std::get_if<lang::SyntaxErrorInfo>(&r)) {
        std::fputs(lang::format_syntax_error(*e).c_str(), stderr);
        return 1;
    }
    if (auto* u = std::get_if<lang::UnsupportedError>(&r)) {
        std::fputs(lang::format_unsupported(*u, filename).c_str(), stderr);
        return 1;
    }
    const auto& unit = std::get<lang::CompilationUnit>(r);
    std::string out;
    walk(unit, 0, out);
    std::fputs(out.c_str(), stdout);
    return 0;
}

}  // namespace refscope::cli
