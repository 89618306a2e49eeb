# With a low threshold, every 12th automatic collection is a generation-1 collection (threshold1 = 10).
import gc
gc.disable()
gc.collect()

gens = []

def cb(phase, info):
    if phase == "start":
        gens.append(info["generation"])

gc.set_threshold(20, 10, 10)
gc.callbacks.append(cb)
gc.enable()
keep = []
for i in range(2000):
    keep.append([])
gc.disable()
gc.callbacks.remove(cb)
gc.set_threshold(700, 10, 10)
print("collections:", len(gens))
print("gen 0:", gens.count(0), "gen 1:", gens.count(1), "gen 2:", gens.count(2))
first_gen1 = gens.index(1)
print("first gen-1 collection at position:", first_gen1)
print("pattern start:", gens[:24])
