// lang/engine.cpp — run_program (refscope/engine.hpp): compile, run as __main__, exit.
#include "refscope/engine.hpp"

#include "lang/compile.hpp"
#include "lang/vm/interp.hpp"
#include "lang/vm/vm_observer.hpp"
#include "refscope/errors.hpp"

namespace refscope {

namespace {

bool holds_complex(const lang::CompilationUnit& unit, std::uint32_t index) {
    const lang::Constant& c = unit.pool.at(index);
    if (c.kind == lang::Constant::Kind::complex) return true;
    for (std::uint32_t item : c.items)
        if (holds_complex(unit, item)) return true;
    return false;
}

// The line of the first instruction that loads a complex constant (0: none). The VM has no
// complex type; the compiler keeps complex constants (`refscope dis` shows them as CPython does).
std::uint32_t first_complex_constant(const lang::CompilationUnit& unit) {
    for (const lang::CodeObject& code : unit.codes)
        for (const lang::Instr& in : code.code)
            if (in.op == lang::Op::LOAD_CONST && holds_complex(unit, code.consts.at(in.arg)))
                return in.line ? in.line : code.firstlineno;
    return 0;
}

}  // namespace

RunResult run_program(std::string_view source, std::string filename, const RunOptions& options) {
    RunResult result;
    auto compiled = lang::compile(source, filename);
    if (auto* err = std::get_if<lang::SyntaxErrorInfo>(&compiled)) {
        result.stderr_text = lang::format_syntax_error(*err);
        result.exit_status = 1;
        result.syntax_error = true;
        result.error_line = err->line;
        return result;
    }
    if (auto* unsupported = std::get_if<lang::UnsupportedError>(&compiled)) {
        result.unsupported = unsupported->construct;
        result.unsupported_line = unsupported->line;
        result.exit_status = 2;
        return result;
    }
    auto unit = std::make_unique<lang::CompilationUnit>(std::move(std::get<lang::CompilationUnit>(compiled)));
    result.stderr_text = unit->warnings;
    if (std::uint32_t line = first_complex_constant(*unit)) {
        result.unsupported = "complex numbers";
        result.unsupported_line = line;
        result.exit_status = 2;
        return result;
    }
    {
        lang::Interp vm(options, result, options.argv0.empty() ? filename : options.argv0);
        vm.run_main(std::move(unit));
        vm.shutdown();
        if (options.observer) options.observer->on_end(vm);
        if (options.check_invariants) {
            try {
                vm.heap().check_invariants();
                vm.allocator().check_invariants();
            } catch (const InvariantError& e) {
                result.stderr_text += std::string("refscope: ") + e.what() + "\n";
                result.exit_status = 70;
            }
        }
    }
    return result;
}

}  // namespace refscope
