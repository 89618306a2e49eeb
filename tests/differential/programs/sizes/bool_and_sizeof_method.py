# getsizeof adds the GC header (16 bytes) to __sizeof__ for container types.
import sys

class C:
    pass

class S:
    __slots__ = ("a",)

def f():
    pass

for obj in [[], (), {}, set(), 1, 1.0, "ab", b"ab", (1, 2), [1, 2], C(), S(), f, object(), range(1)]:
    print(type(obj).__name__, obj.__sizeof__(), sys.getsizeof(obj), sys.getsizeof(obj) - obj.__sizeof__())
