# gc.get_stats() counters move by exactly what our own collections did.
import gc
gc.disable()
gc.collect()

before = gc.get_stats()
print("generations:", len(before), sorted(before[0].keys()))
for _ in range(3):
    x = []
    x.append(x)
    del x
    gc.collect(0)
y = {}
y["y"] = y
del y
gc.collect()
after = gc.get_stats()
for gen in range(3):
    print("gen", gen, {k: after[gen][k] - before[gen][k] for k in ("collections", "collected", "uncollectable")})
