// test_vm_support.hpp — running a Python program in the tests of the interpreter.
//
// Every program runs with the heap's and the allocator's invariant checks after the run
// (RunOptions::check_invariants): a broken reference count or a leaked block fails the test
// even when the output is right. `every_op` checks after each heap operation too (slow: for
// small programs). Expected outputs are what python3 (CPython 3.11.7) prints.
#pragma once

#include <string>

#include "refscope/engine.hpp"

namespace refscope::testing {

inline RunResult run_python(const std::string& source, bool every_op = false,
                            RunOptions options = {}) {
    options.check_invariants = true;
    options.check_every_op = every_op;
    return run_program(source, "prog.py", options);
}

// The last non-empty line of stderr (what the differential suite compares).
inline std::string last_line(const std::string& text) {
    std::size_t end = text.size();
    while (end > 0 && (text[end - 1] == '\n' || text[end - 1] == ' ')) --end;
    std::size_t start = text.rfind('\n', end == 0 ? 0 : end - 1);
    start = start == std::string::npos ? 0 : start + 1;
    return text.substr(start, end - start);
}

}  // namespace refscope::testing
