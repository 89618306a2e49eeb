# Each container slot holding an object adds one reference to it.
import sys

a = []
print("start:", sys.getrefcount(a))
L = [a] * 3
print("L = [a] * 3:", sys.getrefcount(a))
L2 = [a, a, a]
print("L2 = [a, a, a]:", sys.getrefcount(a))
t = (a,)
print("t = (a,):", sys.getrefcount(a))
d = {'k': a}
print("d = {'k': a}:", sys.getrefcount(a))
d['k2'] = a
print("d['k2'] = a:", sys.getrefcount(a))
s = {1: a, 2: a}
print("second dict with two values:", sys.getrefcount(a))
L.append(a)
print("L.append(a):", sys.getrefcount(a))
L.pop()
print("L.pop():", sys.getrefcount(a))
L.clear()
print("L.clear():", sys.getrefcount(a))
del L2, t, d, s
print("after del L2, t, d, s:", sys.getrefcount(a))
