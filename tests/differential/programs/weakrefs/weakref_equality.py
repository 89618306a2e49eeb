# Weakrefs to the same live object compare equal; weakref.ref without callback is reused.
import weakref

class Thing:
    pass

t = Thing()
r1 = weakref.ref(t)
r2 = weakref.ref(t)
print("r1 is r2 (no callback, shared):", r1 is r2)
r3 = weakref.ref(t, lambda ref: None)
print("r3 is r1:", r3 is r1, "r3 == r1:", r3 == r1)
u = Thing()
ru = weakref.ref(u)
print("refs to different objects equal:", ru == r1)
del t
print("dead refs equal only if same object:", r1 == r2, r1 == r3)
print("ref to u still alive:", ru() is u)
