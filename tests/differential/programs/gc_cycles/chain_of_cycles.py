# Garbage hanging off a cycle is freed with it; everything unreachable is counted.
import gc
gc.disable()
gc.collect()

class Node:
    pass

ring = [Node() for _ in range(5)]
for i in range(5):
    ring[i].next = ring[(i + 1) % 5]
ring[0].payload = [[1], [2], [3]]
del ring
print("ring of 5 with 4 lists attached:", gc.collect())

a = []
b = [a]
a.append(b)
keeper = [a]
del a, b
print("cycle still referenced from a global:", gc.collect())
del keeper
print("after del keeper:", gc.collect())
