# A cache keyed by name that forgets objects once nobody else uses them.
import weakref

class Image:
    def __init__(self, name):
        self.name = name
        print("  load", name)

cache = {}

def get(name):
    ref = cache.get(name)
    if ref is not None:
        obj = ref()
        if obj is not None:
            return obj
    obj = Image(name)
    cache[name] = weakref.ref(obj)
    return obj

a = get("cat")
b = get("cat")
print("same object:", a is b)
del a, b
c = get("cat")
print("reloaded after release")
d = get("dog")
print("live entries:", sorted(k for k, r in cache.items() if r() is not None))
del c
print("live entries:", sorted(k for k, r in cache.items() if r() is not None))
