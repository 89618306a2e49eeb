# With threshold0 = 10, keeping 100 new lists triggers automatic gen-0 collections.
import gc
gc.disable()
gc.collect()

events = []

def on_gc(phase, info):
    if phase == "start":
        events.append(info["generation"])

gc.set_threshold(10)
print("threshold:", gc.get_threshold())
gc.callbacks.append(on_gc)
gc.enable()
keep = []
for i in range(100):
    keep.append([])
gc.disable()
gc.callbacks.remove(on_gc)
print("automatic collections:", len(events))
print("generations:", events)
print("all gen 0 or 1:", all(g in (0, 1) for g in events))
