# Several weakrefs to one object: callbacks run newest first.
import weakref

class Thing:
    pass

def make_cb(label):
    def cb(ref):
        print("  callback", label)
    return cb

t = Thing()
refs = [weakref.ref(t, make_cb(i)) for i in range(3)]
print("all alive:", all(r() is t for r in refs))
del t
print("refs dead:", [r() is None for r in refs])
