// test_vm_identity.cpp — identity results of spec §12.3.
//
// Small-int cache, shared constants of one compilation unit, interning, the 1-character
// string cache, id() reuse of freed blocks.
// Generated expectations: the output of python3 (CPython 3.11.7) for each program, with
// PYTHONHASHSEED=0; every run also checks the heap's and allocator's invariants afterwards.

#include <catch2/catch.hpp>

#include "test_vm_support.hpp"

using refscope::testing::last_line;
using refscope::testing::run_python;

TEST_CASE("identity table of spec 12.3", "[vm][identity]") {
    auto r = run_python(R"PY(import sys
print(int('256') is int('256'), int('-5') is int('-5'))
print(int('257') is int('257'), int('-6') is int('-6'))
a = 270
b = 270
print(a is b)
def f():
    return 270
print(f() is a)
print(''.join(['hel', 'lo']) is 'hello', ''.join(['hel', 'lo']) == 'hello')
print(sys.intern(''.join(['hel', 'lo'])) is 'hello')
print(str() is '', ''.join([]) is '')
print(chr(97) is chr(97))
s = 'xay'
print(s[1] is chr(97))
print(str(5) is str(5))
print((1, 2) is (1, 2))
print(id([]) == id([]))
x = []
y = []
print(id(x) == id(y), x is y)
print(id(None) == id(None), None is None)
print([] is [])
print(id(object()) == id(object()))
)PY", true);
    CHECK(r.stdout_text == R"PY(True True
False False
True
True
False True
True
True True
True
True
False
True
True
False False
True True
False
True
)PY");
    CHECK(r.exit_status == 0);
}
