# A weakref callback runs at the moment the referent's last strong reference disappears.
import weakref

class Thing:
    pass

def on_death(ref):
    print("  callback: referent gone, ref() =", ref())

t = Thing()
r = weakref.ref(t, on_death)
print("aliasing")
u = t
print("del t")
del t
print("del u")
del u
print("after del u")
container = [Thing()]
r2 = weakref.ref(container[0], on_death)
print("container.clear()")
container.clear()
print("end")
