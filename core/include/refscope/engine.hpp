// refscope/engine.hpp — run a Python program on the simulated CPython, like `python3 FILE.py`.
//
// The engine compiles the source (core/src/lang/compile.hpp) and executes it on the memory
// model: every object is a simulated heap object, every reference is counted, the cyclic
// collector and pymalloc run as CPython 3.11's do. What the program prints, the traceback of
// an uncaught exception and the exit status are what python3 produces on the supported subset.
//
// Results:
//   exit_status   0, 1 after an uncaught exception or a SyntaxError, the SystemExit code, 2 for
//                 a construct refscope does not support (`unsupported` says which), 3 when a
//                 limit stopped the run (`limit_reason` says which).
//   limit_reason  "" (ran to completion), "steps" (max_steps line events), "memory" (the
//                 simulated memory limit made an allocation fail where no MemoryError could be
//                 delivered), "output" (max_output bytes written).
// Limits end a run cleanly: the output up to that point is kept.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "refscope/profile.hpp"

namespace refscope {

namespace lang {
class VmObserver;
}
namespace alloc {
class AllocObserver;
}

struct RunOptions {
    ProfileId profile = ProfileId::cpython_3_11;
    std::string stdin_text;                         // what input() reads
    std::vector<std::string> argv;                  // sys.argv[1:]
    std::string argv0;                              // sys.argv[0] (default: the filename)
    std::uint64_t max_steps = 10'000'000;           // line events (trace steps)
    std::uint64_t max_output = 16u << 20;           // bytes written to stdout + stderr
    std::uint64_t memory_limit = std::uint64_t{1} << 31;   // simulated bytes
    bool check_invariants = false;                  // heap and allocator checks after the run
    bool check_every_op = false;                    // ... and after every heap operation (slow)
    lang::VmObserver* observer = nullptr;           // trace recorder; null: no hooks
    alloc::AllocObserver* alloc_observer = nullptr; // the allocator's events (blocks, pools)
};

struct RunResult {
    std::string stdout_text, stderr_text;
    int exit_status = 0;
    std::string limit_reason;                       // "", "steps", "memory", "output"
    std::string unsupported;                        // the construct, when exit_status is 2
    std::uint32_t unsupported_line = 0;
    bool syntax_error = false;                      // the source did not compile (exit_status 1)
    std::uint32_t error_line = 0;                   // the syntax error's line
    std::uint64_t line_steps = 0, instructions = 0;
};

// Compile and run `source` as the main script `filename` (shown in tracebacks).
RunResult run_program(std::string_view source, std::string filename, const RunOptions& options);

}  // namespace refscope
