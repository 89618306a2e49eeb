# Dict keys and values are counted separately; pop and del release them.
import sys

key = "k" + str(1000)
val = []
print("key start:", sys.getrefcount(key), "val start:", sys.getrefcount(val))
d = {key: val}
print("after d = {key: val}:", sys.getrefcount(key), sys.getrefcount(val))
d[key] = val
print("same assignment again:", sys.getrefcount(key), sys.getrefcount(val))
e = dict(d)
print("e = dict(d):", sys.getrefcount(key), sys.getrefcount(val))
popped = e.pop(key)
print("popped = e.pop(key):", sys.getrefcount(key), sys.getrefcount(val))
del popped
print("del popped:", sys.getrefcount(key), sys.getrefcount(val))
del d[key]
print("del d[key]:", sys.getrefcount(key), sys.getrefcount(val))
d.setdefault(key, val)
print("setdefault:", sys.getrefcount(key), sys.getrefcount(val))
items = list(d.items())
print("list(d.items()):", sys.getrefcount(key), sys.getrefcount(val))
