# A self-cycle with an outside weakref whose callback runs when the collector frees it.
import gc
import weakref
gc.disable()
gc.collect()

class Obj:
    pass

def callback(ref):
    print("  callback; referent now:", ref())

o = Obj()
o.me = o
r = weakref.ref(o, callback)
del o
print("alive before collect:", r() is not None)
print("collected:", gc.collect())
print("alive after collect:", r() is not None)
