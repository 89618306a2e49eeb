# A weak reference does not keep its referent alive and returns None once it is gone.
import sys
import weakref

class Thing:
    def __init__(self, name):
        self.name = name

t = Thing("t")
r = weakref.ref(t)
print("r() is t:", r() is t)
print("refcount unaffected:", sys.getrefcount(t))
r_again = weakref.ref(t)
print("second ref to the same object:", r_again() is r())
print("r() name:", r().name)
del t
print("after del t, r() is None:", r() is None)
print("calling again:", r())
