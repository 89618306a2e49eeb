// lang/num/py_result.hpp — how the value library reports a Python exception to its caller.
//
// The value library (lang/num, lang/text) computes what CPython 3.11 computes for numbers and
// text. When CPython would raise, the library returns a PyError instead of a value: the name of
// the built-in exception class and the exact message CPython prints. The VM turns it into an
// exception object inside the simulation. No C++ exception crosses this surface for user
// errors; a C++ exception (InvariantError) still means a bug or a broken precondition.
//
// Glossary
//   PyError    {type, message}: type is a built-in exception name ("ValueError", "TypeError",
//              "OverflowError", "ZeroDivisionError", "MemoryError", "KeyError"); message is
//              str(exception) as CPython 3.11.7 prints it (empty for a bare MemoryError).
//   Result<T>  either a T or a PyError, like std::expected (which libc++ 13 lacks).
//
// Invariants
//   1. A Result holds exactly one of value and error; value() on an error (or error() on a
//      value) throws InvariantError.
//   2. Every message is taken from CPython 3.11.7's observed output; tests pin them.
#pragma once

#include <string>
#include <type_traits>
#include <utility>
#include <variant>

#include "refscope/errors.hpp"

namespace refscope::lang {

struct PyError {
    std::string type;
    std::string message;

    friend bool operator==(const PyError&, const PyError&) = default;
};

inline PyError value_error(std::string m) { return {"ValueError", std::move(m)}; }
inline PyError type_error(std::string m) { return {"TypeError", std::move(m)}; }
inline PyError overflow_error(std::string m) { return {"OverflowError", std::move(m)}; }
inline PyError zero_division_error(std::string m) { return {"ZeroDivisionError", std::move(m)}; }
inline PyError memory_error() { return {"MemoryError", ""}; }

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}        // NOLINT
    Result(PyError error) : v_(std::in_place_index<1>, std::move(error)) {}  // NOLINT
    // Anything T can be built from: `return "text";` for Result<std::string>, `return 0;` for
    // Result<BigInt>.
    template <class U, std::enable_if_t<std::is_constructible_v<T, U&&> &&
                                            !std::is_same_v<std::decay_t<U>, T> &&
                                            !std::is_same_v<std::decay_t<U>, PyError> &&
                                            !std::is_same_v<std::decay_t<U>, Result>,
                                        int> = 0>
    Result(U&& value) : v_(std::in_place_index<0>, T(std::forward<U>(value))) {}  // NOLINT

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T& value() const& {
        REFSCOPE_CHECK(ok(), "Result::value() on an error: " + std::get<1>(v_).message);
        return std::get<0>(v_);
    }
    T& value() & {
        REFSCOPE_CHECK(ok(), "Result::value() on an error: " + std::get<1>(v_).message);
        return std::get<0>(v_);
    }
    T&& value() && {
        REFSCOPE_CHECK(ok(), "Result::value() on an error: " + std::get<1>(v_).message);
        return std::get<0>(std::move(v_));
    }
    const PyError& error() const {
        REFSCOPE_CHECK(!ok(), "Result::error() on a value");
        return std::get<1>(v_);
    }
    const T* operator->() const { return &value(); }
    const T& operator*() const& { return value(); }

private:
    std::variant<T, PyError> v_;
};

}  // namespace refscope::lang
