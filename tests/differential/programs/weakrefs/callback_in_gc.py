# When the collector frees a cycle, callbacks of outside weakrefs run during gc.collect().
import gc
import weakref
gc.disable()
gc.collect()

class Node:
    def __init__(self, name):
        self.name = name

def cb(ref):
    print("  callback while collecting")

a = Node("a")
b = Node("b")
a.other = b
b.other = a
ra = weakref.ref(a, cb)
rb = weakref.ref(b)
del a, b
print("refs alive before collect:", ra() is not None, rb() is not None)
print("collected:", gc.collect())
print("refs alive after collect:", ra() is not None, rb() is not None)
