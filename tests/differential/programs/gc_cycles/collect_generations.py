# gc.collect(generation) and the generation a surviving object has moved to.
import gc
gc.disable()
gc.collect()

a = []
a.append(a)
del a
print("collect(0):", gc.collect(0))
b = []
b.append(b)
print("collect(0) while b alive:", gc.collect(0))
del b
print("collect(0) after b moved to gen 1:", gc.collect(0))
print("collect(1):", gc.collect(1))
c = []
c.append(c)
gc.collect(1)
del c
print("c in gen 2, collect(1):", gc.collect(1))
print("collect(2):", gc.collect(2))
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError:", e)
