# Comprehensions and map/filter results hold references to what they collect.
import sys

a = []
lst = [a for _ in range(4)]
print("list comprehension of 4:", sys.getrefcount(a))
dct = {i: a for i in range(3)}
print("dict comprehension of 3:", sys.getrefcount(a))
tpl = tuple(a for _ in range(2))
print("tuple from generator expression:", sys.getrefcount(a))
fl = list(filter(lambda o: o is a, [a, [], a]))
print("filter result of 2:", sys.getrefcount(a), len(fl))
mp = list(map(lambda o: o, [a]))
print("map result:", sys.getrefcount(a))
del lst, dct, tpl, fl, mp
print("all dropped:", sys.getrefcount(a))
