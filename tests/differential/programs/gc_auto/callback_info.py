# gc.callbacks receive ("start", info) and ("stop", info) with generation/collected/uncollectable.
import gc
gc.disable()
gc.collect()

log = []

def cb(phase, info):
    log.append((phase, info["generation"], info["collected"], info["uncollectable"]))

gc.callbacks.append(cb)
x = []
x.append(x)
del x
n = gc.collect()
gc.collect(0)
gc.collect(1)
gc.callbacks.remove(cb)
print("returned:", n)
for entry in log:
    print(entry)
print("keys:", sorted(["generation", "collected", "uncollectable"]))
