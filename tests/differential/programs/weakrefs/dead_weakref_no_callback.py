# If the weakref object itself dies first, its callback never runs.
import weakref

class Thing:
    pass

def cb(ref):
    print("callback ran")

t = Thing()
r = weakref.ref(t, cb)
del r
print("weakref deleted first")
del t
print("object deleted: no callback above")
t2 = Thing()
keep = weakref.ref(t2, cb)
del t2
print("kept weakref:", keep() is None)
