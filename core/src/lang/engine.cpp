// lang/engine.cpp — run_program (refscope/engine.hpp): compile, run as __main__, exit.
#include "refscope/engine.hpp"

#include "lang/compile.hpp"
#include "lang/vm/interp.hpp"
#include "lang/vm/vm_observer.hpp"
#include "refscope/errors.hpp"

namespace refscope {

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
