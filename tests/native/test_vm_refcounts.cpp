// test_vm_refcounts.cpp — sys.getrefcount in the situations of spec §12.1.
//
// The compositions: names, parameters moved from the caller's stack (3.11), *args tuples,
// container slots, cells, loop variables, the parse tree's reference to literals.
// Generated expectations: the output of python3 (CPython 3.11.7) for each program, with
// PYTHONHASHSEED=0; every run also checks the heap's and allocator's invariants afterwards.

#include <catch2/catch.hpp>

#include "test_vm_support.hpp"

using refscope::testing::last_line;
using refscope::testing::run_python;

TEST_CASE("refcounts of spec 12.1", "[vm][refcounts]") {
    auto r = run_python(R"PY(import sys
print(sys.getrefcount([]))
a = []
print(sys.getrefcount(a))
def local():
    c = []
    return sys.getrefcount(c)
print(local())
b = a
print(sys.getrefcount(a))
del b
def f(x):
    return sys.getrefcount(x)
print(f(a))
def g(x, y):
    return sys.getrefcount(x)
print(g(a, a))
def h(*args):
    return sys.getrefcount(args[0])
print(h(a))
def alias(x):
    y = x
    return sys.getrefcount(x)
print(alias(a))
L = [a] * 3
print(sys.getrefcount(a))
del L
class O:
    pass
o = O()
o.attr = a
print(sys.getrefcount(a))
del o
d = {'k': a}
print(sys.getrefcount(a))
del d
t = (a,)
print(sys.getrefcount(a))
del t
def outer():
    x = []
    def inner():
        return x
    return inner
fn = outer()
print(sys.getrefcount(fn.__closure__[0].cell_contents))
for x in [[]]:
    print(sys.getrefcount(x))
lst = [a]
for x in lst:
    print(sys.getrefcount(x))
del x
it = iter([a])
print(sys.getrefcount(a))
nxt = next(it)
print(sys.getrefcount(a))
print(sys.getrefcount(int('257')))
c = 12345678901
print(sys.getrefcount(c))
)PY", true);
    CHECK(r.stdout_text == R"PY(1
2
2
3
3
4
3
4
5
3
3
3
2
3
4
4
5
1
4
)PY");
    CHECK(r.exit_status == 0);
}
