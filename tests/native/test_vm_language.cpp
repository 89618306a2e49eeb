// test_vm_language.cpp — the language on the simulated heap: classes, functions, containers.
//
// Programs that exercise the interpreter broadly (method resolution, descriptors, closures,
// generators, comprehensions, string and container methods, numbers).
// Generated expectations: the output of python3 (CPython 3.11.7) for each program, with
// PYTHONHASHSEED=0; every run also checks the heap's and allocator's invariants afterwards.

#include <catch2/catch.hpp>

#include "test_vm_support.hpp"

using refscope::testing::last_line;
using refscope::testing::run_python;

TEST_CASE("classes and special methods", "[vm][language]") {
    auto r = run_python(R"PY(class Shape:
    count = 0
    def __init__(self, name):
        self.name = name
        Shape.count += 1
    def area(self):
        return 0
    def describe(self):
        return f"{self.name} with area {self.area():.2f}"
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"
    def __eq__(self, other):
        return isinstance(other, Shape) and self.area() == other.area()
    def __lt__(self, other):
        return self.area() < other.area()
class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2
class Square(Shape):
    def __init__(self, s):
        super().__init__("square")
        self.s = s
    def area(self):
        return self.s * self.s
    @property
    def side(self):
        return self.s
    @side.setter
    def side(self, v):
        self.s = v
    @staticmethod
    def unit():
        return Square(1)
    @classmethod
    def make(cls, s):
        return cls(s)
shapes = [Circle(1), Square(2), Square.unit(), Square.make(3)]
for s in sorted(shapes):
    print(s.describe(), repr(s))
print(Shape.count, Square(2) == Square(2), Square(2) == Circle(1))
sq = Square(4)
sq.side = 5
print(sq.side, sq.area(), isinstance(sq, Shape), issubclass(Square, Shape), Square.__mro__)
class Slotted:
    __slots__ = ("x", "y")
    def __init__(self):
        self.x = 1
try:
    Slotted().z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(Slotted().y)
except AttributeError as e:
    print("AttributeError:", e)
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __len__(self):
        return 2
    def __iter__(self):
        yield self.x
        yield self.y
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __bool__(self):
        return bool(self.x or self.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
v = Vec(1, 2) + Vec(3, 4) * 2
print(list(v), len(v), v[1], bool(Vec(0, 0)), 3 * Vec(1, 1) == Vec(3, 3), {Vec(1, 2): 'a'}[Vec(1, 2)])
)PY", false);
    CHECK(r.stdout_text == R"PY(square with area 1.00 Square('square')
circle with area 3.14 Circle('circle')
square with area 4.00 Square('square')
square with area 9.00 Square('square')
4 True False
5 25 True True (<class '__main__.Square'>, <class '__main__.Shape'>, <class 'object'>)
AttributeError: 'Slotted' object has no attribute 'z'
AttributeError: 'Slotted' object has no attribute 'y'
[7, 10] 2 10 False True a
)PY");
    CHECK(r.exit_status == 0);
}

TEST_CASE("functions, closures and generators", "[vm][language]") {
    auto r = run_python(R"PY(def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc
c = counter()
c(); c(5)
print(c())
def kw(a, b=2, *args, c, d=4, **rest):
    return (a, b, args, c, d, sorted(rest.items()))
print(kw(1, c=3))
print(kw(1, 2, 3, 4, c=5, e=6, f=7))
print(kw(*[1, 2], **{"c": 9}))
def gen(n):
    for i in range(n):
        x = yield i * i
        if x:
            print("got", x)
    return "done"
g = gen(3)
print(next(g), g.send("hi"), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], (3,), "ab")))
print([x * y for x in range(3) for y in range(2) if x != y])
print({k: v for k, v in zip("abc", range(3))}, {x % 3 for x in range(10)})
print(sum(x for x in range(10) if x % 2), list(map(lambda p: p[0] * p[1], zip([1, 2], [3, 4]))))
print(sorted(["b", "A", "c"], key=str.lower, reverse=True), max([3, 1, 2], key=lambda v: -v))
x = 10
def show():
    global x
    x += 1
    return x
print(show(), x)
import math
print(math.sqrt(16), math.floor(-2.5), math.gcd(12, 18), math.factorial(10), round(2.675, 2), round(0.5), round(1.5))
print(divmod(-7, 2), -7 // 2, -7 % 2, 7.5 // 2, 2 ** -1, 2 ** 100, (-2) ** 3, 10 / 4)
print(int("ff", 16), hex(255), bin(10), oct(8), float("1e3"), 1_000_000, 0.1 + 0.2, 1e300 * 1e10)
)PY", false);
    CHECK(r.stdout_text == R"PY(7
(1, 2, (), 3, 4, [])
(1, 2, (3, 4), 5, 4, [('e', 6), ('f', 7)])
(1, 2, (), 9, 4, [])
got hi
0 1 4
stop done
[1, 2, 3, 'a', 'b']
[0, 0, 0, 2]
{'a': 0, 'b': 1, 'c': 2} {0, 1, 2}
25 [3, 8]
['c', 'b', 'A'] 1
11 11
4.0 -3 6 3628800 2.67 0 2
(-4, 1) -4 1 3.0 0.5 1267650600228229401496703205376 -8 2.5
255 0xff 0b1010 0o10 1000.0 1000000 0.30000000000000004 inf
)PY");
    CHECK(r.exit_status == 0);
}

TEST_CASE("strings and containers", "[vm][language]") {
    auto r = run_python(R"PY(s = "Hello, World"
print(s.lower(), s.upper(), s.split(", "), s.find("o"), s.rfind("o"), s.count("l"), s[::-1], s[1:5], s[-3:])
print("  pad  ".strip(), "x".center(7, "*"), "42".zfill(5), "a,b,,c".split(","), " a  b ".split(), "-".join(["x", "y"]))
print("%s is %d years, %.2f%%" % ("Ann", 30, 12.345), "{:>6}|{:<6}|{:^6}".format("a", "b", "c"), f"{3.14159:.3f} {255:#x} {1234567:,}")
print("title case words".title(), "CamelCase".swapcase(), "abc".startswith(("x", "a")), "é".upper(), len("héllo"))
print(repr("quote's"), repr('dq"'), repr("tab\t"), ascii("é"), str(b"bytes"), "a\nb".splitlines())
L = [5, 3, 8, 1]
L.sort()
L.append(9); L.insert(0, 0); L.extend([7, 7]); L.remove(7)
print(L, L.pop(), L.pop(0), L.index(8), L.count(7), L[1:4], L[::2])
L[1:3] = ["a", "b", "c"]
del L[0]
print(L, sorted(L, key=str), list(reversed(L)))
d = {"b": 2, "a": 1}
d["c"] = 3
d.setdefault("a", 10)
d.update(z=26)
print(d, list(d.keys()), list(d.values()), list(d.items()), d.get("q"), d.pop("b"), "b" in d, len(d))
print({1, 2, 3} | {3, 4}, {1, 2, 3} & {2, 3, 4}, {1, 2, 3} - {2}, {1, 2} ^ {2, 3}, {3, 1, 2}, set("hello"), frozenset([1, 2]))
print(sorted({"apple", "banana", "cherry"}), sorted({"apple", "banana"}), {1, 2} <= {1, 2, 3}, tuple(range(5)), list(range(10, 0, -3)))
print(dict(zip("ab", [1, 2])), dict([("x", 1)]), dict(a=1), list(enumerate("ab", 1)), [1, [2, [3]]], (1,), ())
)PY", false);
    CHECK(r.stdout_text == R"PY(hello, world HELLO, WORLD ['Hello', 'World'] 4 8 3 dlroW ,olleH ello rld
pad ***x*** 00042 ['a', 'b', '', 'c'] ['a', 'b'] x-y
Ann is 30 years, 12.35%      a|b     |  c    3.142 0xff 1,234,567
Title Case Words cAMELcASE True É 5
"quote's" 'dq"' 'tab\t' '\xe9' b'bytes' ['a', 'b']
[1, 3, 5, 8, 9] 7 0 3 0 [3, 5, 8] [1, 5, 9]
['a', 'b', 'c', 8, 9] [8, 9, 'a', 'b', 'c'] [9, 8, 'c', 'b', 'a']
{'a': 1, 'c': 3, 'z': 26} ['b', 'a', 'c', 'z'] [2, 1, 3, 26] [('b', 2), ('a', 1), ('c', 3), ('z', 26)] None 2 False 3
{1, 2, 3, 4} {2, 3} {1, 3} {1, 3} {1, 2, 3} {'e', 'h', 'l', 'o'} frozenset({1, 2})
['apple', 'banana', 'cherry'] ['apple', 'banana'] True (0, 1, 2, 3, 4) [10, 7, 4, 1]
{'a': 1, 'b': 2} {'x': 1} {'a': 1} [(1, 'a'), (2, 'b')] [1, [2, [3]]] (1,) ()
)PY");
    CHECK(r.exit_status == 0);
}
