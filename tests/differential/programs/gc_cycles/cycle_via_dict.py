# Cycles through dictionaries and tuples.
import gc
gc.disable()
gc.collect()

registry = {}
item = {"registry": registry}
registry["item"] = item
del registry, item
print("two dicts:", gc.collect())

box = [None]
t = (box, 1, 2)
box[0] = t
del box, t
print("list <-> tuple:", gc.collect())

graph = {n: [] for n in range(4)}
for n in range(4):
    graph[n].append(graph)
del graph
print("dict of lists pointing back:", gc.collect())
