# gc.get_count() differences: a collection of generation g resets counts 0..g and bumps g+1.
import gc
gc.disable()
gc.collect()

keep = []
base0 = gc.get_count()[0]
for _ in range(30):
    keep.append([])
print("gen0 count grew by:", gc.get_count()[0] - base0)
gc.collect(0)
c = gc.get_count()
print("after collect(0): gen1 =", c[1], "gen2 =", c[2])
gc.collect(0)
gc.collect(0)
print("after two more collect(0): gen1 =", gc.get_count()[1])
gc.collect(1)
c = gc.get_count()
print("after collect(1): gen1 =", c[1], "gen2 =", c[2])
gc.collect(2)
c = gc.get_count()
print("after collect(2): gen1 =", c[1], "gen2 =", c[2])
