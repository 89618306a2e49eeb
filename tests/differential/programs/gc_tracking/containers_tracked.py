# Containers, functions, classes and instances are tracked; dicts start untracked.
import gc
import sys

class C:
    pass

class S:
    __slots__ = ('a',)

def f():
    return 1

def gen():
    yield 1

for label, obj in [("[]", []), ("[1, 2]", [1, 2]), ("set()", set()), ("{1, 2}", {1, 2}),
                   ("frozenset({1})", frozenset({1})), ("C()", C()), ("S()", S()),
                   ("function", f), ("lambda", lambda: 0), ("class C", C),
                   ("module sys", sys), ("bound method", [].append), ("generator", gen()),
                   ("iter([])", iter([])), ("{}", {}), ("{'a': 1}", {'a': 1}),
                   ("{'a': []}", {'a': []})]:
    print(label, gc.is_tracked(obj))
