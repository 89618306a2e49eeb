# set_threshold(0) turns automatic collection off even while gc is enabled.
import gc
gc.disable()
gc.collect()

runs = []

def cb(phase, info):
    if phase == "start":
        runs.append(info["generation"])

gc.callbacks.append(cb)
gc.set_threshold(0)
print("threshold:", gc.get_threshold())
gc.enable()
keep = [[] for _ in range(3000)]
print("automatic runs with threshold 0:", len(runs))
gc.set_threshold(100)
more = [[] for _ in range(500)]
gc.disable()
print("runs with threshold 100:", len(runs) > 0)
gc.callbacks.remove(cb)
gc.set_threshold(700, 10, 10)
print("restored:", gc.get_threshold())
