# Generation 2 is skipped while few objects survive into it (the 25% rule), even past threshold2.
import gc
gc.disable()
gc.collect()

gens = [0, 0, 0]

def cb(phase, info):
    if phase == "start":
        gens[info["generation"]] += 1

gc.callbacks.append(cb)
gc.set_threshold(100, 2, 2)
gc.enable()
for i in range(20000):
    x = []
    x.append(x)
del x
gc.disable()
print("all garbage: gen0 > 0:", gens[0] > 0, "gen1 > 0:", gens[1] > 0, "gen2:", gens[2])
gens[0] = gens[1] = gens[2] = 0
gc.enable()
keep = []
for i in range(60000):
    keep.append([])
gc.disable()
print("all kept: gen2 collections happened:", gens[2] > 0)
gc.callbacks.remove(cb)
gc.set_threshold(700, 10, 10)
