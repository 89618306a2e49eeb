// test_vm_exceptions.cpp — CPython's messages for common errors, chaining, tracebacks.
//
// Each message is what str(exception) gives in CPython 3.11.7; uncaught exceptions end the
// run with status 1 and the `Type: message` line on stderr; SystemExit sets the status.
// Generated expectations: the output of python3 (CPython 3.11.7) for each program, with
// PYTHONHASHSEED=0; every run also checks the heap's and allocator's invariants afterwards.

#include <catch2/catch.hpp>

#include "test_vm_support.hpp"

using refscope::testing::last_line;
using refscope::testing::run_python;

TEST_CASE("exception messages", "[vm][exceptions]") {
    auto r = run_python(R"PY(def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
show(lambda: 1 / 0)
show(lambda: 1 // 0)
show(lambda: 1 % 0)
show(lambda: 1.0 / 0)
show(lambda: undefined_name)
show(lambda: [1, 2][5])
show(lambda: (1,)[3])
show(lambda: 'ab'[9])
show(lambda: 5[0])
show(lambda: 1 + 'a')
show(lambda: 'a' + 1)
show(lambda: [1] + (1,))
show(lambda: {'a': 1}['b'])
show(lambda: object().x)
class C:
    pass
show(lambda: C().missing)
show(lambda: int('abc'))
show(lambda: len(5))
show(lambda: None())
show(lambda: 'x' * 'y')
show(lambda: [].pop())
show(lambda: {}.popitem())
show(lambda: set().pop())
show(lambda: [1].index(2))
show(lambda: 'abc'.index('z'))
show(lambda: int(None))
show(lambda: 1 < 'a')
show(lambda: hash([]))
show(lambda: next(iter([])))
show(lambda: max([]))
def f(a, b):
    pass
show(lambda: f(1))
show(lambda: f(1, 2, 3))
show(lambda: f(1, c=2))
show(lambda: f(1, a=2))
def g(*, k):
    pass
show(lambda: g())
show(lambda: C(1))
def rec():
    rec()
try:
    rec()
except RecursionError as e:
    print("RecursionError:", e)
try:
    raise ValueError("boom") from KeyError("k")
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)
try:
    try:
        {}['x']
    except KeyError:
        raise TypeError("inner")
except TypeError as e:
    print(repr(e.__context__))
)PY", false);
    CHECK(r.stdout_text == R"PY(ZeroDivisionError: division by zero
ZeroDivisionError: integer division or modulo by zero
ZeroDivisionError: integer modulo by zero
ZeroDivisionError: float division by zero
NameError: name 'undefined_name' is not defined
IndexError: list index out of range
IndexError: tuple index out of range
IndexError: string index out of range
TypeError: 'int' object is not subscriptable
TypeError: unsupported operand type(s) for +: 'int' and 'str'
TypeError: can only concatenate str (not "int") to str
TypeError: can only concatenate list (not "tuple") to list
KeyError: 'b'
AttributeError: 'object' object has no attribute 'x'
AttributeError: 'C' object has no attribute 'missing'
ValueError: invalid literal for int() with base 10: 'abc'
TypeError: object of type 'int' has no len()
TypeError: 'NoneType' object is not callable
TypeError: can't multiply sequence by non-int of type 'str'
IndexError: pop from empty list
KeyError: 'popitem(): dictionary is empty'
KeyError: 'pop from an empty set'
ValueError: 2 is not in list
ValueError: substring not found
TypeError: int() argument must be a string, a bytes-like object or a real number, not 'NoneType'
TypeError: '<' not supported between instances of 'int' and 'str'
TypeError: unhashable type: 'list'
StopIteration: 
ValueError: max() arg is an empty sequence
TypeError: f() missing 1 required positional argument: 'b'
TypeError: f() takes 2 positional arguments but 3 were given
TypeError: f() got an unexpected keyword argument 'c'
TypeError: f() got multiple values for argument 'a'
TypeError: g() missing 1 required keyword-only argument: 'k'
TypeError: C() takes no arguments
RecursionError: maximum recursion depth exceeded
ValueError('boom') KeyError('k') True
KeyError('x')
)PY");
    CHECK(r.exit_status == 0);
}

TEST_CASE("uncaught exception", "[vm][exceptions]") {
    auto r = run_python(R"PY(def inner():
    raise ValueError("bad value")
def outer():
    inner()
print("before")
outer()
)PY", true);
    CHECK(r.stdout_text == R"PY(before
)PY");
    CHECK(r.exit_status == 1);
    CHECK(last_line(r.stderr_text) == R"PY(ValueError: bad value)PY");
}

TEST_CASE("NameError suggestion", "[vm][exceptions]") {
    auto r = run_python(R"PY(def total(values):
    result = 0
    for v in values:
        result += v
    return reslt
print(total([1, 2]))
)PY", false);
    CHECK(r.stdout_text == R"PY()PY");
    CHECK(r.exit_status == 1);
    CHECK(last_line(r.stderr_text) == R"PY(NameError: name 'reslt' is not defined. Did you mean: 'result'?)PY");
}

TEST_CASE("SystemExit status", "[vm][exceptions]") {
    auto r = run_python(R"PY(import sys
print("exiting")
sys.exit(3)
)PY", true);
    CHECK(r.stdout_text == R"PY(exiting
)PY");
    CHECK(r.exit_status == 3);
    CHECK(last_line(r.stderr_text) == R"PY()PY");
}

TEST_CASE("SystemExit message", "[vm][exceptions]") {
    auto r = run_python(R"PY(raise SystemExit("bye")
)PY", true);
    CHECK(r.stdout_text == R"PY()PY");
    CHECK(r.exit_status == 1);
    CHECK(last_line(r.stderr_text) == R"PY(bye)PY");
}

TEST_CASE("custom exception from", "[vm][exceptions]") {
    auto r = run_python(R"PY(class ParseError(Exception):
    pass
try:
    int("x")
except ValueError as e:
    raise ParseError("bad") from e
)PY", true);
    CHECK(r.stdout_text == R"PY()PY");
    CHECK(r.exit_status == 1);
    CHECK(last_line(r.stderr_text) == R"PY(ParseError: bad)PY");
}
