# hash() of ints, floats, tuples and bools is deterministic; equal values hash equal.
print(hash(1), hash(-1), hash(0), hash(2 ** 61 - 1), hash(2 ** 61), hash(-2))
print(hash(1.0) == hash(1), hash(1.5), hash(-0.0) == hash(0))
print(hash((1, 2)) == hash((1, 2)), hash(True), hash(False))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
try:
    hash([1])
except TypeError as e:
    print("TypeError:", e)
try:
    hash({})
except TypeError as e:
    print("TypeError:", e)
a = "some text"
b = "some " + "text"[0:]
print("equal strings hash equal:", hash(a) == hash(b))
print("id of live objects differ:", id(a) != id([]))
