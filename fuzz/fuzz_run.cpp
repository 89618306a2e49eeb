// fuzz/fuzz_run.cpp — libFuzzer target: program text through the lexer, parser, compiler and VM.
//
// Each input is a Python program (bytes as they come; invalid UTF-8 is the lexer's business).
// It is compiled and run by refscope::run_program with small limits, so a single input can
// never run long or grow large, and with the heap's and the allocator's invariant checks on.
// A finding is anything that is not an ordinary outcome of running a program:
//   - a crash, an AddressSanitizer or UndefinedBehaviorSanitizer report (the build adds them);
//   - a C++ exception escaping run_program (the engine promises none does);
//   - a broken invariant: run_program reports it with exit status 70;
//   - a hang: the step limit bounds line events, libFuzzer's -timeout bounds everything else.
//
// Invariants of the harness:
//   1. Every ordinary outcome returns 0: a clean run (0), an uncaught Python exception or
//      SyntaxError (1), an unsupported construct (2), a limit (3), SystemExit with any code.
//   2. Exit status 70 (invariant failure) and any escaping exception abort(), so libFuzzer
//      records the input as a crash.
//   3. The limits are fixed here, not taken from the input, so a crash reproduces from the file
//      alone: `build/fuzz/refscope_fuzz crash-<sha1>`.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string_view>

#include "refscope/engine.hpp"

namespace {

constexpr std::uint64_t kMaxSteps = 20'000;
constexpr std::uint64_t kMaxOutput = 64 * 1024;
constexpr std::uint64_t kMemoryLimit = 64ull << 20;   // simulated bytes
constexpr std::size_t kMaxInput = 4096;               // longer inputs are not programs worth it

[[noreturn]] void finding(const char* what, const std::string& detail) {
    std::fprintf(stderr, "refscope_fuzz: %s: %s\n", what, detail.c_str());
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > kMaxInput) return 0;
    std::string_view source(reinterpret_cast<const char*>(data), size);
    refscope::RunOptions options;
    options.max_steps = kMaxSteps;
    options.max_output = kMaxOutput;
    options.memory_limit = kMemoryLimit;
    options.check_invariants = true;
    refscope::RunResult result;
    try {
        result = refscope::run_program(source, "fuzz.py", options);
    } catch (const std::exception& e) {
        finding("exception escaped run_program", e.what());
    } catch (...) {
        finding("exception escaped run_program", "(not a std::exception)");
    }
    if (result.exit_status == 70) finding("invariant", result.stderr_text);
    return 0;
}
