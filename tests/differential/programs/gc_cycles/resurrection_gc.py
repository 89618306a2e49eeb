# A self-cycle whose __del__ stores self globally is resurrected; __del__ does not run again.
import gc
gc.disable()
gc.collect()

saved = None

class Lazarus:
    def __init__(self):
        self.me = self
    def __del__(self):
        global saved
        print("  __del__ runs")
        saved = self

x = Lazarus()
del x
print("first collect:", gc.collect())
print("resurrected:", saved is not None, saved.me is saved)
saved = None
print("second collect:", gc.collect())
print("saved:", saved)
