# Shallow copies share the items: every copy adds a reference to each item.
import sys

item = []
a = [item, item]
print("start:", sys.getrefcount(item))
b = a[:]
print("b = a[:]:", sys.getrefcount(item))
c = list(a)
print("c = list(a):", sys.getrefcount(item))
d = a.copy()
print("d = a.copy():", sys.getrefcount(item))
e = a[::2]
print("e = a[::2]:", sys.getrefcount(item))
t = tuple(a)
print("t = tuple(a):", sys.getrefcount(item))
del a[0]
print("del a[0]:", sys.getrefcount(item))
a[0:1] = []
print("a[0:1] = []:", sys.getrefcount(item))
b[:] = [1, 2, 3]
print("b[:] = [1, 2, 3]:", sys.getrefcount(item))
del c, d, e, t
print("del c, d, e, t:", sys.getrefcount(item))
