// test_vm_gc.cpp — the collector experiments of spec §13.5 as programs.
//
// gc.collect() counts, finalizers in cycles, resurrection, weakref callbacks, DEBUG_SAVEALL,
// freeze, thresholds.
// Generated expectations: the output of python3 (CPython 3.11.7) for each program, with
// PYTHONHASHSEED=0; every run also checks the heap's and allocator's invariants afterwards.

#include <catch2/catch.hpp>

#include "test_vm_support.hpp"

using refscope::testing::last_line;
using refscope::testing::run_python;

TEST_CASE("collector experiments of spec 13.5", "[vm][gc]") {
    auto r = run_python(R"PY(import gc
gc.disable()
gc.collect()
def dummyf():
    x = []
    x.append(x)
for _ in range(10):
    dummyf()
print(gc.collect())
a = []; b = [a]; a.append(b)
del a, b
print(gc.collect())
class A:
    pass
a = A(); b = A(); a.p = b; b.p = a
del a, b
print(gc.collect())
a = A(); b = A(); a.p = b; b.p = a
a.__dict__; b.__dict__
del a, b
print(gc.collect())
class S:
    __slots__ = ('p',)
a = S(); b = S(); a.p = b; b.p = a
del a, b
print(gc.collect())
d = {}
d['me'] = d
del d
print(gc.collect())
c = A()
c.me = c
del c
print(gc.collect())
def make():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    return fact
f = make()
del f
print(gc.collect())
class Tmp:
    pass
del Tmp
print(gc.collect())
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
a = D(1); b = D(2); a.p = b; b.p = a
del a, b
print(gc.collect(), gc.garbage)
saved = None
class L:
    def __init__(self):
        self.me = self
    def __del__(self):
        global saved
        saved = self
x = L()
del x
print(gc.collect(), saved is not None)
saved = None
print(gc.collect())
import weakref
class W:
    pass
w = W()
w.me = w
r = weakref.ref(w, lambda ref: print("callback", ref()))
del w
print(gc.collect())
gc.set_debug(gc.DEBUG_SAVEALL)
x = []
x.append(x)
del x
print(gc.collect(), len(gc.garbage), gc.garbage[0][0] is gc.garbage[0])
gc.set_debug(0)
gc.garbage.clear()
print(gc.collect())
y = []
y.append(y)
del y
gc.freeze()
print(gc.collect())
gc.unfreeze()
print(gc.collect())
print(gc.get_threshold())
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError:", e)
)PY", false);
    CHECK(r.stdout_text == R"PY(10
2
2
4
2
1
1
3
6
del 1
del 2
2 []
0 True
1
callback None
1
1 1 True
1
0
1
(700, 10, 10)
(500, 10, 10)
ValueError: invalid generation
)PY");
    CHECK(r.exit_status == 0);
}

TEST_CASE("__del__ timing", "[vm][gc]") {
    auto r = run_python(R"PY(class N:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("del", self.tag)
def f():
    a = N("a")
    b = N("b")
    print("returning")
    return "value"
print(f())
a = N("x")
b = a
a = None
print("still held")
b = None
L = [N(1), N(2), N(3)]
del L
t = (N("t0"), N("t1"))
del t
d = {"k1": N("d1"), "k2": N("d2")}
del d
x = N("attr1")
class H:
    pass
h = H()
h.v = N("h1")
h.v = N("h2")
del h
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")
g = gen()
next(g)
del g
for v in gen():
    break
print("after break")
try:
    def boom():
        n = N("in boom")
        raise ValueError("x")
    boom()
except ValueError:
    print("caught")
print("end")
)PY", true);
    CHECK(r.stdout_text == R"PY(returning
del a
del b
value
still held
del x
del 3
del 2
del 1
del t1
del t0
del d1
del d2
del h1
del h2
gen cleanup
gen cleanup
after break
caught
del in boom
end
del attr1
)PY");
    CHECK(r.exit_status == 0);
}
