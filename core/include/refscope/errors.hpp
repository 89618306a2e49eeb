// refscope/errors.hpp — the errors the engine itself can raise.
//
// Errors in the user's program are Python exceptions inside the simulation, never C++
// exceptions. The C++ exceptions below mean something else:
//   InvariantError  a broken internal invariant: a bug in refscope. Tests fail on it; the wasm
//                   surface turns it into an `internal` error instead of crashing the page.
//   UsageError      the host (CLI, bindings, tests) called the core wrongly, e.g. a malformed
//                   scenario or an unknown profile. Carries a message meant for a person.
#pragma once

#include <stdexcept>
#include <string>

namespace refscope {

class InvariantError : public std::logic_error {
public:
    explicit InvariantError(const std::string& what) : std::logic_error("invariant: " + what) {}
};

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// REFSCOPE_CHECK(cond, message): throw InvariantError when cond is false. Always on: checkers
// call it, and checkers themselves run only when a caller asks for them.
#define REFSCOPE_CHECK(cond, message)                                          \
    do {                                                                       \
        if (!(cond)) throw ::refscope::InvariantError(message);                \
    } while (0)

}  // namespace refscope
