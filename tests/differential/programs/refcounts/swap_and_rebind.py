# Tuple swapping and rebinding names: counts before and after.
import sys

a = ["a"]
b = ["b"]
print("a, b:", sys.getrefcount(a), sys.getrefcount(b))
a, b = b, a
print("after swap:", sys.getrefcount(a), sys.getrefcount(b), a, b)
c = a
a = b
print("after c = a; a = b:", sys.getrefcount(a), sys.getrefcount(c))
x = y = z = c
print("x = y = z = c:", sys.getrefcount(c))
x, y = 1, 2
print("x, y rebound:", sys.getrefcount(c))
first, *rest = [c, c, c]
print("first, *rest = [c, c, c]:", sys.getrefcount(c), len(rest))
del first, rest, z
print("released:", sys.getrefcount(c))
