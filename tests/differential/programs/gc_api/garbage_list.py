# gc.garbage stays empty for ordinary cycles, even cycles of objects with __del__ (PEP 442).
import gc
gc.disable()
gc.collect()

class Fin:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("  finalizing", self.n)

for i in range(3):
    f = Fin(i)
    f.self_ref = f
del f
print("collected:", gc.collect())
print("len(gc.garbage):", len(gc.garbage))
print("type of gc.garbage:", type(gc.garbage))
print("callbacks is a list:", isinstance(gc.callbacks, list), len(gc.callbacks))
