# A dict becomes tracked when it receives a container, and is untracked only by a full collection.
import gc
gc.disable()
gc.collect()

d = {}
print("{}:", gc.is_tracked(d))
d['a'] = 1
print("after d['a'] = 1:", gc.is_tracked(d))
d['b'] = []
print("after d['b'] = []:", gc.is_tracked(d))
del d['b']
print("after del d['b']:", gc.is_tracked(d))
gc.collect(0)
print("after collect(0):", gc.is_tracked(d))
gc.collect()
print("after full collect:", gc.is_tracked(d))
d['t'] = (1, 2)
print("after adding a constant tuple:", gc.is_tracked(d))
e = dict(x=1, y="two")
print("dict(x=1, y='two'):", gc.is_tracked(e))
f = {1: {2: 3}}
print("{1: {2: 3}}:", gc.is_tracked(f), "inner:", gc.is_tracked(f[1]))
