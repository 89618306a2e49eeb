# gc.get_count() read inside the "start" callback of automatic collections (threshold0 = 50).
import gc
gc.disable()
gc.collect()

seen = []

def cb(phase, info):
    if phase == "start" and len(seen) < 14:
        seen.append((info["generation"], gc.get_count()))

gc.set_threshold(50, 10, 10)
gc.callbacks.append(cb)
gc.enable()
keep = []
for i in range(800):
    keep.append([])
gc.disable()
gc.callbacks.remove(cb)
gc.set_threshold(700, 10, 10)
for generation, count in seen:
    print("gen", generation, "count", count)
